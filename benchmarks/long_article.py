"""Memory and time on one very long article: the size limit (5 MB) through `wirewatch extract` in one process.

    .venv/bin/python benchmarks/long_article.py [--mb 4.9] [--junk-mb 1]

The article is news text: the benchmark corpus's texts (../shared, at run time) joined by blank lines, repeated
up to --mb megabytes. The baseline, measured in the same run, is the same command on an article of ~5 KB cut
from the same text: the process with the pipeline loaded and one ordinary article. A 1 MB cut of the same text
shows how memory and time grow with length, and junk that makes a token of nearly every character (`"- `
repeated, --junk-mb megabytes) the worst case the audit found. Each is a fresh process; its peak resident
memory is Linux `ru_maxrss` from `wait4`, its time is CPU seconds (robust to a busy machine). Targets (issue
20): the 5 MB article under 1.5 GB; time linear in the length (CPU seconds per MB of the long article ÷ those
of the 1 MB one, near 1).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus as corpus_mod

LIMIT_MB = 1536


def news_text(size: int, tmp: Path) -> str:
    """`size` characters of news text: corpus articles joined by blank lines, repeated as needed."""
    corpus = corpus_mod.build(tmp / "corpus", articles=400)
    texts: list[str] = []
    for chunk in corpus.chunks:
        for path in ([chunk] if chunk.is_file() else sorted(chunk.rglob("*.jsonl"))):
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    out, n, i = [], 0, 0
    while n < size:
        t = " ".join(texts[i % len(texts)].split())
        out.append(t)
        n += len(t) + 2
        i += 1
    return "\n\n".join(out)[:size]


def extract(path: Path) -> dict[str, float]:
    """Peak RSS (MB), CPU and wall seconds of `wirewatch extract path` in a fresh process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "extract", str(path), "-q", "-o",
                             str(path.with_suffix(".out.jsonl"))], stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"extract {path} failed ({status}): {proc.stderr.read().decode()[-2000:]}")
    events = sum(len(json.loads(line)["events"]) for line in path.with_suffix(".out.jsonl").open(encoding="utf-8"))
    return {"mb": path.stat().st_size / 1e6, "peak_mb": usage.ru_maxrss / 1024, "events": events,
            "cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": time.perf_counter() - t0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.9)
    parser.add_argument("--junk-mb", type=float, default=1.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ww-long-"))
    text = news_text(int(args.mb * 1e6), tmp)
    cases = {"baseline (one ~5 KB article)": text[:5000], "news text, 1 MB": text[:1_000_000],
             f"news text, {args.mb:g} MB": text}
    if args.junk_mb:
        cases[f'junk `"- ` repeated, {args.junk_mb:g} MB'] = ('"- ' * int(args.junk_mb * 1e6 / 3 + 1))[:int(args.junk_mb * 1e6)]
    results = {}
    for i, (name, body) in enumerate(cases.items()):
        path = tmp / f"case-{i}.txt"
        path.write_text(body, encoding="utf-8")
        results[name] = extract(path)
        print(f"  measured {name}: {results[name]}", file=sys.stderr, flush=True)
    base = results["baseline (one ~5 KB article)"]
    print("long_article: peak RSS and CPU time of `wirewatch extract` on one article, each in a fresh process")
    print(f"{'article':34} {'MB':>5} {'events':>7} {'peak RSS MB':>11} {'÷ base':>7} {'CPU s':>7} {'CPU s/MB':>8}")
    for name, r in results.items():
        print(f"{name:34} {r['mb']:5.2f} {r['events']:7d} {r['peak_mb']:11.0f} {r['peak_mb'] / base['peak_mb']:7.2f} "
              f"{r['cpu_s']:7.1f} {r['cpu_s'] / r['mb']:8.1f}")
    news, one = results[f"news text, {args.mb:g} MB"], results["news text, 1 MB"]
    print(f"{args.mb:g} MB article: peak {news['peak_mb']:.0f} MB (target < {LIMIT_MB} MB: "
          f"{'met' if news['peak_mb'] < LIMIT_MB else 'NOT met'}); CPU s per MB ÷ the 1 MB article's: "
          f"{(news['cpu_s'] / news['mb']) / (one['cpu_s'] / one['mb']):.2f} (linear: near 1); "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
