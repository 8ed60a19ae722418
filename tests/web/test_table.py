"""The event table beside the map: it follows the filters, the map and the legend, sorts, pages, opens a
report at its evidence, marks the event on the map, and a copied address brings the same view back."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from pageutil import open_page, table_uids, url_params, wait_drawn
from ww_page_examples import BATTLE_UID, COUNTRY_UID, FLOOD_UID, OUTLET, REGION_UID

pytestmark = pytest.mark.browser


def _killed(row: dict) -> int | None:
    got = [f.get("value") or f.get("high") or f.get("low") for f in row["figures"] if f["category"] == "killed"]
    return max(got) if got else None


def test_table_lists_the_events_newest_first_with_a_count(page, api):
    open_page(page)
    everything = api("/api/events", limit=1000)["items"]
    uids = table_uids(page)
    assert uids == [e["uid"] for e in everything[:50]]  # the API's first page, same order
    assert f"rows 1–{len(uids)} of {len(everything)}" in page.locator("#pager-label").inner_text()
    assert page.locator("#n-events").inner_text() == str(len(everything))
    assert page.locator("th[data-sort=day]").get_attribute("aria-sort") == "descending"


def test_the_table_follows_the_filters(page, api):
    open_page(page)
    page.select_option("#f-source", OUTLET)
    page.select_option("#f-acled", "Explosions/Remote violence")
    page.click("button[type=submit]")
    wait_drawn(page)
    want = api("/api/events", source=OUTLET, acled="Explosions/Remote violence")["items"]
    assert want and {e["source"] for e in want} == {OUTLET}
    assert table_uids(page) == [e["uid"] for e in want]
    assert BATTLE_UID not in table_uids(page)  # Battles, not Explosions
    params = url_params(page)
    assert params["source"] == OUTLET and params["acled"] == "Explosions/Remote violence"
    # the map shows the same selection
    mapped = api("/api/events/overview", source=OUTLET, acled="Explosions/Remote violence")["mapped"]
    assert page.locator("body").get_attribute("data-shown") == str(mapped)


def test_admin1_and_date_inputs_filter_the_table(page, api):
    open_page(page)
    page.fill("#f-admin1", "Kharkiv Oblast")
    page.fill("#f-since", "2022-03-26")
    page.fill("#f-until", "2022-03-30")
    page.press("#f-until", "Enter")
    wait_drawn(page)
    want = api("/api/events", admin1="Kharkiv Oblast", since="2022-03-26", until="2022-03-30")["items"]
    assert {REGION_UID, BATTLE_UID} <= {e["uid"] for e in want}
    assert sorted(table_uids(page)) == sorted(e["uid"] for e in want)
    assert url_params(page)["since"] == "2022-03-26"


def test_sorting_by_fatalities_then_the_other_way(page, api):
    open_page(page)
    page.click("th[data-sort=fatalities] button")
    page.wait_for_selector("th[data-sort=fatalities][aria-sort=descending]")
    wait_drawn(page)
    most = api("/api/events", sort="-fatalities", limit=1000)["items"]
    killed = [_killed(e) for e in most]
    stated = [k for k in killed if k is not None]
    assert stated and killed[:len(stated)] == sorted(stated, reverse=True)  # most first, unknown last
    assert table_uids(page)[:5] == [e["uid"] for e in most[:5]]
    first = page.locator("#events-table tbody tr").first.locator("td.num").first.inner_text()
    assert int(first) == max(stated)
    assert url_params(page)["sort"] == "-fatalities"
    page.click("th[data-sort=fatalities] button")
    page.wait_for_selector("th[data-sort=fatalities][aria-sort=ascending]")
    wait_drawn(page)
    assert table_uids(page)[:3] == [e["uid"] for e in api("/api/events", sort="fatalities", limit=3)["items"]]


def test_paging_through_the_table(page, api):
    total = len(api("/api/events", limit=1000)["items"])
    if total <= 50:
        pytest.skip("one page only (the seed article is not beside the project)")
    open_page(page)
    page.click("#page-next")
    wait_drawn(page)
    assert table_uids(page) == [e["uid"] for e in api("/api/events", limit=50, offset=50)["items"]]
    assert url_params(page)["page"] == "2"
    assert page.locator("#page-prev").is_enabled()


def test_the_table_follows_the_map(page, api):
    # around Kharkiv city, zoomed in: Izium (120 km south-east) is outside the view, Kharkiv inside
    open_page(page, "?inview=1&map=50.0,36.25,10")
    uids = table_uids(page)
    inside = {e["uid"] for e in api("/api/events", bbox="49.5,35.0,50.5,37.0", limit=1000)["items"]}
    assert "nw-0327-kharkiv#e1" in uids and set(uids) <= inside
    assert BATTLE_UID not in uids and REGION_UID not in uids
    before = url_params(page)["map"]
    page.locator("#map").hover()
    page.mouse.wheel(0, 1200)  # zoom out: more events come into view
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('map') !== {json.dumps(before)}")
    page.wait_for_timeout(600)
    wait_drawn(page)
    assert len(table_uids(page)) > len(uids)


def test_hovering_a_row_marks_its_marker_and_clicking_opens_the_evidence(page):
    open_page(page, "?place=Mykolaiv&map=46.97,31.99,11")
    row = page.locator('#events-table tr[data-uid="nw-0329-mykolaiv#e1"]')
    row.hover()
    page.wait_for_selector('path.ww-marker.ww-hot[data-uid="nw-0329-mykolaiv#e1"], .ww-cluster.ww-hot')
    row.click()
    viewer = page.locator("#viewer")
    viewer.locator(".article-text .hl.k-evidence.focus").first.wait_for()
    assert "A rocket struck a government office" in "".join(viewer.locator(".hl.focus").all_inner_texts())
    assert page.locator("#tab-reader").get_attribute("aria-selected") == "true"
    assert url_params(page)["event"] == "nw-0329-mykolaiv#e1"


def test_the_legend_is_a_type_filter(page, api):
    open_page(page)
    legend = page.locator("#legend")
    legend.locator('button[data-type="PROTEST"]').click()
    wait_drawn(page)
    assert url_params(page)["type"] == "PROTEST"
    assert legend.locator('button[data-type="PROTEST"]').get_attribute("aria-pressed") == "true"
    protests = [e["uid"] for e in api("/api/events", type="PROTEST")["items"]]
    assert COUNTRY_UID in protests and table_uids(page) == protests
    assert page.locator("#timeline rect.bar:not([data-type=PROTEST])").count() == 0
    legend.locator('.family[data-family="material-conflict"] button.fam').click()  # add a whole family
    wait_drawn(page)
    types = set(url_params(page)["type"].split(","))
    assert types == {"PROTEST", *[t for t in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION")
                                  if legend.locator(f'button[data-type="{t}"]').count()]}
    legend.locator("button.all").click()
    wait_drawn(page)
    assert "type" not in url_params(page)


def test_a_disaster_is_drawn_in_the_fifth_family_and_its_family_filters_to_it(page, api):
    open_page(page)
    legend = page.locator("#legend")
    other = legend.locator('.family[data-family="other-happenings"]')
    assert other.locator('button.type[data-type="DISASTER"]').count() == 1
    other.locator("button.fam").click()
    wait_drawn(page)
    assert set(url_params(page)["type"].split(",")) >= {"DISASTER"}
    assert FLOOD_UID in table_uids(page) and BATTLE_UID not in table_uids(page)
    marker = page.locator(f'path.ww-marker[data-uid="{FLOOD_UID}"]')
    marker.wait_for()
    assert marker.get_attribute("fill") == "#6e6400"  # the darkest yellow: DISASTER leads its family
    row = next(e for e in api("/api/events", type="DISASTER")["items"] if e["uid"] == FLOOD_UID)
    assert row["family"] == "disaster" and row["acled_event_type"] is None


def test_a_copied_address_reproduces_the_view(context, api):
    first = context.new_page()
    open_page(first)
    first.select_option("#f-country", "UA")
    first.check("#f-unverified")
    first.click("button[type=submit]")
    wait_drawn(first)
    first.click("th[data-sort=place] button")
    wait_drawn(first)
    first.locator("#events-table tbody tr").first.click()
    first.locator("#viewer .article-text").wait_for()
    before = url_params(first).get("map")
    first.locator("#map").hover()
    first.mouse.wheel(0, -300)  # zoom in: the map view goes into the address when it settles
    first.wait_for_function(f"() => new URLSearchParams(location.search).get('map') !== {json.dumps(before)}")
    first.wait_for_timeout(600)
    address = first.url
    shown = table_uids(first)
    opened = first.locator("#viewer h2").inner_text()
    view = first.evaluate("[...document.querySelectorAll('#filters input, #filters select')].map(e => e.type === 'checkbox' ? e.checked : e.value)")

    second = context.new_page()
    second.goto(address)
    second.wait_for_selector("body[data-ready=yes]", timeout=30_000)
    second.locator("#viewer .article-text").wait_for()
    assert table_uids(second) == shown
    assert second.locator("#viewer h2").inner_text() == opened
    assert second.evaluate("[...document.querySelectorAll('#filters input, #filters select')].map(e => e.type === 'checkbox' ? e.checked : e.value)") == view
    assert second.locator("th[data-sort=place]").get_attribute("aria-sort") == "ascending"
    assert second.locator("#tab-reader").get_attribute("aria-selected") == "true"
    p1, p2 = {k: v[0] for k, v in parse_qs(urlparse(address).query).items()}, url_params(second)
    assert p1["map"] == p2["map"] and p2["country"] == "UA" and p2["unverified"] == "1"


def test_controls_are_labelled_and_work_from_the_keyboard(page):
    open_page(page)
    unnamed = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, button')]
        .filter(e => !e.closest('[hidden]'))
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
        .map(e => e.outerHTML.slice(0, 80))""")
    assert unnamed == []
    page.locator("#events-table tbody tr").first.focus()
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.uid")
    page.keyboard.press("Enter")
    page.locator("#viewer .article-text").wait_for()
    assert url_params(page)["event"] == second
    page.locator("#tab-reader").focus()
    page.keyboard.press("ArrowLeft")
    assert page.locator("#tab-clusters").get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "tab-clusters"
