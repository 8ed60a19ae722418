"""Do two casualty figures disagree beyond what their qualifiers allow?

Each figure becomes the interval of counts it admits: "12" is [12, 12], "at least 12" [12, inf),
"more than 12" [13, inf), "up to 12" [0, 12], "about 12" [11, 13] (±10 %, at least ±1), "nearly 12"
[10, 12] (-10 %, at least 1), "10 to 15" [10, 15]; vague figures ("dozens") admit anything. Two reports
contradict when their intervals for the same category (and compatible `who`) do not overlap.
"""

from __future__ import annotations

import math

from ..model import Figure

INF = math.inf


def interval(fig: Figure) -> tuple[float, float] | None:
    """The counts a figure admits, or None if it admits anything (vague, no number)."""
    if fig.low is not None or fig.high is not None:
        return (fig.low if fig.low is not None else 0), (fig.high if fig.high is not None else INF)
    v = fig.value
    if v is None or fig.qualifier == "vague":
        return None
    slack = max(1, math.ceil(v * 0.1))
    return {
        "exact": (v, v),
        "at_least": (v, INF),
        "more_than": (v + 1, INF),
        "at_most": (0, v),
        "about": (max(0, v - slack), v + slack),
        "nearly": (max(0, v - slack), v),
    }.get(fig.qualifier, (v, v))


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def who_compatible(a: str | None, b: str | None) -> bool:
    """Figures about different groups (civilians vs soldiers) are not compared."""
    if not a or not b:
        return True
    a, b = a.casefold(), b.casefold()
    return a in b or b in a


def headline(figures: list[Figure], category: str) -> Figure | None:
    """A report's figure for one category: the largest stated count (the toll the report leads with)."""
    found = [f for f in figures if f.category == category and interval(f) is not None]
    return max(found, key=lambda f: (f.value or f.high or f.low or 0), default=None)


def describe(fig: Figure) -> str:
    """A figure in words, built only from its fields and its text (no invented wording beyond the template)."""
    return f"“{fig.text}”"
