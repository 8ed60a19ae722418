"""The time stage on sentences written for these tests: extents, types, values and precision against an
article dated Wednesday 2022-03-30 (or undated)."""

from __future__ import annotations

import pytest

from ww_times import one

CASES = [
    # sentence, extent, type, value
    ("The ministry gave its assessment on Wednesday.", "Wednesday", "DATE", "2022-03-30"),
    ("The president spoke late on Tuesday.", "Tuesday", "DATE", "2022-03-29"),
    ("The spokesman told reporters on Tuesday.", "Tuesday", "DATE", "2022-03-29"),
    ("Five leaders agreed in a call on Tuesday afternoon.", "Tuesday afternoon", "TIME", "2022-03-29TAF"),
    ("People have endured these 34 days of shelling.", "these 34 days", "DURATION", "P34D"),
    ("They lived through eight years of war.", "eight years", "DURATION", "P8Y"),
    ("Fighting over the past eight years displaced many.", "the past eight years", "DURATION", "P8Y"),
    ("The plan sets out a 15-year transition for the region.", "15-year", "DURATION", "P15Y"),
    ("The peninsula was seized in 2014.", "2014", "DATE", "2014"),
    ("Shelling of the port grew heavier last week.", "last week", "DATE", "2022-W12"),
    ("The army stalled in its month-long push.", "month-long", "DURATION", "P1M"),
    ("The siege, now in its fifth week, goes on.", "its fifth week", "DATE", "2022-W13"),
    ("Two bridges were blown up yesterday.", "yesterday", "DATE", "2022-03-29"),
    ("Both delegations will meet again on Friday.", "Friday", "DATE", "2022-04-01"),
    ("The convoy left the city on Friday.", "Friday", "DATE", "2022-03-25"),
    ("The ceasefire was signed on March 5, 1998, in a border town.", "March 5, 1998", "DATE", "1998-03-05"),
    ("The first refugees arrived on March 3.", "March 3", "DATE", "2022-03-03"),
    ("Grain exports collapsed in February.", "February", "DATE", "2022-02"),
    ("Elections are due in June 2023.", "June 2023", "DATE", "2023-06"),
    ("The agency cut its forecast last year.", "last year", "DATE", "2021"),
    ("A new round of talks is planned for next month.", "next month", "DATE", "2022-04"),
    ("Sirens sounded this morning across the capital.", "this morning", "TIME", "2022-03-30TMO"),
    ("The blast happened at 10:30 a.m. near the station.", "10:30 a.m.", "TIME", "2022-03-30T10:30"),
    ("The dam was built two years ago.", "two years ago", "DATE", "2020"),
    ("The region was stable in the 1990s.", "the 1990s", "DATE", "199"),
    ("Volunteers deliver bread every Tuesday.", "every Tuesday", "SET", "XXXX-WXX-2"),
    ("The governor briefs the press daily.", "daily", "SET", "P1D"),
    ("The town is now under curfew.", "now", "DATE", "PRESENT_REF"),
    ("The militia recently withdrew from the hills.", "recently", "DATE", "PAST_REF"),
    ("Nobody can say what will happen in the future.", "the future", "DATE", "FUTURE_REF"),
    ("The border stayed closed for nearly a decade.", "nearly a decade", "DURATION", "P10Y"),
    ("The hostages were held for three hours.", "three hours", "DURATION", "PT3H"),
    ("The mission lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("Drones struck the depot last weekend.", "last weekend", "DATE", "2022-W12-WE"),
    ("Fuel prices doubled in the first half of 2021.", "the first half of 2021", "DATE", "2021-H1"),
    ("Aid agencies fear a hungry summer; talks resume this summer.", "this summer", "DATE", "2022-SU"),
    ("Exports fell in the third quarter.", "the third quarter", "DATE", "2021-Q3"),
    ("The chairman was elected in the fall of 1999.", "the fall of 1999", "DATE", "1999-FA"),
]


@pytest.mark.parametrize(("sentence", "extent", "type_", "value"), CASES, ids=[c[1] for c in CASES])
def test_value(times, sentence: str, extent: str, type_: str, value: str) -> None:
    t = one(times(sentence), extent)
    assert (t.type, t.value) == (type_, value)


def test_a_year_earlier_follows_the_quarter_being_reported(times) -> None:
    found = times("Sales rose in the fourth quarter to $9 million from $7 million a year earlier.")
    assert one(found, "the fourth quarter").value == "2021-Q4"
    assert one(found, "a year earlier").value == "2020-Q4"


def test_the_next_day_counts_from_the_last_date_named(times) -> None:
    found = times("The envoy landed on March 3. The next day he met the mayor.")
    assert one(found, "The next day").value == "2022-03-04"


@pytest.mark.parametrize(("sentence", "extent", "precision"), [
    ("Shelling grew heavier last week.", "last week", "week"),
    ("The peninsula was seized in 2014.", "2014", "year"),
    ("People have endured 34 days of siege.", "34 days", "day"),
    ("The talks began on Tuesday.", "Tuesday", "day"),
    ("Grain exports collapsed in February.", "February", "month"),
    ("The region was stable in the 1990s.", "the 1990s", "decade"),
    ("The blast happened at 10:30 a.m. near the station.", "10:30 a.m.", "hour"),
])
def test_precision(times, sentence: str, extent: str, precision: str) -> None:
    assert one(times(sentence), extent).precision == precision


def test_no_article_date_means_no_guess_for_relative_times(times) -> None:
    found = times("The port fell on Tuesday, a week after the city was encircled in 2014 and last week.", date=None)
    assert one(found, "Tuesday").value is None
    assert one(found, "last week").value is None
    assert one(found, "2014").value == "2014"
    assert one(found, "a week").value == "P1W"


@pytest.mark.parametrize("sentence", [
    "Russia may consider joining the talks.",
    "We are eight people in one room.",
    "They want guarantees like Article 5 of the treaty.",
    "It is the largest attack since World War 2 in Europe.",
    "Heavy losses forced the units to return home.",
    "Thousands march on the capital to protest.",
    "The 6-year-old boy was rescued from the rubble.",
    "The deal saves the company $5 million a year.",
])
def test_not_times(times, sentence: str) -> None:
    assert times(sentence) == []


@pytest.mark.parametrize(("sentence", "extent"), [
    ("Police linked it to last month's shooting.", "last month"),
    ("Prices rose over the past eight years.", "the past eight years"),
    ("The offer expires at the end of the year.", "the end of the year"),
    ("Casualties have risen for nearly two weeks.", "nearly two weeks"),
])
def test_extents_follow_timeml(times, sentence: str, extent: str) -> None:
    assert [t.text for t in times(sentence)] == [extent]
