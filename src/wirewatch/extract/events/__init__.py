"""Events stage: coded events (PLOVER type and mode, CAMEO root, ACLED type) with actors, place, date,
figures, the claim that reports them, how sure they are, and the span they were coded from.

Steps (one module each): `coder` finds triggers in the dependency parse with the verb-phrase lexicon and
their source/target; `order` folds casualty restatements into the assault they report and puts the main
event first; `attach` links actors, places, times, figures and claims by offsets; `factuality` sets
certainty and polarity; `mapping` adds CAMEO and ACLED codes. See docs/events.md.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from spacy.tokens import Doc

from ...model import Event, span_of
from .. import Found, Stage
from .attach import actor_after, actor_for, claim_for, figures_by_event, place_for, time_for
from .coder import Candidate, code_sentence, trigger_words
from .factuality import combine, own_modality
from .mapping import codes_for
from .order import body_start, fold_casualties, main_first
from .recode import recode

__all__ = ["find", "stage"]


def _blocked(doc: Doc, found: Found) -> set[int]:
    """Tokens inside multi-word actor names ('International Security Assistance Force') are not triggers."""
    out: set[int] = set()
    for a in found.actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None and len(span) > 1 and any(t.pos_ == "PROPN" for t in span):
            out.update(t.i for t in span)
    return out


def _evidence(cand: Candidate, text: str):
    s0, s1 = cand.unit
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    return span_of(text, s0, s1)


def _trigger(cand: Candidate, text: str):
    start = min(t.idx for t in cand.tokens)
    end = max(t.idx + len(t.text) for t in cand.tokens)
    return span_of(text, start, end)


def find(doc: Doc, found: Found) -> dict[str, Any]:
    text = found.text
    sents = list(doc.sents)
    blocked = _blocked(doc, found)
    recoder = partial(recode, actors=found.actors)
    triggers = trigger_words(doc)
    cands: list[Candidate] = [c for s in sents for c in code_sentence(s, blocked, recoder, triggers)]
    cands.sort(key=lambda c: c.token.i)
    cands, _ = fold_casualties(cands, sents, text)
    figs = figures_by_event(cands, found.figures, sents)
    events: list[Event] = []
    article_date = found.article.date.isoformat() if found.article.date else None
    start = body_start(text, found.article)
    for n, k in enumerate(main_first(cands, start), 1):
        cand = cands[k]
        a1 = next((a for a in (actor_for(t, found.actors) for t in [cand.source, *cand.other_sources]) if a), None)
        a2 = None
        for tok in [cand.target, *cand.others]:
            a2 = actor_for(tok, found.actors)
            if a2 is not None and not (a1 is not None and a2.id == a1.id):
                break
            a2 = None
        if a2 is None:
            a2 = actor_after(cand.token, found.actors, a1)
        place = place_for(cand, found.places, [a for a in (a1, a2) if a is not None], start)
        when = time_for(cand, found.times, start, article_date)
        claim = claim_for(cand, found.claims)
        certainty, polarity = combine(own_modality(cand.token, cand.unit), claim)
        codes = codes_for(cand.type, cand.mode, a2.kind if a2 is not None else None)
        events.append(Event(
            id=f"e{n}", type=cand.type, mode=cand.mode, cameo=codes.cameo,
            acled_event_type=codes.acled_event_type, acled_sub_event_type=codes.acled_sub_event_type,
            actor1=a1.id if a1 else None, actor2=a2.id if a2 else None, place=place.id if place else None,
            date=when.value[:10] if when else article_date,
            date_precision=(when.precision if when else None),
            figures=[f.id for f in figs.get(k, [])], claim=claim.id if claim else None,
            certainty=certainty, polarity=polarity,
            evidence=_evidence(cand, text), trigger=_trigger(cand, text),
        ))
    return {"events": events}


stage = Stage(name="events", fn=find, requires=("times", "places", "actors", "figures", "claims"),
              assigns=("events",))
