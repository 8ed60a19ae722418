"""Step 1 of the events stage: find the mentions of happenings, one per trigger word in its frame.

Every token whose lemma is in the lexicon (`data/events/lexicon.tsv`) is a possible trigger; the first lexicon
row whose frame conditions hold (object, subject, modifier, particle, head) gives its PLOVER type and, where
the row names one, its mode. A mention is only that: a word, its frame, its sentence. Who did it (roles.py),
whether it happened (status.py) and which mentions tell of the same happening (happenings.py) are later steps.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import tokens_of, word_hits
from .lexicon import Cond, Entry, load_lexicon
from .syntax import NOUN_POS, VERB_POS, depth, direct_object, subject, unit_of

__all__ = ["Mention", "find_mentions", "modal_words", "trigger_words"]

NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})


@dataclass
class Mention:
    """One trigger in its sentence; later steps fill in its roles, status, links and codes."""

    token: Token
    entry: Entry
    type: str
    mode: str | None
    depth: float
    sent: SpacySpan
    unit: tuple[int, int]                                   # the sentence, cut at paragraph breaks (chars)
    tokens: list[Token] = field(default_factory=list)      # the trigger words (token + particles/compounds)
    # roles (roles.py): best candidates first
    source: Token | None = None
    target: Token | None = None
    other_sources: list[Token] = field(default_factory=list)
    others: list[Token] = field(default_factory=list)
    actor1: Any = None                                      # model.Actor
    actor2: Any = None
    # status (status.py)
    status: str = "occurred"
    certainty: str = "certain"
    polarity: str = "positive"
    kinds: frozenset[str] = frozenset()
    negated_here: bool = False
    purpose: bool = False                                   # a goal another act is for, not a happening
    description: bool = False                               # describes something else, not a happening
    claim: Any = None                                       # model.Claim
    # where and when (where.py)
    place: Any = None                                       # model.Place
    place_score: float = 0.0
    time: Any = None                                        # model.TimeExpr
    own_time: bool = False                                  # the time is in the mention's own sentence
    # folded into this mention (happenings.py): same-phrase triggers and the content of a commitment
    merged: list[Token] = field(default_factory=list)
    content: list["Mention"] = field(default_factory=list)
    action: str | None = None                               # the type before announced actions were recoded

    @property
    def casualty(self) -> bool:
        return "casualty" in self.entry.flags

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens) if self.tokens else self.token.idx

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.tokens) if self.tokens else self.token.idx + len(self.token)


def _lemmas(tokens) -> set[str]:
    return {x.lemma_.lower() for x in tokens} | {x.lower_ for x in tokens}


def _cond_holds(cond: Cond, t: Token) -> bool:
    if cond.kind == "obj":
        obj = direct_object(t)
        found = obj is not None and (not cond.lemmas or bool(_lemmas([obj]) & cond.lemmas))
        if not found and obj is not None and cond.lemmas:
            more = [c for c in obj.children if c.dep_ == "conj"]
            more += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
            found = bool(_lemmas(more) & cond.lemmas)
    elif cond.kind == "head":
        head = next((a for a in t.ancestors if a.pos_ in VERB_POS), None)
        found = head is not None and (not cond.lemmas or bool(_lemmas([head]) & cond.lemmas))
    elif cond.kind == "subj":
        subj = subject(t)
        found = subj is not None and (not cond.lemmas or bool(_lemmas([subj]) & cond.lemmas))
    elif cond.kind == "mod":
        mods = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss")]
        found = bool(mods) and (not cond.lemmas or bool(_lemmas(mods) & cond.lemmas))
    elif cond.kind == "pobj":   # "died in the crash": the object of a preposition on the trigger
        objs = [g for c in t.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
        found = bool(objs) and (not cond.lemmas or bool(_lemmas(objs) & cond.lemmas))
    else:  # prt
        kids = [c for c in t.children if c.dep_ in ("prt", "prep", "advmod", "agent", "xcomp", "dative", "acomp", "oprd")
                or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))]
        found = bool(kids) and (not cond.lemmas or bool(_lemmas(kids) & cond.lemmas))
        if not found and "to" in cond.lemmas:
            found = any(c.dep_ == "xcomp" for c in t.children)
    return found != cond.negate


def match(t: Token, lexicon: dict[str, tuple[Entry, ...]]) -> tuple[Entry, list[Token]] | None:
    """The lexicon row this token triggers in its frame (None: no event), and the trigger's words."""
    if t.pos_ in VERB_POS:
        pos = "V"
    elif t.pos_ in NOUN_POS:
        pos = "N"
    else:
        return None
    for entry in lexicon.get(t.lemma_.lower(), ()) or lexicon.get(t.lower_, ()):
        if entry.pos not in (pos, "*"):
            continue
        if all(_cond_holds(c, t) for c in entry.conds):
            if entry.type == "-":
                return None
            words = [t] + [c for c in t.children if c.dep_ == "prt"
                           or (pos == "N" and c.dep_ == "compound" and c.i == t.i - 1 and c.pos_ == "NOUN")]
            return entry, words
    return None


MODALS = frozenset({"must", "should"})


@lru_cache(maxsize=1)
def _trigger_lemmas() -> frozenset[str]:
    return frozenset(load_lexicon()) | MODALS


def _hits(doc: Doc) -> list[int]:
    """Lexicon words and modals of the Doc in one pass over its arrays (cached on the Doc)."""
    hits = doc.user_data.get("ww_event_hits")
    if hits is None:
        hits = doc.user_data["ww_event_hits"] = word_hits(doc, _trigger_lemmas())
    return hits


def trigger_words(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma or lower-cased form is a lexicon key: the only ones `match` can take."""
    lexicon = load_lexicon()
    tokens = tokens_of(doc)
    return [i for i in _hits(doc) if tokens[i].lemma_.lower() in lexicon or tokens[i].lower_ in lexicon]


def modal_words(doc: Doc) -> list[int]:
    """Indices of 'must' and 'should' (for reported obligations, coding/plover.py)."""
    tokens = tokens_of(doc)
    return [i for i in _hits(doc) if tokens[i].lower_ in MODALS]


def _is_state(t: Token, lexicon: dict[str, tuple[Entry, ...]]) -> bool:
    """An adjectival participle ("besieged cities", "burnt-out tanks"): a state, not an event; except that
    taking territory names the happening again ("one recaptured area": the recapture told before)."""
    if t.pos_ != "VERB" or t.dep_ != "amod":
        return False
    return not any("territory" in e.flags and not e.conds for e in lexicon.get(t.lemma_.lower(), ()))


def _sentence_mentions(sent: SpacySpan, triggers: Sequence[int], blocked: set[int],
                       lexicon: dict[str, tuple[Entry, ...]]) -> list[Mention]:
    tokens = tokens_of(sent.doc)
    found: list[Mention] = []
    for i in triggers[bisect_left(triggers, sent.start):bisect_left(triggers, sent.end)]:
        t = tokens[i]
        if i in blocked or (t.ent_type_ in NAME_ENTS and t.pos_ == "PROPN") or _is_state(t, lexicon):
            continue
        hit = match(t, lexicon)
        if hit is None:
            continue
        entry, words = hit
        if entry.type in ("SUPPORT", "COOPERATE") and t.dep_ == "acl" and t.tag_ == "VBN":
            continue  # "a company, supported by coalition forces, ...": a description, not an event
        found.append(Mention(t, entry, entry.type, entry.mode, depth(t), sent, unit_of(sent, t.idx),
                             tokens=sorted(words, key=lambda x: x.i), action=entry.type))
    return found


def find_mentions(doc: Doc, blocked: set[int] | None = None) -> list[Mention]:
    """Every mention of the article in text order; `blocked` token indices are never triggers (inside
    multi-word actor names such as 'International Security Assistance Force')."""
    triggers = trigger_words(doc)
    if not triggers:
        return []
    lexicon = load_lexicon()
    out: list[Mention] = []
    for sent in doc.sents:
        if bisect_left(triggers, sent.end) > bisect_left(triggers, sent.start):
            out.extend(_sentence_mentions(sent, triggers, blocked or set(), lexicon))
    out.sort(key=lambda m: m.token.i)
    return out
