"""`wirewatch ingest` in a real subprocess: SIGKILL mid-batch leaves whole articles only; re-runs resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner
from ww_corpus import strike_corpus, text_of

from wirewatch.cli import app

TOWNS = ["Kherson", "Izium", "Sumy", "Kramatorsk", "Bakhmut", "Zaporizhzhia", "Odesa", "Poltava", "Chernihiv", "Lviv"]


def write_corpus(path: Path, n: int) -> None:
    """n short articles written for this test (varied towns, numbers and days)."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            text = (f"{town.upper()}, March {1 + i % 27} - Shelling hit a market in {town} on Tuesday, killing "
                    f"{i + 2} people and wounding {i + 5}, the regional administration said. Report {i}.")
            fh.write(json.dumps({"id": f"art-{i:03d}", "date": f"2022-03-{1 + i % 27:02d}", "source": "Testwire",
                                 "text": text}) + "\n")


def ingest(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wirewatch", "ingest", *args], capture_output=True, text=True,
                          env=env, timeout=600)


def consistent(db: Path) -> int:
    """Check nothing is half-written; return the number of articles."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table, column in (("event", "n_events"), ("claim", "n_claims"), ("place", "n_places")):
        bad = conn.execute(f"SELECT a.id FROM article a WHERE a.{column} != "
                           f"(SELECT count(*) FROM {table} t WHERE t.article = a.rowid)").fetchall()
        assert bad == [], f"{table} rows missing for {bad}"
    n = conn.execute("SELECT count(*) FROM article").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM article_fts").fetchone()[0] == n
    assert conn.execute("SELECT count(*) FROM claim_fts").fetchone()[0] == conn.execute(
        "SELECT count(*) FROM claim").fetchone()[0]
    conn.close()
    return n


def test_sigkill_mid_batch_leaves_whole_articles_and_rerun_completes(tmp_path: Path) -> None:
    n = 60
    src, db = tmp_path / "corpus.jsonl", tmp_path / "ww.db"
    write_corpus(src, n)
    env = {**os.environ, "WIREWATCH_BATCH_SIZE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "ingest", str(src), "--db", str(db), "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored, deadline = 0, time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
                stored = conn.execute("SELECT count(*) FROM article").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 2:
                break
        time.sleep(0.01)
    assert proc.poll() is None, "ingest finished before it could be killed: " + proc.stderr.read().decode()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    killed_at = consistent(db)
    assert 2 <= killed_at < n

    rerun = ingest(str(src), "--db", str(db), "-q", env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert f"read {n}, stored {n - killed_at}, replaced 0, unchanged {killed_at}" in rerun.stderr
    assert consistent(db) == n


def cli_ingest(*args: str) -> tuple[int, str]:
    """The real command in-process (the session's spaCy pipeline is reused)."""
    result = CliRunner().invoke(app, ["ingest", *args])
    return result.exit_code, result.stderr


def test_ingesting_the_same_files_twice_gives_the_same_counts(tmp_path: Path, nlp) -> None:
    src, db = tmp_path / "strike.jsonl", tmp_path / "ww.db"
    with src.open("w", encoding="utf-8") as fh:
        for aid, name, date, source in (("a", "a-northwire.txt", "2023-06-02", "Reuters"),
                                        ("b", "b-harbour.txt", "2023-06-02", "AP"),
                                        ("c", "c-ledger.txt", "2023-06-03", "AFP")):
            fh.write(json.dumps({"id": aid, "date": date, "source": source, "text": text_of(name)}) + "\n")
    code, err = cli_ingest(str(src), "--db", str(db))
    assert code == 0, err
    assert "read 3, stored 3" in err
    counts = [line for line in err.splitlines() if line.startswith("store:")]
    code, err = cli_ingest(str(src), "--db", str(db))
    assert "read 3, stored 0, replaced 0, unchanged 3" in err
    assert [line for line in err.splitlines() if line.startswith("store:")] == counts
    code, err = cli_ingest(str(src), "--db", str(db), "--force")
    assert "read 3, stored 0, replaced 0, unchanged 3" in err  # same extraction, same content hash


def test_ingest_reports_skips_with_reasons(tmp_path: Path, nlp) -> None:
    src, db = tmp_path / "bad.jsonl", tmp_path / "ww.db"
    src.write_text('{"id": "x", "text": ""}\nnot json\n', encoding="utf-8")
    code, err = cli_ingest(str(src), str(tmp_path / "missing.txt"), "--db", str(db))
    assert code == 1
    assert "skipped 3" in err and "no such file or directory" in err


def test_ingest_from_a_batch_directory(tmp_path: Path) -> None:
    from wirewatch.scale.shards import tables_for, write_shards
    write_shards(tmp_path / "batch", 0, tables_for(strike_corpus()))
    code, err = cli_ingest("--from", str(tmp_path / "batch"), "--db", str(tmp_path / "ww.db"))
    assert code == 0, err
    assert "read 3, stored 3" in err
    code, err = cli_ingest("--from", str(tmp_path / "batch"), "--db", str(tmp_path / "ww.db"))
    assert "read 3, stored 0, replaced 0, unchanged 3" in err
