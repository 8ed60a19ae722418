"""Queries of the SQLite store: Filters in, row models out (ordered newest first)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from ..model import Figure, Span
from .query import (
    ArticleRow, ClaimRow, Cluster, Contradiction, EventPoint, EventRow, FigureRange, Filters, Join, PlaceRow, SearchHit,
)
from .where import article_where, claim_where, event_plan, event_where, fts_query, has_event_filters, place_where

EVENT_COLUMNS = """e.rowid, e.key, a.id, a.date, a.source, a.title, e.type, e.mode, e.cameo, e.acled, e.acled_sub,
    e.day, e.date, e.date_precision, n1.name, e.actor1_kind, e.actor1_country, n2.name, e.actor2_kind,
    e.actor2_country, e.place, e.geonameid, e.admin1, e.country, e.lat, e.lon, e.place_text, e.figures,
    e.claim_key, e.claim_source, e.claim_cue, e.certainty, e.polarity, e.verification,
    e.ev_text, e.ev_start, e.ev_end, e.cluster, (SELECT n_sources FROM cluster WHERE id = e.cluster),
    (SELECT p.feature_code FROM place p WHERE p.article = e.article AND p.key = e.place_key LIMIT 1)"""
EVENT_FROM = """event e JOIN article a ON a.rowid = e.article
    LEFT JOIN actor_name n1 ON n1.id = e.actor1 LEFT JOIN actor_name n2 ON n2.id = e.actor2"""
# Sort keys for Filters.order; ties go newest first. Fatalities: the largest stated 'killed' count of the
# report (as `link.figures.headline` picks it); rows without the key sort last either way.
_FATAL = ("(SELECT max(coalesce(json_extract(j.value, '$.value'), json_extract(j.value, '$.high'),"
          " json_extract(j.value, '$.low'))) FROM json_each(e.figures) j"
          " WHERE json_extract(j.value, '$.category') = 'killed')")
_SORT_KEYS = {"day": "e.day", "type": "e.type", "fatalities": _FATAL,
              "place": "coalesce(e.place, e.place_text) COLLATE NOCASE",
              "sources": "(SELECT n_sources FROM cluster WHERE id = e.cluster)"}


def event_order(order: str) -> str:
    """ORDER BY for `Filters.order` ('-day' newest first, 'fatalities' fewest first, ...)."""
    desc = order.startswith("-")
    key = _SORT_KEYS.get(order.lstrip("-"), "e.day")
    if key == "e.day":
        return " ORDER BY e.day DESC, e.rowid DESC" if desc else " ORDER BY e.day IS NULL, e.day, e.rowid"
    return f" ORDER BY {key} IS NULL, {key}{' DESC' if desc else ''}, e.day DESC, e.rowid DESC"


def _where(parts: list[str]) -> str:
    return (" WHERE " + " AND ".join(parts)) if parts else ""


def event_row(r: tuple) -> EventRow:
    return EventRow(
        uid=f"{r[2]}#{r[1]}", id=r[1], article_id=r[2], article_date=r[3], source=r[4], title=r[5], type=r[6],
        mode=r[7], cameo=r[8], acled_event_type=r[9], acled_sub_event_type=r[10], day=r[11], date=r[12],
        date_precision=r[13], actor1=r[14], actor1_kind=r[15], actor1_country=r[16], actor2=r[17],
        actor2_kind=r[18], actor2_country=r[19], place=r[20], geonameid=r[21], admin1=r[22], country_code=r[23],
        lat=r[24], lon=r[25], place_text=r[26],
        figures=[Figure.model_validate(x) for x in json.loads(r[27])] if r[27] else [],
        claim_id=r[28], claim_source=r[29], claim_cue=r[30], certainty=r[31] or "certain",
        polarity=r[32] or "positive", verification=r[33],
        evidence=Span(text=r[34], start=r[35], end=r[36]), cluster_id=r[37] or None, cluster_sources=r[38],
        place_feature_code=r[39])


def events(conn: sqlite3.Connection, f: Filters) -> list[EventRow]:
    """In `f.order` (newest first by default). OR-filters run as one limited index scan per alternative,
    merged (see where.Plan)."""
    plan = event_plan(conn, f)
    if plan is None:
        return []
    order = event_order(f.order)
    branches = plan.branches() if plan.groups else None
    if branches is None:
        parts, args = plan.where()
        sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM}{_where(parts)}{order} LIMIT ? OFFSET ?"
        return [event_row(r) for r in conn.execute(sql, [*args, f.limit, f.offset])]
    k = int(f.limit) + int(f.offset)
    subs, args = [], []
    for extra, extra_args in branches:
        subs.append(f"SELECT rowid FROM (SELECT e.rowid FROM event e{_where(plan.parts + extra)}{order} LIMIT {k})")
        args += plan.args + extra_args
    sql = (f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.rowid IN ({' UNION ALL '.join(subs)})"
           f"{order} LIMIT ? OFFSET ?")
    return [event_row(r) for r in conn.execute(sql, [*args, f.limit, f.offset])]


def event_points(conn: sqlite3.Connection, f: Filters) -> list[EventPoint]:
    """Every event the filters match (up to f.limit, newest first) as an EventPoint: one lean query."""
    plan = event_plan(conn, f)
    if plan is None:
        return []
    parts, args = plan.where()
    sql = (f"SELECT a.id || '#' || e.key, e.day, e.type, e.lat, e.lon, coalesce(e.place, e.place_text), e.admin1,"
           " e.country, (SELECT p.feature_code FROM place p WHERE p.article = e.article AND p.key = e.place_key LIMIT 1),"
           f" {_FATAL}, e.cluster, {_SORT_KEYS['sources']} FROM event e JOIN article a ON a.rowid = e.article"
           f"{_where(parts)} ORDER BY e.day DESC, e.rowid DESC LIMIT ? OFFSET ?")
    return [EventPoint(*r) for r in conn.execute(sql, [*args, f.limit, f.offset])]


def cluster_reports(conn: sqlite3.Connection, cluster_id: str) -> list[EventRow]:
    sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.cluster = ? ORDER BY e.day, a.id, e.rowid"
    return [event_row(r) for r in conn.execute(sql, (cluster_id,))]


def claims(conn: sqlite3.Connection, f: Filters) -> list[ClaimRow]:
    w = claim_where(conn, f)
    if w is None:
        return []
    sql = ("SELECT c.key, a.id, a.date, c.outlet, c.source_text, c.source_kind, c.source_actor, c.cue, c.content,"
           " c.c_start, c.c_end, c.direct_quote, c.certainty, c.polarity, c.verification, c.day, c.repeat_id,"
           f" c.repeat_sources FROM claim c JOIN article a ON a.rowid = c.article{_where(w[0])}"
           " ORDER BY c.day DESC, c.rowid DESC LIMIT ? OFFSET ?")
    return [ClaimRow(uid=f"{r[1]}#{r[0]}", id=r[0], article_id=r[1], article_date=r[2], outlet=r[3], source=r[4],
                     source_kind=r[5], source_actor=r[6], cue=r[7], content=Span(text=r[8], start=r[9], end=r[10]),
                     direct_quote=bool(r[11]), certainty=r[12], polarity=r[13], verification=r[14], day=r[15],
                     repeat_id=r[16], repeat_sources=r[17])
            for r in conn.execute(sql, [*w[1], f.limit, f.offset])]


def places(conn: sqlite3.Connection, f: Filters) -> list[PlaceRow]:
    """Places grouped by GeoNames id (else by name), most mentioned first."""
    parts, args = place_where(f)
    if f.since:
        parts.append("p.day >= ?"); args.append(f.since.isoformat())
    if f.until:
        parts.append("p.day <= ?"); args.append(f.until.isoformat())
    if f.source:
        parts.append("p.outlet = ?"); args.append(f.source)
    if f.text:
        parts.append("p.article IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"); args.append(fts_query(f.text))
    if has_event_filters(f):
        ew = event_where(conn, Filters(type=f.type, acled=f.acled, actor=f.actor, certainty=f.certainty,
                                       unverified=f.unverified))
        if ew is None:
            return []
        parts.append(f"(p.article, p.key) IN (SELECT e.article, e.place_key FROM event e WHERE {' AND '.join(ew[0])})")
        args += ew[1]
    sql = ("SELECT max(p.name), p.geonameid, max(p.country), max(p.admin1), max(p.lat), max(p.lon),"
           " max(p.feature_class), max(p.feature_code), count(DISTINCT p.rowid), count(DISTINCT p.article),"
           " count(DISTINCT e.rowid), min(p.day), max(p.day)"
           " FROM place p LEFT JOIN event e ON e.article = p.article AND e.place_key = p.key"
           f"{_where(parts)} GROUP BY coalesce(CAST(p.geonameid AS TEXT), lower(p.name))"
           " ORDER BY count(DISTINCT p.rowid) DESC, max(p.name) LIMIT ? OFFSET ?")
    return [PlaceRow(name=r[0], geonameid=r[1], country_code=r[2], admin1=r[3], lat=r[4], lon=r[5],
                     feature_class=r[6], feature_code=r[7], mentions=r[8], articles=r[9], events=r[10],
                     first=r[11], last=r[12])
            for r in conn.execute(sql, [*args, f.limit, f.offset])]


def articles(conn: sqlite3.Connection, f: Filters) -> list[ArticleRow]:
    w = article_where(conn, f)
    if w is None:
        return []
    sql = ("SELECT a.id, a.date, a.dateline, a.title, a.source, a.url, a.content_hash, a.stored_at, a.n_events,"
           f" a.n_claims, a.n_places, a.n_figures FROM article a{_where(w[0])}"
           " ORDER BY a.date DESC, a.id LIMIT ? OFFSET ?")
    return [ArticleRow(id=r[0], date=r[1], dateline=r[2], title=r[3], source=r[4], url=r[5], content_hash=r[6],
                       stored_at=r[7], events=r[8], claims=r[9], places=r[10], figures=r[11])
            for r in conn.execute(sql, [*w[1], f.limit, f.offset])]


def search(conn: sqlite3.Connection, text: str, f: Filters) -> list[SearchHit]:
    """Articles whose title/text match, and claims whose content matches, best (bm25) first."""
    q = fts_query(text)
    w = article_where(conn, replace(f, text=None))
    if w is None:
        return []
    hits: list[SearchHit] = []
    sql = ("SELECT a.id, a.date, a.source, a.title, snippet(article_fts, 1, '[', ']', '…', 16), bm25(article_fts)"
           " FROM article_fts JOIN article a ON a.rowid = article_fts.rowid"
           f" WHERE article_fts MATCH ?{''.join(' AND ' + p for p in w[0])} ORDER BY bm25(article_fts) LIMIT ?")
    for r in conn.execute(sql, [q, *w[1], f.limit + f.offset]):
        hits.append(SearchHit(kind="article", article_id=r[0], article_date=r[1], source=r[2], title=r[3],
                              snippet=r[4], rank=r[5]))
    cw = claim_where(conn, replace(f, text=None))
    if cw is not None:
        sql = ("SELECT a.id, a.date, a.source, a.title, c.key, snippet(claim_fts, 0, '[', ']', '…', 16),"
               " bm25(claim_fts), c.content, c.c_start, c.c_end FROM claim_fts JOIN claim c ON c.rowid = claim_fts.rowid"
               f" JOIN article a ON a.rowid = c.article WHERE claim_fts MATCH ?{''.join(' AND ' + p for p in cw[0])}"
               " ORDER BY bm25(claim_fts) LIMIT ?")
        for r in conn.execute(sql, [q, *cw[1], f.limit + f.offset]):
            hits.append(SearchHit(kind="claim", article_id=r[0], article_date=r[1], source=r[2], title=r[3],
                                  claim_id=r[4], snippet=r[5], rank=r[6], span=Span(text=r[7], start=r[8], end=r[9])))
    hits.sort(key=lambda h: h.rank)
    return hits[f.offset:f.offset + f.limit]


CLUSTER_COLUMNS = "cl.id, cl.type, cl.acled, cl.first, cl.last, cl.place, cl.admin1, cl.country, cl.lat, cl.lon," \
                  " cl.n_sources, cl.n_reports, cl.disputed, cl.summary"


def _cluster(conn: sqlite3.Connection, r: tuple, *, reports: bool = True) -> Cluster:
    s = json.loads(r[13])
    joins = [Join(**j) for j in s.get("joins", [])]
    return Cluster(id=r[0], type=r[1], acled_event_type=r[2], acled_sub_event_type=s.get("acled_sub"), first=r[3],
                   last=r[4], place=r[5], admin1=r[6], country_code=r[7], lat=r[8], lon=r[9], n_sources=r[10],
                   n_reports=r[11], disputed=bool(r[12]), actors=s["actors"], sources=s["sources"],
                   figures=[FigureRange(**x) for x in s["figures"]],
                   contradictions=[Contradiction(**x) for x in s["contradictions"]],
                   why=why(joins), joins=joins, merged_from=s.get("merged", []),
                   reports=cluster_reports(conn, r[0]) if reports else [])


def why(joins: list[Join]) -> dict[str, int]:
    """How many joins each signal took part in (a penalty such as 'place apart' is not support)."""
    out: dict[str, int] = {}
    for j in joins:
        for k, v in j.signals.items():
            if v in (None, False, 0) or (k in ("day", "place") and v not in ("same", "near", "within")):
                continue
            out[k] = out.get(k, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def clusters(conn: sqlite3.Connection, f: Filters) -> list[Cluster]:
    """Clusters with at least one report matching the filters, most independent sources first."""
    w = event_where(conn, f)
    if w is None:
        return []
    parts, args = w
    where = f" WHERE cl.id IN (SELECT e.cluster FROM event e{_where(parts)})" if parts else ""
    sql = (f"SELECT {CLUSTER_COLUMNS} FROM cluster cl{where}"
           " ORDER BY cl.n_sources DESC, cl.n_reports DESC, cl.last DESC, cl.id LIMIT ? OFFSET ?")
    return [_cluster(conn, r) for r in conn.execute(sql, [*args, f.limit, f.offset])]


def cluster(conn: sqlite3.Connection, cluster_id: str, *, reports: bool = True) -> Cluster | None:
    r = conn.execute(f"SELECT {CLUSTER_COLUMNS} FROM cluster cl WHERE cl.id = ?", (cluster_id,)).fetchone()
    return _cluster(conn, r, reports=reports) if r else None


FACET_COLUMNS = ("type", "acled", "acled_sub", "country", "admin1", "place", "source")


def facets(conn: sqlite3.Connection, limit: int = 500) -> dict[str, list[tuple[str, int]]]:
    """The values each event column takes, with their counts, most frequent first (for pick lists)."""
    return {col: [(r[0], r[1]) for r in conn.execute(
        f"SELECT {col}, count(*) FROM event WHERE {col} IS NOT NULL AND {col} != '' GROUP BY {col}"
        " ORDER BY count(*) DESC, 1 LIMIT ?", (limit,))] for col in FACET_COLUMNS}
