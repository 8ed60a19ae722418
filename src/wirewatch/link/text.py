"""The distinctive words of an article's title and lead, as a TF-IDF vector, and how alike two such vectors are.

Reporters of one incident keep its names and rare words (the town, the victim, "refinery", "magnitude")
and vary the rest. A word's weight is its count times its inverse document frequency, the IDF taken from
wordfreq's English frequencies (a large background corpus): the weight of a word never depends on what the
store holds, so an article's vector is computed once, when it is linked, and linking a new article gives
the same answer whether the store holds ten articles or a million (and `relink --all` gives the same answer
as the incremental runs that built the store). Words the store has never seen (names) get the highest IDF.
Similarity is the cosine of the two L2-normalised vectors; a report is compared with a cluster through the
cosine with the cluster's centroid (the sum of its members' vectors): centroid linkage, the single-pass
clustering of topic detection and tracking. Unlike the mean cosine with the members, it does not fall as a
cluster of one incident grows and its reports vary their wording, while words that only one member uses
weigh little in the centroid.
"""

from __future__ import annotations

import math
import re
from typing import Mapping

from wordfreq import zipf_frequency

__all__ = ["lead_vector", "cosine", "mean_cosine", "centroid_cosine", "add_into", "top_terms", "idf"]

CEILING = 9.0            # zipf is log10(frequency per 10^9 words): 9 - zipf is log10(1 / frequency)
COMMON = 5.5             # zipf above this ("said", "people", "year"): a function or everyday word, no evidence
POSSESSIVE = re.compile(r"['’]s$")
YEAR = re.compile(r"^(19|20)\d\d$")            # a year is as telling as a name ("the 2013 fire")


def idf(word: str) -> float:
    """log10(1 / frequency) in English; 9 (the maximum) for a word wordfreq does not know."""
    return CEILING - zipf_frequency(word, "en")


TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[.!?\n]")


def _words(text: str) -> list[tuple[str, bool]]:
    """Lower-cased words of 3+ letters with whether each is written as a name (capitalised, not first in a
    sentence), and years (counted as names). Other numbers are left out: figures are compared as figures."""
    out = []
    first = True
    for m in TOKEN.finditer(text):
        token = m.group()
        if token in ".!?\n":
            first = True
            continue
        name = token[:1].isupper() and not first
        first = False
        word = POSSESSIVE.sub("", token).casefold()
        if YEAR.match(word):
            out.append((word, True))
            continue
        if len(word) < 3 or not any(ch.isalpha() for ch in word):
            continue
        out.append((word, name))
    return out


def lead_vector(title: str | None, text: str, *, words: int = 60, names: float = 1.0,
                dateline: str | None = None, source: str | None = None) -> dict[str, float]:
    """TF-IDF of the title and the first `words` words of the text, L2-normalised; common words left out,
    words written as names weighted `names` times. The dateline and the outlet's name are left out: they
    tell who wrote the story, not what happened (two stories of one desk are not one incident)."""
    if dateline and (at := text.find(dateline)) >= 0:
        text = text[:at] + " " + text[at + len(dateline):]
    outlet = {w for w, _ in _words(source or "")}
    counts: dict[str, float] = {}
    for w, is_name in _words(title or "") + _words(text)[:words]:
        if w in outlet:
            continue
        counts[w] = counts.get(w, 0.0) + (names if is_name else 1.0)
    vec = {}
    for w, n in counts.items():
        weight = idf(w)
        if CEILING - weight <= COMMON:
            vec[w] = math.sqrt(n) * weight
    return _unit(vec)


def _unit(vec: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {w: v / norm for w, v in vec.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (need not be normalised)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def mean_cosine(vec: Mapping[str, float], centroid: Mapping[str, float], n: int) -> float:
    """Mean cosine of a unit vector with the `n` unit vectors summed in `centroid` (average linkage)."""
    if not n:
        return 0.0
    return sum(v * centroid.get(w, 0.0) for w, v in vec.items()) / n


def centroid_cosine(vec: Mapping[str, float], centroid: Mapping[str, float], n: int) -> float:
    """Cosine of a unit vector with the centroid of the `n` unit vectors summed in `centroid`."""
    if not n:
        return 0.0
    return cosine(vec, centroid)


def add_into(centroid: dict[str, float], vec: Mapping[str, float], *, keep: int) -> dict[str, float]:
    """The centroid (a sum of unit vectors) with `vec` added, cut to its `keep` heaviest words."""
    out = dict(centroid)
    for w, v in vec.items():
        out[w] = out.get(w, 0.0) + v
    if len(out) > keep:
        out = dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    return {w: round(v, 4) for w, v in out.items()}


def top_terms(vec: Mapping[str, float], k: int) -> list[str]:
    """The k heaviest words (ties by the word itself, so the choice is stable)."""
    return [w for w, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]
