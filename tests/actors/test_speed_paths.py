"""The actors stage's fast paths give exactly what the straightforward spaCy / regex calls give."""

from __future__ import annotations

import re

from wirewatch.extract.actors import actor_lexicon
from wirewatch.extract.actors.lexicon import PhraseMatcher
from wirewatch.extract.actors.mentions import noun_chunks

TEXT = ("The UN-led talks stalled. Officials of the United Nations and the U.N. envoy met NATO's chief, the "
        "un-named spokesman of Hamas’s political bureau and the Red Cross in Geneva; Reuters and AFP said the "
        "International Committee of the Red Cross, not the WHO, had sent aid. Nato! WHOever. the eu said.")


def _spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def test_phrase_matcher_finds_what_the_alternation_finds():
    lx = actor_lexicon()
    for matcher in (lx.matcher_exact, lx.matcher_fold):
        assert _spans(matcher.finditer(TEXT)) == _spans(matcher.pattern.finditer(TEXT))
    assert _spans(lx.matcher_fold.finditer(TEXT))  # the text does hold dictionary actors


def test_phrase_matcher_on_phrases_sharing_beginnings():
    phrases = ["Red", "Red Cross", "Red Crescent", "red army", "Ré", "O'Neill", "x-ray", "A"]
    text = "red crossing; Red Cross, RED CRESCENT men, Red-Army, ré, O’Neill and o'neill, x-ray A a-b A"
    for flags in (0, re.IGNORECASE):
        matcher = PhraseMatcher(phrases, flags)
        assert _spans(matcher.finditer(text)) == _spans(matcher.pattern.finditer(text))


def test_noun_chunks_match_spacy(nlp):
    doc = nlp("Russian and Belarusian troops, tanks and heavy artillery shelled the city of Kharkiv, officials "
              "said. The mayor, who fled, and his deputy asked Kyiv and its allies for help. It rained.")
    ours = noun_chunks(doc)
    theirs = list(doc.noun_chunks)
    assert [(c.start, c.end, c.label_) for c in ours] == [(c.start, c.end, c.label_) for c in theirs]
    assert len(ours) > 5


def test_doc_index_overlaps_match_a_scan(nlp):
    """`_DocIndex` answers "which dictionary actor / is a place over [start, end)" by bisection: the same
    answers as scanning every span."""
    from types import SimpleNamespace

    from wirewatch.extract.actors.lexicon import Entry
    from wirewatch.extract.actors.mentions import _DocIndex

    doc = nlp("The army and the police of Ruritania met in Old Town Square near the river on Monday.")
    entries = [Entry(f"p{k}", f"n{k}", "MIL", None) for k in range(3)]
    dict_spans = [(4, 8, entries[0]), (17, 23, entries[1]), (40, 55, entries[2])]     # text order, disjoint
    places = tuple(SimpleNamespace(start=a, end=b) for a, b in ((36, 51), (24, 33), (40, 44), (60, 65)))
    index = _DocIndex(doc, actor_lexicon(), places, dict_spans)
    for start in range(0, 70):
        for end in range(start + 1, 72):
            scan = next((e for s, t, e in dict_spans if s < end and start < t), None)
            assert index.dict_entry(start, end) is scan
            assert index.in_place(start, end) == any(p.start < end and start < p.end for p in places)
