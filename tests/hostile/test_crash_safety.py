"""Crash safety: SIGKILL `wirewatch ingest` at random points in a real subprocess, again and again.

After every kill the store must open, pass `PRAGMA integrity_check`, and hold only whole articles (each
article's event/claim/place rows match its stored document); a final re-run must reach the same state as a
clean ingest. Readers querying while an ingest writes (WAL) must never see a half article.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

TOWNS = ["Izium", "Bakhmut", "Kupiansk", "Avdiivka", "Lyman", "Vuhledar", "Orikhiv", "Kherson"]


def corpus(path: Path, n: int) -> Path:
    """n short articles written for this test, each with a strike, a figure and a claim."""
    rnd = random.Random(n)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            text = (f"{town.upper()}, Ukraine, May {1 + i % 28}, 2023 (Crash Desk) - Shelling hit the centre of {town} "
                    f"on Tuesday, killing at least {rnd.randint(2, 30)} people and injuring {rnd.randint(3, 60)}, "
                    f"the regional governor said. Russia's defence ministry said its forces had struck a depot. "
                    f"Crash Desk could not independently verify the reports. Article number {i}.")
            out.write(json.dumps({"id": f"crash-{i:03d}", "date": None, "text": text}) + "\n")
    return path


def ingest(src: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "wirewatch", "ingest", str(src), "--db", str(db), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def whole_articles(db: Path) -> int:
    """Check the store after a crash; return how many articles it holds."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT rowid, id, document, n_events, n_claims, n_places FROM article").fetchall()
        for rowid, article_id, document, n_events, n_claims, n_places in rows:
            doc = json.loads(document)
            for table, n, key in (("event", n_events, "events"), ("claim", n_claims, "claims"), ("place", n_places, "places")):
                (count,) = conn.execute(f"SELECT count(*) FROM {table} WHERE article = ?", (rowid,)).fetchone()
                assert count == n == len(doc[key]), f"half article {article_id}: {table} rows {count}, expected {n}"
        return len(rows)
    finally:
        conn.close()


def state(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, content_hash, n_events, n_claims, n_places FROM article ORDER BY id").fetchall()
    finally:
        conn.close()


def kill_many(tmp_path: Path, n_articles: int, kills: int) -> dict[str, int]:
    src = corpus(tmp_path / "in.jsonl", n_articles)
    db = tmp_path / "ww.db"
    rnd = random.Random(42)
    survived = 0
    for _ in range(kills):
        proc = ingest(src, db)
        time.sleep(rnd.uniform(0.5, 6.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if db.exists():
            whole_articles(db)
        survived += 1
    final = ingest(src, db)
    assert final.wait(timeout=900) == 0, final.stderr.read().decode() if final.stderr else ""
    clean_db = tmp_path / "clean.db"
    clean = ingest(src, clean_db)
    assert clean.wait(timeout=900) == 0
    assert whole_articles(db) == n_articles
    assert state(db) == state(clean_db)
    print(f"crash safety: {kills} kills survived, {n_articles} articles, final state equal to a clean ingest")
    return {"kills": survived}


def test_sigkill_during_ingest_leaves_only_whole_articles(tmp_path: Path) -> None:
    assert kill_many(tmp_path, n_articles=30, kills=4)["kills"] == 4


@pytest.mark.slow
def test_sigkill_many_times(tmp_path: Path) -> None:
    assert kill_many(tmp_path, n_articles=80, kills=25)["kills"] == 25


def test_readers_never_see_half_an_article_while_ingest_writes(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in.jsonl", 25)
    db = tmp_path / "ww.db"
    proc = ingest(src, db)
    problems: list[str] = []
    checks = 0
    stop = threading.Event()

    def reader() -> None:
        nonlocal checks
        while not stop.is_set():
            if not db.exists():
                time.sleep(0.05)
                continue
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
                conn.execute("BEGIN")  # one read snapshot for the whole check
                for rowid, n_events, n_claims in conn.execute("SELECT rowid, n_events, n_claims FROM article").fetchall():
                    (e,) = conn.execute("SELECT count(*) FROM event WHERE article = ?", (rowid,)).fetchone()
                    (c,) = conn.execute("SELECT count(*) FROM claim WHERE article = ?", (rowid,)).fetchone()
                    if (e, c) != (n_events, n_claims):
                        problems.append(f"article row {rowid}: {e}/{n_events} events, {c}/{n_claims} claims")
                conn.rollback()
                conn.close()
                checks += 1
            except sqlite3.OperationalError as exc:  # schema not created yet
                if "no such table" not in str(exc):
                    problems.append(str(exc))
            time.sleep(0.02)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        assert proc.wait(timeout=900) == 0
    finally:
        stop.set()
        thread.join()
    assert not problems, problems[:5]
    assert checks > 0
