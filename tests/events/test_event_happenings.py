"""One event per happening: mentions grouped, distinct happenings kept apart, figures counted once."""

from __future__ import annotations


def _texts(event):
    return [m.text for m in event.mentions]


def test_one_happening_told_in_three_sentences_is_one_event(extract_text):
    text = ("Russia promised on Monday to scale down its operations around the city of Dolyna. "
            "Officials in Kyiv reacted with caution to the offer. "
            "Russia's promise to reduce fighting covered only the north.")
    doc = extract_text(text)
    promises = [e for e in doc.events if e.type == "AGREE"]
    assert len(promises) == 1, [(e.type, _texts(e)) for e in doc.events]
    assert {"promised", "offer", "promise"} <= set(_texts(promises[0]))
    assert promises[0].evidence.text.startswith("Russia promised")      # the clearest mention is the evidence
    for m in promises[0].mentions:
        assert text[m.start:m.end] == m.text


def test_a_second_strike_in_another_town_is_a_second_event(extract_text):
    text = ("A missile hit a school in Kramatorsk on Tuesday. "
            "Another missile hit a hospital in Sloviansk on Wednesday.")
    doc = extract_text(text)
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(strikes) == 2
    places = {p.id: p.text for p in doc.places}
    assert {places.get(e.place) for e in strikes} == {"Kramatorsk", "Sloviansk"}


def test_what_is_promised_is_part_of_the_promise(extract_text):
    doc = extract_text("The rebels agreed to release all prisoners and to withdraw from the port.")
    assert [e.type for e in doc.events] == ["AGREE"]


def test_a_condemned_attack_stays_a_happening_of_its_own(extract_text):
    doc = extract_text("The president condemned the attack on the village of Ribe.")
    assert sorted(e.type for e in doc.events) == ["ACCUSE", "ASSAULT"]


def test_a_protest_takes_in_what_the_police_did_to_it(extract_text):
    doc = extract_text("Hundreds of farmers protested in Patna on Monday. Police detained twenty of them.")
    assert len(doc.events) == 1
    assert doc.events[0].acled_sub_event_type == "Protest with intervention"


def test_casualties_of_an_attack_count_once(extract_text):
    text = ("In the northern town of Gao, gunmen attacked a market on Friday, killing five traders. "
            "The five traders were buried on Saturday.")
    doc = extract_text(text)
    attack = doc.events[0]
    assert attack.fatalities == 5
    killed = [f for f in doc.figures if f.id in attack.figures and f.category == "killed"]
    assert sum((f.value or f.low or 0) for f in killed) == 5


def test_acled_conventions_for_figures_without_a_number(extract_text):
    doc = extract_text("Rebels attacked an army base near Gao, killing dozens of soldiers.")
    assert doc.events[0].fatalities == 12


def test_main_happening_first(extract_text):
    text = "Soldiers shelled the port of Hodeidah on Monday. Later, the two sides met for talks in Muscat."
    doc = extract_text(text)
    assert [e.type for e in doc.events] == ["ASSAULT", "CONSULT"]
    assert [e.id for e in doc.events] == ["e1", "e2"]


def test_a_later_paragraph_that_refers_back_joins_with_all_its_words(extract_text):
    """"killed in the attack": the verb told before the noun refers back too, across a paragraph break."""
    text = ("Drones struck a grain depot in the port of Izmail early on Monday, the governor said.\n\n"
            "Two guards were killed in the attack, a regional official said.")
    doc = extract_text(text)
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(strikes) == 1, [(e.type, _texts(e)) for e in doc.events]
    assert {"struck", "killed"} <= set(_texts(strikes[0]))


def test_a_later_paragraph_without_a_word_pointing_back_stays_apart(extract_text):
    text = ("Drones struck a grain depot in the port of Izmail early on Monday, the governor said.\n\n"
            "Two guards were killed by sniper fire near Kherson on Tuesday, a regional official said.")
    doc = extract_text(text)
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 2


def test_evidence_does_not_quote_the_dateline(extract_text):
    text = "KHARKIV, Ukraine, May 2 (Wirewatch) — Russian forces shelled a school on the city's edge overnight."
    doc = extract_text(text, dateline="KHARKIV, Ukraine, May 2 (Wirewatch) —")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert event.evidence.text.startswith("Russian forces shelled")    # the parser ran the dateline in
    assert text[event.evidence.start:event.evidence.end] == event.evidence.text
