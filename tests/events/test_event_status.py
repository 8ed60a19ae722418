"""Did it happen? Each status on sentences written for these tests, and reported speech as a claim."""

from __future__ import annotations

import pytest


def _event(doc, trigger: str):
    hits = [e for e in doc.events if e.trigger.text == trigger or any(m.text == trigger for m in e.mentions)]
    assert hits, [(e.type, e.trigger.text, e.status) for e in doc.events]
    return hits[0]


@pytest.mark.parametrize("text,trigger,status", [
    # occurred: asserted, reported, hedged in the past, a headline in the present
    ("Rebels shelled the airport on Monday.", "shelled", "occurred"),
    ("The governor said rebels had shelled the airport.", "shelled", "occurred"),
    ("At least forty people may have died in the flooded camp, aid workers said.", "died", "occurred"),
    ("Army retakes the river port\n\nThe town was quiet on Sunday.", "retakes", "occurred"),
    ("The militia was forced to withdraw from the ridge.", "withdraw", "occurred"),
    # future: will, plans, promises, likely to
    ("The two presidents will meet in Vienna next week.", "meet", "future"),
    ("The army plans to deploy two more brigades to the border.", "deploy", "future"),
    ("The rebels are likely to continue shelling the port.", "shelling", "future"),
    # hypothetical: conditions, may/might/could, proposals, what is asked for
    ("The militia could attack the convoy on the mountain road.", "attack", "hypothetical"),
    ("If talks fail, the rebels would attack the garrison.", "attack", "hypothetical"),
    ("Under the draft proposal, both armies would withdraw from the valley.", "withdraw", "hypothetical"),
    # generic: characterisations and long-period summaries
    ("The war has killed thousands of people since 2014.", "killed", "generic"),
    ("The government calls its assault a police operation.", "assault", "generic"),
    ("The army has failed to capture any major city in its year-long campaign.", "capture", "generic"),
], ids=lambda v: v[:30] if isinstance(v, str) else None)
def test_status(extract_text, text, trigger, status):
    assert _event(extract_text(text), trigger).status == status


def test_future_in_reported_speech(extract_text):
    doc = extract_text("The minister said the army would withdraw from the valley.")
    assert _event(doc, "withdraw").status == "future"


def test_what_did_not_happen_is_negative(extract_text):
    doc = extract_text("The army failed to capture the town of Ostrov.")
    assert _event(doc, "capture").polarity == "negative"


def test_reported_speech_is_a_claim_and_the_event_is_what_it_reports(extract_text):
    doc = extract_text("Officials in the capital said soldiers killed three farmers near the well.")
    assert [e.type for e in doc.events] == ["ASSAULT"]        # "said" is no event
    event = doc.events[0]
    assert event.claim is not None
    claim = {c.id: c for c in doc.claims}[event.claim]
    assert claim.content.start <= event.trigger.start < claim.content.end


def test_a_goal_is_no_happening(extract_text):
    doc = extract_text("Police launched a raid to arrest the smugglers. They seized two trucks.")
    assert "arrest" not in [e.trigger.text for e in doc.events]


def test_a_description_is_no_happening(extract_text):
    doc = extract_text("The move is more of a regrouping than a retreat, officials said. Rebels shelled the port.")
    assert [e.trigger.text for e in doc.events] == ["shelled"]
    doc = extract_text("Many families live in the districts that have seen heavy fighting.")
    assert doc.events == []
