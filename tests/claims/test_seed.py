"""The seed article (read from ../shared at run time, never copied), read as an analyst would: every claim
right, none missing, none extra; through the real pipeline with the shipped tagger."""

from __future__ import annotations

import pytest

# Every claim the article makes: (source as written, a word of the cue, words of the content,
# certainty, polarity, verification). "either side" in the Reuters note covers the claims of Russia's and
# Ukraine's side, before and after the note; third parties (Britain, the Pentagon, the UN, Irina) stay open.
CLAIMS = [
    ("British military intelligence", "said", "forced to return home", "certain", "positive", None),
    ("Russia", "promised", "scale down military operations", "certain", "positive", "unverified"),
    ("some analysts", "noted", "promise to reduce fighting", "certain", "positive", None),
    ("Britain’s defence ministry", "said", "withdrawal of some troops", "certain", "positive", None),
    ("it", "said", "Such activity", "certain", "positive", None),
    ("the ministry", "said", "likely to continue", "probable", "positive", None),
    ("Russia", "calls", "special operation", "certain", "positive", "unverified"),
    ("The West", "says", "unprovoked invasion", "certain", "positive", None),
    ("Russian deputy defence minister Alexander Fomin", "said", "confidence-building", "certain", "positive",
     "unverified"),
    ("the minister", "told", "mutual trust", "certain", "positive", "unverified"),
    ("President Zelensky", "said", "not naive", "certain", "negative", "unverified"),
    ("President Zelensky", "said", "concrete result", "certain", "positive", "unverified"),
    ("the Pentagon", "said", "repositioning", "certain", "positive", None),
    ("spokesperson John Kirby", "told", "major offensive", "certain", "positive", None),
    ("spokesperson John Kirby", "told", "threat to Kyiv", "certain", "negative", None),
    ("Britain’s ministry of defence", "said", "highly likely", "probable", "positive", None),
    ("its leader", "quoted", "may consider joining", "possible", "positive", "disputed"),
    ("Kyiv", "said", "no legal basis", "certain", "negative", "disputed"),
    ("the head of the UN human rights mission in the country", "told", "may have died", "possible", "positive",
     None),
    ("Irina, an engineer", "said", "two buckets", "certain", "positive", None),
    ("Authorities", "said", "at least 12 people", "certain", "positive", "unverified"),
    ("The Russian military", "accused", "ceasefires", "certain", "positive", "unverified"),
    ("Interfax news agency", "said", "The Russian military accused", "certain", "positive", None),
    ("a German government spokesperson", "said", "phone call", "certain", "positive", None),
    ("the Kremlin", "said", "Macron", "certain", "positive", "unverified"),
    ("which", "called", "ceasefire", "certain", "positive", None),
    ("which", "refused", "condemn Moscow", "certain", "negative", None),
    ("Ukrainian negotiators", "said", "Article 5", "certain", "positive", "unverified"),
    ("The proposals", "mentioned", "consultation period", "certain", "positive", None),
    ("Russia", "demands", "Ukraine cede to separatists", "certain", "positive", "unverified"),
    ("Russia’s lead negotiator Vladimir Medinsky", "said", "would not oppose", "certain", "positive", "unverified"),
    ("Russia", "opposed", "Ukrainian membership", "certain", "positive", "unverified"),
    ("Medinsky", "said", "study and present", "certain", "positive", "unverified"),
    ("Medinsky", "told", "long way to go", "certain", "positive", "unverified"),
]


@pytest.fixture(scope="module")
def seed_doc(extract_text, seed_text):
    return extract_text(seed_text)


def _matches(c, source: str, cue: str, words: str) -> bool:
    return bool(c.source and c.source.text == source and c.cue and cue in c.cue.text.split()
                or c.source and c.source.text == source and c.cue and c.cue.text.rstrip(":").endswith(cue)) \
        and words in c.content.text


def _find(doc, source: str, cue: str, words: str):
    return next((c for c in doc.claims if _matches(c, source, cue, words)), None)


def test_seed_claims_are_all_there_and_nothing_else(seed_doc) -> None:
    missing = [row[:3] for row in CLAIMS if _find(seed_doc, *row[:3]) is None]
    extra = [(c.source and c.source.text, c.cue.text, c.content.text[:40]) for c in seed_doc.claims
             if not any(_matches(c, *row[:3]) for row in CLAIMS)]
    assert not missing and not extra, (missing, extra)


@pytest.mark.parametrize(("source", "cue", "words", "certainty", "polarity", "verification"), CLAIMS)
def test_seed_claim_certainty_polarity_and_verification(seed_doc, source, cue, words, certainty, polarity,
                                                        verification) -> None:
    c = _find(seed_doc, source, cue, words)
    assert c is not None
    assert (c.certainty, c.polarity, c.verification) == (certainty, polarity, verification)


def test_seed_pronoun_sources_resolve(seed_doc) -> None:
    """ "which" is New Delhi; "it" and "the ministry" are Britain's defence ministry; "its leader" speaks for
    the Donetsk People's Republic; "the minister" is Fomin."""
    for source, cue, words, antecedent in [("which", "called", "ceasefire", "New Delhi"),
                                           ("it", "said", "Such activity", "Britain’s defence ministry"),
                                           ("the ministry", "said", "likely to continue", "Britain’s defence ministry"),
                                           ("its leader", "quoted", "may consider joining", "Donetsk People’s Republic"),
                                           ("the minister", "told", "mutual trust", "Alexander Fomin")]:
        c = _find(seed_doc, source, cue, words)
        assert c.source.antecedent is not None and antecedent in c.source.antecedent.text, source
        assert c.source.actor is not None


def test_seed_silence_is_no_claim(seed_doc) -> None:
    assert not [c for c in seed_doc.claims if "mention" in c.cue.text.split()]  # "made no mention of"


def test_seed_verification_note_names_the_claims_it_covers(seed_doc) -> None:
    (note,) = [n for n in seed_doc.notes if n.kind == "verification"]
    assert note.text == "Reuters could not immediately verify the claims made by either side."
    covered = [c for c in seed_doc.claims if c.verification == "unverified"]
    assert covered and all(c.note == note.id for c in covered)
    assert not [c for c in seed_doc.claims if c.cue.start >= note.start and c.cue.end <= note.end]


def test_seed_nested_attribution_and_dispute(seed_doc) -> None:
    outer = _find(seed_doc, "Interfax news agency", "said", "The Russian military accused")
    inner = _find(seed_doc, "The Russian military", "accused", "ceasefires")
    assert outer.content.start <= inner.cue.start < outer.content.end
    assert _find(seed_doc, "Kyiv", "said", "no legal basis").verification == "disputed"
