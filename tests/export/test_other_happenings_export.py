"""Disasters, accidents, elections and changes of office in the store: linked across outlets like any event,
never exported as ACLED events, listed in their own sitrep sections. Articles written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirewatch.export import acled_rows
from wirewatch.export.sitrep import build_sitrep
from wirewatch.model import Article, Document
from wirewatch.pipeline import run
from wirewatch.store import Filters, Store, ingest_documents

ARTICLES = [
    ("quake-a", "Agence One", "2024-02-12", "Strong earthquake kills 9 in mountain province",
     "A magnitude 6.1 earthquake struck the mountain province of Van on Monday, killing at least nine people "
     "and flattening dozens of mud-brick homes, the disaster agency said."),
    ("quake-b", "Wire Two", "2024-02-13", "Van earthquake toll rises to 12",
     "The death toll from Monday's earthquake in Van rose to 12 as rescuers pulled more bodies from the "
     "rubble of collapsed houses, officials said on Tuesday."),
    ("raid-c", "Wire Two", "2024-02-13", "Militants attack border post",
     "Militants attacked a border post near Hakkari on Tuesday, killing two soldiers, the defence ministry "
     "said."),
]


@pytest.fixture
def store_path(tmp_path: Path, nlp) -> Path:
    docs = list(run([Document(article=Article(id=aid, source=source, date=dt.date.fromisoformat(date), title=title),
                              text=text) for aid, source, date, title, text in ARTICLES], nlp=nlp))
    path = tmp_path / "ww.db"
    with Store.open(path) as store:
        ingest_documents(store, docs)
    return path


def test_two_reports_of_one_earthquake_are_one_cluster_of_the_disaster_family(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        (quake,) = store.clusters(Filters(type="DISASTER"))
        assert quake.n_sources == 2 and quake.n_reports == 2
        assert {r.article_id for r in quake.reports} == {"quake-a", "quake-b"}
        assert all(r.acled_event_type is None and r.cameo is None for r in quake.reports)
        assert quake.model_dump(mode="json")["family"] == "disaster"


def test_the_acled_export_leaves_the_disaster_out(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        rows = acled_rows(store, Filters(limit=1000))
    assert len(rows) == 1 and rows[0]["notes"].startswith("Wire Two: Militants attacked")


def test_the_sitrep_lists_the_disaster_apart_from_the_fighting(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        rep = build_sitrep(store, None, None)
    sections = {s.title: s for a in rep.areas for s in a.sections}
    assert "Disasters and accidents" in sections
    assert any("disaster (earthquake)" in line.text for line in sections["Disasters and accidents"].lines)
    fighting = [line.text for a in rep.areas for s in a.sections if s.title == "Strikes and fighting"
                for line in s.lines]
    assert fighting and all("earthquake" not in t for t in fighting)


def test_stored_event_rows_tell_their_family(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        rows = store.events(Filters(limit=100))
    fam = {r.article_id: r.model_dump(mode="json")["family"] for r in rows if r.status == "occurred"}
    assert fam["quake-a"] == "disaster" and fam["raid-c"] == "plover"
