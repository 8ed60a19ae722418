"""Storing articles: one transaction each, dedupe by id and content, replacement, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirewatch.errors import StoreError
from wirewatch.model import Skipped
from wirewatch.store import Filters, Store, ingest_documents
from wirewatch.store.schema import VERSION


def test_ingesting_twice_changes_nothing(tmp_path: Path, corpus) -> None:
    path = tmp_path / "ww.db"
    with Store.open(path) as store:
        first = ingest_documents(store, corpus)
        counts = store.counts()
        second = ingest_documents(store, corpus)
        assert store.counts() == counts
    assert (first.stored, first.unchanged) == (3, 0)
    assert (second.stored, second.unchanged, second.replaced) == (0, 3, 0)
    assert counts == {"articles": 3, "events": 5, "claims": 4, "places": 4, "figures": 4, "clusters": 2}


def test_changed_article_replaces_its_old_version(tmp_path: Path, corpus) -> None:
    a = corpus[0]
    changed = a.model_copy(update={"events": [], "figures": []})
    with Store.open(tmp_path / "ww.db") as store:
        assert store.put(a) == "stored"
        assert store.put(changed) == "replaced"
        assert store.counts()["events"] == 0
        assert store.counts()["articles"] == 1
        assert store.document(a.article.id) == changed
        # the old version's text is no longer searchable twice
        assert [h.kind for h in store.search("missile", Filters())].count("article") == 1


def test_same_text_under_another_id_is_a_duplicate(tmp_path: Path, corpus) -> None:
    a = corpus[0]
    twin = a.model_copy(update={"article": a.article.model_copy(update={"id": "elsewhere"})})
    with Store.open(tmp_path / "ww.db") as store:
        assert store.put(a) == "stored"
        assert store.put(twin) == "duplicate"
        assert store.counts()["articles"] == 1


def test_document_round_trips(tmp_path: Path, corpus) -> None:
    with Store.open(tmp_path / "ww.db") as store:
        for doc in corpus:
            store.put(doc)
        assert store.document("strike-b") == corpus[1]
        assert store.document("nope") is None


def test_skips_are_reported_with_reasons(tmp_path: Path, corpus) -> None:
    with Store.open(tmp_path / "ww.db") as store:
        report = ingest_documents(store, [corpus[0], Skipped(record="feed.jsonl:3", reason="'text' is empty")])
    assert report.read == 2 and report.stored == 1
    assert "skipped 1" in report.summary() and "'text' is empty" in report.summary()


def test_store_is_wal_with_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "ww.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ww.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this Wirewatch"):
        Store.open(path)


def test_read_only_store_refuses_writes_and_missing_files(tmp_path: Path, corpus) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "missing.db", read_only=True)
    path = tmp_path / "ww.db"
    Store.open(path).close()
    with Store.open(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.put(corpus[0])


def test_not_a_store_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store.open(path)
