"""Issue 20 item 5, the batch: an article too big for a worker's memory costs that article, by name, never its
partition (before: one 2 MB article killed four workers in turn and the batch ended `KilledWorker` with nothing
extracted and the article unnamed).

The quick tests drive `scale.split` with results in hand; the slow ones run real Dask workers: a worker limit that
only the long article exceeds (it is killed, the partition is retried one article per task, the long article is
skipped by name, its neighbours extracted), and the default limit with an article at the size limit (extracted).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.model import Article, Document, Skipped, Warned
from wirewatch.scale import read_manifest, read_skipped
from wirewatch.scale.batch import PartitionResult
from wirewatch.scale.shards import tables_for
from wirewatch.scale.split import Split, pieces

sys.path.insert(0, str(Path(__file__).parent))
from corpus import _news  # type: ignore[import-not-found]  # noqa: E402


def doc(i: int) -> Document:
    return Document(article=Article(id=f"a{i}"), text=f"Article number {i}.")


def result(docs: list[Document]) -> PartitionResult:
    tables = tables_for(docs)
    return PartitionResult(rows={k: t.num_rows for k, t in tables.items()}, tables=tables, skipped=[], seconds=1.0,
                           cpu_seconds=1.0, pid=1)


def test_a_failed_partition_is_retried_per_article_and_only_the_failing_one_is_lost() -> None:
    items = [doc(0), Skipped(record="in.jsonl:2", reason="not valid JSON"), Warned(record="in.jsonl:3", reason="w"),
             doc(3), doc(4)]
    job = Split(7, "fp", "KilledWorker: worker died", pieces(items))
    assert [len(t) for t in job.tasks] == [1, 3, 1] and job.todo() == [0, 1, 2]
    job.results[0] = result([doc(0)])
    job.failed(1, RuntimeError("KilledWorker"))
    job.results[2] = result([doc(4)])
    assert job.finished and job.all_failed() == []
    tables, skipped, warnings, _, _ = job.combine()
    assert tables["articles"].column("id").to_pylist() == ["a0", "a4"]
    assert [s.record for s in skipped] == ["in.jsonl:2", "article 'a3'"] and "worker failed" in skipped[1].reason
    assert [w.record for w in warnings] == ["in.jsonl:3"]


def test_when_every_article_fails_alone_the_partition_is_retried_later() -> None:
    job = Split(1, "fp", "OSError: disk full", pieces([doc(0), doc(1)]))
    job.failed(0, OSError("disk full"))
    job.failed(1, OSError("disk full"))
    assert job.all_failed() == ["article 'a0'", "article 'a1'"]


def _batch(tmp: Path, long_chars: int, memory: int | None) -> tuple[subprocess.CompletedProcess, Path]:
    lines = [json.dumps({"id": f"n{i}", "text": f"KHERSON, May {i + 1}, 2023 (Test Desk) - Shelling hit the port "
                                                 f"on Tuesday, killing {i + 2} people, officials said."}) for i in range(4)]
    lines.insert(2, json.dumps({"id": "long", "text": _news(long_chars)}))
    (tmp / "in").mkdir()
    (tmp / "in" / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, **({"WIREWATCH_WORKER_MEMORY_BYTES": str(memory)} if memory else {})}
    out = tmp / "out"
    res = subprocess.run([sys.executable, "-m", "wirewatch", "batch", str(tmp / "in"), "--out", str(out),
                          "--workers", "1", "--partition-size", "10"], capture_output=True, text=True,
                         timeout=5400, env=env)
    return res, out


@pytest.mark.slow
def test_an_article_that_kills_its_worker_is_skipped_by_name(tmp_path: Path) -> None:
    res, out = _batch(tmp_path, 2_500_000, 1_100_000_000)
    assert res.returncode == 0, res.stderr[-3000:]
    manifest = read_manifest(out)
    (entry,) = manifest["partitions"].values()
    assert manifest["complete"] and entry["split"] and entry["articles"] == 4
    (skip,) = read_skipped(out)
    assert skip.record == "article 'long'" and "worker" in skip.reason
    assert "KilledWorker" not in res.stderr.split("skipped")[0]


@pytest.mark.slow
def test_an_article_at_the_size_limit_is_extracted_in_a_batch(tmp_path: Path) -> None:
    res, out = _batch(tmp_path, 4_900_000, None)
    assert res.returncode == 0, res.stderr[-3000:]
    manifest = read_manifest(out)
    (entry,) = manifest["partitions"].values()
    assert manifest["complete"] and entry["articles"] + len(entry["skipped"]) == 5
    assert entry["articles"] == 5 or entry["skipped"][0]["record"] == "article 'long'"
