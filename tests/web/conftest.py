"""A live server over the example store plus the seed article (ingested through the pipeline), and Chromium.

The browser is Debian's /usr/bin/chromium driven by Playwright; never a browser Playwright downloads.
Without it the browser tests skip, saying so (CI installs it: see .ci/run).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "api"))  # the example documents and server helper live with the API tests

from ww_examples import documents  # noqa: E402
from ww_server import make_store, serving  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SEED = HERE.parents[1].parent / "shared" / "seed" / "article.txt"
TOKEN = "browser-test-token"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> str:
    """Base URL of a server whose store holds the examples and, when ../shared is there, the seed article."""
    db = make_store(tmp_path_factory.mktemp("web") / "ww.db", documents())
    with serving(db, token=TOKEN) as url:
        if SEED.exists():
            r = httpx.post(f"{url}/api/ingest", files={"file": ("seed.txt", SEED.read_bytes(), "text/plain")},
                           headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300)
            assert r.status_code == 200 and r.json()["stored"] == 1, r.text
        yield url


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
def page(browser, site):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=site)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
    page.on("request", lambda req: None if req.url.startswith((site, "data:")) else errors.append(f"left the site: {req.url}"))
    yield page
    found = list(errors)  # before closing: closing aborts requests still in flight
    context.close()
    assert not found, found
