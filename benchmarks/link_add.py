"""Linking benchmark: the cost of adding one article to stores of 10k, 100k and 1M events, beside an empty store.

    .venv/bin/python benchmarks/link_add.py [--sizes 10000 100000 1000000] [--articles 20]

Each store is generated at run time with `benchmarks/store_query.py`'s `generate` (synthetic articles of 10
events, no real data); its events are put in the clusters `generate` assigns (three events each) and each
cluster's linking profile is built with the linking code itself, as incremental linking would have left it.
Then `--articles` new articles (10 events each, at the store's busiest places, with its actors, on days in
its range) are ingested one at a time (`ingest_documents`: one transaction to store, one to link), into
each store and into an empty one. Printed: per-article wall-clock and CPU ms (median and p95) per store
size, and the difference from the empty store's median (goal: within 1 s at every size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_query import generate  # noqa: E402

from wirewatch.link import LinkRules, Profile  # noqa: E402
from wirewatch.model import Actor, Article, Document, Event, Figure, Place, span_of  # noqa: E402
from wirewatch.store import Store, ingest_documents  # noqa: E402
from wirewatch.store.linking import EVENT_SQL, _article, _Batch, _date, _index_article, _report  # noqa: E402


def build_link_state(db: Path, rules: LinkRules = LinkRules()) -> float:
    """Profiles and lead-word index for the generated clusters (what incremental linking would have left)."""
    t0 = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    profiles: dict[str, Profile] = {}
    batch = _Batch()
    last_article = None
    for r in conn.execute(EVENT_SQL.format(status="NULL") + " ORDER BY e.rowid"):
        if r[25] != last_article:           # one article at a time: keep the per-article facts small
            batch.articles.clear()
            last_article = r[25]
        facts = _article(conn, batch, r[25], rules)
        facts["published"] = _date(r[29])
        rep = _report(r, facts, rules)
        cid = conn.execute("SELECT cluster FROM event WHERE rowid = ?", (r[0],)).fetchone()[0]
        profiles.setdefault(cid, Profile(id=cid)).add(rep, rules)
        _index_article(conn, r[25], facts, rules)
        if len(profiles) >= 20_000:
            _write(conn, profiles)
    _write(conn, profiles)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - t0


def _write(conn: sqlite3.Connection, profiles: dict[str, Profile]) -> None:
    summary = json.dumps({"actors": [], "sources": [], "figures": [], "contradictions": [], "acled_sub": None})
    conn.executemany(
        "INSERT OR REPLACE INTO cluster(id, type, first, last, n_sources, n_reports, disputed, summary, state)"
        " VALUES (?,?,?,?,1,?,0,?,?)",
        [(cid, max(p.types, key=p.types.get), p.first, p.last, p.n, summary, json.dumps(p.to_json()))
         for cid, p in profiles.items()])
    profiles.clear()


def new_articles(n: int, world: dict | None, seed: int = 5) -> list[Document]:
    """Articles like the generated ones (10 events each) at busy places, with the store's actors and days."""
    rng = random.Random(seed)
    places = world["places"][:40] if world else [(f"Town{i}", f"UA Region {i}", "UA", 48.0 + i / 10, 32.0 + i / 10,
                                                  100000 + i) for i in range(40)]
    start = world["start"] if world else dt.date(2020, 1, 1)
    out = []
    for a in range(n):
        day = start + dt.timedelta(days=rng.randrange(4 * 365))
        sentences, evs, plcs, figs, acts = [], [], [], [], []
        text = f"Report {a} of the benchmark.\n\n"
        for k in range(10):
            name, admin1, country, lat, lon, gid = rng.choice(places)
            actor = f"Actor {min(int(rng.expovariate(1 / 50)), 4999)} forces"
            sentence = f"{actor} struck {name} on that day, killing {k + 2} people, officials said. "
            at = len(text)
            text += sentence
            sentences.append(sentence)
            plcs.append(Place(id=f"p{k}", geonameid=gid, name=name, country_code=country, admin1=admin1, lat=lat,
                              lon=lon, feature_class="P", feature_code="PPL", confidence=0.9,
                              **_span(text, name, at)))
            acts.append(Actor(id=f"a{k}", name=actor, kind="MIL", **_span(text, actor, at)))
            figs.append(Figure(id=f"f{k}", category="killed", value=k + 2, qualifier="exact",
                               **_span(text, f"{k + 2} people", at)))
            evs.append(Event(id=f"e{k + 1}", type="ASSAULT", actor1=f"a{k}", place=f"p{k}", date=day.isoformat(),
                             date_precision="day", figures=[f"f{k}"], evidence=_span(text, sentence.strip(), at)))
        out.append(Document(article=Article(id=f"bench-{seed}-{a}", date=day, source=f"Outlet{a % 60}",
                                            title=f"Report {a}"), text=text, places=plcs, actors=acts,
                            figures=figs, events=evs))
    return out


def _span(text: str, needle: str, after: int) -> dict:
    start = text.index(needle, after)
    s = span_of(text, start, start + len(needle))
    return {"text": s.text, "start": s.start, "end": s.end}


def time_adds(db: Path, docs: list[Document]) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    with Store.open(db) as store:
        store.link()                        # nothing should wait; not timed
        for doc in docs:
            t, c = time.perf_counter(), time.process_time()
            ingest_documents(store, [doc])
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--articles", type=int, default=20, help="articles added to each store, one at a time")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.db"
        Store.open(empty).close()
        wall, cpu = time_adds(empty, new_articles(args.articles, None))
        rows.append(("empty", 0.0, 0.0, wall, cpu))
        for size in args.sizes:
            db = Path(tmp) / f"s{size}.db"
            t0 = time.perf_counter()
            world = generate(db, size)
            built = time.perf_counter() - t0
            state = build_link_state(db)
            wall, cpu = time_adds(db, new_articles(args.articles, world))
            rows.append((f"{size:,} events", built, state, wall, cpu))
            for p in Path(tmp).glob(f"s{size}.db*"):
                p.unlink()
    base = statistics.median(rows[0][3])
    print(f"link_add: {args.articles} articles of 10 events added one at a time (store + link), per store size")
    print("wall-clock ms (what a user waits) and CPU ms of this process (robust to a busy machine)")
    print(f"{'store':16} {'built s':>8} {'state s':>8} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cpu p95':>8} "
          f"{'p50 - empty':>12} {'within 1 s':>10}")
    for name, built, state, wall, cpu in rows:
        diff = statistics.median(wall) - base
        print(f"{name:16} {built:8.0f} {state:8.0f} {pct(wall, 50):8.1f} {pct(wall, 95):8.1f} {pct(cpu, 50):8.1f} "
              f"{pct(cpu, 95):8.1f} {diff:12.1f} {'yes' if diff < 1000 else 'NO':>10}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
