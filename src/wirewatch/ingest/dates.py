"""The article's date: read from what the input says, the dateline, or the run's options, never guessed.

Order (the first that gives a full date wins; `Article.date_source` says which):
  1. `input`    - the input's own date: JSONL `date`, a feed entry's published/updated date, HTML metadata;
  2. `dateline` - the dateline's date; one without a year takes it from the input's metadata (a feed's or
                  a record's partial date), a reference line above it (`2010-09-CA-125`), `--year`, or the
                  year of `--date` (the latest such day on or before it);
  3. `heading`  - a full date in the title or reference lines above the text;
  4. `option`   - `--date` (Settings.article_date), for inputs that give none.
With none of these the date stays null and `Article.date_note` says why, so the run summary can name it.

Written dates are read in the forms people use (`2022-05-14`, `14/05/2022`, `14.05.2022`, `May 14, 2022`,
`14 May 2022`, RFC 2822 feed dates). A numeric date whose day and month could swap is read day first and
the note says so. Only what is not a date at all is refused, with the value and the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from ..errors import WirewatchError
from ..settings import Settings
from .dateline import Dateline, find_dateline

__all__ = ["DateHints", "ArticleDate", "NotADate", "parse_written_date", "date_article", "hints_from"]

_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z ]*)?\s*$")
_NUMERIC = re.compile(r"\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})\s*$")
_YEAR_ONLY = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?\s*$")
_HAS_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)|'\d{2}\b")


@dataclass(frozen=True, slots=True)
class DateHints:
    """What the run knows about dates beyond the input: `--date` and `--year`."""

    date: dt.date | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """The decision for one article: its date (or None), where it came from, and a note for the user."""

    date: dt.date | None
    source: str | None
    note: str | None
    dateline: Dateline | None


def hints_from(settings: Settings) -> DateHints:
    """The run's --date/--year (Settings.article_date/article_year); a bad value names its setting."""
    date = None
    if settings.article_date:
        try:
            date, _, _ = parse_written_date(settings.article_date)
        except NotADate as exc:
            raise WirewatchError(f"--date (WIREWATCH_ARTICLE_DATE): {exc}") from None
        if date is None:
            raise WirewatchError(f"--date (WIREWATCH_ARTICLE_DATE): {settings.article_date!r} is not a full date")
    year = settings.article_year
    if year is not None and not 1 <= year <= 9999:
        raise WirewatchError(f"--year (WIREWATCH_ARTICLE_YEAR): {year} is not a year")
    return DateHints(date=date, year=year)


class NotADate(ValueError):
    """A value that does not name a calendar date; the message says what was given and why."""


def parse_written_date(raw: str) -> tuple[dt.date | None, int | None, str | None]:
    """(date, year, note) from a date as people write it.

    A full date gives `date`; a bare year or year-month (`2022`, `2022-05`) gives only `year`, used for a
    dateline without one. `note` flags an ambiguous reading. Raises NotADate for anything else.
    """
    text = raw.strip()
    if not text:
        return None, None, None
    if m := _ISO.match(text):
        return _checked(int(m[1]), int(m[2]), int(m[3]), raw), None, None
    if m := _NUMERIC.match(text):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        y += 2000 if y < 100 and y < 50 else 1900 if y < 100 else 0
        if a > 12 or b > 12:
            day, month = (a, b) if a > 12 else (b, a)
            return _checked(y, month, day, raw), None, None
        note = None if a == b else f"{raw!r} could be day/month or month/day; read day first ({a} {_MONTHS[b - 1]} {y})"
        return _checked(y, b, a, raw), None, note
    if m := _YEAR_ONLY.match(text):
        return None, int(m[1]), None
    if not _HAS_YEAR.search(text):
        raise NotADate(f"{raw!r} is not a date with a year (e.g. 2022-05-14, 14/05/2022, May 14, 2022)")
    parsed = dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True, "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        raise NotADate(f"{raw!r} is not a date (e.g. 2022-05-14, 14/05/2022, May 14, 2022)")
    return parsed.date(), None, None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _checked(y: int, mo: int, d: int, raw: str) -> dt.date:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise NotADate(f"{raw!r} is not a real calendar date") from None


def date_article(text: str, *, given: dt.date | None = None, given_year: int | None = None,
                 given_note: str | None = None, hints: DateHints = DateHints()) -> ArticleDate:
    """Decide an article's date from the input's own (`given`, or only `given_year`), its text and the hints."""
    if given is not None:
        return ArticleDate(given, "input", given_note, find_dateline(text, given))
    year = given_year or hints.year
    dl = find_dateline(text, None, year=year, before=hints.date)
    if dl is not None and dl.date is not None:
        return ArticleDate(dl.date, "heading" if not dl.text else "dateline", given_note, dl)
    if hints.date is not None:
        return ArticleDate(hints.date, "option", given_note, dl)
    return ArticleDate(None, None, _join(given_note, _why_undated(dl, year)), dl)


def _why_undated(dl: Dateline | None, year: int | None = None) -> str:
    if dl is None or not dl.text:
        return "no date in the input and no dateline in the text (give --date)"
    if dl.partial and year is not None:
        return f"the dateline {dl.text!r} names no day of {year} (give --date)"
    if dl.partial:
        return f"the dateline {dl.text!r} gives no year (give --year or --date)"
    return f"no date in the input and the dateline {dl.text!r} has none (give --date)"


def _join(*notes: str | None) -> str | None:
    kept = [n for n in notes if n]
    return "; ".join(kept) if kept else None
