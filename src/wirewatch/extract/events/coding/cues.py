"""The cue words of ACLED coding (`data/events/acled_cues.tsv`) and how a phrase's words are read for them.

Shared by the features of `acled` and the parties of `parties`: a cue may be one word or two ("air force").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from ... import per_string
from ..lexicon import _read, _rows

__all__ = ["cues", "first", "words"]


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """{feature: ((lemma, value), ...)} in file order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for _, (feature, value, lemma) in _rows(_read("acled_cues.tsv"), 3, "acled_cues.tsv"):
        out.setdefault(feature, []).append((lemma.lower(), value))
    return {k: tuple(v) for k, v in out.items()}


def words(tokens) -> set[str]:
    """Lemmas and forms of the tokens, and the pairs of adjacent ones ("air force", "heavy weapon"), so that
    a cue can be two words."""
    toks = list(tokens)
    if not toks:
        return set()
    all_lemmas, all_forms = _forms(toks[0].doc)
    out: set[str] = set()
    prev, lemma_before, form_before = -2, "", ""
    for i in sorted({t.i for t in toks}):
        lemma, form = all_lemmas[i], all_forms[i]
        out.add(lemma)
        out.add(form)
        if i == prev + 1:
            out.add(f"{form_before} {form}")
            out.add(f"{lemma_before} {lemma}")
        prev, lemma_before, form_before = i, lemma, form
    return out


def _forms(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's lemma and form, lower-cased, read once per Doc from its arrays (`words` is called many
    times per article, and a Token attribute is a string lookup each time)."""
    cached = doc.user_data.get("ww_cue_forms")
    if cached is None:
        lemma, lower = doc.to_array([LEMMA, LOWER]).T.tolist() if len(doc) else ([], [])
        cached = doc.user_data["ww_cue_forms"] = (per_string(doc, lemma, _LEMMAS, str.lower),
                                                  per_string(doc, lower, _LOWERS, str))
    return cached


# string id -> its string (lower-cased for lemmas), kept across articles: ids are spaCy's hashes, the same in
# every vocab, and most words of an article were met before, so a dict lookup replaces a StringStore read
_LEMMAS: dict[int, str] = {}
_LOWERS: dict[int, str] = {}


def first(feature: str, found: set[str]) -> str | None:
    """The value of the feature's first cue (in file order) whose lemma is in `found`."""
    table = cues().get(feature, ())
    if len(found) >= len(table):
        return next((value for lemma, value in table if lemma in found), None)
    index = _first_of(feature)      # fewer words than cues: look the words up instead of scanning the cues
    hits = [index[w] for w in found if w in index]
    return min(hits)[1] if hits else None


@lru_cache(maxsize=None)
def _first_of(feature: str) -> dict[str, tuple[int, str]]:
    """{lemma: (position of its first cue in the file, that cue's value)} of one feature."""
    out: dict[str, tuple[int, str]] = {}
    for k, (lemma, value) in enumerate(cues().get(feature, ())):
        out.setdefault(lemma, (k, value))
    return out
