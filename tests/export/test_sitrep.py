"""The situation report: grouped by area and kind, every line cited, disputes and unverified labelled."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.export import build_sitrep, render_markdown
from wirewatch.store import Store

runner = CliRunner()


def sitrep(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["sitrep", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_sitrep_groups_by_area_and_kind(db: Path) -> None:
    md = sitrep(db, "--since", "2023-06-01", "--until", "2023-06-03")
    assert md.startswith("# Situation report: 2023-06-01 to 2023-06-03")
    assert md.index("## Istanbul, TR") < md.index("## Mykolaiv Oblast, UA")
    strike = md[md.index("## Mykolaiv Oblast, UA"):]
    for section in ("### Strikes and fighting", "### Casualties", "### Who claims what"):
        assert section in strike
    assert "reported by 3 independent sources (AFP, AP, Reuters)" in strike
    assert "Reuters “nine people”; AP “At least seven people”; AFP “four civilians”" in md


def test_every_line_cites_and_every_citation_is_an_exact_span(db: Path, corpus) -> None:
    md = sitrep(db, "--since", "2023-06-01", "--until", "2023-06-03")
    body, sources = md.split("## Sources")
    for line in body.splitlines():
        if line.lstrip().startswith("- "):
            assert re.search(r"\[\d+\]$", line), line
    texts = {d.article.id: d.text for d in corpus}
    refs = re.findall(r"article `([^`]+)`, characters (\d+)–(\d+): “(.*)”", sources)
    assert refs
    for article_id, start, end, quote in refs:
        span = " ".join(texts[article_id][int(start):int(end)].split())
        assert span.startswith(quote.rstrip("…").replace("\\", ""))


def test_unverified_and_disputed_are_labelled(db: Path) -> None:
    md = sitrep(db, "--since", "2023-06-02", "--until", "2023-06-02")
    assert "the regional governor" in md and "**(unverified)**" in md
    assert "Disputed: the reports disagree on killed figures." in md
    assert "Disputed: the reports disagree on whether it happened." in md
    assert "**(denial)**" in md


def test_place_filter_and_empty_period(db: Path) -> None:
    md = sitrep(db, "--since", "2023-06-01", "--until", "2023-06-05", "--place", "Istanbul")
    assert "Istanbul" in md and "Voznesensk" not in md
    assert "No events are stored for this period." in sitrep(db, "--since", "2020-01-01", "--until", "2020-01-02")


def test_html_is_escaped_and_cited(db: Path) -> None:
    html = sitrep(db, "--since", "2023-06-01", "--until", "2023-06-03", "--format", "html")
    assert html.startswith("<!doctype html>") and 'href="#ref-1"' in html and 'id="ref-1"' in html
    assert "Russia&#x27;s defence ministry" in html


def test_sitrep_uses_no_text_beyond_templates_and_spans(db: Path, corpus) -> None:
    """Everything in quotes is an exact (whitespace-normalised) piece of some article."""
    with Store.open(db, read_only=True) as store:
        md = render_markdown(build_sitrep(store, dt.date(2023, 6, 1), dt.date(2023, 6, 3)))
    texts = [" ".join(d.text.split()) for d in corpus]
    for quote in re.findall(r"“([^”]*)”", md):
        quote = quote.rstrip("…").replace("\\", "")
        assert any(quote in t for t in texts), quote
