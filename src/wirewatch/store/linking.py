"""Incremental linking in the store: link the events waiting for it, each against candidates found by index.

An event is waiting when its `cluster` is NULL: it was committed that way with its article, so a process
killed at any point leaves it waiting, and the next link step (every ingest runs one; `wirewatch relink`
too) picks it up. Each batch of waiting events is linked inside one write transaction (BEGIN IMMEDIATE),
reading the candidates under the write lock: two writers at once take turns, and the result is the same as
linking every event in store order (rowid), which is what `relink --all` replays.

Candidates for one report come from indexes only, so the cost does not grow with the store: clusters of
events within a few days of it (undated: other undated events) at the same place, in the same admin1 area,
within `max_km`, or with one of its actors; clusters of the articles that share its lead's rarest words
(`link_term`, by article date); and its own article's clusters. Their profiles (`cluster.state`) are judged
by `link.decide`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Callable

from ..link import LinkRules, Profile, Report, decide, summarize
from ..link.events import place_key, text_key
from ..link.dates import event_span
from ..link.places import Where
from ..link.text import lead_vector, top_terms
from ..model import Figure, Span
from .transaction import immediate
from .where import box

__all__ = ["link_pending", "pending_count", "LinkStats", "NOT_LINKED"]

NOT_LINKED = ""          # `event.cluster` of an event that is not linked by design (it did not occur)
ROUTE_LIMIT = 120        # rows read per candidate route
SUMMARY_MEMBERS = 400    # reports read to summarise a cluster (its most recent ones)


@dataclass
class LinkStats:
    events: int = 0
    opened: int = 0
    joined: int = 0
    merged: int = 0
    not_linked: int = 0
    claims: int = 0

    def add(self, other: LinkStats) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass
class _Batch:
    """What one link transaction has changed so far (profiles not yet written, merges, touched clusters)."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    joins: dict[str, list[dict]] = field(default_factory=dict)
    articles: dict[int, dict] = field(default_factory=dict)

    def resolve(self, cid: str) -> str:
        while cid in self.alias:
            cid = self.alias[cid]
        return cid


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def pending_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM event WHERE cluster IS NULL").fetchone()[0]


def _has_status(conn: sqlite3.Connection) -> bool:
    return any(r[1] == "status" for r in conn.execute("PRAGMA table_info(event)"))


EVENT_SQL = """SELECT e.rowid, a.id, e.key, a.source, e.type, e.day, e.date, e.place, e.lat, e.lon, e.country,
    n1.name, n2.name, e.actor1_country, e.actor2_country, e.figures, e.polarity,
    coalesce(e.claim_actor, e.claim_source), e.verification, e.ev_text, e.ev_start, e.ev_end, e.acled, e.acled_sub,
    e.admin1, e.article, e.geonameid, p.feature_class, p.feature_code, a.date, e.actor1, e.actor2, e.loc, {status}, e.place_text
    FROM event e JOIN article a ON a.rowid = e.article
    LEFT JOIN actor_name n1 ON n1.id = e.actor1 LEFT JOIN actor_name n2 ON n2.id = e.actor2
    LEFT JOIN place p ON p.article = e.article AND p.key = e.place_key"""


def _article(conn: sqlite3.Connection, batch: _Batch, art: int, rules: LinkRules) -> dict:
    """Per-article facts linking needs: its lead vector and its main (first) event."""
    if art not in batch.articles:
        row = conn.execute("SELECT f.title, f.text, a.dateline, a.source FROM article_fts f JOIN article a"
                           " ON a.rowid = f.rowid WHERE f.rowid = ?", (art,)).fetchone()
        title, text, dateline, source = row if row else ("", "", None, None)
        main = conn.execute("SELECT min(rowid) FROM event WHERE article = ?", (art,)).fetchone()[0]
        mentions = frozenset(k for g, n, t in conn.execute(
            "SELECT DISTINCT geonameid, name, text FROM place WHERE article = ?", (art,))
            for k in (place_key(g, n), text_key(t)) if k)
        days = frozenset(d[:10] for (d,) in conn.execute(
            "SELECT DISTINCT date FROM event WHERE article = ? AND length(date) >= 10", (art,)))
        batch.articles[art] = {"terms": lead_vector(title, text or "", words=rules.lead_words, names=rules.name_weight,
                                                    dateline=dateline, source=source),
                               "main": main, "indexed": False, "mentions": mentions, "days": days}
    return batch.articles[art]


def _report(r: tuple, facts: dict, rules: LinkRules) -> Report:
    published = _date(r[29])
    when = event_span(r[6], published, lag=rules.lag_days)
    where = None
    if r[7]:
        where = Where(name=r[7], geonameid=r[26], feature_class=r[27], feature_code=r[28], admin1=r[24],
                      country=r[10], lat=r[8], lon=r[9], text=r[34])
    evidence = Span(text=r[19], start=r[20], end=r[21])
    return Report(
        uid=f"{r[1]}#{r[2]}", article_id=r[1], outlet=r[3], type=r[4], day=_date(r[5]),
        dated=bool(r[6] and len(r[6]) >= 10 and r[6][:10] == r[5]), place=r[7], lat=r[8], lon=r[9], country=r[10],
        actor1=r[11], actor2=r[12], actor1_country=r[13], actor2_country=r[14],
        figures=tuple(Figure.model_validate(x) for x in json.loads(r[15] or "[]")), polarity=r[16] or "positive",
        claim_source=r[17], verification=r[18], evidence=evidence, acled=r[22], acled_sub=r[23], when=when,
        where=where, main=facts["main"] == r[0], terms=facts["terms"], mentions=facts.get("mentions", frozenset()),
        days=facts.get("days", frozenset()),
        words=lead_vector(None, r[19], words=200, names=rules.name_weight),
        extra={"admin1": r[24], "article": r[25], "actors": (r[30], r[31]), "loc": r[32]})


def _windows(day: dt.date | None, days: int, column: str = "day", undated: str = "IS NULL") -> list[tuple[str, list]]:
    """Rows within `days` of `day`, and undated ones (they may tell of any day): one index range each, so that
    a route never filters rows it read (which would read more as the store grows)."""
    if day is None:
        return [("1", [])]             # an undated article: no window to search in, any day may do
    return [(f"{column} BETWEEN ? AND ?", [(day - dt.timedelta(days=days)).isoformat(),
                                           (day + dt.timedelta(days=days)).isoformat()]),
            (f"{column} {undated}", [])]


def _candidates(conn: sqlite3.Connection, rep: Report, facts: dict, rules: LinkRules) -> list[str]:
    """Cluster ids found for a report through the indexes, most routes first, at most `rules.candidates`."""
    reach = rules.lag_days + rules.slack_days + 1
    windows = _windows(rep.day if facts.get("published") is not None else None, reach)
    routes: list[tuple[str, list[object]]] = [
        ("SELECT cluster FROM event WHERE article = ? AND cluster IS NOT NULL AND cluster != ''",
         [rep.extra["article"]])]
    for cond, args in windows:
        if rep.place:
            routes.append((f"SELECT cluster FROM event WHERE place = ? AND {cond}", [rep.place, *args]))
        if rep.extra["admin1"]:
            routes.append((f"SELECT cluster FROM event WHERE admin1 = ? AND {cond}", [rep.extra["admin1"], *args]))
        if rep.lat is not None and rep.lon is not None:
            lo_lat, hi_lat, lo_lon, hi_lon = box(rep.lat, rep.lon, rules.max_km)
            routes.append((f"SELECT cluster FROM event WHERE loc IN (SELECT id FROM location_geo WHERE min_lat >= ?"
                           f" AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?) AND {cond}",
                           [lo_lat, hi_lat, lo_lon, hi_lon, *args]))
        for column, actor in zip(("actor1", "actor2"), rep.extra["actors"]):
            if actor is not None:
                routes.append((f"SELECT cluster FROM event WHERE {column} = ? AND {cond}", [actor, *args]))
    words = top_terms(rep.terms, rules.index_words)
    if words and rep.main:
        marks = ",".join("?" * len(words))
        for tcond, targs in _windows(facts.get("published"), reach, "t.day", "= ''"):
            routes.append((f"SELECT e.cluster FROM link_term t JOIN event e ON e.article = t.article"
                           f" WHERE t.term IN ({marks}) AND {tcond} AND e.rowid = (SELECT min(rowid) FROM event"
                           f" WHERE article = t.article)", [*words, *targs]))
    found: dict[str, int] = {}
    for sql, params in routes:
        for (cid,) in conn.execute(f"{sql} LIMIT {ROUTE_LIMIT}", params):
            if cid:
                found[cid] = found.get(cid, 0) + 1
    return sorted(found, key=lambda c: (-found[c], c))[: rules.candidates]


def _profiles(conn: sqlite3.Connection, batch: _Batch, ids: list[str]) -> list[Profile]:
    out, missing = [], []
    for cid in dict.fromkeys(batch.resolve(c) for c in ids):
        if cid in batch.profiles:
            out.append(batch.profiles[cid])
        else:
            missing.append(cid)
    if missing:
        marks = ",".join("?" * len(missing))
        for cid, state in conn.execute(f"SELECT id, state FROM cluster WHERE id IN ({marks})", missing):
            if state:
                p = Profile.from_json(cid, json.loads(state))
                batch.profiles[cid] = p
                out.append(p)
    return sorted(out, key=lambda p: p.id)


def _index_article(conn: sqlite3.Connection, art: int, facts: dict, rules: LinkRules) -> None:
    if facts["indexed"]:
        return
    day = facts["published"].isoformat() if facts.get("published") else ""
    conn.executemany("INSERT OR IGNORE INTO link_term(term, day, article) VALUES (?,?,?)",
                     [(w, day, art) for w in top_terms(facts["terms"], rules.index_words)])
    facts["indexed"] = True


def _link_one(conn: sqlite3.Connection, batch: _Batch, r: tuple, rules: LinkRules, stats: LinkStats,
              status_ok: bool) -> None:
    rowid = r[0]
    if not status_ok:
        conn.execute("UPDATE event SET cluster = ? WHERE rowid = ?", (NOT_LINKED, rowid))
        stats.not_linked += 1
        return
    facts = _article(conn, batch, r[25], rules)
    facts["published"] = _date(r[29])
    rep = _report(r, facts, rules)
    candidates = _profiles(conn, batch, _candidates(conn, rep, facts, rules))
    decision, changed = decide(rep, candidates, rules)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    for gone in decision.merged:
        conn.execute("UPDATE event SET cluster = ? WHERE cluster = ?", (decision.cluster, gone))
        conn.execute("DELETE FROM cluster WHERE id = ?", (gone,))
        conn.execute("UPDATE cluster_merge SET into_id = ? WHERE into_id = ?", (decision.cluster, gone))
        conn.execute("INSERT OR REPLACE INTO cluster_merge(merged, into_id, by_event, at) VALUES (?,?,?,?)",
                     (gone, decision.cluster, rep.uid, now))
        batch.alias[gone] = decision.cluster
        batch.profiles.pop(gone, None)
        batch.touched.discard(gone)
        batch.joins.setdefault(decision.cluster, []).extend(batch.joins.pop(gone, []))
        stats.merged += 1
    batch.profiles.update(changed)
    batch.touched.add(decision.cluster)
    conn.execute("UPDATE event SET cluster = ? WHERE rowid = ?", (decision.cluster, rowid))
    if decision.opened:
        stats.opened += 1
    else:
        stats.joined += 1
        batch.joins.setdefault(decision.cluster, []).append(
            {"report": rep.uid, "score": round(decision.score, 3), "signals": decision.signals,
             "merged": decision.merged})
    _index_article(conn, r[25], facts, rules)
    stats.events += 1


def _members(conn: sqlite3.Connection, cid: str, rules: LinkRules, status: str) -> list[Report]:
    """The cluster's most recent reports (at most SUMMARY_MEMBERS), oldest first, for its summary."""
    rows = conn.execute(EVENT_SQL.format(status=status) + " WHERE e.cluster = ? ORDER BY e.rowid DESC LIMIT ?",
                        (cid, SUMMARY_MEMBERS)).fetchall()
    return [_report(r, {"terms": {}, "main": None}, rules) for r in reversed(rows)]


def _write_cluster(conn: sqlite3.Connection, cid: str, profile: Profile | None, members: list[Report],
                   joins: list[dict]) -> None:
    if not members:
        conn.execute("DELETE FROM cluster WHERE id = ?", (cid,))
        return
    old = conn.execute("SELECT summary, state FROM cluster WHERE id = ?", (cid,)).fetchone()
    previous = json.loads(old[0]).get("joins", []) if old else []
    if profile is None and old and old[1]:
        profile = Profile.from_json(cid, json.loads(old[1]))
    s = summarize(cid, members)
    n = conn.execute("SELECT count(*) FROM event WHERE cluster = ?", (cid,)).fetchone()[0]
    all_joins = (previous + joins)[-50:]
    summary = {k: s[k] for k in ("actors", "sources", "figures", "contradictions", "acled_sub")}
    summary["joins"] = all_joins
    summary["merged"] = [m for (m,) in conn.execute("SELECT merged FROM cluster_merge WHERE into_id = ?"
                                                   " ORDER BY at, merged", (cid,))]
    conn.execute(
        "INSERT OR REPLACE INTO cluster(id, type, acled, first, last, place, admin1, country, lat, lon, n_sources,"
        " n_reports, disputed, summary, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (cid, s["type"], s["acled"], s["first"].isoformat() if s["first"] else None,
         s["last"].isoformat() if s["last"] else None, s["place"], s["admin1"], s["country"], s["lat"], s["lon"],
         s["n_sources"], n, int(s["disputed"]), json.dumps(summary, ensure_ascii=False),
         json.dumps(profile.to_json(), ensure_ascii=False) if profile else None))


def _flush(conn: sqlite3.Connection, batch: _Batch, rules: LinkRules, status: str) -> None:
    dirty = {c for (c,) in conn.execute("SELECT cluster FROM link_dirty")}
    conn.execute("DELETE FROM link_dirty")
    for cid in sorted(batch.touched | {batch.resolve(c) for c in dirty}):
        members = _members(conn, cid, rules, status)
        _write_cluster(conn, cid, batch.profiles.get(cid), members, batch.joins.get(cid, []))


def link_pending(conn: sqlite3.Connection, rules: LinkRules = LinkRules(), *, batch_size: int = 200,
                 on_batch: Callable[[LinkStats], None] | None = None) -> LinkStats:
    """Link every waiting event, in store order, one write transaction per batch; then the claims."""
    from .repeats import link_claims

    total = LinkStats()
    status_col = _has_status(conn)
    status = "e.status" if status_col else "NULL"
    sql = EVENT_SQL.format(status=status) + " WHERE e.cluster IS NULL ORDER BY e.rowid LIMIT ?"
    while True:
        stats = LinkStats()
        with immediate(conn):
            rows = conn.execute(sql, (batch_size,)).fetchall()
            batch = _Batch()
            for r in rows:
                _link_one(conn, batch, r, rules, stats, status_ok=r[33] in (None, "occurred"))
            _flush(conn, batch, rules, status)
            stats.claims = link_claims(conn, rules)
        total.add(stats)
        if on_batch is not None:
            on_batch(stats)
        if len(rows) < batch_size:
            return total
