"""Article dates are never silently missing: options, metadata, written formats, and a named reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.ingest import read_bytes
from wirewatch.ingest.dates import DateHints, NotADate, date_article, parse_written_date
from wirewatch.model import Document
from wirewatch.settings import Settings

S = Settings()
NO_YEAR = "ODESA, Ukraine, June 3 (Wire Desk) - A drone struck a grain terminal on Friday, the port authority said."


def _docs(data: str, name: str, settings: Settings = S) -> list[Document]:
    return [d for d in read_bytes(data.encode(), name, settings) if isinstance(d, Document)]


# --- written dates --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["2023-06-03", "03/06/2023", "3.6.2023", "June 3, 2023", "3 June 2023",
                                     "Sat, 03 Jun 2023 09:15:00 +0000", "2023-06-03T09:15:00Z"])
def test_dates_as_people_write_them_are_read(written: str) -> None:
    assert parse_written_date(written)[0] == dt.date(2023, 6, 3)


def test_a_numeric_date_with_a_day_over_twelve_is_unambiguous_either_way_round() -> None:
    assert parse_written_date("06/21/2023")[0] == dt.date(2023, 6, 21)
    assert parse_written_date("21/06/2023")[0] == dt.date(2023, 6, 21)


def test_an_ambiguous_numeric_date_is_read_day_first_and_says_so() -> None:
    date, _, note = parse_written_date("04/07/2023")
    assert date == dt.date(2023, 7, 4) and "day first" in note


@pytest.mark.parametrize("bad", ["soon", "last Tuesday", "2023-13-40", "31/02/2023"])
def test_what_is_not_a_date_is_refused_with_the_value(bad: str) -> None:
    with pytest.raises(NotADate, match=bad.split("-")[0]):
        parse_written_date(bad)


def test_a_bare_year_is_only_a_year() -> None:
    assert parse_written_date("2023") == (None, 2023, None)


# --- where the article date comes from -------------------------------------------------------------------------

def test_a_dateline_without_a_year_leaves_the_date_null_and_says_why() -> None:
    decided = date_article(NO_YEAR)
    assert decided.date is None and "gives no year" in decided.note and "--year" in decided.note


def test_year_option_completes_a_yearless_dateline() -> None:
    decided = date_article(NO_YEAR, hints=DateHints(year=2023))
    assert decided.date == dt.date(2023, 6, 3) and decided.source == "dateline"


def test_date_option_completes_a_yearless_dateline_with_the_latest_such_day_before_it() -> None:
    decided = date_article(NO_YEAR.replace("June 3", "Dec. 30"), hints=DateHints(date=dt.date(2024, 1, 2)))
    assert decided.date == dt.date(2023, 12, 30)


def test_date_option_dates_a_text_without_dateline() -> None:
    decided = date_article("A drone struck a grain terminal on Friday.", hints=DateHints(date=dt.date(2023, 6, 3)))
    assert (decided.date, decided.source) == (dt.date(2023, 6, 3), "option")


def test_the_inputs_own_date_beats_the_options() -> None:
    decided = date_article(NO_YEAR, given=dt.date(2023, 6, 4), hints=DateHints(date=dt.date(2020, 1, 1)))
    assert (decided.date, decided.source) == (dt.date(2023, 6, 4), "input")


def test_jsonl_year_only_date_gives_the_dateline_its_year() -> None:
    (doc,) = _docs(json.dumps({"id": "y", "date": "2023", "text": NO_YEAR}), "y.jsonl")
    assert doc.article.date == dt.date(2023, 6, 3)


def test_jsonl_written_date_is_read() -> None:
    (doc,) = _docs(json.dumps({"id": "w", "date": "June 3, 2023", "text": "A drone struck."}), "w.jsonl")
    assert (doc.article.date, doc.article.date_source) == (dt.date(2023, 6, 3), "input")


def test_jsonl_bad_date_keeps_the_record_with_a_warning_and_the_dateline_still_dates_it() -> None:
    text = NO_YEAR.replace("June 3", "June 3, 2023")
    (doc,) = _docs(json.dumps({"id": "b", "date": "next week", "text": text}), "b.jsonl")
    assert doc.article.date == dt.date(2023, 6, 3) and "'next week'" in doc.article.date_note


def test_feed_channel_date_gives_its_undated_entries_dateline_a_year() -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <pubDate>Sun, 04 Jun 2023 08:00:00 GMT</pubDate>
    <item><title>Port hit</title><guid>e1</guid><description>{NO_YEAR}</description></item></channel></rss>"""
    (doc,) = _docs(feed, "wire.rss")
    assert doc.article.date == dt.date(2023, 6, 3)


def test_html_metadata_date_dates_the_page() -> None:
    body = " ".join(["A drone struck a grain terminal in the port on Friday, officials said."] * 6)
    html = (f'<html><head><meta property="article:published_time" content="2023-06-03T10:00:00Z">'
            f"<title>Port hit</title></head><body><article><p>{body}</p></article></body></html>")
    (doc,) = _docs(html, "page.html")
    assert doc.article.date == dt.date(2023, 6, 3) and doc.article.date_source == "input"


def test_settings_carry_the_options_to_every_reader() -> None:
    settings = Settings(article_year=2023)
    (doc,) = _docs(NO_YEAR, "story.txt", settings)
    assert doc.article.date == dt.date(2023, 6, 3)
    assert Settings.from_env({"WIREWATCH_ARTICLE_YEAR": "2021"}).article_year == 2021


# --- the run summary names every undated article ---------------------------------------------------------------

def test_extract_names_every_undated_article_in_the_summary_and_keeps_null_times(tmp_path: Path) -> None:
    (tmp_path / "noyear.txt").write_text(NO_YEAR)
    (tmp_path / "plain.txt").write_text("A drone struck a grain terminal on Friday.")
    (tmp_path / "dated.txt").write_text(NO_YEAR.replace("June 3", "June 3, 2023"))
    res = CliRunner().invoke(app, ["extract", "-q", str(tmp_path)])
    assert res.exit_code == 0
    docs = {json.loads(line)["article"]["id"]: json.loads(line) for line in res.stdout.splitlines()}
    undated = [i for i, d in docs.items() if d["article"]["date"] is None]
    assert sorted(undated) == ["noyear", "plain"]
    for article_id in undated:
        assert article_id in res.stderr
        assert all(t["value"] is None for t in docs[article_id]["times"] if t["text"] == "Friday")
    assert "gives no year" in res.stderr and "no dateline" in res.stderr


def test_extract_year_and_date_options_leave_nothing_undated(tmp_path: Path) -> None:
    (tmp_path / "noyear.txt").write_text(NO_YEAR)
    (tmp_path / "plain.txt").write_text("A drone struck a grain terminal on Friday.")
    res = CliRunner().invoke(app, ["extract", "-q", str(tmp_path), "--year", "2023", "--date", "2023-06-05"])
    assert res.exit_code == 0 and "undated" not in res.stderr
    dates = {json.loads(x)["article"]["id"]: json.loads(x)["article"]["date"] for x in res.stdout.splitlines()}
    assert dates == {"noyear": "2023-06-03", "plain": "2023-06-05"}


def test_a_bad_date_option_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NO_YEAR)
    res = CliRunner().invoke(app, ["extract", str(tmp_path), "--date", "whenever"])
    assert res.exit_code == 2 and "whenever" in res.output


def test_ingest_names_undated_articles_and_takes_the_year(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "noyear.txt").write_text(NO_YEAR)
    db = str(tmp_path / "ww.db")
    res = CliRunner().invoke(app, ["ingest", "-q", str(tmp_path / "in"), "--db", db, "--no-link"])
    assert res.exit_code == 0 and "undated 1" in res.stderr and "noyear" in res.stderr
    res = CliRunner().invoke(app, ["ingest", "-q", str(tmp_path / "in"), "--db", db, "--no-link", "--year", "2023"])
    assert res.exit_code == 0 and "undated" not in res.stderr


# --- the API's ingest takes the same options and names undated articles -----------------------------------------

def test_api_ingest_takes_year_and_names_undated_articles(tmp_path: Path) -> None:
    import sys

    import httpx

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
    from ww_server import TOKEN, make_store, serving

    auth = {"Authorization": f"Bearer {TOKEN}"}
    with serving(make_store(tmp_path / "ww.db", []), token=TOKEN) as url:
        first = httpx.post(f"{url}/api/ingest", json={"id": "odesa-1", "text": NO_YEAR}, headers=auth, timeout=120)
        assert first.status_code == 200, first.text
        assert first.json()["undated"] == [{"article": "odesa-1", "reason": first.json()["undated"][0]["reason"]}]
        assert "gives no year" in first.json()["undated"][0]["reason"]
        other = NO_YEAR.replace("grain terminal", "fuel depot")  # the same text again would be a duplicate
        dated = httpx.post(f"{url}/api/ingest", params={"year": 2023}, json={"id": "odesa-2", "text": other},
                           headers=auth, timeout=120)
        assert dated.json()["undated"] == []
        assert httpx.get(f"{url}/api/articles/odesa-2").json()["article"]["date"] == "2023-06-03"
        bad = httpx.post(f"{url}/api/ingest", params={"date": "someday"}, json={"id": "x", "text": NO_YEAR},
                         headers=auth, timeout=120)
        assert bad.status_code == 422 and "someday" in bad.text


def test_batch_summary_names_undated_articles(capsys) -> None:
    from wirewatch.cli.batch import _report
    from wirewatch.scale.batch import BatchSummary

    summary = BatchSummary(out=Path("runs/x"), articles=2, undated=[("noyear", "the dateline gives no year")])
    _report(summary, quiet=True)
    err = capsys.readouterr().err
    assert "undated 1: the dateline gives no year: noyear" in err
