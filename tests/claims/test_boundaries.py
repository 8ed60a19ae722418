"""Span edges by the attribution conventions (boundaries.py), on sentences written for these tests."""

from __future__ import annotations


def test_an_appositive_source_keeps_its_closing_comma(claims_of) -> None:
    r = claims_of("Maria Lopez, a spokeswoman for the port authority, said the cranes had been repaired.")
    c = r.by_cue("said")
    assert c.source.text == "Maria Lopez, a spokeswoman for the port authority,"
    assert c.content.text == "the cranes had been repaired"


def test_a_plain_source_keeps_no_comma(claims_of) -> None:
    r = claims_of("The port authority said on Monday that the cranes had been repaired.")
    assert r.by_cue("said").source.text == "The port authority"


def test_a_content_that_opens_a_quotation_runs_to_its_closing_mark(claims_of) -> None:
    r = claims_of("The new budget is “a fair deal for every district,” the mayor said.")
    c = r.by_cue("said")
    assert c.content.text == "The new budget is “a fair deal for every district,”"


def test_a_trailing_according_to_is_not_part_of_another_claim(claims_of) -> None:
    r = claims_of("The minister said the dam had been closed at dawn, according to state television.")
    c = r.by_cue("said")
    assert c.content.text == "the dam had been closed at dawn"
    assert r.by_cue("according to").source.text == "state television"


def test_the_channel_of_a_report_is_not_its_content(claims_of) -> None:
    r = claims_of("The governor called the blockade a crime against civilians in a statement on Thursday.")
    c = r.by_cue("called")
    assert c.content.text == "the blockade a crime against civilians"


def test_a_place_in_the_content_stays(claims_of) -> None:
    r = claims_of("The governor called the blockade a crime against the civilians in Kherson.")
    assert r.by_cue("called").content.text.endswith("in Kherson")


def test_a_verb_cue_is_its_verb_group(claims_of) -> None:
    r = claims_of("The harbour master has also said that the channel is clear of mines.")
    c = r.claims[0]
    assert c.cue.text == "has also said"
    assert c.source.text == "The harbour master"
    assert c.content.text == "that the channel is clear of mines"


def test_the_subject_of_a_passive_cue_is_no_source(claims_of) -> None:
    r = claims_of("The port director was accused of hiding the damage from inspectors.")
    assert all(c.source is None for c in r.claims if c.cue is not None and "accused" in c.cue.text)
    r = claims_of("The prisoner exchange was confirmed by the foreign ministry.")
    assert r.by_cue("was confirmed").source.text == "the foreign ministry"


def _raw(text: str, cue: str, content: str, source: str | None = None):
    from wirewatch.extract.claims.attribution import Raw

    def at(s: str) -> tuple[int, int]:
        k = text.index(s)
        return k, k + len(s)

    return Raw(at(cue), 0, at(source) if source else None, None, at(content), None, False, cue.split()[-1])


def test_a_cue_that_runs_into_its_content_ends_where_the_content_starts() -> None:
    from wirewatch.extract.claims.boundaries import _own_roles

    text = "The envoy cited reports of shelling near the plant."
    raw = _own_roles(text, _raw(text, "cited reports of", "reports of shelling near the plant", "The envoy"))
    assert text[raw.cue[0]:raw.cue[1]] == "cited"
    assert text[raw.content[0]:raw.content[1]] == "reports of shelling near the plant"


def test_a_content_that_runs_over_its_cue_and_source_ends_before_them() -> None:
    from wirewatch.extract.claims.boundaries import _own_roles

    text = "Two ferries were stopped at the pier, according to the harbour police, and one was searched."
    raw = _own_roles(text, _raw(text, "according to", "Two ferries were stopped at the pier, according to the harbour",
                                "the harbour police"))
    assert text[raw.content[0]:raw.content[1]] == "Two ferries were stopped at the pier"
    assert text[raw.cue[0]:raw.cue[1]] == "according to"


def test_separate_roles_are_left_alone() -> None:
    from wirewatch.extract.claims.boundaries import _own_roles

    text = "The mayor said the bridge was closed."
    raw = _raw(text, "said", "the bridge was closed", "The mayor")
    assert _own_roles(text, raw) == raw


def test_a_reporting_word_speaks_for_any_source_a_bare_verb_does_not() -> None:
    from wirewatch.extract.claims.combine import _reporting_word

    assert _reporting_word("say") and _reporting_word("show")
    assert not _reporting_word("blast")


def test_a_cue_leaves_its_colon_to_the_content(claims_of) -> None:
    r = claims_of("The mayor of the port town earlier said: “We have no water left for the hospital.”")
    c = r.by_cue("said")
    assert not c.cue.text.endswith(":")
    assert c.content.text.startswith("“We have no water left")


def test_a_bare_colon_cue_stays() -> None:
    from wirewatch.extract.claims.boundaries import _cue_colon

    text = "Okafor: We expect the first ships to leave."
    raw = _raw(text, ":", "We expect the first ships to leave", "Okafor")
    assert _cue_colon(text, raw) == raw


def _edges(nlp, text: str, source: str, cue: str, content: str) -> str:
    from dataclasses import replace

    from wirewatch.extract.claims.boundaries import _source_edges
    from wirewatch.extract.claims.parsed import Parsed

    doc = nlp(text)
    raw = _raw(text, cue, content, source)
    raw = replace(raw, cue_token=doc.char_span(*raw.cue, alignment_mode="expand").root.i)
    raw = _source_edges(Parsed.of(doc, text), raw)
    return text[raw.source[0]:raw.source[1]]


def test_a_source_ends_before_its_own_cue(nlp) -> None:
    text = "The shipping company charges that the port fees were raised twice in one year."
    assert _edges(nlp, text, "The shipping company charges", "charges", "that the port fees") == "The shipping company"


def test_a_source_drops_the_dateline_and_a_leading_conjunction(nlp) -> None:
    text = "KHERSON -- The regional governor said on Monday that the ferry would resume service."
    assert _edges(nlp, text, "KHERSON -- The regional governor", "said", "that the ferry") == "The regional governor"
    text = "But the harbour master claims that the pier should be rebuilt first."
    assert _edges(nlp, text, "But the harbour master", "claims", "that the pier") == "the harbour master"


def test_a_reporting_noun_keeps_its_article(nlp) -> None:
    text = "The council issued a statement announcing the closure of the bridge."
    assert _edges(nlp, text, "a statement", "statement announcing", "the closure of the bridge") == "a statement"


def test_a_focus_adverb_is_not_part_of_the_source(claims_of) -> None:
    r = claims_of("Even the mayor's own party said the tax was too high.")
    assert r.by_cue("said").source.text == "the mayor's own party"


def test_a_fronted_content_starts_with_its_sentence(nlp) -> None:
    from dataclasses import replace

    from wirewatch.extract.claims.boundaries import _fronted_start
    from wirewatch.extract.claims.parsed import Parsed

    text = "The port was to be guarded by a patrol, but the coast guard moved the ships away, an official said."
    doc = nlp(text)
    raw = _raw(text, "said", "the coast guard moved the ships away", "an official")
    raw = replace(raw, cue_token=doc.char_span(*raw.cue).root.i)
    out = _fronted_start(Parsed.of(doc, text), raw)
    assert text[out.content[0]:out.content[1]] == "The port was to be guarded by a patrol, but the coast guard moved the ships away"


def test_a_fronted_relative_clause_keeps_its_start(nlp) -> None:
    from dataclasses import replace

    from wirewatch.extract.claims.boundaries import _fronted_start
    from wirewatch.extract.claims.parsed import Parsed

    text = "The ferry, which carries cars to the island, stopped running in May, the operator said."
    doc = nlp(text)
    raw = _raw(text, "said", "carries cars to the island", "the operator")
    raw = replace(raw, cue_token=doc.char_span(*raw.cue).root.i)
    out = _fronted_start(Parsed.of(doc, text), raw)
    assert text[out.content[0]:out.content[1]] == "carries cars to the island"


def test_the_cue_s_own_object_beats_a_content_from_elsewhere(nlp) -> None:
    from dataclasses import replace

    from wirewatch.extract.claims.combine import _elsewhere
    from wirewatch.extract.claims.parsed import Parsed

    text = "The council rejected the plan last year. Cruz has endorsed Hanna for the seat."
    doc = nlp(text)
    p = Parsed.of(doc, text)
    model = _raw(text, "endorsed", "The council rejected the plan last year", "Cruz")
    model = replace(model, cue_token=doc.char_span(*model.cue).root.i)
    rule = replace(model, content=_raw(text, "endorsed", "Hanna for the seat").content)
    assert _elsewhere(p, model, rule)
    assert not _elsewhere(p, rule, rule)


def test_a_quotation_after_that_keeps_the_complementizer() -> None:
    from wirewatch.extract.claims.boundaries import _quoted_complement

    text = 'The harbour master said on Monday that "the old pier cannot be saved."'
    raw = _quoted_complement(text, _raw(text, "said", '"the old pier cannot be saved."', "The harbour master"))
    assert text[raw.content[0]:raw.content[1]] == 'that "the old pier cannot be saved."'
    text = 'The harbour master said: "the old pier cannot be saved."'
    raw = _quoted_complement(text, _raw(text, "said", '"the old pier cannot be saved."', "The harbour master"))
    assert text[raw.content[0]:raw.content[1]] == '"the old pier cannot be saved."'


def test_a_source_cut_after_an_article_takes_its_whole_phrase(nlp) -> None:
    text = "The officer fired twice, according to lawyers for the family of the driver."
    assert _edges(nlp, text, "lawyers for the", "according to", "The officer fired twice") == \
        "lawyers for the family of the driver"


def test_a_tagger_content_cut_inside_its_clause_runs_to_the_clause_end(nlp) -> None:
    from dataclasses import replace

    from wirewatch.extract.claims.boundaries import whole_constituent
    from wirewatch.extract.claims.parsed import Parsed

    text = "Polls in the port showed that few residents trusted the harbour council. The vote is on Monday."
    doc = nlp(text)
    raw = _raw(text, "showed", "that few residents", "Polls in the port")
    raw = replace(raw, cue_token=doc.char_span(*raw.cue).root.i)
    out = whole_constituent(Parsed.of(doc, text), raw)
    assert text[out.content[0]:out.content[1]] == "that few residents trusted the harbour council"
