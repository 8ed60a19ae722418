"""Events stage: one event per happening in the article, coded in PLOVER, CAMEO and ACLED, with its status.

Three steps, each in its own modules (docs/events.md):
1. **Finding mentions** (`mentions.py`): trigger words in their frame; then who did it to whom (`roles.py`),
   whether it happened (`status.py`), where and when (`where.py`).
2. **Grouping mentions into happenings** (`happenings.py`): one phrase, the content of a promise or demand,
   and the mentions across sentences that tell the same happening; figures go to the happening they count
   (`figures.py`).
3. **Coding happenings** (`coding/plover.py`: PLOVER type and mode, CAMEO root; `coding/acled.py`: ACLED
   event and sub-event type by the codebook's decision rules); the main happening first (`order.py`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ...model import Event, Span, span_of
from .. import Found, Stage
from .casting import actors_for
from .coding.acled import acled_of
from .coding.plover import cameo_of, code_modes, recode
from .figures import attach_figures
from .lexicon import word_list
from .happenings import FRAMES, Happening, family, fold_content, fold_phrases, group
from .mentions import Mention, find_mentions
from .order import body_start, main_first
from .roles import read_roles
from .status import read_status
from .where import (LAST_RESORT, coherent, geo_precision, home_country, is_context, long_before, place_for,
                    resolved_place, specificity, time_for)

__all__ = ["find", "stage"]


def _blocked(doc: Doc, found: Found) -> set[int]:
    """Tokens inside multi-word actor names ('International Security Assistance Force') are not triggers."""
    out: set[int] = set()
    for a in found.actors:
        if " " not in a.text:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None and len(span) > 1:
            out.update(t.i for t in span if t.pos_ == "PROPN")   # not "reinforcements" in "Houthi reinforcements"
    return out


def _evidence(m: Mention, text: str, floor: int = 0) -> Span:
    """The mention's sentence, without a dateline the parser ran into it."""
    s0, s1 = m.unit
    if s0 < floor <= m.start:
        s0 = floor
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    return span_of(text, s0, s1)


def _said_for(m: Mention) -> bool:
    """Does the goal clause hang from a reporting verb ("To prepare a deal, Medinsky told TASS ...")? Not from
    an act ("sent inspectors to investigate")."""
    cur = m.token
    for _ in range(6):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.head.lemma_.lower() in word_list("reporting")


def _read_mentions(doc: Doc, found: Found, start: int) -> list[Mention]:
    """Step 1: the mentions, with their roles, status, place and time."""
    mentions = find_mentions(doc, _blocked(doc, found))
    claims, times = list(found.claims), list(found.times)
    published = found.article.date.isoformat() if found.article.date else None
    for m in mentions:
        m.time, m.own_time = time_for(m, times, start, published)
        read_status(m, claims, times)
    # a goal ("to disarm ...", "in order to ...") is no happening, unless the sentence tells nothing else
    # and the goal is an act's ("sent inspectors to investigate"), not a speaker's ("To prepare ..., X said")
    # and a description ("more of a regrouping than a retreat", "areas that have seen fighting") never is
    mentions = [m for m in mentions if not m.description]
    told = {m.sent.start for m in mentions if not m.purpose}
    mentions = [m for m in mentions if not m.purpose or (m.sent.start not in told and not _said_for(m))]
    mentions = fold_content(mentions)        # what is promised or demanded is part of the promise
    for m in mentions:
        read_roles(m)
        code_modes(m)
    mentions = recode(mentions, doc, found.actors)
    for m in mentions:
        actors_for(m, found.actors, doc, start, found.places)
        m.place, m.place_score = place_for(m, found.places, found.actors, start, frame=(m.action or m.type) in FRAMES)
    return mentions


def _mentions(h: Happening, text: str) -> list[Span]:
    """Every mention of the happening in text order: its triggers and the triggers folded into them."""
    spans = {(m.start, m.end) for m in h.mentions}
    spans |= {(t.idx, t.idx + len(t.text)) for m in h.mentions for t in m.merged}
    return [span_of(text, a, b) for a, b in sorted(spans)]


def _best(h: Happening, attr: str):
    """The happening's value of a mention attribute: the lead's, else the first mention's that has one."""
    value = getattr(h.lead, attr)
    if value is not None:
        return value
    return next((getattr(m, attr) for m in h.mentions if getattr(m, attr) is not None), None)


def _place(h: Happening, found: Found, home: str | None):
    """The most specific well-attached place of the happening's mentions (the lead's on a tie); a place
    only loosely tied to a meeting or statement (elsewhere in its sentence) is not where it happened, and a
    place the gazetteer read in a way that fits none of the places named with it gives way to one that fits."""
    floor = 1.0 if family(h.lead) in ("violence", "protest", "riot", "arrest", "damage", "seize", "abduct", "disaster",
                                      "accident") else 1.5
    cands = [(m.place_score >= 2, specificity(m.place), m is h.lead, -k, m) for k, m in enumerate(h.mentions)
             if m.place is not None and (m.place_score >= floor or m.place_score == 0.5)]
    if not cands and floor < 1.5:   # violence somewhere in a sentence that names one place loosely: there
        cands = [(False, specificity(m.place), m is h.lead, -k, m) for k, m in enumerate(h.mentions)
                 if m.place is not None and m.place_score > 0 and specificity(m.place) > 0]
    if not cands:   # a town that only says whose the actor is ("the Mayor of Nabatieh"), or where protesters
        # gathered to make a demand, with nothing better told: there
        cands = [(False, specificity(m.place), m is h.lead, -k, m) for k, m in enumerate(h.mentions)
                 if m.place is not None and m.place_score == LAST_RESORT]
    if not cands:
        return None, False
    m = max(cands, key=lambda c: c[:4])[4]
    place, fallback = resolved_place(m.place, found.places, m.unit)
    if place is None or place.lat is None:
        return place, fallback
    named = [p for p in found.places if m.unit[0] <= p.start < m.unit[1]]

    def fits(p) -> bool:
        return coherent(p, named) and (home is None or p.country_code in (None, home) or specificity(p) == 0)

    if fits(place):
        return place, fallback
    good = [p for p in named if p.lat is not None and specificity(p) > 0 and fits(p)]
    sides = {a.country_code for a in found.actors if a.country_code}
    if not good and sides and place.country_code not in sides:   # readings disagree: one in the actors'
        good = [p for p in named if p.lat is not None and specificity(p) > 0 and p.country_code in sides]
    if not good:     # no reading fits the others: a place that says where it is ("Kirni (Poonch district)"),
        good = [p for p in named if p.lat is not None and specificity(p) > 0 and p.start > place.start
                and is_context(p, named, found.text)]
    if not good:     # else the most specific place named ("Mulanje (Mulanje, Southern)")
        good = [p for p in named if p.lat is not None and specificity(p) > specificity(place)]
    if not good and home is not None and place.country_code != home:
        # a place read in another country than the article's, with nothing better in its sentence: the
        # setting told last before it ("in Barra Mansa, ... The police arrested two in Para-Pedro")
        before = [p for p in found.places if p.start < m.unit[0] and p.lat is not None and specificity(p) > 0
                  and fits(p)]
        if before:
            last = max(p.start for p in before)
            good = [p for p in before if last - p.start < 80]
    if not good:
        return place, fallback
    return max(good, key=lambda p: (specificity(p), -p.start)), True


def _partner(h: Happening, a1, a2):
    """Talks are between two sides: a partner from a1's own country ("Ukraine ... negotiations
    with Ukrainian officials") gives way to one from another country among the happening's mentions, and
    is left out if there is none."""
    if a1 is None or a2 is None or h.lead.type != "CONSULT" or not a1.country_code \
            or a2.country_code != a1.country_code:
        return a2
    return next((m.actor2 for m in h.mentions if m.actor2 is not None and m.actor2.country_code
                 and m.actor2.country_code != a1.country_code), None)


def _time(h: Happening, published: str | None):
    """The date a mention of the happening gives in its own clause (the lead's first), else the lead's. Between
    other mentions' dates, one over half a year before the report gives way to a recent one: it is an earlier
    happening told beside it ("struck early Tuesday ... devastated by the quake and tsunami of 2004")."""
    own = [m for m in h.mentions if m.time is not None and m.own_time]
    if h.lead in own:
        return h.lead.time
    recent = [m for m in own if not long_before(m.time, published)]
    if recent or own:
        return (recent or own)[0].time
    return h.lead.time


def find(doc: Doc, found: Found) -> dict[str, Any]:
    text = found.text
    start = body_start(text, found.article)
    mentions = fold_phrases(_read_mentions(doc, found, start))
    happenings = group(mentions, text)
    sents = list(doc.sents)
    attach_figures(happenings, found.figures, sents)
    codes = acled_of(happenings, sents)
    article_date = found.article.date.isoformat() if found.article.date else None
    home = home_country(found.places, text) if happenings else None   # once per article: quadratic in places
    events: list[Event] = []
    for n, k in enumerate(main_first(happenings, start), 1):
        h = happenings[k]
        lead = h.lead
        mode = lead.mode or next((m.mode for m in h.mentions if m.type == lead.type and m.mode), None)
        a1, a2 = _best(h, "actor1"), _best(h, "actor2")
        a2 = _partner(h, a1, a2)
        if a2 is not None and a1 is not None and (a2.id == a1.id or a2.name == a1.name):
            a2 = None
        if a2 is not None and a1 is not None and lead.type in ("RETREAT", "MOBILIZE") and a2.kind == "MIL" \
                and a1.kind in ("MIL", "GOV") and not a2.text[:1].isupper():
            a2 = None          # "moved troops", "the withdrawal of some troops": its own forces (no nationality
            # named), not a target
        place, fallback = _place(h, found, home)
        when = _time(h, article_date)
        claim = lead.claim
        cameo = cameo_of(lead.type, mode)
        acled_type, acled_sub = codes[k]
        events.append(Event(
            id=f"e{n}", status=lead.status, type=lead.type, mode=mode, cameo=cameo.code,
            acled_event_type=acled_type, acled_sub_event_type=acled_sub,
            actor1=a1.id if a1 else None, actor2=a2.id if a2 else None,
            place=place.id if place else None, geo_precision=geo_precision(place, fallback, text),
            date=when.value[:10] if when and when.value else article_date,
            date_precision=when.precision if when else None,
            figures=[f.id for f in h.figures], fatalities=h.fatalities,
            claim=claim.id if claim else None, certainty=lead.certainty, polarity=lead.polarity,
            evidence=_evidence(lead, text, start), trigger=span_of(text, lead.start, lead.end),
            mentions=_mentions(h, text),
        ))
    return {"events": events}


stage = Stage(name="events", fn=find, requires=("times", "places", "actors", "figures", "claims"),
              assigns=("events",))
