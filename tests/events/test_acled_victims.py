"""ACLED coding: who was hit decides between a battle, violence against civilians and mob violence.

Sentences written for these tests (places and names invented or generic)."""

from __future__ import annotations

import pytest

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
    doc = extract_text(text)
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None, [(e.type, e.trigger.text) for e in doc.events]
    assert (coded.acled_event_type, coded.acled_sub_event_type) == (event_type, sub_event_type)
