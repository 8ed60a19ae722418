"""Years that agree with the clause's tense, offsets from events, and narratives anchored to their own dates."""

from __future__ import annotations

import pytest

from wirewatch.extract.time import find
from wirewatch.extract import Found


@pytest.fixture(scope="module")
def times(nlp):
    """times(text, date) -> {time text: (value, points_to)} from the time stage alone."""
    import datetime as dt

    from wirewatch.model import Article

    def _times(text: str, date: str | None = "2022-11-25") -> dict[str, tuple[str | None, str | None]]:
        doc = nlp(text)
        doc.user_data["ww_text"] = text
        article = Article(id="t", date=dt.date.fromisoformat(date) if date else None)
        found = Found(article=article, text=text)
        return {t.text: (t.value, t.points_to) for t in find(doc, found)["times"]}

    return _times


# --- a year-less date takes the year its clause's tense allows --------------------------------------------------

def test_a_past_election_named_in_a_noun_phrase_stays_in_the_past(times) -> None:
    got = times("The mayor lost the 8 November run-off and conceded on Thursday.")
    assert got["the 8 November"][0] == "2022-11-08"


def test_a_plan_told_in_the_past_tense_is_the_nearest_such_day_not_next_year(times) -> None:
    got = times("Her operation was scheduled for Sept. 26 but the hospital postponed it.", "2022-12-19")
    assert got["Sept. 26"][0] == "2022-09-26"


def test_a_plan_told_in_the_present_tense_lies_ahead(times) -> None:
    got = times("Her operation is scheduled for Sept. 26.", "2022-12-19")
    assert got["Sept. 26"][0] == "2023-09-26"


def test_a_cancelled_plan_for_a_weekday_is_the_day_just_past(times) -> None:
    got = times("A vigil planned in the square for Saturday was called off after threats.", "2022-11-27")
    assert got["Saturday"][0] == "2022-11-26"


def test_present_perfect_progressive_reads_as_past(times) -> None:
    got = times("Police have been looking for the driver since the Oct. 23 crash.", "2022-05-06")
    assert got["Oct. 23"][0] == "2021-10-23"


def test_future_clause_takes_the_next_occurrence(times) -> None:
    got = times("The ministers will meet again on Feb. 3.", "2022-11-25")
    assert got["Feb. 3"][0] == "2023-02-03"


# --- offsets anchored to events or earlier dates ----------------------------------------------------------------

def test_a_day_after_an_event_takes_that_events_date(times) -> None:
    text = ("Moscow pledged on Monday to pull troops back from the capital. "
            "A day after Moscow pledged to pull back, missiles hit a depot near the city.")
    got = times(text, "2022-03-30")
    assert got["Monday"][0] == "2022-03-28"
    assert got["A day"] == ("P1D", "2022-03-29")


def test_a_day_after_an_undated_event_points_nowhere_rather_than_at_the_article_day(times) -> None:
    got = times("A day after Moscow pledged to pull back, missiles hit a depot near the city.", "2022-03-30")
    assert got["A day"] == ("P1D", None)


def test_two_days_later_counts_from_the_last_day_named(times) -> None:
    got = times("The talks opened on March 2. Two days later the port fell.", "2022-03-30")
    assert got["Two days"] == ("P2D", "2022-03-04")


def test_three_days_after_a_date_counts_from_it(times) -> None:
    got = times("The bridge was destroyed three days after March 10.", "2022-03-30")
    assert got["three days"] == ("P3D", "2022-03-13")


# --- narratives: partial dates anchor to the story's last full date, decided per paragraph ----------------------

def test_a_history_paragraph_keeps_its_own_year(times) -> None:
    text = ("On 1 September 1939 Germany invaded Poland. By early October the last Polish units had laid down "
            "their arms, and on 17 September the Red Army had crossed the eastern border.")
    got = times(text, "2022-03-30")
    assert got["early October"][0] == "1939-10"
    assert got["17 September"][0] == "1939-09-17"


def test_a_narrative_moves_forward_into_the_next_year(times) -> None:
    got = times("In December 1941 the fleet was attacked. In February the convoys sailed again.", "2022-03-30")
    assert got["February"][0] == "1942-02"


def test_the_news_rule_holds_in_a_paragraph_about_this_week(times) -> None:
    text = ("The museum recalls how the city fell in 1939.\n"
            "On Tuesday its director said visitors would return in May.")
    got = times(text, "2022-03-30")
    assert got["May"][0] == "2022-05"


def test_a_recent_year_does_not_switch_to_the_narrative_rule(times) -> None:
    got = times("Prices rose through 2021. In March they fell.", "2022-04-10")
    assert got["March"][0] == "2022-03"


def test_a_narrative_dates_partial_dates_even_without_an_article_date(times) -> None:
    got = times("On 1 September 1939 Germany invaded Poland. By early October the fighting was over.", None)
    assert got["early October"][0] == "1939-10"


def test_without_an_article_date_news_times_stay_null(times) -> None:
    got = times("Shelling hit the city on Tuesday and again on March 3.", None)
    assert got["Tuesday"][0] is None and got["March 3"][0] is None


def test_the_following_year_moves_the_narrative_on(times) -> None:
    text = ("On May 22, 1995, the colonel was promoted, and the following year he was posted abroad. "
            "In December he was recalled.")
    assert times(text, "2022-04-18")["December"][0] == "1996-12"
