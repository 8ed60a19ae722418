"""ACLED coding by the codebook's decision rules, one sentence (written for these tests) per rule."""

from __future__ import annotations

import pytest

CASES = [
    # the means of attack decide among remote violence
    ("Warplanes bombed a market in Dara on Friday.", "Explosions/Remote violence", "Air/drone strike"),
    ("A drone struck a car on the coastal road near Sirte.", "Explosions/Remote violence", "Air/drone strike"),
    ("Artillery shelled the outskirts of Mosul overnight.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded next to a police vehicle in Kandahar.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("A man threw a hand grenade at a police post in Srinagar.", "Explosions/Remote violence", "Grenade"),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu.", "Explosions/Remote violence", "Suicide bomb"),
    # two armed sides: a battle, whatever the weapons; territory changing hands
    ("Government troops clashed with rebels near the village of Kamba.", "Battles", "Armed clash"),
    ("Army units and militants exchanged artillery fire on the Hama front.", "Battles", "Armed clash"),
    ("Government forces recaptured the town of Ostrov from the rebels.", "Battles", "Government regains territory"),
    ("Rebels captured the town of Ostrov after a week of fighting.", "Battles", "Non-state actor overtakes territory"),
    # one-sided violence against unarmed people
    ("Gunmen shot dead two farmers in the village of Tiri.", "Violence against civilians", "Attack"),
    ("Soldiers beat a shopkeeper in the market of Kara.", "Violence against civilians", "Attack"),
    ("Militants kidnapped two aid workers near Gao.", "Violence against civilians", "Abduction/forced disappearance"),
    # protests and riots by what the crowd and the police do
    ("Hundreds of teachers protested outside the parliament in Lima.", "Protests", "Peaceful protest"),
    ("Nurses rallied in Quito. Police dispersed the protesters with tear gas.", "Protests", "Protest with intervention"),
    ("Students marched in Dhaka. Police shot dead three protesters.", "Protests",
     "Excessive force against protesters"),
    ("Protesters threw stones at police and burned tyres in Tunis.", "Riots", "Violent demonstration"),
    ("An angry mob beat a man accused of theft in the village of Soba.", "Riots", "Mob violence"),
    # strategic developments
    ("Police arrested the opposition leader in Minsk.", "Strategic developments", "Arrests"),
    ("Government troops withdrew from the town of Zula.", "Strategic developments",
     "Non-violent transfer of territory"),
    ("The army deployed two brigades to the northern border.", "Strategic developments", "Change to group/activity"),
    ("Bomb disposal experts defused an explosive device in Basra.", "Strategic developments", "Disrupted weapons use"),
    ("Militiamen looted shops in the market of Bunia.", "Strategic developments", "Looting/property destruction"),
    ("The two sides signed a ceasefire agreement in Juba.", "Strategic developments", "Agreement"),
]


@pytest.mark.parametrize("text,event_type,sub_event_type", CASES, ids=[c[2] + ": " + c[0][:25] for c in CASES])
def test_acled_rule(extract_text, text, event_type, sub_event_type):
    doc = extract_text(text)
    coded = next((e for e in doc.events if e.acled_event_type), None)
    assert coded is not None, [(e.type, e.trigger.text) for e in doc.events]
    assert (coded.acled_event_type, coded.acled_sub_event_type) == (event_type, sub_event_type)


def test_statements_have_no_acled_type(extract_text):
    doc = extract_text("The foreign minister criticised the decision on Tuesday.")
    assert [e.acled_event_type for e in doc.events] == [None]


def test_shelling_that_hits_civilians_stays_remote_violence(extract_text):
    doc = extract_text("Rebels fired mortar shells at houses in Hayat, killing a woman.")
    event = doc.events[0]
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_first_cue_by_lookup_matches_the_file_order_scan():
    """`cues.first` looks the words up when they are fewer than the cues: the same cue as reading the cues
    in file order."""
    import random

    from wirewatch.extract.events.coding.cues import cues, first

    rng = random.Random(3)
    for feature, table in cues().items():
        lemmas = [lemma for lemma, _ in table]
        for size in (0, 1, 2, 5, len(lemmas) + 3):
            for _ in range(20):
                found = set(rng.sample(lemmas, min(size, len(lemmas)))) | {"zzz-not-a-cue"}
                assert first(feature, found) == next((v for lemma, v in table if lemma in found), None)
