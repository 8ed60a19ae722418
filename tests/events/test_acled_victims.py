"""ACLED coding by the codebook: who was hit (a battle, violence against civilians, mob violence), what the
crowd did, the means, and the strategic developments. Sentences written for these tests (places and names
invented or generic)."""

from __future__ import annotations

import pytest


def _coded(doc) -> tuple[str | None, str | None] | list:
    """The first event with an ACLED type (the one an ACLED export leads with), as (type, sub-event type)."""
    coded = next((e for e in doc.events if e.acled_event_type), None)
    if coded is None:
        return [(e.type, e.trigger.text) for e in doc.events]
    return coded.acled_event_type, coded.acled_sub_event_type

CASES = [
    # the victim's own words: named armed, named unarmed (off duty), or a fighter and his kin
    ("Gunmen shot dead an off-duty soldier at his home in Varna on Monday.", "Violence against civilians", "Attack"),
    ("Soldiers killed a rebel commander and his son near the village of Oru.", "Battles", "Armed clash"),
    ("Two gang members were shot dead by a rival gang in the Leste district of Tavira.", "Battles", "Armed clash"),
    # a place named beside the victim ("at a police station") does not make the victim armed
    ("A police officer assaulted a journalist at a police station in Kiro.", "Violence against civilians", "Attack"),
    # people who are no armed group: several of them beating someone, or fighting the police without guns
    ("Five men beat a shopkeeper with sticks in the market of Dorno.", "Riots", "Mob violence"),
    ("Villagers clashed with police in Sadri after a dispute over a road.", "Riots", "Mob violence"),
    # the means of attack, named by two words
    ("The air force targeted a convoy of fuel trucks near Ardan.", "Explosions/Remote violence", "Air/drone strike"),
]


@pytest.mark.parametrize("text,event_type,sub_event_type", CASES, ids=[c[2] + ": " + c[0][:30] for c in CASES])
def test_acled_victim_rule(extract_text, text, event_type, sub_event_type):
    assert _coded(extract_text(text)) == (event_type, sub_event_type)


CROWD_CASES = [
    # what the crowd itself did decides: burning an effigy, setting out on a march, or a beating told of the
    # police is no crowd violence
    ("Hundreds of students marched in Tolva and burned an effigy of the minister.", "Protests", "Peaceful protest"),
    ("Traders set out on a march through Kessa to protest against new taxes.", "Protests", "Peaceful protest"),
    ("Residents protested in Marun against police officers who beat a shopkeeper.", "Protests", "Peaceful protest"),
    ("Residents burned tires and blocked the highway through Loma, demanding water.", "Riots", "Violent demonstration"),
    # a crowd that demands in public is demonstrating
    ("Hundreds of workers demanded unpaid wages outside the factory gates in Osra.", "Protests", "Peaceful protest"),
    # both sides fired: a battle, even when one side began with a grenade
    ("Militants threw a grenade at an army post in Dalo. Soldiers responded with gunfire.", "Battles", "Armed clash"),
    # security measures change what a government or armed group does
    ("The governor imposed a curfew on the city of Vanta on Monday.", "Strategic developments",
     "Change to group/activity"),
]


@pytest.mark.parametrize("text,event_type,sub_event_type", CROWD_CASES,
                         ids=[c[2] + ": " + c[0][:30] for c in CROWD_CASES])
def test_acled_crowd_and_measure_rule(extract_text, text, event_type, sub_event_type):
    assert _coded(extract_text(text)) == (event_type, sub_event_type)


def test_a_purpose_is_no_acled_event(extract_text):
    doc = extract_text("Police officers went to the Sella market to prevent drug trafficking. Shots were exchanged "
                       "and one dealer died.")
    assert [e.acled_event_type for e in doc.events if e.trigger.text == "prevent"] in ([], [None])
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None and coded.acled_sub_event_type == "Armed clash"


def test_arson_of_a_building_with_nobody_hurt_is_property_destruction(extract_text):
    doc = extract_text("Unknown attackers set fire to a school in Bedo overnight. No one was hurt.")
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None and coded.acled_sub_event_type == "Looting/property destruction"


MORE_CASES = [
    # destruction by artillery is remote violence; fire that brings down an aircraft is a missile attack
    ("Army artillery destroyed a rebel ammunition depot near Salto.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("Rebels shot down an army helicopter near Tarka.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    # an armed group's members handing out aid change what the group does
    ("Members of the Blue Cartel delivered food packages as aid to families in Sorra.", "Strategic developments",
     "Change to group/activity"),
    # civilians fleeing their homes
    ("About 300 families evacuated from the village of Kumo after fighting between two clans.",
     "Strategic developments", "Other"),
]


@pytest.mark.parametrize("text,event_type,sub_event_type", MORE_CASES,
                         ids=[c[2] + ": " + c[0][:30] for c in MORE_CASES])
def test_acled_means_and_development_rule(extract_text, text, event_type, sub_event_type):
    assert _coded(extract_text(text)) == (event_type, sub_event_type)


def test_force_against_a_march_is_coded_as_a_protest(extract_text):
    doc = extract_text("Soldiers fired tear gas and plastic bullets at a march in Dela, injuring six protesters.")
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None
    assert (coded.acled_event_type, coded.acled_sub_event_type) == ("Protests", "Protest with intervention")


def test_the_means_are_not_read_from_the_victims_unit(extract_text):
    doc = extract_text("Two officers of the air force intelligence service were shot dead by gunmen in Kafra.")
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None and coded.acled_sub_event_type == "Armed clash"


def test_burning_tyres_is_a_violent_demonstration(extract_text):
    doc = extract_text("Residents burned tyres on the main road in Tolo.")
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None
    assert (coded.acled_event_type, coded.acled_sub_event_type) == ("Riots", "Violent demonstration")


def test_fighters_captured_on_a_front_are_a_battle_not_an_arrest(extract_text):
    doc = extract_text("Government forces captured two rebel fighters on the northern front near Asra.")
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None and coded.acled_sub_event_type == "Armed clash"
    doc = extract_text("Police arrested two rebel fighters at a checkpoint near Asra.")
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None and coded.acled_sub_event_type == "Arrests"
