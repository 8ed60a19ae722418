"""Third round: rules found on the error lists of TBAQ and the ISAF releases, tested on sentences written here."""

from __future__ import annotations

import pytest


def _values(time_stage, text: str, date: str) -> dict[str, str | None]:
    return {t.text: t.value for t in time_stage(text, date)}


# --- a capital word at the start of a line opens a sentence ---------------------------------------------------

def test_a_capitalised_yesterday_after_a_dateline_and_a_line_break_is_a_date(time_stage) -> None:
    text = ("Press Office - Iraq 2016-05-114 For Immediate Release   TIKRIT, Iraq (May 4, 2016)\u2028Yesterday in "
            "Rashid district, Salahuddin province, police received fire from an unknown number of smugglers.")
    assert _values(time_stage, text, "2016-05-04")["Yesterday"] == "2016-05-03"


def test_a_capitalised_today_inside_a_line_is_still_a_programme_name(time_stage) -> None:
    text = "She told NBC's morning show Today that the talks had failed."
    assert "Today" not in _values(time_stage, text, "2016-05-04")


# --- the event takes the date of a clause coordinated with it --------------------------------------------------

@pytest.mark.parametrize("verb", ["killed", "arrested"])
def test_an_event_takes_the_date_of_an_adverbial_clause_after_coordinated_verbs(extract_text, verb) -> None:
    text = (f"Soldiers {verb} a smuggler, seized two trucks and burned a depot while searching a village in the "
            "hills yesterday afternoon.")
    doc = extract_text(text, date="2019-07-12")
    lead = next(e for e in doc.events if doc.text[e.trigger.start:e.trigger.end] == verb)
    assert lead.date == "2019-07-11"


# --- nights, parts of day with their day, and rates -----------------------------------------------------------

def test_a_night_that_is_over_is_dated_by_its_evening(time_stage) -> None:
    got = _values(time_stage, "Police detained four men during an overnight raid on a depot.", "2019-03-06")
    assert got["overnight"] == "2019-03-05TNI"
    assert _values(time_stage, "The ferry crossed the strait overnight.", "2019-03-06")["overnight"] == "2019-03-05TNI"


def test_a_night_still_ahead_is_tonight(time_stage) -> None:
    got = _values(time_stage, "Engineers will repair the bridge overnight.", "2019-03-06")
    assert got["overnight"] == "2019-03-06TNI"


def test_a_part_of_day_with_its_day_is_one_expression(time_stage) -> None:
    got = _values(time_stage, "In Frankfurt at mid-afternoon yesterday, the bank's shares were down 3%.",
                  "2019-03-06")
    assert got == {"mid-afternoon yesterday": "2019-03-05TAF"}


@pytest.mark.parametrize("text", ["The merger should save $40 million annually.",
                                  "The mill will turn out about 5,000 tonnes annually."])
def test_an_amount_annually_is_a_rate_not_a_time(time_stage, text) -> None:
    assert "annually" not in _values(time_stage, text, "2019-03-06")


def test_a_custom_kept_annually_is_a_set(time_stage) -> None:
    assert _values(time_stage, "The festival is held here annually.", "2019-03-06")["annually"] == "P1Y"


# --- recurring weekdays said in pairs; a start date told in the past ------------------------------------------

def test_a_weekday_paired_with_a_plural_one_recurs_too(time_stage) -> None:
    got = _values(time_stage, "The airline will fly to Lagos on Monday and Thursday nights from June.", "2019-03-06")
    assert got["Monday"] == "XXXX-WXX-1TNI"
    assert got["Thursday nights"] == "XXXX-WXX-4TNI"


def test_two_single_weekdays_stay_dates(time_stage) -> None:
    got = _values(time_stage, "The envoys met on Monday and Tuesday.", "2019-03-06")
    assert got == {"Monday": "2019-03-04", "Tuesday": "2019-03-05"}


def test_a_start_date_told_in_the_past_is_the_nearest_one(time_stage) -> None:
    got = _values(time_stage, "The ministry named a new spokesman, effective Feb. 1.", "2019-10-26")
    assert got["Feb. 1"] == "2020-02-01"
    got = _values(time_stage, "The truce took effect on Feb. 1 and broke down in March.", "2019-10-26")
    assert got["Feb. 1"] == "2019-02-01"


# --- 'then current', 'a week or so ago' -------------------------------------------------------------------------

def test_the_then_current_price_is_a_past_one(time_stage) -> None:
    got = _values(time_stage, "Holders could buy stock at the then current price.", "2019-03-06")
    assert got == {"then current": "PAST_REF"}


def test_an_approximate_offset_is_still_a_point_in_time(time_stage) -> None:
    got = _values(time_stage, "A month or so ago, the mayor quietly resigned.", "2019-03-06")
    assert got == {"A month or so ago": "2019-02"}
    got = _values(time_stage, "Two weeks or so later, the talks resumed.", "2019-03-06")
    assert got["Two weeks or so"] == "P2W"


def test_a_night_names_no_day_to_count_from(time_stage) -> None:
    text = ("Stocks in Seoul gained on Friday. Paris was dragged down by overnight falls on Wall Street, and its "
            "index ended 2% under the previous Friday.")
    got = _values(time_stage, text, "2019-03-04")
    assert got["Friday"] == "2019-03-01"
    assert got["the previous Friday"] == "2019-02-22"


def test_a_record_set_on_a_day_was_set_before_the_story(time_stage) -> None:
    got = _values(time_stage, "The index ended 2% below its peak set on Sept. 3.", "2019-02-06")
    assert got["Sept. 3"] == "2018-09-03"


def test_a_summit_set_for_a_place_in_a_month_is_still_a_plan(time_stage) -> None:
    got = _values(time_stage, "The dispute will dominate a summit set for Lisbon in April.", "2019-03-12")
    assert got["April"] == "2019-04"


def test_one_day_after_a_modal_is_some_day_ahead(time_stage) -> None:
    assert _values(time_stage, "She hopes the city will one day host the games.", "2019-03-06") == {
        "one day": "FUTURE_REF"}
    assert _values(time_stage, "The strike lasted one day.", "2019-03-06") == {"one day": "P1D"}


def test_the_weeks_ahead_is_a_vague_stretch_like_the_coming_weeks(time_stage) -> None:
    got = _values(time_stage, "Lenders may call in the loans in the weeks ahead.", "2019-03-06")
    assert got == {"the weeks ahead": "PXW"}


# --- 'today' meaning these days -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Drones have changed today's armies.", "Most of today's young people vote by post.",
                                  "She spoke about the cities of tomorrow."])
def test_today_and_tomorrow_meaning_an_age_are_not_dates(time_stage, text) -> None:
    assert _values(time_stage, text, "2019-03-06") == {}


@pytest.mark.parametrize(("text", "value"), [("Today's attack killed five soldiers.", "2019-03-06"),
                                             ("The result is in today's editions of the paper.", "2019-03-06"),
                                             ("Tomorrow's vote will decide it.", "2019-03-07")])
def test_today_and_tomorrow_naming_the_day_stay_dates(time_stage, text, value) -> None:
    assert list(_values(time_stage, text, "2019-03-06").values()) == [value]


@pytest.mark.parametrize("text", ["Police filmed the crowd at the annual March for Life in Washington.",
                                  "Veterans led the March against Hunger through the city."])
def test_a_demonstration_called_march_is_not_the_month(time_stage, text) -> None:
    assert _values(time_stage, text, "2019-03-06") == {}


def test_the_month_before_a_preposition_is_still_the_month(time_stage) -> None:
    assert _values(time_stage, "The talks were held in March on Capitol Hill.", "2019-06-06") == {"March": "2019-03"}
