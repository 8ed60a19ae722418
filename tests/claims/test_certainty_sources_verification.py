"""Certainty, polarity, source resolution, verification notes and disputes (sentences written for these tests)."""

from __future__ import annotations

import pytest

from wirewatch.model import Place


@pytest.mark.parametrize(
    ("text", "cue", "certainty", "words"),
    [
        ("The ministry said the town had fallen.", "said", "certain", []),
        ("The ministry said the enemy is likely to attack again.", "said", "probable", ["likely"]),
        ("“It is highly likely that the dam will break,” the ministry said.", "said", "probable", ["highly likely"]),
        ("The ministry said the enemy probably withdrew overnight.", "said", "probable", ["probably"]),
        ("Dozens of soldiers may have drowned, the mayor said.", "said", "possible", ["may"]),
        ("The mayor said the shelling might resume.", "said", "possible", ["might"]),
        ("The mayor said the convoy will arrive on Monday.", "said", "certain", []),
        ("The mayor said the convoy would arrive on Monday.", "said", "certain", []),
        ("“We would never give up the port,” the mayor said.", "said", "certain", []),
        ("The mayor said the city would surrender if the siege continued.", "said", "uncertain", ["if"]),
        ("The envoy asked whether the corridor was safe.", "asked", "uncertain", ["whether"]),
        ("Officials believe the tanks were sent north.", "believe", "probable", ["believe"]),
    ],
)
def test_certainty_and_the_words_that_decide_it(claims_of, text, cue, certainty, words) -> None:
    c = claims_of(text).by_cue(cue)
    assert c.certainty == certainty
    for w in words:
        assert w in [m.text for m in c.modality_cues]


@pytest.mark.parametrize(
    ("text", "cue", "polarity"),
    [
        ("The army denied that its troops had fired on the crowd.", "denied", "negative"),
        ("The government rejected the report.", "rejected", "negative"),
        ("The spokesman said the base was not hit.", "said", "negative"),
        ("The ministry rejected the claim that its jets had bombed the station.", "rejected", "negative"),
        ("Kyiv said any such move would have no legal basis.", "said", "negative"),
        ("Police said no one was hurt.", "said", "negative"),
        ("The spokesman said the base was hit.", "said", "positive"),
    ],
)
def test_polarity(claims_of, text, cue, polarity) -> None:
    c = claims_of(text).by_cue(cue)
    assert c.polarity == polarity
    assert c.modality_cues or polarity == "positive"


def test_pronoun_and_role_sources_link_to_the_named_speaker(claims_of, actor_at) -> None:
    text = ("Defence Minister Ana Petrova said the bridge was repaired. "
            "“Trucks can cross it again,” the minister told reporters. "
            "The energy agency said power was back. It said two plants were still offline.")
    actors = [actor_at(text, "Defence Minister Ana Petrova", "a1", "Ana Petrova", kind="GOV"),
              actor_at(text, "The energy agency", "a2", kind="GOV")]
    r = claims_of(text, actors=actors)
    told = r.by_cue("told")
    assert (told.source.text, told.source.actor) == ("the minister", "a1")
    it_said = [c for c in r.all_by_cue("said") if c.source.text == "It"][0]
    assert it_said.source.actor == "a2"
    assert r.by_cue("said").source.actor == "a1"


def test_source_kind_from_role_noun_without_actors(claims_of) -> None:
    r = claims_of("The foreign ministry said the ambassador had been recalled.")
    assert r.by_cue("said").source.kind == "GOV"


def test_general_verification_note_marks_earlier_claims_only(claims_of) -> None:
    text = ("The army said it had taken the hill. The rebels said they still held it. "
            "Our reporters could not independently verify the claims. "
            "A doctor said twelve people were treated.")
    r = claims_of(text)
    assert [n.kind for n in r.notes] == ["verification"]
    assert r.notes[0].text == "Our reporters could not independently verify the claims."
    verdicts = {c.source.text: c.verification for c in r.claims}
    assert verdicts == {"The army": "unverified", "The rebels": "unverified", "A doctor": None}


def test_specific_note_covers_the_previous_sentence(claims_of) -> None:
    text = ("The mayor said forty houses burned. Police said a truck overturned. "
            "The figure could not be independently confirmed.")
    r = claims_of(text)
    verdicts = {c.source.text: c.verification for c in r.claims}
    assert verdicts == {"The mayor": None, "Police": "unverified"}


def test_note_in_the_same_sentence(claims_of) -> None:
    r = claims_of("The militia said it shot down two drones, which could not be independently verified.")
    assert r.by_cue("said").verification == "unverified"
    assert r.notes and r.notes[0].kind == "verification"


def test_verified_by_the_outlet(claims_of) -> None:
    text = "Villagers said a school was hit. The damage was verified by Reuters from satellite images."
    r = claims_of(text)
    assert r.by_cue("said").verification == "verified"


def test_a_source_saying_it_cannot_confirm_is_not_an_outlet_note(claims_of) -> None:
    r = claims_of("The ministry said it could not confirm the casualty figures.")
    assert r.notes == []


def test_rebuttal_makes_both_claims_disputed(claims_of) -> None:
    text = "The ministry said the strike hit an arms depot. The rebels said the claim was false."
    r = claims_of(text)
    assert [c.verification for c in r.claims] == ["disputed", "disputed"]


def test_opposite_sides_on_the_same_thing_are_disputed(claims_of, actor_at) -> None:
    text = ("Northland said its troops had captured the river port. "
            "Southland said its troops still held the river port.")
    actors = [actor_at(text, "Northland", "a1", side="N"), actor_at(text, "Southland", "a2", side="S")]
    r = claims_of(text, actors=actors)
    assert {c.verification for c in r.claims} == {"disputed"}


def test_same_side_agreeing_is_not_disputed(claims_of, actor_at) -> None:
    text = "The ministry said the port was captured. The army said the port was captured on Monday."
    actors = [actor_at(text, "The ministry", "a1", side="N"), actor_at(text, "The army", "a2", side="N")]
    r = claims_of(text, actors=actors)
    assert {c.verification for c in r.claims} == {None}


def test_relative_pronoun_source_resolves_to_the_noun_it_hangs_on(claims_of, actor_at) -> None:
    text = "Diplomats will visit Nairobi, which has called for a truce but refused to send troops."
    r = claims_of(text, actors=[actor_at(text, "Nairobi", "a1", kind="GOV")])
    c = r.by_cue("called for")
    assert c.source.text == "which"
    assert c.source.actor == "a1"
    assert (c.source.antecedent.text, c.source.antecedent.start) == ("Nairobi", text.index("Nairobi"))


def test_personal_pronoun_source_resolves_to_the_person_named_before(claims_of, actor_at) -> None:
    text = ("Colonel Marta Vance said the airfield was closed. "
            "She said two runways had been damaged by the storm.")
    r = claims_of(text, actors=[actor_at(text, "Colonel Marta Vance", "a1", "Marta Vance", kind="MIL")])
    she = [c for c in r.claims if c.source.text == "She"][0]
    assert she.source.actor == "a1"
    assert she.source.antecedent.text == "Colonel Marta Vance"
    named = [c for c in r.claims if c.source.text == "Colonel Marta Vance"][0]
    assert named.source.antecedent is None  # a name needs no antecedent


def test_possessive_role_source_resolves_to_the_reported_subject(claims_of, actor_at) -> None:
    text = ("The Northern Alliance may disband once the treaty is signed, its leader was quoted as saying. "
            "The ministry said the treaty would be signed in June.")
    actors = [actor_at(text, "The Northern Alliance", "a1", "Northern Alliance", kind="REB"),
              actor_at(text, "The ministry", "a2", kind="GOV")]
    c = claims_of(text, actors=actors).by_cue("was quoted as saying")
    assert c.source.text == "its leader"
    assert c.source.actor == "a1"
    assert c.source.antecedent.text == "The Northern Alliance"


def test_either_side_note_covers_both_sides_before_and_after_it_and_no_third_party(claims_of, actor_at) -> None:
    text = ("Northland said its troops had taken the ridge. Southland said it had repelled the attack. "
            "The Wire could not immediately verify the claims made by either side. "
            "A Red Cross official said twelve wounded were treated. "
            "Northland later said its drones had destroyed a depot.")
    actors = [actor_at(text, "Northland", "a1", side="N"), actor_at(text, "Southland", "a2", side="S"),
              actor_at(text, "A Red Cross official", "a3", kind="IGO"),
              actor_at(text, "Northland", "a4", nth=1, side="N")]
    r = claims_of(text, actors=actors)
    (note,) = r.notes
    assert (note.kind, note.id) == ("verification", "n1")
    covered = [c for c in r.claims if c.verification == "unverified"]
    assert {c.source.actor for c in covered} == {"a1", "a2", "a4"}
    assert all(c.note == "n1" for c in covered)
    red_cross = [c for c in r.claims if c.source.actor == "a3"][0]
    assert red_cross.verification is None and red_cross.note is None


def test_an_official_body_takes_the_side_of_the_town_it_speaks_for(claims_of, actor_at) -> None:
    text = ("Northland said the talks had failed. Southland said it would talk again. "
            "The Wire could not verify the claims made by either side.\n\n"
            "In the port of Lumen, a shell hit the market. Authorities said nine people were killed.")
    actors = [actor_at(text, "Northland", "a1", side="XN"), actor_at(text, "Southland", "a2", side="XS"),
              actor_at(text, "Authorities", "a3", kind="GOV")]
    at = text.index("Lumen")
    lumen = Place(id="p1", text="Lumen", start=at, end=at + 5, country_code="XS", feature_code="PPL")
    r = claims_of(text, actors=actors, places=[lumen])
    assert [c.verification for c in r.claims if c.source.text == "Authorities"] == ["unverified"]
    r = claims_of(text, actors=actors)  # no place to tell whose authorities they are: not a side
    assert [c.verification for c in r.claims if c.source.text == "Authorities"] == [None]


def test_independently_verified_marks_verified_with_its_note(claims_of) -> None:
    text = "Villagers said the bridge had collapsed. The Wire has independently verified the footage."
    r = claims_of(text)
    c = r.by_cue("said")
    assert c.verification == "verified"
    assert c.note == r.notes[0].id


def test_a_correction_marks_the_corrected_claim_disputed(claims_of) -> None:
    text = ("The governor said forty homes were destroyed in the flood. The mayor said the dam held.\n\n"
            "An earlier version of this story misstated the number of homes destroyed in the flood.")
    r = claims_of(text)
    (note,) = r.notes
    assert note.kind == "correction"
    governor = [c for c in r.claims if c.source.text == "The governor"][0]
    assert (governor.verification, governor.note) == ("disputed", note.id)
    assert [c.verification for c in r.claims if c.source.text == "The mayor"] == [None]
