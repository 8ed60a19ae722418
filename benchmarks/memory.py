"""Memory: peak resident set size (RSS) of each Dask worker process during a batch run.

    .venv/bin/python benchmarks/memory.py [--articles 1000] [--workers 2]

Linux `ru_maxrss` of each worker process, read on the worker after the run (it includes the spaCy
pipeline, the stages' data files and the largest partition in flight). Target: < 1 GB per worker.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
from pathlib import Path
from typing import Any

import corpus as corpus_mod
import scaling

LIMIT_MB = 1024


def from_run(run: dict[str, Any]) -> dict[str, Any]:
    """The memory figures of one scaling run (the runner reuses its 2-worker run instead of a new one)."""
    peak = max(run["peak_rss_mb"])
    client = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"workers": run["workers"], "peak_rss_mb": run["peak_rss_mb"], "max_mb": peak, "client_mb": client,
            "ok": peak < LIMIT_MB}


def report(m: dict[str, Any]) -> str:
    return (f"peak RSS per worker ({m['workers']} workers): " + ", ".join(f"{x:.0f} MB" for x in m["peak_rss_mb"])
            + f"; max {m['max_mb']:.0f} MB (target < {LIMIT_MB} MB); client process {m['client_mb']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    corpus = corpus_mod.build(Path(tempfile.mkdtemp(prefix="ww-corpus-")) / "corpus", articles=args.articles)
    print(report(from_run(scaling.run_once(corpus, args.workers))))


if __name__ == "__main__":
    main()
