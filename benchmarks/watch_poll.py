"""Watch under load: `wirewatch watch` following 200 local RSS feeds of 50 items each, polled every few seconds.

    .venv/bin/python benchmarks/watch_poll.py [--minutes 5] [--feeds 200] [--items 50] [--new-per-minute 3]
                                              [--every 3s] [--drain-minutes 5]

A newsroom is simulated on 127.0.0.1: each feed starts with `--items` items and publishes about
`--new-per-minute` more a minute (at random moments, fixed seed), always showing its newest `--items`. Items
are made at run time from templates written for this benchmark (short wire reports on a made-up day of a
war: strikes, shelling, protests, talks, aid; each with its own bulletin number, so no two texts are alike).
Feeds answer with an ETag and 304 to a matching If-None-Match. Then:

1. Baseline: one plain sweep of all feeds with httpx (unconditional, to learn the ETags), then after one
   interval a timed conditional sweep of all of them: what polling costs with no watcher at all.
2. `wirewatch watch URLFILE --db FILE --every 3s -q --summaries-only` runs as a subprocess for `--minutes`;
   its RSS memory (psutil, with children) is sampled as each poll cycle ends. Cycles are seen from the server:
   cycle k is every feed's k-th request; its polling time is the span from its first request to its last
   (feeds are fetched and their new items ingested in between).
3. Publishing stops; the watcher runs until it has stored every item served (at most `--drain-minutes`),
   then gets SIGTERM and must exit cleanly.

Checks printed at the end: items served (in any 200 answer) == articles stored, matched by link (none lost),
no link stored twice (none doubled), and memory in the first minute against the last minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import httpx
import psutil

HERE = Path(__file__).resolve().parent
WIREWATCH = Path(sys.executable).with_name("wirewatch")

# -- the items: templates written for this benchmark -------------------------------------------------------------

PLACES = ["Mykolaiv", "Kharkiv", "Odesa", "Zaporizhzhia", "Kherson", "Dnipro", "Sumy", "Chernihiv", "Poltava",
          "Kramatorsk", "Sloviansk", "Izium", "Bakhmut", "Mariupol", "Lviv", "Vinnytsia", "Zhytomyr", "Kyiv"]
WHO = ["the regional governor", "the city council", "the emergency service", "a police spokesperson",
       "the mayor", "local officials", "the military administration"]
TEMPLATES = [
    "A missile struck an industrial site on the outskirts of {PLACE} on {WEEKDAY} "
    "morning, killing {N} people and wounding {M}, {WHO} said. Crews were clearing debris by noon.",
    "Artillery shells hit a residential street in {PLACE} overnight, wounding {M} "
    "civilians and damaging a school, {WHO} said on {WEEKDAY}.",
    "Drones attacked a power substation near {PLACE} late on {WEEKDAY}, cutting "
    "electricity to thousands of homes, {WHO} said. No casualties were reported.",
    "About {H} people rallied in central {PLACE} on {WEEKDAY} to demand the return "
    "of prisoners of war, {WHO} said. The crowd dispersed peacefully in the evening.",
    "A convoy of {N} trucks delivered food and medicine to {PLACE} on {WEEKDAY}, "
    "{WHO} said, the first aid to reach the town in a week.",
    "Police in {PLACE} detained {N} men suspected of passing the positions of "
    "air defence units to the enemy, {WHO} said on {WEEKDAY}.",
    "Ukrainian forces repelled an assault on a village east of {PLACE} on {WEEKDAY}, "
    "{WHO} said, adding that {N} soldiers were killed in the fighting.",
    "Negotiators met in {PLACE} on {WEEKDAY} to discuss an exchange of prisoners, "
    "{WHO} said, without giving details of any agreement.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def item_text(feed: int, number: int, when: dt.datetime) -> tuple[str, str]:
    """(title, text) of item `number` of feed `feed`: a template filled from a generator seeded by both."""
    rng = random.Random(feed * 100_003 + number)
    place = rng.choice(PLACES)
    body = rng.choice(TEMPLATES).format(PLACE=place, WEEKDAY=WEEKDAYS[when.weekday()], N=rng.randint(1, 12),
                                        M=rng.randint(2, 30), H=rng.randint(2, 40) * 50, WHO=rng.choice(WHO))
    text = f"{place.upper()}, {when:%B} {when.day} (Feed {feed} Wire) - {body} (Bulletin {feed}-{number}.)"
    return body.split(",")[0][:90], text


# -- the newsroom: feeds that grow, served with ETags ------------------------------------------------------------

@dataclass
class Feed:
    index: int
    published: list[dt.datetime] = field(default_factory=list)  # publication time of item 1, 2, ...
    cache: tuple[int, bytes] | None = None

    @property
    def etag(self) -> str:
        return f'"f{self.index}-n{len(self.published)}"'


class Newsroom:
    """Feeds, what they published, and every request the server answered (for the cycles and the checks)."""

    def __init__(self, feeds: int, items: int, per_minute: float, seed: int = 21) -> None:
        start = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        self.items, self.per_minute = items, per_minute
        self.feeds = [Feed(i, [start - dt.timedelta(minutes=items - n) for n in range(items)]) for i in range(feeds)]
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.served: set[tuple[int, int]] = set()           # (feed, item) in a 200 answer to the watcher
        self.requests: list[tuple[float, int, int, int]] = []  # the watcher's: (monotonic time, feed, status, new items)
        self.publishing = True
        self.base = ""

    def tick(self, seconds: float) -> int:
        """Each feed publishes with probability per_minute * seconds / 60; returns how many items appeared."""
        if not self.publishing:
            return 0
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        chance = self.per_minute * seconds / 60
        new = 0
        with self.lock:
            for feed in self.feeds:
                while chance > 0:
                    if self.rng.random() < min(chance, 1.0):
                        feed.published.append(now)
                        new += 1
                    chance -= 1.0
                chance = self.per_minute * seconds / 60
        return new

    def window(self, feed: Feed) -> range:
        n = len(feed.published)
        return range(max(1, n - self.items + 1), n + 1)

    def body(self, feed: Feed) -> bytes:
        n = len(feed.published)
        if feed.cache and feed.cache[0] == n:
            return feed.cache[1]
        parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Feed {feed.index} Wire'
                 f'</title><link>{self.base}/</link><description>Bulletins of feed {feed.index}</description>']
        for number in reversed(self.window(feed)):
            when = feed.published[number - 1]
            title, text = item_text(feed.index, number, when)
            link = f"{self.base}/news/{feed.index}/{number}"
            parts.append(f"<item><title>{escape(title)}</title><link>{link}</link>"
                         f'<guid isPermaLink="false">f{feed.index}-i{number}</guid>'
                         f"<pubDate>{email.utils.format_datetime(when)}</pubDate>"
                         f"<description>{escape(text)}</description></item>")
        parts.append("</channel></rss>\n")
        data = "".join(parts).encode()
        feed.cache = (n, data)
        return data

    def links_served(self) -> set[str]:
        with self.lock:
            return {f"{self.base}/news/{f}/{n}" for f, n in self.served}


def handler_for(room: Newsroom) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            parts = self.path.strip("/").split("/")
            if len(parts) != 2 or parts[0] != "feeds" or not parts[1].removesuffix(".xml").isdigit():
                return self._send(404, b"not found\n", {})
            index = int(parts[1].removesuffix(".xml"))
            if index >= len(room.feeds):
                return self._send(404, b"no such feed\n", {})
            baseline = self.headers.get("X-Baseline") == "1"
            feed = room.feeds[index]
            with room.lock:
                etag = feed.etag
                before = len(room.served)
                if self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                else:
                    status, body = 200, room.body(feed)
                    if not baseline:
                        room.served.update((index, n) for n in room.window(feed))
                if not baseline:
                    room.requests.append((time.monotonic(), index, status, len(room.served) - before))
            self._send(status, body, {"ETag": etag, "Content-Type": "application/rss+xml; charset=utf-8"})

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    return Handler


# -- measuring --------------------------------------------------------------------------------------------------

def baseline_sweep(urls: list[str], etags: dict[str, str] | None) -> tuple[float, dict[str, str], int]:
    """One sequential sweep of every feed with one httpx client: (seconds, ETags seen, 200 answers)."""
    seen: dict[str, str] = {}
    full = 0
    t0 = time.perf_counter()
    with httpx.Client(timeout=30, headers={"X-Baseline": "1"}) as client:
        for url in urls:
            headers = {"If-None-Match": etags[url]} if etags and url in etags else {}
            r = client.get(url, headers=headers)
            full += r.status_code == 200
            seen[url] = r.headers.get("etag", "")
    return time.perf_counter() - t0, seen, full


def rss_mb(proc: psutil.Process) -> float:
    try:
        total = proc.memory_info().rss
        for child in proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total / 2**20
    except psutil.Error:
        return float("nan")


@dataclass
class Cycle:
    number: int
    start: float
    end: float
    requests: int
    full: int          # 200 answers
    new_items: int     # items first served in this cycle
    rss_mb: float


def cycles_of(room: Newsroom, feeds: int, started: float, samples: dict[int, float]) -> list[Cycle]:
    """Group the watcher's requests into cycles (cycle k: each feed's k-th request); complete cycles only."""
    count: dict[int, int] = {}
    by_cycle: dict[int, list[tuple[float, int, int]]] = {}
    for t, feed, status, new in room.requests:
        k = count.get(feed, 0) + 1
        count[feed] = k
        by_cycle.setdefault(k, []).append((t, status, new))
    out = []
    for k in sorted(by_cycle):
        reqs = by_cycle[k]
        if len(reqs) < feeds:
            continue
        times = [t for t, _, _ in reqs]
        out.append(Cycle(k, min(times) - started, max(times) - started, len(reqs), sum(s == 200 for _, s, _ in reqs),
                         sum(n for _, _, n in reqs), samples.get(k, float("nan"))))
    return out


def stored_links(db: Path) -> tuple[int, dict[str, int]]:
    """(articles, link -> how many articles carry it) in the watcher's store, read-only."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        total = conn.execute("SELECT count(*) FROM article").fetchone()[0]
        links = dict(conn.execute("SELECT url, count(*) FROM article GROUP BY url").fetchall())
    finally:
        conn.close()
    return total, links


def articles_stored(db: Path) -> int:
    try:
        return stored_links(db)[0]
    except sqlite3.Error:
        return 0


def parse_every(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0, help="how long the watcher runs while feeds publish")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50, help="items per feed (each shows its newest this many)")
    ap.add_argument("--new-per-minute", type=float, default=3.0, help="new items per feed per minute")
    ap.add_argument("--every", default="3s", help="the watcher's --every")
    ap.add_argument("--drain-minutes", type=float, default=5.0, help="at most this long to take the last items")
    ap.add_argument("--keep", type=Path, help="keep the store and the watcher's log in this folder")
    args = ap.parse_args()
    every = parse_every(args.every)

    room = Newsroom(args.feeds, args.items, args.new_per_minute)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(room))
    server.daemon_threads = True
    room.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"{room.base}/feeds/{i}.xml" for i in range(args.feeds)]

    stop_publishing = threading.Event()

    def publisher() -> None:
        while not stop_publishing.wait(1.0):
            room.tick(1.0)

    threading.Thread(target=publisher, daemon=True).start()

    work = Path(tempfile.mkdtemp(prefix="ww-watch-bench-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    db, urlfile, log = work / "watch.db", work / "feeds.txt", work / "watch.log"
    for p in work.glob("watch.db*"):
        p.unlink()
    urlfile.write_text("\n".join(urls) + "\n", encoding="utf-8")

    full_s, etags, _ = baseline_sweep(urls, None)
    time.sleep(every)
    cond_s, _, cond_full = baseline_sweep(urls, etags)

    cmd = [str(WIREWATCH), "watch", str(urlfile), "--db", str(db), "--every", args.every, "-q", "--summaries-only"]
    samples: dict[int, float] = {}
    minute_samples: list[tuple[float, float]] = []
    with log.open("wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT)
    ps = psutil.Process(proc.pid)
    started = time.monotonic()
    seen_cycles = 0

    def sample_cycles() -> None:
        """RSS as each cycle completes (every feed requested k times), and once a second for the minute view."""
        nonlocal seen_cycles
        with room.lock:
            counts: dict[int, int] = {}
            for _, feed, _, _ in room.requests:
                counts[feed] = counts.get(feed, 0) + 1
        done = min(counts.values()) if len(counts) == args.feeds else 0
        if done > seen_cycles:
            mb = rss_mb(ps)
            for k in range(seen_cycles + 1, done + 1):
                samples[k] = mb
            seen_cycles = done
        minute_samples.append((time.monotonic() - started, rss_mb(ps)))

    exit_code = None
    try:
        deadline = started + args.minutes * 60
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(1.0)
            sample_cycles()
        stop_publishing.set()
        room.publishing = False
        published_at_stop = sum(len(f.published) for f in room.feeds)
        drain_end = time.monotonic() + args.drain_minutes * 60
        drained_at = None
        cycles_at_stop = seen_cycles
        while time.monotonic() < drain_end and proc.poll() is None:
            time.sleep(1.0)
            sample_cycles()
            # done when a cycle that began after publishing stopped has completed and the store holds every item
            if seen_cycles >= cycles_at_stop + 2 and articles_stored(db) >= len(room.served):
                drained_at = time.monotonic() - started
                break
    finally:
        if proc.poll() is None:
            proc.send_signal(subprocess.signal.SIGTERM)
            try:
                exit_code = proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                exit_code = f"killed after 120 s ({proc.wait()})"
        else:
            exit_code = proc.returncode
        server.shutdown()

    ran = (drained_at or time.monotonic() - started) / 60
    cycles = cycles_of(room, args.feeds, started, samples)
    served = room.links_served()
    total, links = stored_links(db)
    lost = sorted(served - set(links))
    doubled = {u: n for u, n in links.items() if n > 1}
    extra = sorted(set(links) - served)

    # -- report --------------------------------------------------------------------------------------------------
    print(f"watch_poll: {args.feeds} feeds x {args.items} items on 127.0.0.1, ~{args.new_per_minute:g} new items per "
          f"feed per minute for {args.minutes:g} min; `wirewatch watch --every {args.every} -q --summaries-only`")
    print(f"baseline (httpx, one client, sequential): full sweep {full_s:.2f} s; conditional sweep {cond_s:.2f} s "
          f"({cond_full} of {args.feeds} feeds changed, the rest 304)")
    print()
    print(f"{'cycle':>5} {'start s':>8} {'poll s':>7} {'x baseline':>10} {'200s':>5} {'304s':>5} {'new items':>9} "
          f"{'RSS MB':>7}")
    for c in cycles:
        span = c.end - c.start
        print(f"{c.number:5d} {c.start:8.1f} {span:7.2f} {span / cond_s if cond_s else float('nan'):10.1f} "
              f"{c.full:5d} {c.requests - c.full:5d} {c.new_items:9d} {c.rss_mb:7.0f}")
    steady = [c.end - c.start for c in cycles[1:]] or [float("nan")]
    first_min = [mb for t, mb in minute_samples if t <= 60 and mb == mb]
    last_min = [mb for t, mb in minute_samples if t >= (minute_samples[-1][0] - 60) and mb == mb] if minute_samples else []
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| feeds x items; new per feed per minute | {args.feeds} x {args.items}; {args.new_per_minute:g} |")
    print(f"| run (publishing, then taking the last items) | {args.minutes:g} min, then "
          f"{'%.1f min in all' % ran if drained_at else 'not drained within %g min' % args.drain_minutes} |")
    print(f"| complete poll cycles | {len(cycles)} |")
    if cycles:
        print(f"| first cycle (all {args.feeds * args.items:,} items new) | {cycles[0].end - cycles[0].start:.1f} s |")
        print(f"| later cycles: median / max polling time | {statistics.median(steady):.2f} s / {max(steady):.2f} s |")
        print(f"| baseline conditional sweep (httpx) | {cond_s:.2f} s; median later cycle = "
              f"{statistics.median(steady) / cond_s:.1f} x baseline |")
    print(f"| items published / served to the watcher | {published_at_stop:,} / {len(served):,} |")
    print(f"| articles stored | {total:,} |")
    print(f"| lost (served, not stored) | {len(lost)} {'(none)' if not lost else lost[:3]} |")
    print(f"| doubled (one link stored twice) | {len(doubled)} {'(none)' if not doubled else list(doubled)[:3]} |")
    if extra:
        print(f"| stored but never served | {len(extra)} |")
    if first_min and last_min:
        print(f"| RSS memory, first minute: mean / max | {statistics.mean(first_min):.0f} MB / {max(first_min):.0f} MB |")
        print(f"| RSS memory, last minute: mean / max | {statistics.mean(last_min):.0f} MB / {max(last_min):.0f} MB "
              f"({statistics.mean(last_min) - statistics.mean(first_min):+.0f} MB) |")
    print(f"| watcher exit after SIGTERM | {exit_code} |")
    print(f"| load average at the end | {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs |")
    ok = not lost and not doubled and total == len(served)
    print(f"checks: none lost {'yes' if not lost else 'NO'}, none doubled {'yes' if not doubled else 'NO'}, "
          f"items served == articles stored {'yes' if total == len(served) else 'NO'}")
    if args.keep is None and ok:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()
    else:
        print(f"store and watcher log kept in {work}")


if __name__ == "__main__":
    main()
