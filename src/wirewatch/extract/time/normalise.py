"""From a rule match to a TIMEX3 reading: which interpreter handles which rule of the grammar.

Interpreters live in `points` (dates, weekdays, clock times) and `periods` (units, durations, sets, refs).
Values relative to the article date (DCT) are resolved there; values relative to an earlier mention
("a year earlier", "the next day", "the quarter") come back as `Anchored` and are settled in reading order
by the stage. With no article date, values that need one are None (never a guess); absolute ones
("in 2014", "March 5, 1998") keep theirs.
"""

from __future__ import annotations

import re
from typing import Callable

from . import periods, points
from .reading import Anchored, Context, Reading

__all__ = ["INTERPRETERS", "Anchored", "Context", "Reading"]

INTERPRETERS: dict[str, Callable[[re.Match, Context], Reading | None]] = {
    "iso": points.r_iso, "slash": points.r_slash, "mdy": points.r_monthday, "dayand": points.r_second_day, "dayfirst": points.r_first_day, "dmy": points.r_monthday,
    "my": points.r_monthyear, "month": points.r_month, "year": points.r_year, "oldyear": points.r_oldyear, "era": points.r_era, "yearfrom": points.r_year_range, "yearto": points.r_year_range, "decade": points.r_decade,
    "weekday": points.r_weekday, "dayword": points.r_dayword, "pod": points.r_pod, "overnight": points.r_overnight,
    "clock": points.r_clock, "season": points.r_season, "holiday": points.r_holiday, "spoken": points.r_spoken,
    "century": points.r_century, "dom": points.r_dom, "yearq": points.r_yearq,
    "deictic": periods.r_deictic, "quarter": periods.r_quarter, "unitadj": periods.r_unitadj, "ago": periods.r_ago, "periodago": periods.r_periodago,
    "duration": periods.r_duration, "bareunits": periods.r_bareunits, "vagueunits": periods.r_vagueunits,
    "ref": periods.r_ref, "set": periods.r_set, "ordinal": periods.r_ordinal,
}
