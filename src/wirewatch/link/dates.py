"""When an event may have happened, as an interval of days, from its own date (with its precision) or its article's.

An event's own date names a day, a week, a month or a year: the interval is that day, week, month or year.
Without one, the event happened on or a few days before its article was published: [published - lag,
published]. Reports of one incident agree on the day when they name it; they are published on different
days, so two reports known only by their articles' dates are compatible when those intervals meet.
A cluster keeps the intersection of its members' intervals (`narrow`): a report joins only if its interval
meets it (with `slack` days of tolerance), so "a shooting on Monday" and "a shooting the next Monday" in one
city never merge, even through reports in between.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Span", "event_span", "meets", "narrow", "gap_days"]

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Span:
    """Inclusive interval of days; `own` when it comes from the event's own date, `precision` its grain."""

    lo: dt.date
    hi: dt.date
    own: bool
    precision: str

    def to_json(self) -> list:
        return [self.lo.isoformat(), self.hi.isoformat(), self.own, self.precision]

    @classmethod
    def from_json(cls, raw: list) -> Span:
        return cls(dt.date.fromisoformat(raw[0]), dt.date.fromisoformat(raw[1]), bool(raw[2]), raw[3])


def _own(value: str) -> tuple[dt.date, dt.date, str] | None:
    try:
        if m := DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6), "week"
        if m := MONTH.match(value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1), "month"
        if m := YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31), "year"
    except ValueError:
        return None
    return None


def event_span(own_date: str | None, published: dt.date | None, *, lag: int) -> Span | None:
    """The event's interval: from its own date if that parses, else [published - lag, published], else None."""
    if own_date:
        got = _own(own_date.strip())
        if got is not None:
            return Span(got[0], got[1], True, got[2])
    if published is not None:
        return Span(published - dt.timedelta(days=lag), published, False, "published")
    return None


def gap_days(a: Span, b: Span) -> int:
    """Days between two intervals (0 when they meet)."""
    if a.hi < b.lo:
        return (b.lo - a.hi).days
    if b.hi < a.lo:
        return (a.lo - b.hi).days
    return 0


def meets(a: Span, b: Span, *, slack: int) -> bool:
    return gap_days(a, b) <= slack


def narrow(a: Span | None, b: Span | None) -> Span | None:
    """The intersection (what both allow); when they only meet within the slack, the nearer ends."""
    if a is None:
        return b
    if b is None:
        return a
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    if lo > hi:
        lo, hi = min(lo, hi), max(lo, hi)
    own = a.own or b.own
    precision = a.precision if a.own and (not b.own or (a.hi - a.lo) <= (b.hi - b.lo)) else b.precision
    return Span(lo, hi, own, precision)
