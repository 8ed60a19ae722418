"""Code events from the dependency parse: find trigger words in the lexicon, check their frame, find who acted on whom.

Every token whose lemma is in the lexicon (`data/events/lexicon.tsv`) is a possible trigger; the first lexicon
row whose frame conditions hold (object, subject, modifier, particle) gives its PLOVER type and mode. The
source is the trigger's (logical) subject, the target its object or the object of a type-specific preposition.
Within a sentence, a trigger inside the phrase of a shallower trigger of the same type is folded into it
("attacked the town, killing 5" is one ASSAULT). Salience is the trigger's depth below the sentence root,
where the clause a reporting verb introduces counts as the root ("X attacked Y, officials said").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan
from spacy.tokens import Token

from .. import text_of, word_hits
from .lexicon import Cond, Entry, load_lexicon, load_mode_cues, word_list

SUBORDINATE = frozenset({"advcl", "relcl", "acl", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
LINE_BREAKS = "\n\u2028\u2029"
SENTENCE_END = tuple('.!?:"”’)')
RELATIVE = frozenset({"who", "which", "that", "whom"})
# Prepositions whose object is the target, by type (after the direct object).
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("on", "against", "at", "upon", "into"), "CONSULT": ("with", "between"),
    "PROTEST": ("against",), "AID": ("to", "for"), "SANCTION": ("on", "against"), "AGREE": ("with",),
    "COOPERATE": ("with",), "REQUEST": ("from", "to", "on"), "ACCUSE": ("against", "of", "into", "on", "over", "about", "with"),
    "THREATEN": ("against", "with"), "SUPPORT": ("for",), "COERCE": ("against", "on"),
    "MOBILIZE": ("against",), "REJECT": ("from",),
}


@dataclass
class Candidate:
    """A coded trigger in one sentence, before it is attached to places, times, figures and claims."""

    token: Token
    entry: Entry
    type: str
    mode: str | None
    source: Token | None
    target: Token | None
    depth: float
    sent: SpacySpan
    tokens: list[Token] = field(default_factory=list)   # the trigger words (token + particles/compounds)
    others: list[Token] = field(default_factory=list)   # further possible targets, best first
    other_sources: list[Token] = field(default_factory=list)  # further possible sources, best first
    merged: list[Token] = field(default_factory=list)   # triggers folded into this one
    unit: tuple[int, int] = (0, 0)                      # the sentence, cut at paragraph breaks (chars)

    @property
    def casualty(self) -> bool:
        return "casualty" in self.entry.flags


def _is_passive(t: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)


def direct_object(t: Token) -> Token | None:
    """The direct object (the passive subject for a passive verb; the 'of' object or compound for a noun)."""
    if t.pos_ in NOUN_POS:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return next((c for c in t.children if c.dep_ == "compound" and c.i < t.i), None)
    for c in t.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in t.children:
        if c.dep_ == "nsubjpass":
            return c
    return None


def subject(t: Token, _seen: int = 0) -> Token | None:
    """The logical subject: nsubj, the passive agent, a controlling verb's object/subject, a noun's possessor."""
    if _seen > 6:
        return None
    for c in t.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if t.pos_ not in NOUN_POS and _is_passive(t):
        return None
    for c in t.children:
        if c.dep_ in ("nsubj", "csubj") and c.pos_ != "NUM":
            if c.lower_ in RELATIVE and t.dep_ == "relcl":
                return t.head
            return c
    if t.pos_ in NOUN_POS:
        for c in t.children:
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i):
                return c
            if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
                return c
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None
    if t.dep_ in ("xcomp", "advcl") and t.head.i != t.i:
        head = t.head
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None and t.dep_ == "xcomp" and head.lemma_.lower() in ("force", "urge", "ask", "order", "persuade", "allow",
                                                        "help", "push", "press", "call", "invite", "tell"):
            return obj
        passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        return passive or subject(head, _seen + 1)
    if t.dep_ == "conj" and t.head.pos_ in VERB_POS | {"AUX"}:
        return subject(t.head, _seen + 1)
    if t.dep_ in ("acomp", "xcomp") or (t.dep_ == "advcl" and t.head.pos_ in ("ADJ", "AUX")):
        return subject(t.head, _seen + 1)
    if t.dep_ in ("relcl", "acl") and t.head.pos_ in NOUN_POS:
        return t.head
    return None


def sources(t: Token) -> list[Token]:
    """Possible sources, best first: the subject; for a noun its 'from' object and the subject of the verb
    it is the object of ("held talks", "launched an investigation"); the speaker, for a pronoun subject."""
    out: list[Token] = []
    subj = subject(t)
    if subj is not None:
        out.append(subj)
    if t.pos_ in NOUN_POS:
        out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                if g.dep_ == "pobj"]
        cur, direct = t, True
        while cur.dep_ in ("pobj", "prep", "dobj", "nsubjpass", "attr", "conj") and cur.head.i != cur.i:
            direct = direct and cur.dep_ in ("dobj", "nsubjpass", "attr", "conj")
            cur = cur.head
            if cur.pos_ in VERB_POS:
                light = cur.lemma_.lower() in word_list("light")
                verb_subj = subject(cur) if (direct or light) else None
                if verb_subj is not None:
                    out.append(verb_subj)
                break
    pronoun = next((x for x in out if x.pos_ == "PRON" and x.dep_ in ("nsubj", "nsubjpass")), None)
    if pronoun is not None:
        cur = t
        while cur.head.i != cur.i:
            if cur.head.lemma_.lower() in word_list("reporting") and cur.dep_ in ("ccomp", "parataxis", "xcomp"):
                out += [c for c in cur.head.children if c.dep_ == "nsubj"]
                break
            cur = cur.head
    seen: set[int] = set()
    return [x for x in out if not (x.i in seen or seen.add(x.i))]


def targets(t: Token, type_: str, source: Token | None, _depth: int = 0) -> list[Token]:
    """Possible targets, best first: partners (with/between, co-subjects) for meetings and agreements, the
    direct object, the indirect object, type-specific prepositions, the subject of a complement clause
    ("demanded that X ..."), then the targets of a complement verb ("promised to send aid to X")."""
    preps = TARGET_PREPS.get(type_, ("with", "against", "on"))
    out: list[Token] = []
    co_subject = [c for c in source.children if c.dep_ == "conj"] if source is not None else []
    if type_ in ("CONSULT", "AGREE", "COOPERATE"):
        out += _prep_objects(t, preps)
        if t.lemma_.lower() in word_list("meet") and (obj := direct_object(t)) is not None:
            out.append(obj)
        out += co_subject
    obj = direct_object(t)
    if obj is not None and not (t.pos_ in NOUN_POS and obj.pos_ not in NOUN_POS):
        out.append(obj)
        out += _prep_objects(obj, ("by", "to", "for", "against", "on", "of"))
    out += [c for c in t.children if c.dep_ in ("dative", "iobj")]
    pobjs = _prep_objects(t, preps + ("to", "for", "into"))
    out += pobjs
    for p in pobjs:   # "called for sanctions against X"
        out += _prep_objects(p, ("against", "on", "with", "of", "to"))
    if t.pos_ in NOUN_POS and t.dep_ == "dobj" and t.head.i != t.i:   # "opened investigations against X"
        out += _prep_objects(t.head, preps)
    if type_ == "ASSAULT":
        out += co_subject
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acl" and t.pos_ in NOUN_POS):
            out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if _depth < 2:
                out += targets(c, "", None, _depth + 1)
    seen: set[int] = set() if source is None else {source.i}
    return [x for x in out if not (x.i in seen or seen.add(x.i))]


def target(t: Token, type_: str, source: Token | None) -> Token | None:
    found = targets(t, type_, source)
    return found[0] if found else None


def _prep_objects(t: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in t.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


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
    else:  # prt
        kids = [c for c in t.children if c.dep_ in ("prt", "prep", "advmod", "agent", "xcomp", "dative", "acomp")]
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
                           or (pos == "N" and c.dep_ == "compound" and c.i == t.i - 1)]
            return entry, words
    return None


def depth(t: Token) -> float:
    """Edges from the sentence root, not counting the step into a reporting verb's reported clause."""
    d, cur = 0.0, t
    while cur.head.i != cur.i:
        head = cur.head
        if head.lemma_.lower() in word_list("reporting") and cur.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "conj"):
            pass
        elif cur.dep_ in SUBORDINATE:
            d += 2
        else:
            d += 1
        cur = head
    return d


def _cue_scope(t: Token, type_: str, source: Token | None) -> list[Token]:
    """Words that may name the event's mode: the trigger's own phrase (embedded clauses only for THREATEN)."""
    if type_ == "THREATEN":
        scope = list(t.subtree)
    else:
        scope = [t]
        for c in t.children:
            if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cc"):
                scope.extend(c.subtree)
    if source is not None:
        scope.extend(source.subtree)
    return scope


def mode_of(entry: Entry, t: Token, type_: str, source: Token | None) -> str | None:
    if entry.mode:
        return entry.mode
    words = _lemmas(_cue_scope(t, type_, source))
    for lemma, mode in load_mode_cues().get(type_, ()):
        if lemma in words:
            return mode
    return None


def _is_break(text: str, pos: int) -> bool:
    """Is the line break at `pos` a paragraph break? U+2028/2029 and blank lines are; a single newline is
    unless the line before it looks hard-wrapped (60+ characters, not ending like a sentence)."""
    if text[pos] != "\n":
        return True
    line = text[text.rfind("\n", 0, pos) + 1:pos].rstrip()
    nxt = text[pos + 1:pos + 40].lstrip(" \t\xa0")
    return len(line) < 60 or line.endswith(SENTENCE_END) or nxt.startswith("\n") or not line


def unit_of(sent: SpacySpan, at: int) -> tuple[int, int]:
    """The character range of the sentence around `at`, cut at paragraph breaks inside the sentence."""
    text = text_of(sent.doc)
    s0, s1 = sent.start_char, sent.end_char
    for pos in range(s0, s1):
        if text[pos] in LINE_BREAKS and _is_break(text, pos):
            if pos < at:
                s0 = pos + 1
            else:
                s1 = pos
                break
    return s0, s1


@lru_cache(maxsize=1)
def _trigger_lemmas() -> frozenset[str]:
    return frozenset(load_lexicon())


def trigger_words(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma or lower-cased form is a lexicon key: the only ones `match` can take."""
    return word_hits(doc, _trigger_lemmas())


def code_sentence(sent: SpacySpan, blocked: set[int] | None = None, recode=None,
                  triggers: Sequence[int] | None = None) -> list[Candidate]:
    """Coded triggers of one sentence, most salient first, same-type triggers in one phrase folded together.

    `blocked` holds token indices that may not be triggers (inside actor names, e.g. 'Assistance Force');
    `recode(candidate)` may change a candidate's type and mode before folding (see `recode.py`);
    `triggers` are the Doc's `trigger_words` (computed here when not given)."""
    doc = sent.doc
    if triggers is None:
        triggers = trigger_words(doc)
    found: list[Candidate] = []
    lexicon = load_lexicon()
    for i in triggers[bisect_left(triggers, sent.start):bisect_left(triggers, sent.end)]:
        t = doc[i]
        if blocked and t.i in blocked:
            continue
        if t.ent_type_ in NAME_ENTS and t.pos_ == "PROPN":
            continue
        if t.pos_ == "VERB" and t.dep_ == "amod":
            continue  # "besieged cities", "burnt-out tanks": a state, not an event
        hit = match(t, lexicon)
        if hit is None:
            continue
        entry, words = hit
        if entry.type in ("SUPPORT", "COOPERATE") and t.dep_ == "acl" and t.tag_ == "VBN":
            continue  # "a company, supported by coalition forces, ...": a description, not an event
        srcs = sources(t)
        src = srcs[0] if srcs else None
        tgts = targets(t, entry.type, src)
        tgt = tgts[0] if tgts else None
        found.append(Candidate(t, entry, entry.type, mode_of(entry, t, entry.type, src), src, tgt, depth(t), sent,
                               tokens=sorted(words, key=lambda x: x.i), unit=unit_of(sent, t.idx),
                               others=tgts[1:], other_sources=srcs[1:]))
    if recode is not None:
        found = recode(found, sent)
    found.sort(key=lambda c: (c.depth, c.token.i))
    kept: list[Candidate] = []
    for cand in found:
        host = next((k for k in kept if k.type == cand.type and k.unit == cand.unit and cand.token.i in {x.i for x in k.token.subtree}
                     and not _crosses_clause(cand.token, k.token)), None)
        if host is None:
            kept.append(cand)
            continue
        host.merged.append(cand.token)
        host.mode = host.mode or cand.mode
        host.source = host.source or cand.source
        host.target = host.target or cand.target
    return kept


def _crosses_clause(inner: Token, outer: Token) -> bool:
    """True when `inner` sits in a clause of its own below `outer` (relative clause, reported clause ...)."""
    cur = inner
    while cur.i != outer.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "ccomp", "parataxis"):
            return True
        cur = cur.head
    return False
