"""Filters -> SQL WHERE clauses, one builder per table; user values are always bound parameters.

Each clause is chosen so that SQLite can answer it from one `(column, day)` index and stop after `limit`
rows in day order (see the index list in `schema.py`).
"""

from __future__ import annotations

import math
import sqlite3
import typing

from ..model import HappeningType, PloverType
from ..geo import haversine_km
from .query import Filters

EVENT_TYPES = set(typing.get_args(PloverType)) | set(typing.get_args(HappeningType))   # PLOVER and other happenings
Clause = tuple[list[str], list[object]]


def fts_query(text: str) -> str:
    """User text as a safe FTS5 query: every word a quoted string, all required (prefix with '*' kept)."""
    words = []
    for word in text.split():
        star = word.endswith("*") and len(word) > 1
        word = word.rstrip("*").replace('"', '""')
        if word:
            words.append(f'"{word}"' + ("*" if star else ""))
    return " ".join(words) or '""'


def box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """A lat/lon box that contains the circle of `km` around the point (for the R*Tree)."""
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(min(89.9, abs(lat)))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


MAX_ACTOR_BRANCHES = 8  # up to this many matching names: one index range per name; more: one set query


def contains(text: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching `text` anywhere, its own % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


ACTOR_SET = "(SELECT id FROM actor_name WHERE name LIKE ? ESCAPE '\\')"


def actor_ids(conn: sqlite3.Connection, actor: str, limit: int = -1) -> list[int]:
    return [r[0] for r in conn.execute(f"{ACTOR_SET[1:-1]} LIMIT ?", (contains(actor), limit))]


class Plan:
    """Event filters as AND-ed parts plus OR-groups; each OR-group alternative is one index range.

    `events()` runs one ordered, limited index scan per combination of alternatives and merges them
    (top-k per branch), so an OR never forces SQLite to sort every match.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.args: list[object] = []
        self.groups: list[list[tuple[str, list[object]]]] = []

    def add(self, sql: str, *args: object) -> None:
        self.parts.append(sql)
        self.args.extend(args)

    def any_of(self, alternatives: list[tuple[str, list[object]]]) -> None:
        self.groups.append(alternatives)

    def branches(self, cap: int = 64) -> list[tuple[list[str], list[object]]] | None:
        """Every combination of alternatives (None if there are more than `cap`)."""
        combos: list[tuple[list[str], list[object]]] = [([], [])]
        for group in self.groups:
            combos = [(p + [sql], a + args) for p, a in combos for sql, args in group]
            if len(combos) > cap:
                return None
        return combos

    def where(self) -> Clause:
        """Everything as one AND list (OR-groups joined with OR), for use inside other queries."""
        parts, args = list(self.parts), list(self.args)
        for group in self.groups:
            parts.append("(" + " OR ".join(sql for sql, _ in group) + ")")
            for _, a in group:
                args.extend(a)
        return parts, args


def _exists(conn: sqlite3.Connection, column: str, value: str) -> bool:
    return conn.execute(f"SELECT 1 FROM event WHERE {column} = ? LIMIT 1", (value,)).fetchone() is not None


def locations_near(conn: sqlite3.Connection, lat: float, lon: float, km: float) -> list[int]:
    lo_lat, hi_lat, lo_lon, hi_lon = box(lat, lon, km)
    rows = conn.execute("SELECT g.id, l.lat, l.lon FROM location_geo g JOIN location l ON l.id = g.id"
                        " WHERE g.min_lat >= ? AND g.max_lat <= ? AND g.min_lon >= ? AND g.max_lon <= ?",
                        (lo_lat, hi_lat, lo_lon, hi_lon))
    return [r[0] for r in rows if haversine_km(lat, lon, r[1], r[2]) <= km]


def event_plan(conn: sqlite3.Connection, f: Filters, e: str = "e") -> Plan | None:
    """The filters for the event table aliased `e`; None when they can match nothing."""
    plan = Plan()
    if f.since:
        plan.add(f"{e}.day >= ?", f.since.isoformat())
    if f.until:
        plan.add(f"{e}.day <= ?", f.until.isoformat())
    if f.type:
        types = [t.strip().upper() for t in f.type.split(",") if t.strip()]
        if len(types) == 1 and types[0] in EVENT_TYPES:
            plan.add(f"{e}.type = ?", types[0])
        elif len(types) > 1 and all(t in EVENT_TYPES for t in types):
            plan.any_of([(f"{e}.type = ?", [t]) for t in dict.fromkeys(types)])
        else:
            plan.any_of([(f"{e}.acled = ?", [f.type]), (f"{e}.acled_sub = ?", [f.type])])
    if f.acled:
        plan.any_of([(f"{e}.acled = ?", [f.acled]), (f"{e}.acled_sub = ?", [f.acled])])
    if f.actor:  # a few names: one index range each; many (a short --actor): one parameterised set query
        ids = actor_ids(conn, f.actor, limit=MAX_ACTOR_BRANCHES + 1)
        if not ids:
            return None
        if len(ids) <= MAX_ACTOR_BRANCHES:
            plan.any_of([(f"{e}.{role} = ?", [i]) for i in ids for role in ("actor1", "actor2")])
        else:
            pattern = contains(f.actor)
            plan.add(f"({e}.actor1 IN {ACTOR_SET} OR {e}.actor2 IN {ACTOR_SET})", pattern, pattern)
    if f.country:
        plan.add(f"{e}.country = ?", f.country.upper())
    if f.place:  # the gazetteer name, the admin1 name, or the place as the text wrote it
        columns = [c for c in ("place", "admin1", "place_text COLLATE NOCASE") if _exists(conn, c, f.place)]
        if not columns:
            return None
        plan.any_of([(f"{e}.{col} = ?", [f.place]) for col in columns])
    if f.admin1:
        plan.add(f"{e}.admin1 = ?", f.admin1)
    if f.near:
        locs = locations_near(conn, *f.near)
        if not locs:
            return None
        if len(locs) <= 32:
            plan.any_of([(f"{e}.loc = ?", [loc]) for loc in locs])
        else:  # a wide circle: test each row, in day order
            lo_lat, hi_lat, lo_lon, hi_lon = box(*f.near)
            plan.add(f"{e}.lat BETWEEN ? AND ? AND {e}.lon BETWEEN ? AND ? AND ww_dist({e}.lat, {e}.lon, ?, ?) <= ?",
                     lo_lat, hi_lat, lo_lon, hi_lon, *f.near)
    if f.bbox:
        south, west, north, east = f.bbox
        if west <= east:
            plan.add(f"{e}.lat BETWEEN ? AND ? AND {e}.lon BETWEEN ? AND ?", south, north, west, east)
        else:  # across the antimeridian
            plan.add(f"{e}.lat BETWEEN ? AND ? AND ({e}.lon >= ? OR {e}.lon <= ?)", south, north, west, east)
    if f.certainty:
        plan.add(f"{e}.certainty = ?", f.certainty.lower())
    if f.status:
        if len(f.status) == 1:
            plan.add(f"{e}.status = ?", f.status[0])
        else:
            plan.any_of([(f"{e}.status = ?", [s]) for s in f.status])
    if f.unverified:
        plan.add(f"{e}.verification IN ('unverified', 'disputed')")
    if f.source:
        plan.add(f"{e}.source = ?", f.source)
    if f.text:
        plan.add(f"{e}.article IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)", fts_query(f.text))
    return plan


def event_where(conn: sqlite3.Connection, f: Filters, e: str = "e") -> Clause | None:
    """WHERE parts for the event table aliased `e`; None when the filters can match nothing."""
    plan = event_plan(conn, f, e)
    return None if plan is None else plan.where()


def has_event_filters(f: Filters) -> bool:
    return bool(f.type or f.acled or f.actor or f.certainty or f.unverified)


def place_where(f: Filters, p: str = "p") -> Clause:
    """WHERE parts on place mentions (country, place, near)."""
    sql: list[str] = []
    args: list[object] = []
    if f.country:
        sql.append(f"{p}.country = ?"); args.append(f.country.upper())
    if f.place:
        sql.append(f"({p}.name = ? OR {p}.admin1 = ? OR {p}.text = ?)"); args += [f.place] * 3
    if f.admin1:
        sql.append(f"{p}.admin1 = ?"); args.append(f.admin1)
    if f.near:
        lat, lon, km = f.near
        lo_lat, hi_lat, lo_lon, hi_lon = box(lat, lon, km)
        sql.append(f"{p}.lat BETWEEN ? AND ? AND {p}.lon BETWEEN ? AND ? AND ww_dist({p}.lat, {p}.lon, ?, ?) <= ?")
        args += [lo_lat, hi_lat, lo_lon, hi_lon, lat, lon, km]
    return sql, args


def _dates_and_outlet(f: Filters, day: str, outlet: str) -> tuple[list[str], list[object]]:
    """The --since/--until/--source conditions on the given day and outlet columns."""
    sql: list[str] = []
    args: list[object] = []
    if f.since:
        sql.append(f"{day} >= ?"); args.append(f.since.isoformat())
    if f.until:
        sql.append(f"{day} <= ?"); args.append(f.until.isoformat())
    if f.source:
        sql.append(f"{outlet} = ?"); args.append(f.source)
    return sql, args


def article_where(conn: sqlite3.Connection, f: Filters, a: str = "a") -> Clause | None:
    """Articles by date/source/text, and by the events and places they contain."""
    sql, args = _dates_and_outlet(f, f"{a}.date", f"{a}.source")
    if f.text:
        sql.append(f"{a}.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)")
        args.append(fts_query(f.text))
    if has_event_filters(f):
        ew = event_where(conn, Filters(type=f.type, acled=f.acled, actor=f.actor, certainty=f.certainty,
                                       unverified=f.unverified, status=f.status))
        if ew is None:
            return None
        sql.append(f"{a}.rowid IN (SELECT e.article FROM event e WHERE {' AND '.join(ew[0])})"); args += ew[1]
    psql, pargs = place_where(f)
    if psql:
        sql.append(f"{a}.rowid IN (SELECT p.article FROM place p WHERE {' AND '.join(psql)})"); args += pargs
    return sql, args


def claim_where(conn: sqlite3.Connection, f: Filters, c: str = "c") -> Clause | None:
    """Claims by day/outlet/certainty/verification/text, by who says them (--actor) and where (places)."""
    sql, args = _dates_and_outlet(f, f"{c}.day", f"{c}.outlet")
    if f.certainty:
        sql.append(f"{c}.certainty = ?"); args.append(f.certainty.lower())
    if f.unverified:
        sql.append(f"{c}.verification IN ('unverified', 'disputed')")
    if f.actor:
        like = contains(f.actor)
        sql.append(f"({c}.source_actor LIKE ? ESCAPE '\\' OR {c}.source_text LIKE ? ESCAPE '\\')"); args += [like, like]
    if f.text:
        sql.append(f"{c}.rowid IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?)"); args.append(fts_query(f.text))
    if f.type:
        ew = event_where(conn, Filters(type=f.type, status=f.status))
        assert ew is not None
        sql.append(f"EXISTS (SELECT 1 FROM event e WHERE e.article = {c}.article AND e.claim_key = {c}.key"
                   f" AND {' AND '.join(ew[0])})"); args += ew[1]
    psql, pargs = place_where(f)
    if psql:
        sql.append(f"{c}.article IN (SELECT p.article FROM place p WHERE {' AND '.join(psql)})"); args += pargs
    return sql, args
