"""Datelines: the place, agency and date that open a wire story.

Shapes handled (all at the very start of the body, after an optional title and reference line):
  `date 2022-03-30 Lviv/Kyiv outskirts — body`        (an explicit date marker)
  `KYIV, March 30 (Reuters) - body`                   (city, date without year, agency)
  `MOSCOW (AP) — body`                                (city and agency, no date)
  `KABUL, Afghanistan (Jan. 25, 2013)`                (city, country, full date in brackets)
A date without a year takes the year of the reference date (the feed's date) or of a reference line
above the dateline (`2010-09-CA-125`); with neither, the date stays unknown rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

_DASH = r"(?:—|–|-{1,2}|_)"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_WORDS = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
_PLACE = r"[A-Z][A-Za-z.'’\-]+(?:[ /][A-Za-z.'’\-]+){0,4}"

_MARKER = re.compile(rf"\s*date\s+(?P<date>\d{{4}}-\d{{2}}-\d{{2}})\s+(?P<place>[^\n—–]{{0,80}}?)\s*{_DASH}\s")
_WIRE = re.compile(
    rf"\s*(?P<place>{_PLACE}(?:,\s*{_PLACE})?)\s*,?\s*"
    rf"(?:(?P<date>{_DATE_WORDS})\s*)?"
    rf"(?:\((?P<paren>[^()\n]{{1,40}})\))?\s*{_DASH}?"
)
_REF_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    text: str
    place: str | None
    date: dt.date | None
    source: str | None


def _parse_date(raw: str, reference: dt.date | None, year_hint: int | None) -> dt.date | None:
    has_year = re.search(r"\d{4}", raw) is not None
    if not has_year and reference is None and year_hint is None:
        return None
    base = reference or dt.date(year_hint or 2000, 12, 31)
    settings = {"PREFER_DATES_FROM": "past" if reference else "current_period", "RETURN_AS_TIMEZONE_AWARE": False,
                "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day)}
    parsed = dateparser.parse(raw.replace(".", " "), languages=["en"], settings=settings)
    if parsed is None:
        return None
    if not has_year and year_hint is not None and reference is None:
        parsed = parsed.replace(year=year_hint)
    return parsed.date()


def find_dateline(text: str, reference: dt.date | None = None, *, search_chars: int = 400) -> Dateline | None:
    """The dateline near the start of `text`, or None. `reference` is a known publication date, if any."""
    head = text[:search_chars]
    if m := _MARKER.match(head):
        date = dt.date.fromisoformat(m["date"]) if _valid_iso(m["date"]) else None
        return Dateline(m.start(), m.end(), text[m.start():m.end()].strip(), m["place"].strip() or None, date, None)
    # Try each of the first few lines: a title or a reference number may come first.
    offset = 0
    for line in head.split("\n")[:6]:
        stripped = line.strip()
        if stripped:
            m = _WIRE.match(line)
            if m and (m["date"] or m["paren"]) and _is_upper_place(m["place"], m["paren"]):
                paren = m["paren"] or ""
                source, date_raw = None, m["date"]
                if paren and re.search(r"\d", paren):
                    date_raw = date_raw or paren
                elif paren:
                    source = paren.strip()
                year_hint = None
                if m := _WIRE.match(line):
                    above = _REF_YEAR.search(text[:offset])
                    year_hint = int(above[1]) if above else None
                date = _parse_date(date_raw, reference, year_hint) if date_raw else None
                start = offset + (len(line) - len(line.lstrip()))
                end = offset + m.end()
                while end > start and text[end - 1].isspace():
                    end -= 1
                return Dateline(start, end, text[start:end], m["place"].strip(), date, source)
        offset += len(line) + 1
    return None


def _valid_iso(raw: str) -> bool:
    try:
        dt.date.fromisoformat(raw)
    except ValueError:
        return False
    return True


def _is_upper_place(place: str, paren: str | None) -> bool:
    """Wire datelines put the city in capitals; a bracketed agency or date makes mixed case acceptable."""
    first = place.split(",")[0].strip()
    return first.isupper() or bool(paren)
