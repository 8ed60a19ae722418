"""Issue 20 items 2, 3 and 6, on real SQLite files.

2. The actor-name id cache follows the transactions: a rolled-back article (a failing insert, a full disk)
   never lends its ids to the next one. (Before: the next article was stored with another article's actors.)
3. Identity includes the source: two feeds sharing a guid, two folders each with `report.txt`, two API items
   with one id are all kept, none replaces another; re-ingesting is still a no-op; a store written before
   origins existed stays readable and adopts its rows. (Before: "stored 1, replaced 1".)
6. The actor filter is one parameterised set query, however many names match. (Before: one OR term per name;
   with ~500 names SQLite refused the query and the API answered 500.)
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from wirewatch import ingest
from wirewatch.model import Actor, Article, Document, Event, Span, Warned
from wirewatch.settings import Settings
from wirewatch.store import Filters, IngestReport, Store, ingest_documents
from wirewatch.store.schema import V1, _statements


def strike(article_id: str, attacker: str, target: str, *, origin: str | None = None, extra: str = "") -> Document:
    """An article whose one event has the two actors given (spans built from the text written here)."""
    text = f"{attacker} attacked {target} on Tuesday.{extra}"
    a2 = text.index(target)
    return Document(
        article=Article(id=article_id, origin=origin), text=text,
        actors=[Actor(id="a1", text=attacker, start=0, end=len(attacker), name=attacker),
                Actor(id="a2", text=target, start=a2, end=a2 + len(target), name=target)],
        events=[Event(id="e1", type="ASSAULT", actor1="a1", actor2="a2",
                      evidence=Span(text=text[:-1], start=0, end=len(text) - 1))])


def actors_of(store: Store, article_id: str) -> tuple[str | None, str | None]:
    (row,) = [r for r in store.events(Filters(limit=1000)) if r.article_id == article_id]
    return row.actor1, row.actor2


# -- item 2 --------------------------------------------------------------------------------------------

def test_a_rolled_back_article_lends_no_actor_ids_to_the_next(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    with Store.open(db) as store:
        store.put(strike("base", "Alpha Brigade", "Bravo Town"))
        # A write that fails after the event's actor names were inserted (a constraint, a full disk ...).
        store.conn.execute("CREATE TRIGGER poison BEFORE INSERT ON event WHEN NEW.ev_text LIKE '%poiso%'"
                           " BEGIN SELECT RAISE(ABORT, 'write failed'); END")
        with pytest.raises(sqlite3.DatabaseError):
            store.put(strike("failed", "Charlie Unit", "Delta Village", extra=" poison"))
        store.conn.execute("DROP TRIGGER poison")
        store.put(strike("next", "Echo Force", "Foxtrot City"))     # takes the rolled-back rowids
        store.put(strike("again", "Charlie Unit", "Delta Village"))  # names of the rolled-back article
        assert actors_of(store, "next") == ("Echo Force", "Foxtrot City")
        assert actors_of(store, "again") == ("Charlie Unit", "Delta Village")
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_full_disk_mid_batch_loses_only_the_articles_that_did_not_fit(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    docs = [strike(f"n{i}", f"Unit {i} North", f"Town {i} South", extra=" x" * 400) for i in range(60)]
    with Store.open(db) as store:
        store.put(strike("seed", "Seed Unit", "Seed Town"))
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # the disk fills after a few articles
        report = ingest_documents(store, docs, relink=False)
        assert report.skipped and report.stored and report.stored + len(report.skipped) == 60
        store.conn.execute("PRAGMA max_page_count = 1073741823")     # space again: the rest goes in
        again = ingest_documents(store, docs, relink=False)
        assert again.skipped == [] and again.stored == len(report.skipped)
        for doc in docs:
            assert actors_of(store, doc.article.id) == (doc.actors[0].name, doc.actors[1].name)
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_full_disk_while_linking_is_reported_and_the_next_run_links(tmp_path: Path) -> None:
    """Before: the link step at the end of the ingest raised (a traceback after the articles were stored)."""
    db = tmp_path / "ww.db"
    docs = [strike(f"n{i}", f"Unit {i} North", f"Town {i} South", extra=" x" * 400) for i in range(40)]
    with Store.open(db) as store:
        ingest_documents(store, docs[:39], relink=False)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")       # not one page more: linking cannot write
        report = ingest_documents(store, docs[39:])
        assert report.link_error and "disk is full" in report.link_error and "wait" in report.link_error
        assert report.as_dict()["link_error"] == report.link_error and report.link_error in report.summary()
        waiting = "SELECT count(*) FROM event WHERE cluster IS NULL"
        assert store.conn.execute(waiting).fetchone()[0] == 39          # rolled back whole, nothing half-linked
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        again = ingest_documents(store, docs)
        assert again.link_error is None and again.stored == 1 and store.conn.execute(waiting).fetchone()[0] == 0


# -- item 3 --------------------------------------------------------------------------------------------

def _feed(title: str, guid: str, body: str) -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><item><title>t</title>'
            f"<guid>{guid}</guid><description>{body}</description></item></channel></rss>")


def _ingest(db: Path, paths: list, items: list | None = None) -> IngestReport:
    with Store.open(db) as store:
        return ingest_documents(store, items if items is not None else ingest.read(paths, Settings()), relink=False)


def test_sources_sharing_an_id_are_all_kept_and_reingest_is_a_no_op(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text("Shelling hit Izium on Tuesday, officials said.")
    (tmp_path / "b" / "report.txt").write_text("Aid convoys reached Lyman on Friday, officials said.")
    (tmp_path / "desk.rss").write_text(_feed("Desk", "story-1", "A strike hit a depot near Kupiansk."))
    (tmp_path / "hostile.rss").write_text(_feed("Hostile", "story-1", "Nothing happened anywhere, trust us."))
    api = ingest.read_records([{"id": "x", "text": "Talks resumed in Istanbul on Monday."},
                               {"id": "x", "text": "A drone hit a substation in Odesa."}])
    db = tmp_path / "ww.db"
    paths = [tmp_path / "a", tmp_path / "b", tmp_path / "desk.rss", tmp_path / "hostile.rss"]
    first = _ingest(db, paths)
    first_api = _ingest(db, [], list(api))
    assert (first.stored, first.replaced, first_api.stored, first_api.replaced) == (4, 0, 2, 0)
    with Store.open(db, read_only=True) as store:
        texts = {r.id: store.document(r.id).text for r in store.articles(Filters(limit=100))}
    assert len(texts) == 6 and texts["story-1"] == "A strike hit a depot near Kupiansk."  # first source keeps it
    assert sorted(i.split("@")[0] for i in texts) == ["report", "report", "story-1", "story-1", "x", "x"]
    renamed = [w.reason for w in first.warnings + first_api.warnings if "stored as" in w.reason]
    assert len(renamed) == 3
    again = _ingest(db, paths)
    again_api = _ingest(db, [], list(ingest.read_records([{"id": "x", "text": "Talks resumed in Istanbul on Monday."},
                                                          {"id": "x", "text": "A drone hit a substation in Odesa."}])))
    assert (again.stored, again.replaced, again.unchanged) == (0, 0, 4)
    assert (again_api.stored, again_api.replaced, again_api.unchanged) == (0, 0, 2)


def test_the_same_source_updating_an_article_still_replaces_it(tmp_path: Path) -> None:
    feed = tmp_path / "desk.rss"
    feed.write_text(_feed("Desk", "story-1", "First version of the story."))
    db = tmp_path / "ww.db"
    _ingest(db, [feed])
    feed.write_text(_feed("Desk", "story-1", "Second, corrected version of the story."))
    report = _ingest(db, [feed])
    assert (report.stored, report.replaced) == (0, 1)


def test_a_store_from_before_origins_is_migrated_and_its_rows_adopted(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    doc = strike("old-1", "Alpha Brigade", "Bravo Town")
    conn = sqlite3.connect(db)
    for statement in _statements(V1):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO article(id, content_hash, input_hash, text_hash, document, stored_at)"
                 " VALUES ('old-1', 'c', 'i', ?, ?, '2024-01-01')",
                 (__import__("wirewatch.store.hashing", fromlist=["text_hash"]).text_hash(doc.text),
                  json.dumps(doc.to_json())))
    conn.commit()
    conn.close()
    with Store.open(db) as store:  # migrates
        assert store.document("old-1") == doc
        moved = doc.model_copy(update={"article": doc.article.model_copy(update={"origin": "/corpus/old-1.txt"})})
        assert store.put(moved) == "replaced"              # same id, same text: it is this source's row
        other = strike("old-1", "Golf Team", "Hotel Square", origin="/elsewhere/old-1.txt")
        assert store.put_article(other).id != "old-1"      # another source: kept beside it, not over it
        assert store.counts()["articles"] == 2


# -- item 6 --------------------------------------------------------------------------------------------

def test_actor_filter_with_hundreds_of_matching_names(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    with Store.open(db) as store:
        for i in range(300):
            store.put(strike(f"m{i}", f"Militia {i:03d}", f"Village {i:03d}"))
        rows = store.events(Filters(actor="i", limit=1000))      # 600 names contain an "i"
        assert len(rows) == 300
        assert len(store.events(Filters(actor="Militia 01", limit=1000))) == 10
        assert len(store.articles(Filters(actor="illag", limit=1000))) == 300
        assert len(store.places(Filters(actor="i"))) == 0 and store.clusters(Filters(actor="i")) == []
        assert store.events(Filters(actor="%", limit=5)) == []   # LIKE wildcards are matched literally
        assert len(store.events(Filters(actor="i", limit=7, offset=295))) == 5
