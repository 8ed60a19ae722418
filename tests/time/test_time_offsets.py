"""An offset after a noun ('lifted a boy out of the ruins a day after the earthquake') is a stretch of time, not a
rate like 'four flights a week'. Every text is written for these tests."""

from __future__ import annotations


def _values(times, text: str, date: str = "2022-03-30") -> dict[str, str | None]:
    return {t.text: t.value for t in times(text, date)}


def test_an_offset_after_a_noun_is_a_duration(times) -> None:
    got = _values(times, "Rescuers lifted a boy out of the ruins a day after the earthquake.")
    assert got.get("a day") == "P1D"
    got = _values(times, "Police arrested twelve men a week after the riots.")
    assert got.get("a week") == "P1W"
    got = _values(times, "The club is slumping a year after winning the title.")
    assert got.get("a year") == "P1Y"


def test_a_rate_after_a_noun_stays_untagged(times) -> None:
    assert "a week" not in _values(times, "The airline flies four flights a week to the capital.")
    assert "a year" not in _values(times, "The plant makes 200 tonnes a year.")
