"""A cluster's story: its reports in time order with their figures, what linked each, where they disagree.

Read-only; built from the stored cluster (summary, joins) and its member events. A cluster that was merged
into another is followed to the one it went into, so an old link keeps working.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from .query import Story, StoryReport
from .reads import cluster, cluster_reports

__all__ = ["story"]


def _current(conn: sqlite3.Connection, cluster_id: str) -> str:
    seen = {cluster_id}
    while (row := conn.execute("SELECT into_id FROM cluster_merge WHERE merged = ?", (cluster_id,)).fetchone()):
        if row[0] in seen:
            break
        cluster_id = row[0]
        seen.add(cluster_id)
    return cluster_id


def story(conn: sqlite3.Connection, cluster_id: str) -> Story | None:
    cl = cluster(conn, _current(conn, cluster_id), reports=False)
    if cl is None:
        return None
    joined = {j.report: j for j in cl.joins}
    disagrees: dict[str, list[str]] = {}
    for c in cl.contradictions:
        for uid in c.reports:
            disagrees.setdefault(uid, []).append(c.category or c.kind)
    never = dt.date.min
    rows = sorted(cluster_reports(conn, cl.id), key=lambda e: (e.day or e.article_date or never,
                                                                 e.article_date or never, e.article_id))
    reports = [StoryReport(uid=e.uid, day=e.day, article_id=e.article_id, article_date=e.article_date,
                           source=e.source, title=e.title, type=e.type, place=e.place, claim_source=e.claim_source,
                           certainty=e.certainty, polarity=e.polarity, verification=e.verification,
                           figures=e.figures, evidence=e.evidence, joined=joined.get(e.uid),
                           disagrees=disagrees.get(e.uid, []))
               for e in rows]
    return Story(cluster=cl, reports=reports)
