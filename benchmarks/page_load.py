"""Page-load benchmark: the map page over a store of 10,000 events, in Chromium, beside the API alone.

    .venv/bin/python benchmarks/page_load.py [--events 10000] [--loads 5] [--db FILE]

The store is generated at run time with the store benchmark's generator (synthetic articles and events, the
real schema; no real data). `wirewatch serve` runs on a free loopback port. Measured, median of `--loads`
cold page loads (a new browser context each, so nothing is cached):

- first contentful paint (the browser's `paint` entry),
- table: the first page of the event table drawn (`performance.mark("ww:table")` in app.js),
- map: every event on the map, the legend and the timeline drawn (`ww:map`),

each from the start of navigation; and, beside them, the two API calls the page makes for its data, timed
alone from Python (median of as many calls, after one warm-up): `/api/events?limit=50` (the table's page)
and `/api/events/overview` (map, legend and timeline). Target: paint and table under 2 s. The machine is
shared: the numbers are indicative; the ratios page ÷ API are measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_query import generate  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
MARKS = """() => {
  const at = (name) => (performance.getEntriesByName(name)[0] || {}).startTime ?? null;
  return { paint: at("first-contentful-paint"), table: at("ww:table"), map: at("ww:map"),
           rows: document.querySelectorAll("#events-table tbody tr[data-uid]").length,
           shown: Number(document.body.dataset.shown || 0) };
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--db", str(db), "--port", str(port),
                             "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("wirewatch serve did not answer within 120 s")


def api_ms(url: str, path: str, n: int) -> float:
    with httpx.Client(base_url=url, timeout=60) as client:
        client.get(path).raise_for_status()  # warm-up
        times = []
        for _ in range(n):
            t = time.perf_counter()
            client.get(path).raise_for_status()
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def page_loads(url: str, n: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        for _ in range(n):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(f"{url}/")
            page.wait_for_selector("body[data-ready=yes]", timeout=120_000)
            out.append(page.evaluate(MARKS))
            context.close()
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--loads", type=int, default=5, help="cold page loads (and API calls) to take the median of")
    ap.add_argument("--db", type=Path, help="keep the generated store here (default: a temporary file)")
    args = ap.parse_args()
    if not CHROMIUM.exists():
        sys.exit("page_load needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "page.db"
    generate(args.db, args.events)
    proc, url = serve(args.db)
    try:
        table_api = api_ms(url, "/api/events?limit=50&sort=-day&status=occurred", args.loads)
        overview_api = api_ms(url, "/api/events/overview?status=occurred", args.loads)
        loads = page_loads(url, args.loads)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    med = {k: statistics.median(x[k] for x in loads) for k in ("paint", "table", "map")}
    print(f"page_load: {args.events:,} events, {loads[0]['shown']:,} on the map, {loads[0]['rows']} table rows; "
          f"median of {args.loads} cold loads at 1400x900 in Chromium; load average {os.getloadavg()[0]:.1f} "
          "(shared machine: indicative)")
    print(f"{'measure':44} {'ms':>8}  {'target':>8}")
    print(f"{'API alone: /api/events?limit=50 (table page)':44} {table_api:8.0f}")
    print(f"{'API alone: /api/events/overview (map data)':44} {overview_api:8.0f}")
    print(f"{'page: first contentful paint':44} {med['paint']:8.0f}  {'< 2000':>8}  {'ok' if med['paint'] < 2000 else 'MISSED'}")
    print(f"{'page: event table drawn':44} {med['table']:8.0f}  {'< 2000':>8}  {'ok' if med['table'] < 2000 else 'MISSED'}")
    print(f"{'page: map, legend and timeline drawn':44} {med['map']:8.0f}")
    print(f"table drawn ÷ its API call: {med['table'] / table_api:.1f}; map drawn ÷ overview call: "
          f"{med['map'] / overview_api:.1f}")


if __name__ == "__main__":
    main()
