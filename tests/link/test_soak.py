"""Soak (slow, bounded, loopback only): two writers, API readers, random SIGKILLs; then the clusters and counts
must equal a clean rebuild (`relink --all` on a copy). Run with `make test-all` or `pytest -m slow tests/link`."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

import link_writer  # noqa: E402
from link_writer import copy_of, snapshot  # noqa: E402
from ww_server import serving  # noqa: E402

from wirewatch.store import Store  # noqa: E402

DEADLINE = 120        # seconds for the whole writing phase
KILLS = 8
PER_WRITER = 150
WRITER = Path(link_writer.__file__)


@pytest.mark.slow
def test_writers_killed_at_random_leave_clusters_a_clean_rebuild_agrees_with(tmp_path: Path) -> None:
    rng = random.Random(20)
    db = tmp_path / "ww.db"
    Store.open(db).close()
    args = {w: [sys.executable, str(WRITER), str(db), "stream", "--seed", str(w + 1), "--count", str(PER_WRITER)]
            for w in (0, 1)}
    errors: list[str] = []
    reads = 0
    stop = threading.Event()

    def reader(url: str) -> None:
        nonlocal reads
        with httpx.Client(base_url=url, timeout=30) as client:
            while not stop.is_set():
                for path in ("/api/clusters?limit=20", "/api/counts", "/api/events?limit=20"):
                    r = client.get(path)
                    reads += 1
                    if r.status_code != 200:
                        errors.append(f"{path}: {r.status_code} {r.text[:200]}")

    with serving(db) as url:
        readers = [threading.Thread(target=reader, args=(url,)) for _ in range(2)]
        for t in readers:
            t.start()
        procs = {w: subprocess.Popen(a) for w, a in args.items()}
        kills, started = 0, time.monotonic()
        try:
            while time.monotonic() - started < DEADLINE and any(p.poll() is None for p in procs.values()):
                time.sleep(rng.uniform(0.2, 1.5))
                running = [w for w, p in procs.items() if p.poll() is None]
                if kills < KILLS and running:
                    w = rng.choice(running)
                    os.kill(procs[w].pid, signal.SIGKILL)
                    procs[w].wait()
                    kills += 1
                    procs[w] = subprocess.Popen(args[w])          # resumes: stored articles are unchanged
            for p in procs.values():
                assert p.wait(timeout=max(10, DEADLINE - (time.monotonic() - started))) == 0
        finally:
            for p in procs.values():
                if p.poll() is None:
                    p.kill()
            stop.set()
            for t in readers:
                t.join(timeout=60)
    assert kills >= 1 and reads > 0 and not errors, errors[:5]
    with Store.open(db) as store:
        store.link()                                             # what a killed writer left waiting
        assert store.counts()["articles"] == 2 * PER_WRITER
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM event WHERE cluster IS NULL").fetchone()[0] == 0
    live = snapshot(db)
    rebuilt = copy_of(db, tmp_path / "rebuilt.db")
    with Store.open(rebuilt) as store:
        store.relink()
    assert snapshot(rebuilt) == live
