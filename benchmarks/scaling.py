"""Scaling: `wirewatch batch` with 1 and 2 local workers on the same corpus, same run.

    .venv/bin/python benchmarks/scaling.py [--articles 1000] [--workers 1 2] [--rounds 2]

Each cluster is started (and every worker has loaded spaCy and warmed its stages up) before the clock
starts; then `run_batch` extracts the whole corpus into fresh Parquet shards. This machine is shared and
its speed drifts (a first run is often slower), so the runs are preceded by an untimed warm-up batch and
ordered ABBA (1, 2, 2, 1 workers for two rounds): a steady drift then hits both worker counts alike.
Printed per run and per worker count (all its runs pooled): articles/s, efficiency = speed-up / workers
(target >= 0.9 on this 2-core machine), the CPU seconds per article summed over the tasks (flat when adding
workers costs no extra work) and each worker's peak RSS.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import corpus as corpus_mod  # noqa: E402

from wirewatch.scale import connect, read_manifest, run_batch  # noqa: E402
from wirewatch.settings import Settings  # noqa: E402


PARTITION_SIZE = 25  # 46 partitions for 1,136 articles: the last one leaves a worker idle for ~2 s, not ~4 s


def run_once(corpus: corpus_mod.Corpus, workers: int, *, partition_size: int = PARTITION_SIZE,
             settings: Settings | None = None, paths: list[str] | None = None) -> dict[str, Any]:
    """One timed batch run on a fresh local cluster of `workers` processes (start-up not timed)."""
    settings = settings or Settings.from_env()
    out = Path(tempfile.mkdtemp(prefix=f"ww-scaling-{workers}-"))
    try:
        with connect(workers=workers, model=settings.model) as client:
            t0 = time.perf_counter()
            summary = run_batch(paths or [str(c) for c in corpus.chunks], out, client,
                                partition_size=partition_size, settings=settings)
            seconds = time.perf_counter() - t0
        cpu = sum(p["cpu_seconds"] for p in read_manifest(out)["partitions"].values())
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"workers": workers, "articles": summary.articles, "skipped": len(summary.skipped),
            "partitions": summary.partitions, "seconds": seconds, "articles_per_s": summary.articles / seconds,
            "cpu_seconds": cpu, "cpu_ms_per_article": 1000 * cpu / max(summary.articles, 1),
            "peak_rss_mb": sorted(w["peak_rss_bytes"] / 2**20 for w in summary.workers.values()),
            "nlp_loads": sorted(w["nlp_loads"] for w in summary.workers.values())}


def abba(workers: tuple[int, ...], rounds: int) -> list[int]:
    """Run order: the worker counts forwards, then backwards, and so on (1, 2, 2, 1 for two rounds)."""
    return [n for r in range(rounds) for n in (workers if r % 2 == 0 else workers[::-1])]


def pool(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per worker count: its runs pooled (total articles over total seconds), with speed-up and
    efficiency against the pooled 1-worker (smallest count) row."""
    rows = []
    for n in sorted({r["workers"] for r in runs}):
        mine = [r for r in runs if r["workers"] == n]
        articles, seconds, cpu = (sum(r[k] for r in mine) for k in ("articles", "seconds", "cpu_seconds"))
        rows.append({"workers": n, "runs": len(mine), "articles": mine[0]["articles"],
                     "partitions": mine[0]["partitions"], "seconds": seconds / len(mine),
                     "articles_per_s": articles / seconds, "cpu_ms_per_article": 1000 * cpu / max(articles, 1),
                     "peak_rss_mb": max((r["peak_rss_mb"] for r in mine), key=max),
                     "nlp_loads": mine[-1]["nlp_loads"],
                     "each_articles_per_s": [round(r["articles_per_s"], 2) for r in mine]})
    base = rows[0]["articles_per_s"] / rows[0]["workers"]
    for r in rows:
        r["speedup"] = r["articles_per_s"] / rows[0]["articles_per_s"]
        r["efficiency"] = r["articles_per_s"] / (base * r["workers"])
    return rows


def measure(corpus: corpus_mod.Corpus, workers: tuple[int, ...] = (1, 2), *, rounds: int = 2,
            **kwargs: Any) -> list[dict[str, Any]]:
    """Pooled rows per worker count (see `pool`); each row keeps the articles/s of its separate runs."""
    run_once(corpus, max(workers), paths=[str(corpus.chunks[0])], **kwargs)  # untimed warm-up
    return pool([run_once(corpus, n, **kwargs) for n in abba(workers, rounds)])


def report(runs: list[dict[str, Any]]) -> str:
    lines = [f"corpus: {runs[0]['articles']} articles in {runs[0]['partitions']} partitions; "
             f"runs in ABBA order, pooled per worker count",
             "workers  runs  seconds/run  articles/s (each run)  speed-up  efficiency  CPU ms/article  "
             "peak RSS per worker (MB)"]
    for r in runs:
        each = ", ".join(f"{x:.1f}" for x in r["each_articles_per_s"])
        lines.append(f"{r['workers']:7d} {r['runs']:5d} {r['seconds']:12.1f} {r['articles_per_s']:8.1f} ({each})"
                     f" {r['speedup']:9.2f} {r['efficiency']:11.2f} {r['cpu_ms_per_article']:15.1f}  "
                     + ", ".join(f"{m:.0f}" for m in r["peak_rss_mb"]))
    last = runs[-1]
    lines.append(f"efficiency with {last['workers']} workers: {last['efficiency']:.2f} (target >= 0.9); "
                 f"spaCy loads per worker: {last['nlp_loads']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=PARTITION_SIZE)
    parser.add_argument("--rounds", type=int, default=2, help="ABBA rounds (default 2: 1, 2, 2, 1 workers)")
    args = parser.parse_args()
    corpus = corpus_mod.build(Path(tempfile.mkdtemp(prefix="ww-corpus-")) / "corpus", articles=args.articles)
    print(report(measure(corpus, tuple(args.workers), rounds=args.rounds, partition_size=args.partition_size)))


if __name__ == "__main__":
    main()
