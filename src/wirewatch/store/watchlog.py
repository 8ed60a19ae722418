"""The watch tables (migration V3_WATCH): followed sources, items taken, events waiting to be judged, alerts.

`wirewatch watch` keeps all its state here, so a restart (after SIGINT or SIGKILL) resumes where the last run
left off: conditional-GET validators are saved only after a source's new items are stored (a killed run
fetches them again, never skips them), an item is marked taken after its article is committed, and alert rows
are committed before any delivery and marked per sink after it. See docs/watch.md.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Sequence

from .query import EventRow
from .reads import EVENT_COLUMNS, EVENT_FROM, cluster_reports, event_row
from .transaction import immediate

__all__ = ["Alert", "Raised", "SourceState", "WatchLog", "now_iso"]


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SourceState:
    """What a followed source answered last (`watch_source`)."""

    url: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_ok: str | None = None
    last_status: str | None = None
    new_items: int = 0
    errors: int = 0
    next_at: str | None = None
    body_hash: str | None = None


_SOURCE_COLUMNS = "url, kind, etag, last_modified, last_fetch, last_ok, last_status, new_items, errors, next_at, body_hash"


@dataclass(frozen=True)
class Raised:
    """A rule's verdict on one incident: the report it cites."""

    rule: str
    incident: str
    event: EventRow


@dataclass(frozen=True)
class Alert:
    """An alert row: `payload` is the alert object (docs/schema/wirewatch.alert-1.json)."""

    seq: int
    payload: dict
    sinks: frozenset[str]  # the sinks it has reached


class WatchLog:
    """Reads and writes of the watch tables over a store's SQLite connection (autocommit; explicit
    transactions where several rows must change together)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- sources ---------------------------------------------------------------------------------------

    def register(self, sources: Iterable[tuple[str, str]]) -> None:
        """Follow these (url, kind) sources; a source already followed keeps its state."""
        with immediate(self.conn):
            self.conn.executemany("INSERT OR IGNORE INTO watch_source(url, kind) VALUES (?, ?)", list(sources))

    def source(self, url: str) -> SourceState | None:
        row = self.conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM watch_source WHERE url = ?", (url,)).fetchone()
        return SourceState(*row) if row else None

    def sources(self) -> list[SourceState]:
        return [SourceState(*r) for r in self.conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM watch_source ORDER BY url")]

    def fetched(self, url: str, status: str, *, failed: bool, next_at: str | None) -> None:
        """Note a fetch's outcome: a failure counts one more consecutive error and sets the backoff deadline."""
        if failed:
            self.conn.execute("UPDATE watch_source SET last_fetch = ?, last_status = ?, errors = errors + 1,"
                              " next_at = ? WHERE url = ?", (now_iso(), status, next_at, url))
        else:
            self.conn.execute("UPDATE watch_source SET last_fetch = ?, last_status = ?, errors = 0, next_at = NULL"
                              " WHERE url = ?", (now_iso(), status, url))

    def done(self, url: str, *, etag: str | None, last_modified: str | None, body_hash: str | None,
             new_items: int) -> None:
        """The source's new items are stored: keep its validators so the next fetch can be conditional."""
        self.conn.execute("UPDATE watch_source SET etag = ?, last_modified = ?, body_hash = ?, last_ok = ?,"
                          " new_items = ? WHERE url = ?", (etag, last_modified, body_hash, now_iso(), new_items, url))

    # -- items -----------------------------------------------------------------------------------------

    def taken(self, source: str, key: str) -> tuple[str | None, str | None] | None:
        """(content hash, stamp) of an item taken from this source, or None."""
        row = self.conn.execute("SELECT content_hash, stamp FROM watch_item WHERE source = ? AND key = ?",
                                (source, key)).fetchone()
        return (row[0], row[1]) if row else None

    def hash_taken(self, source: str, content_hash: str) -> bool:
        """Whether this source gave the same content before under another key (a re-keyed entry)."""
        return self.conn.execute("SELECT 1 FROM watch_item WHERE source = ? AND content_hash = ? LIMIT 1",
                                 (source, content_hash)).fetchone() is not None

    def take(self, source: str, key: str, content_hash: str | None, article: str | None,
             stamp: str | None = None) -> None:
        self.conn.execute("INSERT OR REPLACE INTO watch_item(source, key, content_hash, article, seen, stamp)"
                          " VALUES (?, ?, ?, ?, ?, ?)", (source, key, content_hash, article, now_iso(), stamp))

    def restamp(self, source: str, key: str, stamp: str) -> None:
        """A file touched but not changed: remember its new mtime so it is not read again."""
        self.conn.execute("UPDATE watch_item SET stamp = ? WHERE source = ? AND key = ?", (stamp, source, key))

    # -- judging ---------------------------------------------------------------------------------------

    def pending(self, limit: int = 500) -> list[tuple[int, EventRow]]:
        """Events stored since the store was watched and not yet judged, oldest first; an event still waiting
        to be linked (its cluster unknown) waits here too, so its incident is known when it is judged."""
        sql = (f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.rowid IN (SELECT p.event FROM watch_pending p"
               " JOIN event x ON x.rowid = p.event WHERE x.cluster IS NOT NULL ORDER BY p.event LIMIT ?)"
               " ORDER BY e.rowid")
        return [(r[0], event_row(r)) for r in self.conn.execute(sql, (limit,))]

    def incident(self, cluster_id: str) -> tuple[list[EventRow], int, bool]:
        """A cluster's reports, its number of independent sources, and whether it is disputed."""
        row = self.conn.execute("SELECT n_sources, disputed FROM cluster WHERE id = ?", (cluster_id,)).fetchone()
        n_sources, disputed = (row[0], bool(row[1])) if row else (0, False)
        return cluster_reports(self.conn, cluster_id), n_sources, disputed

    def judged(self, events: Sequence[int], raised: Sequence[Raised]) -> list[int]:
        """Commit the alerts raised and the judged events' leaving the queue, together; return the new alerts'
        seqs. An alert for a rule and incident that already has one (or had one under a cluster since merged
        into this one) is not raised again."""
        new: list[int] = []
        with immediate(self.conn):
            for r in raised:
                if self._alerted(r.rule, r.incident):
                    continue
                at = now_iso()
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO alert(rule, incident, event, article, at, payload) VALUES (?,?,?,?,?,'{}')",
                    (r.rule, r.incident, r.event.uid, r.event.article_id, at))
                if cur.rowcount != 1:
                    continue
                seq = cur.lastrowid
                payload = {"seq": seq, "rule": r.rule, "incident": r.incident, "at": at,
                           "event": r.event.model_dump(mode="json"), "article": self._article(r.event.article_id)}
                self.conn.execute("UPDATE alert SET payload = ? WHERE seq = ?",
                                  (json.dumps(payload, ensure_ascii=False), seq))
                new.append(seq)
            self.conn.executemany("DELETE FROM watch_pending WHERE event = ?", [(e,) for e in events])
        return new

    def _alerted(self, rule: str, incident: str) -> bool:
        sql = ("WITH RECURSIVE before(id) AS (SELECT ? UNION SELECT m.merged FROM cluster_merge m"
               " JOIN before b ON m.into_id = b.id)"
               " SELECT 1 FROM alert WHERE rule = ? AND incident IN (SELECT id FROM before) LIMIT 1")
        return self.conn.execute(sql, (incident, rule)).fetchone() is not None

    def _article(self, article_id: str) -> dict:
        row = self.conn.execute("SELECT id, title, url, source FROM article WHERE id = ?", (article_id,)).fetchone()
        return dict(zip(("id", "title", "url", "source"), row)) if row else {"id": article_id, "title": None,
                                                                               "url": None, "source": None}

    # -- delivery --------------------------------------------------------------------------------------

    def undelivered(self) -> list[Alert]:
        rows = self.conn.execute("SELECT seq, payload FROM alert WHERE delivered IS NULL ORDER BY seq").fetchall()
        out = []
        for seq, payload in rows:
            sinks = frozenset(s for (s,) in self.conn.execute("SELECT sink FROM alert_delivery WHERE seq = ?", (seq,)))
            out.append(Alert(seq, json.loads(payload), sinks))
        return out

    def delivered(self, seq: int, sink: str, *, complete: bool) -> None:
        """Note that the alert reached a sink; `complete` when it has reached every sink of the run."""
        with immediate(self.conn):
            at = now_iso()
            self.conn.execute("INSERT OR IGNORE INTO alert_delivery(seq, sink, at) VALUES (?, ?, ?)", (seq, sink, at))
            if complete:
                self.conn.execute("UPDATE alert SET delivered = ? WHERE seq = ?", (at, seq))
