"""Exports and reports from the page: the filtered rows as ACLED CSV and GeoJSON (downloaded, read back
with pandas), the incident list with its story view, and the printable sitrep for the same filters."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pageutil import open_page, url_params, wait_drawn
from ww_page_examples import OUTLET
from wirewatch.export import ACLED_COLUMNS

pytestmark = pytest.mark.browser


def _download_for_outlet(page, link: str, into):
    """Filter by the test outlet, press the export link, and return the saved file's path."""
    open_page(page)
    page.select_option("#f-source", OUTLET)
    page.click("button[type=submit]")
    wait_drawn(page)
    with page.expect_download() as got:
        page.click(link)
    path = into / got.value.suggested_filename
    got.value.save_as(path)
    return path


def test_acled_csv_of_the_filtered_rows_downloads_and_pandas_reads_it(page, api, tmp_path):
    path = _download_for_outlet(page, "#x-csv", tmp_path)
    assert path.suffix == ".csv"
    df = pd.read_csv(path)
    assert list(df.columns) == list(ACLED_COLUMNS)
    clusters = api("/api/clusters", source=OUTLET, limit=1000)["items"]
    assert len(df) == len(clusters) >= 4
    assert all(OUTLET in s for s in df["source"])
    izium = df[df["location"] == "Izium"]
    assert izium["event_type"].tolist() == ["Battles"] and izium["fatalities"].tolist() == [11]


def test_geojson_of_the_filtered_rows_downloads_and_pandas_reads_it(page, api, tmp_path):
    path = _download_for_outlet(page, "#x-geojson", tmp_path)
    data = json.loads(path.read_text())
    df = pd.json_normalize(data["features"])
    events = api("/api/events", source=OUTLET, limit=1000)["items"]
    assert sorted(df["properties.uid"]) == sorted(e["uid"] for e in events if e["lat"] is not None)
    assert set(df["properties.source"]) == {OUTLET}
    assert {"geometry.coordinates", "properties.killed", "properties.evidence"} <= set(df.columns)


def test_incidents_list_with_sources_and_contradictions_opens_the_story(page, api):
    cluster = next(c for c in api("/api/clusters", place="Mykolaiv")["items"]
                   if "nw-0329-mykolaiv#e1" in [r["uid"] for r in c["reports"]])
    open_page(page, "?place=Mykolaiv")
    page.click("#tab-clusters")
    incident = page.locator(f'.incident[data-cluster="{cluster["id"]}"]')
    incident.wait_for()
    text = incident.inner_text()
    assert f"{cluster['n_sources']} sources" in text and "contradiction" in text and "killed 9–" in text
    assert "Northwire" in text and "Eastern Ledger" in text
    incident.click()
    story = page.locator(".story")
    story.wait_for()
    assert f"{cluster['n_sources']} independent sources" in story.inner_text()
    assert story.locator(".story-reports li").count() == cluster["n_reports"]
    disputed = {u for c in cluster["contradictions"] for u in c["reports"]}
    assert story.locator(".story-reports li.conflict").count() == len(disputed) >= 2  # 9 vs 14 killed
    assert "disagrees on killed" in story.locator(".story-reports li.conflict").first.inner_text()
    assert "Joined by:" in story.inner_text() and "joined (score" in story.inner_text()  # why they are one incident
    assert url_params(page)["cluster"]
    story.locator(".story-reports li", has_text="Eastern Ledger").locator("button.read").click()
    page.locator("#viewer .article-text .hl.focus").first.wait_for()
    assert "Mykolaiv toll rises to 14" in page.locator("#viewer h2").inner_text()


def test_the_sitrep_for_the_current_filter_is_a_printable_page(context):
    page = context.new_page()
    open_page(page, "?place=Mykolaiv")
    with context.expect_page() as opened:
        page.click("#x-sitrep")
    report = opened.value
    report.wait_for_selector("body[data-ready=yes]", timeout=30_000)
    assert "place “Mykolaiv”" in report.locator(".filters").inner_text()
    text = report.locator("#report").inner_text()
    assert "Mykolaiv" in text and "Sources" in text and "Kharkiv" not in text
    assert report.locator("a.cite").count() >= 2 and report.locator(".sources li").count() >= 2
    assert report.locator(".flag.disputed").count() >= 1  # 9 vs 14 killed
    report.emulate_media(media="print")
    assert report.locator(".tools").is_hidden()  # the print view has no buttons
    assert report.locator("#back").get_attribute("href") == "/?place=Mykolaiv"
