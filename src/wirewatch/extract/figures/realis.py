"""Casualty words that count nobody yet, or name someone's record rather than report a happening: "tried to
assassinate the governor", "an operation to detain a leader", "responsible for the deaths of several
civilians", "the attempted assassination of"."""

from __future__ import annotations

from spacy.tokens import Token

from .casualty import is_verb
from .lexicon import Lexicon

__all__ = ["unrealised", "charged", "recorded"]

_TRY_VERBS = {"attempt", "try", "plan", "threaten", "seek", "vow", "plot", "aim", "intend", "want", "fail",
              "conspire", "prepare"}


def unrealised(t: Token) -> bool:
    """"tried to assassinate X", "threatened to kill 100", "an operation to detain a leader": nobody was
    counted yet (a purpose is not a result)."""
    if t.dep_ == "xcomp" and t.head.lemma_.lower() in _TRY_VERBS:
        return True
    return t.tag_ == "VB" and t.dep_ in ("acl", "advcl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def charged(t: Token, lx: Lexicon) -> bool:
    """"responsible for the deaths of several civilians", "the attempted assassination of": a casualty noun that
    names someone's record or an act that failed, not a happening the article reports."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lx.unrealised_modifiers for c in t.children):
        return True
    for steps, a in enumerate(t.ancestors):
        if steps >= 8 or is_verb(a) and a.lemma_.lower() not in lx.charge_words and a.dep_ in ("ROOT", "relcl"):
            return False
        if a.lemma_.lower() in lx.charge_words or a.lower_ in lx.charge_words:
            return True
    return False


_RECORD_PATH = {"prep", "pobj", "pcomp", "dobj", "conj", "appos", "compound", "nmod"}


def recorded(t: Token, lx: Lexicon) -> bool:
    """"linked to an attack that killed four soldiers", "responsible for the bombing which killed 12", "suspected
    of killing two guards": a casualty verb in a phrase that names someone's record (`record_words`), told to say
    who he is, not reported as a happening of the article; like `charged` for casualty nouns."""
    a = t
    for _ in range(8):
        parent = a.head
        if parent.i == a.i or a.dep_ not in _RECORD_PATH and a is not t and a.dep_ not in ("relcl", "acl"):
            return False
        if parent.lemma_.lower() in lx.record_words or parent.lower_ in lx.record_words:
            return a.dep_ in ("prep", "dobj")
        if is_verb(parent) and a is not t:
            return False
        a = parent
    return False
