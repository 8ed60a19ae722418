"""The map page in a real browser: markers, the timeline brush, and the claim viewer with its evidence."""

from __future__ import annotations

import os

from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# The README's screenshot is refreshed only on request (`WIREWATCH_SCREENSHOT=1 make test`), so that a
# test run does not leave the tracked image modified; otherwise the shot goes to the test's temp dir.
SCREENSHOT = ROOT / "docs" / "img" / "wirewatch-map.png" if os.environ.get("WIREWATCH_SCREENSHOT") else None
SEED = ROOT.parent / "shared" / "seed" / "article.txt"


def _open(page) -> None:
    page.goto("/")
    page.wait_for_selector("body[data-ready=yes]", timeout=30_000)


def _mapped(site: str) -> list[dict]:
    return httpx.get(f"{site}/api/events", params={"format": "geojson", "limit": 1000}).json()["features"]


def _click_marker(page, uid: str, place: str) -> None:
    """Click the event's marker, opening the marker cluster that holds it first if need be."""
    marker = page.locator(f'path.ww-marker[data-uid="{uid}"]')
    for _ in range(6):
        if marker.count():
            break
        page.locator(f'.ww-cluster[data-places*="{place}"]').first.click()
        page.wait_for_timeout(700)  # the zoom or spiderfy animation
    marker.first.click(force=True)


def test_page_shows_every_mapped_event(page, site):
    _open(page)
    features = _mapped(site)
    assert len(features) >= 5
    assert page.locator("body").get_attribute("data-shown") == str(len(features))
    assert page.locator("path.ww-marker").count() + page.locator(".ww-cluster").count() >= 3
    assert f"{len(features)} of {len(features)} events on the map" in page.locator("#status").inner_text()
    assert page.locator("#legend").inner_text().count("ASSAULT") == 1
    assert page.locator("#timeline rect.bar").count() >= 4
    bars = page.locator("#timeline rect.bar")
    counted = sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count()))
    everything = httpx.get(f"{site}/api/events", params={"limit": 1000}).json()["items"]
    assert counted == sum(1 for e in everything if e["day"])  # the timeline counts unmapped events too


def test_brushing_the_timeline_filters_the_map(page, site):
    _open(page)
    first, second = (page.locator(f'#timeline rect.bar[data-day="{d}"]').first.bounding_box()
                     for d in ("2022-03-27", "2022-03-28"))
    y = first["y"] + first["height"] - 2
    page.mouse.move(first["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(second["x"] + second["width"] / 2, y, steps=6)
    page.mouse.up()
    expected = sum(1 for f in _mapped(site) if "2022-03-27" <= (f["properties"]["day"] or "") <= "2022-03-28")
    assert page.locator("body").get_attribute("data-shown") == str(expected)
    assert "2022-03-27 to 2022-03-28" in page.locator("#brush-label").inner_text()
    page.locator("#brush-clear").click()
    assert page.locator("body").get_attribute("data-shown") == str(len(_mapped(site)))


def test_filters_refetch_the_events(page):
    _open(page)
    page.select_option("#f-type", "PROTEST")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-ready='yes'][data-shown]")  # no eval: the page's CSP forbids it
    page.wait_for_selector("path.ww-marker.ww-type-PROTEST")
    assert page.locator("path.ww-marker:not(.ww-type-PROTEST)").count() == 0


def test_clicking_a_marker_opens_the_claim_viewer_with_evidence(page, tmp_path_factory):
    _open(page)
    _click_marker(page, "nw-0329-mykolaiv#e1", "Mykolaiv")
    viewer = page.locator("#viewer")
    viewer.locator(".article-text").wait_for()
    assert "Rocket hits government office in Mykolaiv" in viewer.locator("h2").inner_text()
    focus = viewer.locator(".article-text .hl.k-evidence.focus")
    assert "A rocket struck a government office" in "".join(focus.all_inner_texts())
    for kind in ("place", "time", "figure", "source", "cue", "note", "trigger"):
        assert viewer.locator(f".article-text .hl.k-{kind}").count() >= 1, kind
    claim = viewer.locator(".card.claim")
    assert "the regional governor" in claim.inner_text() and "said" in claim.inner_text()
    assert claim.locator(".badge[data-verification=unverified]").count() == 1
    reports = viewer.locator(".reports .report")
    reports.nth(1).wait_for()
    assert reports.count() >= 2
    assert viewer.locator(".report .fig.conflict").count() >= 2  # 9 vs 14 killed
    assert "disagree" in viewer.locator(".contradiction").first.inner_text()
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.locator("button.ww-fit").click()  # back to all events for the picture
    page.wait_for_timeout(800)
    assert viewer.locator(".card.claim").count() == 1  # zooming the map keeps the viewer
    shot = SCREENSHOT or tmp_path_factory.mktemp("shot") / "wirewatch-map.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_clicking_a_claim_in_the_text_shows_that_claim(page):
    _open(page)
    _click_marker(page, "el-0330-toll#e1", "Mykolaiv")
    page.locator("#viewer .article-text").wait_for()
    page.locator("#viewer .article-text .hl.k-cue", has_text="denied").click()
    claim = page.locator("#viewer .card.claim")
    assert "Russia's defence ministry" in claim.inner_text() and "negated" in claim.inner_text()
    assert claim.locator(".badge[data-verification=disputed]").count() == 1


def test_api_docs_render_offline(page):
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
    assert "Wirewatch" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1


def test_seed_article_events_are_on_the_map_mykolaiv_among_them(page, site):
    if not SEED.exists():
        pytest.skip("../shared/seed/article.txt is not beside the project")
    seed = [f["properties"] for f in _mapped(site) if f["properties"]["article_id"] == "seed"]
    assert seed, "the seed article has no located events"
    mykolaiv = [p for p in seed if p["place"] in ("Mykolaiv", "Mykolayiv")]  # GeoNames spells it Mykolayiv
    assert mykolaiv, sorted({p["place"] for p in seed})
    _open(page)
    _click_marker(page, mykolaiv[0]["uid"], mykolaiv[0]["place"])
    page.locator("#viewer .article-text .hl.k-evidence.focus").first.wait_for()
    assert mykolaiv[0]["place"] in page.locator("#viewer .card.event").inner_text()
