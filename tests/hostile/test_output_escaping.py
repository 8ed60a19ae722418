"""Issue 20 item 7: what users open stays inert. An article id with backticks cannot break out of the sitrep's
Markdown code span (before: a live `<img onerror>` rendered), a source that starts a formula is text in every
CSV (before: `=HYPERLINK(...)` written as is), and a bidi override in a source name cannot reverse the line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from markdown_it import MarkdownIt
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.export import build_sitrep, render_html, render_markdown, write_acled
from wirewatch.export.csvsafe import cell
from wirewatch.store import Filters, Store, ingest_documents

ID = "x`y` <img src=x onerror=alert(1)> ``z"
SOURCE = '=HYPERLINK("http://evil.example","click") \u202eRTL'


def hostile_store(tmp_path: Path, corpus) -> Path:
    docs = []
    for i, doc in enumerate(corpus):
        article = doc.article.model_copy(update={"id": f"{ID}{i}", "source": SOURCE if i == 0 else doc.article.source})
        docs.append(doc.model_copy(update={"article": article}))
    db = tmp_path / "ww.db"
    with Store.open(db) as store:
        ingest_documents(store, docs)
    return db


def test_sitrep_markdown_and_html_render_ids_and_sources_as_text(tmp_path: Path, corpus) -> None:
    db = hostile_store(tmp_path, corpus)
    with Store.open(db, read_only=True) as store:
        report = build_sitrep(store, dt.date(2023, 6, 1), dt.date(2023, 6, 3))
    md = render_markdown(report)
    html = MarkdownIt("commonmark").render(md)   # what a Markdown viewer would show
    assert "<img" not in html and "onerror" in html  # the payload is text, not a tag
    assert html.count("<code>") == len(report.cites) and "\u202e" not in md
    for cite in report.cites:
        code = html.split("<code>")[cite.n].split("</code>")[0]
        assert code.strip() == cite.article_id.replace("<", "&lt;").replace(">", "&gt;")
    page = render_html(report)
    assert "<img" not in page and "\u202e" not in page and "[U+202E]" in page


def test_csv_cells_never_start_a_formula(tmp_path: Path, corpus) -> None:
    db = hostile_store(tmp_path, corpus)
    out = io.StringIO()
    with Store.open(db, read_only=True) as store:
        write_acled(store, Filters(limit=0), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values()
                        if v and not v.lstrip("-").replace(".", "").isdigit())
    assert any(r["source"].startswith("'=HYPERLINK") or "=HYPERLINK" in r["source"] for r in rows)
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    events = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["source"] for r in events if "HYPERLINK" in r["source"]} == {"'" + SOURCE}  # CSV is data: kept, inert
    assert [cell(v) for v in ("-3.5", "@x", "\tx", "ok", -3.5)] == ["'-3.5", "'@x", "'\tx", "ok", -3.5]
    json.dumps(events)
