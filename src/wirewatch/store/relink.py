"""Recompute clusters and claim repeats over the whole store, in one transaction.

Loads every event as a `link.Report`, runs the linking rules (`wirewatch.link`), then rewrites the
cluster table and each event's `cluster` column; readers see the old or the new links, never a mix.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from ..link import ClaimRef, LinkRules, Report, cluster_reports, repeat_groups, summarize
from ..model import Figure, Span


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_reports(conn: sqlite3.Connection, statuses: tuple[str, ...] = ("occurred",)) -> list[Report]:
    """Every event of the given statuses (what happened, by default: a plan or a possibility is not a report of
    an incident) as a Report; an event without a place carries the towns its article names (its `area`)."""
    sql = """SELECT a.id, e.key, a.source, e.type, e.day, e.date, e.place, e.lat, e.lon, e.country,
             n1.name, n2.name, e.actor1_country, e.actor2_country, e.figures, e.polarity,
             coalesce(e.claim_actor, e.claim_source), e.verification, e.ev_text, e.ev_start, e.ev_end,
             e.acled, e.acled_sub, e.admin1, e.article
             FROM event e JOIN article a ON a.rowid = e.article
             LEFT JOIN actor_name n1 ON n1.id = e.actor1 LEFT JOIN actor_name n2 ON n2.id = e.actor2
             WHERE e.status IN (""" + ",".join("?" * len(statuses)) + ")"
    towns: dict[int, set[tuple[float, float]]] = {}
    for art, lat, lon in conn.execute(
            "SELECT article, lat, lon FROM place WHERE lat IS NOT NULL AND lon IS NOT NULL"
            " AND feature_class = 'P' AND coalesce(feature_code, '') != 'PPLC'"):
        towns.setdefault(art, set()).add((lat, lon))
    out = []
    for r in conn.execute(sql, statuses):
        dated = bool(r[5] and len(r[5]) >= 10 and r[5][:10] == r[4])
        out.append(Report(
            uid=f"{r[0]}#{r[1]}", article_id=r[0], outlet=r[2], type=r[3], day=_date(r[4]), dated=dated,
            place=r[6], lat=r[7], lon=r[8], country=r[9], actor1=r[10], actor2=r[11], actor1_country=r[12],
            actor2_country=r[13], figures=tuple(Figure.model_validate(x) for x in json.loads(r[14] or "[]")),
            polarity=r[15] or "positive", claim_source=r[16], verification=r[17],
            evidence=Span(text=r[18], start=r[19], end=r[20]), acled=r[21], acled_sub=r[22],
            area=tuple(sorted(towns.get(r[24], ()))) if r[6] is None else (), extra={"admin1": r[23]}))
    return out


def relink(conn: sqlite3.Connection, rules: LinkRules = LinkRules()) -> None:
    reports = load_reports(conn)
    clusters = cluster_reports(reports, rules)
    claims = [ClaimRef(uid=f"{r[0]}#{r[1]}", article_id=r[0], outlet=r[2], day=_date(r[3]), content=r[4])
              for r in conn.execute("SELECT a.id, c.key, a.source, c.day, c.content FROM claim c"
                                    " JOIN article a ON a.rowid = c.article")]
    repeats = repeat_groups(claims, rules)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM cluster")
        conn.execute("UPDATE event SET cluster = NULL WHERE cluster IS NOT NULL")
        conn.execute("UPDATE claim SET repeat_id = NULL, repeat_sources = 1 WHERE repeat_id IS NOT NULL")
        for members in clusters:
            s = summarize(members)
            summary = {k: s[k] for k in ("actors", "sources", "figures", "contradictions", "acled_sub")}
            conn.execute(
                "INSERT INTO cluster(id, type, acled, first, last, place, admin1, country, lat, lon, n_sources,"
                " n_reports, disputed, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (s["id"], s["type"], s["acled"], s["first"].isoformat() if s["first"] else None,
                 s["last"].isoformat() if s["last"] else None, s["place"], s["admin1"], s["country"], s["lat"],
                 s["lon"], s["n_sources"], s["n_reports"], int(s["disputed"]), json.dumps(summary, ensure_ascii=False)))
            conn.executemany(
                "UPDATE event SET cluster = ? WHERE article = (SELECT rowid FROM article WHERE id = ?) AND key = ?",
                [(s["id"], m.article_id, m.uid.rsplit("#", 1)[1]) for m in members])
        conn.executemany(
            "UPDATE claim SET repeat_id = ?, repeat_sources = ? WHERE article = (SELECT rowid FROM article WHERE id = ?)"
            " AND key = ?",
            [(rid, n, uid.rsplit("#", 1)[0], uid.rsplit("#", 1)[1]) for uid, (rid, n) in repeats.items()])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
