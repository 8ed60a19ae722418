"""Pairing the tagger's spans into relations, and decoding its tags (spans given by hand, real parses)."""

from __future__ import annotations

import numpy as np

from wirewatch.extract.claims.pairing import pair
from wirewatch.extract.claims.parsed import Parsed
from wirewatch.extract.claims.quotes import quote_spans
from wirewatch.extract.claims.tagger import TAGS, role_spans


def _parsed(nlp, text: str) -> Parsed:
    return Parsed.of(nlp(text), text)


def _tok(p: Parsed, words: str, nth: int = 0) -> tuple[int, int]:
    """Token span of the nth occurrence of `words`."""
    start = -1
    for _ in range(nth + 1):
        start = p.text.index(words, start + 1)
    span = p.doc.char_span(start, start + len(words))
    return span.start, span.end


def test_an_interrupted_quote_gives_its_cue_both_fragments(nlp) -> None:
    p = _parsed(nlp, "“The shelling stopped at dawn,” the commander said, “but the drones came back at noon.”")
    cue, src = _tok(p, "said"), _tok(p, "the commander")
    first, second = _tok(p, "“The shelling stopped at dawn,”"), _tok(p, "“but the drones came back at noon.”")
    (rel,) = pair(p, [cue], [src], [first, second], quote_spans(p.text))
    assert rel.cue == cue and rel.source == src and rel.contents == [first, second]


def test_each_content_and_source_goes_to_the_cue_of_its_own_clause(nlp) -> None:
    p = _parsed(nlp, "The army said the bridge was destroyed, but the governor insisted it was still standing.")
    said, insisted = _tok(p, "said"), _tok(p, "insisted")
    army, governor = _tok(p, "The army"), _tok(p, "the governor")
    c1, c2 = _tok(p, "the bridge was destroyed"), _tok(p, "it was still standing")
    rels = {r.cue: r for r in pair(p, [said, insisted], [army, governor], [c1, c2])}
    assert (rels[said].source, rels[said].contents) == (army, [c1])
    assert (rels[insisted].source, rels[insisted].contents) == (governor, [c2])


def test_reported_speech_does_not_cross_a_sentence_unless_quoted(nlp) -> None:
    p = _parsed(nlp, "Rain fell on the city all night. The mayor said nothing about it.")
    assert pair(p, [_tok(p, "said")], [_tok(p, "The mayor")], [_tok(p, "Rain fell on the city all night")]) == []


def test_a_cue_without_content_makes_no_relation(nlp) -> None:
    p = _parsed(nlp, "The mayor spoke.")
    assert pair(p, [_tok(p, "spoke")], [_tok(p, "The mayor")], []) == []


def _probs(tags: list[str]) -> np.ndarray:
    out = np.full((len(tags), len(TAGS)), 0.01, dtype="float32")
    for i, t in enumerate(tags):
        out[i, TAGS.index(t)] = 0.9
    return out


def test_decoding_starts_a_span_at_B_or_at_an_I_of_another_role() -> None:
    tags = ["B-SOURCE", "I-SOURCE", "B-CUE", "I-CONTENT", "I-CONTENT", "O", "B-CONTENT", "B-CONTENT"]
    assert [(r, s, e) for r, s, e, _ in role_spans(_probs(tags))] == [
        ("SOURCE", 0, 2), ("CUE", 2, 3), ("CONTENT", 3, 5), ("CONTENT", 6, 7), ("CONTENT", 7, 8)]
    assert role_spans(np.zeros((0, len(TAGS)), dtype="float32")) == []


def test_a_tagger_content_ending_in_a_preposition_is_a_fragment(nlp) -> None:
    from wirewatch.extract.claims.combine import _dangling
    from wirewatch.extract.claims.parsed import Parsed

    text = "The leaders agreed in a phone call on Tuesday to keep pushing for a ceasefire."
    p = Parsed.of(nlp(text), text)
    start = text.index("in a phone")
    assert _dangling(p, (start, text.index(" Tuesday")))
    assert not _dangling(p, (text.index("to keep"), len(text) - 1))
