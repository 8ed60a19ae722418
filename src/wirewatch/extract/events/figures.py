"""Figures to the happening they count, and the happening's fatalities by ACLED's conventions.

A figure belongs to the mention whose phrase contains it ("killing *three soldiers*"), else to the most
salient mention of a fitting kind in its sentence, else to one in the two sentences before it in the same
paragraph ("A missile hit the town hall. Officials said *12 people* were killed."); the happening of that
mention counts it. Fatalities are the lowest credible total: killed figures of one sentence add up ("one
soldier and two fighters"), and so do those of a later sentence that counts another group ("also 13
militants were killed"); a later sentence restating the toll ("2 fatalities") does not add to it, the
larger count is kept; a vague figure without a number takes ACLED's convention (`data/events/fatalities.tsv`:
several/many 10, dozens 12, hundreds 100).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from spacy.tokens import Span as SpacySpan

from ...model import Figure
from .. import text_of
from .happenings import Happening
from .lexicon import _read, _rows
from .mentions import Mention
from .syntax import token_at

__all__ = ["attach_figures", "fatalities"]

FITTING = {
    "killed": ("ASSAULT",), "injured": ("ASSAULT",), "killed_or_injured": ("ASSAULT",), "missing": ("ASSAULT",),
    "captured": ("COERCE", "ASSAULT"), "displaced": ("ASSAULT", "COERCE", "RETREAT"), "other": (),
}


@lru_cache(maxsize=1)
def vague_counts() -> tuple[tuple[str, int], ...]:
    """(word, count) of ACLED's conventions for figures without a number, longest phrase first."""
    rows = [(w.lower(), int(n)) for _, (w, n) in _rows(_read("fatalities.tsv"), 2, "fatalities.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def figure_count(f: Figure) -> int | None:
    """The conservative count of a figure: its number, its lower bound, or ACLED's convention for its word."""
    if f.value is not None:
        return f.value
    text = f.text.lower()
    convention = next((n for w, n in vague_counts() if w in text), None)
    if f.qualifier == "vague" and convention is not None:
        return convention                  # "dozens" is 12 for ACLED, whatever range the word allows
    if f.low is not None:
        return f.low
    return convention


def _owner(f: Figure, mentions: Sequence[Mention], sents: Sequence[SpacySpan]) -> int | None:
    doc = mentions[0].sent.doc
    tok = token_at(doc, f.start)
    if tok is None:
        return None
    same = [(k, m) for k, m in enumerate(mentions) if m.unit[0] <= f.start < m.unit[1]]
    owner = next((k for k, m in sorted(same, key=lambda km: -km[1].depth)
                  if tok.i in {x.i for x in m.token.subtree} or tok.i in {x.i for x in m.merged}), None)
    fitting = FITTING.get(f.category, ())
    if owner is None:
        owner = next((k for k, m in sorted(same, key=lambda km: km[1].depth) if (m.action or m.type) in fitting), None)
    if owner is None:
        sent_i = next((i for i, s in enumerate(sents) if s.start <= tok.i < s.end), None)
        text = text_of(doc)
        for back in (1, 2):
            if sent_i is None or sent_i - back < 0 or "\n\n" in text[sents[sent_i - back].end_char:tok.idx]:
                break
            prev = sents[sent_i - back]
            owner = next((k for k, m in sorted(enumerate(mentions), key=lambda km: km[1].depth)
                          if m.sent.start == prev.start and (m.action or m.type) in fitting), None)
            if owner is not None:
                break
    if owner is None and same:
        owner = min(same, key=lambda km: km[1].depth)[0]
    return owner


def attach_figures(happenings: Sequence[Happening], figures: Sequence[Figure], sents: Sequence[SpacySpan]) -> None:
    """Give every figure to the happening it counts; set each happening's figures and fatalities."""
    mentions = [m for h in happenings for m in h.mentions]
    if not mentions:
        return
    of_mention = {id(m): h for h in happenings for m in h.mentions}
    for f in figures:
        k = _owner(f, mentions, sents)
        if k is not None:
            of_mention[id(mentions[k])].figures.append(f)
    for h in happenings:
        h.figures, h.fatalities = fatalities(h.figures, sents)


def fatalities(figs: list[Figure], sents: Sequence[SpacySpan]) -> tuple[list[Figure], int | None]:
    """The figures a happening counts, and its fatalities (module docstring); restatements are left out."""
    figs = sorted(figs, key=lambda f: f.start)
    killed = [f for f in figs if f.category == "killed"]
    if not killed:
        return figs, None
    by_sentence: dict[int, list[Figure]] = {}
    for f in killed:
        k = next((i for i, s in enumerate(sents) if s.start_char <= f.start < s.end_char), -1)
        by_sentence.setdefault(k, []).append(f)
    total, words, keep = 0, set(), set()
    for k in sorted(by_sentence):
        fs = by_sentence[k]
        count = sum(figure_count(f) or 0 for f in fs)
        who = {w for f in fs for w in _victims(f)}
        if not keep or (who and words and not who & words and not who & TOTAL_WORDS and not words & TOTAL_WORDS):
            total += count                     # another group of dead ("2 soldiers ... also 13 militants")
            keep |= {id(f) for f in fs}
            words |= who
        elif count > total:                    # a restatement or a summary with a larger toll replaces it
            total, keep, words = count, {id(f) for f in fs}, who
    return [f for f in figs if f.category != "killed" or id(f) in keep], total


TOTAL_WORDS = frozenset({"fatality", "fatalities", "death", "deaths", "dead", "people", "persons", "person", "toll",
                         "victims", "victim", "casualties", "killed"})


def _victims(f: Figure) -> set[str]:
    """Who a figure counts, as words ("13 militants" -> {"militants"}; "2 fatalities" -> {"fatalities"})."""
    words = (f.who or f.text).lower().replace(",", " ").split()
    return {w for w in words if w.isalpha() and len(w) > 2 and w not in ("and", "the", "least", "more", "than",
                                                                          "about", "some", "were", "was")}
