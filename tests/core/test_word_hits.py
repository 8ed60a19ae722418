"""`word_hits` (the stages' array-based cue-word finder) equals a plain scan of the tokens."""

from __future__ import annotations

from wirewatch.extract import word_hits


def _scan(doc, words):
    return [t.i for t in doc if t.lemma_.lower() in words or t.lower_ in words]


def test_word_hits_equals_a_token_scan(nlp):
    doc = nlp("Troops killed two men. The men were killed at dawn, officials said; KILLING continues. "
              "He says they said nothing.")
    for words in (frozenset({"kill"}), frozenset({"say", "men"}), frozenset({"dawn", "killing"}),
                  frozenset({"absent"}), frozenset({"kill", "say", "man"})):
        assert word_hits(doc, words) == _scan(doc, words)
        assert word_hits(doc, words) == _scan(doc, words)   # a second time: ids remembered from the first
    assert word_hits(doc, frozenset({"kill"}))            # the sentence does hold the word


def test_word_hits_on_an_empty_doc(nlp):
    assert word_hits(nlp(""), frozenset({"kill"})) == []
