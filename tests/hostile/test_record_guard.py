"""Issue 20 item 1: one bad record never takes a run down. A lone surrogate (`\\ud800` in a JSON text,
`&#55296;` in an RSS title), a JSON line nested 100,000 deep and a 5,000-digit number each become a skip (or
a warning) naming the record, and every good neighbour is kept: in `ingest` of a folder, `extract`, the API's
JSON records and the store's hashing. (Before: UnicodeEncodeError/RecursionError ended the run, 0 stored.)"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from wirewatch import ingest
from wirewatch.model import Article, Document, Skipped, Warned
from wirewatch.settings import Settings
from wirewatch.store import IngestReport, Store, ingest_documents
from wirewatch.store.ingest import unstored

GOOD = "KHERSON, May 3, 2023 (Guard Desk) - Shelling hit the port on Tuesday, officials said."
DEEP = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"


def hostile_folder(root: Path) -> dict[str, list[str]]:
    """A folder of bad records among good ones; returns the good ids each file must give."""
    root.mkdir(parents=True)
    lines = [json.dumps({"id": "j-good-1", "text": GOOD}),
             '{"id": "j-surrogate", "text": "Shelling \\ud800 hit the port."}',
             '{"id": "j-title", "title": "bad \\udfff title", "text": "Aid reached Izium on Friday, officials said."}',
             DEEP,
             '{"id": ' + "9" * 5000 + ', "text": "a number with 5,000 digits"}',
             json.dumps({"id": "j-good-2", "text": GOOD.replace("port", "station")})]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Guard Feed</title>'
        "<item><title>bad &#55296; title</title><guid>f-1</guid><description>Shelling hit Mykolaiv on Tuesday, "
        "officials said.</description></item>"
        "<item><title>ok</title><guid>f-2</guid><description>Aid reached Izium on Friday.</description></item>"
        "</channel></rss>", encoding="utf-8")
    (root / "story.txt").write_text(GOOD.replace("port", "airport"), encoding="utf-8")
    return {"wire.jsonl": ["j-good-1", "j-title", "j-good-2"], "feed.rss": ["f-1", "f-2"], "story.txt": ["story"]}


def test_reader_turns_each_bad_record_into_a_named_skip(tmp_path: Path) -> None:
    expected = hostile_folder(tmp_path / "in")
    items = list(ingest.read([tmp_path / "in"], Settings()))
    ids = [i.article.id for i in items if isinstance(i, Document)]
    assert sorted(ids) == sorted(sum(expected.values(), []))
    skips = {s.record.rsplit("/", 1)[-1]: s.reason for s in items if isinstance(s, Skipped)}
    assert "lone surrogate U+D800" in skips["wire.jsonl:2"]
    assert "nested too deeply" in skips["wire.jsonl:4"]
    assert "could not be read" in skips["wire.jsonl:5"] or "not valid JSON" in skips["wire.jsonl:5"]
    warnings = [w.reason for w in items if isinstance(w, Warned)]
    assert any("'title' left out" in w for w in warnings)        # a bad optional field: record kept
    assert any("&#55296;" in w and "U+FFFD" in w for w in warnings)
    for item in items:  # everything a reader gives can be encoded, hashed and printed
        json.dumps(item.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")


def test_ingest_of_a_folder_keeps_every_good_neighbour(tmp_path: Path) -> None:
    expected = hostile_folder(tmp_path / "in")
    db = tmp_path / "ww.db"
    res = subprocess.run([sys.executable, "-m", "wirewatch", "ingest", str(tmp_path / "in"), "--db", str(db)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    stored = {r[0] for r in sqlite3.connect(db).execute("SELECT source_id FROM article")}
    assert stored == set(sum(expected.values(), []))
    assert "wire.jsonl:2" in res.stderr and "wire.jsonl:4" in res.stderr and "Traceback" not in res.stderr
    out = subprocess.run([sys.executable, "-m", "wirewatch", "extract", str(tmp_path / "in" / "wire.jsonl"), "-q"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert [json.loads(x)["article"]["id"] for x in out.stdout.splitlines()] == expected["wire.jsonl"]


def test_api_records_are_guarded_one_by_one() -> None:
    body = json.loads('[{"id": "a1", "text": "Fine text."}, {"id": "a2", "text": "bad \\ud800 text"},'
                      ' {"id": "a3", "text": "Fine too.", "date": "2022-02-30"}, 17, {"id": "a4", "text": "Last."}]')
    items = list(ingest.read_records(body))
    assert [i.article.id for i in items if isinstance(i, Document)] == ["a1", "a3", "a4"]
    assert [s.record for s in items if isinstance(s, Skipped)] == ["body[1]", "body[3]"]


def test_store_hashing_is_inside_the_per_record_guard(tmp_path: Path) -> None:
    bad = Document(article=Article(id="bad"), text="lone \ud800 surrogate from library code")
    good = Document(article=Article(id="good"), text="A good neighbour.")
    with Store.open(tmp_path / "ww.db") as store:
        report = IngestReport()
        ingest_documents(store, unstored(store, [bad, good], report), report=report)
        assert report.stored == 1 and [s.record for s in report.skipped] == ["article 'bad'"]
        assert store.document("good") is not None
