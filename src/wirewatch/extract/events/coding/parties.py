"""Who acted and who was hit, as ACLED's codebook sorts them: the agent and the victim features of a
happening, by actor `inter` codes and, where no actor says, by the words of its subject, its targets and its
counted dead ("two soldiers" armed, "a farmer" civilian, "an off-duty officer" unarmed).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from spacy.tokens import Token

from ..happenings import Happening
from ..syntax import CLAUSE_DEPS
from .cues import cues, first, words

__all__ = ["INTER", "UNDERGO", "agent", "victim"]


INTER = {1: "state", 2: "rebel", 3: "militia", 4: "militia", 5: "crowd", 6: "protester", 7: "civilian",
         8: "external"}

VICTIM_INTER = {1: "armed", 2: "armed", 3: "armed", 4: "armed", 8: "armed", 5: "civilian", 6: "protester",
                7: "civilian"}


def agent(h: Happening) -> str:
    """actor1's kind by its inter code; civilians acting are a crowd when named as one ("villagers", "a
    mob of residents"), several people when named by plural nouns of persons ("four men", "five persons"),
    else an individual ("a man"); without an actor of known kind, the words of the subject."""
    for m in h.mentions:
        if m.actor1 is not None and m.actor1.inter:
            if m.actor1.inter == 7:
                return _people(m.source) or "individual"
            return INTER[m.actor1.inter]
    for m in h.mentions:
        if m.token.lemma_.lower() in UNDERGO:
            continue                        # "three people died": the subject suffered it
        subj = m.source if m.source is not None else next(
            (c for c in m.token.children if c.dep_ == "nsubj"), None)     # "a band of youths fought with ..."
        if subj is None and m.token.pos_ == "NOUN":
            subj = _clause_subject(m.token)  # "members of the gang delivered food as aid"
        if subj is not None:
            found = _people(subj)
            if found:
                return found
    return "none"


def _clause_subject(t: Token) -> Token | None:
    """The subject of the verb a noun trigger hangs from ("delivered food packages as aid")."""
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return next((c for c in t.children if c.dep_ == "nsubj"), None)
    return None


def _people(subj: Token | None) -> str | None:
    """The agent cue of a subject's words; a "people" cue counts only for a plural ("two men", not "a man")."""
    if subj is None:
        return None
    found = first("agent", words(subj.subtree))
    if found == "people" and any(t.pos_ == "PROPN" for t in _named_by(subj)):
        return "militia"                    # "members of the Tigers", "Kuki men": a named group's members
    if found == "people" and not _plural(subj):
        return "individual"
    return found


def _named_by(t: Token) -> list[Token]:
    """The words that name what a noun belongs to: its modifiers before it and its "of" phrase ("Kuki men",
    "members of the Tigers"), not the places after it ("four men at Kamba")."""
    heads = [c for c in t.children if c.i < t.i and c.dep_ in ("compound", "amod", "nmod", "poss")
             or c.dep_ == "prep" and c.lower_ == "of"]
    return [w for c in heads for w in c.subtree]

UNDERGO = frozenset({"die", "perish", "succumb", "drown", "starve", "suffer", "sustain", "find"})


def _plural(t: Token) -> bool:
    return t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in t.children)


def _place_actor(a) -> bool:
    """An actor that is only a town or district named as if it acted ("shelled Ankawi"): not a victim."""
    return a.kind == "GOV" and a.inter == 1 and a.text[:1].isupper() and a.acled_name is not None \
        and a.acled_name.startswith("Government of") and a.name == a.text.removeprefix("the ").strip()


def _target_words(x: Token, trigger: Token) -> tuple[set[str], set[str]]:
    """The words that name a target: (its noun phrase: the noun, the words before it, its "of" phrase,
    apposition and conjuncts; everything it governs, relative clauses included, for "who was off duty")."""
    if x.dep_ == "nummod" and x.head.pos_ in ("NOUN", "PROPN"):
        x = x.head                          # "killed 15 militants": the number stands for the noun
    phrase: list[Token] = [x]
    stack = [x]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.i < cur.i and c.dep_ not in ("det", "punct", "cc") or c.dep_ in ("appos", "conj", "compound") or (
                    c.dep_ == "prep" and c.lower_ == "of") or cur.dep_ == "prep" and c.dep_ == "pobj":
                phrase.append(c)
                stack.append(c)
    doc = x.doc
    if x.pos_ == "NUM":                 # "killed 15 IS militants" read with the number as the object
        phrase += [t for t in doc[x.i + 1:min(x.i + 4, x.sent.end)] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    whole = [t for t in x.subtree if t.i != trigger.i]
    whole += [doc[i] for i in range(x.i + 1, min(x.i + 6, x.sent.end))]   # "a soldier (off duty)"
    return words(phrase), words(whole)


@lru_cache(maxsize=None)
def _victim_words(value: str) -> frozenset[str]:
    """The victim cues of one value ("armed", "civilian", ...), as a set built once."""
    return frozenset(lemma for lemma, v in cues().get("victim", ()) if v == value)


def _verdict(phrase: set[str], whole: set[str]) -> str | None:
    """civilian (named unarmed: off duty, former; or a civilian word), armed, protester, or None (no word
    says)."""
    if whole & _victim_words("unarmed"):
        return "civilian"               # "an off-duty soldier", "a former officer": not fighting
    if phrase & _victim_words("armed"):
        return "armed"
    if phrase & _victim_words("protester"):
        return "protester"              # "fired tear gas at the march", "six protesters were injured"
    if phrase & _victim_words("civilian"):
        return "civilian"               # "the leader of ...", "a drug suspect": named as unarmed
    return None


def victim(h: Happening, scope: Sequence[Token] = ()) -> str:
    """armed (soldiers, fighters, positions, a patrol), civilian, protester or none. Read from the words of
    the targets and of the counted dead (armed wins: "a commander and his son" were a fighter and his
    kin), then from actor2's inter code, then from the other nouns the act governs ("at a police station");
    one-sided violence done to anyone not named as armed (a delegate, a family, a village, trucks) is done
    to civilians. A target that is the trigger's compound ("a police raid") is its agent, not its victim."""
    phrase: set[str] = set()
    whole: set[str] = set()
    targeted = False
    for m in h.mentions:
        x = m.target
        if x is None or x.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            continue
        targeted = True
        if x.dep_ == "compound" and x.head.i == m.token.i:
            continue
        p, w = _target_words(x, m.token)
        phrase |= p
        whole |= w
    for f in h.figures:
        if f.category in ("killed", "injured", "killed_or_injured"):
            targeted = True
            counted = set((f.who or "").lower().split()) | set(f.text.lower().split())
            phrase |= counted
            whole |= counted
    found = _verdict(phrase, whole)
    if found == "civilian" and _armed_record(scope):
        return "armed"                  # "a man was shot dead. The victim was a gang member."
    if found:
        return found
    agents = {m.actor1.name for m in h.mentions if m.actor1 is not None}
    for m in h.mentions:
        if m.actor2 is not None and m.actor2.inter and not _place_actor(m.actor2) and m.actor2.name not in agents:
            if m.actor2.inter == 1 and m.actor2.kind not in ("MIL", "COP", "SPY"):
                return "civilian"       # a judge, a minister, a council: the state, but unarmed
            return VICTIM_INTER[m.actor2.inter]
    for m in h.mentions:
        for x in m.others[:1]:
            if x.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                targeted = True
                found = found or _verdict(*_target_words(x, m.token))
    if found:
        return found
    return "civilian" if targeted else "none"


def _armed_record(scope: Sequence[Token]) -> bool:
    """A sentence about the victim says he belonged to an armed group or gang ("The victim was a member of
    a gang", "the victim was armed"): the violence was between armed sides."""
    for t in scope:
        if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in ("victim", "deceased"):
            said = [w for c in t.head.children if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cc")
                    for w in c.subtree]         # its own clause: not "..., militants took his weapon"
            if first("record", words(said)):
                return True
    return False
