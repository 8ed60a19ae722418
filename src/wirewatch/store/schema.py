"""The SQLite schema, as numbered migrations applied in order (the version lives in PRAGMA user_version).

A migration is never edited once released: a change is a new entry at the end of MIGRATIONS.
Events carry denormalised columns (day, type, names, place, source) so that filtered queries are
single-index range scans in `day` order; see docs/store.md for the indexes and what each serves.
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreError

V1 = """
CREATE TABLE article (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT, dateline TEXT, title TEXT, source TEXT COLLATE NOCASE, url TEXT,
    content_hash TEXT NOT NULL, input_hash TEXT NOT NULL, text_hash TEXT NOT NULL,
    document TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    n_events INTEGER NOT NULL DEFAULT 0, n_claims INTEGER NOT NULL DEFAULT 0,
    n_places INTEGER NOT NULL DEFAULT 0, n_figures INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_date ON article(date);
CREATE INDEX article_source ON article(source, date);
CREATE INDEX article_text_hash ON article(text_hash);

CREATE TABLE actor_name (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);

CREATE TABLE event (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
    key TEXT NOT NULL, day TEXT, date TEXT, date_precision TEXT,
    type TEXT NOT NULL, mode TEXT, cameo TEXT, acled TEXT COLLATE NOCASE, acled_sub TEXT COLLATE NOCASE,
    actor1 INTEGER REFERENCES actor_name(id), actor1_kind TEXT, actor1_country TEXT, actor1_side TEXT,
    actor2 INTEGER REFERENCES actor_name(id), actor2_kind TEXT, actor2_country TEXT, actor2_side TEXT,
    place_key TEXT, place TEXT COLLATE NOCASE, place_text TEXT, geonameid INTEGER,
    admin1 TEXT COLLATE NOCASE, country TEXT, lat REAL, lon REAL, loc INTEGER REFERENCES location(id),
    figures TEXT,
    claim_key TEXT, claim_source TEXT, claim_actor TEXT, claim_cue TEXT,
    certainty TEXT, polarity TEXT, verification TEXT,
    source TEXT COLLATE NOCASE,
    ev_text TEXT NOT NULL, ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL,
    cluster TEXT
);
CREATE INDEX event_article ON event(article);
CREATE INDEX event_day ON event(day);
CREATE INDEX event_type ON event(type, day);
CREATE INDEX event_acled ON event(acled, day);
CREATE INDEX event_actor1 ON event(actor1, day);
CREATE INDEX event_actor2 ON event(actor2, day);
CREATE INDEX event_place ON event(place, day);
CREATE INDEX event_admin1 ON event(admin1, day);
CREATE INDEX event_place_text ON event(place_text COLLATE NOCASE, day);
CREATE INDEX event_country ON event(country, day);
CREATE INDEX event_certainty ON event(certainty, day);
CREATE INDEX event_verification ON event(verification, day);
CREATE INDEX event_unverified ON event(day) WHERE verification IN ('unverified', 'disputed');
CREATE INDEX event_loc ON event(loc, day);
CREATE INDEX event_source ON event(source, day);
CREATE INDEX event_cluster ON event(cluster);

CREATE TABLE location (id INTEGER PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL, UNIQUE (lat, lon));
CREATE VIRTUAL TABLE location_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);

CREATE TABLE claim (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
    key TEXT NOT NULL, day TEXT,
    source_text TEXT, source_kind TEXT, source_actor TEXT COLLATE NOCASE, cue TEXT,
    content TEXT NOT NULL, c_start INTEGER NOT NULL, c_end INTEGER NOT NULL,
    direct_quote INTEGER NOT NULL, certainty TEXT, polarity TEXT, verification TEXT,
    outlet TEXT COLLATE NOCASE,
    repeat_id TEXT, repeat_sources INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX claim_article ON claim(article);
CREATE INDEX claim_day ON claim(day);
CREATE INDEX claim_verification ON claim(verification, day);

CREATE TABLE place (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
    key TEXT NOT NULL, day TEXT, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    name TEXT COLLATE NOCASE, geonameid INTEGER, country TEXT, admin1 TEXT COLLATE NOCASE,
    lat REAL, lon REAL, feature_class TEXT, feature_code TEXT, confidence REAL,
    outlet TEXT COLLATE NOCASE
);
CREATE INDEX place_article ON place(article);
CREATE INDEX place_name ON place(name);
CREATE INDEX place_geonameid ON place(geonameid);

CREATE TABLE cluster (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, acled TEXT, first TEXT, last TEXT,
    place TEXT, admin1 TEXT, country TEXT, lat REAL, lon REAL,
    n_sources INTEGER NOT NULL, n_reports INTEGER NOT NULL, disputed INTEGER NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX cluster_rank ON cluster(n_sources DESC, n_reports DESC, last DESC);

CREATE VIRTUAL TABLE article_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE claim_fts USING fts5(content, tokenize = 'unicode61 remove_diacritics 2');
"""

V2_INCREMENTAL_LINKING = """
ALTER TABLE cluster ADD COLUMN state TEXT;
CREATE TABLE link_term (
    term TEXT NOT NULL, day TEXT NOT NULL, article INTEGER NOT NULL REFERENCES article(rowid) ON DELETE CASCADE,
    PRIMARY KEY (term, day, article)
) WITHOUT ROWID;
CREATE INDEX link_term_article ON link_term(article);
CREATE TABLE cluster_merge (merged TEXT PRIMARY KEY, into_id TEXT NOT NULL, by_event TEXT, at TEXT NOT NULL);
CREATE INDEX cluster_merge_into ON cluster_merge(into_id);
CREATE TABLE link_dirty (cluster TEXT PRIMARY KEY);
CREATE TRIGGER link_event_gone AFTER DELETE ON event WHEN old.cluster IS NOT NULL AND old.cluster != ''
BEGIN INSERT OR IGNORE INTO link_dirty(cluster) VALUES (old.cluster); END;
CREATE TABLE link_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE INDEX claim_repeat ON claim(repeat_id);
DELETE FROM cluster;
UPDATE event SET cluster = NULL;
UPDATE claim SET repeat_id = NULL, repeat_sources = 1
"""
"""Incremental linking (docs/linking.md): an event whose `cluster` is NULL is waiting to be linked (committed
with its article, so a killed link step leaves it pending, never lost); '' means "not linked by design"
(an event that did not occur). `cluster.state` is the profile linking judges new reports against;
`link_term` indexes the distinctive lead words of each article by day; `cluster_merge` records merges;
`link_dirty` (filled by a trigger when a linked event is deleted, e.g. its article replaced) lists clusters
whose summary must be recomputed; `link_state` keeps the last claim linked. Stores linked by an older
version are linked again from scratch by the next ingest."""

# Events say whether they happened (occurred | future | hypothetical | generic); queries, exports, the sitrep
# and linking take `occurred` by default. Rows stored before carry no status: they were all counted as events.
V2_EVENT_STATUS = """
ALTER TABLE event ADD COLUMN status TEXT NOT NULL DEFAULT 'occurred';
CREATE INDEX event_status ON event(status, day);
"""

# Identity includes the source: an article is (origin, source_id); `id` stays the public, unique id.
# Rows stored before keep origin NULL and source_id = id (docs/store.md, "Identity").
V2_ARTICLE_ORIGIN = """
ALTER TABLE article ADD COLUMN origin TEXT;
ALTER TABLE article ADD COLUMN source_id TEXT;
UPDATE article SET source_id = id;
CREATE UNIQUE INDEX article_origin ON article(source_id, origin);
"""

# Watch (docs/watch.md): what each followed source answered last (conditional GET state, the body's hash, backoff),
# which items were taken (a folder's files also by mtime and size: `stamp`), and the alerts raised. An alert is
# raised once per rule and incident (the event's cluster when it is linked, else the event): a second report of
# one strike joins its cluster and does not alert again. Once a store is watched (it has a watch_source), every
# event stored joins `watch_pending` in its article's transaction, so an event stored but not yet judged against
# the rules (a run killed between the two) is judged by the next run; `alert_delivery` records each sink an alert
# reached, so a restart delivers only what is missing.
V3_WATCH = """
CREATE TABLE watch_source (
    url TEXT PRIMARY KEY, kind TEXT NOT NULL,
    etag TEXT, last_modified TEXT, last_fetch TEXT, last_ok TEXT, last_status TEXT,
    new_items INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0, next_at TEXT, body_hash TEXT
);
CREATE TABLE watch_item (
    source TEXT NOT NULL, key TEXT NOT NULL, content_hash TEXT, article TEXT, seen TEXT NOT NULL, stamp TEXT,
    PRIMARY KEY (source, key)
) WITHOUT ROWID;
CREATE INDEX watch_item_hash ON watch_item(source, content_hash);
CREATE TABLE alert (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, rule TEXT NOT NULL, incident TEXT NOT NULL, event TEXT NOT NULL,
    article TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, delivered TEXT
);
CREATE UNIQUE INDEX alert_once ON alert(rule, incident);
CREATE INDEX alert_undelivered ON alert(seq) WHERE delivered IS NULL;
CREATE TABLE alert_delivery (seq INTEGER NOT NULL, sink TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (seq, sink));
CREATE TABLE watch_pending (event INTEGER PRIMARY KEY);
CREATE TRIGGER watch_event_new AFTER INSERT ON event WHEN EXISTS (SELECT 1 FROM watch_source)
BEGIN INSERT OR IGNORE INTO watch_pending(event) VALUES (new.rowid); END;
CREATE TRIGGER watch_event_gone AFTER DELETE ON event
BEGIN DELETE FROM watch_pending WHERE event = old.rowid; END;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2_INCREMENTAL_LINKING, V2_EVENT_STATUS, V2_ARTICLE_ORIGIN, V3_WATCH)
VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database to VERSION, one transaction per migration; return the version found."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > VERSION:
        raise StoreError(f"{path}: schema version {found} is newer than this Wirewatch ({VERSION}); upgrade Wirewatch")
    for number in range(found, VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{path}: migration {number + 1} failed: {exc}") from exc
    return found


def _statements(script: str) -> list[str]:
    """Split a migration into statements; a trigger's body (with its own ';') stays one statement."""
    out, buf = [], ""
    for part in script.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    if buf.strip(" \n;"):
        out.append(buf.strip())
    return out
