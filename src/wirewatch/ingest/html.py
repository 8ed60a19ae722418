"""HTML pages: main text, title and date with trafilatura (which uses htmldate for the date)."""

from __future__ import annotations

import datetime as dt

import trafilatura

from ..errors import IngestError
from ..model import Document
from .text import parse_text


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment (feed entries), or '' when there is none."""
    if "<" not in html:
        return html.strip()
    return (trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or "").strip()


def parse_html(html: str, record: str, *, article_id: str, url: str | None = None) -> Document:
    """An Article from an HTML page, or IngestError when the page has no main text."""
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, max_tree_size=200_000)
    except (ValueError, RecursionError) as exc:  # lxml refuses some pathological trees
        raise IngestError(record, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    meta = result.as_dict() if result is not None else {}
    text = (meta.get("text") or "").strip()
    if not text:
        raise IngestError(record, "HTML page has no main text (only markup, scripts or navigation)")
    date: dt.date | None = None
    if raw := meta.get("date"):
        try:
            date = dt.date.fromisoformat(str(raw)[:10])
        except ValueError:
            date = None
    return parse_text(text, record, article_id=article_id, date=date, url=url or meta.get("url"),
                      title=meta.get("title"), source=meta.get("sitename"))
