"""Where, who and how ACLED codes it: the second round of rules, each on sentences written for these tests."""

from __future__ import annotations

import pytest


def _main(doc):
    """The first event with an ACLED type (the main happening), as the ACLED export reads it."""
    return next(e for e in doc.events if e.acled_event_type)


def _place(doc, event) -> str | None:
    return next((p.name for p in doc.places if p.id == event.place), None)


def _actor(doc, actor_id):
    return next((a for a in doc.actors if a.id == actor_id), None)


# ---- where: the place of the happening's own clause ----------------------------------------------------

@pytest.mark.parametrize("text,place", [
    # coordinated verbs share what follows them: the object and the place
    ("On 3 May 2020, soldiers shot and killed a shepherd in Kandahar.", "Kandahār"),
    ("On 3 May 2020, police arrested and beat a journalist in Kandahar.", "Kandahār"),
    # a verb that only says the event happened lends its place
    ("On 3 May 2020, mortar fire was reported in Kandahar overnight.", "Kandahār"),
    ("On 3 May 2020, clashes took place in Kandahar between two armed groups.", "Kandahār"),
    # a folded trigger lends a better-attached place ("killed ... when militants attacked a convoy in X")
    ("On 3 May 2020, two drivers were killed when insurgents attacked their fuel convoy in Kandahar.", "Kandahār"),
], ids=["conj-shoot-kill", "conj-arrest-beat", "was-reported-in", "took-place-in", "folded-when-clause"])
def test_place_of_the_clause(extract_text, text, place):
    doc = extract_text(text, date="2020-05-03")
    assert _place(doc, _main(doc)) == place


def test_a_country_gives_way_to_a_narrower_place(extract_text):
    doc = extract_text("On 3 May 2020, shopkeepers held a rally in Kandahar in support of the government of "
                       "Afghanistan.", date="2020-05-03")
    assert _place(doc, _main(doc)) == "Kandahār"


def test_a_place_sharing_a_word_with_an_actor_is_still_a_place(extract_text):
    """"Mali" read as an actor inside "Mali Lošinj" does not make the town an actor named as a place."""
    doc = extract_text("On 12 June 2021, fishermen protested outside the harbour office in Mali Lošinj, Croatia, "
                       "over new mooring fees.", date="2021-06-12")
    assert _place(doc, _main(doc)) == "Mali Lošinj"


def test_talks_about_a_country_do_not_happen_there(extract_text):
    doc = extract_text("The two presidents discussed developments in the situation around Ukraine in a phone call "
                       "on Tuesday.")
    talks = next(e for e in doc.events if e.type == "CONSULT")
    assert _place(doc, talks) != "Ukraine"


# ---- who: the other side of a fight, the agent behind a noun --------------------------------------------

@pytest.mark.parametrize("text,actor1,actor2", [
    ("On 3 May 2020, five militants were killed during clashes with army commandos in Kandahar.",
     "army commandos", "five militants"),
    ("On 3 May 2020, a gang leader was killed after exchanging fire with police officers in Salvador.",
     "police officers", "a gang leader"),
    ("On 3 May 2020, clashes erupted between tribal fighters and army units near Kandahar.",
     "tribal fighters", None),
    ("On 3 May 2020, an operation by army commandos killed six militants in Kandahar.",
     "army commandos", "six militants"),
    ("On 3 May 2020, the army engaged in a firefight with rebels near Kandahar.", "the army", "rebels"),
], ids=["during-clashes-with", "after-exchanging-fire-with", "clashes-erupted-between", "operation-by",
        "engaged-in-a-firefight"])
def test_who_fought_whom(extract_text, text, actor1, actor2):
    doc = extract_text(text, date="2020-05-03")
    ev = _main(doc)
    a1, a2 = _actor(doc, ev.actor1), _actor(doc, ev.actor2)
    assert a1 is not None and a1.text == actor1
    if actor2 is not None:
        assert a2 is not None and a2.text == actor2


def test_a_noun_event_takes_its_light_verbs_subject(extract_text):
    doc = extract_text("The emir of Qatar launched a mediation effort between the two neighbours on Saturday.")
    ev = next(e for e in doc.events if e.type == "CONSULT")
    assert _actor(doc, ev.actor1).text.startswith("The emir")


def test_a_participle_on_a_statement_takes_the_issuers_voice(extract_text):
    doc = extract_text("The rebel party issued a declaration demanding that the government release its leader.")
    ev = next(e for e in doc.events if e.type == "REQUEST")
    assert "rebel party" in _actor(doc, ev.actor1).text


def test_ones_own_troops_are_no_target_of_a_withdrawal(extract_text):
    doc = extract_text("Russia has started moving troops away from positions around Kyiv, the Pentagon said.")
    ev = next(e for e in doc.events if e.type == "RETREAT")
    assert ev.actor2 is None


def test_a_country_left_is_the_other_party(extract_text):
    doc = extract_text("Syria says it is willing to withdraw its troops from Lebanon.")
    assert any(a.text == "Lebanon" for a in doc.actors)


# ---- actors: forces named by role words or by whom they back take the home country -----------------------

@pytest.mark.parametrize("text,actor", [
    ("On 3 May 2020, pro-government forces clashed with rebels in Kandahar, Helmand and Kabul.",
     "pro-government forces"),
    ("On 3 May 2020, in Natal, Rio Grande do Norte, the Military Police wounded a robbery suspect.", "the Military Police"),
    ("On 3 May 2020, gendarmes arrested two smugglers in Agadez.", "gendarmes"),
])
def test_state_forces_take_the_home_country(extract_text, text, actor):
    doc = extract_text(text, date="2020-05-03")
    found = next(a for a in doc.actors if a.text == actor)
    assert found.country_code is not None and found.inter == 1


# ---- ACLED coding: rules of this round --------------------------------------------------------------------

@pytest.mark.parametrize("text,etype,sub", [
    ("On 3 May 2020, hundreds of textile workers marched in Tiruppur to claim unpaid wages. Rioters threw bricks "
     "at a police van.", "Riots", "Violent demonstration"),
    ("On 3 May 2020, about 40 traders protested in Lima against the closure of the market. Six protesters were "
     "arrested by the police.", "Protests", "Protest with intervention"),
    ("On 3 May 2020, jobless graduates demonstrated in Gafsa and blocked the main road with burning tyres.",
     "Riots", "Violent demonstration"),
    ("On 3 May 2020, two groups of seasonal labourers clashed at a bus depot in Nashik over unpaid wages.",
     "Riots", "Mob violence"),
    ("On 3 May 2020, a crowd of villagers vandalised a pharmacy in Gaya.", "Riots", "Mob violence"),
    ("On 3 May 2020, masked gunmen assassinated a police major in Deir ez-Zor.", "Battles", "Armed clash"),
    ("On 3 May 2020, two women were raped by armed militiamen near Beni.",
     "Violence against civilians", "Sexual violence"),
    ("On 3 May 2020, a shoot-out took place in Fortaleza.", "Battles", "Armed clash"),
    ("On 3 May 2020, residents burned tyres and demonstrated in Sfax over water cuts.", "Riots",
     "Violent demonstration"),
    ("On 3 May 2020, two men on a motorcycle shot dead a trader in Recife.", "Violence against civilians", "Attack"),
    ("On 3 May 2020, militants shot dead an off-duty soldier near his house in Baidoa.",
     "Violence against civilians", "Attack"),
    ("On 3 May 2020, gunmen shot dead the leader of an opposition party in Quetta.",
     "Violence against civilians", "Attack"),
], ids=["crowd-violence-told-next", "arrests-told-next", "burning-tyres", "crowd-of-labourers",
        "villagers-vandalise", "assassinated-soldier", "raped", "shoot-out", "crowd-burns-and-demonstrates",
        "two-men-no-mob", "off-duty-soldier", "party-leader"])
def test_acled_round2(extract_text, text, etype, sub):
    doc = extract_text(text, date="2020-05-03")
    ev = _main(doc)
    assert (ev.acled_event_type, ev.acled_sub_event_type) == (etype, sub)


def test_a_lone_civilian_attacker_is_no_mob(extract_text):
    doc = extract_text("On 3 May 2020, a man stabbed a woman in a street of Haifa.", date="2020-05-03")
    assert _main(doc).acled_sub_event_type != "Mob violence"


def test_a_label_before_a_colon_is_not_the_subject(extract_text):
    doc = extract_text("Troop movements: On 8 June 2021, Russian forces deployed armoured units along the road "
                       "near Belgorod.", date="2021-06-08")
    ev = next(e for e in doc.events if e.type == "MOBILIZE")
    assert _actor(doc, ev.actor1).text == "Russian forces"


def test_a_lone_province_read_abroad_does_not_set_the_home_country(extract_text):
    """"Nord-Ouest" read as Haiti's province beside Kumbo: the unnamed forces are Cameroon's."""
    doc = extract_text("On 14 June 2021, the military forces wounded a farmer outside Kumbo town "
                       "(Bui, Nord-Ouest).", date="2021-06-14")
    forces = next(a for a in doc.actors if a.text == "the military forces")
    assert forces.country_code == "CM"
