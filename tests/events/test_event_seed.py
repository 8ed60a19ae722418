"""The issue's done-when on the seed article (read from ../shared at run time; skipped when absent)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed_doc(extract_text, seed_text):
    return extract_text(seed_text, date="2022-03-30")


def _around(doc, event, word: str) -> bool:
    return word in event.evidence.text


def test_mykolaiv_missile_strike_is_an_assault_in_mykolaiv_with_its_figures(seed_doc):
    places = {p.id: p for p in seed_doc.places}
    strikes = [e for e in seed_doc.events if e.type == "ASSAULT" and e.trigger.text.startswith("blasted")
               and e.place is not None and places[e.place].text == "Mykolaiv"]
    assert strikes, [(e.type, e.trigger.text) for e in seed_doc.events]
    figures = {f.id: f for f in seed_doc.figures}
    counted = {(figures[f].category, figures[f].value or figures[f].low) for f in strikes[0].figures}
    assert {("killed", 12), ("injured", 33)} <= counted
    assert strikes[0].certainty == "certain" and strikes[0].polarity == "positive"


def test_troops_returning_home_is_the_main_event_and_a_retreat(seed_doc):
    main = seed_doc.events[0]
    assert (main.type, main.trigger.text) == ("RETREAT", "return")


def test_istanbul_talks_and_putin_macron_call_are_consultations(seed_doc):
    places = {p.id: p.text for p in seed_doc.places}
    talks = [e for e in seed_doc.events if e.type == "CONSULT" and places.get(e.place) == "Istanbul"]
    assert talks
    call = [e for e in seed_doc.events if e.type == "CONSULT" and "Putin" in e.evidence.text
            and "Macron" in e.evidence.text]
    assert call and call[0].mode == "phone"


def test_russian_military_accusation(seed_doc):
    actors = {a.id: a.text for a in seed_doc.actors}
    accuse = [e for e in seed_doc.events if e.type == "ACCUSE" and e.trigger.text == "accused"]
    assert accuse and "military" in actors.get(accuse[0].actor1, "")


def test_predicted_artillery_and_missile_strikes_are_not_certain(seed_doc):
    predicted = [e for e in seed_doc.events if e.type == "ASSAULT" and "artillery" in e.evidence.text
                 and e.trigger.text == "strikes"]
    assert predicted and predicted[0].certainty != "certain"
    assert predicted[0].mode == "shelling"
