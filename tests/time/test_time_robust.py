"""Whatever the text, the time stage returns exact, ordered, non-overlapping spans and never raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.extract import Found
from wirewatch.extract.time import stage
from wirewatch.model import Article

PIECES = ["Tuesday", "May", "may", "March 5", "2014", "the past", "eight", "years", "a year earlier", "last week",
          "34 days", "15-year", "month-long", "at 10 p.m.", "quarter", "the third", "now", "ago", "İ", "ß", "\u2028",
          "—", "'s", ",", ".", " ", "\n", "1/2", "noon", "Sept.", "31", "February 30", "every", "nineteen ninety"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=25),
       date=st.sampled_from([None, dt.date(2022, 3, 30), dt.date(2024, 2, 29), dt.date(1999, 12, 31)]))
def test_spans_are_exact_and_disjoint(nlp, parts: list[str], date: dt.date | None) -> None:
    text = " ".join(parts)
    found = stage(nlp(text), Found(article=Article(id="h", date=date), text=text))["times"]
    last_end = 0
    for t in found:
        assert text[t.start:t.end] == t.text and t.start >= last_end and t.end > t.start
        last_end = t.end
        if date is None and t.text in ("Tuesday", "last week", "now"):
            assert t.value in (None, "PRESENT_REF")
