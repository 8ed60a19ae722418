"""Reading the dependency parse: a word's logical subject and object, its clause, its depth, its sentence unit.

Shared by the steps of the events stage (finding mentions, reading roles, reading status); it knows nothing
about events, only about English clauses as spaCy parses them.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import text_of, tokens_of
from .lexicon import word_list

__all__ = ["CLAUSE_DEPS", "NOUN_POS", "VERB_POS", "clause_chain", "crosses_clause", "depth", "direct_object",
           "hyphen_pair", "is_passive", "speaker_of", "subject", "token_at", "unit_of"]

SUBORDINATE = frozenset({"advcl", "relcl", "acl", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
REPORTED = frozenset({"ccomp", "parataxis", "xcomp", "dobj", "conj"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
LINE_BREAKS = "\n\u2028\u2029"
SENTENCE_END = tuple('.!?:"”’)')
QUANTITY = frozenset({"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "scores",
                      "million", "millions", "group", "number", "crowd", "handful"})
CONTROL = frozenset({"force", "urge", "ask", "order", "persuade", "allow", "help", "push", "press", "call",
                     "invite", "tell", "compel", "oblige"})


def is_passive(t: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)


def _memo(kind: str, t: Token, fn) -> Token | None:
    """fn(t), remembered per Doc and token (the lexicon's frame conditions, roles and status all ask)."""
    memo = t.doc.user_data.setdefault(kind, {})
    if t.i not in memo:
        memo[t.i] = fn(t)
    return memo[t.i]


def direct_object(t: Token) -> Token | None:
    """The direct object (the passive subject for a passive verb; the 'of' object or compound for a noun)."""
    return _memo("ww_dobj", t, _direct_object)


def _direct_object(t: Token) -> Token | None:
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
    return _memo("ww_subj", t, _subject) if _seen == 0 else _subject(t, _seen)


def _subject(t: Token, _seen: int = 0) -> Token | None:
    if _seen > 6:
        return None
    for c in t.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if t.lemma_.lower() in word_list("stative") and any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children):
        held = next((c for c in t.children if c.dep_ == "nsubjpass"), None)   # "X is opposed / committed to Y":
        if held is not None:                                                  # a stance, X holds it
            return held
    if t.pos_ not in NOUN_POS and (is_passive(t) or (t.tag_ == "VBN" and t.dep_ == "acl" and not any(
            c.dep_ in ("dobj", "obj") for c in t.children))):    # "commandos killed 8 militants" misread as acl
        return None
    kids = list(t.children)
    colon = next((c.i for c in kids if c.dep_ == "punct" and c.text == ":" and c.i < t.i), None)
    if colon is None:      # the colon may hang from the label itself ("Looting: ..., forces looted ...")
        colon = next((k for c in kids if c.dep_ == "nsubj" and c.i < t.i
                      for k in (c.right_edge.i, c.right_edge.i + 1) if k < t.i and t.doc[k].text == ":"), None)
    if colon is not None and (any(c.dep_ == "nsubj" and colon < c.i < t.i for c in kids) or any(
            c.dep_ == "nsubj" and c.i < colon and c.left_edge.i == c.sent.start for c in kids)):
        kids = [c for c in kids if c.i > colon]   # "Troop movements: On 8 June, Russian forces deployed ...":
        # a label before a colon is not the subject
    for c in kids:
        if c.dep_ in ("nsubj", "csubj") and (c.pos_ == "NUM" or c.lemma_.lower() in QUANTITY):
            of = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                       if g.dep_ == "pobj"), None)     # "tens of thousands of students staged ..."
            while of is not None and (of.pos_ == "NUM" or of.lemma_.lower() in QUANTITY):
                of = next((g for p in of.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                           if g.dep_ == "pobj"), None)
            if of is not None:
                return of
        if c.dep_ in ("nsubj", "csubj") and c.pos_ != "NUM":
            if c.lower_ in RELATIVE and t.dep_ == "relcl":
                return t.head
            return _hung_on(c, t) or c
    if t.pos_ in VERB_POS and not any(c.dep_ in ("nsubj", "csubj", "expl") for c in kids):
        stranded = _stranded_subject(t)
        if stranded is not None:
            return stranded
    if t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj", "dobj", "nsubj"):    # "responded to shelling *by* X"
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    if t.pos_ in NOUN_POS:
        for c in t.children:
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i:
                pair = hyphen_pair(c)
                if pair is not None:         # "Russia-Ukraine talks": the first named, the other its partner
                    return pair
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i):
                return c
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") and c.i < t.i:
                return c
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None
    if t.dep_ in ("xcomp", "advcl") and t.head.i != t.i:
        head = t.head
        if t.tag_ == "VBN" and is_passive(head) and not any(c.dep_ in ("dobj", "obj") for c in t.children):
            return None    # "were killed, injured or captured": a participle beside a passive shares its patient
        obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None and t.dep_ == "xcomp" and head.lemma_.lower() in CONTROL:
            return obj
        passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        return passive or subject(head, _seen + 1)
    if t.dep_ == "conj" and t.head.pos_ in VERB_POS | {"AUX"}:
        return subject(t.head, _seen + 1)
    if t.dep_ in ("acomp", "xcomp") or (t.dep_ == "advcl" and t.head.pos_ in ("ADJ", "AUX")):
        return subject(t.head, _seen + 1)
    if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.dep_ == "dobj" and t.head.head.pos_ in VERB_POS \
            and t.head.head.lemma_.lower() in word_list("light"):   # "issued a declaration *demanding* ..."
        return subject(t.head.head, _seen + 1)
    if t.dep_ in ("relcl", "acl") and t.head.pos_ in NOUN_POS:
        return t.head
    return None


def hyphen_pair(c: Token) -> Token | None:
    """The first name of a hyphenated pair ("*Russia*-Ukraine talks") whose second name is `c`, else None."""
    first = next((g for g in c.children if g.dep_ == "compound" and g.pos_ == "PROPN" and g.i == c.i - 2
                  and c.doc[c.i - 1].text == "-"), None)
    return first


def _place_like(t: Token) -> bool:
    return t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in word_list("area") \
        or t.lemma_.lower() in word_list("admin")


_TIME_NOUNS = frozenset({"day", "days", "night", "week", "morning", "evening", "afternoon", "time", "year"})


def _setting_like(t: Token) -> bool:
    return _place_like(t) or t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_NOUNS


def _gap_ok(t: Token, x: Token) -> bool:
    """Only punctuation, adverbs and the verb's other modifiers ("Saudi forces, *backed by helicopters*,
    bulldozed") between a stranded subject and its verb."""
    gap = t.doc[x.right_edge.i + 1:t.i]
    inside = {w.i for p in gap if p.dep_ in ("prep", "advmod", "npadvmod", "advcl") for w in p.subtree}
    return all(g.is_punct or g.pos_ == "ADV" or g.i in inside for g in gap)


def _hung_on(c: Token, t: Token) -> Token | None:
    """A subject that is an administrative unit heading a list of places ("at X village, Y *district*, Z
    State, Indian troops from ... burned"): the parser made the list the subject and hung the real one onto
    it. The last noun of the list that is no place and ends just before the verb, else None."""
    unit = c.lemma_.lower()
    if (unit not in word_list("admin") and unit not in word_list("area")) or c.i > t.i:
        return None
    found = [x for x in c.subtree if x.i > c.i and x.dep_ in ("conj", "appos") and x.pos_ in NOUN_POS
             and not _setting_like(x) and _gap_ok(t, x)]
    return found[-1] if found else None      # the last: a name the tagger missed may come before it


def _stranded_subject(t: Token) -> Token | None:
    """A subject the parser hung onto the list of places (or the date) before the verb: "At X village, Y
    Township, Z State, *the army* from battalion 5 torched houses" reads "the army" as one more place of the
    list. The noun phrase that ends just before the verb, a conjunct or apposition of a place or time, not a
    place itself. Else, for a finite verb (which must have a subject), the noun phrase just before it."""
    for c in t.children:
        if c.i >= t.i or c.dep_ not in ("prep", "npadvmod"):
            continue
        for x in c.subtree:
            if x.dep_ not in ("conj", "appos") or x.pos_ not in NOUN_POS or _setting_like(x) \
                    or not _setting_like(x.head):
                continue
            if _gap_ok(t, x):
                return x
    if t.tag_ not in ("VBD", "VBZ", "VBP") or t.i == 0 or is_passive(t):
        return None
    k = t.i - 1
    while k > 0 and (t.doc[k].is_punct or t.doc[k].pos_ == "ADV"):
        k -= 1
    cur, best = t.doc[k], None     # "..., Sool Region, Somali troops from the 4th brigade clashed with ..."
    while cur.i != t.i and cur.right_edge.i == k and cur.head.i != cur.i:
        if cur.pos_ in NOUN_POS and not _setting_like(cur) and cur.dep_ in ("conj", "appos", "pobj", "compound") \
                and cur.ent_type_ not in ("CARDINAL", "ORDINAL", "QUANTITY"):
            best = cur
        if _setting_like(cur.head) or cur.head.pos_ in VERB_POS:
            break
        cur = cur.head
    return best if best is not None and best.dep_ in ("conj", "appos") else None


def speaker_of(t: Token) -> tuple[Token, Token | None] | None:
    """The reporting verb whose reported clause holds `t`, and that verb's subject."""
    cur = t
    reporting = word_list("reporting")
    while cur.head.i != cur.i:
        head = cur.head
        if head.lemma_.lower() in reporting and cur.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "advcl"):
            return head, next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        cur = head
    return None


def depth(t: Token) -> float:
    """Edges from the sentence root, not counting the step into a reporting verb's reported clause."""
    d, cur = 0.0, t
    reporting = word_list("reporting")
    while cur.head.i != cur.i:
        head = cur.head
        if head.lemma_.lower() in reporting and cur.dep_ in REPORTED:
            pass
        elif cur.dep_ in SUBORDINATE:
            d += 2
        else:
            d += 1
        cur = head
    return d


def clause_chain(t: Token) -> list[Token]:
    """The word and the words above it up to a reporting verb or the root."""
    chain, cur = [t], t
    reporting = word_list("reporting")
    while cur.head.i != cur.i and cur.head.lemma_.lower() not in reporting:
        cur = cur.head
        chain.append(cur)
    return chain


def crosses_clause(inner: Token, outer: Token) -> bool:
    """True when `inner` sits in a clause of its own below `outer` (relative clause, reported clause ...)."""
    cur = inner
    while cur.i != outer.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "ccomp", "parataxis"):
            return True
        cur = cur.head
    return False


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


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that covers character `char` (or the next one), found by bisection over the token starts
    (cached on the Doc: `char_span` builds a Span per call). Each answer is remembered per Doc: the same few
    characters (actors' and places' ends) are asked about for every mention."""
    memo = doc.user_data.get("ww_token_at")
    if memo is None:
        memo = doc.user_data["ww_token_at"] = {}
    elif char in memo:
        return memo[char]
    starts = doc.user_data.get("ww_token_starts")
    if starts is None:
        starts = doc.user_data["ww_token_starts"] = doc.to_array("IDX").tolist() if len(doc) else []
    k = bisect_right(starts, char) - 1
    if k < 0:
        t = tokens_of(doc)[0] if starts else None
    else:
        tokens = tokens_of(doc)
        t = tokens[k]
        if char >= t.idx + len(t.text) and k + 1 < len(tokens):   # in the whitespace after a token: the next one
            t = tokens[k + 1]
    memo[char] = t
    return t
