"""The seed article (read from ../shared at run time, never copied): the issue's done-when, through the real pipeline."""

from __future__ import annotations

import pytest

# (source text, cue text, a few words the content must contain): the article's attributed statements
STATEMENTS = [
    ("British military intelligence", "said", "forced to return home"),
    ("some analysts", "noted", "promise to reduce fighting"),
    ("Britain’s defence ministry", "said", "withdrawal of some troops"),
    ("it", "said", "Such activity"),
    ("the ministry", "said", "likely to continue"),
    ("Russia", "calls", "special operation"),
    ("The West", "says", "unprovoked invasion"),
    ("Russian deputy defence minister Alexander Fomin", "said", "confidence-building"),
    ("the minister", "told", "mutual trust"),
    ("President Zelensky", "said", "not naive"),
    ("President Zelensky", "said", "concrete result"),
    ("the Pentagon", "said", "repositioning"),
    ("spokesperson John Kirby", "told", "major offensive"),
    ("spokesperson John Kirby", "told", "threat to Kyiv"),
    ("Britain’s ministry of defence", "said", "highly likely"),
    ("its leader", "was quoted as saying", "may consider joining"),
    ("Kyiv", "said", "no legal basis"),
    ("the head of the UN human rights mission in the country", "told", "may have died"),
    ("Irina, an engineer", "said", "two buckets"),
    ("Authorities", "said", "at least 12 people"),
    ("The Russian military", "accused", "ceasefires"),
    ("Interfax news agency", "said", "The Russian military accused"),
    ("a German government spokesperson", "said", "phone call"),
    ("the Kremlin", "said", "Macron"),
    ("Ukrainian negotiators", "said", "Article 5"),
    ("Russia’s lead negotiator Vladimir Medinsky", "said", "would not oppose"),
    ("Medinsky", "said", "study and present"),
    ("Medinsky", "told", "long way to go"),
]


@pytest.fixture(scope="module")
def seed_doc(extract_text, seed_text):
    return extract_text(seed_text)


def _find(doc, source: str, cue: str, words: str):
    for c in doc.claims:
        if c.source and c.source.text == source and c.cue and c.cue.text == cue and words in c.content.text:
            return c
    return None


def test_seed_attributed_statements_have_the_right_source(seed_doc) -> None:
    missing = [s for s in STATEMENTS if _find(seed_doc, *s) is None]
    assert len(STATEMENTS) - len(missing) >= 27, missing


@pytest.mark.parametrize(("source", "cue", "words", "certainty"), [
    ("the ministry", "said", "likely to continue", "probable"),
    ("Britain’s ministry of defence", "said", "highly likely", "probable"),
    ("the head of the UN human rights mission in the country", "told", "may have died", "possible"),
    ("Russian deputy defence minister Alexander Fomin", "said", "confidence-building", "certain"),
])
def test_seed_certainty(seed_doc, source, cue, words, certainty) -> None:
    c = _find(seed_doc, source, cue, words)
    assert c is not None and c.certainty == certainty


def test_seed_silence_is_no_claim(seed_doc) -> None:
    assert not [c for c in seed_doc.claims if "made no mention" in c.cue.text or c.cue.text == "mention"]


def test_seed_verification_note_and_its_scope(seed_doc) -> None:
    """ "could not immediately verify the claims made by either side" covers both sides' claims, before and
    after the note, and no third party's (British intelligence, the Pentagon, the UN, a civilian)."""
    notes = [n for n in seed_doc.notes if n.kind == "verification"]
    assert [n.text for n in notes] == ["Reuters could not immediately verify the claims made by either side."]
    note = notes[0]
    for source, cue, words in [("Russian deputy defence minister Alexander Fomin", "said", "confidence-building"),
                               ("President Zelensky", "said", "not naive"),
                               ("the Kremlin", "said", "Macron"),
                               ("Medinsky", "said", "study and present")]:
        c = _find(seed_doc, source, cue, words)
        assert c.verification in ("unverified", "disputed"), (source, c.verification)
        assert c.verification == "disputed" or c.note == note.id
    for source, cue, words in [("British military intelligence", "said", "forced to return home"),
                               ("the Pentagon", "said", "repositioning"),
                               ("Irina, an engineer", "said", "two buckets")]:
        assert _find(seed_doc, source, cue, words).verification is None, source
    # local authorities in a Ukrainian city speak for a side, though their actor carries none
    assert _find(seed_doc, "Authorities", "said", "at least 12 people").verification == "unverified"


def test_seed_nested_attribution_and_dispute(seed_doc) -> None:
    outer = _find(seed_doc, "Interfax news agency", "said", "The Russian military accused")
    inner = _find(seed_doc, "The Russian military", "accused", "ceasefires")
    assert outer.content.start <= inner.cue.start < outer.content.end
    assert _find(seed_doc, "Kyiv", "said", "no legal basis").verification == "disputed"
