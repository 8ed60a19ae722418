"""Reports and alert rows written for the live tests (tests/api/test_alerts.py, tests/web/test_live.py).

Two short hand-annotated wire reports of our own: a drone strike on a fuel depot near Mykolaiv (stored before
the server starts, the event alerts fire on) and a later report of shelling in an Odesa suburb (ingested while
a client listens: the "new events" the page offers). `add_alert` writes an alert row the way `wirewatch watch`
does (docs/watch.md): the rule, the incident (the event's cluster, else its uid), and the payload with the event
as the API returns it and the article's id, title, url and source.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from ww_examples import _doc, _Text

from wirewatch.model import Actor, Claim, Document, Event, Figure, TimeExpr
from wirewatch.store import EventRow, Filters, Store, ingest_documents

DEPOT_UID = "sb-0402-depot#e1"
SUBURB_UID = "sb-0403-suburb#e1"


def depot_report() -> Document:
    t = _Text("MYKOLAIV, April 2 (Southern Bulletin) - A drone hit a fuel depot on the edge of Mykolaiv before dawn "
              "on Saturday, killing 2 workers, the city council said. Firefighters worked through the morning.")
    return _doc("sb-0402-depot", "2022-04-02", "Southern Bulletin", "Drone hits fuel depot in Mykolaiv", t.text,
                times=[TimeExpr(id="t1", type="DATE", value="2022-04-02", precision="day", **t.kw("Saturday"))],
                places=[t.place("p1", "Mykolaiv")],
                actors=[Actor(id="a1", name="Mykolaiv city council", kind="GOV", country_code="UA",
                              **t.kw("the city council"))],
                figures=[Figure(id="f1", category="killed", value=2, who="workers", place="p1", time="t1",
                                **t.kw("2 workers"))],
                claims=[Claim(id="c1", source=t.source("the city council", "GOV", "a1"), cue=t.span("said"),
                              content=t.span("A drone hit a fuel depot on the edge of Mykolaiv before dawn on "
                                             "Saturday, killing 2 workers"))],
                events=[Event(id="e1", type="ASSAULT", mode="drone", cameo="195",
                              acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
                              place="p1", date="2022-04-02", date_precision="day", figures=["f1"], claim="c1",
                              evidence=t.span("A drone hit a fuel depot on the edge of Mykolaiv before dawn on "
                                              "Saturday, killing 2 workers"), trigger=t.span("hit"))])


def suburb_report() -> Document:
    t = _Text("ODESA, April 3 (Southern Bulletin) - Shells landed in a suburb of Odesa on Sunday afternoon, "
              "killing 1 man and damaging a school, the regional governor said.")
    return _doc("sb-0403-suburb", "2022-04-03", "Southern Bulletin", "Shells land in Odesa suburb", t.text,
                times=[TimeExpr(id="t1", type="DATE", value="2022-04-03", precision="day", **t.kw("Sunday"))],
                places=[t.place("p1", "Odesa")],
                actors=[Actor(id="a1", name="Odesa regional governor", kind="GOV", country_code="UA",
                              **t.kw("the regional governor"))],
                figures=[Figure(id="f1", category="killed", value=1, who="man", place="p1", time="t1",
                                **t.kw("1 man"))],
                claims=[Claim(id="c1", source=t.source("the regional governor", "GOV", "a1"), cue=t.span("said"),
                              content=t.span("Shells landed in a suburb of Odesa on Sunday afternoon, killing 1 man "
                                             "and damaging a school"))],
                events=[Event(id="e1", type="ASSAULT", mode="artillery", cameo="195",
                              acled_event_type="Explosions/Remote violence",
                              acled_sub_event_type="Shelling/artillery/missile attack", place="p1",
                              date="2022-04-03", date_precision="day", figures=["f1"], claim="c1",
                              evidence=t.span("Shells landed in a suburb of Odesa on Sunday afternoon, killing 1 man"),
                              trigger=t.span("Shells landed"))])


def event_row(db: Path, uid: str) -> EventRow:
    """The stored event `uid`, as GET /api/events returns it."""
    with Store.open(db, read_only=True) as store:
        rows = [r for r in store.events(Filters(status=None, limit=1000)) if r.uid == uid]
    assert rows, f"{uid} is not in {db}"
    return rows[0]


def add_alert(db: Path, rule: str, uid: str) -> int:
    """Write an alert row for the stored event `uid` as `watch` does; returns its seq."""
    row = event_row(db, uid)
    with Store.open(db, read_only=True) as store:
        art = next(a for a in store.articles(Filters(status=None, limit=1000)) if a.id == row.article_id)
    at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    conn = sqlite3.connect(db, isolation_level=None, timeout=30)
    try:
        cur = conn.execute("INSERT INTO alert(rule, incident, event, article, at, payload) VALUES (?,?,?,?,?,'{}')",
                           (rule, row.cluster_id or row.uid, row.uid, row.article_id, at))
        seq = cur.lastrowid
        payload = {"seq": seq, "rule": rule, "at": at, "event": row.model_dump(mode="json"),
                   "article": {"id": art.id, "title": art.title, "url": art.url, "source": art.source}}
        conn.execute("UPDATE alert SET payload = ? WHERE seq = ?", (json.dumps(payload), seq))
    finally:
        conn.close()
    return seq


def ingest(db: Path, *docs: Document) -> None:
    """Store (and link) reports as `watch`'s incremental ingest does, while the server runs."""
    with Store.open(db) as store:
        report = ingest_documents(store, list(docs))
    assert report.stored == len(docs), report.summary()
