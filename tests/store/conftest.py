"""Fixture corpora written for these tests (tests/fixtures): loaded by path, no package needed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from ww_corpus import strike_corpus  # noqa: E402

from wirewatch.store import Store, ingest_documents  # noqa: E402


@pytest.fixture
def corpus():
    return strike_corpus()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store file holding the three-way strike corpus, linked."""
    path = tmp_path / "ww.db"
    with Store.open(path) as store:
        ingest_documents(store, strike_corpus())
    return path
