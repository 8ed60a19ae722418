"""Reading what `wirewatch watch` writes, for the live API and the page: alerts after a sequence number, and the
events stored after a rowid. Reads only; `watch` owns the writing (docs/watch.md).

Everything here is keyed by a number that only grows (`alert.seq` is AUTOINCREMENT, `event.rowid` the integer
primary key), so a poller asks "anything after N?" with one primary-key lookup (`marks`), whatever the size of
the store, and fetches rows only when the answer is yes.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, NamedTuple

from pydantic import Field

from ..errors import StoreError
from .base import Store
from .query import EventRow, Row
from .reads import EVENT_COLUMNS, EVENT_FROM, event_row

__all__ = ["AlertRow", "Marks", "marks", "alerts_after", "events_after", "count_events_between"]


class AlertRow(Row):
    """One alert as `watch` raised it: the rule's name, the incident it is about, and the event and article
    that made it fire (the payload `watch` stored, as it stored it)."""

    seq: int = Field(description="Order of the alert in the store; ask for alerts after the last one seen.")
    rule: str = Field(description="The rule's name.")
    incident: str = Field(description="What the alert is about: the event's cluster id, or its uid when unlinked. "
                                      "A rule alerts once per incident.")
    event_id: str = Field(description="Uid of the event that fired the rule ('<article_id>#<event id>').")
    article_id: str
    at: str = Field(description="When the alert was raised (ISO 8601, UTC).")
    delivered: str | None = Field(default=None, description="When it reached every sink of the watcher that raised "
                                                            "it (ISO 8601), else null: not yet, or still retrying.")
    event: dict[str, Any] | None = Field(default=None, description="The event as GET /api/events returns it.")
    article: dict[str, Any] | None = Field(default=None, description="id, title, url and source of the article.")


class Marks(NamedTuple):
    """The newest alert and the newest event of the store (0 when there are none)."""

    seq: int
    event_rowid: int


def _conn(store: Store) -> sqlite3.Connection:
    conn = getattr(store, "conn", None)
    if not isinstance(conn, sqlite3.Connection):
        raise StoreError(f"{type(store).__name__}: alerts are read from the SQLite backend only")
    return conn


def _has_alerts(conn: sqlite3.Connection) -> bool:
    """A store written before watch existed (schema < V3_WATCH, opened read-only so not migrated) has none."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alert'").fetchone() is not None


def marks(store: Store) -> Marks:
    """The newest alert seq and event rowid, in one statement (two primary-key lookups)."""
    conn = _conn(store)
    alert = "(SELECT coalesce(max(seq), 0) FROM alert)" if _has_alerts(conn) else "0"
    seq, rowid = conn.execute(f"SELECT {alert}, (SELECT coalesce(max(rowid), 0) FROM event)").fetchone()
    return Marks(seq, rowid)


def _alert(row: tuple) -> AlertRow:
    seq, rule, incident, event, article, at, payload, delivered = row
    try:
        body = json.loads(payload) if payload else {}
    except json.JSONDecodeError:
        body = {}  # a payload that is not JSON still leaves the alert's own columns to show
    if not isinstance(body, dict):
        body = {}
    ev, art = body.get("event"), body.get("article")
    return AlertRow(seq=seq, rule=rule, incident=incident, event_id=event, article_id=article, at=at,
                    delivered=delivered, event=ev if isinstance(ev, dict) else None,
                    article=art if isinstance(art, dict) else None)


def alerts_after(store: Store, seq: int, limit: int) -> list[AlertRow]:
    """Up to `limit` alerts with a seq greater than `seq`, oldest first (the order they were raised)."""
    conn = _conn(store)
    if not _has_alerts(conn):
        return []
    rows = conn.execute("SELECT seq, rule, incident, event, article, at, payload, delivered FROM alert"
                        " WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit)).fetchall()
    return [_alert(r) for r in rows]


def events_after(store: Store, rowid: int, limit: int, upto: int | None = None) -> list[EventRow]:
    """Up to `limit` of the events stored after `rowid` (and up to `upto`), newest first: a range scan of the
    primary key."""
    top = (1 << 63) - 1 if upto is None else upto
    rows = _conn(store).execute(f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.rowid > ? AND e.rowid <= ?"
                                " ORDER BY e.rowid DESC LIMIT ?", (rowid, top, limit)).fetchall()
    return [event_row(r) for r in rows]


def count_events_between(store: Store, after: int, upto: int) -> int:
    """How many events have a rowid in (after, upto]: stored since a poller last looked."""
    return _conn(store).execute("SELECT count(*) FROM event WHERE rowid > ? AND rowid <= ?", (after, upto)).fetchone()[0]
