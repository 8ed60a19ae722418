"""An event's date: one named after an offset ("a day after Russia promised ...", "two days after an attack killed ..."): its
date is counted from the clause the offset hangs from. Sentences written for these tests (article dated
Wednesday 30 March 2022)."""

from __future__ import annotations


def _dated(doc, word):
    return [(e.date, e.date_precision) for e in doc.events if word in doc.text[e.trigger.start:e.trigger.end]]


def test_a_day_after_counts_back_from_a_reporting_verbs_day(extract_text):
    doc = extract_text("Some border units had been withdrawn, the defence ministry said a day after the rebels "
                       "promised to scale down operations around the capital.")
    assert ("2022-03-29", "day") in _dated(doc, "promised")


def test_an_offset_counts_from_the_sentences_own_day(extract_text):
    doc = extract_text("Rebels shelled the town on Monday, two days after the government arrested their leader.")
    assert ("2022-03-28", "day") in _dated(doc, "shelled")
    assert ("2022-03-26", "day") in _dated(doc, "arrested")
    doc = extract_text("Protesters marched in the capital on Sunday, a day after police killed a student.")
    assert ("2022-03-26", "day") in _dated(doc, "killed")
    doc = extract_text("Rebels shelled the town on Monday, two days after the arrest of their leader.")
    assert ("2022-03-26", "day") in _dated(doc, "arrest")


def test_before_counts_forward(extract_text):
    doc = extract_text("Rebels attacked the border post on Monday, a week before the two sides meet for talks.")
    assert ("2022-04-04", "day") in _dated(doc, "meet")


def test_an_offset_with_no_known_day_to_count_from_dates_nothing(extract_text):
    # the arrest has no day of its own and is no saying: the riots' day stays unknown (report date, no precision)
    doc = extract_text("Police arrested twelve men a week after the riots in the port.")
    assert all(p is None for _, p in _dated(doc, "riots"))
    assert all(p is None for _, p in _dated(doc, "arrested"))


def test_a_plain_after_clause_keeps_the_sentences_date(extract_text):
    # no offset: "after" alone says nothing of how long before
    doc = extract_text("Troops stormed the village on Monday after gunmen ambushed a patrol.")
    assert ("2022-03-28", "day") in _dated(doc, "stormed")


def test_a_recent_day_wins_over_an_earlier_happenings_year(extract_text):
    # the 2004 quake is told beside this one and folded into it; the happening is Tuesday's
    doc = extract_text("Strong quake injures dozens on Simeulue island\n\nThe island, devastated by the great quake "
                       "of 2004, was hit again. The quake struck at dawn on Tuesday, officials said.")
    dates = [e.date for e in doc.events if e.type == "DISASTER"]
    assert "2022-03-29" in dates and "2004" not in dates


def test_an_old_date_alone_still_dates_its_happening(extract_text):
    doc = extract_text("The town was shelled in 2015 by the same army.")
    assert ("2015", "year") in _dated(doc, "shelled")
