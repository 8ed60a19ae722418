"""Claims repeated across outlets, linked incrementally: each new claim against earlier ones found by FTS.

The rule is `link.claims` (content words, Jaccard >= `claim_similarity`, at least 3 shared words, different
articles, days at most 3 apart). A claim is new when its rowid is above the last one linked (`link_state`
'claims'); candidates are the earlier claims whose content matches any of its words (claim_fts, best 200).
A match joins the claim to the match's repeat group, and groups it bridges are merged into the oldest one;
`repeat_sources` is recounted for the group it ends in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

from ..link import LinkRules
from ..link.claims import words as content_words

__all__ = ["link_claims"]

DAYS = 3
CANDIDATES = 200


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _outlets(conn: sqlite3.Connection, rid: str) -> int:
    return conn.execute("SELECT count(DISTINCT lower(coalesce(c.outlet, 'article ' || a.id))) FROM claim c"
                        " JOIN article a ON a.rowid = c.article WHERE c.repeat_id = ?", (rid,)).fetchone()[0]


def link_claims(conn: sqlite3.Connection, rules: LinkRules = LinkRules()) -> int:
    """Link the claims stored since the last call (inside the caller's transaction); return how many."""
    row = conn.execute("SELECT value FROM link_state WHERE key = 'claims'").fetchone()
    done = row[0] if row else 0
    new = conn.execute("SELECT c.rowid, a.id, c.key, c.day, c.content, c.article FROM claim c"
                       " JOIN article a ON a.rowid = c.article WHERE c.rowid > ? ORDER BY c.rowid", (done,)).fetchall()
    for rowid, art_id, key, day, content, art in new:
        bag = content_words(content)
        if len(bag) >= 3:
            _link_claim(conn, rowid, f"{art_id}#{key}", _day(day), bag, art, rules)
        done = rowid
    conn.execute("INSERT OR REPLACE INTO link_state(key, value) VALUES ('claims', ?)", (done,))
    return len(new)


def _link_claim(conn: sqlite3.Connection, rowid: int, uid: str, day: dt.date | None, bag: frozenset[str],
                art: int, rules: LinkRules) -> None:
    query = " OR ".join(f'"{w}"' for w in sorted(bag))
    matches = []
    for other, other_art, other_day, content, rid, other_uid in conn.execute(
            "SELECT c.rowid, c.article, c.day, c.content, c.repeat_id, a.id || '#' || c.key FROM claim c"
            " JOIN article a ON a.rowid = c.article WHERE c.rowid IN (SELECT rowid FROM claim_fts WHERE claim_fts"
            f" MATCH ? ORDER BY rank LIMIT {CANDIDATES}) AND c.rowid < ? AND c.article != ?", (query, rowid, art)):
        od = _day(other_day)
        if day and od and abs((day - od).days) > DAYS:
            continue
        theirs = content_words(content)
        shared = len(bag & theirs)
        if shared >= 3 and shared / len(bag | theirs) >= rules.claim_similarity:
            matches.append((other, rid, other_uid))
    if not matches:
        return
    groups = sorted({rid for _, rid, _ in matches if rid})
    keep = groups[0] if groups else "r" + hashlib.sha1(min(u for _, _, u in matches).encode("utf-8")).hexdigest()[:12]
    singles = [other for other, rid, _ in matches if not rid] + [rowid]
    conn.executemany("UPDATE claim SET repeat_id = ? WHERE rowid = ?", [(keep, r) for r in singles])
    for rid in groups[1:]:
        conn.execute("UPDATE claim SET repeat_id = ? WHERE repeat_id = ?", (keep, rid))
    conn.execute("UPDATE claim SET repeat_sources = ? WHERE repeat_id = ?", (_outlets(conn, keep), keep))
