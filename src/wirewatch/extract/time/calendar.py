"""Calendar arithmetic on TIMEX3 values: shift a date by units, render weeks, quarters, seasons.

Pure functions on `datetime.date` and value strings, so the rules in `normalise` stay declarative.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

SEASON_ORDER = ("WI", "SP", "SU", "FA")
_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|Q(?P<q>\d)|H(?P<h>\d)|W(?P<w>\d\d)(?P<we>-WE)?|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T.*)?$"
)


def day(d: dt.date) -> str:
    return d.isoformat()


def month(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def quarter(d: dt.date) -> str:
    return f"{d.year:04d}-Q{quarter_of(d)}"


def season_of(d: dt.date) -> tuple[int, str]:
    """The meteorological season of a date, with the year it is filed under (December counts as next WI)."""
    m = d.month
    if m == 12:
        return d.year + 1, "WI"
    return d.year, ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[m - 1]


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, mon = d.year + y, m + 1
    return dt.date(year, mon, min(d.day, _cal.monthrange(year, mon)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """d moved by n units (D, W, M, Q, Y, E decade, C century)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_years(d, n)
    if unit == "E":
        return add_years(d, 10 * n)
    if unit == "C":
        return add_years(d, 100 * n)
    raise ValueError(unit)


def render(d: dt.date, unit: str) -> str:
    """The TIMEX3 value of the unit-sized period that contains d."""
    if unit == "D":
        return day(d)
    if unit == "W":
        return week(d)
    if unit == "WE":
        return week(d) + "-WE"
    if unit == "M":
        return month(d)
    if unit == "Q":
        return quarter(d)
    if unit == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "E":
        return f"{d.year // 10:03d}"
    if unit == "C":
        return f"{d.year // 100:02d}"
    raise ValueError(unit)


def weekday_near(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ISO `weekday` (1=Monday) nearest to ref: direction -1 on/before, +1 on/after,
    -2 strictly before, +2 strictly after."""
    diff = weekday - ref.isoweekday()
    if direction == -1:
        return ref + dt.timedelta(days=diff if diff <= 0 else diff - 7)
    if direction == 1:
        return ref + dt.timedelta(days=diff if diff >= 0 else diff + 7)
    if direction == -2:
        return ref + dt.timedelta(days=diff if diff < 0 else diff - 7)
    return ref + dt.timedelta(days=diff if diff > 0 else diff + 7)


def nth_weekday(year: int, month_: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO weekday of a month (n = -1 for the last)."""
    if n > 0:
        first = dt.date(year, month_, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month_, _cal.monthrange(year, month_)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def parse_value(value: str) -> tuple[dt.date, str] | None:
    """A calendar value back to (a date inside it, its unit), for anchoring: '1989-Q3' -> (1989-07-01, 'Q')."""
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m["y"])
    try:
        if m["d"]:
            return dt.date(y, int(m["m"]), int(m["d"])), "D"
        if m["m"]:
            return dt.date(y, int(m["m"]), 1), "M"
        if m["q"]:
            return dt.date(y, 3 * int(m["q"]) - 2, 1), "Q"
        if m["h"]:
            return dt.date(y, 1 if m["h"] == "1" else 7, 1), "H"
        if m["w"]:
            return dt.date.fromisocalendar(y, int(m["w"]), 1), "W"
        if m["s"]:
            return dt.date(y, {"WI": 1, "SP": 4, "SU": 7, "FA": 10}[m["s"]], 1), "S"
    except ValueError:
        return None
    return dt.date(y, 1, 1), "Y"


def precision(type_: str, value: str | None) -> str | None:
    """The contract's `precision` of a value: hour/day/week/month/year/decade (quarters, halves and
    seasons count as month, centuries as decade); durations take their smallest unit; refs have none."""
    if not value or value.endswith("_REF"):
        return None
    if type_ == "DURATION" or value.startswith("P"):
        body = value[1:]
        if "T" in body:
            return "hour"
        unit = body[-1:] if body[-2:] != "DE" else "E"
        return {"D": "day", "W": "week", "M": "month", "Y": "year", "E": "decade", "C": "decade",
                "L": "decade", "Q": "month"}.get(unit)
    if "T" in value:
        tail = value.split("T", 1)[1]
        return "hour" if tail[:1].isdigit() else "day"
    if re.fullmatch(r"BC\d{4}", value):
        return "year"  # a year before the common era ('264 BC')
    m = _VALUE.match(value)
    if m:
        if m["d"]:
            return "day"
        if m["w"]:
            return "week"
        if m["m"] or m["q"] or m["h"] or m["s"]:
            return "month"
        return "year"
    if re.fullmatch(r"\d{3}X?", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "decade"
    if "-W" in value:
        return "week"
    if value.count("-") == 2:
        return "day"
    if value.count("-") == 1:
        return "month"
    return "year" if value[:4].isdigit() or value.startswith("XXXX") else None
