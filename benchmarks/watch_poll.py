"""Watch under load: `wirewatch watch` following 200 local RSS feeds of 50 items each, polled every few seconds.

    .venv/bin/python benchmarks/watch_poll.py [--minutes 5] [--feeds 200] [--items 50] [--new-per-minute 0.5]
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

Checks printed at the end: items served (in any 200 answer) == articles stored, matched by link; none lost (an
item served but gone from its feed's window before it was stored; one still in its feed when the run ends is
reported as not taken yet), no link stored twice (none doubled), and memory in the first minute against the
last minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import os
import random
import signal
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
        disable_nagle_algorithm = True  # headers and body go out at once, not held for a delayed ACK

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


class Server(ThreadingHTTPServer):
    # A listen backlog for every connection a watcher opens at once (http.server's 5 would drop SYNs: the
    # client's retry after 1 s would be counted as polling time).
    request_queue_size = 256
    daemon_threads = True


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
    """Resident memory of the watcher and its children, MB (nan once it has exited)."""
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


def cpu_s(proc: psutil.Process) -> float:
    try:
        t = proc.cpu_times()
        return t.user + t.system
    except psutil.Error:
        return float("nan")


@dataclass
class Cycle:
    number: int
    start: float       # first request of the cycle, s after the watcher started
    fetch: float       # first to last request of the cycle, s
    period: float      # to the next cycle's first request (the watcher waits out --every, or works longer), s
    requests: int
    full: int          # 200 answers
    new_items: int     # items first served in this cycle
    cpu: float         # the watcher's CPU seconds over the period
    rss_mb: float      # when the cycle's requests were all seen


class Sampler:
    """Follows the watcher from outside: which cycles are complete (every feed requested k times), and the
    watcher's memory and CPU time as each completes, plus memory once a second."""

    def __init__(self, room: Newsroom, feeds: int, proc: psutil.Process, started: float) -> None:
        self.room, self.feeds, self.proc, self.started = room, feeds, proc, started
        self.done = 0
        self.at_cycle: dict[int, tuple[float, float]] = {}   # k -> (rss MB, cpu s)
        self.memory: list[tuple[float, float]] = []          # (s since start, rss MB)

    def sample(self) -> None:
        with self.room.lock:
            counts: dict[int, int] = {}
            for _, feed, _, _ in self.room.requests:
                counts[feed] = counts.get(feed, 0) + 1
        done = min(counts.values()) if len(counts) == self.feeds else 0
        mb = rss_mb(self.proc)
        if done > self.done:
            cpu = cpu_s(self.proc)
            for k in range(self.done + 1, done + 1):
                self.at_cycle[k] = (mb, cpu)
            self.done = done
        self.memory.append((time.monotonic() - self.started, mb))

    def cycles(self) -> list[Cycle]:
        """The watcher's requests grouped into cycles (cycle k: each feed's k-th request); complete ones only."""
        count: dict[int, int] = {}
        by_cycle: dict[int, list[tuple[float, int, int]]] = {}
        for t, feed, status, new in self.room.requests:
            k = count.get(feed, 0) + 1
            count[feed] = k
            by_cycle.setdefault(k, []).append((t, status, new))
        complete = [k for k in sorted(by_cycle) if len(by_cycle[k]) >= self.feeds]
        out = []
        for k in complete:
            reqs = by_cycle[k]
            first, last = min(t for t, _, _ in reqs), max(t for t, _, _ in reqs)
            nxt = min(t for t, _, _ in by_cycle[k + 1]) if k + 1 in by_cycle else float("nan")
            mb, cpu = self.at_cycle.get(k, (float("nan"), float("nan")))
            cpu_next = self.at_cycle.get(k + 1, (0, float("nan")))[1]
            out.append(Cycle(k, first - self.started, last - first, nxt - first, len(reqs),
                             sum(st == 200 for _, st, _ in reqs), sum(n for _, _, n in reqs), cpu_next - cpu, mb))
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


def stop(proc: subprocess.Popen) -> str:
    """SIGTERM, then the exit code (the watcher stops after the current article)."""
    if proc.poll() is not None:
        return f"had exited ({proc.returncode})"
    proc.send_signal(signal.SIGTERM)
    try:
        return str(proc.wait(timeout=120))
    except subprocess.TimeoutExpired:
        proc.kill()
        return f"killed after 120 s ({proc.wait()})"


def parse_every(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)


def mean(xs: list[float]) -> float:
    xs = [x for x in xs if x == x]
    return statistics.mean(xs) if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0, help="how long the watcher runs while feeds publish")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50, help="items per feed (each shows its newest this many)")
    ap.add_argument("--new-per-minute", type=float, default=0.5,
                    help="new items per feed per minute (0.5 over 200 feeds: 100 articles a minute)")
    ap.add_argument("--every", default="3s", help="the watcher's --every")
    ap.add_argument("--drain-minutes", type=float, default=5.0, help="at most this long to take the last items")
    ap.add_argument("--no-warm", action="store_true", help="no `watch --once` first: the timed run takes the "
                                                            "initial feeds.items items too")
    ap.add_argument("--keep", type=Path, help="keep the store and the watcher's log in this folder")
    args = ap.parse_args()

    room = Newsroom(args.feeds, args.items, args.new_per_minute)
    server = Server(("127.0.0.1", 0), handler_for(room))
    room.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"{room.base}/feeds/{i}.xml" for i in range(args.feeds)]
    work = Path(tempfile.mkdtemp(prefix="ww-watch-bench-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    db, urlfile, log = work / "watch.db", work / "feeds.txt", work / "watch.log"
    for p in work.glob("watch.db*"):
        p.unlink()
    urlfile.write_text("\n".join(urls) + "\n", encoding="utf-8")
    cmd = [str(WIREWATCH), "watch", str(urlfile), "--db", str(db), "--every", args.every, "-q", "--summaries-only"]
    sink = log.open("wb")

    # 0. the first poll, alone: every item of every feed is new (nothing publishes meanwhile)
    warm: dict[str, float] = {}
    if not args.no_warm:
        t0 = time.monotonic()
        once = subprocess.Popen([*cmd, "--once"], stdout=sink, stderr=subprocess.STDOUT)
        ps, peak = psutil.Process(once.pid), 0.0
        while once.poll() is None:
            mb = rss_mb(ps)
            peak = max(peak, mb) if mb == mb else peak
            time.sleep(1.0)
        warm = {"seconds": time.monotonic() - t0, "stored": articles_stored(db), "peak_mb": peak,
                "exit": once.returncode}
        with room.lock:
            room.requests.clear()  # its items stay served; its requests are not a cycle of the timed run

    # 1. the baseline, while the feeds publish: full sweep, one interval, conditional sweep
    stop_publishing = threading.Event()

    def publisher() -> None:
        while not stop_publishing.wait(1.0):
            room.tick(1.0)

    threading.Thread(target=publisher, daemon=True).start()
    full_s, etags, _ = baseline_sweep(urls, None)
    time.sleep(parse_every(args.every))
    cond_s, _, cond_full = baseline_sweep(urls, etags)

    # 2. the watcher for --minutes while the feeds publish; 3. publishing stops, the watcher takes the rest
    proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT)
    started = time.monotonic()
    sampler = Sampler(room, args.feeds, psutil.Process(proc.pid), started)
    drained_at = None
    try:
        deadline = started + args.minutes * 60
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(1.0)
            sampler.sample()
        stop_publishing.set()
        room.publishing = False
        with room.lock:
            published = sum(len(f.published) for f in room.feeds)
        cycles_at_stop = sampler.done
        drain_end = time.monotonic() + args.drain_minutes * 60
        while time.monotonic() < drain_end and proc.poll() is None:
            time.sleep(1.0)
            sampler.sample()
            # drained: two cycles begun after publishing stopped are complete, and every item served is stored
            if sampler.done >= cycles_at_stop + 2 and articles_stored(db) >= len(room.served):
                drained_at = time.monotonic() - started
                break
    finally:
        exit_code = stop(proc)
        sink.close()
        server.shutdown()

    cycles = sampler.cycles()
    served = room.links_served()
    total, links = stored_links(db)
    with room.lock:  # what each feed still shows: an item not stored yet but still there can still be taken
        showing = {f"{room.base}/news/{f.index}/{n}" for f in room.feeds for n in room.window(f)}
    missing = served - set(links)
    pending = sorted(missing & showing)   # not taken when the run ended, still in its feed
    lost = sorted(missing - showing)      # gone from its feed before the watcher took it
    doubled = {u: n for u, n in links.items() if n > 1}
    extra = sorted(set(links) - served)

    # -- report --------------------------------------------------------------------------------------------------
    print(f"watch_poll: {args.feeds} feeds x {args.items} items on 127.0.0.1, about {args.new_per_minute:g} new items "
          f"per feed per minute for {args.minutes:g} min; `wirewatch watch FEEDS --every {args.every} -q "
          "--summaries-only`")
    print(f"baseline, httpx, one client, one feed after another: full sweep {full_s:.2f} s, conditional sweep "
          f"{cond_s:.2f} s ({cond_full} of {args.feeds} feeds had changed, the rest answered 304)")
    print()
    print(f"{'cycle':>5} {'start s':>8} {'period s':>8} {'fetch s':>8} {'fetch/base':>10} {'CPU s':>6} {'200s':>5} "
          f"{'304s':>5} {'new':>5} {'RSS MB':>7}")
    for c in cycles:
        print(f"{c.number:5d} {c.start:8.1f} {c.period:8.2f} {c.fetch:8.2f} {c.fetch / cond_s:10.2f} {c.cpu:6.2f} "
              f"{c.full:5d} {c.requests - c.full:5d} {c.new_items:5d} {c.rss_mb:7.0f}")
    busy = [c for c in cycles if c.new_items]
    periods = [c.period for c in cycles if c.period == c.period]
    fetches = [c.fetch for c in cycles]
    mem = sampler.memory
    end = mem[-1][0] if mem else 0.0
    first_min = [mb for t, mb in mem if t <= 60]
    last_min = [mb for t, mb in mem if t >= end - 60]
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| feeds x items; new items per feed per minute; --every | {args.feeds} x {args.items}; "
          f"{args.new_per_minute:g}; {args.every} |")
    if warm:
        print(f"| first poll (`--once`, all {args.feeds * args.items:,} items new) | {warm['seconds']:.0f} s, "
              f"{warm['stored']:,} articles stored ({warm['stored'] / warm['seconds']:.1f}/s), peak RSS "
              f"{warm['peak_mb']:.0f} MB, exit {warm['exit']:.0f} |")
    print(f"| timed run | {args.minutes:g} min publishing, then "
          + (f"all taken {drained_at / 60 - args.minutes:.1f} min later" if drained_at
             else f"not all taken within {args.drain_minutes:g} min") + " |")
    print(f"| complete poll cycles | {len(cycles)} ({len(busy)} with new items) |")
    if cycles:
        print(f"| cycle period (start to next start): median / p95 / max | {statistics.median(periods):.2f} / "
              f"{statistics.quantiles(periods, n=20, method='inclusive')[-1] if len(periods) > 1 else periods[0]:.2f} / "
              f"{max(periods):.2f} s |" if periods else "| cycle period | n/a |")
        print(f"| fetch (first to last request of a cycle): median / max | {statistics.median(fetches):.2f} / "
              f"{max(fetches):.2f} s = {statistics.median(fetches) / cond_s:.2f} / {max(fetches) / cond_s:.2f} x "
              "the baseline conditional sweep |")
        cpu = [c.cpu for c in cycles if c.cpu == c.cpu]
        if cpu:
            print(f"| watcher CPU per cycle: median / max | {statistics.median(cpu):.2f} / {max(cpu):.2f} s |")
    print(f"| items published / served to the watcher | {published:,} / {len(served):,} |")
    print(f"| articles stored | {total:,} |")
    print(f"| lost (served, gone from its feed, never stored) | {len(lost)}"
          f"{'' if not lost else ' e.g. ' + ', '.join(lost[:3])} |")
    if pending:
        print(f"| not taken yet when the run ended (still in their feeds) | {len(pending)} |")
    print(f"| doubled (a link stored twice) | {len(doubled)}{'' if not doubled else ' e.g. ' + ', '.join(doubled)[:200]} |")
    if extra:
        print(f"| stored but never served | {len(extra)} |")
    if first_min and last_min:
        print(f"| RSS memory, first minute: mean / max | {mean(first_min):.0f} / {max(first_min):.0f} MB |")
        print(f"| RSS memory, last minute: mean / max | {mean(last_min):.0f} / {max(last_min):.0f} MB "
              f"({mean(last_min) - mean(first_min):+.0f} MB) |")
    print(f"| watcher exit after SIGTERM | {exit_code} |")
    print(f"| load average at the end | {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs |")
    ok = not lost and not doubled and total == len(served)
    print(f"checks: none lost: {'yes' if not lost else 'NO'}; none doubled: {'yes' if not doubled else 'NO'}; "
          f"items served == articles stored: {'yes' if total == len(served) else 'NO'} ({len(served):,} / {total:,}"
          + (f"; {len(pending):,} still waiting in their feeds: the watcher had not caught up" if pending else "")
          + ")")
    if args.keep is None and ok:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()
    else:
        print(f"store and watcher log kept in {work}")
    if lost or doubled:
        sys.exit(1)


if __name__ == "__main__":
    main()
