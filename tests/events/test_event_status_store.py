"""Status through the store: what happened by default, the rest when asked, from the API, the CLI and exports."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import sys

import httpx
import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.model import Article, Document, Event, Place, span_of
from wirewatch.store import Filters, Store, ingest_documents, parse_status
from wirewatch.store.schema import VERSION

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from ww_server import serving  # noqa: E402  (a real `wirewatch serve`, as the API tests use)

TEXT = ("Artillery shelled the port of Berdiansk on Monday. The army will attack the airport next week. "
        "The militia could shell the bridge. The war has killed thousands.")
BERD = dict(geonameid=712451, name="Berdiansk", country_code="UA", admin1="Zaporizhzhia Oblast", lat=46.7553,
            lon=36.7885, feature_class="P", feature_code="PPLA2", confidence=0.9)


def _doc() -> Document:
    def span(words: str):
        start = TEXT.index(words)
        return span_of(TEXT, start, start + len(words))

    def sentence(first: str):
        start = TEXT.index(first)
        return span_of(TEXT, start, TEXT.index(".", start) + 1)

    p = span("Berdiansk")
    events = [
        Event(id="e1", status="occurred", type="ASSAULT", place="p1", date="2022-05-02", date_precision="day",
              acled_event_type="Explosions/Remote violence", acled_sub_event_type="Shelling/artillery/missile attack",
              evidence=sentence("Artillery"), mentions=[span("shelled")]),
        Event(id="e2", status="future", type="ASSAULT", place="p1", evidence=sentence("The army"),
              mentions=[span("attack")]),
        Event(id="e3", status="hypothetical", type="ASSAULT", place="p1", evidence=sentence("The militia"),
              mentions=[span("shell the")]),
        Event(id="e4", status="generic", type="ASSAULT", evidence=sentence("The war"), mentions=[span("killed")]),
    ]
    return Document(article=Article(id="st-1", date=dt.date(2022, 5, 3), source="Testwire"), text=TEXT,
                    places=[Place(id="p1", text=p.text, start=p.start, end=p.end, **BERD)], events=events)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("status") / "ww.db"
    with Store.open(path) as store:
        ingest_documents(store, [_doc()])
    return path


def _ids(rows) -> list[str]:
    return sorted(r.id for r in rows)


def test_status_column_comes_with_a_migration(db):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert dict(conn.execute("SELECT key, status FROM event").fetchall()) == {
        "e1": "occurred", "e2": "future", "e3": "hypothetical", "e4": "generic"}


def test_queries_take_what_happened_by_default(db):
    with Store.open(db, read_only=True) as store:
        assert _ids(store.events(Filters())) == ["e1"]
        assert _ids(store.events(Filters(status=("future", "hypothetical")))) == ["e2", "e3"]
        assert _ids(store.events(Filters(status=None))) == ["e1", "e2", "e3", "e4"]
        assert [r.status for r in store.events(Filters(status=("generic",)))] == ["generic"]


def test_status_values_are_checked():
    assert parse_status(None) == ("occurred",)
    assert parse_status("future, occurred") == ("future", "occurred")
    assert parse_status("all") is None
    with pytest.raises(ValueError, match="'planned' is not one of"):
        parse_status("occurred,planned")


def test_cli_status_option(db):
    runner = CliRunner()
    out = runner.invoke(app, ["events", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [r["id"] for r in json.loads(out.stdout)] == ["e1"]
    out = runner.invoke(app, ["events", "--db", str(db), "--format", "json", "--status", "future,generic"])
    assert sorted(r["id"] for r in json.loads(out.stdout)) == ["e2", "e4"]
    bad = runner.invoke(app, ["events", "--db", str(db), "--status", "soon"])
    assert bad.exit_code != 0 and "--status" in bad.output


def test_api_status_parameter(db):
    with serving(db) as url, httpx.Client(base_url=url, timeout=30) as client:
        assert [r["id"] for r in client.get("/api/events").json()["items"]] == ["e1"]
        items = client.get("/api/events", params={"status": "all"}).json()["items"]
        assert sorted(r["id"] for r in items) == ["e1", "e2", "e3", "e4"]
        bad = client.get("/api/events", params={"status": "soon"})
        assert bad.status_code == 422 and "status" in bad.text


def test_geojson_export_maps_what_happened(db, tmp_path):
    out = tmp_path / "map.geojson"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "geojson", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text())["features"]) == 1
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "geojson", "-o", str(out),
                                      "--status", "occurred,future,hypothetical"])
    assert len(json.loads(out.read_text())["features"]) == 3


def test_linking_takes_only_what_happened(db):
    conn = sqlite3.connect(db)
    linked = dict(conn.execute("SELECT key, cluster FROM event"))
    assert linked["e1"]                                                 # linked into a cluster
    assert linked["e2"] == linked["e3"] == linked["e4"] == ""           # not linked by design, not waiting
