"""Linking reports written for these tests (tests/fixtures/link_corpus.py): a rising toll over three days, a
district / city / region told three ways, look-alike shootings a week apart, drone strikes on two cities."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from link_corpus import all_stories, drones, kharkiv, shootings, toll

from wirewatch.store import Filters, Store, ingest_documents


def members(db: Path) -> dict[str, set[str]]:
    """cluster id -> uids of its reports."""
    out: dict[str, set[str]] = {}
    with Store.open(db, read_only=True) as store:
        for e in store.events(Filters(limit=10_000)):
            out.setdefault(e.cluster_id, set()).add(e.uid)
    return out


def grouping(db: Path) -> set[frozenset[str]]:
    return {frozenset(v) for v in members(db).values()}


@pytest.fixture
def stories_db(tmp_path: Path) -> Path:
    db = tmp_path / "ww.db"
    with Store.open(db) as store:
        for doc in all_stories():          # one ingest per article, as a live feed would
            ingest_documents(store, [doc])
    return db


def test_a_toll_rising_over_three_days_is_one_incident_and_the_disagreement_is_flagged(stories_db: Path) -> None:
    assert frozenset({"toll-1#e1", "toll-2#e1", "toll-3#e1"}) in grouping(stories_db)
    with Store.open(stories_db, read_only=True) as store:
        (cl,) = [c for c in store.clusters(Filters(place="Sloviansk")) if c.n_reports == 3]
        story = store.story(cl.id)
    assert cl.n_sources == 3 and cl.first.isoformat() == "2023-05-08"
    killed = next(f for f in cl.figures if f.category == "killed")
    assert (killed.low, killed.high) == (4, 11)
    (clash,) = [c for c in cl.contradictions if c.kind == "figures"]
    assert {e.text for e in clash.evidence} == {"nine", "eleven people"}     # "at least four" fits both
    assert [r.article_id for r in story.reports] == ["toll-1", "toll-2", "toll-3"]
    assert [f.value for r in story.reports for f in r.figures] == [4, 9, 11]
    assert story.reports[0].joined is None and story.reports[1].joined.signals["place"] == "same"
    assert story.reports[1].disagrees == ["killed"] and story.reports[0].disagrees == []


def test_district_city_and_region_are_one_scene(stories_db: Path) -> None:
    assert frozenset({"kh-1#e1", "kh-2#e1", "kh-3#e1"}) in grouping(stories_db)
    with Store.open(stories_db, read_only=True) as store:
        (cl,) = [c for c in store.clusters(Filters(place="Kharkiv")) if c.n_reports == 3]
    assert cl.why.get("place") == 2 and cl.n_sources == 3


def test_look_alike_shootings_a_week_apart_stay_apart(stories_db: Path) -> None:
    groups = grouping(stories_db)
    assert frozenset({"sh-1#e1", "sh-2#e1"}) in groups          # the follow-up joins the first shooting
    assert frozenset({"sh-3#e1"}) in groups                     # the second shooting is its own incident


def test_look_alike_strikes_on_two_cities_stay_apart(stories_db: Path) -> None:
    groups = grouping(stories_db)
    assert frozenset({"dr-1#e1"}) in groups and frozenset({"dr-2#e1"}) in groups


def test_a_cluster_grown_one_article_at_a_time_equals_relink_all(stories_db: Path, tmp_path: Path) -> None:
    before = members(stories_db)
    with Store.open(stories_db) as store:
        store.relink()
    assert members(stories_db) == before                        # same ids, same members


def test_one_batch_gives_the_same_clusters_as_one_article_at_a_time(stories_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "batch.db"
    with Store.open(db) as store:
        ingest_documents(store, all_stories())
    assert members(db) == members(stories_db)


def test_events_stored_without_linking_are_linked_by_the_next_ingest(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    with Store.open(db) as store:
        ingest_documents(store, toll(), relink=False)           # as if killed before the link step
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM event WHERE cluster IS NULL").fetchone()[0] == 3
    with Store.open(db) as store:
        ingest_documents(store, toll()[:1])                     # stores nothing new, yet links what waits
    assert conn.execute("SELECT count(*) FROM event WHERE cluster IS NULL").fetchone()[0] == 0
    assert len(members(db)) == 1


def test_a_replaced_article_leaves_its_cluster_recounted(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    docs = toll()
    with Store.open(db) as store:
        ingest_documents(store, docs)
        changed = docs[2].model_copy(update={"text": docs[2].text + " "})     # new content, same id
        assert store.put(changed) == "replaced"
        store.link()
        (cl,) = [c for c in store.clusters(Filters()) if c.n_reports >= 2]
    assert cl.n_reports == 3 and {r.article_id for r in cl.reports} == {"toll-1", "toll-2", "toll-3"}


def test_a_merge_is_recorded_and_the_old_id_still_finds_the_story(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    k1, k2, k3 = kharkiv()
    with Store.open(db) as store:
        ingest_documents(store, [k1])
        ingest_documents(store, [shootings()[0]])
        ingest_documents(store, [k2, k3])
        clusters = store.clusters(Filters(place="Kharkiv"))
        merged = [c for c in clusters if c.merged_from]
        for c in merged:
            for old in c.merged_from:
                assert store.story(old).cluster.id == c.id
    assert sum(c.n_reports for c in clusters) == 3


def test_drones_and_shootings_do_not_change_the_toll_story(tmp_path: Path) -> None:
    alone, mixed = tmp_path / "a.db", tmp_path / "b.db"
    with Store.open(alone) as store:
        ingest_documents(store, toll())
    with Store.open(mixed) as store:
        ingest_documents(store, drones() + toll() + shootings())
    assert grouping(alone) <= grouping(mixed)


def test_an_undated_report_finds_the_dated_incident_it_tells_by_its_lead_words(tmp_path: Path) -> None:
    """An article without a date (no dateline, none given) whose event names no day and no place: the only
    route to the dated stories of the same strike is the words of its lead, searched on every day."""
    from link_corpus import report

    undated = report("toll-x", "2023-05-09", "Night Desk", "Sloviansk school missile strike: teachers among dead",
                     "Two teachers were among those killed when a Russian missile hit a school in Sloviansk, "
                     "rescuers searching the rubble said.",
                     [dict(sentence="Two teachers were among", type="ASSAULT")])
    undated = undated.model_copy(update={"article": undated.article.model_copy(update={"date": None})})
    db = tmp_path / "ww.db"
    with Store.open(db) as store:
        for doc in toll() + [undated]:
            ingest_documents(store, [doc])
    assert frozenset({"toll-1#e1", "toll-2#e1", "toll-3#e1", "toll-x#e1"}) in grouping(db)
