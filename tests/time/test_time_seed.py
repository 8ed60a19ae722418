"""The required behaviour on the shared seed article, through the whole pipeline."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed_times(extract_text, seed_text):
    return extract_text(seed_text, date="2022-03-30").times


EXPECTED = [
    ("Wednesday", "DATE", "2022-03-30"),
    ("Tuesday afternoon", "TIME", "2022-03-29TAF"),
    ("these 34 days", "DURATION", "P34D"),
    ("the past eight years", "DURATION", "P8Y"),
    ("15-year", "DURATION", "P15Y"),
    ("2014", "DATE", "2014"),
    ("month-long", "DURATION", "P1M"),
    ("its fifth week", "DATE", "2022-W13"),
]


@pytest.mark.parametrize(("text", "type_", "value"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_seed_time(seed_times, text: str, type_: str, value: str) -> None:
    assert (text, type_, value) in {(t.text, t.type, t.value) for t in seed_times}


def test_every_tuesday_in_the_seed_is_march_29(seed_times) -> None:
    tuesdays = [t for t in seed_times if t.text.startswith("Tuesday")]
    assert len(tuesdays) >= 5
    assert all(t.value.startswith("2022-03-29") for t in tuesdays)


def test_seed_has_no_false_times(seed_times) -> None:
    words = {t.text.lower() for t in seed_times}
    for bad in ("may", "we", "article 5", "world war 2", "5", "2", "heavy losses"):
        assert bad not in words
