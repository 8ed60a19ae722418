"""The map: every located event drawn, as precisely as it is located (a region-level event as its region,
a country-level one as its country), sized by fatalities, coloured by family; markers open the reader."""

from __future__ import annotations

import pytest

from pageutil import open_page
from ww_page_examples import COUNTRY_UID, REGION_UID

pytestmark = pytest.mark.browser


def _click_marker(page, uid: str, place: str) -> None:
    """Click the event's marker, opening the marker cluster that holds it first if need be."""
    marker = page.locator(f'path.ww-marker[data-uid="{uid}"]')
    for _ in range(6):
        if marker.count():
            break
        page.locator(f'.ww-cluster[data-places*="{place}"]').first.click()
        page.wait_for_timeout(700)  # the zoom or spiderfy animation
    marker.first.click(force=True)


def _settled_marker_count(page) -> int:
    """Pins plus the counts on cluster icons, read once the map has stopped changing: while marker clusters
    animate (a slow machine), a pin and the cluster taking it in can both be in the page for a moment."""
    count = """() => { let n = 0;
        document.querySelectorAll('path.ww-marker').forEach(() => n++);
        document.querySelectorAll('.ww-cluster').forEach(c => n += Number(c.textContent));
        return n; }"""
    last = page.evaluate(count)
    for _ in range(40):
        page.wait_for_timeout(400)
        now = page.evaluate(count)
        if now == last:
            return now
        last = now
    return last


def test_every_located_event_is_on_the_map_and_in_the_timeline(page, api):
    open_page(page)
    got = api("/api/events/overview")
    everything = api("/api/events", limit=1000)["items"]
    assert got["total"] == len(everything) and got["mapped"] >= 8
    assert page.locator("body").get_attribute("data-shown") == str(got["mapped"])
    exact = [p for p in got["points"] if p[got["columns"].index("precision")] == "point"]
    assert _settled_marker_count(page) == len(exact)
    bars = page.locator("#timeline rect.bar")
    counted = sum(int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count()))
    earlier = page.locator("#tl-earlier")  # the stray February reports, left out of the fitted span
    outside = int(earlier.inner_text().split()[1]) if earlier.is_visible() else 0
    assert counted + outside == sum(1 for e in everything if e["day"])  # unmapped events are counted too
    assert f"{got['total']} events" in page.locator("#status").inner_text()


def test_a_region_level_event_is_drawn_as_its_region(page):
    open_page(page, "?map=49.5,36.5,6")
    region = page.locator(f'path.ww-area-admin1[data-uids~="{REGION_UID}"]')
    region.wait_for()
    assert region.get_attribute("data-outline") == "yes"  # the Natural Earth outline, not a ring
    assert region.get_attribute("data-name") == "Kharkiv Oblast"
    box = region.bounding_box()
    assert box["width"] > 60 and box["height"] > 40  # an oblast at zoom 6 is wide, not a dot
    assert page.locator(f'path.ww-marker[data-uid="{REGION_UID}"]').count() == 0  # and no pin
    region.hover()
    tip = page.locator(".leaflet-tooltip").last
    assert "region-level" in tip.inner_text() and "3 killed" in tip.inner_text()
    # a click lists its events; one opens the reader
    region.click(force=True)
    page.locator(".area-popup button", has_text="ASSAULT").first.click()
    page.locator("#viewer .article-text .hl.focus").first.wait_for()
    assert "Kharkiv region" in page.locator("#viewer .article-text").inner_text()


def test_a_country_level_event_is_the_country_not_a_pin(page):
    open_page(page, "?map=58,60,3")
    country = page.locator(f'path.ww-area-country[data-uids~="{COUNTRY_UID}"]')
    country.wait_for()
    assert country.get_attribute("data-outline") == "yes"
    box = country.bounding_box()
    assert box["width"] > 300  # Russia at zoom 3 spans most of the map
    assert page.locator(f'path.ww-marker[data-uid="{COUNTRY_UID}"]').count() == 0


def test_markers_grow_with_fatalities_and_take_their_family_colour(page):
    open_page(page, "?map=47.6,34.5,7")
    izium = page.locator('path.ww-marker[data-uid="sm-0330-izium#e1"]')     # 11 killed
    odesa = page.locator('path.ww-marker[data-uid="hp-0328-odesa#e1"]')     # none
    izium.wait_for()
    odesa.wait_for()
    assert izium.bounding_box()["width"] > odesa.bounding_box()["width"] + 8
    # ASSAULT (material conflict) is the darkest of its family; PROTEST is from another family
    assert izium.get_attribute("fill") == "#8a3d00"
    assert odesa.get_attribute("fill") == "#ad678e"


def test_the_base_map_has_admin1_borders_and_place_names(page):
    open_page(page, "?map=48.5,33,6")
    page.wait_for_selector(".ww-label", timeout=15_000)
    names = page.locator(".ww-label").all_inner_texts()
    assert "Kyiv" in names and "Kharkiv" in names
    assert page.locator(".ww-label.capital", has_text="Kyiv").count() == 1
    # zoomed in, smaller towns are named too
    open_page(page, "?map=49.9,36.3,9")
    page.wait_for_selector(".ww-label", timeout=15_000)
    assert len(page.locator(".ww-label").all_inner_texts()) > 3
    assert page.evaluate("""() => performance.getEntriesByType('resource').map(r => r.name)
        .filter(n => n.includes('/natural-earth-admin1/')).length""") >= 2  # index and Ukraine at least


def test_clicking_a_marker_opens_the_claim_viewer_with_evidence(page, tmp_path_factory):
    open_page(page)
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


def test_clicking_a_claim_in_the_text_shows_that_claim(page):
    open_page(page)
    _click_marker(page, "el-0330-toll#e1", "Mykolaiv")
    page.locator("#viewer .article-text").wait_for()
    page.locator("#viewer .article-text .hl.k-cue", has_text="denied").click()
    claim = page.locator("#viewer .card.claim")
    assert "Russia's defence ministry" in claim.inner_text() and "negated" in claim.inner_text()
    assert claim.locator(".badge[data-verification=disputed]").count() == 1
