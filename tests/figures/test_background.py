"""Counts that are not the reported happening's: an earlier happening told as background, and a round-up of a
period's happenings beside one happening's count. Sentences written for these tests, run through the whole
pipeline (the times stage dates the clauses)."""

from __future__ import annotations

import pytest


def killed(doc):
    return [f for f in doc.figures if f.category == "killed"]


def test_an_earlier_happening_told_as_background_gives_way_to_the_reported_one(extract_text):
    doc = extract_text("Soldiers detained four suspected militants in a village on Monday. In March, militants "
                       "attacked the same village several times. The soldiers responded, killing more than 20 "
                       "militants and detaining others.", date="2021-05-18")
    assert killed(doc) == []
    captured = [f for f in doc.figures if f.category == "captured"]
    assert [f.value for f in captured] == [4]


def test_a_dated_clause_before_the_article_date_is_background_in_its_own_sentence(extract_text):
    doc = extract_text("Police arrested two smugglers at the border crossing on Friday. On 2 February, gunmen "
                       "killed six guards at the same crossing.", date="2021-04-10")
    assert killed(doc) == []
    assert [f.value for f in doc.figures if f.category == "captured"] == [2]


def test_a_happening_of_last_year_gives_way_to_this_weeks(extract_text):
    doc = extract_text("Last year, militants killed 40 villagers in the district. On Monday, gunmen killed three "
                       "traders on the road to the district capital.", date="2021-05-18")
    assert [f.value for f in killed(doc)] == [3]


def test_a_sentence_dated_both_before_and_now_is_the_reported_happening(extract_text):
    doc = extract_text("Police arrested two smugglers on Friday. On Sunday, troops killed five militants who had "
                       "attacked the base in March.", date="2021-05-18")
    assert [f.value for f in killed(doc)] == [5]


def test_an_earlier_happenings_count_stays_where_the_article_counts_nothing_else(extract_text):
    doc = extract_text("Villagers gathered to remember the dead. In March, gunmen killed 14 farmers near the "
                       "market.", date="2021-05-18")
    assert [f.value for f in killed(doc)] == [14]


def test_a_recent_date_is_the_reported_happening(extract_text):
    doc = extract_text("Police arrested two smugglers on Friday. On Saturday, gunmen killed six guards at the "
                       "crossing.", date="2021-04-12")
    assert [f.value for f in killed(doc)] == [6]


def test_a_date_inside_a_noun_phrase_does_not_date_the_clause(extract_text):
    doc = extract_text("Police arrested two smugglers on Friday. Troops killed three gunmen who carried out the "
                       "March 2 attack.", date="2021-05-18")
    assert [f.value for f in killed(doc)] == [3]


@pytest.mark.parametrize("period", ["over the past 24 hours", "in the last 48 hours", "over the past week"])
def test_a_round_up_of_a_period_gives_way_to_one_happenings_count(extract_text, period):
    doc = extract_text(f"Dozens of rebels were killed by the army in the north and east {period}. Near the river "
                       "crossing, soldiers returned fire, killing one rebel.", date="2021-05-18")
    assert [f.value for f in killed(doc)] == [1]


def test_a_round_up_alone_is_what_the_article_reports(extract_text):
    doc = extract_text("Several rebels were killed by the army in the north over the past 24 hours.",
                       date="2021-05-18")
    assert [f.low for f in killed(doc)] == [3]


def test_people_introduced_and_then_counted_add_to_the_count_before(extract_text):
    doc = extract_text("Soldiers killed four gunmen near the bridge on Monday. The soldiers then searched the "
                       "village. Later, a group of nine gunmen drove toward the checkpoint in two trucks. "
                       "Aircraft fired on the trucks, killing all nine gunmen.", date="2021-05-18")
    [f] = killed(doc)
    assert (f.value, f.qualifier, len(f.parts)) == (13, "exact", 2)


def test_a_definite_word_for_anybody_points_at_the_nearest_person_introduced(extract_text):
    doc = extract_text("Police killed two gunmen at the bank on Friday. An hour later, a gunman fired at the "
                       "officers, who killed the man.", date="2021-05-18")
    [f] = killed(doc)
    assert f.value == 3


def test_people_introduced_beside_a_count_that_says_not_who_may_be_the_people_counted(extract_text):
    doc = extract_text("A gunman shot dead one person at an office on Monday. A woman and two men were shot, police "
                       "said. The woman died at the scene.", date="2021-05-18")
    assert max(f.value for f in killed(doc)) == 1


def test_people_counted_before_are_not_new_people(extract_text):
    doc = extract_text("Troops killed three militants on Monday. Officials said the three militants were killed "
                       "near the river.", date="2021-05-18")
    assert [f.value for f in killed(doc)] == [3]


def test_a_person_introduced_again_is_the_person_counted_before(extract_text):
    doc = extract_text("Police arrested a gang leader and two couriers on Monday. Officers had searched for a gang "
                       "leader in the market for weeks. They arrested the leader at a shop.", date="2021-05-18")
    [f] = [f for f in doc.figures if f.category == "captured"]
    assert f.value == 3


def test_an_earlier_happenings_mentions_make_one_figure(extract_text):
    doc = extract_text("Farmers marched to the town hall on Monday. In March, gunmen killed a village elder near "
                       "the market. His killers were never found, and the elder was buried the next day. Police "
                       "said the elder's death was the work of a gang.", date="2021-05-18")
    [f] = killed(doc)
    assert f.value == 1 and len(f.mentions) >= 2


def test_people_counted_by_a_demonym_are_counted_though_the_demonym_is_listed_as_a_place(extract_text):
    # every demonym is a (flagged) place by default: it still names the people counted, not where
    doc = extract_text("Gunmen killed 6 Afghans at a checkpoint near Kandahar. Police detained more than 40 "
                       "Pakistanis in a raid on Sunday.")
    got = {(f.category, f.value) for f in doc.figures}
    assert ("killed", 6) in got and ("captured", 40) in got
    assert any(p.demonym for p in doc.places)
