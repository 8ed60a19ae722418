"""The time stage: TIMEX3 expressions (extent, type, value, precision) normalised against the article date.

Three steps, each in its own module: `recognise` (a precompiled rule grammar finds candidate extents),
`normalise` (each candidate becomes a type and a value, relative ones resolved against `article.date` and the
tense of the clause from the spaCy parse), then here: overlaps are settled (longest wins) and values that
depend on an earlier mention ("a year earlier", "the next day") are resolved in reading order.
See docs/times.md for the conventions.
"""

from __future__ import annotations

import bisect
import re

import datetime as dt
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from ...model import TimeExpr
from .. import Found, Stage
from . import calendar as cal
from .context import Tokens
from .dateline import reference_date
from .lexicon import lexicon
from .normalise import INTERPRETERS, Anchored, Context, Reading
from .offsets import points_to
from .recognise import candidates, rules

__all__ = ["find", "stage", "readings"]



@lru_cache(maxsize=1)
def _rank() -> dict[str, int]:
    """Rule order breaks ties between equally long matches (a specific rule before a general one)."""
    return {r.name: i for i, r in enumerate(rules())}


def readings(text: str, dct: dt.date | None, doc: Doc) -> list[Reading]:
    """All non-overlapping readings in text order, values resolved (no Anchored left)."""
    dct = reference_date(text, dct)
    ctx = Context(text, dct, Tokens(doc))
    found: list[tuple[int, int, int, Reading]] = []
    rank = _rank()
    for name, m in candidates(text):
        r = INTERPRETERS[name](m, ctx)
        if r is not None and r.end > r.start and not _names_an_event(text, r):
            found.append((-(r.end - r.start), rank[name], r.start, r))
    found.sort(key=lambda x: (x[0], x[1], x[2]))
    taken: list[Reading] = []   # non-overlapping, kept sorted by start (so also by end)
    starts: list[int] = []
    for _, _, _, r in found:
        i = bisect.bisect_left(starts, r.start)
        if (i == 0 or taken[i - 1].end <= r.start) and (i == len(taken) or r.end <= taken[i].start):
            taken.insert(i, r)
            starts.insert(i, r.start)
    return _resolve(taken, dct)


_DET = re.compile(r"(?:the|a|an)\s+", re.I)


@lru_cache(maxsize=1)
def _event_name() -> re.Pattern[str]:
    heads = "|".join(sorted(lexicon().event_name_heads, key=len, reverse=True))
    return re.compile(rf"['’]?s?\s+(?:[A-Z][\w'’-]*\s+){{0,2}}(?:{heads})\b")


def _names_an_event(text: str, r: Reading) -> bool:
    """'the Six-Day War', 'the Spring Offensive', 'the October Revolution': capitalised time words that open the
    name of a war or an event are part of that name, not a time ('the 1918 offensive' keeps its year)."""
    det = _DET.match(text, r.start, r.end)
    first = det.end() if det else r.start
    if not text[first:first + 1].isupper() or _event_name().match(text, r.end) is None:
        return False
    word = re.match(r"[A-Za-z]+", text[first:r.end])
    lex = lexicon()
    # months and weekdays are always written with a capital: without 'the' they are times ('On Monday War
    # Minister Smith resigned')
    det_before = re.search(r"\bthe\s+$", text[max(0, r.start - 5):r.start], re.I) is not None
    return det is not None or det_before or word is None or word[0].lower() not in lex.months \
        and word[0].lower() not in lex.weekdays


def _resolve(items: list[Reading], dct: dt.date | None) -> list[Reading]:
    """Settle Anchored values against the last mention of the right kind before them (else the DCT).

    Only mentions that name a time directly ('third-quarter', 'Oct. 5', 'this year') become anchors;
    expressions that were themselves computed from one ('a year earlier', 'last year') do not, so a run of
    comparisons does not drift backwards."""
    anchors: dict[str, tuple[dt.date, str]] = {}
    out: list[Reading] = []
    for r in items:
        value = r.value
        if isinstance(value, Anchored):
            # 'the next day', 'the following day' move the story on: 'that night' after them is that day's
            moves_on = value.unit == "D" and value.n > 0 and value.weekday is None and value.prefer == "day"
            value = _anchored(value, anchors, dct)
            r = Reading(r.type, value, r.start, r.end, moves_on)
        if not r.anchor and r.type in ("DATE", "TIME") and isinstance(value, str) and (
                mention := cal.parse_value(value)) is not None:
            anchors["mention"] = mention  # any time just named, computed or not: what 'the year before' follows
        if r.anchor and r.type in ("DATE", "TIME") and isinstance(value, str):
            parsed = cal.parse_value(value)
            if parsed is not None:
                anchors["mention"] = parsed
            if parsed is not None:
                kind = "day" if parsed[1] in ("D", "W") else "coarse"
                anchors[kind] = parsed
                anchors["latest"] = parsed
                if parsed[1] == "D":
                    anchors["date"] = parsed  # a single day: what a bare clock time belongs to
                if parsed[1] in ("D", "M"):
                    anchors["month"] = parsed  # what 'on the 14th' is a day of
                if parsed[1] == "Q":
                    anchors["quarter"] = parsed
                    if dct is None or cal.shift(parsed[0], "Q", 1) <= dct + dt.timedelta(days=7):
                        anchors["reported"] = parsed  # a quarter already over: what results compare
        out.append(r)
    return out


def _anchored(a: Anchored, anchors: dict[str, tuple[dt.date, str]], dct: dt.date | None) -> str | None:
    base = anchors.get(a.prefer)
    if a.prefer == "reported":
        base = base or anchors.get("quarter")
    if a.prefer == "coarse":
        # 'the following year' after 'On May 22, 1995, ...': a day named since the last month or year counts
        base = anchors.get("latest", base)
    if a.prefer in ("quarter", "reported"):
        if a.year is not None:
            return f"{a.year}-Q{cal.quarter_of(base[0])}" if base else str(a.year)
        if base is None:
            # 'the quarter' with none named yet: in a results story, the quarter just ended
            return dct and cal.render(cal.shift(dct, "Q", -1), "Q")
    if a.prefer == "coarse" and a.unit == "Y" and a.grain is None and "quarter" in anchors:
        # 'up from $5 million a year earlier': the quarter being reported (not a forecast named since)
        base = anchors.get("reported", anchors["quarter"])
    if base is None and a.prefer == "coarse":
        base = anchors.get("day")
    if base is None:
        if dct is None:
            return None
        base = (dct, a.grain or a.unit)
    d, grain = base
    if a.day is not None:
        try:
            return dt.date(d.year, d.month, a.day).isoformat()
        except ValueError:
            return None
    if a.weekday is not None:
        return cal.weekday_near(d, a.weekday, 2 if a.n > 0 else -2).isoformat()
    grain = a.grain or grain
    if grain == "S":
        grain = "Q"
    try:
        return cal.render(cal.shift(d, a.unit if a.unit not in ("WE", "H2") else "W", a.n), grain) + a.suffix
    except (ValueError, OverflowError):
        return None


def find(doc: Doc, found: Found) -> dict[str, Any]:
    items = readings(found.text, found.article.date, doc)
    offsets = points_to(items, doc)
    times = [
        TimeExpr(id=f"t{i}", text=found.text[r.start:r.end], start=r.start, end=r.end, type=r.type,
                 value=r.value if isinstance(r.value, str) else None,
                 precision=cal.precision(r.type, r.value if isinstance(r.value, str) else None),
                 points_to=offsets.get(i - 1))
        for i, r in enumerate(items, start=1)
    ]
    return {"times": times}


stage = Stage(name="time", fn=find, requires=(), assigns=("times",))
