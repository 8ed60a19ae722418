"""Figures stage: counts of people killed, injured, displaced, missing or captured, with their qualifiers.

A figure is only made where a casualty word (data/figures/triggers.json) counts a noun phrase that names
people or is a bare quantity ("33 injured", "killed or injured thousands"): "eight people" at a table, "two
buckets", "34 days", "Article 5" or "World War 2" are never figures because nothing kills, injures or
displaces them. See docs/figures.md for every rule.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span as SpacySpan, Token

from ...model import Figure, Place, TimeExpr
from .. import Found, Stage, text_of, tokens_of, word_hits
from .casualty import patients, trigger_category
from .lexicon import Lexicon, lexicon
from .quantity import Quantity, read_quantity

__all__ = ["find", "stage", "read_quantity"]

_ONE = {"him", "her", "himself", "herself", "he", "she"}
_GROUP_HEADS = {"number", "group", "handful", "couple", "lot", "host", "pair", "band", "cell", "team"}
_NOT_COUNTABLE = {"them", "it", "they", "us", "we", "you", "those", "these", "themselves", "who", "that", "which",
                  "this", "all", "none", "each"}
_SINGLE_DETS = {"a", "an", "the", "this", "that", "one", "another", "his", "her", "their", "its", "our", "my",
                "your"}
_AGE_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "yr", "yrs"}
_MERGE = {frozenset({"killed", "injured"}): "killed_or_injured"}


def _is_quantity_word(t: Token, lx: Lexicon) -> bool:
    low = t.lower_
    return t.like_num or t.pos_ == "NUM" or low in lx.vague or low in lx.number_words or low in (
        "dozens", "hundreds", "thousands", "millions", "scores", "others", "many", "several", "few", "some")


def _is_person(t: Token, lx: Lexicon) -> bool:
    low, lemma = t.lower_, t.lemma_.lower()
    if low in lx.people or lemma in lx.people or t.ent_type_ in ("PERSON", "NORP"):
        return True
    return (t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON")) or low == "others"


def _of_object(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _is_age(doc: Doc, q: Quantity, base: int) -> bool:
    """"a 12-year-old", "aged 34", "34 years old": a number that is an age, not a count."""
    after = text_of(doc)[base + q.end: base + q.end + 12].lower().lstrip(" -")
    before = text_of(doc)[max(0, base + q.start - 6): base + q.start].lower()
    return after.split("-")[0].split(" ")[0] in _AGE_WORDS or before.strip().endswith("aged")


_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "ers", "ors", "ists", "ians", "ants",
                    "ents", "eers", "ees")
_NOT_PEOPLE = {"year", "day", "week", "month", "hour", "minute", "time", "percent", "cent", "animal", "bird",
               "cattle", "sheep", "goat", "horse", "dog", "cow", "tank", "vehicle", "car", "truck", "building",
               "house", "home", "weapon", "rifle", "gun", "round", "kilogram", "kilo", "pound", "ton", "tonne",
               "document", "item", "bucket", "deal", "bill", "plan", "idea", "project", "proposal", "engine",
               "chance", "hope", "momentum", "mood", "element", "comment", "statement", "agreement", "movement",
               "equipment", "government", "parliament", "department", "fragment", "shipment", "amount", "payment",
               "element", "event", "incident", "component", "content"}
# Verbs whose object is a person unless it says otherwise ("killed an interpreter").
_PEOPLE_VERBS = {"kill", "murder", "slay", "execute", "massacre", "behead", "assassinate", "injure", "wound",
                 "maim", "detain", "arrest", "apprehend", "abduct", "kidnap", "die", "perish", "flee"}


def _looks_like_person(t: Token) -> bool:
    low = t.lemma_.lower()
    return (t.pos_ == "NOUN" and low not in _NOT_PEOPLE and not low.endswith("ment")
            and t.lower_.endswith(_PERSON_SUFFIXES))


def measure(p: Token, lx: Lexicon, loose: bool = False,
            self_count: bool = False) -> tuple[Quantity, int, int, str | None] | None:
    """(quantity, span start, span end, who) for the noun phrase headed by `p`, or None if it is no count.

    `loose`: the casualty word only ever counts people (kill, detain), so a noun ending like a person noun
    ("interpreter", "contractors") counts too. `self_count`: `p` is itself a casualty noun ("deaths").
    """
    doc = p.doc
    low = p.lower_
    if low in _ONE:
        return Quantity(1, None, None, "exact", 0, 0), p.idx, p.idx + len(p), None
    if low in _NOT_COUNTABLE:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in p.children) or low in ("none", "nobody"):
        return None
    left = p.left_edge.i
    while left < p.i and (doc[left].is_punct or doc[left].dep_ in ("cc", "prep", "case", "poss")
                          and doc[left].head != p):
        left += 1
    start_char = doc[left].idx
    end_tok = p
    who: str | None = None
    read_end = p.idx + len(p)
    if low in _GROUP_HEADS and _of_object(p) is not None:     # "a number of insurgents", "a group of men"
        obj = _of_object(p)
        if obj.pos_ != "PRON" and not _is_person(obj, lx) and not (loose and _looks_like_person(obj)):
            return None
        read_end = obj.head.idx + len(obj.head)
        end_tok = obj
        who = obj.lower_ if obj.pos_ != "PRON" else None
    elif self_count:                                            # "ten insurgent deaths", "three bodies"
        kin = [c for c in p.children if c.dep_ in ("compound", "amod") and c.i < p.i
               and (_is_person(c, lx) or c.ent_type_ == "NORP")]
        who = kin[-1].lower_ if kin else None
    elif _is_quantity_word(p, lx):
        obj = _of_object(p)
        if obj is not None:
            if obj.pos_ != "PRON" and not _is_person(obj, lx) and not (loose and _looks_like_person(obj)):
                return None
            end_tok = obj
            who = obj.lower_ if obj.pos_ != "PRON" else None
    elif _is_person(p, lx) or (loose and _looks_like_person(p)):
        who = p.lower_ if p.pos_ != "PROPN" else None
    else:
        return None
    text = text_of(doc)[start_char: read_end]
    q = read_quantity(text, lx)
    if q is not None and _is_age(doc, q, start_char):
        q = None
    if q is None:
        if _is_quantity_word(p, lx) and p.lower_ == "others":
            return None
        single = p.tag_ in ("NN", "NNP") and (p.ent_type_ == "PERSON" or p.pos_ == "PROPN" or any(
            c.dep_ in ("det", "poss", "nummod") and c.lower_ in _SINGLE_DETS | {"'s"} or c.dep_ == "poss"
            for c in p.children))
        if not single:
            return None
        q = Quantity(1, None, None, "exact", 0, len(text))
    end_char = end_tok.idx + len(end_tok)
    return q, start_char + q.start, end_char, who


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
            while head.dep_ in ("compound", "appos", "conj", "npadvmod") and head.head is not head:
                head = head.head
            return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE
        inside = [x for x in inside if is_locative(x)]
    if not inside:
        return None
    return min(inside, key=lambda x: abs(x.start - anchor)).id


def _sum_coordinated(by_patient: dict[tuple[int, str], dict[str, Any]], group: list[tuple[int, str]]) -> None:
    """"detained a leader and two associates": one figure of 3 over the whole phrase, if every part is exact."""
    parts = [by_patient[i] for i in group]
    if len(parts) < 2 or any(x["q"].qualifier != "exact" or x["q"].value is None for x in parts):
        return
    first = parts[0]
    total = sum(x["q"].value for x in parts)
    first["q"] = Quantity(total, None, None, "exact", 0, 0)
    first["start"] = min(x["start"] for x in parts)
    first["end"] = max(x["end"] for x in parts)
    first["who"] = next((x["who"] for x in reversed(parts) if x["who"]), None)
    for i in group[1:]:
        del by_patient[i]


_TRY_VERBS = {"attempt", "try", "plan", "threaten", "seek", "vow", "plot", "aim", "intend", "want", "fail",
              "conspire", "prepare"}


def _unrealised(t: Token) -> bool:
    """"tried to assassinate X", "threatened to kill 100": nobody was counted yet."""
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in _TRY_VERBS


def _or_partner(t: Token, category: str, lx: Lexicon) -> str:
    """"killed or injured thousands": the two words count the same people once, as killed_or_injured;
    other pairs joined by "or" ("captured or killed") are `other`."""
    pairs = []
    if t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("or", "and/or") for c in t.head.children):
        pairs.append(t.head)
    pairs += [c for c in t.children if c.dep_ == "conj"
              and any(g.dep_ == "cc" and g.lower_ in ("or", "and/or") for g in t.children)]
    for other in pairs:
        hit = trigger_category(other, lx)
        if hit is not None and hit[0] != category:
            category = _MERGE.get(frozenset({category, hit[0]}), "other")
    return category


def find(doc: Doc, found: Found) -> dict[str, Any]:
    """Every casualty/displacement/capture figure in the article, in text order."""
    lx = lexicon()
    text = found.text
    by_patient: dict[tuple[int, str], dict[str, Any]] = {}
    tokens = tokens_of(doc)
    for t in (tokens[i] for i in word_hits(doc, lx.trigger_words)):  # the shared pre-filter: no tags read for the rest
        hit = trigger_category(t, lx)
        if hit is None or any(c.dep_ == "neg" for c in t.children) or _unrealised(t):
            continue
        category, role = hit
        category = _or_partner(t, category, lx)
        group: list[int] = []
        for p in patients(t, role):
            if p.pos_ == "PROPN" and any(pl.start <= p.idx < pl.end for pl in found.places):
                continue
            if (p.i, category) in by_patient:     # the same people counted by the same kind of word again
                continue
            m = measure(p, lx, loose=t.lemma_.lower() in _PEOPLE_VERBS, self_count=p is t)
            if m is None:
                continue
            q, start, end, who = m
            if q.value is None and q.low is None and q.qualifier != "vague":
                continue
            if category == "displaced" and q.value == 1 and q.end - q.start in (0, len(text[start:end])):
                continue                                  # "he fled the scene": one person leaving is no displacement
            by_patient[(p.i, category)] = {"category": category, "q": q, "start": start, "end": end, "who": who,
                                           "trigger": t}
            group.append((p.i, category))
        _sum_coordinated(by_patient, group)
    figures: list[Figure] = []
    for item in sorted(by_patient.values(), key=lambda d: d["start"]):
        q: Quantity = item["q"]
        trig: Token = item["trigger"]
        figures.append(Figure(
            id=f"f{len(figures) + 1}", text=text[item["start"]:item["end"]], start=item["start"], end=item["end"],
            category=item["category"], value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
            who=item["who"], place=_nearest(found.places, trig.sent, trig.idx, locative=True),
            time=_nearest(found.times, trig.sent, trig.idx),
        ))
    return {"figures": figures}


stage = Stage(name="figures", fn=find, requires=("times", "places"), assigns=("figures",))
