"""Figures stage: counts of people killed, injured, displaced, missing or captured, with their qualifiers.

A figure is only made where a casualty word (data/figures/triggers.json) counts a noun phrase that names
people or is a bare quantity ("33 injured", "killed or injured thousands"): "eight people" at a table, "two
buckets", "34 days", "Article 5" or "World War 2" are never figures because nothing kills, injures or
displaces them. Each phrase that counts people is a mention; `consolidate` makes one figure per count of
people out of them (restatements, parts and totals). See docs/figures.md for every rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span as SpacySpan, Token

from ...model import Figure, Place, Span, TimeExpr
from .. import Found, Stage, sentence_of, tokens_of, word_hits
from .casualty import patients, trigger_category, unstated
from .consolidate import Count, Mention, consolidate, minimum
from .earlier import earlier_sentences
from .introduced import fresh, introduction
from .lexicon import Lexicon, lexicon
from .measure import measure
from .pairs import pair_category
from .quantity import Quantity, read_quantity
from .realis import charged, recorded, unrealised
from .references import (clause_head, in_the_happening, is_additive, is_aggregate, is_cumulative, is_definite,
                         is_total, name_of, sentence_text)

__all__ = ["find", "stage", "read_quantity"]

# Words that only ever count people ("killed an interpreter", "the death of a bystander").
_PEOPLE_VERBS = {"kill", "murder", "slay", "execute", "massacre", "behead", "assassinate", "injure", "wound",
                 "maim", "detain", "arrest", "apprehend", "abduct", "kidnap", "die", "perish", "flee", "death",
                 "killing", "assassination", "execution"}
_LOCATIVE = {"in", "at", "near", "around", "outside", "inside", "across", "throughout", "on"}


def _nearest(items: tuple[Place, ...] | tuple[TimeExpr, ...], sent: SpacySpan, anchor: int,
             locative: bool = False) -> str | None:
    """The id of the item in the sentence nearest to the casualty word; for places only those introduced
    by a locative preposition ("in Mariupol"), so "Russia's economy" is not where people died."""
    doc = sent.doc
    inside = [x for x in items if sent.start_char <= x.start < sent.end_char]
    if locative:
        def is_locative(x: Place) -> bool:
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            if span is None:
                return False
            head = span.root
            while head.dep_ in ("compound", "appos", "conj", "npadvmod") and head.head.i != head.i:
                head = head.head
            return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE
        inside = [x for x in inside if is_locative(x)]
    if not inside:
        return None
    return min(inside, key=lambda x: abs(x.start - anchor)).id


def _mentions(doc: Doc, found: Found, lx: Lexicon) -> list[Mention]:
    """Every phrase a casualty word counts, with what `consolidate` needs to know about it."""
    text = found.text
    tokens = tokens_of(doc)
    sent_of = sentence_of(doc)
    seen: set[tuple[int, str]] = set()
    out: list[Mention] = []
    earlier = earlier_sentences(doc, found.times, found.article.date)
    for t in (tokens[i] for i in word_hits(doc, lx.trigger_words)):  # the shared pre-filter: no tags read for the rest
        hit = trigger_category(t, lx)
        if hit is None or any(c.dep_ == "neg" for c in t.children) or unrealised(t):
            continue
        category, role = hit
        if charged(t, lx) if role == "noun" else recorded(t, lx):
            continue
        category, shared = pair_category(t, category, lx)
        # a casualty noun inside a phrase ("with the capture of the leader yesterday, forces have detained ...
        # since June") is a clause of its own: the verb's modifiers are not its
        inside = role == "noun" and t.dep_ == "pobj"
        head = t if inside else clause_head(t)
        pats = patients(t, role, lx)
        if not pats and role == "noun" and unstated(t, lx):
            pats = [t]
        for p in pats:
            if p.pos_ == "PROPN" and any(pl.start <= p.idx < pl.end and not pl.demonym for pl in found.places):
                continue                    # a place is no one counted; a demonym names people ("4 Iraqis")
            if (p.i, category) in seen:     # the same people counted by the same kind of word again
                continue
            if p.is_punct or (p.i + 2 < len(doc) and doc[p.i + 1].text == "-" and doc[p.i + 1].idx == p.idx + len(p)):
                continue                    # a piece of a hyphenated word the parser split ("vice-president")
            if p.lower_ in ("them", "they"):
                back = _counted_just_before(out, sent_of[t.i], p.idx)
                if back is not None:        # "discovered three wounded insurgents ... detaining them"
                    seen.add((p.i, category))
                    out.append(replace(back, category=category, start=p.idx, end=p.idx + len(p), trigger=t,
                                       sent=sent_of[t.i], clause=head.i, definite=True, name=None, additive=False,
                                       happening=False, total=False, total_noun=False,
                                       cumulative=is_cumulative(head, lx), aggregate=is_aggregate(head, lx),
                                       earlier=sent_of[t.i] in earlier, competing=False, patient=None, head=None))
                continue
            m = measure(p, lx, loose=t.lemma_.lower() in _PEOPLE_VERBS or role == "killing", self_count=p.i == t.i)
            if m is None and role == "noun" and p.i == t.i and unstated(t, lx):   # "incurring fatalities"
                m = Quantity(lx.unstated.value, lx.unstated.low, None, "vague", 0, 0), t.idx, t.idx + len(t), None
            if m is None:
                continue
            q, start, end, who = m
            if q.value is None and q.low is None and q.qualifier != "vague":
                continue
            if category == "displaced" and q.value == 1 and q.end - q.start in (0, len(text[start:end])):
                continue                                  # "he fled the scene": one person leaving is no displacement
            seen.add((p.i, category))
            who_text, who_lemma = (who.lower_, who.lemma_.lower()) if who is not None else _others(p, out, sent_of[t.i])
            out.append(Mention(
                category=category, q=q, start=start, end=end, who=who_text,
                who_lemma=who_lemma, sent=sent_of[t.i], clause=head.i,
                trigger=t, total_noun=role == "noun" and t.lemma_.lower() in lx.total_nouns,
                cumulative=not inside and is_cumulative(head, lx), aggregate=not inside and is_aggregate(head, lx),
                earlier=sent_of[t.i] in earlier, patient=p, head=head))
            if shared and (p.i, "killed") not in seen:      # "killed and wounded a number": some were killed
                seen.add((p.i, "killed"))
                out.append(replace(out[-1], category="killed", q=_part_killed(q, lx), patient=None))
    _one_happenings_count(out)
    _mark_fresh(out, lx)
    _relate(out, text, lx)
    return out


def _mark_fresh(mentions: list[Mention], lx: Lexicon) -> None:
    """A definite count of people introduced earlier without being counted ("a band of seven raiders rode at the
    post ... killing all seven raiders") counts new people: it adds to the count before it (see `introduced`), where that
    count names the same kind of people ("killing four gunmen"); beside a count that does not say who ("shot
    one dead ... a woman was shot ... the woman died") the new phrase may name someone already counted."""
    counted = [(m.patient, m.who_lemma, m.q) for m in mentions if m.patient is not None]
    for m in mentions:
        if m.patient is None:
            continue
        intro = introduction(m.patient, m.q, lx)
        if intro is None or not fresh(intro, counted):
            continue
        kind = intro[0].lemma_.lower()
        m.fresh = any(x.category == m.category and x.start < m.start and x.who_lemma == kind for x in mentions)


def _one_happenings_count(mentions: list[Mention]) -> None:
    """A clause over several happenings that counts one person in all ("two leaders were detained and a
    commander killed during operations in three provinces": the commander) counts one happening's person."""
    clauses: dict[tuple[str, int, int], list[Mention]] = {}
    for m in mentions:
        if m.aggregate:
            clauses.setdefault((m.category, m.sent, m.clause), []).append(m)
    for ms in clauses.values():
        if sum(minimum(m.q) for m in ms) <= 1:
            for m in ms:
                m.aggregate = False


def _others(p: Token, before: list[Mention], sent: int) -> tuple[str | None, str | None]:
    """Who "others" are: the people counted just before in the same sentence ("killed some gunmen and
    detained some others": other gunmen; "one raider was caught, the other died"), so a later "some gunmen were
    detained" or "the raider who died" says it again."""
    if p.lower_ not in ("others", "other", "another"):
        return None, None
    prev = next((m for m in reversed(before) if m.sent == sent and m.who is not None and m.start < p.idx), None)
    return (prev.who, prev.who_lemma) if prev is not None else (None, None)


def _relate(mentions: list[Mention], text: str, lx: Lexicon) -> None:
    """How each mention relates to the others (points back, adds, totals, competes), read only where its
    category has more than one mention: alone, a mention is its own figure whatever these say."""
    per_category = Counter(m.category for m in mentions)
    for m in mentions:
        p, head = m.patient, m.head
        if p is None or head is None or per_category[m.category] < 2:
            continue
        phrase = text[m.start:m.end]
        m.definite, m.name = is_definite(p, lx) and not m.fresh, name_of(p, phrase)
        m.additive, m.happening = m.fresh or is_additive(p, head, lx), in_the_happening(p, head, lx)
        m.total, m.competing = is_total(p, phrase, head, lx), _competing(m.trigger, lx)


def _counted_just_before(mentions: list[Mention], sent: int, at: int) -> Mention | None:
    """The last count of more than one person in this sentence or the one before, before `at` ("them")."""
    for m in sorted(mentions, key=lambda x: -x.start):
        if m.start < at and sent - 1 <= m.sent <= sent and (m.q.qualifier == "vague" or (m.q.value or m.q.low or 0) > 1):
            return m
    return None


def _competing(t: Token, lx: Lexicon) -> bool:
    """Is the sentence another source's reading ("other sources reported ...", "villagers contest that figure")?"""
    low = sentence_text(t.doc, t.i)
    return any(phrase in low for phrase in lx.competing)


def _part_killed(whole: Quantity, lx: Lexicon) -> Quantity:
    """The dead among people "killed and wounded" together: at least one, at most the whole; ACLED's number for
    an unknown count when the whole is vague or a number that allows it ("killing/injuring 75": the split is
    not given, so the dead are an unknown count), none when the whole is smaller than that number."""
    high = whole.value if whole.qualifier == "exact" and whole.value is not None else whole.high
    value = lx.part_killed.value if whole.qualifier == "vague" or minimum(whole) >= lx.part_killed.value else None
    return Quantity(value, lx.part_killed.low, high, "vague", 0, 0)


def _figure(n: int, c: Count, found: Found) -> Figure:
    text = found.text
    groups = c.groups
    if c.total is not None and len(groups) == 1 and minimum(c.total.q) == minimum(groups[0].q) \
            and groups[0].q.qualifier != "vague":
        shown, parts = groups[0].best, []             # "A man was shot dead. 1 fatality.": the total says it again
    elif c.total is not None:
        shown, parts = c.total, [g.best for g in groups]
    elif len(groups) == 1:
        shown, parts = groups[0].best, []
    else:
        shown, parts = None, [g.best for g in groups]
    start, end = (shown.start, shown.end) if shown else (min(p.start for p in parts), max(p.end for p in parts))
    anchor = shown or parts[0]
    who = shown.who if shown and shown.who else next(
        (m.who for m in reversed(parts or [x for g in groups for x in g.mentions]) if m.who), None)
    q = c.q
    trig = anchor.trigger
    sent = trig.sent if found.places or found.times else None
    return Figure(
        id=f"f{n}", text=text[start:end], start=start, end=end, category=c.category, value=q.value, low=q.low,
        high=q.high, qualifier=q.qualifier, who=who,
        place=_nearest(found.places, sent, trig.idx, locative=True) if found.places else None,
        time=_nearest(found.times, sent, trig.idx) if found.times else None,
        mentions=[_span(text, m.start, m.end) for m in c.mentions()],
        parts=[_span(text, p.start, p.end) for p in parts], cumulative=c.cumulative,
    )


def _span(text: str, start: int, end: int) -> Span:
    """A span cut from the text, exact by construction (the Document checks every span again when built)."""
    return Span.model_construct(text=text[start:end], start=start, end=end)


def _without_background(counts: list[Count]) -> list[Count]:
    """Running totals ("have detained more than 125 since June") beside a happening's count (of any kind), and
    counts over several happenings ("detained numerous suspects during two operations in Khost and Paktiya
    provinces") beside one happening's count of the same kind, are background and are left out: they count no
    one happening, and a reader adding up the figures or taking the largest as the toll would read "one leader
    detained ... 125 detained since June" as 125 in the raid. Where the article counts nothing else, such a
    count is what it reports ("drone strikes have killed at least eight commanders since July") and stays (a
    running total marked `cumulative`)."""
    happening = {c.category for c in counts if not c.apart and not c.earlier}
    return [c for c in counts if not ((c.cumulative or c.earlier) and happening)
            and not (c.aggregate and c.category in happening)]


def find(doc: Doc, found: Found) -> dict[str, Any]:
    """Every casualty/displacement/capture figure in the article, in text order."""
    lx = lexicon()
    counts = _without_background(consolidate(_mentions(doc, found, lx), lx))
    return {"figures": [_figure(i, c, found) for i, c in enumerate(counts, 1)]}


stage = Stage(name="figures", fn=find, requires=("times", "places"), assigns=("figures",))
