"""Two processes ingesting into one store at once leave the clusters a single writer would have built."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import link_writer
from link_writer import copy_of, snapshot

from wirewatch.store import Store

WRITER = Path(link_writer.__file__)


def test_two_writers_at_once_leave_consistent_clusters(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    Store.open(db).close()
    procs = [subprocess.Popen([sys.executable, str(WRITER), str(db), stories])
             for stories in ("toll,shootings", "kharkiv,drones")]
    for p in procs:
        assert p.wait(timeout=300) == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM event WHERE cluster IS NULL").fetchone()[0] == 0
    orphans = conn.execute("SELECT count(*) FROM event e WHERE NOT EXISTS (SELECT 1 FROM cluster c"
                           " WHERE c.id = e.cluster)").fetchone()[0]
    assert orphans == 0
    counted = conn.execute("SELECT count(*) FROM cluster c WHERE n_reports != (SELECT count(*) FROM event e"
                           " WHERE e.cluster = c.id)").fetchone()[0]
    assert counted == 0
    live = snapshot(db)
    copy = copy_of(db, tmp_path / "rebuilt.db")
    with Store.open(copy) as store:
        store.relink()
    assert snapshot(copy) == live
    groups = {frozenset(v) for v in live[0].values()}
    assert frozenset({"toll-1#e1", "toll-2#e1", "toll-3#e1"}) in groups
    assert frozenset({"kh-1#e1", "kh-2#e1", "kh-3#e1"}) in groups
