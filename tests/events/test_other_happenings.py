"""Happenings outside PLOVER: disasters, accidents, elections, changes of office (docs/events.md "Other
happenings"). Sentences written for these tests."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from wirewatch.model import Event, family_of, span_of

# (text, type of the main event, its mode or None for "don't care")
CASES = [
    ("A strong earthquake shook the coastal province on Tuesday, damaging hundreds of homes.", "DISASTER",
     "earthquake"),
    ("Floods swept through three villages in the river delta after days of heavy rain.", "DISASTER", "flood"),
    ("A typhoon hit the northern islands overnight, cutting power to thousands.", "DISASTER", "storm"),
    ("A wildfire forced hundreds of families from their homes in the hills above the port.", "DISASTER",
     "wildfire"),
    ("A blaze destroyed a textile factory on the edge of the city on Sunday.", "ACCIDENT", "fire"),
    ("Four miners were trapped after a gas explosion at the colliery.", "ACCIDENT", "explosion"),
    ("A ferry capsized on the lake with 60 passengers on board.", "ACCIDENT", "sinking"),
    ("Voters in the mountain republic went to the polls in a presidential election on Sunday.", "ELECTION",
     "election"),
    ("The prime minister appointed a retired general as interior minister.", "OFFICE", "appoint"),
    ("The new governor was sworn in at the provincial assembly.", "OFFICE", "inaugurate"),
]


@pytest.mark.parametrize("text,type_,mode", CASES, ids=[c[0][:40] for c in CASES])
def test_other_happenings_are_found_with_their_family(extract_text, text, type_, mode):
    doc = extract_text(text)
    assert doc.events, "no event"
    main = doc.events[0]
    assert main.type == type_, [(e.type, e.trigger.text if e.trigger else None) for e in doc.events]
    assert main.family == family_of(type_) != "plover"
    if mode is not None:
        assert main.mode == mode
    # no PLOVER-only codes: no CAMEO root, no ACLED type
    assert main.cameo is None and main.acled_event_type is None and main.acled_sub_event_type is None


def test_disaster_toll_belongs_to_the_disaster_not_to_an_attack(extract_text):
    doc = extract_text("A magnitude 6.4 earthquake struck the border region on Monday, killing at least 14 "
                       "people. Two more people died in the quake in a nearby valley.")
    assert [e.type for e in doc.events] == ["DISASTER"]
    assert doc.events[0].fatalities == 16          # 14, and "two more"
    assert doc.events[0].mode == "earthquake"


def test_deaths_in_an_accident_are_the_accident(extract_text):
    doc = extract_text("Three people were killed when a minibus crashed into a lorry on the ring road.")
    assert [e.type for e in doc.events] == ["ACCIDENT"]
    assert doc.events[0].mode == "crash" and doc.events[0].fatalities == 3


def test_an_attack_stays_an_attack_next_to_a_disaster(extract_text):
    doc = extract_text("Gunmen attacked a relief convoy near the town on Friday, killing two drivers. "
                       "The convoy was carrying tents for families left homeless by last month's floods.")
    assert doc.events[0].type == "ASSAULT" and doc.events[0].acled_event_type is not None
    assert doc.events[0].fatalities == 2


def test_arson_and_gunfire_are_not_accidents(extract_text):
    doc = extract_text("Protesters set fire to the regional council building.")
    assert "ACCIDENT" not in {e.type for e in doc.events}
    doc = extract_text("Border guards opened fire on a smugglers' boat, killing one man.")
    assert doc.events[0].type == "ASSAULT"


def test_an_election_as_a_condition_and_a_victim_named_by_police_are_no_happenings(extract_text):
    doc = extract_text("The plan, which would require a referendum, was sent to parliament.")
    assert "ELECTION" not in {e.type for e in doc.events}
    doc = extract_text("Police named the dead man as a 43-year-old local farmer.")
    assert "OFFICE" not in {e.type for e in doc.events}


def test_family_follows_from_the_type_and_must_fit_it():
    text = "The quake hit."
    ev = Event(id="e1", type="DISASTER", evidence=span_of(text, 0, len(text)))
    assert ev.family == "disaster"
    assert Event(id="e1", type="ASSAULT", evidence=span_of(text, 0, len(text))).family == "plover"
    assert Event.model_validate({"id": "e1", "type": "OFFICE", "evidence": ev.evidence.model_dump()}).family == "politics"
    with pytest.raises(ValidationError):
        Event(id="e1", type="ASSAULT", family="disaster", evidence=span_of(text, 0, len(text)))
    with pytest.raises(ValidationError):
        Event(id="e1", type="EARTHQUAKE", evidence=span_of(text, 0, len(text)))


def test_a_toll_told_with_a_series_of_quakes_is_theirs_and_a_killing_by_gunmen_is_not(extract_text):
    doc = extract_text("A series of strong earthquakes rocked the provincial capital on Sunday, killing four "
                       "people. Gunmen killed two guards at a warehouse in the city after the quake, police said.")
    types = [(e.type, e.fatalities) for e in doc.events]
    assert ("DISASTER", 4) in types and ("ASSAULT", 2) in types


def test_people_flooding_into_camps_is_no_flood(extract_text):
    doc = extract_text("Thousands of residents flooded into makeshift camps outside the town.")
    assert "DISASTER" not in {e.type for e in doc.events}
    doc = extract_text("The river burst its banks and flooded six villages.")
    assert [e.type for e in doc.events][:1] == ["DISASTER"]


def test_an_election_or_a_flood_that_is_only_a_protest_s_setting_is_no_event(extract_text):
    doc = extract_text("Hundreds of residents demonstrated against the election results in the capital. "
                       "Victims of the latest floods blocked the national road to demand compensation.")
    assert {e.type for e in doc.events} <= {"PROTEST", "REQUEST"}
    doc = extract_text("Two supporters were injured when rival groups fought during an election campaign meeting.")
    assert "ELECTION" not in {e.type for e in doc.events}


def test_cables_cut_with_no_one_named_are_an_outage_and_cutting_ties_stays_a_sanction(extract_text):
    doc = extract_text("Internet services across the region were disrupted on Friday after two undersea cables "
                       "were cut, the regulator said. The government cut ties with its neighbour on Monday.")
    assert [(e.type, e.mode) for e in doc.events] == [("ACCIDENT", "outage"), ("SANCTION", None)]


def test_a_newly_appointed_office_holder_and_shells_crashing_are_no_new_happenings(extract_text):
    doc = extract_text("Newly appointed Prime Minister Ali Hassan has refused to respond to the demand. "
                       "Shells kept crashing into the port as the toll rose.")
    assert not {"OFFICE", "ACCIDENT"} & {e.type for e in doc.events}
    assert doc.events[0].type == "REJECT"


def test_a_fire_after_an_attack_is_its_damage_and_artillery_fire_no_accident(extract_text):
    doc = extract_text("Gunmen attacked a police station in the town on Monday. No one was hurt, but a small fire "
                       "broke out. Troops destroyed a depot with heavy artillery fire.")
    assert "ACCIDENT" not in {e.type for e in doc.events}
    assert any(m.text == "fire" for m in doc.events[0].mentions)


def test_the_blaze_told_in_the_next_paragraph_is_the_strikes_damage(extract_text):
    doc = extract_text("A drone hit a fuel depot near the river port on Friday night, killing two guards.\n\n"
                       "Crews fought the blaze until dawn, the mayor said.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert any(m.text == "blaze" for m in doc.events[0].mentions)
    doc = extract_text("A drone hit a fuel depot near the river port on Friday night, killing two guards.\n\n"
                       "In another district, a blaze destroyed a market on Saturday.")
    assert "ACCIDENT" in {e.type for e in doc.events}


def test_a_fire_being_fought_happened_and_a_tsunami_that_could_hit_did_not(extract_text):
    doc = extract_text("More than 40 firefighters were trying to control the fire at the warehouse on Sunday.")
    assert [(e.type, e.status) for e in doc.events][:1] == [("ACCIDENT", "occurred")]
    doc = extract_text("A tsunami could hit the coast if the quake is strong, the agency said.")
    assert all(e.status != "occurred" for e in doc.events if e.type == "DISASTER")


def test_voters_going_to_the_polls_or_casting_ballots_are_an_election(extract_text):
    for text in ("Voters in the island state go to the polls today to choose a new parliament.",
                 "Millions cast their ballots on Sunday in the first vote since the coup."):
        doc = extract_text(text)
        assert [e.type for e in doc.events] == ["ELECTION"], text
        assert doc.events[0].status == "occurred"


def test_going_to_a_polling_station_to_guard_it_is_no_election(extract_text):
    doc = extract_text("Soldiers went to the polling stations at dawn to guard them.")
    assert "ELECTION" not in [e.type for e in doc.events]
