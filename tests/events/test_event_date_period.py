"""An event's date, when its clause dates only the start of a period ("since March"): sentences written for
these tests (article dated Wednesday 30 March 2022)."""

from __future__ import annotations


def _dated(doc, word):
    return [(e.date, e.date_precision) for e in doc.events if word in doc.text[e.trigger.start:e.trigger.end]]


def test_since_a_date_is_a_periods_start_not_the_events_date(extract_text):
    doc = extract_text("Border guards detained a smuggler on Monday. The guards have arrested more than 90 "
                       "smugglers since 3 January.")
    assert ("2022-01-03", "day") not in _dated(doc, "arrested")
    assert ("2022-03-28", "day") in _dated(doc, "detained")


def test_since_a_date_carries_no_earlier_date_over(extract_text):
    doc = extract_text("Troops shelled the village on Monday. Troops have shelled the valley 30 times since "
                       "12 February.")
    dates = [d for d, _ in _dated(doc, "shelled")]
    assert "2022-02-12" not in dates and "2022-03-30" in dates


def test_a_date_of_its_own_beside_since_still_dates_the_event(extract_text):
    doc = extract_text("Rebels, who have held the pass since 2019, attacked the town on Tuesday.")
    assert ("2022-03-29", "day") in _dated(doc, "attacked")
