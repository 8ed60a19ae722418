"""SIGKILL at several moments of a watch run, then a restart: no alert lost, none raised twice, the JSON Lines
file holds each alert once and the webhook got every one (it may get one twice: delivery is at least once)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ww_watch import read_jsonl, rss

TOWNS = [("MYKOLAIV", "Mykolaiv", "grain warehouse"), ("ODESA", "Odesa", "hotel"), ("KHARKIV", "Kharkiv", "bus depot"),
         ("DNIPRO", "Dnipro", "apartment block"), ("ZAPORIZHZHIA", "Zaporizhzhia", "power substation"),
         ("KHERSON", "Kherson", "market"), ("SUMY", "Sumy", "railway station"), ("POLTAVA", "Poltava", "school")]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
RULES = '[[rule]]\nname = "deadly strikes"\ntype = "ASSAULT"\nmin_killed = 1\n'


def _items() -> list[dict]:
    """Eight drone strikes in eight towns on eight nights (our own words): eight incidents."""
    return [{"guid": f"s{i}", "title": f"Drone strike in {town}",
             "text": f"{up}, Ukraine, May {i + 2}, 2023 (Harbour Wire) - A Russian drone struck a {target} in {town} on "
                     f"the night of May {i + 1}, killing {WORDS[i]} people, the regional governor said.\n\n"
                     "Rescue teams searched the site through the morning, officials said."}
            for i, (up, town, target) in enumerate(TOWNS)]


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not migrated yet
        return 0


@pytest.mark.slow
def test_sigkill_then_restart_loses_and_doubles_no_alert(feeds, cli, tmp_path: Path) -> None:
    feeds.set("/a.xml", rss("Harbour Wire", _items()), etag='"1"')
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)

    ref_db, ref_jsonl = tmp_path / "ref.db", tmp_path / "ref.jsonl"
    assert cli("watch", feeds.url("/a.xml"), "--db", ref_db, "--once", "-q", "--rules", rules,
               "--alerts-jsonl", ref_jsonl).exit_code == 0
    expected = {a["event"]["article_id"] for a in read_jsonl(ref_jsonl)}
    assert len(expected) >= 6  # most strikes are separate deadly incidents
    feeds.posts.clear()

    db, jsonl = tmp_path / "ww.db", tmp_path / "alerts.jsonl"
    cmd = [sys.executable, "-m", "wirewatch", "watch", feeds.url("/a.xml"), "--db", str(db), "--every", "1s", "-q",
           "--rules", str(rules), "--alerts-jsonl", str(jsonl), "--webhook", feeds.url("/hook")]
    env = {**os.environ, "WIREWATCH_BATCH_SIZE": "2"}
    kill_when = ["SELECT count(*) >= 1 FROM article", "SELECT count(*) >= 2 FROM alert",
                 "SELECT count(*) >= 5 FROM article"]
    for condition in kill_when:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and not _count(db, condition):
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _count(db, condition), f"the run ended before {condition!r}"  # killed mid-run, not after

    final = subprocess.run([*cmd, "--once"], env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT seq, rule, incident, article, delivered FROM alert ORDER BY seq").fetchall()
    assert {r[3] for r in rows} == expected  # none lost
    assert len(rows) == len({(r[1], r[2]) for r in rows}) == len(expected)  # none twice
    assert all(r[4] is not None for r in rows)
    seqs = [a["seq"] for a in read_jsonl(jsonl)]
    assert sorted(seqs) == [r[0] for r in rows]  # each once in the file
    assert {p["seq"] for p in feeds.posts} == {r[0] for r in rows}  # each reached the webhook
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == len(_items())
    assert conn.execute("SELECT count(*) FROM watch_pending").fetchone()[0] == 0


@pytest.mark.slow
def test_sigterm_stops_cleanly_and_the_restart_takes_the_rest(feeds, tmp_path: Path) -> None:
    feeds.set("/a.xml", rss("Harbour Wire", _items()), etag='"1"')
    db = tmp_path / "ww.db"
    cmd = [sys.executable, "-m", "wirewatch", "watch", feeds.url("/a.xml"), "--db", str(db), "--every", "1s", "-q"]
    env = {**os.environ, "WIREWATCH_BATCH_SIZE": "2"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not _count(db, "SELECT count(*) FROM article"):
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and b"Traceback" not in err
    stored = _count(db, "SELECT count(*) FROM article")
    assert 1 <= stored < len(_items()) and stored == _count(db, "SELECT count(*) FROM watch_item")
    subprocess.run([*cmd, "--once"], env=env, check=True, capture_output=True, timeout=300)
    assert _count(db, "SELECT count(*) FROM article") == len(_items())
