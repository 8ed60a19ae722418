"""How place mentions relate to each other and to the words around them: 'Donetsk region' (a division),
'Alexandria, La.' / 'Tome (Biobio)' (a qualifier), 'Rubizhne, north of Kharkiv' (near), 'Palanpur area of
Surat' (within), and the organisations and groups that are not places at all ('the EU', 'the Baltic states')."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .. import tokens_of
from .lexicon import PLURAL_TYPE_WORDS, SETTLEMENT_WORDS, TYPE_WORDS, not_places, relation_pattern
from .mention import Mention

DIRECTION_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
                   "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
                   "southwestern", "rural"}
# 'the state of X', 'the province of X': the name is the division (lower case: 'Secretary of State X' is a title)
TOWN_WORDS = {"city", "town", "village", "hamlet"}  # lower case: 'Quezon City' is a name
DIVISION_BEFORE_OF = {"state", "province", "region", "oblast", "governorate", "prefecture", "emirate", "canton",
                      "department", "county", "district"}

__all__ = ["attach_lists", "attach_qualifiers", "attach_relations", "attach_types", "drop_not_places"]


def drop_not_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """Organisations and groups ('EU', 'Nato', 'the Baltic states') are not places, nor is any part of them."""
    spans = [(m.start(), m.end()) for m in not_places().finditer(text)]
    if not spans:
        return mentions
    return [m for m in mentions if not any(a < m.end and m.start < b for a, b in spans)]


_PART_OF = re.compile(r"\s+(?:area|neighbou?rhood|sector|district|suburb|quarter|village|town|locality|camp|"
                      r"settlement|township|commune|ward|colony|zone)\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?", re.I)


def attach_relations(text: str, mentions: list[Mention]) -> None:
    """'north of Kharkiv', 'near Lozova': mark the relation; 'Rubizhne, north of Kharkiv': link the two."""
    pattern = relation_pattern()
    for prev, m in zip(mentions, mentions[1:]):
        if prev.sentence == m.sentence and _PART_OF.fullmatch(text, prev.end, m.start):
            prev.within = m  # 'Palanpur area of Surat', 'Hilaac neighborhood of Mogadishu'
    for i, m in enumerate(mentions):
        lo = max(0, m.start - 60, mentions[i - 1].end if i else 0)
        found = pattern.search(text, lo, m.start)
        if found is None:
            continue
        m.relation = " ".join(found["rel"].lower().split())
        if i and mentions[i - 1].sentence == m.sentence:
            prev = mentions[i - 1]
            gap = text[prev.end:found.start("rel")]
            if re.fullmatch(r"\s*,?\s*(?:(?:a|the|an)\s+(?:\w+\s+){0,2}(?:village|town|city|settlement|"
                            r"hamlet|suburb|district)\s*,?\s*(?:just\s+|some\s+)?|(?:just|some|located|lying)\s+|"
                            r"(?:village|town|city|settlement|hamlet|area|locality)\s+)?", gap, re.I):
                prev.near = m


def attach_types(doc: Doc, mentions: list[Mention]) -> None:
    """'Donetsk region', 'Donetsk and Luhansk regions', 'Laurel County': mark divisions."""
    for idx, m in enumerate(mentions):
        i = m.tok_start
        if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].text in DIVISION_BEFORE_OF:
            m.admin_hint = True  # 'the state of Washington', 'the province of Ontario'
        j = m.tok_end
        if j < len(doc) and doc[j].text in TOWN_WORDS or i >= 2 and doc[i - 1].lower_ == "of" \
                and doc[i - 2].text in TOWN_WORDS:
            m.town_hint = True  # 'Dar'a city', 'the town of Kut': not the governorate of that name
        if j < len(doc) and doc[j].text.lower() in TYPE_WORDS:
            m.admin_hint = True
            m.region_word = doc[j].lower_ in ("region", "regions")
            if doc[j].text.lower() in PLURAL_TYPE_WORDS:  # 'Camden and Charlton counties'
                for prev in reversed(mentions[:idx]):
                    gap = doc[prev.tok_end:m.tok_start]
                    if all(t.text.lower() in (",", "and") or t.text[:1].isupper() for t in gap):  # unknown names too
                        prev.admin_hint = True
                        m = prev
                    else:
                        break


def attach_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
    """'Alexandria, La.' / 'Gainesville, Georgia' / 'Kyiv, Ukraine': the second names what the first lies in.

    When a candidate of the first lies in a division the second can name ('in Lozova, Kharkiv': Kharkiv
    Oblast), the second is read as that division, not as the town of the same name."""
    starts = {m.tok_start for m in mentions}
    for a, b in zip(mentions, mentions[1:]):
        if any(c.feature_code in ("PCLI", "CONT", "RGN") and c.kind <= 1 for c in a.candidates):
            continue  # 'Germany, US, France': a list, not 'Town, State'
        if _sibling_divisions(a, b):
            continue  # 'Alberta, Manitoba, Ontario': divisions listed side by side, not one inside the other
        listed = b.tok_end + 1 < len(doc) and doc[b.tok_end].lower_ in (",", "and", "or") and \
            (b.tok_end + 1 in starts or doc[b.tok_end + 1].lower_ == "and" and b.tok_end + 2 in starts)
        # 'Ashulia town (Savar, Dhaka)': a settlement word may stand between the name and its brackets
        gap = [t.lower_ for t in doc[a.tok_end:b.tok_start]]
        if len(gap) == 2 and gap[0] in SETTLEMENT_WORDS | {"locality", "area", "camp"} and gap[1] == "(" \
                and not b.demonym:
            a.qualifier = [c for c in b.candidates if c.feature_code in ("PCLI", "ADM1", "ADM2", "PCLS", "PCLD")]
            a.within = b
            if _holds(a, any_size=True):
                b.admin_hint = True  # 'Hays city (Al Hudaydah)': the governorate, not the city of that name
            continue
        if gap and gap[0] == "," and len(gap) >= 2:
            gap = gap[1:]
        if gap and gap[-1] in DIRECTION_WORDS and len(gap) >= 2:
            gap = gap[:-1]  # 'Monroe County in northeast Missouri'
        if gap and gap[-1] == "in" and len(gap) <= 2 and (len(gap) == 1 or gap[0] in TYPE_WORDS) and not b.demonym:
            _qualify_by_in(doc, mentions, a, b)
            continue
        if b.tok_start == a.tok_end + 1 and doc[a.tok_end].text in (",", "(") and not b.demonym:
            a.qualifier = [c for c in b.candidates if c.feature_code in ("PCLI", "ADM1", "ADM2", "PCLS", "PCLD")]
            if doc[a.tok_end].text == "(" or not a.candidates and not listed:
                a.within = b  # 'Hadba (Tripoli)'; 'Ashulia, Savar' when Ashulia is unknown
            if doc[a.tok_end].text == "(":  # 'Mongbwalu (Djugu, Ituri)': both names in the brackets qualify
                c_ = next((c for c in mentions if c.tok_start == b.tok_end + 1 and doc[b.tok_end].text == ","), None)
                if c_ is not None:
                    a.qualifier += [c for c in c_.candidates if c.feature_code in ("PCLI", "ADM1", "ADM2")]
            if _holds(a) and not listed:
                b.admin_hint = True  # 'Lozova, Kharkiv': the oblast ('Lozova, Kharkiv, Izium' is a list)
                a.within = b
            elif a.qualifier and not listed and not any(
                    c.country_code == q.country_code and (q.feature_code != "ADM1" or c.admin1_code == q.admin1_code)
                    for q in a.qualifier for c in a.candidates):
                a.within = b  # 'Holliday, Missouri' with no Holliday known in Missouri: placed in the state, not in Texas


def _holds(a: Mention, any_size: bool = False) -> bool:
    """Whether a division among `a`'s qualifiers holds a town `a` can be ('Lozova, Kharkiv': Kharkiv Oblast).
    `any_size`: the text says `a` is a settlement ('Hays city (Al Hudaydah)'), so a small one counts too."""
    towns = [c for c in a.candidates if c.feature_class in ("P", "S") or c.feature_code in ("ADM2", "ADM3")]
    biggest = max((c.population for c in towns if c.kind <= 1), default=0)
    towns = [c for c in towns if c.kind <= 1 or not biggest]  # a town known by that very name
    if not any_size:
        towns = [c for c in towns if c.population * 20 >= biggest]  # not a hamlet beside a metropolis
    return any(q.feature_code in ("ADM1", "ADM2") and any(
        t.country_code == q.country_code and t.admin1_code == q.admin1_code for t in towns) for q in a.qualifier)


def _qualify_by_in(doc: Doc, mentions: list[Mention], a: Mention, b: Mention) -> None:
    """'Charlton County in Georgia', 'Camden and Charlton counties in Georgia': the second names what the first
    (and the names listed with it) lie in, when a reading of the first does lie there ('the war in Ukraine' has
    no place before 'in'; 'from Kyiv in Donetsk' qualifies nothing)."""
    quals = [c for c in b.candidates if c.feature_code in ("PCLI", "ADM1", "ADM2", "PCLS", "PCLD") and c.kind <= 1]
    i = mentions.index(a)
    chain = [a]
    while i > 0 and all(t.lower_ in (",", "and", "or") for t in doc[mentions[i - 1].tok_end:mentions[i].tok_start]) \
            and mentions[i - 1].tok_end < mentions[i].tok_start:
        i -= 1
        chain.append(mentions[i])
    for m in chain:
        fits = [q for q in quals if any(c.country_code == q.country_code and (q.feature_code not in ("ADM1", "ADM2")
                                        or c.admin1_code == q.admin1_code) and c.geonameid != q.geonameid
                                        for c in m.candidates)]
        if fits:
            m.qualifier = fits


def _sibling_divisions(a: Mention, b: Mention) -> bool:
    """'Alberta, Manitoba': both names are first-level divisions of one country, so the second cannot be
    what the first lies in (a list of states or provinces, not 'Town, State')."""
    a1 = {c.country_code for c in a.candidates if c.feature_code == "ADM1" and c.kind <= 1}
    if not a1:
        return False
    b_top = [c for c in b.candidates if c.kind <= 1 and c.feature_code in ("ADM1", "PCLI", "PCLS", "PCLD")]
    return bool(b_top) and all(c.feature_code == "ADM1" and c.country_code in a1 for c in b_top)


def attach_lists(doc: Doc, mentions: list[Mention]) -> None:
    """'British Columbia, Alberta, Manitoba, Ontario and New Brunswick': names listed together are usually
    of one kind (all provinces, all countries). A list has three names or more, or an 'and'/'or'; a pair
    already read as 'Town, State' is not a list."""
    groups: list[list[Mention]] = []
    joined_by_word: list[bool] = []
    tokens = tokens_of(doc)
    for a, b in zip(mentions, mentions[1:]):
        if a.sentence != b.sentence or b.tok_start <= a.tok_end or a.within is b or a.qualifier:
            continue
        between = tokens[a.tok_end:b.tok_start]  # stop at the first other word: not the whole sentence's words
        if not all(t.lower_ in (",", "and", "or") for t in between):
            continue
        gap = [t.lower_ for t in between]
        if groups and groups[-1][-1] is a:
            groups[-1].append(b)
            joined_by_word[-1] |= "and" in gap or "or" in gap
        else:
            groups.append([a, b])
            joined_by_word.append("and" in gap or "or" in gap)
    for group, by_word in zip(groups, joined_by_word):
        if len(group) >= 3 or by_word:
            for m in group:
                m.listed = [o for o in group if o is not m]
