"""The CLI as a user runs it: JSON Lines on stdout and nothing else; progress and summary on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from wirewatch import __version__
from wirewatch.cli import app

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = typer.main.get_command(app).commands


def wirewatch(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "wirewatch", *args], input=stdin, capture_output=True, timeout=300)


def test_extract_writes_only_json_lines_to_stdout_and_a_summary_to_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("BASRA, Iraq, May 2, 2019 (Desk) - Two rockets hit an oil field on Tuesday, police said.")
    (tmp_path / "b.txt").write_bytes(b"")
    res = wirewatch("extract", str(tmp_path))
    assert res.returncode == 0
    lines = res.stdout.decode().splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["schema"] == "wirewatch.article/1" and doc["article"]["date"] == "2019-05-02"
    err = res.stderr.decode()
    assert "read 2, extracted 1, skipped 1" in err and "b.txt: empty" in err


def test_extract_reads_stdin_and_writes_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    line = json.dumps({"id": "s1", "date": "2020-02-02", "text": "Troops withdrew from the town on Sunday."})
    res = wirewatch("extract", "-", "-o", str(out), "-q", stdin=(line + "\n").encode())
    assert res.returncode == 0 and res.stdout == b""
    (doc,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert doc["article"]["id"] == "s1" and doc["text"] == "Troops withdrew from the town on Sunday."


def test_extract_fails_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = wirewatch("extract", str(tmp_path / "empty.txt"))
    assert res.returncode == 1 and b"empty (no text)" in res.stderr


def test_pretty_view_shows_the_tables(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("GAO, Mali (Desk) - Soldiers patrolled the market on Friday, the army said.")
    res = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--pretty"])
    assert res.exit_code == 0
    for title in ("times (", "places (", "claims (", "events ("):
        assert title in res.output


def test_version() -> None:
    res = CliRunner().invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.strip() == f"wirewatch {__version__}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_is_documented(name: str) -> None:
    command = COMMANDS[name]
    assert command.help, f"{name} has no help text"
    assert f"wirewatch {name}" in (ROOT / "docs" / "cli.md").read_text(), f"docs/cli.md does not show `wirewatch {name}`"
