"""The benchmark corpus, built at run time: gold-data texts from ../shared/data plus the bundled examples.

Nothing from ../shared is copied into the project: `score.py inputs DATASET` prints the articles as
Wirewatch JSON Lines, and they are written to a temporary directory, in chunks of `chunk` articles
(benchmarks alternate baseline and candidate chunk by chunk, so a load spike on this shared machine hits
both about equally).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "scoring" / "score.py"
# Shortest articles first, so 1,000 articles take minutes on 2 cores; all of them are news text.
DATASETS = ("plover", "isaf", "geovirus", "tr-news", "tempeval3", "lgl", "polnear")


@dataclass(frozen=True)
class Corpus:
    root: Path
    chunks: list[Path]       # files or directories, each given to the pipeline as one input
    articles: int            # records written (ingest may still skip a few: the benchmarks count what they parse)
    sources: dict[str, int]  # records per dataset, plus 'examples'


def build(dest: Path, *, articles: int = 1000, chunk: int = 100) -> Corpus:
    """Write at least `articles` records (whole datasets, shortest first) plus `examples/` under `dest`."""
    if not SCORE.exists():
        sys.exit(f"benchmarks need the shared data beside the project: {SCORE} is missing")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    records: list[dict] = []
    sources: dict[str, int] = {}
    for name in DATASETS:
        if len(records) >= articles:
            break
        out = subprocess.run([sys.executable, str(SCORE), "inputs", name], capture_output=True, text=True,
                             check=True).stdout
        rows = [json.loads(line) for line in out.split("\n") if line.strip()]  # not splitlines: texts hold U+2028
        for row in rows:
            row["id"] = f"{name}/{row['id']}"  # ids unique across datasets
        records.extend(rows)
        sources[name] = len(rows)
    chunks: list[Path] = []
    for i in range(0, len(records), chunk):
        path = dest / f"chunk-{i // chunk:03d}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[i:i + chunk]),
                        encoding="utf-8")
        chunks.append(path)
    examples = dest / "examples"
    shutil.copytree(ROOT / "examples", examples)
    chunks.append(examples)
    sources["examples (files)"] = sum(1 for p in examples.rglob("*") if p.is_file())
    return Corpus(root=dest, chunks=chunks, articles=len(records), sources=sources)
