"""Toponym recognition: gazetteer matching over the tokens, checked against spaCy's tags and entities.

The gazetteer drives recognition (the small English model calls Kyiv a person and Mariupol an
organisation); spaCy's GPE/LOC spans add what the gazetteer lacks, and its PERSON/ORG spans and
part-of-speech tags veto names that are only words here ("Reading is fun", "George Washington").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ...gazetteer import Gazetteer, key
from .. import ents_of, sentence_bounds, sentence_of, text_of
from .lexicon import (BAD_LABELS, CONNECTORS, GOOD_LABELS, INSTITUTIONS, LOCATIVE, MAX_TOKENS, NOT_PLACE_NEXT,
                      NOTABLE_CODES, PLACE_WORDS, SETTLEMENT_WORDS, STREET_WORDS, TYPE_WORDS, common_words,
                      LOCAL_NOUNS, NAME_PARTICLES, COMPASS_WORDS, TITLE_WORDS, GENERIC_TAILS, NEIGHBOURHOOD_PREFIXES,
                      names_publication, relation_ahead)
from .links import attach_lists, attach_qualifiers, attach_relations, attach_types, drop_not_places
from .mention import Mention
from .spelled import spelled_mentions

__all__ = ["Mention", "TYPE_WORDS", "find_mentions"]

_AIRPORT_WORDS = re.compile(r"\b(?:airports?|airfields?|airbase|air base|aerodrome)\b", re.I)

_ARTICLES = frozenset({"al", "el", "ash", "az"})


def _capitalised(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[:3] in ("al-", "el-") and len(t) > 3)
                        or t in _ARTICLES and tok.i + 1 < len(tok.doc) and tok.nbor().text[:1].isupper())


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
    for i in range(len(words) - 1):  # 'in al Bab', 'al Tabqa city': a lower-case article opens an Arabic name
        if words[i] in _ARTICLES and caps[i + 1] and spaces[i] == " " and (i == 0 or words[i - 1] != "et"):
            caps[i] = True
    for i in range(1, len(words)):  # "Dar'a", "Sa'dah": the apostrophe's tail belongs to the capitalised name
        w = words[i]
        if len(w) > 1 and w[0] in "'\u2019\u02bc" and w[1:2].isalpha() and w[1:].lower() not in ("s", "re", "ll", "ve", "d", "m", "t") \
                and caps[i - 1] and not spaces[i - 1]:
            caps[i] = True
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
    if not _AIRPORT_WORDS.search(text_of(doc)):  # airports are candidates only where the text says airport
        cands = {k: kept for k, v in cands.items() if (kept := [c for c in v if c.feature_code != "AIRP"])}
    chosen_starts = {i for i, _ in chosen}
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
        if _keep(doc, m, ent, person_words, j + 1 in chosen_starts):
            mentions.append(m)
        elif 0.0 <= m.evidence < 0.3 and m.candidates and any(c.kind <= 1 for c in m.candidates):
            pending.append(m)
    mentions.extend(_coordinated(doc, mentions, pending))
    mentions.extend(_named_again(mentions, pending, person_words))
    mentions.extend(_ner_only(doc, mentions, gaz, sent_of, person_words))
    mentions.extend(_listed_divisions(doc, mentions, gaz, sent_of))
    mentions = spelled_mentions(doc, mentions, gaz, sent_of, tuple(ents))
    mentions = drop_not_places(text_of(doc), mentions)
    mentions.sort(key=lambda m: m.start)
    attach_types(doc, mentions)
    _division_candidates(doc, mentions, gaz)
    attach_qualifiers(doc, mentions)
    attach_lists(doc, mentions)
    attach_relations(text_of(doc), mentions)
    return mentions


def _keep(doc: Doc, m: Mention, ent: Span | None, person_words: frozenset[str], name_after: bool = False) -> bool:
    """Decide whether a gazetteer match is a toponym here; sets `m.evidence` (0 … 1). `name_after`: another
    known name starts right after the next word."""
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

    if ent is not None and ent.text.count("(") != ent.text.count(")"):
        ent, m.ner = None, None  # 'Goma (Goma', 'Amritsar (Punjab' as a WORK_OF_ART: the tagger ran into a bracket
    inside_longer = ent is not None and (ent.start < m.tok_start or ent.end > m.tok_end)
    titled = nxt is not None and nxt.text in TITLE_WORDS  # 'Izium Mayor ...': a place with a mayor
    # 'Menbij in Aleppo', 'Daret Azza in Aleppo province': a town's other name said to lie in a known place
    placed_in = name_after and nxt is not None and nxt.lower_ == "in" and not any(c.kind <= 1 for c in m.candidates) \
        and any(c.feature_class == "P" and c.population >= 1000 for c in m.candidates)
    # 'Winona police', 'a Coral Gables man', 'their Grovetown home': the name says where they live or serve
    local = nxt is not None and (nxt.text.islower() or nxt.text == "Police") and nxt.lower_ in LOCAL_NOUNS
    possessive = ent is not None and ent.start == m.tok_start and ent.end == m.tok_end + 1 and nxt is not None \
        and nxt.text in ("'s", "\u2019s")
    if inside_longer and ent.label_ == "PERSON" and ent.start == m.tok_start and (titled or possessive):
        inside_longer = False  # 'Dublin Mayor Marilee Chinnici', "Glen Carbon's budget": the tagger took the town in
        m.ner = None
    if inside_longer and ent.label_ in ("ORG", "PERSON") and m.tok_start - 1 <= ent.start <= m.tok_start \
            and m.tok_end < ent.end and local:
        inside_longer = False  # 'DeKalb Police', 'the Corsicana Police Department': the town's own police
        m.ner = None
    if inside_longer and ent.label_ != "ORG" and ent.start < m.tok_start and (
            doc[m.tok_start - 1].lower_ in ("in", "near", "at", "from")
            or ent.label_ == "PERSON" and doc[m.tok_start - 1].lower_ == "of"):  # 'Barton Jones of Waco'
        inside_longer = False  # 'Um Walad in Dar'a' is no person's name: the tagger ran over a preposition
    if inside_longer and ent.start < m.tok_start and doc[m.tok_start - 1].text in ("-", "\u2013", "\u2014", "(", ",") \
            and doc[m.tok_start - 1].whitespace_:  # a spaced dash, not 'John-Paul' or 'Wal-Mart'
        inside_longer = False  # 'Mr Trump - Wisconsin and Pennsylvania': the tagger ran over punctuation
    good_ner = m.ner in GOOD_LABELS and not inside_longer
    time_like = m.ner in ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL")
    dateline = first.is_upper and len(text) > 3 and (nxt is not None and nxt.text in (",", "-", "(", "\u2014", ":"))
    m.evidence = -1.0  # a hard no unless the checks below reach the soft part
    if time_like and not (notable and main_name and text[:1].isupper() and not text.isupper()
                          and not any(ch.isdigit() for ch in text)
                          and key(text) not in common_words()):
        return False  # 'in Winnipeg' tagged a DATE by the small model is still Winnipeg; 'May' is not a place
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
    if prev is not None and not first.is_sent_start and text in GENERIC_TAILS and _capitalised(prev) \
            and prev.pos_ == "PROPN" \
            or text in NEIGHBOURHOOD_PREFIXES and nxt is not None and _capitalised(nxt):
        return False  # 'the Danube Delta', 'Lake Vermont', 'Colonia El Pacifico': part of a longer, unknown name
    if all(t.lower_ in COMPASS_WORDS for t in doc[m.tok_start:m.tok_end]) and not (
            (typed or prev is not None and prev.text in (",", "(")) and not (nxt is not None and _capitalised(nxt))
            and not (prev is not None and _capitalised(prev) and not first.is_sent_start)):
        return False  # 'Northern Iraq', 'Tonj North county': a direction of another name; 'Balaka, Southern' stays
    if nxt is not None and nxt.text in NAME_PARTICLES and m.tok_end + 1 < len(doc) \
            and _capitalised(doc[m.tok_end + 1]) and not notable:
        return False  # 'Morro do Alemao': the head of a longer name it does not know
    if nxt is not None and names_publication([t.text for t in doc[m.tok_end:m.tok_end + 3]]):
        return False  # 'the Kyiv Independent', 'the New York Times': a publication, not a place
    if text.isupper() and len(text) <= 4 and "." not in text and not notable:
        return False
    m.evidence = 0.0  # the reasons below are soft: the same name accepted elsewhere in the article overrides them
    if single and key(text) in person_words and not (locative or qualified or typed or (notable and good_ner)):
        return False  # 'Smith said' after 'John Smith'
    # 'Main Street', 'Ripley Hall': a capitalised word right before or after that is not itself a place
    glued_prev = prev is not None and _capitalised(prev) and not prev.is_sent_start and prev.pos_ == "PROPN"
    glued_next = nxt is not None and _capitalised(nxt) and nxt.pos_ == "PROPN" and nxt.text.lower() not in TYPE_WORDS \
        and nxt.text.lower() not in INSTITUTIONS and nxt.text not in TITLE_WORDS
    if (glued_prev or glued_next) and not (notable or good_ner or typed):  # 'Laurel County Detention Center' 
        return False
    # 'Ain al Arab', 'Wadi al-Rabi', 'Nad-e Ali': the tail of a longer name the gazetteer does not know
    if m.tok_start >= 2 and doc[m.tok_start - 1].lower_ in NAME_PARTICLES and _capitalised(doc[m.tok_start - 2]) \
            and not notable:
        m.evidence = -1.0
        return False
    if m.ner == "PERSON" and not inside_longer and not (notable or locative or qualified or typed or apposed or settled
                                                        or placed_in):
        return False
    score = 0.5
    if good_ner:
        score += 0.35
    if locative or qualified or typed or dateline or placed_in:
        score += 0.2
    if apposed or settled:
        score += 0.3
    if notable:
        score += 0.15
    if not main_name and not placed_in and not ((locative or qualified or good_ner) and not text.isupper() and any(
            c.kind == 2 and c.feature_class == "P" and c.population >= (10_000 if locative or qualified else 100_000)
            for c in m.candidates)):
        score -= 0.35  # a foreign or old name, unless a big city's said as a place: 'from Beni Suef', 'in Calcutta'
    if m.ner in BAD_LABELS and not inside_longer:
        score -= 0.25
    common = key(text) in common_words()
    pos_common = single and first.pos_ not in ("PROPN",) and not dateline
    if titled or local:
        score += 0.2
    town_alt = (qualified or settled or apposed or titled or placed_in) and any(c.feature_class == "P" and c.population >= 1000
                                                         for c in m.candidates) \
        or locative and not first.is_sent_start and any(c.feature_class == "P" and c.population >= 10_000
                                                        for c in m.candidates)  # 'in Menbij' (Manbij)
    if not main_name and not notable and not town_alt:
        return False  # only a foreign or historic alternate of a small place, said without context
    if common or pos_common or (first.is_sent_start and single and not (good_ner or dateline or main_name)):
        if not ((good_ner and locative and not first.is_sent_start) or qualified or typed or (settled and not common)
                or ((titled or local) and not common)):
            return False
        score -= 0.1
    if last.text.lower() in CONNECTORS:
        return False
    m.evidence = max(0.05, min(1.0, score))
    return m.evidence >= 0.3


def _named_again(kept: list[Mention], pending: list[Mention], person_words: frozenset[str]) -> list[Mention]:
    """'... shelling in Malakal. Malakal residents fled': a name the article has used as a place with good evidence
    is a place at its other mentions too, where the tagger's doubts alone turned it down (one sense per article)."""
    # a surname of the article's people ('Steele said') needs a place reading beyond doubt elsewhere
    sure = {m.key for m in kept if not m.demonym and m.evidence >= (0.95 if m.key in person_words else 0.6)}
    taken = {m.tok_start for m in kept}
    out = [m for m in pending if m.key in sure and m.tok_start not in taken]
    for m in out:
        m.evidence = 0.4
    return out


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
        if j < len(doc) and doc[i:j].text in NEIGHBOURHOOD_PREFIXES and _capitalised(doc[j]):
            continue   # 'Colonia' tagged alone before 'Las Palmas': a neighbourhood's name, not Uruguay's department
        if k in person_words or k in common_words():
            continue
        cands = gaz.lookup_keys([k]).get(k, [])
        m = Mention(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), i, j, k, cands, sent_of[i], ner=ent.label_)
        m.evidence = 0.45 if cands else 0.3
        extra.append(m)
    return extra


def _listed_divisions(doc: Doc, mentions: list[Mention], gaz: Gazetteer, sent_of: list[int]) -> list[Mention]:
    """'Becker, Clay, Swift and Wilkin counties': each name of a list before a plural type word is a division,
    found under its full name ('Swift County'), also where the name alone is no place the gazetteer knows."""
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    out: list[Mention] = []
    if not len(doc):
        return out
    lower = doc.to_array(LOWER).tolist()  # the few plural type words, found without a Token per word
    for t in (doc[i] for i, w in enumerate(lower) if w in _SINGULAR_IDS):
        word = t.lower_
        if word not in _SINGULAR or t.i == 0:
            continue
        k = t.i - 1
        while k >= 0:
            s = k
            while s >= 0 and _capitalised(doc[s]) and not doc[s].is_sent_start and k - s < 3:
                s -= 1
            if s == k:
                break
            first = s + 1
            if not any(i in taken for i in range(first, k + 1)):
                full = key(f"{doc[first:k + 1].text} {_SINGULAR[word]}")
                cands = [c for c in gaz.lookup_keys([full]).get(full, []) if c.feature_class == "A"]
                if cands:
                    m = Mention(doc[first].idx, doc[k].idx + len(doc[k].text), first, k + 1,
                                key(doc[first:k + 1].text), cands, sent_of[first], admin_hint=True)
                    m.evidence = 0.6
                    out.append(m)
            k = s
            while k >= 0 and doc[k].lower_ in (",", "and"):
                k -= 1
            if k == s:
                break
    return out


_SINGULAR = {"counties": "county", "parishes": "parish", "regions": "region", "provinces": "province",
             "oblasts": "oblast", "governorates": "governorate"}
_SINGULAR_IDS = frozenset(hash_string(w) for w in _SINGULAR)  # their LOWER ids (the same in every vocab)
_DIVISION_CODES = {"ADM1", "ADM2", "ADM3", "ADMD"}


def _division_candidates(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """'Camden and Charlton counties': a name marked as a division but known only as towns is looked up with
    its type word ('Charlton County'), which finds the division under its full name."""
    for idx, m in enumerate(mentions):
        if not m.admin_hint:
            continue
        j = next((o.tok_end for o in mentions[idx:] if o.tok_end < len(doc) and doc[o.tok_end].lower_ in TYPE_WORDS
                  and all(t.lower_ in (",", "and") or any(x.tok_start <= t.i < x.tok_end for x in mentions)
                          for t in doc[m.tok_end:o.tok_end])), None)
        if j is None:
            continue
        word = doc[j].lower_
        full = key(f"{doc[m.tok_start:m.tok_end].text} {_SINGULAR.get(word, word)}")
        known = {c.geonameid for c in m.candidates}
        m.candidates = m.candidates + [c for c in gaz.lookup_keys([full]).get(full, []) if c.geonameid not in known]
