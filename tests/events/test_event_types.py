"""Every PLOVER type (and the main modes) is coded from sentences written for these tests."""

from __future__ import annotations

import pytest

# (sentence, expected type of the main event, expected mode or None for "don't care")
CASES = [
    ("The two rival parties agreed on Monday to form a unity government.", "AGREE", None),
    ("The foreign ministers signed a trade accord in the capital.", "SUPPORT", None),
    ("The northern province promised to hand over its heavy weapons.", "AGREE", None),
    ("The Dutch prime minister met his Belgian counterpart in Antwerp on Friday.", "CONSULT", None),
    ("The Kenyan president will travel to Addis Ababa next week.", "AGREE", None),
    ("The envoy visited Khartoum on Sunday.", "CONSULT", "visit"),
    ("The two presidents discussed the border dispute in a phone call.", "CONSULT", "phone"),
    ("The Red Cross mediated talks between the two militias.", "CONSULT", "third-party"),
    ("The council praised the mayor for his handling of the floods.", "SUPPORT", None),
    ("Portugal endorsed the candidacy of the Chilean diplomat.", "SUPPORT", None),
    ("The border police of both states cooperated to dismantle the smuggling ring.", "COOPERATE", None),
    ("Norway donated 40 tonnes of medical supplies to the flooded region.", "AID", None),
    ("The agency sent food aid to the refugee camps in the north.", "AID", None),
    ("The army withdrew its armoured brigades from the disputed valley.", "RETREAT", None),
    ("Government troops pulled out of the besieged town on Thursday.", "RETREAT", None),
    ("The junta released forty political prisoners on Saturday.", "CONCEDE", "release"),
    ("The regime eased restrictions on foreign journalists.", "CONCEDE", None),
    ("The opposition urged the government to hold new elections.", "REQUEST", None),
    ("Farmers demanded compensation for the drought.", "REQUEST", "demand"),
    ("The senator accused the interior minister of covering up the shooting.", "ACCUSE", None),
    ("The union condemned the dismissal of the striking miners.", "ACCUSE", None),
    ("Prosecutors are investigating the former governor for fraud.", "ACCUSE", "investigate"),
    ("The cabinet rejected the peace proposal on Tuesday.", "REJECT", None),
    ("The president refused to meet the rebel delegation.", "REJECT", None),
    ("The militia threatened to attack the convoy if it entered the valley.", "THREATEN", None),
    ("Thousands of students protested against the new tuition fees in the capital.", "PROTEST", "demo"),
    ("Dock workers went on strike over unpaid wages.", "PROTEST", "strike"),
    ("Eleven detainees began a hunger strike in the prison.", "PROTEST", "hunger"),
    ("Rioters looted shops and torched cars in the port city.", "PROTEST", None),
    ("The European Union imposed sanctions on three steel companies.", "SANCTION", None),
    ("The country expelled two diplomats of its neighbour.", "SANCTION", None),
    ("The navy deployed two frigates to the strait.", "MOBILIZE", "troops"),
    ("Police arrested twelve protesters outside parliament.", "COERCE", "arrest"),
    ("Customs officers seized a shipment of rifles at the harbour.", "COERCE", "seize"),
    ("The authorities imposed a curfew on the northern districts.", "COERCE", "curfew"),
    ("Bulldozers demolished the homes of the displaced families.", "COERCE", "destroy"),
    ("Gunmen kidnapped two engineers near the oil field.", "COERCE", "abduct"),
    ("Rebels attacked an army post near the border, killing three soldiers.", "ASSAULT", None),
    ("Warplanes bombed the rebel-held district overnight.", "ASSAULT", "aerial"),
    ("A drone strike hit a car on the coastal road.", "ASSAULT", "drone"),
    ("Artillery shelled the outskirts of the town for a second day.", "ASSAULT", "shelling"),
    ("A roadside bomb exploded next to a police vehicle.", "ASSAULT", "explosives"),
    ("A suicide bomber blew himself up at the checkpoint.", "ASSAULT", "suicide-attack"),
    ("Soldiers shot dead a man at the crossing.", "ASSAULT", "firearms"),
]


@pytest.mark.parametrize("sentence,type_,mode", CASES, ids=[c[0][:40] for c in CASES])
def test_main_event_type_and_mode(extract_text, sentence, type_, mode):
    doc = extract_text(sentence)
    assert doc.events, "no event coded"
    main = doc.events[0]
    assert main.type == type_, [(e.type, e.trigger.text if e.trigger else None) for e in doc.events]
    if mode is not None:
        assert main.mode == mode


def test_every_plover_type_is_covered():
    from typing import get_args

    from wirewatch.model import PloverType

    assert {c[1] for c in CASES} == set(get_args(PloverType))


def test_sentence_without_event_gives_none(extract_text):
    doc = extract_text("The museum opened a new wing devoted to medieval tapestries.")
    assert [e.type for e in doc.events] == []


def test_every_event_has_cameo_and_evidence(extract_text):
    text = "Police detained a journalist in the capital. The army shelled two villages."
    doc = extract_text(text)
    assert [e.type for e in doc.events] == ["COERCE", "ASSAULT"]
    for e in doc.events:
        assert e.cameo and e.evidence.text in text and text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.trigger is not None and text[e.trigger.start:e.trigger.end] == e.trigger.text
    assert doc.events[0].acled_sub_event_type == "Arrests"
    assert doc.events[1].acled_event_type == "Explosions/Remote violence"
