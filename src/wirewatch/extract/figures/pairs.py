"""Casualty words listed or joined over the same people: "killed or injured thousands", "killed and wounded a
number of fighters", "killed, injured or captured", "detained and later killed"."""

from __future__ import annotations

from spacy.tokens import Token

from .casualty import is_passive, is_verb, trigger_category
from .lexicon import Lexicon

__all__ = ["pair_category"]

_MERGE = {frozenset({"killed", "injured"}): "killed_or_injured"}


def _has_cc(t: Token, words: tuple[str, ...]) -> bool:
    return any(c.dep_ == "cc" and c.lower_ in words for c in t.children)


def _listed(t: Token) -> list[Token]:
    """The casualty words listed with `t`: "killed, injured or captured" (the parser may hang the middle one
    on the first as a clause of its own)."""
    def joined(x: Token) -> bool:
        return x.dep_ == "conj" or (x.dep_ == "advcl" and x.tag_ == "VBN" and x.i > 0
                                    and x.doc[x.i - 1].text == "," and x.head.tag_ == "VBN")
    root = t
    while joined(root) and root.head.i != root.i:
        root = root.head
    out, todo = [], [root]
    while todo:
        x = todo.pop()
        out.append(x)
        todo.extend(c for c in x.children if joined(c))
    return out


def _slashed(t: Token) -> list[Token]:
    """"killing/injuring 75", "killed/wounded": the words written against `t` with a slash between, however the
    parser hung them (as a clause of its own, or as a modifier of the counted noun)."""
    doc, out = t.doc, []
    for slash, other in ((t.i + 1, t.i + 2), (t.i - 1, t.i - 2)):
        if 0 <= min(slash, other) and max(slash, other) < len(doc) and doc[slash].text == "/":
            a, b = (t, doc[other]) if other > t.i else (doc[other], t)
            if a.idx + len(a) == doc[slash].idx and doc[slash].idx + 1 == b.idx:
                out.append(doc[other])
    return out


def _own_patient(v: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in v.children)


def _shares_people(a: Token, b: Token) -> bool:
    """a ... and b count the same people: "killed and wounded a number of fighters" (b's object),
    "7 militants were killed and wounded" (a's subject)."""
    first, second = (a, b) if a.i < b.i else (b, a)
    if not (is_verb(first) and is_verb(second)):
        return False
    if not any(c.dep_ == "dobj" for c in first.children) and any(c.dep_ == "dobj" for c in second.children) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children):
        return True
    return is_passive(first) and second.tag_ == "VBN" and not _own_patient(second)


def pair_category(t: Token, category: str, lx: Lexicon) -> tuple[str, bool]:
    """Casualty words that count the same people once: "killed or injured thousands", "killed and wounded a
    number of fighters" (one object for both) are killed_or_injured; other alternatives ("captured or killed",
    "killed, injured or captured") are `other`; "detained and later killed" counts the same man twice, once
    per word. The flag says killed and injured were joined by "and" over the same people."""
    slashed = _slashed(t)
    if slashed:                 # "killed/wounded": casualties of both kinds, the split not given, as with "and"
        cats = {category} | {hit[0] for hit in (trigger_category(x, lx) for x in slashed) if hit}
        if cats == {"killed", "injured"}:
            return "killed_or_injured", True
    listed = _listed(t)
    if any(_has_cc(x, ("or", "and/or")) for x in listed):
        cats = {category} | {hit[0] for hit in (trigger_category(x, lx) for x in listed if x.i != t.i) if hit}
        return (category if len(cats) == 1 else _MERGE.get(frozenset(cats), "other")), False
    partners = [x for x in ([t.head] if t.dep_ == "conj" else []) + [c for c in t.children if c.dep_ == "conj"]
                if _shares_people(t, x)]
    cats = {category} | {hit[0] for hit in (trigger_category(x, lx) for x in partners) if hit}
    if cats == {"killed", "injured"}:
        return "killed_or_injured", True
    return category, False
