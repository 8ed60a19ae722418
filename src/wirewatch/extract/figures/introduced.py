"""People a definite phrase points at who were introduced in the text but not counted yet: "At dusk, a band of
seven raiders rode at the post. The guards returned fire, killing all seven raiders."

"All seven raiders" is definite, but the seven are not the people an earlier casualty word counted ("killing
four raiders" an hour before): they were introduced by a phrase that counts nobody dead, hurt or held ("a band
of seven raiders rode at ..."). Such a count adds to the count before it instead of saying it again. The
phrase points at the nearest earlier indefinite count of people that fits it (the same noun, or a word such as
"individual" that fits anybody; the same number, singular or plural) in its own sentence or the one before;
names are left to the name rules.
A phrase that introduces again people counted before (a lead's "a rebel commander was captured" told again as
"troops searched for a rebel commander ... captured the commander") points at them, not at new people.
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import sentence_bounds, sentence_of, tokens_of
from .lexicon import Lexicon
from .measure import is_person, measure
from .quantity import Quantity
from .references import is_definite, is_the_rest

__all__ = ["fresh", "introduction"]

_ONLY_DETERMINERS = {"the", "all", "both", "these", "those"}


def _key(q: Quantity) -> tuple:
    return q.value, q.low, q.high, q.qualifier


def _fits(p: Token, n: Token, q: Quantity, pq: Quantity, lx: Lexicon) -> bool:
    if (p.tag_ == "NNS") != (n.tag_ == "NNS"):
        return False
    if pq.qualifier == "exact" and pq.value is not None and pq.value > 1 and (q.qualifier != "exact" or q.value != pq.value):
        return False
    lemma = p.lemma_.lower()
    return lemma == n.lemma_.lower() or lemma in lx.generic_nouns


def introduction(p: Token, pq: Quantity, lx: Lexicon) -> tuple[Token, Quantity] | None:
    """The earlier indefinite count of people (token, quantity) that the definite phrase headed by `p` points
    at, in its sentence or the one before; None when `p` is not such a phrase or nothing fits."""
    if p.pos_ not in ("NOUN", "PROPN") or is_the_rest(p) or not any(
            c.dep_ in ("det", "predet") and c.lower_ in _ONLY_DETERMINERS for c in p.children):
        return None
    doc = p.doc
    tokens = tokens_of(doc)
    k = sentence_of(doc)[p.i]
    first = sentence_bounds(doc)[max(0, k - 1)][0]
    inside = {t.i for t in p.subtree}
    for i in range(p.left_edge.i - 1, first - 1, -1):
        n = tokens[i]
        if i in inside or n.pos_ != "NOUN" or not is_person(n, lx):
            continue
        if is_definite(n, lx):
            continue                        # another phrase pointing back: look further
        m = measure(n, lx)
        if m is None:
            continue
        q = m[0]
        if q.value is None and q.low is None:
            continue
        if _fits(p, n, q, pq, lx):
            return n, q
    return None


def fresh(intro: tuple[Token, Quantity], counted: list[tuple[Token, str | None, Quantity]]) -> bool:
    """Are the people `intro` introduces new, i.e. not counted by a casualty word (`counted`: patient token,
    who lemma, quantity of every mention) at or before it (in the counted phrase, or named beside it: "a
    suspect and his companion, a gang leader, were killed"), nor introduced again with the same number?"""
    n, q = intro
    lemma = n.lemma_.lower()
    for patient, who_lemma, mq in counted:
        if patient.left_edge.i <= n.i <= patient.right_edge.i:
            return False
        if patient.i < n.i and who_lemma == lemma and _key(mq) == _key(q):
            return False
    return True
