"""Attribution patterns: each finds the right source, cue and content (sentences written for these tests)."""

from __future__ import annotations

from wirewatch.model import TimeExpr


def test_quote_then_attribution(claims_of) -> None:
    r = claims_of("“The bridge was destroyed overnight,” the governor told reporters.")
    c = r.by_cue("told")
    assert c.source.text == "the governor"
    assert c.content.text == "“The bridge was destroyed overnight,”"
    assert c.direct_quote


def test_attribution_then_quote_after_a_colon(claims_of) -> None:
    r = claims_of("The mayor said: “We have no clean water left in the eastern districts.”")
    c = r.by_cue("said")
    assert c.source.text == "The mayor"
    assert c.content.text == "“We have no clean water left in the eastern districts.”"
    assert c.direct_quote


def test_according_to(claims_of) -> None:
    r = claims_of("According to the health ministry, fourteen people were wounded in the shelling.")
    c = r.by_cue("According to")
    assert c.source.text == "the health ministry"
    assert c.content.text == "fourteen people were wounded in the shelling"
    assert not c.direct_quote


def test_according_to_at_the_end(claims_of) -> None:
    r = claims_of("Two ferries were sunk near the harbour, according to the coast guard.")
    c = r.by_cue("according to")
    assert c.source.text == "the coast guard"
    assert c.content.text == "Two ferries were sunk near the harbour"


def test_said_that_keeps_the_complementizer_and_drops_the_period(claims_of) -> None:
    r = claims_of("The army said that its units had withdrawn from the town.")
    c = r.by_cue("said")
    assert c.source.text == "The army"
    assert c.content.text == "that its units had withdrawn from the town"


def test_inverted_attribution_content_excludes_the_cue(claims_of) -> None:
    r = claims_of("Rebel units have pulled back from the dam, the regional governor said on Monday.")
    c = r.by_cue("said")
    assert c.source.text == "the regional governor"
    assert c.content.text == "Rebel units have pulled back from the dam"


def test_quoted_as_saying(claims_of) -> None:
    r = claims_of("The militia may try to seize the airport next week, its commander was quoted as saying.")
    c = r.by_cue("was quoted as saying")
    assert c.source.text == "its commander"
    assert c.content.text.startswith("The militia may try to seize the airport")


def test_accused_of(claims_of) -> None:
    r = claims_of("The navy accused the coast guard of firing on a fishing boat near the island.")
    c = r.by_cue("accused")
    assert c.source.text == "The navy"
    assert c.content.text == "the coast guard of firing on a fishing boat near the island"


def test_told_reuters_on_a_day_links_the_time(claims_of) -> None:
    text = "A border official told Reuters on Friday that the crossing had been closed to trucks."
    at = text.index("Friday")
    friday = TimeExpr(id="t1", text="Friday", start=at, end=at + 6, type="DATE", value="2022-04-01")
    r = claims_of(text, times=[friday])
    c = r.by_cue("told")
    assert c.source.text == "A border official"
    assert c.content.text == "that the crossing had been closed to trucks"
    assert c.time == "t1"


def test_nested_attribution_gives_two_claims(claims_of) -> None:
    r = claims_of("The army accused the rebels of shelling a fuel depot, the state news agency said.")
    outer, inner = r.by_cue("said"), r.by_cue("accused")
    assert outer.source.text == "the state news agency"
    assert outer.content.text == "The army accused the rebels of shelling a fuel depot"
    assert inner.source.text == "The army"
    assert outer.content.start <= inner.cue.start < outer.content.end


def test_passive_attribution_with_agent(claims_of) -> None:
    r = claims_of("The prisoner exchange was confirmed by the foreign ministry.")
    c = r.by_cue("was confirmed")  # the verb group (boundaries.py)
    assert c.source.text == "the foreign ministry"
    assert c.content.text == "The prisoner exchange"


def test_quote_over_several_sentences(claims_of) -> None:
    r = claims_of("“We lost everything. The house burned down in an hour,” said a farmer from the valley.")
    c = r.by_cue("said")
    assert c.content.text == "“We lost everything. The house burned down in an hour,”"
    assert c.source.text == "a farmer from the valley"


def test_quote_continued_in_the_next_sentence_keeps_the_speaker(claims_of) -> None:
    r = claims_of("“The road is open again,” the police chief said. “Convoys can pass from tomorrow morning.”")
    claims = r.all_by_cue("said")
    assert [c.content.text for c in claims] == ["“The road is open again,”", "“Convoys can pass from tomorrow morning.”"]
    assert {c.source.text for c in claims} == {"the police chief"}


def test_words_inside_a_quotation_are_not_separate_claims(claims_of) -> None:
    r = claims_of("“I think the talks will fail, and everyone says so,” the envoy said.")
    assert [c.cue.text for c in r.claims] == ["said"]


def test_saying_nothing_is_no_claim(claims_of) -> None:
    """ "made no mention of", "did not say whether", "declined to comment" report silence, not a claim."""
    for text in ("The general made no mention of the losses near the river.",
                 "The spokesman did not say whether the base was hit.",
                 "The ministry declined to comment on the report."):
        assert claims_of(text).claims == [], text


def test_reporting_noun_with_light_verb(claims_of) -> None:
    r = claims_of("The ministry made the claim that the dam could break within days.")
    c = r.by_cue("made the claim")
    assert c.source.text == "The ministry"
    assert c.content.text == "that the dam could break within days"
    assert c.certainty == "possible"


def test_claim_that_noun(claims_of) -> None:
    r = claims_of("Moscow rejected Kyiv's claim that its jets had bombed the station.")
    c = r.by_cue("claim")
    assert c.source.text == "Kyiv"
    assert c.content.text == "that its jets had bombed the station"


def test_no_claim_without_content(claims_of) -> None:
    r = claims_of("The spokesman said nothing. A missile blasted a hole in the roof.")
    assert r.claims == []


def test_dateline_and_headline_stay_out_of_the_content(claims_of) -> None:
    text = "Troops regroup\n\nODESA, May 3 (Wire) - Troops have regrouped near the port, officials said."
    r = claims_of(text, dateline="ODESA, May 3 (Wire) -")
    c = r.by_cue("said")
    assert c.content.text == "Troops have regrouped near the port"


def test_quote_interrupted_by_its_cue_gives_both_parts_to_the_speaker(claims_of) -> None:
    r = claims_of("“The shelling stopped at dawn,” the commander said, “but the drones came back at noon.”")
    parts = sorted(c.content.text for c in r.all_by_cue("said"))
    assert parts == ["“The shelling stopped at dawn,”", "“but the drones came back at noon.”"]
    assert {c.source.text for c in r.all_by_cue("said")} == {"the commander"}


def test_a_quote_ending_a_paragraph_is_not_the_next_speakers(claims_of) -> None:
    text = ("“The supply line is cut,” the colonel said. “We will not retreat from the ridge.”\n\n"
            "The defence ministry later said: “The enemy has lost two battalions near the ridge.”")
    r = claims_of(text)
    ministry = [c for c in r.claims if c.source and c.source.text == "The defence ministry"]
    assert [c.content.text for c in ministry] == ["“The enemy has lost two battalions near the ridge.”"]
    colonel = [c.content.text for c in r.claims if c.source and c.source.text == "the colonel"]
    assert "“We will not retreat from the ridge.”" in colonel


def test_a_stray_quote_mark_does_not_swallow_the_next_paragraphs(claims_of) -> None:
    text = "The “peace plan was announced on Monday.\n\nThe ministry said the talks would resume in May."
    r = claims_of(text)
    assert r.by_cue("said").content.text == "the talks would resume in May"


def test_object_content_takes_what_the_verb_governs(claims_of) -> None:
    r = claims_of("The opposition criticized the governor for closing the border crossing.")
    assert r.by_cue("criticized").content.text == "the governor for closing the border crossing"


def test_participle_cue_keeps_its_own_content(claims_of) -> None:
    r = claims_of("Asked about the convoy, the spokesman said it had reached the city.")
    assert r.by_cue("said").content.text == "it had reached the city"
    asked = r.by_cue("Asked about")
    assert asked.content.text == "the convoy" and asked.source is None


def test_a_verb_with_two_allowed_prepositions_takes_the_nearest(claims_of) -> None:
    """'call' allows 'for' and 'on' complements; the first in the text wins, in every process (the choice
    used to follow the iteration order of a frozenset, i.e. the hash seed)."""
    r = claims_of("The teachers' union called for smaller classes in a letter on Monday.")
    c = r.by_cue("called for")
    assert c.content.text.startswith("smaller classes")


def test_a_relative_clause_reported_by_its_own_speaker(claims_of) -> None:
    r = claims_of("The firm made large donations, which the auditor said were tied to favors.")
    c = r.by_cue("said")
    assert c.source.text == "the auditor"
    assert c.content.text == "were tied to favors"


def test_a_first_person_writer_reports_but_the_reader_does_not(claims_of) -> None:
    r = claims_of("At the checkpoint I told the officer that the convoy carried only medicine.")
    assert r.by_cue("told").source.text == "I"
    r = claims_of("You might think that the convoy carried weapons.")
    assert not [c for c in r.claims if c.source is not None and c.source.text == "You"]


def test_a_fragment_before_a_parenthetical_cue_is_its_content(claims_of) -> None:
    r = claims_of("The governor was asked whether the port would reopen. Not a chance, the governor said.")
    c = r.by_cue("said")
    assert c.content.text == "Not a chance"
    assert c.source.text == "the governor"


def test_the_subject_next_to_the_cue_speaks_not_the_fragment_before_it(claims_of) -> None:
    r = claims_of("The mayor spoke for an hour about the harbour. People like the fishermen, he said.")
    c = r.by_cue("said")
    assert c.source.text == "he"
    assert c.content.text == "People like the fishermen"


def test_a_clause_before_the_comma_stays_the_parenthetical_rules(claims_of) -> None:
    r = claims_of("The bridge was closed at dawn, the governor said.")
    assert r.by_cue("said").content.text == "The bridge was closed at dawn"


def test_a_participle_after_a_reported_clause_is_the_reporter_s(claims_of) -> None:
    r = claims_of("Senator Ann Roe said she doubted the figures, arguing that the count in the northern districts "
                  "was incomplete.")
    assert r.by_cue("arguing").source.text == "Senator Ann Roe"


def test_a_participle_under_an_adverb_takes_the_verb_s_subject(claims_of) -> None:
    r = claims_of("The mayor refuses to discuss the budget, aside from saying he wants a smaller council.")
    c = r.by_cue("saying")
    assert c.source is not None and c.source.text == "The mayor"
    assert c.content.text == "he wants a smaller council"


def test_a_closing_quotation_mark_is_not_the_speaker_s(nlp) -> None:
    from wirewatch.extract.claims.attribution import Raw
    from wirewatch.extract.claims.combine import Policy, _merged
    from wirewatch.extract.claims.parsed import Parsed

    text = '"We have had enough of this," Anna Berg, a writer for the Harbour Times, said on Twitter.'
    doc = nlp(text)
    p = Parsed.of(doc, text)
    quote = (0, text.index(" Anna"))
    cue = text.index("said")
    cue_token = doc.char_span(cue, cue + 4).root.i
    model = Raw((cue, cue + 4), cue_token, None, None, quote, None, True, "say")
    rule = Raw((cue, cue + 4), cue_token, (quote[1] - 1, text.index(" said")), None, quote, None, True, "say")
    out = _merged(p, None, model, rule, Policy())
    assert text[out.source[0]:out.source[1]] == "Anna Berg, a writer for the Harbour Times"
