"""Who a claim's source is: the actor its mention names, or the speaker a pronoun or role noun points back to.

The source mention always keeps its own span ("which", "he", "the minister"); when it names no one, the
mention it refers back to goes in `antecedent` and that mention's actor in `actor`:
  1. a relative pronoun ("New Delhi, which has called for ..."): the noun the relative clause hangs on;
  2. a possessive role ("its leader said", "their spokesman said"): the organisation "its"/"their" refers
     to, i.e. the subject of the reported clause when it is one ("The group may disband, its leader said"),
     else the nearest earlier organisation source or mention;
  3. a personal pronoun (he/she: a person; it: an organisation; they/we: either): the nearest earlier
     claim source of that type, else the nearest earlier actor mention of that type;
  4. a definite role noun ("the ministry", "the minister", "the spokesman"): the nearest earlier source or
     actor mention whose text contains that noun ("Britain's defence ministry", "minister Alexander Fomin").
Otherwise `actor` is the actor whose mention overlaps the source's head word (else any overlapping actor).
`kind` is the actor's kind, else the sector code of a role noun in the mention (roles.tsv), else
"person" for a personal name or he/she/I.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Token

from ...model import Actor, Source, Span
from .attribution import Raw
from .lexicon import role_kinds
from .parsed import Parsed

__all__ = ["resolve_sources"]

PERSONAL = {"he", "she", "him", "her", "i"}
NEUTER = {"it"}
PLURAL = {"they", "we"}
RELATIVE = {"which", "who", "that", "whom"}
POSSESSIVE = {"its": False, "their": None, "his": True, "her": True}  # pronoun -> wants a person (None: either)
ROLE_DETS = {"the", "its", "his", "her", "their", "this", "that"}


@dataclass(frozen=True, slots=True)
class _Seen:
    """An earlier source that named its actor: where, who, whether a person, and the naming mention."""

    start: int
    actor: Actor
    person: bool
    mention: tuple[int, int]


def _overlap(a: tuple[int, int], s: int, e: int) -> bool:
    return a[0] < e and s < a[1]


def _actor_at(actors: Sequence[Actor], span: tuple[int, int], head: Token | None) -> Actor | None:
    hits = [a for a in actors if a.start < span[1] and span[0] < a.end]
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


class _Resolver:
    """Resolves one article's sources in text order, remembering the speakers named so far."""

    def __init__(self, p: Parsed, actors: Sequence[Actor]) -> None:
        self.p = p
        self.actors = actors
        self.mentions = sorted(actors, key=lambda a: a.start)
        self.person = {a.id: p.is_person(a.start, a.end) for a in self.mentions}
        self.history: list[_Seen] = []

    def _earlier(self, before: int, want: bool | None) -> tuple[Actor, tuple[int, int]] | None:
        """The nearest earlier speaker of the wanted type (True: person, False: not, None: either), else the
        nearest earlier actor mention of that type."""
        seen = [h for h in self.history if h.start < before and (want is None or h.person == want)]
        if seen:
            return seen[-1].actor, seen[-1].mention
        named = [a for a in self.mentions if a.end <= before and (want is None or self.person[a.id] == want)]
        return (named[-1], (named[-1].start, named[-1].end)) if named else None

    def _named_before(self, actor: Actor, before: int) -> tuple[int, int] | None:
        """The nearest earlier mention of the same actor that is not itself a pronoun or role noun."""
        for a in reversed(self.mentions):
            if a.end <= before and a.name == actor.name and a.text.lower() not in PERSONAL | NEUTER | PLURAL and \
                    any(ch.isupper() for ch in a.text):
                return a.start, a.end
        return None

    def _content_subject(self, raw: Raw, want: bool | None) -> tuple[Actor, tuple[int, int]] | None:
        """The subject of the reported clause, when an actor of the wanted type ("The group may disband,
        its leader said": "its" is the group)."""
        if raw.content_token is None:
            return None
        head = self.p.doc[raw.content_token]
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                a = _actor_at(self.actors, (c.left_edge.idx, c.idx + len(c)), c)
                if a is not None and (want is None or self.person[a.id] == want):
                    return a, (a.start, a.end)
        return None

    def resolve(self, raw: Raw) -> Source | None:
        if raw.source is None:
            return None
        p, text = self.p, self.p.text
        s, e = raw.source
        head = p.doc[raw.source_token] if raw.source_token is not None else None
        found: tuple[Actor, tuple[int, int]] | None = None
        antecedent = False
        possessor = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE), None) \
            if head is not None else None
        if head is not None and head.lower_ in RELATIVE and head.head.dep_ == "relcl":
            noun = head.head.head  # "New Delhi, which has called ...": the mention is "which", the actor New Delhi
            span = (noun.left_edge.idx, noun.idx + len(noun))
            actor = _actor_at(self.actors, span, noun)
            if actor is not None:
                found, antecedent, head = (actor, (actor.start, actor.end)), True, noun
        elif possessor is not None and _role_word(p, head, raw.source):
            want = POSSESSIVE[possessor.lower_]  # the reported clause's subject is taken whatever spaCy's
            found = self._content_subject(raw, want or None) or self._earlier(s, want)  # entity label says
            antecedent = found is not None
        if found is None:
            actor = _actor_at(self.actors, raw.source, head)
            if actor is not None:
                found = (actor, (actor.start, actor.end))
                if head is not None and (head.pos_ == "PRON" or _role_word(p, head, raw.source)):
                    named = self._named_before(actor, s)  # the actors stage resolved "he"/"the minister"
                    if named is not None:
                        found, antecedent = (actor, named), True
        if found is None and head is not None:
            pron = head.lower_ if head.pos_ == "PRON" else None
            role = None if pron else _role_word(p, head, raw.source)
            if pron in PERSONAL | NEUTER | PLURAL:
                found = self._earlier(s, True if pron in PERSONAL else False if pron in NEUTER else None)
            elif role:
                word = re.compile(rf"\b{re.escape(role)}s?\b", re.I)
                named = [(h.start, h.actor, h.mention) for h in self.history if h.start < s and word.search(h.actor.text)]
                named += [(a.start, a, (a.start, a.end)) for a in self.mentions if a.end <= s and word.search(a.text)]
                if named:
                    _, actor, mention = max(named, key=lambda x: x[0])
                    found = (actor, mention)
            antecedent = found is not None
        kind = None
        ante = None
        if found is not None:
            actor, mention = found
            kind = actor.kind or ("person" if self.person.get(actor.id) else None)
            person = bool(self.person.get(actor.id, p.is_person(actor.start, actor.end)))
            self.history.append(_Seen(s, actor, person, mention))
            if antecedent and not _overlap(mention, s, e):
                ante = Span(text=text[mention[0]:mention[1]], start=mention[0], end=mention[1])
        return Source(text=text[s:e], start=s, end=e, kind=kind or _kind(p, raw.source, head),
                      actor=found[0].id if found is not None else None, antecedent=ante)


def resolve_sources(p: Parsed, raws: Sequence[Raw], actors: Sequence[Actor]) -> list[Source | None]:
    """One Source (or None) per attribution, in the order given (text order)."""
    resolver = _Resolver(p, actors)
    return [resolver.resolve(raw) for raw in raws]
