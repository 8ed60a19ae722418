"""One figure per count: restatements, parts, totals, other sources' readings and running totals, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from wirewatch.extract import Found
from wirewatch.extract.figures import find
from wirewatch.extract.figures.consolidate import combine
from wirewatch.extract.figures.quantity import Quantity
from wirewatch.model import Article


@pytest.fixture(scope="module")
def figures(nlp):
    def _figures(text: str):
        figs = find(nlp(text), Found(article=Article(id="t"), text=text))["figures"]
        for f in figs:                                   # every span, mention and part quotes the text
            for span in [f, *f.mentions, *f.parts]:
                assert text[span.start:span.end] == span.text
        return figs
    return _figures


def of(figs, category):
    return [f for f in figs if f.category == category]


def test_a_restated_count_is_one_figure_with_every_mention(figures):
    (f,) = figures("A shopkeeper was shot dead outside his shop. The victim died at the scene. 1 fatality.")
    assert (f.category, f.value, f.text) == ("killed", 1, "A shopkeeper")
    assert [m.text for m in f.mentions] == ["A shopkeeper", "The victim", "1 fatality"]
    assert f.parts == []


def test_also_adds_people_to_the_count_just_given(figures):
    (f,) = figures("Troops arrested a militia leader on Monday. The arrested leader ran a smuggling ring. "
                   "The troops also detained two suspected smugglers.")
    assert (f.category, f.value, f.qualifier) == ("captured", 3, "exact")
    assert [p.text for p in f.parts] == ["a militia leader", "two suspected smugglers"]
    assert "The arrested leader" in [m.text for m in f.mentions]


def test_a_part_with_a_vague_count_keeps_the_sum_vague(figures):
    (f,) = figures("Police captured a gang leader and several associates at a farm.")
    assert (f.qualifier, f.low, f.value) == ("vague", 4, 11)   # 1 + several (at least 3; ACLED's 10)


def test_an_exact_count_gives_the_number_of_an_earlier_vague_one(figures):
    (f,) = figures("Police detained a smuggler and several suspects on Friday. "
                   "The officers detained the smuggler and three additional suspects at a farm.")
    assert (f.value, f.qualifier) == (4, "exact")


def test_a_stated_total_stands_for_the_counts_it_covers(figures):
    (f,) = figures("Two guards were shot dead at the gate. A driver was also killed. 3 fatalities.")
    assert (f.value, f.text) == (3, "3 fatalities")
    assert [p.text for p in f.parts] == ["Two guards", "A driver"]


def test_a_count_including_someone_named_before_totals_the_clause_before(figures):
    figs = figures("Troops detained a rebel commander and another fighter near the bridge. The house was searched "
                   "and two fighters were detained, including the commander.")
    [f] = of(figs, "captured")
    assert (f.value, f.text) == (2, "two fighters")
    assert [m.text for m in f.mentions] == ["a rebel commander", "another fighter", "two fighters"]


def test_others_are_more_of_the_people_counted_before_them(figures):
    [f] = of(figures("A patrol killed several gunmen and captured several others in the village. Several gunmen "
                     "were killed and captured after the firefight."), "captured")
    assert (f.who, f.low, len(f.mentions)) == ("gunmen", 3, 2)      # "others" are gunmen; said again later
    [g] = of(figures("Police detained three men on Monday. Officers later detained two others."), "captured")
    assert (g.value, len(g.parts)) == (5, 2)


def test_all_three_says_again_the_sum_of_the_parts(figures):
    [f] = figures("A rebel commander and two of his aides were killed in an air strike. The men were driving near "
                  "the river when the missile struck, killing all three.")
    assert f.value == 3 and [m.text for m in f.mentions] == ["A rebel commander", "two of his aides", "three"]


def test_the_other_is_one_of_the_people_counted_before(figures):
    [f] = figures("A mob killed two traders in the market. One was burnt and the other was beaten to death.")
    assert f.value == 2 and [m.text for m in f.mentions] == ["two traders", "the other"]


def test_in_all_totals_more_than_was_listed(figures):
    (f,) = figures("A soldier was killed in the ambush. In all, 5 people were killed.")
    assert f.value == 5 and [p.text for p in f.parts] == ["A soldier"]


def test_another_sources_reading_is_a_mention_and_the_lower_one_counts(figures):
    (f,) = figures("Officials said 8 villagers were killed in the raid. Other sources reported 15 villagers were killed.")
    assert f.value == 8
    assert [m.text for m in f.mentions] == ["8 villagers", "15 villagers"]


def test_a_running_total_beside_a_happenings_count_is_left_out(figures):
    figs = figures("Police detained a smuggler on Monday. Police have arrested more than 40 people since March.")
    assert [(f.value, f.text) for f in figs] == [(1, "a smuggler")]


@pytest.mark.parametrize("text", [
    "Troops killed a gunman at the border. Troops have killed 40 gunmen so far this year.",
    "Troops killed a gunman at the border, bringing to 40 the number of gunmen killed since January.",
    "Troops killed a gunman at the border. We continue to kill large numbers of gunmen, the colonel said.",
])
def test_a_running_total_does_not_stand_for_the_happenings_count(figures, text):
    assert [(f.category, f.value) for f in figures(text)] == [("killed", 1)]


def test_a_running_total_is_the_figure_of_an_article_that_counts_nothing_else(figures):
    figs = figures("The agency has detained more than 300 suspects since the start of the year. Drone strikes "
                   "have killed at least eight commanders since July.")
    assert [(f.category, f.value, f.cumulative) for f in figs] == [("captured", 300, True), ("killed", 8, True)]


def test_a_happenings_count_of_another_kind_makes_a_running_total_background(figures):
    figs = figures("Police detained a smuggler on Monday. Police have killed four smugglers since March.")
    assert [(f.category, f.value) for f in figs] == [("captured", 1)]


def test_them_counts_the_people_just_counted(figures):
    captured = of(figures("Rescuers found three injured miners. Police detained them along with one other man."),
                  "captured")
    assert [(f.value, f.text) for f in captured] == [(4, "them along with one other man")]


def test_the_other_counts_of_a_sentence_join_the_figure_it_points_back_at(figures):
    (f,) = figures("An airstrike killed Ali Musa on Tuesday. Ground forces killed four gunmen and confirmed "
                   "that Ali Musa was killed.")
    assert f.value == 5


def test_the_same_count_of_the_same_people_again_is_one_figure(figures):
    (f,) = figures("Soldiers killed five rebels near the river. Five rebels were killed in the clash.")
    assert f.value == 5 and len(f.mentions) == 2


def test_counts_of_different_people_without_a_cue_stay_apart(figures):
    killed = of(figures("Thousands of civilians may have died in the siege. In another town, at least 12 people "
                        "were killed on Tuesday."), "killed")
    assert [(f.low, f.qualifier) for f in killed] == [(2000, "vague"), (12, "at_least")]


def test_a_vague_addition_to_a_vague_count_is_taken_to_be_within_it(figures):
    (f,) = figures("Police captured a financier and numerous suspects. Several of his associates were also detained.")
    assert (f.low, f.qualifier) == (5, "vague")


def test_a_purpose_is_not_a_result(figures):
    figs = figures("Troops conducted an operation to detain a militia leader. They detained two suspects.")
    assert [(f.category, f.value) for f in figs] == [("captured", 2)]


@pytest.mark.parametrize("parts, value, low, high, qualifier", [
    ([Quantity(1, None, None, "exact", 0, 0), Quantity(2, None, None, "exact", 0, 0)], 3, None, None, "exact"),
    ([Quantity(1, None, None, "exact", 0, 0), Quantity(10, 3, None, "vague", 0, 0)], 11, 4, None, "vague"),
    ([Quantity(15, None, None, "more_than", 0, 0), Quantity(1, None, None, "exact", 0, 0)], 16, None, None,
     "more_than"),
    ([Quantity(3, None, None, "exact", 0, 0), Quantity(None, 1, 2, "exact", 0, 0)], None, 4, 5, "exact"),
    ([Quantity(12, 12, None, "at_least", 0, 0), Quantity(2, None, None, "exact", 0, 0)], 14, 14, None, "at_least"),
])
def test_sums_carry_the_qualifier_the_parts_allow(parts, value, low, high, qualifier):
    q = combine(parts)
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize("text", [
    "Troops killed 25 militants in separate raids in three districts on Sunday. In the north, soldiers killed "
    "four militants at a roadblock.",
    "Troops targeted militia commanders during operations in Kano and Kaduna states, killing 25 militants. In "
    "Kano, soldiers killed four militants at a roadblock.",
])
def test_a_count_over_several_happenings_gives_way_to_one_happenings_count(figures, text):
    assert [(f.category, f.value) for f in figures(text)] == [("killed", 4)]


@pytest.mark.parametrize("text, value", [
    ("Police detained 14 suspects during two operations in the north.", 14),
    ("Police detained a leader and three suspects during separate operations in Kano and Kaduna states.", 4),
    ("Rangers arrested numerous poachers in a series of raids across the park.", 4),
])
def test_a_count_over_several_happenings_alone_is_the_articles_count(figures, text, value):
    [f] = figures(text)
    assert f.category == "captured" and (f.low if f.qualifier == "vague" else f.value) == value


def test_a_count_over_several_happenings_stays_beside_a_count_of_another_kind(figures):
    figs = figures("Police detained six suspects during two raids in the capital. In one raid, an officer was "
                   "wounded.")
    assert sorted((f.category, f.value) for f in figs) == [("captured", 6), ("injured", 1)]


def test_one_person_in_a_clause_over_several_happenings_is_one_happenings_count(figures):
    figs = figures("A smuggler was detained during operations in Kano and Kaduna states. Police also detained "
                   "two suspects at a checkpoint.")
    assert [(f.category, f.value) for f in figs] == [("captured", 3)]
