"""The timeline fits the data: a stray report a month early does not squash the rest; the filtered dates
are the whole axis; fatalities per day are a second series; dragging across it chooses dates."""

from __future__ import annotations

import pytest

from pageutil import open_page, table_uids, url_params, wait_drawn
from ww_page_examples import STRAY_UID

pytestmark = pytest.mark.browser


def test_a_stray_early_report_does_not_squash_the_timeline(page, api):
    open_page(page)
    assert STRAY_UID in {e["uid"] for e in api("/api/events", limit=1000)["items"]}
    assert page.locator('#timeline rect.bar[data-day="2022-02-24"]').count() == 0
    earlier = page.locator("#tl-earlier")
    assert earlier.is_visible() and "earlier (from 2022-02-24)" in earlier.inner_text()
    bar = page.locator('#timeline rect.bar[data-day="2022-03-29"]').first.bounding_box()
    assert bar["width"] > 40  # a week of days across the width, not squeezed into its right sixth
    earlier.click()  # show everything
    page.locator('#timeline rect.bar[data-day="2022-02-24"]').first.wait_for()
    assert page.locator('#timeline rect.bar[data-day="2022-03-29"]').first.bounding_box()["width"] < bar["width"]


def test_the_filtered_dates_are_the_whole_axis(page):
    open_page(page, "?since=2022-03-28&until=2022-03-30")
    days = set(page.locator("#timeline rect.bar").evaluate_all("bars => bars.map(b => b.dataset.day)"))
    assert days <= {"2022-03-28", "2022-03-29", "2022-03-30"} and "2022-03-29" in days
    assert page.locator("#tl-earlier").is_hidden()
    bar = page.locator('#timeline rect.bar[data-day="2022-03-29"]').first.bounding_box()
    assert bar["width"] > 250  # three days fill the width


def test_fatalities_per_day_are_a_second_series(page, api):
    open_page(page)
    want = {d["day"]: d["killed"] for d in api("/api/events/overview")["days"] if d["killed"]}
    dots = page.locator("#timeline circle.killed-dot").evaluate_all(
        "cs => Object.fromEntries(cs.map(c => [c.dataset.day, Number(c.dataset.killed)]))")
    assert dots and dots == {d: n for d, n in want.items() if d >= "2022-03-01"}
    assert want["2022-03-26"] == 3  # the Kharkiv region report
    assert page.locator("#timeline polyline.killed-line").count() == 1
    assert "killed" in page.locator("#timeline .killed-axis").text_content()


def test_brushing_the_timeline_chooses_the_dates(page, api):
    open_page(page)
    first, second = (page.locator(f'#timeline rect.bar[data-day="{d}"]').first.bounding_box()
                     for d in ("2022-03-27", "2022-03-28"))
    y = first["y"] + first["height"] - 2
    page.mouse.move(first["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(second["x"] + second["width"] / 2, y, steps=6)
    page.mouse.up()
    wait_drawn(page)
    assert page.input_value("#f-since") == "2022-03-27" and page.input_value("#f-until") == "2022-03-28"
    assert url_params(page)["until"] == "2022-03-28"
    want = api("/api/events", since="2022-03-27", until="2022-03-28")["items"]
    assert table_uids(page) == [e["uid"] for e in want]
    page.locator("#brush-clear").click()
    wait_drawn(page)
    assert page.input_value("#f-since") == "" and "since" not in url_params(page)
