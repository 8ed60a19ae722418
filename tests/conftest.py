"""Shared fixtures: one spaCy pipeline per test session, and helpers to run the real pipeline on text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sys

import pytest

from wirewatch.model import Article, Document
from wirewatch.nlp import load_nlp
from wirewatch.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))  # corpora written for the tests, imported by name


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


@pytest.fixture
def corpus():
    """The three-way strike corpus (tests/fixtures/ww_corpus.py): one strike told by three outlets."""
    from ww_corpus import strike_corpus

    return strike_corpus()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store file holding the three-way strike corpus, linked."""
    from ww_corpus import strike_corpus

    from wirewatch.store import Store, ingest_documents

    path = tmp_path / "ww.db"
    with Store.open(path) as store:
        ingest_documents(store, strike_corpus())
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("../shared/seed/article.txt is not beside the project")
    return path.read_text(encoding="utf-8")
