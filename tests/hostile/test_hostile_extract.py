"""Hostile inputs through the real CLI: no crash, no hang, a reason for every skip, no good record lost,
and every span exact. `make test` runs the short corpus; `make test-hostile` adds 50 MB and 5 MB-line files."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import build  # type: ignore[import-not-found]

MEMORY_LIMIT = 6 * 2**30   # bytes of address space for the extract process: bounded memory
TIME_LIMIT = 1800          # seconds: bounded time (a hang fails the test instead of blocking CI)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _spans(obj: object):
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys():
            yield obj
        for value in obj.values():
            yield from _spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _spans(value)


def run_corpus(tmp: Path, full: bool) -> dict[str, int]:
    cases = build(tmp / "in", full=full)
    out = tmp / "out.jsonl"
    try:
        res = subprocess.run([sys.executable, "-m", "wirewatch", "extract", str(tmp / "in"), "-o", str(out)],
                             capture_output=True, timeout=TIME_LIMIT, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract hung on the hostile corpus (over {TIME_LIMIT} s)")
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 0, f"extract crashed (exit {res.returncode}):\n{err[-3000:]}"
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    ids = {d["article"]["id"] for d in docs}
    lost = [(c.name, i) for c in cases for i in c.good_ids if i not in ids]
    assert not lost, f"good records lost: {lost}\n{err[-3000:]}"
    for case in cases:
        if case.skip:
            lines = [ln for ln in err.splitlines() if case.name in ln]
            assert any(case.skip in ln for ln in lines), f"{case.name}: no skip message with {case.skip!r}:\n{lines}"
    broken = [(d["article"]["id"], s["text"]) for d in docs for s in _spans({k: v for k, v in d.items() if k != "text"})
              if d["text"][s["start"]:s["end"]] != s["text"]]
    assert not broken, f"spans that do not quote the text: {broken[:5]}"
    counts = {"inputs": len(cases), "crashes": 0, "hangs": 0, "records_lost": len(lost), "articles": len(docs)}
    print(f"hostile corpus: {counts}")
    return counts


def test_hostile_corpus_short(tmp_path: Path) -> None:
    counts = run_corpus(tmp_path, full=False)
    assert counts["records_lost"] == 0


@pytest.mark.slow
def test_hostile_corpus_full(tmp_path: Path) -> None:
    counts = run_corpus(tmp_path, full=True)
    assert counts["records_lost"] == 0
