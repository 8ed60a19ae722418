"""Rules added for TimeML conventions seen in 1990s newswire (issue 17, dates half), each on sentences written
for these tests against an article dated Wednesday 2022-03-30."""

from __future__ import annotations

import pytest

from ww_times import one

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


def test_the_following_year_counts_from_the_last_date_named(times):
    found = times("He flew in October 2004. On May 22, 2015, he was promoted, and the following year he retired.")
    assert one(found, "the following year").value == "2016"


def test_clock_time_takes_the_weekday_after_an_aside(times):
    found = times("The blast came at about 10:35 a.m. (0735 GMT) Monday, witnesses said.")
    assert one(found, "about 10:35 a.m.").value == "2022-03-28T10:35"  # "at" stays out
    found = times("The convoy will leave at 4 in the morning (4 a.m. local time Friday), the mayor said.")
    assert one(found, "4 in the morning").value == "2022-04-01T04:00"


def test_bare_clock_time_belongs_to_the_last_day_named(times):
    found = times("The mayor was shot on March 12 at his home. He was hit at 10 p.m. as he stood in the kitchen.")
    assert one(found, "10 p.m.").value == "2022-03-12T22:00"
    assert one(times("Sirens sounded at 6 a.m. across the city."), "6 a.m.").value == "2022-03-30T06:00"


def test_a_day_earlier_is_a_stretch_with_its_count(times):
    t = one(times("Trucks crossed the border. A day earlier, the crossing was shut."), "A day")
    assert (t.type, t.value) == ("DURATION", "P1D")


@pytest.mark.parametrize("sentence,extent,value", [
    ("Prices hit that level in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
     "1994-WI"),
    ("January nineteen ninety-seven. Another bomb went off.", "January nineteen ninety-seven", "1997-01"),
])
def test_spoken_years_after_a_month_or_season(times, sentence, extent, value):
    assert one(times(sentence), extent).value == value


def test_a_month_a_few_months_ahead_without_tense_is_next(times):
    # no verb to go by: a month one to three ahead is coming, further ahead it is the one gone
    assert one(times("Its shares, at $30 in May and $42 in June, were volatile."), "May").value == "2022-05"
    assert one(times("Its shares, at $30 in September and $42 in June, were volatile."),
               "September").value == "2021-09"


HISTORY = (
    "The Lakeland War\n\n"
    "The war began when northern troops crossed the river on 3 October 1921, two years after the armistice of "
    "1919, and it ended with the Treaty of Varn on 9 May 1923.\n\n"
    "In the winter of 1921, the northern columns stalled. By early December they had dug in. On 14 January, the "
    "southern army counter-attacked, and two weeks later it retook the bridges.\n\n"
    "In 1922 the fighting moved east. In June a truce was signed; it broke down in August.\n"
)


def test_a_history_runs_its_own_clock_across_paragraphs(times):
    found = times(HISTORY, "2015-06-01")
    assert one(found, "the winter of 1921").value == "1921-WI"
    assert one(found, "early December").value == "1921-12"
    assert one(found, "14 January").value == "1922-01-14"  # stories move forward: the next January
    assert one(found, "June").value == "1922-06"
    assert one(found, "August").value == "1922-08"


def test_news_with_background_years_is_not_a_history(times):
    text = ("The alliance was founded in 1949 and grew in 1952, 1955 and 1982.\n\n"
            "On Tuesday its ministers said the summit would be held in June.")
    assert one(times(text), "June").value == "2022-06"


def test_a_fractional_stretch_later_is_a_duration(times):
    t = one(times("The siege began in 1939 and ended three and a half months later."), "three and a half months")
    assert (t.type, t.value) == ("DURATION", "P3M15D")


CAMPAIGN = (
    "The Coast Campaign\n\n"
    "The campaign opened on Monday, 6 May 1918, when marines landed at three ports. Later that month, relief "
    "columns arrived. That summer the last forts fell, and by the end of the year the coast was held.\n\n"
    "In 1919 the raids resumed. On 2 March a depot burned. The next spring, a second landing failed.\n\n"
    "Today, the forts are a museum, restored in 1990.\n"
)


def test_a_history_resolves_its_deictic_phrases_against_the_story(times):
    found = times(CAMPAIGN, "2016-09-01")
    assert one(found, "Monday, 6 May 1918").value == "1918-05-06"  # a weekday with its date: the story's own
    assert one(found, "Later that month").value == "1918-05"
    assert one(found, "That summer").value == "1918-SU"
    assert one(found, "the end of the year").value == "1918"
    assert one(found, "2 March").value == "1919-03-02"
    assert one(found, "The next spring").value == "1920-SP"


def test_a_sentence_opening_with_a_bare_old_year_starts_a_narrative(times):
    found = times("In 1987, the plant was closed. In March, its workers marched on the capital.")
    assert one(found, "March").value == "1987-03"
    # in passing, mid-sentence, it does not
    assert one(times("The plant, closed since 1987, reopened in March."), "March").value == "2022-03"


def test_news_deictics_in_a_background_paragraph_keep_the_article_date(times):
    found = times("On 1 September 1939 the war began. Historians met last year to discuss it.")
    assert one(found, "last year").value == "2021"


def test_the_day_before_a_weekday(times):
    t = one(times("The day before last Tuesday's hearing, the lawyers met."), "The day before last Tuesday")
    assert (t.type, t.value) == ("DATE", "2022-03-28")


def test_the_previous_weekday_counts_from_the_day_named(times):
    found = times("Shares closed at a record on March 18. They had fallen on the previous Monday.")
    assert one(found, "the previous Monday").value == "2022-03-14"


def test_a_weekday_with_its_part_of_day_takes_the_clause_tense(times):
    # DCT Wednesday 30 March: Thursday morning ahead in a future clause, behind in a past one
    found = times("Officials said they would not move the prisoners on Thursday morning.")
    assert one(found, "Thursday morning").value == "2022-03-31TMO"
    found = times("The prisoners were moved on Tuesday morning.")
    assert one(found, "Tuesday morning").value == "2022-03-29TMO"


def test_a_deadline_or_delay_until_a_day_lies_ahead(times):
    assert one(times("The court postponed until Friday morning any ruling on the case."),
               "Friday morning").value == "2022-04-01TMO"
    assert one(times("The agency gave the families until 9 a.m. Monday to leave."),
               "9 a.m. Monday").value == "2022-04-04T09:00"
    assert one(times("The ministry gave the firm until mid-June to reply."), "mid-June").value == "2022-06"


def test_a_plan_told_in_the_past_perfect_is_the_nearest_day(times):
    # 'had been due to expire Friday' in a Wednesday story: the Friday just gone, not next week's
    found = times("The offer was extended to April 16. It had been due to expire Friday evening.", "2022-03-28")
    assert one(found, "Friday evening").value == "2022-03-25TEV"


def test_a_participle_on_a_noun_tells_a_done_deed(times):
    assert one(times("Police examined the rifle found on Aug. 6 near the river."), "Aug. 6").value == "2021-08-06"
    # a plan on a noun stays open: the nearest such day
    assert one(times("Police prepared for the march scheduled for Aug. 6 near the river."),
               "Aug. 6").value == "2022-08-06"


@pytest.mark.parametrize("sentence,extent,value", [
    ("Extremists tried to wreck the rebels' 8-month-old truce.", "8-month-old", "P8M"),
    ("The regime's decades-long feud with the exiles goes on.", "decades-long", "PXY"),
    ("Tourism hoped for an end to a years-old slump.", "years-old", "PXY"),
    ("The council ended a decade-long dispute.", "decade-long", "P10Y"),  # the article belongs to the noun
])
def test_how_long_a_state_of_affairs_has_lasted(times, sentence, extent, value):
    t = one(times(sentence), extent)
    assert (t.type, t.value) == ("DURATION", value)


@pytest.mark.parametrize("sentence", [
    "A 6-year-old boy was rescued at sea.",
    "They joined the 50-year-old alliance in March.",
    "Slepian, a 52-year-old obstetrician, was shot.",
])
def test_ages_are_not_times(times, sentence):
    assert not [t for t in times(sentence) if "old" in t.text]


def test_the_latest_quarter_is_one_already_over(times):
    found = times("Profit rose in the fourth quarter. The firm expects weaker sales in the second quarter of 2023. "
                  "Margins narrowed in the latest quarter.")
    assert one(found, "the latest quarter").value == "2021-Q4"


def test_a_24_hour_clock_after_at_takes_the_day_named(times):
    found = times("Aircraft struck the port on 7 December 1941. The first wave arrived at 07:48.")
    t = one(found, "07:48")
    assert (t.type, t.value) == ("TIME", "1941-12-07T07:48")
    assert not [t for t in times("The score stood at 2:1 after the break.") if t.type == "TIME"]


def test_the_nth_week_of_a_month(times):
    t = one(times("In the first week of June 1942 the navy won a battle."), "the first week of June 1942")
    assert (t.type, t.value) == ("DATE", "1942-W23")


def test_every_few_weeks_is_a_vague_set(times):
    t = one(times("The yards launched a ship every few weeks."), "every few weeks")
    assert (t.type, t.value) == ("SET", "PXW")


def test_the_following_weeks_is_a_vague_stretch(times):
    t = one(times("During the following weeks, convoys suffered heavy losses."), "the following weeks")
    assert (t.type, t.value) == ("DURATION", "PXW")


def test_a_second_day_after_and_is_a_date_of_its_own(times):
    found = times("The summit will be held on April 24 and 25 in Washington.")
    assert one(found, "April 24").value == "2022-04-24"
    assert one(found, "25").value == "2022-04-25"
    assert [t.text for t in times("Prices rose on March 3 and 2 other days.")] == ["March 3"]


def test_the_early_summer(times):
    t = one(times("Orders recovered from the low levels of the early summer.", "2022-10-20"), "the early summer")
    assert (t.type, t.value) == ("DATE", "2022-SU")


def test_the_next_day_moves_the_story_on(times):
    found = times("On 22 June 1941 the front opened. The following day the city was bombed. That night the "
                  "bridges were blown up.")
    assert one(found, "The following day").value == "1941-06-23"
    assert one(found, "That night").value == "1941-06-23TNI"


def test_a_headline_in_the_present_tells_a_past_event(times):
    found = times("Russia shells Kharkiv on Monday\n\nThe city's mayor said the shelling lasted all night.")
    assert one(found, "Monday").value == "2022-03-28"
