"""A month that dates a noun the text calls planned ('the slated trip ... in September') is a plan's date: the
nearest such month either side of the telling, even in a past-tense sentence. Every text is written for these
tests."""

from __future__ import annotations


def _values(times, text: str, date: str) -> dict[str, str | None]:
    return {t.text: t.value for t in times(text, date)}


def test_a_planned_nouns_month_is_the_coming_one(times) -> None:
    got = _values(times, "The mayor said they had talked about the slated visit of the trade envoy in October.",
                  "2022-08-26")
    assert got["October"] == "2022-10"
    got = _values(times, "The minister cancelled the scheduled trip in September.", "2022-08-26")
    assert got["September"] == "2022-09"


def test_a_done_deeds_month_stays_in_the_past(times) -> None:
    got = _values(times, "Rebels seized the town in September.", "2022-08-26")
    assert got["September"] == "2021-09"
