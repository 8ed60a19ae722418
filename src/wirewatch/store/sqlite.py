"""The SQLite backend: one file, WAL, FTS5, R*Tree; one transaction per article.

Writes go through `put` (BEGIN IMMEDIATE ... COMMIT), so a process killed mid-batch leaves the file
with whole articles only (SQLite's journal rolls back the unfinished one on the next open).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from ..errors import StoreError
from ..model import Document
from . import reads
from .base import PutResult, Store
from .ingest import content_hash, input_hash, text_hash
from .query import ArticleRow, ClaimRow, Cluster, EventPoint, EventRow, Filters, PlaceRow, SearchHit, haversine_km
from .schema import migrate

__all__ = ["SQLiteStore"]


def _dist(lat1: float | None, lon1: float | None, lat2: float, lon2: float) -> float | None:
    if lat1 is None or lon1 is None:
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


def _day(value: str | None, fallback: dt.date | None) -> str | None:
    """An event's day: its own date when it names a day (2022-03-29...), else the article's date."""
    if value and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            pass
    return fallback.isoformat() if fallback else None


class SQLiteStore(Store):
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if read_only:
                if not path.exists():
                    raise StoreError(f"{path}: no such store (run `wirewatch ingest ... --db {path}` first)")
                self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                            check_same_thread=False)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=30, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.create_function("ww_dist", 4, _dist, deterministic=True)
            if not read_only:
                migrate(self.conn, str(path))
            elif self.conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                raise StoreError(f"{path}: not a Wirewatch store (schema version 0)")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open store ({exc})") from exc
        self._actor_ids: dict[str, int] = {}

    def close(self) -> None:
        self.conn.close()

    # -- writing -------------------------------------------------------------------------------------

    def has(self, article_id: str, input_hash_: str) -> bool:
        row = self.conn.execute("SELECT input_hash FROM article WHERE id = ?", (article_id,)).fetchone()
        return row is not None and row[0] == input_hash_

    def put(self, doc: Document) -> PutResult:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        chash, thash = content_hash(doc), text_hash(doc.text)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            old = conn.execute("SELECT rowid, content_hash FROM article WHERE id = ?", (doc.article.id,)).fetchone()
            if old is not None and old[1] == chash:
                conn.execute("ROLLBACK")
                return "unchanged"
            if old is None:
                twin = conn.execute("SELECT id FROM article WHERE text_hash = ? LIMIT 1", (thash,)).fetchone()
                if twin is not None:
                    conn.execute("ROLLBACK")
                    return "duplicate"
            else:
                self._delete(old[0])
            self._insert(doc, chash, thash)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return "stored" if old is None else "replaced"

    def _delete(self, rowid: int) -> None:
        c = self.conn
        c.execute("DELETE FROM article_fts WHERE rowid = ?", (rowid,))
        c.execute("DELETE FROM claim_fts WHERE rowid IN (SELECT rowid FROM claim WHERE article = ?)", (rowid,))
        c.execute("DELETE FROM article WHERE rowid = ?", (rowid,))  # events, claims, places cascade

    def _actor_id(self, name: str | None) -> int | None:
        if not name:
            return None
        key = name.casefold()
        if key not in self._actor_ids:
            self.conn.execute("INSERT OR IGNORE INTO actor_name(name) VALUES (?)", (name,))
            self._actor_ids[key] = self.conn.execute("SELECT id FROM actor_name WHERE name = ?", (name,)).fetchone()[0]
        return self._actor_ids[key]

    def _location(self, p) -> int | None:
        """The id of a distinct coordinate pair (locations are few; events point to them for --near)."""
        if p is None or p.lat is None or p.lon is None:
            return None
        c = self.conn
        row = c.execute("SELECT id FROM location WHERE lat = ? AND lon = ?", (p.lat, p.lon)).fetchone()
        if row is not None:
            return row[0]
        loc = c.execute("INSERT INTO location(lat, lon) VALUES (?, ?)", (p.lat, p.lon)).lastrowid
        c.execute("INSERT INTO location_geo(id, min_lat, max_lat, min_lon, max_lon) VALUES (?,?,?,?,?)",
                  (loc, p.lat, p.lat, p.lon, p.lon))
        return loc

    def _insert(self, doc: Document, chash: str, thash: str) -> None:
        c, a = self.conn, doc.article
        adate = a.date.isoformat() if a.date else None
        cur = c.execute(
            "INSERT INTO article(id, date, dateline, title, source, url, content_hash, input_hash, text_hash, document,"
            " stored_at, n_events, n_claims, n_places, n_figures) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, adate, a.dateline, a.title, a.source, a.url, chash, input_hash(doc), thash,
             json.dumps(doc.to_json(), ensure_ascii=False), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
             len(doc.events), len(doc.claims), len(doc.places), len(doc.figures)))
        art = cur.lastrowid
        c.execute("INSERT INTO article_fts(rowid, title, text) VALUES (?,?,?)", (art, a.title or "", doc.text))
        actors = {x.id: x for x in doc.actors}
        places = {p.id: p for p in doc.places}
        figures = {f.id: f for f in doc.figures}
        claims = {x.id: x for x in doc.claims}
        for p in doc.places:
            c.execute('INSERT INTO place(article, key, day, text, start, "end", name, geonameid, country, admin1, lat, lon,'
                      ' feature_class, feature_code, confidence, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                      (art, p.id, adate, p.text, p.start, p.end, p.name or p.text, p.geonameid, p.country_code,
                       p.admin1, p.lat, p.lon, p.feature_class, p.feature_code, p.confidence, a.source))
        for cl in doc.claims:
            src = cl.source
            src_actor = actors[src.actor].name if src and src.actor in actors else None
            cur = c.execute(
                "INSERT INTO claim(article, key, day, source_text, source_kind, source_actor, cue, content, c_start, c_end,"
                " direct_quote, certainty, polarity, verification, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (art, cl.id, adate, src.text if src else None, src.kind if src else None, src_actor,
                 cl.cue.text if cl.cue else None, cl.content.text, cl.content.start, cl.content.end,
                 int(cl.direct_quote), cl.certainty, cl.polarity, cl.verification, a.source))
            c.execute("INSERT INTO claim_fts(rowid, content) VALUES (?,?)", (cur.lastrowid, cl.content.text))
        for e in doc.events:
            a1, a2 = actors.get(e.actor1 or ""), actors.get(e.actor2 or "")
            p = places.get(e.place or "")
            cl = claims.get(e.claim or "")
            figs = [figures[f].model_dump(mode="json") for f in e.figures if f in figures]
            cl_actor = actors[cl.source.actor].name if cl and cl.source and cl.source.actor in actors else None
            c.execute(
                "INSERT INTO event(article, key, day, date, date_precision, type, mode, cameo, acled, acled_sub,"
                " actor1, actor1_kind, actor1_country, actor1_side, actor2, actor2_kind, actor2_country, actor2_side,"
                " place_key, place, place_text, geonameid, admin1, country, lat, lon, loc, figures,"
                " claim_key, claim_source, claim_actor, claim_cue, certainty, polarity, verification, source,"
                " ev_text, ev_start, ev_end) VALUES (" + ",".join("?" * 39) + ")",
                (art, e.id, _day(e.date, a.date), e.date, e.date_precision, e.type, e.mode, e.cameo,
                 e.acled_event_type, e.acled_sub_event_type,
                 self._actor_id(a1.name if a1 else None), a1.kind if a1 else None, a1.country_code if a1 else None,
                 a1.side if a1 else None,
                 self._actor_id(a2.name if a2 else None), a2.kind if a2 else None, a2.country_code if a2 else None,
                 a2.side if a2 else None,
                 p.id if p else None, (p.name or p.text) if p else None, p.text if p else None,
                 p.geonameid if p else None, p.admin1 if p else None, p.country_code if p else None,
                 p.lat if p else None, p.lon if p else None, self._location(p), json.dumps(figs) if figs else None,
                 cl.id if cl else None, cl.source.text if cl and cl.source else None, cl_actor,
                 cl.cue.text if cl and cl.cue else None, e.certainty, e.polarity,
                 cl.verification if cl else None, a.source, e.evidence.text, e.evidence.start, e.evidence.end))

    # -- reading -------------------------------------------------------------------------------------

    def document(self, article_id: str) -> Document | None:
        row = self.conn.execute("SELECT document FROM article WHERE id = ?", (article_id,)).fetchone()
        return Document.from_json(json.loads(row[0])) if row else None

    def articles(self, f: Filters) -> list[ArticleRow]:
        return reads.articles(self.conn, f)

    def events(self, f: Filters) -> list[EventRow]:
        return reads.events(self.conn, f)

    def event_points(self, f: Filters) -> list[EventPoint]:
        return reads.event_points(self.conn, f)

    def claims(self, f: Filters) -> list[ClaimRow]:
        return reads.claims(self.conn, f)

    def places(self, f: Filters) -> list[PlaceRow]:
        return reads.places(self.conn, f)

    def search(self, text: str, f: Filters) -> list[SearchHit]:
        return reads.search(self.conn, text, f)

    def clusters(self, f: Filters) -> list[Cluster]:
        return reads.clusters(self.conn, f)

    def cluster(self, cluster_id: str) -> Cluster | None:
        return reads.cluster(self.conn, cluster_id)

    def facets(self, limit: int = 500) -> dict[str, list[tuple[str, int]]]:
        return reads.facets(self.conn, limit)

    def counts(self) -> dict[str, int]:
        c = self.conn
        out = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in ("article", "event", "claim", "place", "cluster")}
        figures = c.execute("SELECT coalesce(sum(n_figures), 0) FROM article").fetchone()[0]
        return {"articles": out["article"], "events": out["event"], "claims": out["claim"],
                "places": out["place"], "figures": figures, "clusters": out["cluster"]}

    def link(self, on_batch=None):
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        from .linking import link_pending
        return link_pending(self.conn, on_batch=on_batch)

    def relink(self, on_batch=None):
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        from .relink import relink_all
        return relink_all(self.conn, on_batch=on_batch)

    def story(self, cluster_id: str):
        from .story import story
        return story(self.conn, cluster_id)


