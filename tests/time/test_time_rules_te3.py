"""Rules added for TimeML conventions seen in 1990s newswire (issue 17, dates half), each on sentences written
for these tests against an article dated Wednesday 2022-03-30."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.extract import Found
from wirewatch.extract.time import stage
from wirewatch.model import Article, TimeExpr

DCT = "2022-03-30"  # a Wednesday


@pytest.fixture(scope="module")
def times(nlp):
    def _times(text: str, date: str = DCT) -> list[TimeExpr]:
        article = Article(id="t", date=dt.date.fromisoformat(date))
        out = stage(nlp(text), Found(article=article, text=text))["times"]
        for t in out:
            assert text[t.start:t.end] == t.text
        return out

    return _times


def one(found: list[TimeExpr], text: str) -> TimeExpr:
    hits = [t for t in found if t.text == text]
    assert hits, f"{text!r} not among {[(t.text, t.value) for t in found]}"
    return hits[0]


CASES = [
    # sentence, extent, type, value
    # years that modify a name or follow 'of'
    ("Parliament repealed the Transport Act of 1998 last month.", "1998", "DATE", "1998"),
    ("Hiring slowed after the first nine months of 2019.", "2019", "DATE", "2019"),
    ("Critics recalled her 2019 Senate campaign.", "2019", "DATE", "2019"),
    ("Athletes trained for the 2024 Olympics in the hills.", "2024", "DATE", "2024"),
    # halves and pairs of quarters of a named year or decade
    ("Profits will fall in the last half of 2021, the firm said.", "the last half of 2021", "DATE", "2021-H2"),
    ("Demand should recover in the first two quarters of 2023.", "the first two quarters of 2023", "DATE",
     "2023-H1"),
    ("Sales were flat through the last half of the '90s.", "the last half of the '90s", "DATE", "199"),
    ("Sales were flat through the latter half of the 1970s.", "the latter half of the 1970s", "DATE", "197"),
    ("The merger could close in next year's first quarter.", "next year's first quarter", "DATE", "2023-Q1"),
    ("The merger closed in last year's second quarter.", "last year's second quarter", "DATE", "2021-Q2"),
]


@pytest.mark.parametrize("sentence,extent,type_,value", CASES)
def test_rule(times, sentence, extent, type_, value):
    t = one(times(sentence), extent)
    assert (t.type, t.value) == (type_, value)


def test_last_quarter_alone_is_not_a_fourth_quarter(times):
    # 'the last half of 2021' is H2, but 'the last quarter' alone keeps the deictic reading (a stretch)
    assert one(times("Exports fell in the last quarter."), "the last quarter").value == "P3M"


def test_year_ago_compares_the_reported_quarter_not_a_forecast(times):
    found = times("Net income rose in the fourth quarter. The firm expects a loss in the third quarter of 2023. "
                  "In the year-ago period, it earned $5 million.")
    assert one(found, "the fourth quarter").value == "2021-Q4"
    assert one(found, "the year-ago period").value == "2020-Q4"


@pytest.mark.parametrize("sentence,extent,value", [
    ("Net income rose in the third quarter. For the quarter a year ago, the firm lost $2 million.",
     "the quarter a year ago", "2020-Q3"),
    ("Net income rose in the third quarter, against a loss in the corresponding period last year.",
     "the corresponding period last year", "2020-Q3"),
    ("Net income rose in the third quarter. Sales for last year's quarter were lower.", "last year's quarter",
     "2020-Q3"),
])
def test_a_period_a_year_back_is_one_expression(times, sentence, extent, value):
    assert one(times(sentence), extent).value == value


def test_the_full_year_is_the_year_reported(times):
    t = one(times("The chain expects higher sales for the full year."), "the full year")
    assert (t.type, t.value) == ("DATE", "2022")


def test_scheduled_present_weekday_lies_ahead(times):
    # news writes a fixed appointment in the simple present
    assert one(times("The two envoys meet separately Monday with the mediator."), "Monday").value == "2022-04-04"
    # a past form spelled like the present stays past; a reporting verb does not schedule anything
    assert one(times("Weak exports hurt the index on Monday, traders said."), "Monday").value == "2022-03-28"


def test_dateline_day_is_the_reference_for_relative_dates(times):
    text = "\nKYIV, March 28 (Wire) --\nThe council met on Monday and will vote on Friday.\n"
    found = times(text)  # article dated Wednesday 30 March, the story filed on Monday 28 March
    assert one(found, "Monday").value == "2022-03-28"
    assert one(found, "Friday").value == "2022-04-01"
    # a dateline far from the article date is not this story's filing day: the article date holds
    far = times("\nKYIV, March 2 (Wire) --\nThe council met on Monday.\n")
    assert one(far, "Monday").value == "2022-03-28"
