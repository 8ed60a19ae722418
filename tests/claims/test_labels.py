"""Attributions written as layout (labels.py): transcript turns, credit lines, name-colon headlines.
Sentences written for these tests."""

from __future__ import annotations

TRANSCRIPT = (
    "Part of the interview follows.\n\n"
    "HOST: Minister, will the grain corridor reopen this month?\n\n"
    "OKAFOR: We expect the first ships to leave the port within ten days.\n\n"
    "HOST: And if the talks fail?\n")


def test_transcript_turns_are_claims_of_their_speakers(claims_of) -> None:
    r = claims_of(TRANSCRIPT)
    turns = r.all_by_cue("")  # the cue ":" reads as "" once by_cue strips the colon
    assert [(c.source.text, c.content.text) for c in turns] == [
        ("HOST", "Minister, will the grain corridor reopen this month?"),
        ("OKAFOR", "We expect the first ships to leave the port within ten days"),  # unquoted: no final period
        ("HOST", "And if the talks fail?")]


def test_one_editorial_label_is_no_speaker(claims_of) -> None:
    r = claims_of("The ferry service resumed on Tuesday.\n\nUPDATE: The port reopened at noon.\n\n"
                  "CORRECTION: An earlier version misstated the ferry's name.\n")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text == ":"]


def test_a_single_capitalised_label_is_no_transcript(claims_of) -> None:
    r = claims_of("The ferry service resumed on Tuesday.\n\nKYIV: The port reopened at noon.\n")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text == ":"]


def test_a_quotation_credited_by_a_dash(claims_of) -> None:
    text = ("Readers wrote to us about the floods.\n"
            "“We lost the bakery and the house in one night.” ― Olena Petrenko.\n"
            "“The water came faster than any warning.”\u00a0―\u00a0Tomas B. Varga\n")
    r = claims_of(text)
    credited = [c for c in r.claims if c.cue is not None and c.cue.text == "―"]
    assert [(c.source.text, c.content.text, c.direct_quote) for c in credited] == [
        ("Olena Petrenko", "“We lost the bakery and the house in one night.”", True),
        ("Tomas B. Varga", "“The water came faster than any warning.”", True)]


def test_a_dash_inside_a_sentence_credits_no_one(claims_of) -> None:
    r = claims_of("The army called it a “special operation” — a term Kyiv rejects — and pressed on.")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text == "—"]


def test_a_name_colon_headline(claims_of) -> None:
    r = claims_of("Maria Kovacs: Our party will not join the coalition\n\n"
                  "BUDAPEST - The opposition leader ruled out a deal on Monday.")
    c = r.all_by_cue("")[0]
    assert (c.source.text, c.content.text) == ("Maria Kovacs", "Our party will not join the coalition")


def test_a_topic_colon_headline_is_no_claim(claims_of) -> None:
    r = claims_of("Ukraine war: Russian missiles hit a power plant\n\nKYIV - Missiles struck a power plant on Monday.")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text == ":"]


def test_a_headline_name_the_body_names_in_full(claims_of) -> None:
    r = claims_of("Kovacs: Our party will not join the coalition\n\n"
                  "BUDAPEST - Opposition leader Maria Kovacs ruled out a deal on Monday.")
    c = [c for c in r.claims if c.cue is not None and c.cue.text == ":"][0]
    assert (c.source.text, c.content.text) == ("Kovacs", "Our party will not join the coalition")


def test_a_known_name_a_colon_and_a_quotation(claims_of) -> None:
    text = ("Analysts disagreed about the ceasefire. Maria Kovacs, a researcher at the institute, was doubtful. "
            "More from Kovacs: “Neither army has pulled back a single battery.”")
    r = claims_of(text)
    c = [c for c in r.claims if c.cue is not None and c.cue.text == ":"][0]
    assert (c.source.text, c.content.text) == ("Kovacs", "“Neither army has pulled back a single battery.”")


def test_transcript_turns_by_name(claims_of) -> None:
    text = ("The panel was hosted by Maria Kovacs and included the analyst Tom Berg.\n\n"
            "Maria Kovacs: Will the blockade of the port hold through the winter?\n\n"
            "Tom Berg: Only if the navy keeps its ships in the bay.\n\n"
            "Kovacs: 1,200.\n")
    r = claims_of(text)
    turns = [(c.source.text, c.content.text) for c in r.claims if c.cue is not None and c.cue.text == ":"]
    assert turns == [("Maria Kovacs", "Will the blockade of the port hold through the winter?"),
                     ("Tom Berg", "Only if the navy keeps its ships in the bay")]


def test_a_cue_inside_a_credited_quotation_is_the_quoted_words(claims_of) -> None:
    text = ("Readers wrote to us.\n"
            "”The mayor said the shelters were full. We slept in the metro.” ― Olena Petrenko\n")
    r = claims_of(text)
    assert [(c.source.text, c.cue.text) for c in r.claims] == [("Olena Petrenko", "―")]


def test_a_cue_inside_a_transcript_turn_is_the_speaker_s_own_words(claims_of) -> None:
    text = ("The talks, in their words.\n\nMODERATOR: Where do the harbour talks stand tonight, in your view?\n\n"
            "SMITH: The minister told me that the deal is close.\n\nMODERATOR: Thank you for joining us tonight.")
    r = claims_of(text)
    assert [c.source.text for c in r.claims] == ["MODERATOR", "SMITH", "MODERATOR"]
    assert r.claims[1].content.text == "The minister told me that the deal is close"


def test_a_poll_colon_headline(claims_of) -> None:
    r = claims_of("Poll: Most voters back the new harbour tax\n\nA survey of 1,000 voters was published on Monday.")
    c = r.all_by_cue("")[0]
    assert (c.source.text, c.content.text) == ("Poll", "Most voters back the new harbour tax")


def test_the_latest_is_no_speaker(claims_of) -> None:
    r = claims_of("The Latest: Ferries resume service to the island\n\nThe ferries sailed again on Monday.")
    assert not [c for c in r.claims if c.cue is not None and c.cue.text == ":"]


def test_a_reporting_verb_with_a_colon_introduces_the_next_paragraph(claims_of) -> None:
    text = ("The mayor spoke after the vote.\n\nThe governor added:\n\n"
            "It is typical of the council. They never read the plans.\n\nThe vote was close.")
    c = claims_of(text).by_cue("added")
    assert (c.source.text, c.content.text) == ("The governor", "It is typical of the council. They never read the plans")


def test_a_quoted_block_after_a_colon_keeps_its_own_attributions(claims_of) -> None:
    text = ("The paper covered the port strike.\n\nThe Harbour Times reports:\n\n"
            "\"The dockers, their union said, will stay out until the contract is signed.\"\n\nTalks resume today.")
    r = claims_of(text)
    c = r.by_cue("reports")
    assert c.source.text == "The Harbour Times" and c.direct_quote
    assert c.content.text.startswith('"The dockers')
