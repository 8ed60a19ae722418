"""One write transaction on a connection in autocommit mode: BEGIN IMMEDIATE (the write lock is taken at once,
so two writers queue instead of failing half-way), COMMIT at the end, ROLLBACK on any exception, even an
interrupt."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator

__all__ = ["immediate"]


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
