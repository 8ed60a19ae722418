"""Issue 20 item 5, the batch: an article too big for a worker's memory costs that article, by name, never its
partition (before: one 2 MB article killed four workers in turn and the batch ended `KilledWorker` with nothing
extracted and the article unnamed).

The quick tests drive `scale.split` with results in hand; the slow ones run real Dask workers: a worker limit that
only the long article exceeds (it is killed, the partition is retried one article per task, the long article is
skipped by name, its neighbours extracted), and the default limit with an article at the size limit (extracted).
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import partial
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


def _inputs(tmp: Path, long_text: str) -> Path:
    lines = [json.dumps({"id": f"n{i}", "text": f"KHERSON, May {i + 1}, 2023 (Test Desk) - Shelling hit the port "
                                                 f"on Tuesday, killing {i + 2} people, officials said."}) for i in range(4)]
    lines.insert(2, json.dumps({"id": "long", "text": long_text}))
    (tmp / "in").mkdir()
    (tmp / "in" / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp / "in"


@pytest.mark.slow
def test_an_article_that_kills_its_worker_is_skipped_by_name(tmp_path: Path) -> None:
    """A worker limit 150 MB above what a worker needs with the pipeline loaded: the short articles never
    reach it; 100 KB of `"- ` (a token for nearly every character: parsing one 50,000-character piece of it
    takes about 300 MB more) goes over it in its first piece."""
    from wirewatch.scale import connect, run_batch
    from wirewatch.scale.cluster import worker_stats
    from wirewatch.settings import Settings

    model = Settings().model
    with connect(workers=1, model=model) as client:
        (stats,) = worker_stats(client).values()
    limit = int((stats["peak_rss_bytes"] + 150e6) / 0.95)  # Dask terminates a worker at 95% of its limit
    out = tmp_path / "out"
    summary = run_batch([_inputs(tmp_path, ('"- ' * 40_000)[:100_000])], out, partial(connect, workers=1, model=model,
                                                                     memory_limit=limit), partition_size=10)
    assert summary.failed == [] and summary.articles == 4, summary
    manifest = read_manifest(out)
    (entry,) = manifest["partitions"].values()
    assert manifest["complete"] and entry["split"]
    (skip,) = read_skipped(out)
    assert skip.record == "article 'long'" and "its worker failed" in skip.reason


@pytest.mark.slow
def test_an_article_at_the_size_limit_is_extracted_in_a_batch(tmp_path: Path) -> None:
    """The default worker limit (2 GB) and an article of 4.9 MB: extracted (before: KilledWorker, 4 workers)."""
    res = subprocess.run([sys.executable, "-m", "wirewatch", "batch", str(_inputs(tmp_path, _news(4_900_000))), "--out",
                          str(tmp_path / "out"), "--workers", "1", "--partition-size", "10"],
                         capture_output=True, text=True, timeout=4 * 3600)
    assert res.returncode == 0, res.stderr[-3000:]
    manifest = read_manifest(tmp_path / "out")
    (entry,) = manifest["partitions"].values()
    assert manifest["complete"] and entry["articles"] == 5 and not entry["split"], entry
