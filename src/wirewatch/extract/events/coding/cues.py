"""The cue words of ACLED coding (`data/events/acled_cues.tsv`) and how a phrase's words are read for them.

Shared by the features of `acled` and the parties of `parties`: a cue may be one word or two ("air force").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

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
    at = sorted({t.i: t for t in tokens}.items())
    if not at:
        return set()
    all_lemmas, all_forms = _forms(at[0][1].doc)
    at = [i for i, _ in at]
    lemmas = [all_lemmas[i] for i in at]
    forms = [all_forms[i] for i in at]
    out = set(lemmas) | set(forms)
    for k in range(len(at) - 1):
        if at[k + 1] == at[k] + 1:
            out.add(f"{forms[k]} {forms[k + 1]}")
            out.add(f"{lemmas[k]} {lemmas[k + 1]}")
    return out


def _forms(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's lemma and form, lower-cased, read once per Doc from its arrays (`words` is called many
    times per article, and a Token attribute is a string lookup each time)."""
    cached = doc.user_data.get("ww_cue_forms")
    if cached is None:
        strings = doc.vocab.strings
        lemma, lower = doc.to_array([LEMMA, LOWER]).T.tolist() if len(doc) else ([], [])
        cached = doc.user_data["ww_cue_forms"] = ([strings[h].lower() for h in lemma], [strings[h] for h in lower])
    return cached


def first(feature: str, found: set[str]) -> str | None:
    return next((value for lemma, value in cues().get(feature, ()) if lemma in found), None)
