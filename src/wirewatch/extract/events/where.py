"""Where and when a mention happened: a place and a time of its own clause, by character offsets and the parse.

Place: among the places of the mention's sentence (not the dateline's), the object of a place preposition on
the trigger scores highest, then an argument of the trigger, then a place preposition on a word above it in
its clause, then a place inside a clause below it, then one after a place preposition elsewhere in the
sentence; a place inside an actor mention ("*Russia's* economy") is not where it happened. Ties go to the
most specific place, then the nearest; a place that only locates another ("Kafr Nabl in the countryside of Idlib", "(Jowhar,
Middle Shabelle)") gives way to it. With none, the nearest earlier sentence of the paragraph that names a place
lends its most specific one; with none there either, a town that only says whose an actor is ("the Mayor of Nabatieh")
or where a protest or demand was made is where it happened, as a last resort (`LAST_RESORT`). A happening's place is the best of its mentions' places, preferring one
the gazetteer resolved (a village it cannot find gives way to the district named beside it), with ACLED's
geo-precision: 1 the town itself, 2 near or part of a town, 3 only a region or country.

Date: a dated time expression of the mention's sentence (the trigger's clause first), else narrative time
carried over from earlier in the paragraph or the lead; the happening's date is its mentions' own date,
else a carried one, else the article's date with a null precision (the date it was reported). A date after
"since" starts a period running to the report: neither it nor a carried date is the mention's. A happening
told as the anchor of an offset ("said a day after Russia promised ...", "on Friday, two days after an attack
killed ...") is dated by counting back (or, after "before", forward) from its sentence's own day, or from the
report's day when that sentence only tells who said it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from itertools import accumulate
from bisect import bisect_right
from typing import Sequence

from spacy.tokens import Doc, Token

from ...geo import haversine_km
from ...model import Actor, Place, TimeExpr
from .. import text_of
from .lexicon import word_list
from .mentions import Mention
from .syntax import CLAUSE_DEPS, clause_chain, token_at

__all__ = ["LAST_RESORT", "place_for", "time_for", "long_before", "geo_precision", "specificity", "coherent",
           "home_country", "is_context", "resolved_place", "town_of_part"]

LOC_PREPS = frozenset({"in", "near", "at", "outside", "around", "across", "inside", "into", "on", "from",
                       "throughout", "within", "towards", "toward", "to", "over", "along"})
NEAR_WORDS = frozenset({"near", "outside", "around", "outskirts", "vicinity", "surroundings", "north", "south",
                        "east", "west", "northeast", "northwest", "southeast", "southwest", "km", "kilometres",
                        "kilometers", "miles", "area", "countryside", "suburb", "suburbs", "district", "neighbourhood",
                        "neighborhood", "part", "outside", "rural", "periphery", "environs"})
_WITHIN = re.compile(r"^(?:\s+(?:town|city|village|district|area|region|province|county|camp|sector|"
                     r"neighbou?rhood|suburb|municipality))?\s+(?:in|of)\s+(?:the\s+)?"
                     r"(?:(?:(?:north|south|east|west)(?:ern)?\s+)?(?:countryside|outskirts|suburbs|surroundings|parts?)"
                     r"\s+of\s+(?:the\s+)?)?$")   # "Al Bab in Aleppo", "Kafr Nabl in the southern countryside of Idlib"
_WITHIN_AT = re.compile(_WITHIN.pattern[1:])  # matched at pos..endpos of the whole text: no copy of each gap
TALK_TYPES = frozenset({"CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "COOPERATE",
                        "SANCTION", "CONCEDE"})   # what they talk about is a topic, not where they are
TOPIC_PREPS = frozenset({"including", "about", "regarding", "concerning", "over"})
DATE_VALUE = re.compile(r"^\d{4}(-\d\d(-\d\d)?|-W\d\d)?")
# a part of a town: "the Inga neighbourhood", "Palanpur area of Surat", "Raju street"; a gazetteer town of that
# name elsewhere is a namesake, and the happening is placed at the town the part belongs to
_PART_OF_TOWN = re.compile(r"(?-i:(?:\s+(?:de|da|do|dos|das|del|la|el|[A-Z][\w'\-]*)){0,3})"  # 'Paraiso de Cima neighborhood'
                           r"\s+(?:neighbou?rhoods?|community|communities|comunidad|quarter|"
                           r"street|road|avenue|market|square|slum|township of|area of|areas of|area in|"
                           r"suburb of|neighbou?rhood of)\b", re.IGNORECASE)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _loc_score(tok: Token, trigger: Token, chain: set[int] | None = None, talk: bool = False) -> float:
    """3: object of a place preposition on the trigger; 2.5: an argument of the trigger; 2: a place preposition
    on a word above the trigger in its clause or on that word's subject ("people in X joined a protest"), or a
    setting fronted before the clause ("In X, Y, police ..."); 1.5: inside a clause below the trigger; 1: after
    a place preposition elsewhere in the sentence; 0: elsewhere (e.g. 'Russia' in "Russia's economy")."""
    chain = chain if chain is not None else {x.i for x in clause_chain(trigger)}
    cur, steps, located, nested, topic = tok, 0, False, False, False
    while cur.head.i != cur.i:
        head = cur.head
        is_loc = (cur.dep_ == "prep" or cur.pos_ == "ADP") and cur.lower_ in LOC_PREPS  # a misparse: "in" as conj
        located = located or (is_loc and steps < 5)
        if head.i == trigger.i or (_shares_right(head, trigger) and cur.i > head.i):
            if nested:
                return 1.5
            if topic and steps > 2 or talk and cur.dep_ in ("dobj", "nsubjpass") and steps >= 2:
                return 0.75                  # inside what the trigger is about: a topic, not a setting
                # ("discussed developments in the situation around Ukraine")
            return 3.0 if is_loc else 2.5
        topic = topic or cur.dep_ == "dobj" or (cur.dep_ == "prep" and cur.lower_ in TOPIC_PREPS)
        if is_loc and head.i in chain:
            return 0.75 if talk and (topic or head.dep_ == "dobj") else 2.0
        if is_loc and head.dep_ in ("nsubj", "nsubjpass") and head.head.i in chain and not topic:
            return 2.0               # "people in Ahwar took part in a demonstration": where the doers were
        nested = nested or cur.dep_ in CLAUSE_DEPS or cur.dep_ == "xcomp"
        cur, steps = head, steps + 1
    if _fronted(tok, trigger):
        return 2.0
    return 1.0 if located else 0.0


def _fronted(tok: Token, trigger: Token) -> bool:
    """"On 8 May, in Brasileia, Acre, workers gathered ...": a place phrase fronted before the clause, set off by
    a comma, is the setting of what the clause tells, however the parser hung it (often as the sentence's root,
    or the place as a modifier of the subject). Only a preposition at the start of the sentence, or right after
    the sentence's opening date phrase, counts; read by word order, as the parse is what goes wrong here."""
    doc, sent = tok.doc, tok.sent
    k = tok.i - 1
    while k > sent.start and tok.i - k <= 4 and (doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
                                                 or doc[k].lower_ == "of"):
        k -= 1             # "in the municipality of Allende, ..."
    prep = doc[k]
    if prep.lower_ not in LOC_PREPS or prep.pos_ != "ADP" or prep.i >= trigger.i:
        return False
    before = doc[sent.start:prep.i]
    if len(before) and not (before[-1].text == "," and all(
            t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.is_stop or t.like_num or t.lower_ == "reported"
            for t in before)):
        return False
    # the place phrase ends with a comma before the clause: "in X, Y, the police ..." / "in X (Y, Z), ..."
    after = doc[tok.i + 1:trigger.i]
    return any(t.text == "," for t in after) and not any(t.text in (".", ";", ":") for t in after)


def _shares_right(verb: Token, trigger: Token) -> bool:
    """"shot and killed a trader in Kumasi": a verb coordinated after the trigger, with the trigger's subject and
    no object of the trigger's own, shares what follows it (its object and its place) with the trigger."""
    return verb.dep_ == "conj" and verb.head.i == trigger.i and verb.pos_ == "VERB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and not any(c.dep_ in ("dobj", "obj", "prep") for c in trigger.children if c.i > trigger.i)


def _setting_verb(trigger: Token) -> Token | None:
    """The verb that only says the trigger happened ("clashes *took place* in X", "fire *was reported* in X"):
    its places are the trigger's."""
    head = trigger.head
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.i != trigger.i and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in word_list("occur"):
        return head
    return None


def specificity(p: Place) -> int:
    """3 a town or village, 2 a district, 1 a province or region, 0 a country or something wider."""
    if p.feature_class == "P":
        return 3
    if p.feature_code and p.feature_code.startswith("ADM") and p.feature_code not in ("ADM1", "ADMD"):
        return 2
    if p.feature_class in ("A", "L", "T") and p.feature_code not in ("PCLI", "PCL", "PCLD", "CONT"):
        return 1
    if p.feature_class is None and p.lat is None:
        return 3      # not in the gazetteer: most likely a village the gazetteer does not know
    return 0


def _located(tok: Token) -> bool:
    """The object of a place preposition ("in Lebanon", "in Kunduz province", "at a checkpoint, Kunduz"): where, even
    when it is also who is acted on (or the actors stage took the name for one)."""
    for _ in range(3):
        if tok.dep_ in ("compound", "appos") and tok.head.i != tok.i:
            tok = tok.head      # 'Kunduz' in 'in Kunduz province'; 'Kunduz' after 'a checkpoint, '
            continue
        break
    return tok.dep_ == "pobj" and tok.head.lower_ in LOC_PREPS


def _of_an_actor(tok: Token, actors: Sequence[Actor]) -> bool:
    """"The leaders of Germany, ... and Italy": a place that only says whose an actor is."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.i != cur.head.i:
            owner = cur.head.head
            return any(a.start <= owner.idx < a.end for a in actors)
        return False
    return False


def _place_facts(doc, places: Sequence[Place], actors: Sequence[Actor]) -> dict:
    """Per place (once per Doc): its token, whether it only says whose an actor is, whether it is named as an
    actor (and not in a place phrase), whether it only locates another place."""
    facts = doc.user_data.get("ww_place_facts")
    if facts is None:
        text = text_of(doc)
        facts = doc.user_data["ww_place_facts"] = {}
        for p in places:
            tok = token_at(doc, p.start)
            if tok is None:
                facts[p.id] = (None, False, False, False)
                continue
            # named as an actor: an actor mention that is the place's name ("condemned Moscow") or that the
            # place only qualifies, not one that shares a word with it ("Mali" in "Mali Zvornik") or
            # swallowed it by mistake ("Bomadi (Bomadi LGA")
            named = any(a.start <= p.start and p.end <= a.end and ((a.end - a.start) - (p.end - p.start) <= 4
                                                                  or tok.dep_ in ("compound", "amod", "poss", "nmod"))
                        for a in actors) and not _located(tok)   # "Moscow"; "*US* deputy adviser", "*Russia*'s economy"
            facts[p.id] = (tok, _of_an_actor(tok, actors), named, is_context(p, places, text))
    return facts


def place_for(m: Mention, places: Sequence[Place], actors: Sequence[Actor], body_start: int = 0,
              frame: bool = False) -> tuple[Place | None, float]:
    """Where the mention happened, and how sure (the score of the place's attachment; 0.5 when borrowed
    from an earlier sentence). A place named as an actor ("condemned Moscow") is not where it happened; for
    a speech act (`frame`: a promise, a demand) neither is a place inside what it promises or demands."""
    s0, s1 = m.unit
    doc = m.sent.doc
    floor = body_start if m.token.idx >= body_start else 0
    scored, framed = [], []
    chain = {x.i for x in clause_chain(m.token)}
    facts = _place_facts(doc, places, actors)
    setting = _setting_verb(m.token)
    violent = (m.action or m.type) in ("ASSAULT", "COERCE")
    talk = (m.action or m.type) in TALK_TYPES
    setting_chain = {x.i for x in clause_chain(setting)} if setting is not None else set()
    for p in places:
        if not (s0 <= p.start < s1) or p.start < floor or p.demonym:   # "Russian forces": whose, not where
            continue
        tok, owned, named, context = facts[p.id]
        if tok is None:
            continue
        if owned:     # "the Mayor of Nabatieh", "the hospital of Thessaloniki": whose, and where only for want of better
            if specificity(p) > 0:
                framed.append((specificity(p), -abs(tok.i - m.token.i), p))
            continue
        score = _loc_score(tok, m.token, chain, talk)
        if setting is not None:
            score = max(score, _loc_score(tok, setting, setting_chain))
        if frame and score == 1.5:
            if specificity(p) > 0 and not named:
                framed.append((specificity(p), -abs(tok.i - m.token.i), p))
            continue
        if named and not (violent and score >= 2.5):   # "airstrikes targeted Majzar district": where it hit
            score -= 1.5            # a place named as an actor ("Russia's economy", "condemned Moscow")
        # a place named only to say where another is ("(Hargeysa, Waqooyi Galbeed)", "in Guadalajara,
        # Jalisco") gives way to the place it locates, whatever their specificity
        scored.append((score, not context, specificity(p), -abs(tok.i - m.token.i), p))
    if any(x[2] > 0 and x[0] >= 1 for x in scored):
        # a country is where it happened only when nothing narrower is named in the clause ("people in
        # Ahwar held a demonstration ... in support of self-rule in South Yemen")
        scored = [(x[0] - 1.0, *x[1:]) if x[2] == 0 else x for x in scored]
    if scored:
        best = max(scored, key=lambda x: x[:4])
        if not best[1]:   # a place named only to say where another is gives way to that one, as specific and in
            # a place phrase, whatever the parse made of each ("searched the town of Kafr Nabl in the countryside of Idlib")
            best = max((x for x in scored if x[1] and x[0] > 0.5 and x[2] >= best[2]), key=lambda x: x[:4],
                       default=best)
        if best[0] < 0 or best[0] == 0 and (best[2] == 0 or facts[best[4].id][2]):
            return None, 0.0
        if best[0] == 0:   # named in the sentence, in no place phrase ("the house of the Mayor of Tyr was shot
            return best[4], 0.25   # at"): where it happened only for want of anything better
        return town_of_part(best[4], places, text_of(doc), (s0, s1)) or best[4], best[0]
    para = max(floor, _paragraph_start(doc, s0))
    earlier = [p for p in places if para <= p.start < s0 and not facts[p.id][2] and not p.demonym]
    if not earlier:
        # what a protest or demand is about may be elsewhere, and a town that says whose an actor is need
        # not be where it acted; with no other place told before, they are where it happened, on the slimmest
        # evidence ("angry at fuel prices ... assembled in Sidon", "the car of the Mayor of Nabatieh was hit")
        return (max(framed, key=lambda x: x[:2])[2], LAST_RESORT) if framed else (None, 0.0)
    last = max(earlier, key=lambda p: p.start)
    tok = facts[last.id][0]
    same = [p for p in earlier if tok is not None and facts[p.id][0] is not None
            and facts[p.id][0].sent.start == tok.sent.start]
    lent = max(same or [last], key=lambda p: (specificity(p), p.start))
    return town_of_part(lent, earlier, text_of(doc), (para, s0)) or lent, 0.5


def town_of_part(p: Place, places: Sequence[Place], text: str, unit: tuple[int, int]) -> Place | None:
    """The town a part of a town belongs to ("in Niteroi, ... in the Inga neighbourhood", "Palanpur area of Surat
    city"), when the gazetteer's reading of the part is no place within 25 km of that town (a namesake
    elsewhere, or nothing); None when `p` is no such part or no town is named in its sentence. The town named
    right after the part ("... of Surat") comes first, else the most specific one named first (the setting)."""
    if _PART_OF_TOWN.match(text, p.end) is None:
        return None
    # a district holds the part only when the part's own reading is unknown or fits nothing named ('Uri
    # sector (Baramulla district)' is a town of its own)
    level = 2 if p.lat is None or not coherent(p, places) else 3
    towns = [q for q in places if unit[0] <= q.start < unit[1] and q is not p and q.lat is not None
             and specificity(q) >= level and not q.demonym and q.text != p.text and _PART_OF_TOWN.match(text, q.end) is None]
    if not towns or p.lat is not None and any(haversine_km(p.lat, p.lon, q.lat, q.lon) <= 25 for q in towns):
        return None
    fitting = [q for q in towns if coherent(q, places)] or towns   # not a namesake abroad ("Morro" Bay)
    after = [q for q in fitting if 0 < q.start - p.end <= 30]
    if after:
        return min(after, key=lambda q: q.start)
    return max(fitting, key=lambda q: (specificity(q), -q.start))


def _breaks(doc: Doc) -> list[int]:
    """Offsets where paragraphs start (after a blank line or U+2028/2029), found once per Doc."""
    breaks = doc.user_data.get("ww_paragraphs")
    if breaks is None:
        breaks = doc.user_data["ww_paragraphs"] = [
            m.end() for m in re.finditer(r"\n[ \t\xa0]*\n|[\u2028\u2029]", text_of(doc))]
    return breaks


def _paragraph_start(doc: Doc, at: int) -> int:
    """Offset where the paragraph holding `at` starts, by bisection over the paragraph breaks."""
    breaks = _breaks(doc)
    k = bisect_right(breaks, at) - 1
    return breaks[k] if k >= 0 else 0


def is_context(p: Place, places: Sequence[Place], text: str) -> bool:
    """A place named only to say where another one is: in brackets after it, or after it and a comma."""
    before = text[max(0, p.start - 80):p.start]
    if before.rfind("(") > before.rfind(")"):
        return True
    return any(q.start < p.start and (0 <= p.start - q.end <= 2 and text[q.end:p.start].strip() in (",", "")
                                      or _WITHIN_AT.match(text, q.end, p.start) is not None)
               for q in places)


LAST_RESORT = 0.3  # the score of a place only the want of any other makes where it happened (see place_for)
PROVINCE_KM = 150  # a town this near a province's point, in its country, fits it whatever its admin1 says


def coherent(p: Place, others: Sequence[Place]) -> bool:
    """Does the gazetteer's reading of `p` fit the other places named with it (one within 60 km, or the same
    province, or within 150 km of a province's point in the same country: GeoNames puts a border town like
    Burgersfort in the next province)? A neighbourhood the gazetteer took for a town elsewhere does not."""
    named = [q for q in others if q is not p and q.lat is not None and q.text != p.text and specificity(q) > 0]
    if p.lat is None or not named or specificity(p) < 1:
        return True
    if specificity(p) < 2:     # a province: in the country of a place named with it ("Nord-Ouest" beside Bamenda)
        return not p.country_code or any(q.country_code == p.country_code for q in named)
    return any(haversine_km(p.lat, p.lon, q.lat, q.lon) <= (60 if specificity(q) > 1 or q.country_code != p.country_code
                                                            else PROVINCE_KM)
               or (p.admin1 and (p.admin1 == q.admin1 or p.admin1 == q.name)) for q in named)


def home_country(places: Sequence[Place], text: str) -> str | None:
    """The country most of the article's resolved places are in (a province, a capital or a place that
    locates another counting double), if it clearly leads: the country a misread village is not in."""
    weights: Counter = Counter()
    names: dict[str, set[str]] = {}
    for p in places:
        if p.lat is None or not p.country_code or specificity(p) == 0:
            continue
        weights[p.country_code] += 2 if p.feature_code in ("ADM1", "PPLC") or is_context(p, places, text) else 1
        names.setdefault(p.country_code, set()).add(p.text)
    if len(weights) > 1:      # a lone name read in a country no other place is in counts once
        for code in weights:
            if len(names[code]) == 1:
                weights[code] = min(weights[code], 1)
    ranked = weights.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def resolved_place(place: Place | None, places: Sequence[Place], unit: tuple[int, int]) -> tuple[Place | None, bool]:
    """The place itself when the gazetteer resolved it; else the most specific resolved place named in the
    same sentence after it ("in Kafr Sousa, on the outskirts of Homs"), flagged as a fallback."""
    if place is None or place.lat is not None:
        return place, False
    later = [p for p in places if unit[0] <= p.start < unit[1] and p.lat is not None and p.start > place.start
             and specificity(p) > 0]
    if not later:
        later = [p for p in places if unit[0] <= p.start < unit[1] and p.lat is not None and specificity(p) > 0]
    if not later:
        return place, False
    return max(later, key=lambda p: (specificity(p), -p.start)), True


def geo_precision(place: Place | None, fallback: bool, text: str) -> int | None:
    """ACLED geo-precision: 1 the town itself, 2 near or part of a town, 3 a region or country."""
    if place is None:
        return None
    spec = specificity(place)
    if spec < 3 or place.lat is None:
        return 3
    if fallback:
        return 2
    before = text[max(0, place.start - 40):place.start].lower().split()
    return 2 if any(w.strip(",.()") in NEAR_WORDS for w in before[-4:]) else 1


def _dated(t: TimeExpr) -> bool:
    return t.type in ("DATE", "TIME") and bool(t.value) and DATE_VALUE.match(t.value or "") is not None


def _since(tok: Token) -> bool:
    """Is the time phrase the start of a period ("since Dec. 1", "since the first of the year")?"""
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].lower_ == "since") or (tok.head.lower_ == "since" and tok.head.i < tok.i)


def _sentence_level(tok: Token) -> bool:
    """Does the time phrase hang from the sentence's main verb or the reporting verb ("said on Tuesday")?"""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return True
        if cur.head.pos_ in ("VERB", "AUX"):
            head = cur.head
            return head.head.i == head.i or head.lemma_.lower() in word_list("reporting")
        cur = cur.head
    return False


_OFFSET = re.compile(r"^P(?P<n>\d+)(?P<u>[DW])$")
_CLAUSE_PARTS = frozenset({"nsubj", "nsubjpass", "dobj", "xcomp"})   # the happening the clause is about


def long_before(t: TimeExpr, published: str | None, days: int = 183) -> bool:
    """Does the time phrase name a time that was over half a year before the report ('the 2004 tsunami' in a
    2013 story)? Told beside another mention of the happening, such a date is an earlier one's, not its date."""
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?!\d)", t.value or "")
    if not published or m is None:
        return False
    year, month, day = int(m[1]), int(m[2] or 12), int(m[3] or 0)
    try:
        end = dt.date(year, month, day) if day else \
            dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)   # the month's (year's) last day
        return (dt.date.fromisoformat(published) - end).days > days
    except ValueError:
        return False


def _offset_anchor(m: Mention) -> tuple[Token, Token] | None:
    """The 'after'/'before' word that opens the phrase the mention stands in, and the word the phrase hangs
    from: 'said a day after [Russia promised]', 'two days after [an attack] killed ...', 'a week after [the
    riots]'. None when the mention is not the happening that phrase names."""
    t = m.token
    for v in (t, t.head) if t.dep_ in _CLAUSE_PARTS else (t,):
        a = next((c for c in v.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        if a is not None:
            return (a, v.head) if v.head.i != v.i else None
    if t.dep_ == "conj" and t.head.dep_ == "pobj":
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("after", "before") and t.head.dep_ == "prep":
        return t.head, t.head.head
    return None


def _offset_time(m: Mention, times: Sequence[TimeExpr], floor: int,
                 published: str | None) -> TimeExpr | None:
    """The day of a happening named after an offset ('a day after ...', 'two weeks before ...'): the day of
    the clause the offset hangs from (its own dated day in the sentence, else the report's day when that clause
    is a reporting verb) moved back by the offset (forward for 'before'). Only day and week offsets."""
    found = _offset_anchor(m)
    if found is None:
        return None
    word, governor = found
    doc = m.sent.doc
    text = text_of(doc)
    offset = next((t for t in times if t.type == "DURATION" and 0 <= word.idx - t.end <= 3
                   and not text[t.end:word.idx].strip() and _OFFSET.match(t.value or "")), None)
    if offset is None:
        return None
    s0, s1 = m.unit
    inside = range(min(x.i for x in word.head.subtree), max(x.i for x in word.head.subtree) + 1) \
        if word.dep_ == "mark" else range(word.i, max(x.i for x in word.subtree) + 1)
    base = None
    for t in times:
        if not (s0 <= t.start < s1) or t.start < floor or not _dated(t) or len(t.value or "") < 10:
            continue
        tok = token_at(doc, t.start)
        if tok is None or tok.i in inside:
            continue
        if any(x.i == governor.i for x in (tok, *tok.ancestors)):
            base = t.value[:10]
            break
    if base is None and published and governor.lemma_.lower() in word_list("reporting"):
        base = published
    if base is None:
        return None
    step = _OFFSET.match(offset.value or "")
    days = int(step["n"]) * (7 if step["u"] == "W" else 1) * (-1 if word.lower_ == "after" else 1)
    try:
        day = dt.date.fromisoformat(base) + dt.timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    return offset.model_copy(update={"type": "DATE", "value": day.isoformat(), "precision": "day"})


def time_for(m: Mention, times: Sequence[TimeExpr], body_start: int = 0,
             published: str | None = None) -> tuple[TimeExpr | None, bool]:
    """The date of the mention and whether it is its sentence's own: a dated time expression of the sentence
    (not the dateline's), preferring one in the trigger's clause, then one that says more than the publication
    date ("yesterday" over "today"), then a full calendar date, then the nearest. Failing that, narrative time
    carries over: the last date mentioned earlier in the same paragraph of the body, else the last one in the
    body's first paragraph."""
    s0, s1 = m.unit
    doc = m.sent.doc
    floor = body_start if m.token.idx >= body_start else 0
    offset = _offset_time(m, times, floor, published)
    if offset is not None:
        return offset, True              # 'a day after Russia promised': counted from the clause it hangs from
    chain = {x.i for x in clause_chain(m.token)}
    scored = []
    period = False
    for t in times:
        if not (s0 <= t.start < s1) or t.start < floor or not _dated(t):
            continue
        tok = token_at(doc, t.start)
        if tok is None:
            continue
        if _since(tok):                  # "have killed 40 since June": a period's start, not the date
            period = True
            continue
        # up to three steps above the time phrase; a step from a verb to the verb it is coordinated with
        # is free ('killed ..., detained ... and found ... while pursuing him yesterday afternoon')
        path = [tok, *tok.ancestors]
        steps = [0, *accumulate(a.dep_ != "conj" for a in path[:-1])]
        near = any(a.i in chain for a, n in zip(path, steps) if n < 4)
        if not near and not _sentence_level(tok):
            continue                     # "Crimea, annexed by Russia in 2014": another clause's date
        informative = (t.value or "")[:10] != published
        full = t.type == "DATE" and len(t.value or "") == 10
        scored.append((near, informative, full, -abs(tok.i - m.token.i), t))
    if scored:
        best = max(scored, key=lambda x: x[:4])
        return best[4], best[0]         # its own only when in the trigger's clause, not the report's date
    if period:
        return None, False              # a running total up to the report: no earlier date carries over
    text = text_of(doc)
    earlier = sorted((t for t in times if floor <= t.start < s0 and _dated(t) and len(t.value or "") >= 10),
                     key=lambda t: -t.start)
    if not earlier:
        return None, False
    if earlier[0].start >= _paragraph_start(doc, s0):
        return earlier[0], False
    breaks = _breaks(doc)
    first_break = next((b for b in breaks if b > floor and text[floor:b].strip()), None)
    lead = [t for t in earlier if first_break is None or t.start < first_break]
    return (lead[0], False) if lead else (None, False)
