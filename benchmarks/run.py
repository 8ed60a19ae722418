"""Run every benchmark once and write `docs/benchmarks.md` and `docs/img/throughput-workers.png` (`make bench`).

    .venv/bin/python benchmarks/run.py [--articles 1000] [--no-write]

Throughput (extract vs bare spaCy), scaling (batch on 1 and 2 workers), memory (peak RSS per worker, from
the 2-worker run), then the helper benchmarks listed in QUOTED (store queries, gazetteer, page load, ...), each
run as its own script and quoted as printed. Every ratio compares two things measured in this run on the same corpus.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import corpus as corpus_mod  # noqa: E402
import memory  # noqa: E402
import scaling  # noqa: E402
import throughput  # noqa: E402

from wirewatch import __version__  # noqa: E402

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
PLOT = DOCS / "img" / "throughput-workers.png"

# Helper benchmarks: (key, script, heading, what its output shows). Each runs alone too: `python benchmarks/SCRIPT`.
QUOTED: tuple[tuple[str, str, str, str], ...] = (
    ("store", "store_query.py", "Store queries", "filtered queries over a generated store of 1M events"),
    ("gazetteer", "gazetteer.py", "Gazetteer", "build at install, index size, load in a fresh process, lookups"),
    ("page", "page_load.py", "Page load", "Chromium over 10,000 generated events, beside the API calls alone"),
    ("link", "link_add.py", "Linking: adding an article to a large store",
     "stores of 10k, 100k and 1M events beside an empty one; see [linking.md](linking.md)"),
    ("watch", "watch_poll.py", "Watch under load",
     "`wirewatch watch` on 200 local RSS feeds of 50 items, every 3 s for 5 minutes, beside a plain httpx sweep; "
     "see [watch.md](watch.md)"),
    ("long", "long_article.py", "One article at the size limit",
     "peak memory and CPU of one 4.9 MB article, 1 MB of text and 1 MB of junk, each in a fresh process, beside a "
     "~5 KB article; see [security.md](security.md#memory-and-time-on-long-articles)"),
)
# Seconds a quoted benchmark may take (default 900): the watch run is 5 minutes of polling after its first poll
# of 10,000 articles; the long article is about 11 CPU minutes.
TIMEOUTS: dict[str, float] = {"watch": 2400, "long": 3600}


def quoted_benchmark(script: Path, timeout: float = 900) -> str | None:
    """The output of a helper benchmark script (quoted in the page as printed), or None if it is not there."""
    if not script.exists():
        return None
    try:
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=timeout,
                              cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return f"(stopped after {timeout:.0f} s)"
    out = done.stdout.strip()
    return out if done.returncode == 0 else f"{out}\n(exit code {done.returncode}: {done.stderr.strip()[-500:]})"


def plot(runs: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    workers = [r["workers"] for r in runs]
    measured = [r["articles_per_s"] for r in runs]
    ideal = [runs[0]["articles_per_s"] * w / runs[0]["workers"] for w in workers]
    capacity = [1000 * w / r["cpu_ms_per_article"] for w, r in zip(workers, runs)]
    fig, ax = plt.subplots(figsize=(5.5, 3.6), dpi=120)
    ax.plot(workers, ideal, "--", color="grey", label="linear from 1 worker")
    ax.plot(workers, measured, "o-", label="measured (wall clock)")
    ax.plot(workers, capacity, "s:", label="CPU-bound capacity (workers / CPU s per article)")
    ax.set_xlabel("Dask workers (1 thread each)")
    ax.set_ylabel("articles / s")
    ax.set_xticks(workers)
    ax.set_ylim(bottom=0)
    ax.set_title("wirewatch batch throughput", fontsize=10)
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def _ok(good: bool) -> str:
    return "met" if good else "**not met**"


def markdown(ctx: dict[str, Any], tp: dict[str, Any], runs: list[dict[str, Any]], mem: dict[str, Any],
             quoted: dict[str, str | None]) -> str:
    two = runs[-1]
    cpu_eff = runs[0]["cpu_ms_per_article"] / two["cpu_ms_per_article"]
    src = ", ".join(f"{k} {v}" for k, v in ctx["sources"].items())
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`benchmarks/run.py`) on {ctx['when']} · wirewatch {__version__} · "
        f"{ctx['cpus']} CPU cores · Python {platform.python_version()} · load average {ctx['load_before']:.1f} "
        f"before, {ctx['load_after']:.1f} after · {ctx['minutes']:.1f} min in all.",
        "",
        f"Corpus (built at run time, nothing copied): {tp['articles']} articles, {tp['words']:,} words "
        f"({src}). Every ratio compares two things measured in this run on this corpus. The machine is shared "
        "with other jobs, so wall-clock figures are noisy; CPU time (`time.process_time`) is what their load "
        "does not inflate, and it is the basis of the throughput ratio.",
        "",
        "| benchmark | measured | target | |",
        "|---|---|---|---|",
        f"| throughput: extract ÷ bare `nlp.pipe` (CPU time) | **{tp['ratio']:.2f}** "
        f"(wall clock {tp['ratio_wall']:.2f}) | ≥ 0.8 | {_ok(tp['ratio'] >= 0.8)} |",
        f"| scaling: efficiency with {two['workers']} workers (wall clock) | **{two['efficiency']:.2f}** "
        f"(CPU per article 1 → {two['workers']} workers: {cpu_eff:.2f}) | ≥ 0.9 | {_ok(two['efficiency'] >= 0.9)} |",
        f"| memory: peak RSS per worker | **{mem['max_mb']:.0f} MB** | < 1024 MB | {_ok(mem['ok'])} |",
        *(f"| {heading.lower()} | see below | | |" for key, _, heading, _ in QUOTED if quoted.get(key)),
        "",
        "## Throughput",
        "",
        "| | articles/s (wall) | words/s (wall) | articles per CPU second |",
        "|---|---|---|---|",
        f"| bare `nlp.pipe` | {tp['bare_articles_per_s']:.1f} | {tp['bare_words_per_s']:,.0f} | "
        f"{tp['bare_articles_per_cpu_s']:.1f} |",
        f"| `wirewatch extract` | {tp['extract_articles_per_s']:.1f} | {tp['extract_words_per_s']:,.0f} | "
        f"{tp['extract_articles_per_cpu_s']:.1f} |",
        "",
        "Time per stage (`wirewatch extract --profile`, summed over the corpus):",
        "",
        "| stage | seconds | share | ms/article |",
        "|---|---|---|---|",
    ]
    total = sum(tp["stages"].values()) or 1.0
    for stage, secs in sorted(tp["stages"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {stage} | {secs:.2f} | {secs / total:.1%} | {1000 * secs / tp['articles']:.2f} |")
    lines += [
        "",
        "## Scaling and memory",
        "",
        f"![articles per second against workers](img/{PLOT.name})",
        "",
        "| workers | runs | seconds per run | articles/s (each run) | speed-up | efficiency | CPU ms/article "
        "| peak RSS per worker |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        each = ", ".join(f"{x:.1f}" for x in r["each_articles_per_s"])
        lines.append(f"| {r['workers']} | {r['runs']} | {r['seconds']:.1f} | {r['articles_per_s']:.1f} ({each}) | "
                     f"{r['speedup']:.2f} | "
                     f"{r['efficiency']:.2f} | {r['cpu_ms_per_article']:.1f} | "
                     + ", ".join(f"{m:.0f} MB" for m in r["peak_rss_mb"]) + " |")
    lines += [
        "",
        f"Partitions of {scaling.PARTITION_SIZE} articles ({two['partitions']} in all). An untimed warm-up batch "
        "comes first, then the runs in ABBA order (1, 2, 2, 1 workers), so a drift in the shared machine's speed "
        "hits both worker counts alike; each row pools its runs (all articles over all seconds). Cluster "
        f"start-up (and each worker's one spaCy load: {two['nlp_loads']} loads per worker) happens before the "
        "clock starts. 'CPU ms/article' sums the "
        "tasks' CPU time: when it stays flat as workers are added, the work is not growing, and a wall-clock "
        "efficiency below 1 means the workers did not get whole cores (other jobs, and the client process "
        "reading inputs and writing shards on the same 2 cores). The benchmark process itself (client of the "
        f"batch runs, and host of the in-process throughput runs) peaked at {mem['client_mb']:.0f} MB. How this extends to N machines: see [scale.md](scale.md#many-machines).",
        "",
    ]
    for key, script, heading, what in QUOTED:
        if quoted.get(key):
            lines += [f"## {heading}", "", f"Output of `benchmarks/{script}` ({what}), as printed:", "", "```",
                      quoted[key], "```", ""]
    lines += ["## Reproduce", "", "```", "make bench                     # all of the above, rewrites this page",
              ".venv/bin/python benchmarks/throughput.py --articles 1000",
              ".venv/bin/python benchmarks/scaling.py --articles 1000 --workers 1 2 --rounds 2",
              ".venv/bin/python benchmarks/memory.py --workers 2",
              ".venv/bin/python benchmarks/long_article.py --mb 4.9", "```", ""]
    return "\n".join(lines)


def write(results: dict[str, Any]) -> None:
    """docs/benchmarks.md and the plot from one run's results."""
    plot(results["scaling"], PLOT)
    text = markdown(results["context"], results["throughput"], results["scaling"], results["memory"],
                    {key: results.get(key) for key, *_ in QUOTED})
    (DOCS / "benchmarks.md").write_text(text, encoding="utf-8")
    print(f"wrote {DOCS / 'benchmarks.md'} and {PLOT}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/ alone")
    parser.add_argument("--save", type=Path, help="also keep the raw results here (JSON)")
    parser.add_argument("--render", type=Path, help="measure nothing: rewrite the docs from a --save file")
    args = parser.parse_args()
    if args.render:
        write(json.loads(args.render.read_text(encoding="utf-8")))
        return
    started = time.perf_counter()
    ctx: dict[str, Any] = {"when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                           "cpus": os.cpu_count(), "load_before": os.getloadavg()[0]}
    corpus = corpus_mod.build(Path(tempfile.mkdtemp(prefix="ww-corpus-")) / "corpus", articles=args.articles)
    ctx["sources"] = corpus.sources
    print("== throughput", flush=True)
    tp = throughput.measure(corpus)
    print(throughput.report(tp), flush=True)
    print("== scaling", flush=True)
    runs = scaling.measure(corpus, (1, 2))
    print(scaling.report(runs), flush=True)
    print("== memory", flush=True)
    mem = memory.from_run(runs[-1])
    print(memory.report(mem), flush=True)
    results: dict[str, Any] = {"context": ctx, "throughput": tp, "scaling": runs, "memory": mem}
    for key, script, heading, _ in QUOTED:
        print(f"== {heading.lower()}", flush=True)
        results[key] = quoted_benchmark(HERE / script, TIMEOUTS.get(key, 900))
        print(results[key] or f"benchmarks/{script} not present", flush=True)
    ctx["load_after"] = os.getloadavg()[0]
    ctx["minutes"] = (time.perf_counter() - started) / 60
    if args.save:
        args.save.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if not args.no_write:
        write(results)


if __name__ == "__main__":
    main()
