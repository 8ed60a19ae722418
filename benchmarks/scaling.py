"""Scaling: `wirewatch batch` with 1 and 2 local workers on the same corpus, same run.

    .venv/bin/python benchmarks/scaling.py [--articles 1000] [--workers 1 2]

Each cluster is started (and every worker has loaded spaCy and warmed its stages up) before the clock
starts; then `run_batch` extracts the whole corpus into fresh Parquet shards. Printed: articles/s per worker
count, efficiency = speed-up / workers (target >= 0.9 on this 2-core machine), the CPU seconds per article
summed over the tasks (flat when adding workers costs no extra work) and each worker's peak RSS.
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


def run_once(corpus: corpus_mod.Corpus, workers: int, *, partition_size: int = 50,
             settings: Settings | None = None) -> dict[str, Any]:
    """One timed batch run on a fresh local cluster of `workers` processes (start-up not timed)."""
    settings = settings or Settings.from_env()
    out = Path(tempfile.mkdtemp(prefix=f"ww-scaling-{workers}-"))
    try:
        with connect(workers=workers, model=settings.model) as client:
            t0 = time.perf_counter()
            summary = run_batch([str(c) for c in corpus.chunks], out, client, partition_size=partition_size,
                                settings=settings)
            seconds = time.perf_counter() - t0
        cpu = sum(p["cpu_seconds"] for p in read_manifest(out)["partitions"].values())
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"workers": workers, "articles": summary.articles, "skipped": len(summary.skipped),
            "partitions": summary.partitions, "seconds": seconds, "articles_per_s": summary.articles / seconds,
            "cpu_seconds": cpu, "cpu_ms_per_article": 1000 * cpu / max(summary.articles, 1),
            "peak_rss_mb": sorted(w["peak_rss_bytes"] / 2**20 for w in summary.workers.values()),
            "nlp_loads": sorted(w["nlp_loads"] for w in summary.workers.values())}


def measure(corpus: corpus_mod.Corpus, workers: tuple[int, ...] = (1, 2), **kwargs: Any) -> list[dict[str, Any]]:
    runs = [run_once(corpus, n, **kwargs) for n in workers]
    base = runs[0]["articles_per_s"] / runs[0]["workers"]
    for r in runs:
        r["speedup"] = r["articles_per_s"] / runs[0]["articles_per_s"]
        r["efficiency"] = r["articles_per_s"] / (base * r["workers"])
    return runs


def report(runs: list[dict[str, Any]]) -> str:
    lines = [f"corpus: {runs[0]['articles']} articles in {runs[0]['partitions']} partitions",
             "workers  seconds  articles/s  speed-up  efficiency  CPU ms/article  peak RSS per worker (MB)"]
    for r in runs:
        lines.append(f"{r['workers']:7d} {r['seconds']:8.1f} {r['articles_per_s']:11.1f} {r['speedup']:9.2f} "
                     f"{r['efficiency']:11.2f} {r['cpu_ms_per_article']:15.1f}  "
                     + ", ".join(f"{m:.0f}" for m in r["peak_rss_mb"]))
    last = runs[-1]
    lines.append(f"efficiency with {last['workers']} workers: {last['efficiency']:.2f} (target >= 0.9); "
                 f"spaCy loads per worker: {last['nlp_loads']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=50)
    args = parser.parse_args()
    corpus = corpus_mod.build(Path(tempfile.mkdtemp(prefix="ww-corpus-")) / "corpus", articles=args.articles)
    print(report(measure(corpus, tuple(args.workers), partition_size=args.partition_size)))


if __name__ == "__main__":
    main()
