"""HTML pages: main text, title and date with trafilatura (which uses htmldate for the date)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import lxml.html
import trafilatura
from lxml.etree import ParserError

from ..errors import IngestError
from ..model import Document
from .dates import DateHints, NotADate, parse_written_date
from .text import parse_text


_MIN_WORDS = 5  # fewer words than this after boilerplate removal is navigation, not an article
_DROP = ("script", "style", "noscript", "iframe", "svg")


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment (a feed entry): one paragraph per block, scripts dropped.

    Feed entries are short, so trafilatura's boilerplate heuristics (tuned for whole pages) would drop them.
    """
    if "<" not in html:
        return html.strip()
    try:
        parts = lxml.html.fragments_fromstring(html)
    except (ParserError, ValueError):
        return ""
    paragraphs: list[str] = []
    for part in parts:
        if isinstance(part, str):
            paragraphs.append(part)
            continue
        if part.tag in _DROP:
            continue
        for bad in part.iter(*_DROP):
            bad.drop_tree()
        paragraphs.append(part.text_content())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


class _TextCollector(HTMLParser):
    """Streaming text collector: no tree, so no depth limit (lxml gives up on very deep nesting)."""

    _SKIP = {"script", "style", "noscript", "head", "nav", "footer", "header", "aside", "form", "svg", "iframe"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "article", "section", "blockquote", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _fallback_text(html: str) -> str:
    """Visible text of a page trafilatura could not read, one paragraph per block."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def parse_html(html: str, record: str, *, article_id: str, url: str | None = None,
               hints: DateHints = DateHints()) -> Document:
    """An Article from an HTML page, or IngestError when the page has no main text."""
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False)
    except (ValueError, RecursionError) as exc:  # lxml refuses some pathological trees
        raise IngestError(record, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    meta = result.as_dict() if result is not None else {}
    text = (meta.get("text") or "").strip() or _fallback_text(html)
    if len(text.split()) < _MIN_WORDS:
        raise IngestError(record, "HTML page has no main text (only markup, scripts or navigation)")
    date, year, note = _meta_date(meta.get("date"))
    return parse_text(text, record, article_id=article_id, date=date, year=year, date_note=note, hints=hints,
                      url=url or meta.get("url"), title=meta.get("title"), source=meta.get("sitename"))


def _meta_date(raw: object) -> tuple[dt.date | None, int | None, str | None]:
    """The page's metadata date (htmldate via trafilatura): a full date, or only its year, or a note."""
    if not raw:
        return None, None, None
    try:
        return parse_written_date(str(raw))
    except NotADate as exc:
        return None, None, f"page metadata date {exc}; ignored"
