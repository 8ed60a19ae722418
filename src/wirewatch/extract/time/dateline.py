"""The story's own reference date from its dateline ('WASHINGTON, March 12 (Xinhua) --').

A wire story is written on the day its dateline names; the date an archive or feed gives the article (the DCT
passed in) is often the next day, when the story was filed or published. Relative expressions ('on Friday',
'yesterday', 'this week') are the writer's, so they count from the dateline's day when it falls a few days
before the given date. The given date still supplies the year: a dateline names only a month and a day.
"""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import lexicon

MAX_LAG = dt.timedelta(days=3)  # an archive date later than this is not the same story's filing day
_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z .'’-]+(?:,\s+[A-Z][A-Za-z .'’-]+)?,\s+(?P<mon>[A-Z][a-z]+\.?)\s+(?P<d>[0-3]?\d)\b"
    r"(?:,?\s+(?P<y>\d{4}))?\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|_|-)")


def reference_date(text: str, dct: dt.date | None) -> dt.date | None:
    """The dateline's day when it lies up to MAX_LAG before `dct`, else `dct` itself."""
    if dct is None:
        return None
    m = _DATELINE.match(text[:200])
    if m is None:
        return dct
    month_ = lexicon().months.get(m["mon"].lower().rstrip("."))
    if month_ is None:
        return dct
    for year in ((int(m["y"]),) if m["y"] else (dct.year, dct.year - 1)):
        try:
            day_ = dt.date(year, month_, int(m["d"]))
        except ValueError:
            continue
        if dt.timedelta(0) <= dct - day_ <= MAX_LAG:
            return day_
    return dct
