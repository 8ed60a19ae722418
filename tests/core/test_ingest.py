"""Ingest: every input format and every kind of bad input, on inputs written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wirewatch.ingest import read, read_bytes, sniff
from wirewatch.ingest.dateline import find_dateline
from wirewatch.model import Document, Skipped, Warned
from wirewatch.settings import Settings

S = Settings()


def one(data: bytes | str, name: str) -> Document | Skipped:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    (item,) = list(read_bytes(raw, name, S))
    return item


# --- plain text and datelines -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "head, date, place, source",
    [
        ("date 2023-05-14 Sudan/Khartoum outskirts — Fighting resumed", dt.date(2023, 5, 14), "Sudan/Khartoum outskirts", None),
        ("KHARTOUM, May 14, 2023 (Newsdesk) - Fighting resumed", dt.date(2023, 5, 14), "KHARTOUM", "Newsdesk"),
        ("TRIPOLI (AP) — Militias clashed", None, "TRIPOLI", "AP"),
        ("GOMA, Congo (Oct. 3, 2019)\nRebels advanced", dt.date(2019, 10, 3), "GOMA, Congo", None),
    ],
)
def test_dateline_shapes(head: str, date: dt.date | None, place: str, source: str | None) -> None:
    dl = find_dateline(head)
    assert dl is not None
    assert dl.date == date and dl.place == place and dl.source == source
    assert head[dl.start:dl.end] == dl.text


def test_dateline_without_year_takes_the_reference_year() -> None:
    dl = find_dateline("KHARTOUM, May 14 (Newsdesk) - x", dt.date(2023, 6, 1))
    assert dl is not None and dl.date == dt.date(2023, 5, 14)


def test_dateline_without_year_and_without_reference_stays_unknown() -> None:
    dl = find_dateline("KHARTOUM, May 14 (Newsdesk) - x")
    assert dl is not None and dl.date is None


_SPELLINGS = ["Jan.", "January", "Feb.", "Mar.", "March", "Apr.", "May", "June", "Jun.", "July", "Aug.",
              "Sept.", "Sep", "September", "Oct.", "Nov", "Dec.", "December"]


@pytest.mark.parametrize("month", _SPELLINGS)
def test_plain_dates_are_read_as_dateparser_reads_them(month: str) -> None:
    """The direct reading of 'Month D, YYYY' (and 'Month D' with a year hint) gives dateparser's date, or
    leaves it to dateparser (not a real day, a reference date to prefer the past of)."""
    from wirewatch.ingest.dateline import _dateparser_date, _parse_date, _plain_date

    cases = [(f"{month} {d}, 2013", None, 2013) for d in (1, 7, 28, 29, 30, 31)]
    cases += [(f"{month} {d} 2016", None, None) for d in (9, 29)]
    cases += [(f"{month} {d}", None, 2012) for d in (5, 28, 29)]
    cases += [(f"{month} 14", dt.date(2022, 3, 31), None), (f"{month} 14, 2020", dt.date(2022, 3, 31), None)]
    for raw, ref, year in cases:
        slow = _dateparser_date(raw, ref, year)
        assert _parse_date(raw, ref, year) == slow, raw
        assert _plain_date(raw, ref, year) in (None, slow), raw
    assert _plain_date(f"{month} 14", dt.date(2022, 3, 31), None) is None  # a reference: dateparser decides
    assert _plain_date(f"{month} 7, 2013", None, None) is not None


def test_dateline_year_from_reference_line_above() -> None:
    text = "Night raid in the south\nCommand - Region\u20282019-07-S-011\u2028\u2028KANDAHAR, Afghanistan (July 9)\nA raid."
    dl = find_dateline(text)
    assert dl is not None and dl.date == dt.date(2019, 7, 9)


@pytest.mark.parametrize("line", ["He said (in 2014) - nothing changed", "The army said on Tuesday it was ready.",
                                  "Heavy rain (reported) fell"])
def test_ordinary_sentences_are_not_datelines(line: str) -> None:
    assert find_dateline(line) is None


def test_text_file_keeps_text_and_reads_title_and_dateline() -> None:
    text = "Ceasefire holds in the north\n\nMOSUL, Iraq, June 2, 2017 (Newsdesk) - The truce held overnight, officials said.\n"
    doc = one(text, "mosul.txt")
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.article.title == "Ceasefire holds in the north"
    assert doc.article.date == dt.date(2017, 6, 2)
    assert doc.article.dateline == "MOSUL, Iraq, June 2, 2017 (Newsdesk) -"
    assert doc.article.source == "Newsdesk"
    assert doc.article.id == "mosul"


def test_text_without_any_date_has_null_date() -> None:
    doc = one("Officials said the bridge was closed on Tuesday after the attack.", "nodate.txt")
    assert isinstance(doc, Document) and doc.article.date is None


# --- JSON Lines ---------------------------------------------------------------------------------------

def test_jsonl_keeps_id_and_text_exactly_and_splits_on_newline_only() -> None:
    texts = ["First\u2028line with a line separator and \u0085 NEL.", "Second  text\r\nwith CRLF inside"]
    lines = [json.dumps({"id": f"r{i}", "date": "2021-08-15", "text": t, "title": "T"}) for i, t in enumerate(texts)]
    items = list(read_bytes("\n".join(lines).encode(), "batch.jsonl", S))
    assert [i.text for i in items] == texts
    assert [i.article.id for i in items] == ["r0", "r1"]
    assert all(i.article.date == dt.date(2021, 8, 15) for i in items)


def test_jsonl_null_date_is_read_from_the_dateline() -> None:
    line = json.dumps({"id": 7, "date": None, "text": "HERAT, Afghanistan (Feb. 3, 2012)\nA patrol was hit."})
    (doc,) = list(read_bytes(line.encode(), "x.jsonl", S))
    assert doc.article.id == "7" and doc.article.date == dt.date(2012, 2, 3)


def test_jsonl_bad_lines_are_skipped_with_line_numbers_and_good_ones_kept() -> None:
    """A bad optional field (the date) keeps its record, undated, with the reason; bad required ones skip."""
    good = {"id": "ok", "date": "2020-01-02", "text": "Good text."}
    lines = [
        json.dumps(good),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "n", "date": 5, "text": "date is a number"}),
        json.dumps({"id": "m", "date": "2022-02-30", "text": "impossible date"}),
        json.dumps({"id": "z", "text": None}),
        json.dumps({"id": "ok", "text": "duplicate id"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "ok2", "text": "Second good one."}),
    ]
    items = list(read_bytes("\n".join(lines).encode(), "mixed.jsonl", S))
    docs = [i for i in items if isinstance(i, Document)]
    skips = {i.record: i.reason for i in items if isinstance(i, Skipped)}
    assert [d.article.id for d in docs] == ["ok", "n", "m", "ok2"]
    notes = {d.article.id: d.article.date_note for d in docs}
    assert "not a valid JSON" not in skips.get("mixed.jsonl:3", "")
    assert "not valid JSON" in skips["mixed.jsonl:2"]
    assert "'date' must be a string" in notes["n"] and docs[1].article.date is None
    assert "not a real calendar date" in notes["m"] and docs[2].article.date is None
    assert "'text' must be a string, not null" in skips["mixed.jsonl:5"]
    assert "duplicate id 'ok' (first on line 1)" in skips["mixed.jsonl:6"]
    assert "expected a JSON object" in skips["mixed.jsonl:7"]


def test_jsonl_truncated_last_line_loses_only_that_line() -> None:
    data = json.dumps({"id": "a", "text": "Kept."}) + "\n" + '{"id": "b", "text": "Cut o'
    items = list(read_bytes(data.encode(), "cut.jsonl", S))
    assert isinstance(items[0], Document) and isinstance(items[1], Skipped) and items[1].record == "cut.jsonl:2"


# --- HTML and feeds -----------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Dam breach floods villages | Valley Post</title>
<meta property="article:published_time" content="2023-06-06T08:00:00Z"><script>var x = 1;</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Dam breach floods villages</h1>
<p>KHERSON, June 6 (Valley Post) - Water poured through the breached dam on Tuesday, forcing thousands of residents
to leave their homes, the regional governor said.</p><p>Officials said at least 40 villages downstream were flooded
or at risk, and rescue teams were moving people by boat throughout the afternoon.</p></article>
<footer>Cookie settings</footer></body></html>"""


def test_html_page_gives_main_text_title_and_date() -> None:
    doc = one(PAGE, "dam.html")
    assert isinstance(doc, Document)
    assert "Water poured through the breached dam" in doc.text
    assert "Cookie settings" not in doc.text and "var x" not in doc.text
    assert doc.article.date == dt.date(2023, 6, 6)
    assert doc.article.title and "Dam breach" in doc.article.title


@pytest.mark.parametrize("html", ["<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>",
                                  "<html><body><nav>Home</nav></body></html>"])
def test_html_without_main_text_is_skipped_with_reason(html: str) -> None:
    item = one(html, "junk.html")
    assert isinstance(item, Skipped) and "no main text" in item.reason and item.record == "junk.html"


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk Feed</title>
<item><title>One</title><guid>g1</guid><pubDate>Mon, 05 Jun 2023 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Troops crossed the river on Monday, the ministry said.&lt;/p&gt;</description></item>
<item><title>Empty</title><guid>g2</guid></item>
<item><title>Three</title><guid>g3</guid><pubDate>Tue, 06 Jun 2023 10:00:00 +0000</pubDate>
<description>Shelling resumed overnight, residents said.</description></item>
</channel></rss>"""


def test_rss_feed_entries_become_articles_and_a_broken_entry_is_skipped() -> None:
    items = list(read_bytes(RSS.encode(), "desk.rss", S))
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skipped)]
    assert [d.article.id for d in docs] == ["g1", "g3"]
    assert docs[0].text == "Troops crossed the river on Monday, the ministry said."
    assert docs[0].article.date == dt.date(2023, 6, 5) and docs[0].article.source == "Desk Feed"
    assert len(skips) == 1 and skips[0].record == "desk.rss#entry2" and "no text" in skips[0].reason


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<id>urn:x</id><updated>2023-06-07T00:00:00Z</updated><entry><title>A</title><id>urn:x:1</id>
<published>2023-06-07T09:00:00Z</published><updated>2023-06-07T09:00:00Z</updated>
<content type="html">&lt;p&gt;Aid trucks reached the city.&lt;/p&gt;&lt;p&gt;More are expected.&lt;/p&gt;</content></entry></feed>"""


def test_atom_feed() -> None:
    (doc,) = list(read_bytes(ATOM.encode(), "desk.atom", S))
    assert isinstance(doc, Document) and doc.text == "Aid trucks reached the city.\n\nMore are expected."
    assert doc.article.id == "urn:x:1" and doc.article.date == dt.date(2023, 6, 7)


# --- bad bytes ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \n\t \n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"PK\x03\x04" + bytes(100), "zip archive"),
        (bytes((i * 37 + 11) % 256 for i in range(3000)), "binary"),
    ],
)
def test_bad_bytes_are_skipped_with_a_reason(data: bytes, reason: str) -> None:
    item = one(data, "bad.txt")
    assert isinstance(item, Skipped) and item.record == "bad.txt" and reason in item.reason


@pytest.mark.parametrize("encoding", ["latin-1", "cp1251", "utf-16", "utf-16-le"])
def test_non_utf8_text_is_decoded(encoding: str) -> None:
    text = "KYIV, March 3, 2022 (Desk) - Officials said the café near the station was hit." if encoding != "cp1251" \
        else "Официальные лица заявили, что станция была повреждена во время обстрела в четверг вечером."
    doc = one(text.encode(encoding), "enc.txt")
    assert isinstance(doc, Document) and doc.text.lstrip("\ufeff") == text


def test_size_limit_names_the_setting(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    items = list(read([big], Settings(max_article_bytes=1000)))
    assert isinstance(items[0], Skipped) and "max_article_bytes" in items[0].reason


def test_directory_is_read_recursively_and_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("ALEPPO (Desk) — Shelling resumed, monitors said.")
    (tmp_path / "sub" / "b.txt").write_text("IDLIB (Desk) — Aid arrived, officials said.")
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    items = list(read([tmp_path, tmp_path / "missing.txt"]))
    docs = [i.article.id for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skipped)]
    assert docs == ["a", "sub/b"]
    assert {s.reason for s in skips} == {"empty (no text)", "no such file or directory"}


@pytest.mark.parametrize("name, head, fmt", [("x", '{"id": 1}', "jsonl"), ("x", "<?xml version='1.0'?><rss>", "feed"),
                                             ("x", "<!DOCTYPE html><html>", "html"), ("x", "KYIV (AP) —", "text"),
                                             ("x.jsonl", "", "jsonl"), ("x.atom", "", "feed")])
def test_sniff(name: str, head: str, fmt: str) -> None:
    assert sniff(name, head) == fmt


def test_dateline_leap_day_with_a_year_that_has_none_stays_partial() -> None:
    # '--year 2021' cannot complete 'Feb. 29': no such day, so the date stays unknown (named), never a crash
    dl = find_dateline("KHARTOUM, Feb. 29 (Newsdesk) - Talks resumed.", year=2021)
    assert dl is not None and dl.date is None and dl.partial
    dl = find_dateline("KHARTOUM, Feb. 29 (Newsdesk) - Talks resumed.", year=2024)
    assert dl is not None and dl.date == dt.date(2024, 2, 29)


def test_a_leap_day_dateline_with_a_year_that_has_none_is_named_undated() -> None:
    from wirewatch.ingest.dates import date_article
    got = date_article("KHARTOUM, Feb. 29 (Newsdesk) - Talks resumed.", given_year=2021)
    assert got.date is None and "no day of 2021" in (got.note or "")
