"""Store query benchmark: filtered event queries on a generated store of 1,000,000 events.

    .venv/bin/python benchmarks/store_query.py [--events 1000000] [--queries 40] [--db FILE]

The store is generated at run time (synthetic articles and events, bulk-loaded with the store's own schema
and indexes; no real data). Each query kind runs `--queries` times with random parameters through
`Store.events(Filters(...))` (limit 100, newest first, rows built as EventRow models, as the CLI and API do).
Printed: p50/p95 per kind and over all queries (target p95 < 50 ms), and each kind's p50 as a ratio of
the unfiltered newest-100 query measured in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

from wirewatch.store import Filters, Store
from wirewatch.store.where import box

TYPES = ["ASSAULT"] * 8 + ["COERCE"] * 3 + ["CONSULT"] * 2 + ["ACCUSE", "PROTEST", "AID", "AGREE", "REJECT",
                                                              "THREATEN", "MOBILIZE", "SANCTION", "REQUEST"]
ACLED = {"ASSAULT": "Explosions/Remote violence", "COERCE": "Violence against civilians", "PROTEST": "Protests",
         "CONSULT": "Strategic developments"}
COUNTRIES = ["UA"] * 10 + ["RU"] * 3 + ["SY", "SD", "ML", "YE", "MM", "ET", "CD", "NG", "AF", "IQ", "SO", "BF",
                                        "PS", "IL", "LB", "HT", "MX", "CO", "LY", "MZ"]
WORDS = ("strike shelling drone missile market hospital school convoy bridge village town officials police "
         "governor ministry army militia talks ceasefire aid corridor evacuation refugees").split()
VOCAB = WORDS + [f"w{i}" for i in range(20_000)]                       # article words follow Zipf's law
CUM_VOCAB = list(accumulate(1.0 / (1 + i) for i in range(len(VOCAB))))


def make_places(rng: random.Random, n: int = 3000) -> list[tuple]:
    """(name, admin1, country, lat, lon, geonameid); places of a country cluster around a centre."""
    centres = {c: (rng.uniform(-30, 60), rng.uniform(-100, 120)) for c in set(COUNTRIES)}
    centres["UA"] = (48.5, 32.0)
    out = []
    for i in range(n):
        c = rng.choice(COUNTRIES)
        lat0, lon0 = centres[c]
        lat, lon = lat0 + rng.gauss(0, 2.0), lon0 + rng.gauss(0, 3.0)
        out.append((f"Town{i}", f"{c} Region {i % 25}", c, max(-89, min(89, lat)), ((lon + 180) % 360) - 180, 100000 + i))
    return out


def generate(store_path: Path, n_events: int, seed: int = 7) -> dict:
    """Bulk-load a store with n_events events (10 per article) using the store's schema and indexes."""
    rng = random.Random(seed)
    Store.open(store_path).close()  # create + migrate: the real schema
    import sqlite3
    conn = sqlite3.connect(store_path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    indexes = [r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")]
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")]
    conn.execute("BEGIN")
    for name in names:
        conn.execute(f"DROP INDEX {name}")
    places = make_places(rng)
    cum_places = list(accumulate(1.0 / (1 + i) ** 0.8 for i in range(len(places))))  # a few places get most news
    conn.executemany("INSERT INTO location(id, lat, lon) VALUES (?,?,?)", [(i + 1, p[3], p[4]) for i, p in enumerate(places)])
    conn.executemany("INSERT INTO location_geo(id, min_lat, max_lat, min_lon, max_lon) VALUES (?,?,?,?,?)",
                     [(i + 1, p[3], p[3], p[4], p[4]) for i, p in enumerate(places)])
    actors = [f"Actor {i} forces" for i in range(5000)]
    cum_actors = list(accumulate(1.0 / (1 + i) for i in range(len(actors))))      # and a few actors most events
    conn.executemany("INSERT INTO actor_name(id, name) VALUES (?, ?)", enumerate(actors, start=1))
    place_ids = range(len(places))
    actor_ids = range(1, len(actors) + 1)
    outlets = [f"Outlet{i}" for i in range(60)]
    start = dt.date(2020, 1, 1)
    per_article = 10
    n_articles = n_events // per_article
    ev_rows, art_rows, fts_rows = [], [], []
    rowid = 0
    for a in range(1, n_articles + 1):
        day = (start + dt.timedelta(days=rng.randrange(4 * 365))).isoformat()
        outlet = rng.choice(outlets)
        text = " ".join(rng.choices(VOCAB, cum_weights=CUM_VOCAB, k=60))
        art_rows.append((a, f"gen-{a}", day, outlet, "h", "h", f"t{a}", "{}", "2026-01-01", per_article))
        fts_rows.append((a, "", text))
        for k in range(per_article):
            rowid += 1
            etype = rng.choice(TYPES)
            pi = rng.choices(place_ids, cum_weights=cum_places)[0] if rng.random() < 0.85 else None
            p = places[pi] if pi is not None else None
            a1 = rng.choices(actor_ids, cum_weights=cum_actors)[0] if rng.random() < 0.8 else None
            a2 = rng.choices(actor_ids, cum_weights=cum_actors)[0] if rng.random() < 0.5 else None
            killed = rng.randint(0, 40)
            figs = json.dumps([{"id": "f1", "text": f"{killed} people", "start": 0, "end": 5, "category": "killed",
                                "value": killed, "low": None, "high": None, "qualifier": "exact", "who": None,
                                "place": None, "time": None}]) if rng.random() < 0.3 else None
            ev_rows.append((rowid, a, f"e{k + 1}", day, day, "day", etype, ACLED.get(etype), a1, a2,
                            p[0] if p else None, p[1] if p else None, p[2] if p else None, p[3] if p else None,
                            p[4] if p else None, p[5] if p else None, pi + 1 if p else None, figs,
                            rng.choice(["certain"] * 6 + ["probable", "possible", "uncertain"]),
                            rng.choice([None] * 5 + ["unverified", "disputed", "verified"]), outlet,
                            f"Evidence sentence {rowid} about a {etype.lower()} event.", 0, 40,
                            f"k{rowid // 3:012x}"))
        if len(ev_rows) >= 50_000:
            _flush(conn, art_rows, fts_rows, ev_rows)
    _flush(conn, art_rows, fts_rows, ev_rows)
    for sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return {"places": places, "actors": actors, "outlets": outlets, "start": start}


def _flush(conn, art_rows, fts_rows, ev_rows) -> None:
    conn.executemany("INSERT INTO article(rowid, id, date, source, content_hash, input_hash, text_hash, document,"
                     " stored_at, n_events) VALUES (?,?,?,?,?,?,?,?,?,?)", art_rows)
    conn.executemany("INSERT INTO article_fts(rowid, title, text) VALUES (?,?,?)", fts_rows)
    conn.executemany("INSERT INTO event(rowid, article, key, day, date, date_precision, type, acled, actor1, actor2,"
                     " place, admin1, country, lat, lon, geonameid, loc, figures, certainty, verification, source,"
                     " ev_text, ev_start, ev_end, cluster) VALUES (" + ",".join("?" * 25) + ")", ev_rows)
    for rows in (art_rows, fts_rows, ev_rows):
        rows.clear()


def query_kinds(world: dict, rng: random.Random) -> dict:
    places, start = world["places"], world["start"]

    def since() -> dt.date:
        return start + dt.timedelta(days=rng.randrange(4 * 365 - 30))

    def busy_place() -> tuple:
        return places[min(int(rng.expovariate(1 / 40)), len(places) - 1)]

    return {
        "newest 100 (baseline)": lambda: Filters(),
        "--type": lambda: Filters(type=rng.choice(TYPES)),
        "--since/--until (30 days)": lambda: (lambda s: Filters(since=s, until=s + dt.timedelta(days=30)))(since()),
        "--country": lambda: Filters(country=rng.choice(COUNTRIES)),
        "--place": lambda: Filters(place=busy_place()[0]),
        "--actor": lambda: Filters(actor=f"Actor {min(int(rng.expovariate(1 / 50)), 4999)} "),
        "--near LAT,LON,50": lambda: (lambda p: Filters(near=(p[3], p[4], 50.0)))(busy_place()),
        "--source": lambda: Filters(source=rng.choice(world["outlets"])),
        "--unverified": lambda: Filters(unverified=True),
        "--certainty possible": lambda: Filters(certainty="possible"),
        "--type --country --since": lambda: Filters(type="ASSAULT", country=rng.choice(COUNTRIES), since=since()),
        "--place --since/--until": lambda: (lambda s: Filters(place=busy_place()[0], since=s,
                                                               until=s + dt.timedelta(days=90)))(since()),
        "--text (FTS, 2 words)": lambda: Filters(text=" ".join(rng.sample(VOCAB[:300], 2))),
    }


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=40, help="runs per query kind")
    ap.add_argument("--db", type=Path, help="keep the generated store here (default: a temporary file)")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "bench.db"
    t0 = time.perf_counter()
    world = generate(args.db, args.events)
    built = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*"))
    rng = random.Random(11)
    kinds = query_kinds(world, rng)
    times: dict[str, list[float]] = {k: [] for k in kinds}
    cpu: dict[str, list[float]] = {k: [] for k in kinds}
    rows: dict[str, int] = {k: 0 for k in kinds}
    with Store.open(args.db, read_only=True) as store:
        for make in kinds.values():  # warm the page cache once per kind (not timed)
            store.events(make())
        for _ in range(args.queries):
            for name, make in kinds.items():
                f = make()
                t, c = time.perf_counter(), time.process_time()
                rows[name] += len(store.events(f))
                times[name].append((time.perf_counter() - t) * 1000)
                cpu[name].append((time.process_time() - c) * 1000)
    base = statistics.median(times["newest 100 (baseline)"])
    print(f"store_query: {args.events:,} events in {args.events // 10:,} articles, built in {built:.0f} s, "
          f"{size / 1e6:.0f} MB; {args.queries} runs per kind, limit 100, rows as EventRow")
    print("wall-clock ms (what a user waits) and CPU ms of this process (robust to a busy machine)")
    print(f"{'query':32} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cpu p95':>8} {'rows/q':>7} {'p50/base':>9}")
    for name, ts in times.items():
        print(f"{name:32} {pct(ts, 50):8.1f} {pct(ts, 95):8.1f} {pct(cpu[name], 50):8.1f} {pct(cpu[name], 95):8.1f} "
              f"{rows[name] / len(ts):7.0f} {pct(ts, 50) / base:9.2f}")
    for label, keep in (("all filter queries (no --text)", lambda n: "--text" not in n),
                        ("all queries (with --text)", lambda n: True)):
        wall = [t for n, ts in times.items() if keep(n) for t in ts]
        cpus = [t for n, ts in cpu.items() if keep(n) for t in ts]
        print(f"{label:32} {pct(wall, 50):8.1f} {pct(wall, 95):8.1f} {pct(cpus, 50):8.1f} {pct(cpus, 95):8.1f}"
              f"   p95 < 50 ms: {'met' if pct(wall, 95) < 50 else 'NOT met'} (wall), "
              f"{'met' if pct(cpus, 95) < 50 else 'NOT met'} (cpu)")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if tmp is not None:
        tmp.cleanup()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
