"""Shared fixtures: one spaCy pipeline per test session, and helpers to run the real pipeline on text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirewatch.model import Article, Document
from wirewatch.nlp import load_nlp
from wirewatch.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def extract_text(nlp):
    """extract_text(text, date="2022-03-30") -> Document, through the real pipeline (all stages)."""

    def _extract(text: str, date: str | None = "2022-03-30", **article) -> Document:
        doc = Document(article=Article(id=article.pop("id", "t"), date=dt.date.fromisoformat(date) if date else None,
                                       **article), text=text)
        (out,) = list(run([doc], nlp=nlp))
        assert isinstance(out, Document), out
        return out

    return _extract


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("../shared/seed/article.txt is not beside the project")
    return path.read_text(encoding="utf-8")
