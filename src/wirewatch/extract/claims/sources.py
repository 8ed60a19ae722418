"""Who a claim's source is: the actor its mention names, or the speaker a pronoun or role noun points back to.

Rule for `it said`, `he told reporters`, `the ministry said`, `the minister told reporters`: the source
mention keeps its own span; its `actor` is
  1. the actor whose mention overlaps the source's head word (else any overlapping actor; for a relative
     pronoun, "which"/"who", the noun it refers to), or else
  2. for a pronoun: the actor of the nearest earlier claim source of the same type (he/she: a person;
     it: an organisation; they/we: either), else the nearest earlier actor mention of that type;
  3. for a definite role noun ("the ministry", "the minister", "the spokesman"): the nearest earlier
     claim source or actor mention whose text contains that noun ("Britain's defence ministry",
     "deputy defence minister Alexander Fomin").
`kind` is the actor's kind, else the sector code of a role noun in the mention (roles.tsv), else
"person" for a personal name or he/she/I.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Token

from ...model import Actor, Source
from .attribution import Raw
from .lexicon import role_kinds
from .parsed import Parsed

__all__ = ["resolve_sources"]

PERSONAL = {"he", "she", "him", "her", "i"}
NEUTER = {"it"}
PLURAL = {"they", "we"}
RELATIVE = {"which", "who", "that", "whom"}
ROLE_DETS = {"the", "its", "his", "her", "their", "this", "that"}


def _overlap(a: tuple[int, int], s: int, e: int) -> bool:
    return a[0] < e and s < a[1]


def _actor_at(actors: Sequence[Actor], span: tuple[int, int], head: Token | None) -> Actor | None:
    hits = [a for a in actors if _overlap(span, a.start, a.end)]
    if head is not None:
        on_head = [a for a in hits if a.start <= head.idx < a.end]
        if on_head:
            return on_head[0]
    return max(hits, key=lambda a: min(a.end, span[1]) - max(a.start, span[0]), default=None)


def _role_word(p: Parsed, head: Token | None, span: tuple[int, int]) -> str | None:
    """The role noun of a mention that names no one ("the ministry", "its leader"), else None."""
    if head is None or head.pos_ == "PROPN" or p.is_person(*span):
        return None
    if any(t.pos_ == "PROPN" for t in p.doc.char_span(*span, alignment_mode="expand") or []):
        return None
    if head.lemma_.lower() in role_kinds() and any(c.lower_ in ROLE_DETS for c in head.children):
        return head.lemma_.lower()
    return None


def _kind(p: Parsed, span: tuple[int, int], head: Token | None) -> str | None:
    kinds = role_kinds()
    tokens = list(p.doc.char_span(*span, alignment_mode="expand") or [])
    if head is not None and head.lemma_.lower() in kinds and kinds[head.lemma_.lower()]:
        return kinds[head.lemma_.lower()]
    for t in tokens:
        k = kinds.get(t.lemma_.lower())
        if k:
            return k
    if p.is_person(*span) or (head is not None and head.lower_ in PERSONAL):
        return "person"
    return None


def resolve_sources(p: Parsed, raws: Sequence[Raw], actors: Sequence[Actor]) -> list[Source | None]:
    """One Source (or None) per attribution, in the order given (text order)."""
    text, doc = p.text, p.doc
    out: list[Source | None] = []
    history: list[tuple[int, Actor, bool]] = []  # (start, actor, is a person) of earlier resolved sources
    mentions = sorted(actors, key=lambda a: a.start)
    person_of = {a.id: p.is_person(a.start, a.end) for a in mentions}
    for raw in raws:
        if raw.source is None:
            out.append(None)
            continue
        s, e = raw.source
        head = doc[raw.source_token] if raw.source_token is not None else None
        actor = _actor_at(actors, raw.source, head)
        if actor is None and head is not None and head.lower_ in RELATIVE and head.head.dep_ == "relcl":
            noun = head.head.head  # "New Delhi, which has called ...": the mention is "which", the actor New Delhi
            head = noun
            actor = _actor_at(actors, (noun.left_edge.idx, noun.idx + len(noun)), noun)
        kind = None
        if actor is None and head is not None:
            pron = head.lower_ if head.pos_ == "PRON" else None
            role = None if pron else _role_word(p, head, raw.source)
            if pron in PERSONAL | NEUTER | PLURAL:
                want = True if pron in PERSONAL else False if pron in NEUTER else None
                earlier = [a for st, a, p in history if st < s and (want is None or p == want)]
                if not earlier:
                    earlier = [a for a in mentions if a.end <= s and (want is None or person_of[a.id] == want)]
                actor = earlier[-1] if earlier else None
            elif role:
                word = re.compile(rf"\b{re.escape(role)}s?\b", re.I)
                named = [a for st, a, _ in history if st < s and word.search(a.text)]
                named += [a for a in mentions if a.end <= s and word.search(a.text)]
                actor = max(named, key=lambda a: a.start) if named else None
        if actor is not None:
            kind = actor.kind or ("person" if person_of.get(actor.id) else None)
            history.append((s, actor, bool(person_of.get(actor.id, p.is_person(actor.start, actor.end)))))
        out.append(Source(text=text[s:e], start=s, end=e, kind=kind or _kind(p, raw.source, head),
                          actor=actor.id if actor is not None else None))
    return out
