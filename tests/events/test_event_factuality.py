"""How sure an event is and whether it happened: the event's own modality, announced actions, claims."""

from __future__ import annotations

import pytest


def _main(extract_text, text: str):
    doc = extract_text(text)
    assert doc.events, "no event coded"
    return doc.events[0]


@pytest.mark.parametrize("text,certainty,polarity", [
    ("Rebels shelled the airport on Monday.", "certain", "positive"),
    ("The army is likely to continue shelling the port with heavy artillery.", "probable", "positive"),
    ("Insurgents may attack the convoy on the mountain road.", "possible", "positive"),
    ("The government did not arrest the opposition leader.", "certain", "negative"),
    ("The militia failed to capture the airport.", "certain", "negative"),
    ("Analysts expect the army to launch an offensive against the rebels in the spring.", "probable", "positive"),
], ids=["plain", "likely", "may", "not", "failed", "expected"])
def test_own_modality(extract_text, text, certainty, polarity):
    event = _main(extract_text, text)
    assert (event.certainty, event.polarity) == (certainty, polarity)


def test_third_party_prediction_stays_an_assault_but_is_not_certain(extract_text):
    event = _main(extract_text, "The general said the enemy will bomb the bridges within days.")
    assert event.type == "ASSAULT"
    assert event.certainty != "certain"


def test_announced_cooperative_action_is_agree(extract_text):
    event = _main(extract_text, "The ministry said it will release the detained fishermen next week.")
    assert event.type == "AGREE"


def test_announced_hostile_action_is_threaten_with_mode(extract_text):
    event = _main(extract_text, "The rebel commander said they would attack the garrison if talks failed.")
    assert (event.type, event.mode) == ("THREATEN", "violence")


def test_refused_cooperation_is_reject(extract_text):
    event = _main(extract_text, "The two delegations failed to reach an agreement on the border.")
    assert event.type == "REJECT"


def test_must_clause_is_request_from_speaker(extract_text):
    doc = extract_text("The prime minister said the militias must surrender their weapons.")
    assert doc.events[0].type == "REQUEST"


def test_claim_caps_certainty(extract_text):
    # The outlet reports an unverified claim: whatever the claims stage says about it caps the event.
    doc = extract_text("Witnesses said soldiers might have fired on the crowd near the market.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert event.certainty in ("possible", "uncertain")
