"""Throughput: end-to-end `wirewatch extract` against a bare spaCy `nlp.pipe` on the same texts, same run.

    .venv/bin/python benchmarks/throughput.py [--articles 1000]

The baseline parses exactly the texts the pipeline parses (ingest output), with the same model and batch
size. The candidate is the `extract` command itself (ingest, parse, every stage, JSON Lines written to a
file). Both run in this process, chunk by chunk, alternating which goes first; the model and every stage's
data files are loaded before timing starts. Printed: articles/s and words/s of each, the ratio
extract/bare (target >= 0.8), the bare parse's CPU ms/article and the time per stage from `extract --profile`,
wall-clock and CPU (the CPU column is comparable with the bare parse's CPU ms/article on a shared machine).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # as in a Dask worker: one core
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
from contextlib import redirect_stderr  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable  # noqa: E402

import corpus as corpus_mod  # noqa: E402

from wirewatch import ingest  # noqa: E402
from wirewatch.cli import extract as extract_cmd  # noqa: E402
from wirewatch.model import Document  # noqa: E402
from wirewatch.nlp import load_nlp  # noqa: E402
from wirewatch.pipeline import Profile  # noqa: E402
from wirewatch.settings import Settings  # noqa: E402


def _extract(paths: list[str], out: Path) -> Profile:
    """Run the real `wirewatch extract PATHS -o OUT -q --profile`; keep its profile instead of printing it."""
    kept: list[Profile] = []
    shown = extract_cmd.render_profile
    extract_cmd.render_profile = lambda profile, console: kept.append(profile)
    try:
        with open(os.devnull, "w") as sink, redirect_stderr(sink):  # its summary lists the examples' skips
            extract_cmd.extract(paths=paths, output=out, pretty=False, quiet=True, profile=True)
    finally:
        extract_cmd.render_profile = shown
    return kept[0]


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): CPU time is what other agents' load does not inflate."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def measure(corpus: corpus_mod.Corpus, settings: Settings | None = None) -> dict[str, Any]:
    settings = settings or Settings.from_env()
    nlp = load_nlp(settings.model)
    work = Path(tempfile.mkdtemp(prefix="ww-throughput-"))
    _extract([str(corpus.chunks[-1])], work / "warm.jsonl")  # load the model and the stages' data files
    bare = [0.0, 0.0]
    ours = [0.0, 0.0]
    articles = words = 0
    stages: dict[str, float] = {}
    stages_cpu: dict[str, float] = {}
    for i, chunk in enumerate(corpus.chunks):
        texts = [d.text for d in ingest.read([chunk], settings) if isinstance(d, Document)]
        articles += len(texts)
        words += sum(len(t.split()) for t in texts)
        profiles: list[Profile] = []
        run_bare = lambda: [None for _ in nlp.pipe(texts, batch_size=settings.batch_size)]  # noqa: E731
        run_ours = lambda: profiles.append(_extract([str(chunk)], work / f"out-{i:03d}.jsonl"))  # noqa: E731
        for name, fn in ((("bare", run_bare), ("ours", run_ours)) if i % 2 == 0 else
                         (("ours", run_ours), ("bare", run_bare))):
            wall, cpu = _timed(fn)
            acc = bare if name == "bare" else ours
            acc[0] += wall
            acc[1] += cpu
        for stage, secs in profiles[0].seconds.items():
            stages[stage] = stages.get(stage, 0.0) + secs
        for stage, secs in profiles[0].cpu_seconds.items():
            stages_cpu[stage] = stages_cpu.get(stage, 0.0) + secs
    stages["write + CLI"] = max(0.0, ours[0] - sum(stages.values()))
    stages_cpu["write + CLI"] = max(0.0, ours[1] - sum(stages_cpu.values()))
    return {"articles": articles, "words": words,
            "bare_seconds": bare[0], "bare_cpu_seconds": bare[1],
            "extract_seconds": ours[0], "extract_cpu_seconds": ours[1],
            "bare_articles_per_s": articles / bare[0], "extract_articles_per_s": articles / ours[0],
            "bare_words_per_s": words / bare[0], "extract_words_per_s": words / ours[0],
            "bare_articles_per_cpu_s": articles / bare[1], "extract_articles_per_cpu_s": articles / ours[1],
            "ratio": bare[1] / ours[1], "ratio_wall": bare[0] / ours[0], "stages": stages,
            "stages_cpu": stages_cpu}


def report(r: dict[str, Any]) -> str:
    lines = [f"corpus: {r['articles']} articles, {r['words']:,} words",
             f"bare nlp.pipe     : {r['bare_articles_per_s']:7.1f} articles/s {r['bare_words_per_s']:9,.0f} words/s"
             f" (wall) {r['bare_articles_per_cpu_s']:7.1f} articles/CPU-s",
             f"wirewatch extract : {r['extract_articles_per_s']:7.1f} articles/s {r['extract_words_per_s']:9,.0f} words/s"
             f" (wall) {r['extract_articles_per_cpu_s']:7.1f} articles/CPU-s",
             f"ratio extract/bare: {r['ratio']:.2f} by CPU time, {r['ratio_wall']:.2f} by wall time (target >= 0.8)",
             f"bare nlp.pipe CPU : {1000 * r['bare_cpu_seconds'] / max(r['articles'], 1):7.2f} ms/article",
             "time per stage (extract --profile): wall, and CPU time of this process",
             f"  {'stage':12s} {'wall s':>8s} {'share':>6s} {'ms/art':>7s}   {'CPU s':>8s} {'share':>6s} {'ms/art':>7s}"]
    total = sum(r["stages"].values()) or 1.0
    total_cpu = sum(r["stages_cpu"].values()) or 1.0
    n = max(r["articles"], 1)
    for stage, s in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
        c = r["stages_cpu"].get(stage, 0.0)
        lines.append(f"  {stage:12s} {s:8.2f} {s / total:6.1%} {1000 * s / n:7.2f}   "
                     f"{c:8.2f} {c / total_cpu:6.1%} {1000 * c / n:7.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="at least this many articles (default 1000)")
    args = parser.parse_args()
    corpus = corpus_mod.build(Path(tempfile.mkdtemp(prefix="ww-corpus-")) / "corpus", articles=args.articles)
    print(report(measure(corpus)))


if __name__ == "__main__":
    main()
