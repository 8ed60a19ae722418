"""Datelines: the place, agency and date that open a wire story.

Shapes handled (all at the very start of the body, after an optional title and reference line):
  `date 2022-03-30 Lviv/Kyiv outskirts — body`        (an explicit date marker)
  `KYIV, March 30 (Reuters) - body`                   (city, date without year, agency)
  `MOSCOW (AP) — body`                                (city and agency, no date)
  `KABUL, Afghanistan (Jan. 25, 2013)`                (city, country, full date in brackets)
A date without a year takes the year of the reference date (the feed's date), of a reference line above
the dateline (`2010-09-CA-125`), or the year the caller knows (`year`, e.g. `--year`; `before`, e.g.
`--date`: the latest such day on or before it); with none, the date stays unknown rather than guessed and
`Dateline.partial` keeps the year-less date as written, so the caller can say why.
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
_PLACE = r"[A-Z][A-Za-z.'’\-]+(?:[ /][A-Za-z][A-Za-z.'’\-]*){0,4}"

_MARKER = re.compile(rf"\s*date\s+(?P<date>\d{{4}}-\d{{2}}-\d{{2}})\s+(?P<place>[^\n—–]{{0,80}}?)\s*{_DASH}\s")
_WIRE = re.compile(
    rf"\s*(?P<place>{_PLACE}(?:,\s*(?!{_MONTH}\s*\d){_PLACE})?)\s*,?\s*"
    rf"(?:(?P<date>{_DATE_WORDS})\s*)?"
    rf"(?:\((?P<paren>[^()\n]{{1,40}})\))?\s*(?P<dash>{_DASH}\s)?"
)
_LINE = re.compile(r"[^\n\r\u2028\u2029\x85]+")
_FULL_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b")
_REF_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    text: str
    place: str | None
    date: dt.date | None
    source: str | None
    partial: str | None = None  # a date written without a year that nothing could complete ('May 14')


_MONTH_NUMBER = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_PLAIN_DATE = re.compile(rf"(?P<month>{_MONTH}) +(?P<day>\d{{1,2}})(?:,? +(?P<year>\d{{4}}))?")


def _parse_date(raw: str, reference: dt.date | None, year_hint: int | None) -> dt.date | None:
    """The date `raw` names: a plain 'Jan. 25, 2013' (or 'June 14' with only a year hint) directly, anything
    else with dateparser."""
    plain = _plain_date(raw, reference, year_hint)
    return plain if plain is not None else _dateparser_date(raw, reference, year_hint)


def _plain_date(raw: str, reference: dt.date | None, year_hint: int | None) -> dt.date | None:
    """Month name, day and year (or the year hint, when there is no reference date to prefer the past of):
    what dateparser returns for such a date, without its cost (about 1.5 ms a call, the bulk of reading a
    wire article). None when it is not that plain, or not a real day: dateparser decides those."""
    m = _PLAIN_DATE.fullmatch(raw)
    if m is None:
        return None
    if m["year"]:
        year = int(m["year"])
    elif reference is None and year_hint is not None:
        year = year_hint
    else:
        return None
    try:
        return dt.date(year, _MONTH_NUMBER[m["month"][:3].lower()], int(m["day"]))
    except ValueError:
        return None


def _dateparser_date(raw: str, reference: dt.date | None, year_hint: int | None) -> dt.date | None:
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
        try:
            parsed = parsed.replace(year=year_hint)
        except ValueError:          # 'Feb. 29' with a year that has no such day: not a date, left partial
            return None
    return parsed.date()


def find_dateline(text: str, reference: dt.date | None = None, *, year: int | None = None,
                  before: dt.date | None = None, search_chars: int = 400) -> Dateline | None:
    """The dateline near the start of `text`, or None. `reference` is a known publication date, if any;
    `year` and `before` complete a date written without a year when the text itself does not."""
    head = text[:search_chars]
    if m := _MARKER.match(head):
        date = dt.date.fromisoformat(m["date"]) if _valid_iso(m["date"]) else None
        return _dateline(text, m.start(), m.end(), m["place"].strip() or None, date, None)
    # Try each of the first few lines: a title or a reference number may come first.
    for line_match in list(_LINE.finditer(head))[:12]:
        line, offset = line_match.group(), line_match.start()
        if not line.strip():
            continue
        m = _WIRE.match(line)
        if not (m and (m["date"] or m["paren"] or m["dash"]) and _is_place_like(m)):
            continue
        paren = m["paren"] or ""
        source, date_raw = None, m["date"]
        if paren and re.search(_MONTH, paren) and re.search(r"\d", paren):
            date_raw = date_raw or paren
        elif paren and paren[0].isupper() and not re.search(r"\d", paren):
            source = paren.strip()
        elif not (m["date"] or m["dash"]):
            continue  # a bracket that is neither a date nor an agency: not a dateline
        above = _REF_YEAR.search(text[:offset])
        year_hint = int(above[1]) if above else year
        ref = reference or (before if year_hint is None else None)
        date = _parse_date(date_raw, ref, year_hint) if date_raw else None
        if date is None and reference is None:
            date = _date_above(text[:offset])
        partial = date_raw if date is None and date_raw and not re.search(r"\d{4}", date_raw) else None
        return _dateline(text, offset, offset + m.end(), m["place"].strip(), date, source, partial)
    if reference is None and (date := _date_above(_headings(text))) is not None:
        return Dateline(0, 0, "", None, date, None)  # no dateline line, but the heading dates the story
    return None


def _dateline(text: str, start: int, end: int, place: str | None, date: dt.date | None,
              source: str | None, partial: str | None = None) -> Dateline:
    """A Dateline whose span is trimmed of surrounding white space (so text[start:end] is its text)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Dateline(start, end, text[start:end], place, date, source, partial)


def _date_above(head: str) -> dt.date | None:
    """A full written date in the title or reference lines above the dateline ('Update, Jan. 10, 2011')."""
    if m := _FULL_DATE.search(head):
        return _parse_date(m.group(), None, None)
    month_day = re.search(rf"\b{_MONTH}\s+\d{{1,2}}\b", head)
    year = _REF_YEAR.search(head)
    if month_day and year:  # 'Dec. 6: Operations ...' over a reference line '2009-12-CA-060'
        return _parse_date(month_day.group(), None, int(year[1]))
    return None


_OPENS_WITH_DATE = re.compile(rf"\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\b")
HEADING_CHARS = 100  # a title or reference line is short; a line of running text is a sentence


def _headings(text: str, chars: int = 300) -> str:
    """The first `chars` of `text` with running text blanked out (same length): the title and reference lines,
    and lines that open with their date ('Dec. 6: Operations ...'). A date inside a sentence ('The campaign
    began on 12 November 1914, when ...') is an event the story tells, not the day it was written. Lines are
    judged whole, not as cut at `chars`."""
    out = list(" " * min(chars, len(text)))
    for m in _LINE.finditer(text, 0, len(text)):
        if m.start() >= chars:
            break
        line = m.group()
        heading = len(line.strip()) <= HEADING_CHARS and not line.rstrip().endswith((".", "!", "?", '"', "”"))
        if heading or _OPENS_WITH_DATE.match(line):
            end = min(m.end(), chars)
            out[m.start():end] = line[:end - m.start()]
    return "".join(out)


def _valid_iso(raw: str) -> bool:
    try:
        dt.date.fromisoformat(raw)
    except ValueError:
        return False
    return True


def _is_place_like(m: re.Match[str]) -> bool:
    """Wire datelines put the city in capitals (`KYIV,`, `PAKTIKA PROVINCE, Afghanistan –`); a mixed-case
    place needs a bracketed agency or date followed by a dash (`Washington (Reuters) -`)."""
    first = m["place"].split(",")[0].strip()
    if first.isupper() and len(first) > 1:
        return bool(m["date"] or m["paren"] or m["dash"])
    return bool(m["paren"] and m["dash"] and m["paren"][0].isupper())
