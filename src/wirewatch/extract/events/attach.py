"""Tie a coded trigger to what earlier stages found: its actors, place, date, figures and claim.

All links go by character offsets and the parse of the trigger's sentence, so they work with whatever the
actors, places, times, figures and claims stages give (nothing, while they are empty) and improve with them.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Actor, Claim, Figure, Place, TimeExpr
from .. import text_of
from .coder import CLAUSE_DEPS, Candidate
from .lexicon import word_list

LOC_PREPS = frozenset({"in", "near", "at", "outside", "around", "across", "inside", "into", "on", "from",
                       "throughout", "within", "towards", "toward", "to", "over", "along"})
DATE_VALUE = re.compile(r"^\d{4}(-\d\d(-\d\d)?|-W\d\d)?")


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _char_span(t: Token) -> tuple[int, int]:
    return t.idx, t.idx + len(t.text)


def actor_for(tok: Token | None, actors: Sequence[Actor]) -> Actor | None:
    """The actor whose mention covers the token; else one inside its noun phrase; else in its conjuncts."""
    if tok is None or not actors:
        return None
    t0, t1 = _char_span(tok)
    hit = [a for a in actors if _overlaps(a.start, a.end, t0, t1)]
    if hit:
        return min(hit, key=lambda a: a.end - a.start)
    left = tok.left_edge.idx
    phrase = [a for a in actors if _overlaps(a.start, a.end, left, t1)]
    if phrase:
        return max(phrase, key=lambda a: a.end)
    for c in tok.children:
        if c.dep_ in ("conj", "appos", "compound", "poss"):
            found = actor_for(c, actors)
            if found is not None:
                return found
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
            sub = [a for a in actors if _overlaps(a.start, a.end, c.idx, c.right_edge.idx + len(c.right_edge))]
            if sub:
                return min(sub, key=lambda a: a.start)
    return None


# Children that start an event of their own: another coordinated verb ("killed thousands and pummelled the
# economy") or a reported/loosely attached clause. Participial and adverbial clauses stay in: "help defend X",
# "paid compensation to X" carry the target more often than not (PLOVER dev: target span .594 without them,
# .618 with).
_OWN_CLAUSE = {"conj", "cc", "ccomp", "parataxis", "dep"}


def actor_after(trigger: Token, actors: Sequence[Actor], exclude: Actor | None = None) -> Actor | None:
    """When the parse names no object: the first actor after the trigger inside the trigger's own phrase
    ("help defend Saudi Arabia", "a mediation mission between Syria and ..."), not in a clause of its own
    ("... killed thousands and pummelled Russia's economy"), other than `exclude` (the source) or any actor
    that names the same party."""
    phrase = trigger
    while phrase.dep_ in ("compound", "amod") and phrase.head is not phrase:  # "mediation mission between ..."
        phrase = phrase.head
    starts: set[int] = set()      # character offsets of the phrase's tokens after the trigger
    stack = [phrase]
    while stack:
        t = stack.pop()
        if t.i > trigger.i:
            starts.add(t.idx)
        top = t is trigger or t is phrase   # a conjunct of the trigger is another event; deeper, a list of parties
        stack.extend(c for c in t.children if c.dep_ not in _OWN_CLAUSE or (not top and c.dep_ in ("conj", "cc")))
    inside = [a for a in actors if a.start in starts
              and not (exclude is not None and (a.id == exclude.id or a.name == exclude.name))]
    return min(inside, key=lambda a: a.start) if inside else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _clause_chain(t: Token) -> list[Token]:
    """The trigger and the words above it up to a reporting verb or the root."""
    chain, cur = [t], t
    while cur.head.i != cur.i and cur.head.lemma_.lower() not in word_list("reporting"):
        cur = cur.head
        chain.append(cur)
    return chain


def _loc_score(tok: Token, trigger: Token) -> float:
    """3: object of a place preposition on the trigger; 2.5: an argument of the trigger; 2: a place preposition
    on a word above the trigger in its clause; 1.5: inside a clause below the trigger; 1: after a place
    preposition elsewhere in the sentence; 0: elsewhere (e.g. 'Russia' in "Russia's economy")."""
    chain = {x.i for x in _clause_chain(trigger)}
    cur, steps, located, nested = tok, 0, False, False
    while cur.head.i != cur.i:
        head = cur.head
        is_loc = cur.dep_ == "prep" and cur.lower_ in LOC_PREPS
        located = located or (is_loc and steps < 5)
        if head.i == trigger.i:
            if nested:
                return 1.5
            return 3.0 if is_loc else 2.5
        if is_loc and head.i in chain:
            return 2.0
        nested = nested or cur.dep_ in CLAUSE_DEPS or cur.dep_ == "xcomp"
        cur, steps = head, steps + 1
    return 1.0 if located else 0.0


def _specificity(p: Place) -> int:
    if p.feature_class == "P":
        return 3
    if p.feature_code and p.feature_code.startswith("ADM") and p.feature_code not in ("ADM1", "ADMD"):
        return 2
    if p.feature_class == "A" and p.feature_code != "PCLI":
        return 1
    return 0


def place_for(cand: Candidate, places: Sequence[Place], skip: Sequence[Actor], body_start: int = 0,
              ) -> Place | None:
    """Where the event happened: a place in the sentence (not the dateline's), best attached to the trigger,
    most specific; with none, the most specific place of the nearest earlier sentence of the same paragraph
    that names one ("... raided a compound in Nerkh district. During the raid ...")."""
    s0, s1 = cand.unit
    doc = cand.sent.doc
    floor = body_start if cand.token.idx >= body_start else 0
    scored = []
    for p in places:
        if not (s0 <= p.start < s1) or p.start < floor:
            continue
        tok = _token_at(doc, p.start)
        if tok is None:
            continue
        score = _loc_score(tok, cand.token)
        if any(_overlaps(a.start, a.end, p.start, p.end) for a in skip):
            score -= 1.5
        scored.append((score, _specificity(p), -abs(tok.i - cand.token.i), p))
    if scored:
        best = max(scored, key=lambda x: x[:3])
        return best[3] if best[0] > 0 else None
    text = text_of(doc)
    earlier = [p for p in places if floor <= p.start < s0 and not _paragraph_break(text[p.end:s0])
               and not any(_overlaps(a.start, a.end, p.start, p.end) for a in skip)]
    if not earlier:
        return None
    last = max(earlier, key=lambda p: p.start)
    tok = _token_at(doc, last.start)
    same = [p for p in earlier if tok is not None and (q := _token_at(doc, p.start)) is not None
            and q.sent.start == tok.sent.start]
    return max(same or [last], key=lambda p: (_specificity(p), p.start))


def _dated(t: TimeExpr) -> bool:
    return t.type in ("DATE", "TIME") and bool(t.value) and DATE_VALUE.match(t.value or "") is not None


def _paragraph_break(gap: str) -> bool:
    return "\u2028" in gap or "\u2029" in gap or re.search(r"\n[ \t\xa0]*\n", gap) is not None


def time_for(cand: Candidate, times: Sequence[TimeExpr], body_start: int = 0,
             published: str | None = None) -> TimeExpr | None:
    """The date of the event: a dated time expression of its sentence (not the dateline's), preferring one
    in the trigger's clause, then one that says more than the publication date ("yesterday" over "today"),
    then a full calendar date, then the nearest. Failing that, narrative time carries over: the last date
    mentioned earlier in the same paragraph of the body, else the last one in the body's first paragraph
    (the lead frames the report: "... conducted operations yesterday. [new paragraph] During the operation
    ... detained two men")."""
    s0, s1 = cand.unit
    doc = cand.sent.doc
    floor = body_start if cand.token.idx >= body_start else 0
    chain = {x.i for x in _clause_chain(cand.token)}
    scored = []
    for t in times:
        if not (s0 <= t.start < s1) or t.start < floor or not _dated(t):
            continue
        tok = _token_at(doc, t.start)
        if tok is None:
            continue
        near = any(a.i in chain for a in [tok, *tok.ancestors][:4])
        informative = (t.value or "")[:10] != published
        full = t.type == "DATE" and len(t.value or "") == 10
        scored.append((near, informative, full, -abs(tok.i - cand.token.i), t))
    if scored:
        return max(scored, key=lambda x: x[:4])[4]
    text = text_of(doc)
    earlier = sorted((t for t in times if floor <= t.start < s0 and _dated(t) and len(t.value or "") >= 10),
                     key=lambda t: -t.start)
    if not earlier:
        return None
    if not _paragraph_break(text[earlier[0].end:s0]):
        return earlier[0]
    first_break = next((m.start() for m in re.finditer(r"\n[ \t\xa0]*\n|[\u2028\u2029]", text)
                        if m.start() > floor and text[floor:m.start()].strip()), None)
    lead = [t for t in earlier if first_break is None or t.start < first_break]
    return lead[0] if lead else None


def claim_for(cand: Candidate, claims: Sequence[Claim]) -> Claim | None:
    """The innermost claim whose content contains the trigger."""
    at = cand.token.idx
    hits = [c for c in claims if c.content.start <= at < c.content.end]
    return min(hits, key=lambda c: c.content.end - c.content.start) if hits else None


FIGURE_TYPES = {
    "killed": ("ASSAULT",), "injured": ("ASSAULT",), "killed_or_injured": ("ASSAULT",), "missing": ("ASSAULT",),
    "captured": ("COERCE", "ASSAULT"), "displaced": ("ASSAULT", "COERCE", "RETREAT"), "other": (),
}


def figures_by_event(cands: Sequence[Candidate], figures: Sequence[Figure], sents: Sequence[SpacySpan],
                     ) -> dict[int, list[Figure]]:
    """Each figure goes to one event (by index into `cands`): the event whose phrase contains it, else the
    sentence's most salient event of a fitting type, else that of the two sentences before (same paragraph)."""
    out: dict[int, list[Figure]] = {}
    if not cands:
        return out
    doc = cands[0].sent.doc
    for f in figures:
        tok = _token_at(doc, f.start)
        if tok is None:
            continue
        sent_i = next((i for i, s in enumerate(sents) if s.start <= tok.i < s.end), None)
        same = [(k, c) for k, c in enumerate(cands) if c.unit[0] <= f.start < c.unit[1]]
        owner = next((k for k, c in sorted(same, key=lambda kc: -kc[1].depth)
                      if tok.i in {x.i for x in c.token.subtree} or tok.i in {m.i for m in c.merged}), None)
        fitting = FIGURE_TYPES.get(f.category, ())
        if owner is None:
            owner = next((k for k, c in sorted(same, key=lambda kc: kc[1].depth) if c.type in fitting), None)
        if owner is None and sent_i is not None:
            text = text_of(doc)
            for back in (1, 2):
                if sent_i - back < 0 or "\n\n" in text[sents[sent_i - back].end_char:tok.idx]:
                    break
                prev = sents[sent_i - back]
                owner = next((k for k, c in sorted(enumerate(cands), key=lambda kc: kc[1].depth)
                              if c.sent.start == prev.start and c.type in fitting), None)
                if owner is not None:
                    break
        if owner is None and same:
            owner = min(same, key=lambda kc: kc[1].depth)[0]
        if owner is not None:
            out.setdefault(owner, []).append(f)
    return out
