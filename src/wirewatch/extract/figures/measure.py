"""Read the count out of the noun phrase a casualty word counts: "at least 12 people", "a number of
insurgents", "a family of three", "him"; None when the phrase names no people ("two buckets", "34 days")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import text_of
from .casualty import is_range
from .lexicon import Lexicon
from .quantity import Quantity, read_quantity

__all__ = ["measure", "is_person"]

_ONE = {"him", "her", "himself", "herself", "he", "she"}
# Heads whose "of" phrase names who is counted ("a number of insurgents", "a total of 17 fighters").
_GROUP_HEADS = {"number", "group", "handful", "couple", "lot", "host", "pair", "band", "cell", "team", "total"}
_NOT_COUNTABLE = {"them", "it", "they", "us", "we", "you", "those", "these", "themselves", "who", "that", "which",
                  "this", "all", "none", "each"}
_SINGLE_DETS = {"a", "an", "the", "this", "that", "one", "another", "his", "her", "their", "its", "our", "my",
                "your"}
_AGE_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "yr", "yrs"}
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "ers", "ors", "ists", "ians", "ants",
                    "ents", "eers", "ees", "sman", "smen")
_NOT_PEOPLE = {"year", "day", "week", "month", "hour", "minute", "time", "percent", "cent", "animal", "bird",
               "cattle", "sheep", "goat", "horse", "dog", "cow", "tank", "vehicle", "car", "truck", "building",
               "house", "home", "weapon", "rifle", "gun", "round", "kilogram", "kilo", "pound", "ton", "tonne",
               "document", "item", "bucket", "deal", "bill", "plan", "idea", "project", "proposal", "engine",
               "chance", "hope", "momentum", "mood", "comment", "statement", "agreement", "movement",
               "equipment", "government", "parliament", "department", "fragment", "shipment", "amount", "payment",
               "event", "incident", "component", "content", "livestock", "camel", "donkey", "chicken", "poultry",
               "pig", "buffalo", "ox", "fish", "animal", "head", "crop", "tree", "plant", "hope", "pride", "deal",
               "decline", "rally", "growth", "price", "rate", "bid", "motion", "story", "game", "process", "time",
               "body", "corpse", "remains", "spirit", "morale", "trade", "business", "market", "economy", "light",
               "power", "signal", "part", "area", "place", "site", "way", "thing", "lot", "number", "total",
               "order", "case", "charge", "attack", "operation", "fire", "shot", "blast", "strike", "raid"}
_ABSTRACT = ("ment", "tion", "sion", "ness", "ity", "ism", "ance", "ence", "ship", "hood", "ing", "age")


def _is_quantity_word(t: Token, lx: Lexicon) -> bool:
    low = t.lower_
    return t.like_num or t.pos_ == "NUM" or low in lx.vague or low in lx.number_words or low in (
        "dozens", "hundreds", "thousands", "millions", "scores", "others", "many", "several", "few", "some")


def is_person(t: Token, lx: Lexicon) -> bool:
    """A word that names people: a noun from people.txt, a person or nationality, a bare name, "others"."""
    low, lemma = t.lower_, t.lemma_.lower()
    if low in lx.people or lemma in lx.people or t.ent_type_ in ("PERSON", "NORP"):
        return True
    if t.pos_ == "PROPN" and any(c.dep_ == "nummod" for c in t.children):
        return True                                 # "eight Taliban": a number on a group's name counts members
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


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_DATE_AFTER = re.compile(r"[\s.]*(\w+)\.?(?:\s+(\d{4})|\s*,)?")


def _is_date(doc: Doc, q: Quantity, base: int) -> bool:
    """"Around 8 May 2020": a day of the month, not a count ("May" itself only with a year or comma after it)."""
    m = _DATE_AFTER.match(text_of(doc), base + q.end)
    if m is None or m.group(1).lower() not in _MONTHS:
        return False
    return m.group(1) != "May" and m.group(1)[0].isupper() or m.group(2) is not None or m.group(0).rstrip().endswith(",")


def _with_qualifier(doc: Doc, start: int, lx: Lexicon) -> int:
    """Move the start back over a qualifier the parser hung elsewhere ("kidnapped [up to] 16 advisers")."""
    before = text_of(doc)[max(0, start - 24):start].lower()
    for phrase in lx.qualifiers:
        if before.endswith(phrase + " ") and (len(before) == len(phrase) + 1 or not before[-len(phrase) - 2].isalnum()):
            return start - len(phrase) - 1
    return start


def _looks_like_person(t: Token) -> bool:
    """After a word that only ever counts people (kill, detain), a concrete noun that is not a thing or an
    animal we know of counts people: "interpreter", "tribesmen", "one dahalo"."""
    low = t.lemma_.lower()
    return (t.pos_ == "NOUN" and low not in _NOT_PEOPLE and not low.endswith(_ABSTRACT)
            and (t.lower_.endswith(_PERSON_SUFFIXES) or t.ent_type_ == "" and not t.is_stop))


def _with_compounds(t: Token) -> list[Token]:
    """The children of a noun and of its compounds: "a sub-commander" parsed with "a" on the compound "sub"."""
    kids = list(t.children)
    return kids + [g for c in kids if c.dep_ == "compound" for g in c.children]


_COLLECTIVE = {"staff", "personnel", "police", "militia", "crew", "team", "family", "youth", "group", "people"}


def _listed_one(p: Token, lx: Lexicon) -> bool:
    """"A district police commander and 3 officers were killed": a singular person noun heading a list of counted
    people is one person, determiner or not (a collective noun, "staff", "militia", is not). A later noun of
    the list without its own determiner shares the first one's: "a local official and activist" is one man."""
    if p.dep_ == "conj" or not any(c.dep_ == "conj" for c in p.children):
        return False
    return p.tag_ == "NN" and p.lemma_.lower() not in _COLLECTIVE and (
        p.lower_ in lx.people or p.lemma_.lower() in lx.people)


def _counts_people(t: Token, lx: Lexicon, loose: bool) -> bool:
    return t.pos_ == "PRON" or is_person(t, lx) or (loose and _looks_like_person(t))


def measure(p: Token, lx: Lexicon, loose: bool = False,
            self_count: bool = False) -> tuple[Quantity, int, int, Token | None] | None:
    """(quantity, span start, span end, who) for the noun phrase headed by `p`, or None if it is no count;
    `who` is the word that says who was counted ("insurgents" of "a number of insurgents").

    `loose`: the casualty word only ever counts people (kill, detain), so a noun ending like a person noun
    ("interpreter", "contractors", "tribesmen") counts too. `self_count`: `p` is itself a casualty noun ("deaths").
    """
    doc = p.doc
    low = p.lower_
    if low in _ONE or (low == "another" and loose and not any(True for _ in p.children)):  # "captured another"
        return Quantity(1, None, None, "exact", 0, 0), p.idx, p.idx + len(p), None
    if low == "other" and loose and [c.lower_ for c in p.children] == ["the"]:   # "one was killed, the other held"
        det = next(p.children)
        return Quantity(1, None, None, "exact", 0, 0), det.idx, p.idx + len(p), None
    if low in _NOT_COUNTABLE:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in p.children) or low in ("none", "nobody"):
        return None
    left = p.left_edge.i
    pieces = [p]
    while left > 0 and doc[left - 1].dep_ == p.dep_ and doc[left - 1].head == p.head:   # "sub - commander"
        pieces.insert(0, doc[left - 1])
        left = doc[left - 1].left_edge.i
    if left > 1 and doc[left - 1].text == "-" and doc[left - 1].idx + 1 == p.idx and doc[left - 2].dep_ == p.dep_ \
            and doc[left - 2].head == p.head:       # "a Taliban sub-commander" split in three, all subjects
        pieces.insert(0, doc[left - 2])
        left = doc[left - 2].left_edge.i
    while left < p.i and (doc[left].is_punct or doc[left].dep_ in ("cc", "prep", "case", "poss")
                          and doc[left].head != p):
        left += 1
    start_char = _with_qualifier(doc, doc[left].idx, lx)
    end_tok = p
    who: Token | None = None
    read_end = p.idx + len(p)
    obj = _of_object(p)
    if obj is not None and (obj.like_num or obj.pos_ == "NUM") and (is_person(p, lx) or low in _GROUP_HEADS):
        read_end = obj.idx + len(obj)                           # "a family of three"
        end_tok = obj
        who = p if p.pos_ != "PROPN" and low not in _GROUP_HEADS else None
    elif low in _GROUP_HEADS and obj is not None:               # "a number of insurgents", "a group of men"
        if not _counts_people(obj, lx, loose):
            return None
        read_end = obj.idx + len(obj)                           # "a total of 17 fighters": read the 17 too
        end_tok = obj
        who = obj if obj.pos_ != "PRON" else None
    elif self_count:                                            # "ten insurgent deaths", "three bodies"
        kin = [c for c in p.children if c.dep_ in ("compound", "amod") and c.i < p.i
               and (is_person(c, lx) or c.ent_type_ == "NORP")]
        who = kin[-1] if kin else None
    elif _is_quantity_word(p, lx):
        if is_range(p):                                         # "between five and 23 of them"
            upper = next(c for c in p.children if c.dep_ == "conj")
            read_end = upper.idx + len(upper)
            end_tok = upper
        if obj is not None:
            if not _counts_people(obj, lx, loose):
                return None
            end_tok = obj
            who = obj if obj.pos_ != "PRON" else None
    elif is_person(p, lx) or (loose and _looks_like_person(p) and (obj is None or _counts_people(obj, lx, loose))):
        who = p if p.pos_ != "PROPN" else None      # a guessed person noun, but not "a series of bombs"
    elif p.pos_ == "PROPN" and obj is not None and is_person(obj, lx) and obj.pos_ == "NOUN":
        end_tok = who = obj                                     # "an Islamic Movement of Uzbekistan facilitator"
        read_end = obj.idx + len(obj)
    else:
        return None
    text = text_of(doc)[start_char: read_end]
    q = read_quantity(text, lx)
    if q is not None and (_is_age(doc, q, start_char) or _is_date(doc, q, start_char)):
        q = None
    if q is None:
        if _is_quantity_word(p, lx) and p.lower_ == "others":
            return None
        single = p.tag_ in ("NN", "NNP") and (p.ent_type_ == "PERSON" or p.pos_ == "PROPN" and p.ent_type_ in (
            "", "PERSON", "ORG") or any(
            c.dep_ in ("det", "poss", "nummod") and c.lower_ in _SINGLE_DETS | {"'s"} or c.dep_ == "poss"
            for piece in pieces for c in _with_compounds(piece)))
        single = single or _listed_one(p, lx)
        if not single:
            return None
        q = Quantity(1, None, None, "exact", 0, len(text))
    end_char = end_tok.idx + len(end_tok)
    return q, start_char + q.start, end_char, who
