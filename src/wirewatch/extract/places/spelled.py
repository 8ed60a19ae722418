"""Names the gazetteer knows under another spelling: 'Tal Tamer' (Tall Tamr), 'Quamishli' (Al Qamishli),
'Jandairis' (Jindayris), 'Kishindih district' (Kishindeh), 'Thi Qar province' (Dhi Qar).

Arabic, Persian, Cyrillic and Indic names reach English news in many transliterations, and a gazetteer holds
only some of them. A name said as a place ('in X', 'the town of X', 'X district', or tagged GPE/LOC by spaCy)
that no exact key finds is looked up by its sound (`gazetteer.normalize.sound_key`: articles, digraphs,
doubled letters and vowels folded) and kept only when a variant lies in a country the article's other,
exactly found places are in: a sound key alone is shared by many names, the article's country is not.
A longer variant beats a shorter exact match inside it only when the exact one lies outside those countries
('in Ras Al Ain' in a Syria story is Ra's al 'Ayn, not the Emirati city Al Ain).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from ...gazetteer import Candidate, Gazetteer, key
from ...gazetteer.normalize import spelling
from .lexicon import NOT_PLACE_NEXT, SETTLEMENT_WORDS, STREET_WORDS, TYPE_WORDS, common_words
from .mention import Mention

__all__ = ["spelled_mentions"]

# a place phrase opens before the name: 'in X', 'near X'; or 'of' after a place noun: 'the town of X'
BEFORE = {"in", "near", "at", "outside", "around", "into", "from", "toward", "towards", "surrounding", "between"}
PLACE_OF = {"city", "town", "village", "countryside", "outskirts", "vicinity", "area", "district", "province",
            "suburbs", "municipality", "region", "governorate", "entrance", "surroundings", "part", "villages",
            "towns", "camp", "sub-district", "subdistrict", "center", "centre", "market", "road"}
# a place noun after the name: 'Ain al Arab city', 'Kishindih district'
AFTER = SETTLEMENT_WORDS | TYPE_WORDS | {"area", "countryside", "camp", "subdistrict", "sub-district",
                                        "municipality", "neighbourhood", "neighborhood", "locality"}
MAX_SPAN = 4
TOWN_WORDS = {"city", "town", "village", "villages", "towns"}
PARTICLES = {"al", "el", "an", "as", "ash", "ad", "ar", "az", "wa", "de", "la", "le"}
HARD_LABELS = {"WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL",
               "ORDINAL", "LANGUAGE"}
PLACE_CLASSES = ("P",)
DIVISION_CODES = ("ADM1", "ADM2", "ADM3", "ADMD")


def _fits(c: Candidate, countries: Counter[str]) -> bool:
    return c.country_code in countries and (c.feature_class in PLACE_CLASSES or c.feature_code in DIVISION_CODES)


def _votes(m: Mention) -> tuple[Counter[str], set[tuple[str, str]]]:
    """Countries one exactly found name points to (all its main-name readings, else all its other names', in
    one country, or a country named by its main name), and the first-level division it is in, if only one."""
    out: Counter[str] = Counter()
    if m.demonym or not m.candidates or m.fuzzy:
        return out, set()
    main = [c for c in m.candidates if c.kind <= 1]
    readings = [c for c in main or m.candidates if c.kind <= 2]  # 'Al-Hasakeh': known by an alternate
    named = {c.country_code for c in readings}
    if len(named) == 1:
        out[next(iter(named))] += 1
    for c in main:
        if c.feature_code in ("PCLI", "PCLS", "PCLD") and c.kind == 0:
            out[c.country_code] += 1
    areas = {(c.country_code, c.admin1_code) for c in readings if c.admin1_code}
    return out, areas if len(areas) == 1 and len(named) == 1 else set()


def _context(mentions: list[Mention], votes: dict[int, tuple[Counter[str], set[tuple[str, str]]]],
             leave_out: list[Mention] = ()) -> tuple[Counter[str], set[tuple[str, str]]]:
    """Countries and first-level divisions the article's exactly found names point to (`votes`: each mention's
    `_votes`), but for those left out (the names a longer spelled name would replace: 'Al Ain' inside 'Ras Al
    Ain' does not vouch for itself)."""
    out: Counter[str] = Counter()
    areas: set[tuple[str, str]] = set()
    for m in mentions:
        if not any(m is o for o in leave_out):
            v, area = votes[id(m)]
            out.update(v)
            areas |= area
    return +out, areas


def _variants(gaz: Gazetteer, text: str, context: tuple[Counter[str], set[tuple[str, str]]],
              town_word: bool = False) -> list[Candidate]:
    """Entries spelt like `text` in the article's countries, and in its first-level divisions where it names
    some in that country ('Deh-e Now' is a village of the province the story is in, not one of its namesakes).
    A province and a small town of one spelling: the province, unless a town word says otherwise."""
    short = len(spelling(text)) <= 5  # few letters leave little to compare: the spellings must be closer
    return _in_context([c for r, c in gaz.spelling_variants(text) if not short or r >= 0.9], context, town_word)


def _in_context(cands: list[Candidate], context: tuple[Counter[str], set[tuple[str, str]]],
                town_word: bool = False) -> list[Candidate]:
    """The candidates in the article's countries and named divisions (see `_variants`)."""
    countries, areas = context
    found = [c for c in cands if _fits(c, countries)]
    in_area = {cc for cc, _ in areas}
    found = [c for c in found if c.country_code not in in_area or (c.country_code, c.admin1_code) in areas]
    if not town_word and any(c.feature_code == "ADM1" for c in found):
        found = [c for c in found if c.feature_class != "P" or c.population >= 100_000]
    return found


def _blocked(doc: Doc, i: int, j: int, ents: tuple[Span, ...]) -> bool:
    """Spans that are no place name whatever they sound like: inside a person's or an organisation's name, a
    street ('Raju Street'), a common word, a lower-case word inside."""
    if any(not (t.text[:1].isupper() or t.lower_ in ("al", "el", "wa", "ad", "as", "ash", "ar", "az", "e", "i", "-",
                                                     "de", "of"))
           for t in doc[i:j]) or not doc[i].text[:1].isupper() or not doc[j - 1].text[:1].isupper():
        return True
    words = doc[i:j]
    if j - i == 1 and (doc[i].lower_ in common_words() or doc[i].lower_ in PARTICLES) or len(spelling(words.text)) < 4:
        return True  # 'An' of 'An Najar' alone is no name
    if words.text.isupper() and len(words.text) <= 4 or j < len(doc) and doc[j].lower_ in NOT_PLACE_NEXT:
        return True  # 'US dollar'; an acronym
    if j < len(doc) and doc[j].text in STREET_WORDS:
        return True
    for e in ents:
        if e.start < j and i < e.end and (e.label_ in HARD_LABELS or e.label_ in ("PERSON", "ORG")
                                          and (e.start < i or e.end > j)):
            return True  # 'the Ras Al Ain Military Council'; a PERSON or ORG of just these words may be a town
    return False


def _town_word(doc: Doc, i: int, j: int) -> bool:
    """'Ain al Arab city', 'the town of Atareb': a settlement, not a division of that name."""
    return j < len(doc) and doc[j].lower_ in TOWN_WORDS or i >= 2 and doc[i - 1].lower_ == "of" \
        and doc[i - 2].lower_ in TOWN_WORDS


def _eligible(doc: Doc, i: int, j: int, ner: bool) -> float:
    """Evidence that tokens i..j name a place, from the words around them (0: none)."""
    prev = doc[i - 1].lower_ if i else ""
    nxt = doc[j].lower_ if j < len(doc) else ""
    before = prev in BEFORE or prev == "of" and i >= 2 and doc[i - 2].lower_ in PLACE_OF
    after = nxt in AFTER
    bracket = nxt in ("(", ",") and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and (before or after or ner)
    if not (before or after or ner):
        return 0.0
    return min(0.8, 0.4 + 0.15 * before + 0.15 * after + 0.15 * ner + 0.1 * bracket)


def spelled_mentions(doc: Doc, mentions: list[Mention], gaz: Gazetteer, sent_of: list[int] | tuple[int, ...],
                     ents: tuple[Span, ...]) -> list[Mention]:
    """`mentions` with names found by another spelling added (and candidates given to unknown names that have
    one); exact matches a longer spelled name covers are dropped when they lie outside the article's countries."""
    # read once: spelling a name with no candidates below leaves its votes empty (a fuzzy name votes for nothing)
    votes = {id(m): _votes(m) for m in mentions}
    context = _context(mentions, votes)
    if not context[0]:
        return mentions
    known = gaz.known_keys
    gpe = {(e.start, e.end) for e in ents if e.label_ in ("GPE", "LOC", "FAC")}
    # names already listed that the gazetteer does not know: spelled, with a type word after them dropped
    for m in mentions:
        if m.candidates or m.demonym:
            continue
        i, j = m.tok_start, m.tok_end
        if j - i > 1 and doc[j - 1].lower_ in AFTER:
            j -= 1
        found = _variants(gaz, doc[i:j].text, context, _town_word(doc, i, j))
        if found:
            m.candidates = found
            m.fuzzy = True
            if j < m.tok_end and doc[j].lower_ in TYPE_WORDS and doc[j].lower_ not in ("city", "town", "village"):
                m.admin_hint = any(c.feature_class == "A" for c in found)
    taken = {t: m for m in mentions for t in range(m.tok_start, m.tok_end)}
    added: list[Mention] = []
    dropped: set[int] = set()
    used: set[int] = set()
    for i in range(len(doc)):
        if i in used or not doc[i].text[:1].isupper():
            continue
        for j in range(min(len(doc), i + MAX_SPAN), i, -1):
            if any(doc[k].is_sent_start for k in range(i + 1, j)) or any(t.is_punct and t.text != "-"
                                                                          for t in doc[i:j]):
                continue
            inside = {id(taken[t]) for t in range(i, j) if t in taken}
            covered = [m for m in mentions if id(m) in inside]
            if any(m.tok_start < i or m.tok_end > j for m in covered):
                continue  # crosses a found name
            if any(m.tok_start == i and m.tok_end == j for m in covered):
                break  # the name itself was found exactly (handled above)
            ev = _eligible(doc, i, j, (i, j) in gpe)      # the cheap tests first
            if not ev or _blocked(doc, i, j, ents):
                continue
            here = _context(mentions, votes, covered) if covered else context
            if not here[0] or any(any(_fits(c, here[0]) and c.kind <= 2 for c in m.candidates) for m in covered):
                continue  # a shorter exact name inside fits the article: it stands
            k = key(doc[i:j].text)
            if known([k]):
                # known as written but turned down: only a foreign alternate of a small place ('Rashayya' for
                # Rachaiya, 'Tell Abiad' for Tall Abyad). Said as a place and lying where the article is, it is one
                exact = gaz.lookup_keys([k]).get(k, [])
                if any(c.kind <= 1 for c in exact):
                    continue  # a main name or alias was judged by recognition already
                found = _in_context(exact, here, _town_word(doc, i, j))
            else:
                found = _variants(gaz, doc[i:j].text, here, _town_word(doc, i, j))
            if not found:
                continue
            m = Mention(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), i, j, key(doc[i:j].text), found,
                        sent_of[i], ner="GPE" if (i, j) in gpe else None)
            m.evidence = ev
            m.fuzzy = True
            added.append(m)
            dropped |= inside
            used.update(range(i, j))
            break
    if not added:
        return mentions
    return [m for m in mentions if id(m) not in dropped] + added

