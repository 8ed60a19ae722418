"""The per-Doc caches the stages share (`wirewatch.extract`) agree with what spaCy itself gives, on our text."""

from __future__ import annotations

from wirewatch.extract import ents_of, sentence_bounds, sentence_of, text_of, tokens_of
from wirewatch.extract.events.mentions import trigger_words
from wirewatch.extract.events.lexicon import load_lexicon

TEXT = ("KHARKIV, May 2 (Wirewatch) - Shelling hit a school overnight, officials said.\n\n"
        "Residents fled west. The governor said troops had withdrawn from two villages.")


def test_caches_match_spacy_and_are_built_once(nlp):
    doc = nlp(TEXT)
    assert text_of(doc) == doc.text
    assert [e.text for e in ents_of(doc)] == [e.text for e in doc.ents]
    assert [t.text for t in tokens_of(doc)] == [t.text for t in doc]
    assert list(sentence_bounds(doc)) == [(s.start, s.end) for s in doc.sents]
    assert list(sentence_of(doc)) == [n for n, s in enumerate(doc.sents) for _ in s]
    assert tokens_of(doc) is tokens_of(doc) and sentence_of(doc) is sentence_of(doc)


def test_caches_of_an_empty_doc(nlp):
    doc = nlp("")
    assert (tokens_of(doc), sentence_bounds(doc), sentence_of(doc), trigger_words(doc)) == ([], (), (), [])


def test_trigger_words_are_the_tokens_the_lexicon_knows(nlp):
    doc = nlp(TEXT)
    lexicon = load_lexicon()
    naive = [t.i for t in doc if t.lemma_.lower() in lexicon or t.lower_ in lexicon]
    found = trigger_words(doc)
    assert found == naive
    assert {doc[i].lower_ for i in found} >= {"shelling", "withdrawn"}  # "Shelling" too, capitalised
