"""`relink --all`: forget every link and link the whole store again, in store order (after a change of rules).

Clearing is one transaction; the linking that follows is the incremental link step (`store.linking`), so
the result equals what ingesting the same articles one by one would have built, and a run killed half-way
leaves the rest waiting for the next link step instead of events without a cluster.
"""

from __future__ import annotations

import sqlite3
from typing import Callable

from ..link import LinkRules
from .linking import LinkStats, link_pending
from .transaction import immediate

__all__ = ["relink_all"]


def relink_all(conn: sqlite3.Connection, rules: LinkRules = LinkRules(), *,
               on_batch: Callable[[LinkStats], None] | None = None, batch_size: int = 500) -> LinkStats:
    with immediate(conn):
        conn.execute("DELETE FROM cluster")
        conn.execute("DELETE FROM cluster_merge")
        conn.execute("DELETE FROM link_term")
        conn.execute("DELETE FROM link_state")
        conn.execute("UPDATE event SET cluster = NULL")
        conn.execute("DELETE FROM link_dirty")
        conn.execute("UPDATE claim SET repeat_id = NULL, repeat_sources = 1 WHERE repeat_id IS NOT NULL")
    return link_pending(conn, rules, on_batch=on_batch, batch_size=batch_size)
