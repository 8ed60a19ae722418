"""Find who a casualty word counts, by walking the dependency parse from the word to the counted noun phrase.

"12 people were killed" (passive subject), "killed two insurgents" (object), "thousands may have died"
(subject), "12 dead", "33 injured" (a number on the word), "left 12 people dead" (object of the verb the
adjective completes), "forced 4 million to flee" (object of the verb that `flee` completes), "45 deaths",
"the death toll rose to 45".
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from .lexicon import Lexicon

__all__ = ["trigger_category", "patients"]

_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
_RELATIVE = {"who", "that", "which", "whom"}
_TOLL_VERBS = {"rise", "climb", "reach", "stand", "hit", "jump", "increase", "grow", "mount", "surpass", "top",
               "exceed", "be", "soar"}
_LIFE_VERBS = {"claim", "take", "cost", "lose"}
_CUSTODY = {"custody", "captivity", "detention"}
_CAPTIVE = {"prisoner", "hostage", "captive"}


def trigger_category(t: Token, lx: Lexicon) -> tuple[str, str] | None:
    """(category, role) if `t` is a casualty word: role is trans, intrans, adj, noun or take (taken into custody)."""
    lemma, lower = t.lemma_.lower(), t.lower_
    if lemma not in lx.trigger_lemmas and lower not in lx.adjectives:
        return None                                       # most words: no need to look at their tags
    if t.tag_ in _VERB_TAGS or t.pos_ in ("VERB", "AUX"):
        if lemma in lx.transitive:
            if lemma == "round" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
                return None
            return lx.transitive[lemma], "trans"
        if lemma in lx.intransitive:
            return lx.intransitive[lemma], "intrans"
        if lemma == "take" and (any(c.dep_ == "prep" and any(g.lemma_.lower() in _CUSTODY for g in c.children)
                                    for c in t.children)
                                or any(c.lemma_.lower() in _CAPTIVE and c.dep_ in ("oprd", "attr", "dobj", "xcomp")
                                       for c in t.children)):
            return "captured", "trans"
    if lower in lx.adjectives and (t.pos_ == "ADJ" or t.tag_ in ("VBN", "JJ", "VBG")):
        return lx.adjectives[lower], "adj"
    if t.pos_ == "NOUN" and lemma in lx.nouns:
        return lx.nouns[lemma], "noun"
    return None


def _child(t: Token, *deps: str) -> Token | None:
    return next((c for c in t.children if c.dep_ in deps), None)


def _is_passive(t: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)


def _with_conjuncts(t: Token | None) -> Iterator[Token]:
    """A noun and the nouns conjoined to it ("a leader and two associates")."""
    if t is None:
        return
    yield t
    for c in t.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            yield from _with_conjuncts(c)


_QUANTITY_NOUNS = {"dozens", "hundreds", "thousands", "millions", "scores", "several", "many", "others"}


def _numeric_child(t: Token) -> Token | None:
    """A bare number hanging on the word itself: "33 injured", "12 dead", "dozens wounded"."""
    for c in t.children:
        if c.i < t.i and c.dep_ in ("nsubj", "nsubjpass", "npadvmod", "nummod", "advmod", "dep", "quantmod") \
                and (c.like_num or c.pos_ == "NUM" or c.lower_ in _QUANTITY_NOUNS):
            return c
    return None


def _along_with(t: Token) -> list[Token]:
    """"detained the leader along with three of his associates": the people added by along/together with."""
    out = []
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("along", "together"):
            for w in c.children:
                if w.dep_ == "prep" and w.lower_ == "with":
                    out.extend(g for g in w.children if g.dep_ == "pobj")
    return out


def _relative_head(t: Token, subj: Token | None) -> Token | None:
    """For "people who died" the counted noun is the one the relative clause hangs on."""
    if subj is not None and subj.lower_ in _RELATIVE and t.dep_ == "relcl":
        return t.head
    return subj


def patients(t: Token, role: str) -> list[Token]:
    """The head tokens of the noun phrases that trigger `t` counts (may be empty)."""
    if role == "noun":
        return _noun_patients(t)
    if role == "adj":
        return _adj_patients(t)
    if role == "intrans":
        subj = _relative_head(t, _child(t, "nsubj", "nsubjpass"))
        if subj is None and t.dep_ in ("xcomp", "advcl"):
            subj = _child(t.head, "dobj") or _child(t.head, "nsubjpass", "nsubj")
        if subj is None:
            subj = _numeric_child(t)
        return list(_with_conjuncts(subj))
    # transitive verbs (and "taken into custody")
    if t.dep_ in ("amod", "acl") and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return [t.head]
    if _is_passive(t) or (t.tag_ == "VBN" and t.dep_ == "conj" and _is_passive(t.head)):
        subj = _relative_head(t, _child(t, "nsubjpass", "nsubj"))
        if subj is None:
            subj = _numeric_child(t)
        if subj is None and t.dep_ == "conj" and _is_passive(t.head):   # "He was engaged and killed"
            subj = _relative_head(t.head, _child(t.head, "nsubjpass"))
        return list(_with_conjuncts(subj))
    obj = _child(t, "dobj")
    if obj is None and t.tag_ == "VBN":
        obj = _numeric_child(t)                      # "12 killed and 33 injured"
    if obj is None:                                  # "killed between 10 and 15 soldiers"
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        obj = _child(prep, "pobj") if prep is not None else None
    found = list(_with_conjuncts(obj))
    if found:
        found += _along_with(t) + _along_with(found[0])
    return found


def _adj_patients(t: Token) -> list[Token]:
    num = _numeric_child(t)
    if num is not None:
        return [num]
    if t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return [t.head]
    if t.dep_ == "oprd":                             # "left 12 people dead", "were reported dead"
        return list(_with_conjuncts(_child(t.head, "dobj") or _child(t.head, "nsubjpass")))
    if t.dep_ in ("acomp", "attr", "xcomp", "ccomp", "advmod"):
        head = t.head
        if _child(head, "dobj") is not None:         # "shot dead three gunmen"
            return list(_with_conjuncts(_child(head, "dobj")))
        return list(_with_conjuncts(_relative_head(head, _child(head, "nsubj", "nsubjpass"))))
    return []


def _noun_patients(t: Token) -> list[Token]:
    if t.lemma_.lower() == "toll":
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "at"):
                num = _child(c, "pobj")
                if num is not None and (num.like_num or num.pos_ == "NUM"):
                    return [num]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in _TOLL_VERBS:
            verb = t.head
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "at", "past", "above"):
                    num = _child(c, "pobj")
                    if num is not None and (num.like_num or num.pos_ == "NUM"):
                        return [num]
                if c.dep_ in ("dobj", "attr") and (c.like_num or c.pos_ == "NUM"):
                    return [c]
        return []
    if t.lemma_.lower() == "life" and t.head.lemma_.lower() not in _LIFE_VERBS:
        return []
    if any(c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in ("several", "numerous", "many"))
           for c in t.children if c.i < t.i):
        return [t]
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = _child(c, "pobj")
            if pobj is not None:
                return list(_with_conjuncts(pobj))
    return []
