"""Round four of the time rules: histories that close on news, and undated narratives that are not dated by the
first event they tell. Every text is written for these tests."""

from __future__ import annotations

import datetime as dt

from wirewatch.extract.time.narrative import history_end, is_history
from wirewatch.ingest.dateline import find_dateline
from wirewatch.ingest.dates import date_article

_SIEGE = (
    "The siege of the river port was one of the longest actions of the war. Preparations began in the spring of "
    "2006, after the militia took the customs house in June.\n\n"
    "The assault opened before dawn on Thursday, 9 November 2006. By evening the marines held the docks. Rain "
    "slowed the advance the next day, but by 15 November most of the old town had fallen. Fighting went on in the "
    "rail yards until 28 December, when the last position surrendered.\n\n"
    "Families started to come back in mid-January. By April, about a third of them had returned. A memorial was "
    "opened on 9 November 2016. In 2020, a commission reopened the inquiry, and it published its findings on Monday."
)


def test_a_history_that_closes_on_news_is_a_history_up_to_the_news(times) -> None:
    got = {t.text: t.value for t in times(_SIEGE, "2023-06-08")}
    assert got["June"] == "2006-06"            # before the assault, in the opening paragraph
    assert got["15 November"] == "2006-11-15"  # mid-sentence in the second paragraph: the story's year
    assert got["28 December"] == "2006-12-28"
    assert got["mid-January"] == "2007-01"     # a new paragraph does not reset a history; the story moves on
    assert got["April"] == "2007-04"
    assert got["Monday"] == "2023-06-05"       # the closing news is the article's own week


def test_history_end_is_the_first_news_cue_and_zero_for_news() -> None:
    end = history_end(_SIEGE, dt.date(2023, 6, 8))
    assert _SIEGE[end:] == "on Monday."
    assert not is_history(_SIEGE, dt.date(2023, 6, 8))
    news = ("The council voted on Tuesday to close the bridge. It was built in 1961, widened in 1978 and repaired "
            "in 1999, and engineers say it can no longer carry lorries.")
    assert history_end(news, dt.date(2023, 6, 8)) == 0  # a news cue first: no history to speak of


def test_an_undated_narrative_is_not_dated_by_the_first_event_it_tells() -> None:
    text = ("The Lowland Campaign\n\nThe campaign opened on 12 October 1917, when the eastern corps crossed the "
            "canal at two places and pushed towards the ridge beyond it.")
    assert date_article(text).date is None


def test_a_heading_or_a_line_that_opens_with_its_date_still_dates_the_story() -> None:
    assert find_dateline("Harbour Works Update, March 3, 2015\nCrews finished the pier.").date == dt.date(2015, 3, 3)
    assert find_dateline("2014-07-RC-019\nJuly 8: Patrols in the valley\nTwo patrols returned.").date == \
        dt.date(2014, 7, 8)


def test_an_undated_narrative_dates_its_partial_dates_from_the_story(time_stage) -> None:
    text = ("The northern army attacked on 12 October 1917. In January 1918 the south rebuilt its divisions, and a "
            "new offensive began on 4 March.")
    got = {t.text: t.value for t in time_stage(text, None)}
    assert got["4 March"] == "1918-03-04"


def _values(got) -> dict[str, str | None]:
    return {t.text: t.value for t in got}


def test_a_day_of_the_month_alone_is_in_the_month_last_named(times) -> None:
    got = _values(times("On 3 March the rebels shelled the depot. On the 5th they withdrew, and by the 9th the "
                        "road was open.", "2023-04-20"))
    assert got["the 5th"] == "2023-03-05"
    assert got["the 9th"] == "2023-03-09"


def test_an_ordinal_before_a_noun_is_no_day(times) -> None:
    got = _values(times("The 11th Brigade moved to the 3rd floor of the depot on the 14th of May.", "2023-06-01"))
    assert "the 3rd" not in got and "The 11th" not in got


def test_the_nth_day_of_something_now_is_the_article_day(times) -> None:
    assert _values(times("Today is the ninth day of the blockade."))["the ninth day"] == "2022-03-30"
    assert _values(times("It's the second day of the strike at the port."))["the second day"] == "2022-03-30"
    assert "the first day" not in _values(times("The first day of the hearing passed quietly."))


def test_a_month_with_a_spoken_ordinal_day_is_a_date(times) -> None:
    got = _values(times("The festival is this coming Friday, April first, organisers say."))
    assert got["Friday, April first"] == "2022-04-01"
    assert _values(times("The run-off resumed on March second."))["March second"] == "2022-03-02"
    assert "June" in _values(times("In the June second round she won easily."))  # a month, not 'June second'


def test_election_day_is_the_tuesday_after_the_first_monday_of_november(times) -> None:
    assert _values(times("Campaigning will go on until Election Day.", "2022-10-10"))["Election Day"] == "2022-11-08"


def test_early_or_late_on_a_weekday_with_its_part_of_day_keeps_the_part_of_day(times) -> None:
    got = _values(times("Police raided the house early Tuesday morning and left late Tuesday night."))
    assert got["early Tuesday morning"] == "2022-03-29TMO"
    assert got["late Tuesday night"] == "2022-03-29TNI"


def test_this_coming_weekday_is_the_next_one(times) -> None:
    assert _values(times("The vote is this coming Sunday."))["this coming Sunday"] == "2022-04-03"


_RAID = (
    "The Harbour Raid\n\n"
    "Talks broke down in 1950, and the raid was prepared through the summer of 1951. Early on Sunday, "
    "9 December 1951, torpedo boats entered the roads. The first wave struck at 05:40, and by that evening "
    "four cruisers were lost.\n\n"
    "The next day the government declared war. On Thursday two allies followed, and the following week the "
    "first convoys sailed."
)


def test_a_bare_weekday_in_a_history_counts_from_the_day_the_story_last_named(times) -> None:
    got = _values(times(_RAID, "2017-03-01"))
    assert got["The next day"] == "1951-12-10"
    assert got["Thursday"] == "1951-12-13"
    assert got["the following week"] == "1951-W51"


def test_a_weekday_after_a_bare_year_in_a_history_is_news(times) -> None:
    text = ("The dam was begun in 1961, finished in 1968 and enlarged in 1979. In 2019 engineers found cracks, and "
            "the ministry closed it on Tuesday.")
    assert _values(times(text, "2023-06-08"))["Tuesday"] == "2023-06-06"


def test_a_clause_that_looks_ahead_with_may_takes_the_coming_month(times) -> None:
    assert _values(times("Schools may reopen in September, the mayor said.", "2022-05-14"))["September"] == "2022-09"


def test_the_years_that_followed_is_a_vague_stretch(times) -> None:
    got = _values(times("In the years that followed, the port was rebuilt; in the months to come it will grow."))
    assert got["the years that followed"] == "PXY"
    assert got["the months to come"] == "PXM"


def test_years_before_1600_are_read_where_the_words_make_them_years(times) -> None:
    got = _values(times("The city fell in 1453, after a siege that began in April 1453; the war had lasted from "
                        "1337 to 1453. In 1200 men were sent, and 1500 ducats were paid."))
    assert got["April 1453"] == "1453-04"
    assert got["1337"] == "1337"
    assert "1200" not in got and "1500" not in got


def test_both_ends_of_a_span_of_years_are_years(times) -> None:
    got = [(t.text, t.value) for t in times("The war of 1914-1918 and the Korean War (1950–1953) were costly; "
                                            "repairs cost 1200-1500 dollars.")]
    assert got == [("1914", "1914"), ("1918", "1918"), ("1950", "1950"), ("1953", "1953")]


def test_this_past_weekend_is_one_expression_for_the_weekend_just_gone(times) -> None:
    got = _values(times("Officials met this past weekend; this past week was quiet.", "2013-03-22"))
    assert got["this past weekend"] == "2013-W11-WE"
    assert got["this past week"] == "2013-W11"


def test_eastern_time_written_et_belongs_to_the_clock_time(times) -> None:
    got = _values(times("The polls close at 8 p.m. ET in most states.", "2013-03-22"))
    assert got["8 p.m. ET"] == "2013-03-22T20:00"


def test_a_clock_time_takes_the_weekday_named_after_it_with_on(times) -> None:
    got = _values(times("The blast came just after midnight on Saturday.", "2013-03-22"))
    assert got["just after midnight"] == "2013-03-16T24:00"


def test_counts_that_look_like_early_years_stay_counts(times) -> None:
    got = _values(times("The index rose from 1400 to 1450 points, and jobs were cut by 1200; about 1500 staff "
                        "left in 1520 units."))
    assert got == {}


def test_each_day_of_a_span_of_days_is_a_date(times) -> None:
    got = [(t.text, t.value) for t in times("On the night of 12–13 May 1942 the army attacked; talks ran from 3 to "
                                            "5 July 1943.")]
    assert got == [("12", "1942-05-12"), ("13 May 1942", "1942-05-13"), ("3", "1943-07-03"),
                   ("5 July 1943", "1943-07-05")]


def test_a_year_with_its_era_is_written_as_timex_values_write_it(times) -> None:
    got = {t.text: (t.value, t.precision) for t in times("The war began in 264 BC and ended in 241 B.C.; the city "
                                                         "fell in AD 476. The ad ran twice.")}
    assert got == {"264 BC": ("BC0264", "year"), "241 B.C.": ("BC0241", "year"), "AD 476": ("0476", "year")}


def test_an_event_told_with_its_old_day_mid_sentence_starts_the_paragraphs_clock(times) -> None:
    got = _values(times("The landings began early on 6 June 1944. By the evening of 8 June the port had fallen.",
                        "2016-03-01"))
    assert got["8 June"] == "1944-06-08"


def test_an_old_day_inside_a_noun_phrase_is_a_reference_not_the_clock(times) -> None:
    got = _values(times("The two men charged in the Dec. 21, 2011, bombing were handed over after the government "
                        "agreed in April to a trial abroad.", "2016-06-07"))
    assert got["April"] == "2016-04"


def test_words_that_count_from_the_article_date_end_a_history(times) -> None:
    text = ("The genocide of 1994, the war of 2003 and the crisis of 2008 shaped the region. Last month the "
            "envoys met again, and in March they will sign a pact.")
    end = history_end(text, dt.date(2023, 1, 10))
    assert text[end:].startswith("Last month")
    assert _values(times(text, "2023-01-10"))["March"] == "2023-03"


def test_a_season_of_a_year_named_by_reference_is_one_expression(times) -> None:
    got = _values(times("The rebels took the port in 1999, and in the summer of the following year they lost it; "
                        "talks failed in the autumn of last year.", "2023-03-06"))
    assert got["the summer of the following year"] == "2000-SU"
    assert got["the autumn of last year"] == "2022-FA"


def test_the_day_before_or_after_alone_counts_from_the_day_last_named(times) -> None:
    got = _values(times("The talks collapsed on Wednesday. The day before, the envoy had resigned. He left the day "
                        "after the vote.", "2013-03-22"))
    assert got["The day before"] == "2013-03-19"
    assert "the day after" not in got  # 'the day after the vote' needs the vote's date


def test_a_day_before_may_makes_it_the_month_not_the_modal(times) -> None:
    got = _values(times("On 3 May 1945 the town fell; on 5 May the army withdrew.", "2016-03-01"))
    assert got["3 May 1945"] == "1945-05-03"
    assert got["5 May"] == "1945-05-05"


def test_time_words_that_open_the_name_of_a_war_are_part_of_the_name(times) -> None:
    got = _values(times("The Six-Day War began in June 1967, long after the October Revolution; the Spring "
                        "Offensive of 1918 failed. On Monday War Minister Reyes resigned.", "2016-03-02"))
    assert got == {"June 1967": "1967-06", "1918": "1918", "Monday": "2016-02-29"}
