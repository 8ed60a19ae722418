"""The page's live notices (js/live.js) in Chromium: with the page open, the test does what `wirewatch watch` does
(writes an alert row, stores a new article); the alert notice appears and opens the event's evidence in the
reader, and "N new events — refresh" brings the new event into the table with the filters kept."""

from __future__ import annotations

import pytest

from pageutil import open_page, table_uids, url_params, wait_drawn
from ww_alert_examples import DEPOT_UID, SUBURB_UID, add_alert, depot_report, ingest, suburb_report
from ww_examples import documents
from ww_server import make_store, serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("live-page") / "ww.db", documents() + [depot_report()])


@pytest.fixture(scope="module")
def site(live_db):
    """This module's own server (it overrides the session's `site`): the tests write to its store."""
    with serving(live_db, env={"WIREWATCH_LIVE_HEARTBEAT_SECONDS": "1"}) as url:
        yield url


def test_alert_notice_opens_the_evidence_and_new_events_refresh_keeps_the_filters(page, live_db):
    open_page(page, "?country=UA")
    page.wait_for_selector("body[data-live=on]", timeout=30_000)
    region = page.locator("#live")
    assert region.get_attribute("aria-live") == "polite"
    before = table_uids(page)
    assert DEPOT_UID in before and SUBURB_UID not in before

    add_alert(live_db, "strikes near Mykolaiv", DEPOT_UID)
    note = page.locator(".live-alert")
    note.wait_for(timeout=30_000)
    assert " ".join(note.inner_text().split()).startswith(
        "New alert: strikes near Mykolaiv — ASSAULT in Mykolaiv, 2 killed (Southern Bulletin)")

    ingest(live_db, suburb_report())
    news = page.locator(".live-events")
    news.wait_for(timeout=30_000)
    assert "1 new event (latest: ASSAULT in Odesa, 1 killed) — refresh" in news.inner_text()
    assert SUBURB_UID not in table_uids(page)  # nothing moves under the reader's eyes until asked
    news.locator("button.live-refresh").click()
    page.wait_for_function(f"() => !!document.querySelector('#events-table tr[data-uid=\"{SUBURB_UID}\"]')",
                           timeout=30_000)
    wait_drawn(page)
    assert url_params(page)["country"] == "UA" and page.locator("#f-country").input_value() == "UA"
    assert page.locator(".live-events").count() == 0

    note.locator("a.live-open").click()
    focus = page.locator("#viewer .article-text .hl.k-evidence.focus")
    focus.first.wait_for(timeout=30_000)
    assert "".join(focus.all_inner_texts()).startswith("A drone hit a fuel depot")  # the span may nest others
    assert url_params(page)["event"] == DEPOT_UID and url_params(page)["tab"] == "reader"
    assert page.locator("#tab-reader").get_attribute("aria-selected") == "true"

    note.locator("button.live-close").click()
    assert page.locator(".live-alert").count() == 0


def test_a_second_alert_stacks_newest_first_and_each_is_dismissed_alone(page, live_db):
    open_page(page)
    page.wait_for_selector("body[data-live=on]", timeout=30_000)
    add_alert(live_db, "first rule", DEPOT_UID)
    page.locator(".live-alert").first.wait_for(timeout=30_000)
    add_alert(live_db, "second rule", DEPOT_UID)
    page.wait_for_function("() => document.querySelectorAll('.live-alert').length === 2", timeout=30_000)
    texts = page.locator(".live-alert .live-text").all_inner_texts()
    assert "second rule" in texts[0] and "first rule" in texts[1]
    page.get_by_role("button", name="Dismiss the alert second rule").click()
    assert page.locator(".live-alert .live-text").all_inner_texts() == [texts[1]]
