"""Toponym recognition: gazetteer matching over the tokens, checked against spaCy's tags and entities.

The gazetteer drives recognition (the small English model calls Kyiv a person and Mariupol an
organisation); spaCy's GPE/LOC spans add what the gazetteer lacks, and its PERSON/ORG spans and
part-of-speech tags veto names that are only words here ("Reading is fun", "George Washington").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from ...gazetteer import Candidate, Gazetteer, key
from .. import ents_of, sentence_bounds, sentence_of, text_of

MAX_TOKENS = 6
CONNECTORS = {"of", "de", "del", "la", "le", "du", "des", "al", "el", "and", "on", "upon", "the", "-", "da", "di",
              "am", "an", "der", "sur", "en", "y", "i", "'s", "los", "las", "do", "dos", "das", "van", "von", "bin",
              "ben", "ibn", "abu", "bou", "sous", "lès", "les", "lez"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward", "towards", "via",
            "through", "throughout", "between", "inside", "off", "northern", "southern", "eastern", "western",
            "central", "city", "town", "village", "of"}
TYPE_WORDS = {"region", "regions", "oblast", "oblasts", "province", "provinces", "governorate", "state", "krai",
              "county", "district", "republic"}
INSTITUTIONS = {"police", "fire", "department", "county", "city", "school", "schools", "high", "university", "college",
                "hospital", "council", "board", "commission", "sheriff", "church", "airport", "state", "public", "area",
                "community", "regional", "memorial", "medical", "center", "centre", "township", "municipal", "court",
                "superior", "district", "middle", "elementary", "town", "village", "zoo", "library", "museum"}
SETTLEMENT_WORDS = {"village", "town", "city", "settlement", "suburb", "hamlet", "port", "capital", "district",
                    "region", "province", "community", "township", "county"}
PLACE_WORDS = TYPE_WORDS | {"people's", "people", "republic", "city", "island", "islands", "sea", "river"}
STREET_WORDS = {"St", "St.", "Street", "Road", "Rd", "Rd.", "Avenue", "Ave", "Ave.", "Blvd", "Blvd.", "Boulevard",
                "Drive", "Dr.", "Lane", "Ln", "Ln.", "Pike", "Parkway", "Pkwy", "Terrace", "Crescent"}
NOT_PLACE_NEXT = {"dollar", "dollars", "currency", "treasury", "treasuries", "bonds", "virus", "viruses", "fever", "hemorrhagic", "haemorrhagic", "disease", "flu", "influenza", "strain", "vaccine", "syndrome"}
GOOD_LABELS = {"GPE", "LOC", "FAC"}
BAD_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE", "DATE", "TIME",
              "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERCENT"}
NOTABLE_CODES = {"PCLI", "PCLS", "PCLD", "PCLIX", "CONT", "ADM1", "RGN", "SEA", "OCN", "GULF", "PEN", "MTS", "ISL",
                 "ADMD", "PPLC"}


@dataclass
class Mention:
    """A toponym in the text, with its gazetteer candidates (empty if only spaCy saw it)."""

    start: int  # character offsets
    end: int
    tok_start: int
    tok_end: int
    key: str
    candidates: list[Candidate]
    sentence: int
    ner: str | None = None
    demonym: bool = False
    admin_hint: bool = False  # followed by 'region', 'Oblast', 'County' ...: a division, not a town
    qualifier: list[Candidate] = field(default_factory=list)  # 'Alexandria, La.': what it lies in
    evidence: float = 0.0
    relation: str | None = None  # 'north of', 'near': the text places something near this place, not at it
    near: Mention | None = None  # 'Rubizhne, north of Kharkiv': the place this one is said to lie near
    within: Mention | None = None  # 'Ashulia town (Savar, Dhaka)', 'Palanpur area of Surat': what it lies in


def _data_lines(name: str) -> list[str]:
    path = files("wirewatch").joinpath("data", "gazetteer", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(_data_lines("common_words.txt"))


@lru_cache(maxsize=1)
def not_places() -> re.Pattern[str]:
    """Organisations and groups of countries (not_places.txt), as one case-sensitive whole-word pattern."""
    names = sorted(_data_lines("not_places.txt"), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])(?!\s+(?:of\s+)?[A-Z])")


@lru_cache(maxsize=1)
def relation_pattern() -> re.Pattern[str]:
    """'30 km north of', 'near', 'on the outskirts of' right before a place (relations.txt), at the end of a string."""
    return re.compile(rf"(?:^|\W)(?P<rel>{_relation_core()})\s+(?:the\s+(?:city|town|village|settlement|port|region)"
                      rf"\s+of\s+)?$", re.I)


@lru_cache(maxsize=1)
def relation_ahead() -> re.Pattern[str]:
    """The same relations at the start of a string ('north of Kharkiv' after 'Rubizhne, ')."""
    return re.compile(rf"\s*(?P<rel>{_relation_core()})\s", re.I)


def _relation_core() -> str:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _data_lines("relations.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    dirs = "|".join(re.escape(d) for d in sorted(sections.get("directions", []), key=len, reverse=True))
    rels = "|".join(re.escape(r) for r in sorted(sections.get("relations", []), key=len, reverse=True))
    distance = r"(?:(?:about|some|around|roughly|nearly|just)\s+)?\d[\d,.]*\s*-?\s*(?:km|kms|kilometers|kilometres|miles|mi)\s+"
    direction = rf"(?:{distance})?(?:{dirs})(?:ern\s+(?:outskirts|suburbs|part|edge)|ward)?\s+of"
    return rf"{direction}|(?:{distance})?(?:{rels})"


def _capitalised(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[:3] in ("al-", "el-") and len(t) > 3))


def _span_key(doc: Doc, i: int, j: int) -> str:
    return key(doc[i:j].text)


def _ngram_keys(doc: Doc) -> dict[tuple[int, int], str]:
    """Keys of every token n-gram that could be a name: starts and ends capitalised, short connectors inside."""
    out: dict[tuple[int, int], str] = {}
    words, spaces = _words_and_spaces(doc)
    starts = [False] * len(words)
    for a, _ in sentence_bounds(doc):
        starts[a] = True
    caps = [bool(w) and (w[0].isupper() or (w[:3] in ("al-", "el-") and len(w) > 3)) for w in words]
    n = len(doc)
    for i in range(n):
        if not caps[i]:
            continue
        surface = words[i]
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            last = words[j - 1]
            if j - 1 > i:
                if starts[j - 1] or "\n" in spaces[j - 2] or "\n" in last:
                    break
                if not (caps[j - 1] or last.lower() in CONNECTORS or last == "."):
                    break
                surface += spaces[j - 2] + last
            if caps[j - 1] or last == ".":
                out[(i, j)] = _key(surface)
    return out


_key = lru_cache(maxsize=1 << 16)(key)   # names recur across articles; normalising one costs microseconds


def _words_and_spaces(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's text and trailing whitespace, cut from the text by offset (no spaCy Token objects)."""
    text = text_of(doc)
    if not len(doc):
        return [], []
    idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
    ends = [a + n for a, n in zip(idx, length)]
    nexts = idx[1:] + [len(text)]
    return [text[a:e] for a, e in zip(idx, ends)], [text[e:b] for e, b in zip(ends, nexts)]


def _entity_at(ents: list[Span], i: int) -> Span | None:
    for e in ents:
        if e.start <= i < e.end:
            return e
    return None


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Place mentions in text order (demonyms included, flagged), each with its candidates."""
    grams = _ngram_keys(doc)
    known = gaz.known_keys(grams.values())
    demonyms = gaz.demonyms(grams.values())
    sent_of = sentence_of(doc)
    ents = list(ents_of(doc))
    person_words = _person_words(ents)
    ends: dict[int, list[int]] = {}     # start token -> ends of the n-grams that name a place, longest first
    for (i, j), k in grams.items():
        if k in known or k in demonyms:
            ends.setdefault(i, []).append(j)
    chosen: list[tuple[int, int]] = []
    reached = 0
    for i in sorted(ends):               # longest match first, left to right, no overlaps
        if i >= reached:
            reached = max(ends[i])
            chosen.append((i, reached))
    cands = gaz.lookup_keys(grams[c] for c in chosen)
    mentions: list[Mention] = []
    pending: list[Mention] = []  # turned down for want of evidence, not for a reason
    for i, j in chosen:
        k = grams[(i, j)]
        ent = _entity_at(ents, i)
        m = Mention(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), i, j, k, cands.get(k, []), sent_of[i],
                    ner=ent.label_ if ent is not None else None)
        if k in demonyms:
            m.demonym = True
            m.candidates = [demonyms[k]]
        if _keep(doc, m, ent, person_words):
            mentions.append(m)
        elif m.evidence == 0.0 and m.candidates and any(c.kind <= 1 for c in m.candidates):
            pending.append(m)
    mentions.extend(_coordinated(doc, mentions, pending))
    mentions.extend(_ner_only(doc, mentions, gaz, sent_of, person_words))
    mentions = _drop_not_places(text_of(doc), mentions)
    mentions.sort(key=lambda m: m.start)
    _attach_types(doc, mentions)
    _attach_qualifiers(doc, mentions)
    _attach_relations(text_of(doc), mentions)
    return mentions


def _drop_not_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """Organisations and groups ('EU', 'Nato', 'the Baltic states') are not places, nor is any part of them."""
    spans = [(m.start(), m.end()) for m in not_places().finditer(text)]
    if not spans:
        return mentions
    return [m for m in mentions if not any(a < m.end and m.start < b for a, b in spans)]


_PART_OF = re.compile(r"\s+(?:area|neighbou?rhood|sector|district|suburb|quarter|village|town|locality|camp|"
                      r"settlement|township|commune|ward|colony|zone)\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?", re.I)


def _attach_relations(text: str, mentions: list[Mention]) -> None:
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


def _keep(doc: Doc, m: Mention, ent: Span | None, person_words: frozenset[str]) -> bool:
    """Decide whether a gazetteer match is a toponym here; sets `m.evidence` (0 … 1)."""
    if m.demonym:
        m.evidence = 0.9 if m.ner in (None, "NORP", "GPE") else 0.5
        return m.ner in (None, "NORP", "GPE", "LOC")
    first, last = doc[m.tok_start], doc[m.tok_end - 1]
    text = doc[m.tok_start:m.tok_end].text
    single = m.tok_end - m.tok_start == 1
    main_name = any(c.kind <= 1 for c in m.candidates)
    notable = any((c.feature_code in NOTABLE_CODES or c.population >= 100_000) and (c.kind <= 1 or not main_name)
                  for c in m.candidates)
    prev = doc[m.tok_start - 1] if m.tok_start > 0 else None
    nxt = doc[m.tok_end] if m.tok_end < len(doc) else None
    locative = prev is not None and prev.text.lower() in LOCATIVE
    qualified = nxt is not None and nxt.text in (",", "(") and m.tok_end + 1 < len(doc) \
        and _capitalised(doc[m.tok_end + 1])  # 'Alexandria, La.', 'Tome (Biobio)'
    # 'Tulcan city', 'Mongbwalu locality', 'the village of Ersam': what kind of place the name is
    settled = nxt is not None and nxt.lower_ in SETTLEMENT_WORDS | {"locality", "camp", "area"} or (
        prev is not None and prev.lower_ == "of" and m.tok_start >= 2 and doc[m.tok_start - 2].lower_ in SETTLEMENT_WORDS)
    typed = nxt is not None and nxt.text.lower() in TYPE_WORDS or (
        not single and last.text.lower() in TYPE_WORDS | {"parish", "county", "district"}
        and any(c.feature_class == "A" for c in m.candidates))  # 'Rapides Parish', 'Kherson Oblast'
    # 'Ostrivka, a village in ...', 'Bakhmut, the eastern city': an apposition that says what it is
    apposed = nxt is not None and nxt.text == "," and (any(
        t.lower_ in SETTLEMENT_WORDS for t in doc[m.tok_end + 1: m.tok_end + 5]) or bool(relation_ahead().match(
            doc[m.tok_end + 1: m.tok_end + 6].text + " ")))  # 'Rubizhne, north of Kharkiv'

    inside_longer = ent is not None and (ent.start < m.tok_start or ent.end > m.tok_end)
    good_ner = m.ner in GOOD_LABELS and not inside_longer
    time_like = m.ner in ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL")
    dateline = first.is_upper and len(text) > 3 and (nxt is not None and nxt.text in (",", "-", "(", "\u2014", ":"))
    m.evidence = -1.0  # a hard no unless the checks below reach the soft part
    if time_like:
        return False
    if len(text) < 3 and "." not in text and not text.isupper():
        return False
    if "." in text and len(text) <= 6 and text.count(".") == 1 and not (prev is not None and prev.text == ","):
        return False  # 'La.', 'Miss.': a state abbreviation only after 'Town, '
    if text.isupper() and len(text) <= 3 and not main_name:
        return False
    if inside_longer and ent.label_ in ("PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT") and not typed:
        return False
    if inside_longer and ent.label_ == "ORG" and single and not (notable or qualified or settled):
        return False  # 'Food and Drug Administration': 'Drug' is a hamlet somewhere, not here
    if nxt is not None and nxt.text.lower() in NOT_PLACE_NEXT:
        return False  # 'Ebola virus', 'Marburg fever'
    if nxt is not None and nxt.text in STREET_WORDS:
        return False  # 'Memphis St.', 'Dublin Road': a street named after a place
    if text.isupper() and len(text) <= 4 and "." not in text and not notable:
        return False
    if single and key(text) in person_words and not (locative or qualified or typed or (notable and good_ner)):
        return False  # 'Smith said' after 'John Smith'
    # 'Main Street', 'Ripley Hall': a capitalised word right before or after that is not itself a place
    glued_prev = prev is not None and _capitalised(prev) and not prev.is_sent_start and prev.pos_ == "PROPN"
    glued_next = nxt is not None and _capitalised(nxt) and nxt.pos_ == "PROPN" and nxt.text.lower() not in TYPE_WORDS \
        and nxt.text.lower() not in INSTITUTIONS
    if (glued_prev or glued_next) and not (notable or good_ner or typed):  # 'Laurel County Detention Center' 
        return False
    m.evidence = 0.0
    if m.ner == "PERSON" and not inside_longer and not (notable or locative or qualified or typed or apposed or settled):
        return False
    score = 0.5
    if good_ner:
        score += 0.35
    if locative or qualified or typed or dateline:
        score += 0.2
    if apposed or settled:
        score += 0.3
    if notable:
        score += 0.15
    if not main_name:
        score -= 0.35
    if m.ner in BAD_LABELS and not inside_longer:
        score -= 0.25
    common = key(text) in common_words()
    pos_common = single and first.pos_ not in ("PROPN",) and not dateline
    town_alt = (qualified or settled or apposed) and any(c.feature_class == "P" and c.population >= 1000
                                                         for c in m.candidates)
    if not main_name and not notable and not town_alt:
        return False  # only a foreign or historic alternate of a small place, said without context
    if common or pos_common or (first.is_sent_start and single and not (good_ner or dateline or main_name)):
        if not ((good_ner and locative and not first.is_sent_start) or qualified or typed or (settled and not common)):
            return False
        score -= 0.1
    if last.text.lower() in CONNECTORS:
        return False
    m.evidence = max(0.05, min(1.0, score))
    return m.evidence >= 0.3


def _coordinated(doc: Doc, kept: list[Mention], pending: list[Mention]) -> list[Mention]:
    """'Darfur and Malakal', 'Pandi, Bulacan': a name listed next to an accepted place is a place too."""
    ends = {m.tok_end for m in kept}
    starts = {m.tok_start for m in kept}
    out: list[Mention] = []
    for m in pending:
        before = m.tok_start - 1
        after = m.tok_end
        linked = (before >= 1 and doc[before].lower_ in ("and", "or", ",") and before in ends) or \
                 (after < len(doc) - 1 and doc[after].lower_ in ("and", "or", ",") and after + 1 in starts)
        if linked:
            m.evidence = 0.4
            out.append(m)
    return out


def _person_words(ents: list[Span]) -> frozenset[str]:
    """Surnames of two- or three-word PERSON entities: later bare mentions are the person."""
    return frozenset(key(e[-1].text) for e in ents if e.label_ == "PERSON" and 1 < len(e) <= 3
                     and not any(t.lower_ in PLACE_WORDS for t in e))


def _ner_only(doc: Doc, mentions: list[Mention], gaz: Gazetteer, sent_of: list[int],
              person_words: frozenset[str]) -> list[Mention]:
    """spaCy GPE/LOC spans the gazetteer did not find as such: looked up without 'the', checked like the rest."""
    taken = [(m.tok_start, m.tok_end) for m in mentions]
    extra: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        if any(s < ent.end and ent.start < e for s, e in taken):
            continue
        i = ent.start + (1 if ent[0].lower_ == "the" else 0)
        j = ent.end - (1 if ent[-1].text in ("'s", "’s") else 0)
        if i >= j:
            continue
        k = _span_key(doc, i, j)
        if any(ch.isdigit() for ch in k) or (j < len(doc) and doc[j].lower_ in NOT_PLACE_NEXT):
            continue
        if k in person_words or k in common_words():
            continue
        cands = gaz.lookup_keys([k]).get(k, [])
        m = Mention(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), i, j, k, cands, sent_of[i], ner=ent.label_)
        m.evidence = 0.45 if cands else 0.3
        extra.append(m)
    return extra


def _attach_types(doc: Doc, mentions: list[Mention]) -> None:
    """'Donetsk region', 'Donetsk and Luhansk regions', 'Laurel County': mark divisions."""
    for idx, m in enumerate(mentions):
        j = m.tok_end
        if j < len(doc) and doc[j].text.lower() in TYPE_WORDS:
            m.admin_hint = True
            if doc[j].text.lower() in ("regions", "oblasts", "provinces"):
                for prev in reversed(mentions[:idx]):
                    gap = doc[prev.tok_end:m.tok_start]
                    if all(t.text.lower() in (",", "and") for t in gap):
                        prev.admin_hint = True
                        m = prev
                    else:
                        break


def _attach_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
    """'Alexandria, La.' / 'Gainesville, Georgia' / 'Kyiv, Ukraine': the second names what the first lies in.

    When a candidate of the first lies in a division the second can name ('in Lozova, Kharkiv': Kharkiv
    Oblast), the second is read as that division, not as the town of the same name."""
    starts = {m.tok_start for m in mentions}
    for a, b in zip(mentions, mentions[1:]):
        if any(c.feature_code in ("PCLI", "CONT", "RGN") and c.kind <= 1 for c in a.candidates):
            continue  # 'Germany, US, France': a list, not 'Town, State'
        listed = b.tok_end + 1 < len(doc) and doc[b.tok_end].lower_ in (",", "and", "or") and \
            (b.tok_end + 1 in starts or doc[b.tok_end + 1].lower_ == "and" and b.tok_end + 2 in starts)
        # 'Ashulia town (Savar, Dhaka)': a settlement word may stand between the name and its brackets
        gap = [t.lower_ for t in doc[a.tok_end:b.tok_start]]
        if len(gap) == 2 and gap[0] in SETTLEMENT_WORDS | {"locality", "area", "camp"} and gap[1] == "(" \
                and not b.demonym:
            a.qualifier = [c for c in b.candidates if c.feature_code in ("PCLI", "ADM1", "ADM2", "PCLS", "PCLD")]
            a.within = b
            continue
        if b.tok_start == a.tok_end + 1 and doc[a.tok_end].text in (",", "(") and not b.demonym:
            a.qualifier = [c for c in b.candidates if c.feature_code in ("PCLI", "ADM1", "ADM2", "PCLS", "PCLD")]
            if doc[a.tok_end].text == "(" or not a.candidates and not listed:
                a.within = b  # 'Hadba (Tripoli)'; 'Ashulia, Savar' when Ashulia is unknown
            if doc[a.tok_end].text == "(":  # 'Mongbwalu (Djugu, Ituri)': both names in the brackets qualify
                c_ = next((c for c in mentions if c.tok_start == b.tok_end + 1 and doc[b.tok_end].text == ","), None)
                if c_ is not None:
                    a.qualifier += [c for c in c_.candidates if c.feature_code in ("PCLI", "ADM1", "ADM2")]
            towns = [c for c in a.candidates if c.feature_class in ("P", "S") or c.feature_code in ("ADM2", "ADM3")]
            biggest = max((c.population for c in towns if c.kind <= 1), default=0)
            towns = [c for c in towns if c.kind <= 1 or not biggest]  # a town known by that very name
            towns = [c for c in towns if c.population * 20 >= biggest]  # not a hamlet beside a metropolis
            holds = any(q.feature_code in ("ADM1", "ADM2") and any(
                t.country_code == q.country_code and t.admin1_code == q.admin1_code for t in towns) for q in a.qualifier)
            if holds and not listed:
                b.admin_hint = True  # 'Lozova, Kharkiv': the oblast ('Lozova, Kharkiv, Izium' is a list)
                a.within = b
