"""A live server over a store of hand-annotated reports (the API examples plus the page's own) and, when
../shared is there, the seed article ingested through the pipeline; and Chromium to look at it.

The browser is Debian's /usr/bin/chromium driven by Playwright; never a browser Playwright downloads.
Without it the browser tests skip, saying so (CI installs it: see .ci/run). Every page a test opens is
watched: a request to another host, a script error, a console error or a Content-Security-Policy
violation fails the test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "api"))  # the example documents and server helper live with the API tests
sys.path.insert(0, str(HERE))

from ww_examples import documents  # noqa: E402
from ww_page_examples import page_documents  # noqa: E402
from ww_server import make_store, serving  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SEED = HERE.parents[1].parent / "shared" / "seed" / "article.txt"
TOKEN = "browser-test-token"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
WATCH = """document.addEventListener("securitypolicyviolation",
  (e) => (window.__wwViolations = window.__wwViolations || []).push(`${e.violatedDirective} ${e.blockedURI}`));"""


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> str:
    """Base URL of a server whose store holds the examples and, when ../shared is there, the seed article."""
    db = make_store(tmp_path_factory.mktemp("web") / "ww.db", documents() + page_documents())
    with serving(db, token=TOKEN) as url:
        if SEED.exists():
            r = httpx.post(f"{url}/api/ingest", files={"file": ("seed.txt", SEED.read_bytes(), "text/plain")},
                           headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300)
            assert r.status_code == 200 and r.json()["stored"] == 1, r.text
        yield url


@pytest.fixture(scope="session")
def api(site):
    """api(path, **params) -> parsed JSON from the live server."""
    with httpx.Client(base_url=site, timeout=60) as client:
        def get(path: str, **params):
            r = client.get(path, params=params)
            assert r.status_code == 200, r.text
            return r.json()
        yield get


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium): apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, site):
    """A fresh browser context at 1400x900 whose pages fail the test on any request off the machine, script
    error, console error or CSP violation."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=site, accept_downloads=True)
    context.add_init_script(WATCH)
    errors: list[str] = []

    def watch(page) -> None:
        page.on("pageerror", lambda exc: errors.append(f"script error: {exc}"))
        page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
        page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}")
                if "net::ERR_ABORTED" not in (req.failure or "") else None)
        page.on("request", lambda req: None if req.url.startswith((site, "data:", "blob:"))
                else errors.append(f"left the site: {req.url}"))

    context.on("page", watch)
    context.errors = errors
    yield context
    for p in context.pages:
        try:
            errors.extend(f"CSP: {v}" for v in p.evaluate("window.__wwViolations || []"))
        except Exception:  # noqa: BLE001 - a page mid-navigation has nothing to report
            pass
    found = list(errors)  # before closing: closing aborts requests still in flight
    context.close()
    assert not found, found


@pytest.fixture
def page(context):
    return context.new_page()
