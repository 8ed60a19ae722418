"""The cue words of ACLED coding (`data/events/acled_cues.tsv`) and how a phrase's words are read for them.

Shared by the features of `acled` and the parties of `parties`: a cue may be one word or two ("air force").
"""

from __future__ import annotations

from functools import lru_cache

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
    tokens = sorted(set(tokens), key=lambda t: t.i)
    at = [t.i for t in tokens]  # each token's attributes read once (a Token attribute is a lookup each time)
    lemmas = [t.lemma_.lower() for t in tokens]
    forms = [t.lower_ for t in tokens]
    out = set(lemmas) | set(forms)
    for k in range(len(tokens) - 1):
        if at[k + 1] == at[k] + 1:
            out.add(f"{forms[k]} {forms[k + 1]}")
            out.add(f"{lemmas[k]} {lemmas[k + 1]}")
    return out


def first(feature: str, found: set[str]) -> str | None:
    return next((value for lemma, value in cues().get(feature, ()) if lemma in found), None)
