"""The places stage: find toponyms, resolve them to GeoNames entries, and say which place a sentence is at.

Demonyms and adjectives ("Russian forces", "Ukrainian") are listed as places resolved to their country, flagged
`demonym: true` (the convention of toponym corpora such as LGL and TR-News); the events stage never takes one as
where something happened, and all are also passed on in `found.extras["place_demonyms"]` (list of (start, end,
country code)) for the actors stage. `WIREWATCH_PLACES_DEMONYMS=located` lists only those that say where (before a
place noun, "the Syrian border", or the article's only reference to their country), `=0` none. See docs/places.md.
"""

from __future__ import annotations

import os
import re
import re._constants as re_constants  # the stdlib's regex parser: which text a cue requires
import re._parser as re_parser
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable, Sequence

from spacy.tokens import Doc

from ...gazetteer import key, open_gazetteer
from ...model import Place, span_of
from .. import Found, Stage
from .lexicon import PLACE_NOUNS
from .recognize import TYPE_WORDS, Mention, find_mentions
from .resolve import Resolved, resolve

# most specific first: a town before its district, region, country and continent
SPECIFICITY = {"P": 0, "S": 0, "R": 1, "T": 2, "H": 3, "A": 4, "L": 6}
ADMIN_RANK = {"ADM4": 0, "ADM3": 1, "ADM2": 2, "ADMD": 3, "ADM1": 4, "PCLI": 6, "PCLS": 6, "PCLD": 6}


@lru_cache(maxsize=1)
def demonym_mode() -> str:
    """Which demonyms are places (env WIREWATCH_PLACES_DEMONYMS, read once per process): by default (or 1) 'all',
    'located' only those that name a location (see `located_demonyms`), 'none' (0)."""
    raw = os.environ.get("WIREWATCH_PLACES_DEMONYMS", "").strip().lower()
    return "none" if raw in ("0", "false", "no", "none") else "located" if raw in ("located", "where") else "all"


def demonyms_as_places() -> bool:
    """Whether every demonym is emitted as a place (the default, or WIREWATCH_PLACES_DEMONYMS=1)."""
    return demonym_mode() == "all"


def located_demonyms(doc: Doc, resolved: Sequence[Resolved]) -> set[int]:
    """The demonyms that say where, not only whose (their mention starts): one that modifies a place noun ('the
    Syrian border', 'the Turkish capital', 'Russian territory'), and one that is the article's only reference to
    its country (no place of the article lies in it: 'Russian hackers' in a story of a US election). 'Russian
    forces' in a story that names Russian towns is the actor's country, and the towns say where."""
    named = {r.candidate.country_code for r in resolved if not r.mention.demonym and r.candidate is not None}
    out: set[int] = set()
    for r in resolved:
        m = r.mention
        if not m.demonym or r.candidate is None:
            continue
        nxt = doc[m.tok_end] if m.tok_end < len(doc) else None
        if r.candidate.country_code not in named or (nxt is not None and nxt.lower_ in PLACE_NOUNS):
            out.add(m.start)
    return out


def _dateline_key(found: Found) -> str | None:
    line = found.article.dateline
    if not line:
        return None
    head = line.split(",")[0].split("(")[0].strip()
    return key(head) if head else None


def _extend_type_word(doc: Doc, m: Mention) -> tuple[int, int]:
    """'Donetsk region' is the span of a division named with a singular type word after it."""
    if m.admin_hint and m.tok_end < len(doc) and doc[m.tok_end].text.lower() in TYPE_WORDS \
            and not doc[m.tok_end].text.lower().endswith("s"):
        tok = doc[m.tok_end]
        return m.start, tok.idx + len(tok.text)
    return m.start, m.end


def to_places(doc: Doc, text: str, resolved: Iterable[Resolved], first_id: int = 1) -> list[Place]:
    places: list[Place] = []
    for r in resolved:
        c = r.candidate
        start, end = _extend_type_word(doc, r.mention) if c is None or c.feature_class == "A" else \
            (r.mention.start, r.mention.end)  # 'the Houston region' read as the city: the span stays 'Houston'
        span = span_of(text, start, end)
        if c is None and r.located_by is not None:
            places.append(_located_by_host(r, span, f"p{first_id + len(places)}"))
            continue
        places.append(Place(
            id=f"p{first_id + len(places)}", text=span.text, start=span.start, end=span.end,
            geonameid=c.geonameid if c is not None and c.geonameid > 0 else None,
            name=c.name if c else None, country_code=(c.country_code or None) if c else None,
            admin1=c.admin1 if c else None, lat=c.lat if c else None, lon=c.lon if c else None,
            feature_class=c.feature_class if c else None, feature_code=c.feature_code if c else None,
            confidence=r.confidence, sentence=r.mention.sentence,
            relation=r.mention.relation, demonym=r.mention.demonym,
            precision=None if r.mention.demonym else precision_of(c, r.mention.relation),
        ))
    return places


def _located_by_host(r: Resolved, span, place_id: str) -> Place:
    """A place the gazetteer lacks, at the point of the place the text puts it in or near: no GeoNames id,
    no name of its own, precision 'near town' (or 'region' when its host is a division)."""
    h = r.located_by
    return Place(id=place_id, text=span.text, start=span.start, end=span.end, geonameid=None, name=None,
                 country_code=h.country_code or None, admin1=h.admin1, lat=h.lat, lon=h.lon,
                 feature_class=None, feature_code=None, confidence=min(r.confidence, 0.3),
                 sentence=r.mention.sentence, relation=r.mention.relation or "in or near",
                 precision="near town" if h.feature_class in ("P", "S") else "region")


def precision_of(c, relation: str | None) -> str | None:
    """'town', 'near town', 'region' or 'country' for a resolved mention (None if unresolved or a continent)."""
    if c is None or c.lat is None:
        return None
    if c.feature_code in ("PCLI", "PCLS", "PCLD", "PCLF", "PCLIX", "PCL", "TERR"):
        return "country"
    if c.feature_class in ("P", "S"):
        return "near town" if relation else "town"
    if c.feature_code == "CONT" or c.feature_class == "H" and c.feature_code in ("OCN",):
        return None
    return "region"


@lru_cache(maxsize=1)
def _country_cues() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    path = files("wirewatch").joinpath("data", "gazetteer", "country_cues.tsv")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")][1:]
    return tuple((pattern, cc.strip(), _required_text(pattern)) for cue, cc in rows
                 for pattern in (re.compile(cue),))


def _required_text(pattern: re.Pattern[str]) -> str:
    """The longest run of plain characters every match of `pattern` contains ('' if none or case-folded):
    where the text lacks it the regex cannot match, and a substring test is far cheaper than the search."""
    parsed = re_parser.parse(pattern.pattern, pattern.flags)
    if parsed.state.flags & re.IGNORECASE:
        return ""
    best, run = "", ""
    for op, arg in [*parsed, (None, None)]:  # top-level items only: each must match, in this order
        if op is re_constants.LITERAL:
            run += chr(arg)
            continue
        best, run = max(best, run, key=len), ""
    return best


def country_cues(text: str) -> Counter[str]:
    """Countries a story's institutions point to (country_cues.tsv): one vote per cue found, two at most."""
    votes: Counter[str] = Counter()
    for pattern, cc, needle in _country_cues():
        if votes[cc] < 2 and needle in text and pattern.search(text):
            votes[cc] += 1
    return votes


def find(doc: Doc, found: Found) -> dict[str, Any]:
    """Place mentions of the article, resolved; demonyms go to extras unless configured as places."""
    mentions = find_mentions(doc, open_gazetteer())
    resolved = resolve(mentions, _dateline_key(found), country_cues(found.text))
    mode = demonym_mode()
    located = located_demonyms(doc, resolved) if mode == "located" else set()
    places = to_places(doc, found.text, (r for r in resolved if not r.mention.demonym or mode == "all"
                                         or r.mention.start in located),
                       first_id=len(found.places) + 1)
    demonyms = [(r.mention.start, r.mention.end, r.candidate.country_code)
                for r in resolved if r.mention.demonym and r.candidate is not None]
    return {"places": places, "place_demonyms": demonyms}


def place_in(span_start: int, span_end: int, places: Sequence[Place]) -> Place | None:
    """The most specific resolved place mentioned inside [span_start, span_end) (e.g. an event's sentence).

    Towns beat districts, regions, countries and continents; among equals the more confident, then the first.
    Returns None if no resolved place lies in the span.
    """
    inside = [p for p in places if span_start <= p.start and p.end <= span_end and p.lat is not None
              and not p.demonym]
    if not inside:
        return None

    def rank(p: Place) -> tuple[float, float, int]:
        level = ADMIN_RANK.get(p.feature_code or "", SPECIFICITY.get(p.feature_class or "", 5))
        if p.feature_code == "CONT":
            level = 7
        return (level, -p.confidence, p.start)

    return min(inside, key=rank)


def places_in_sentence(sentence: int, places: Sequence[Place]) -> list[Place]:
    """Every place mention in sentence number `sentence` (spaCy's sentence index), in text order."""
    return [p for p in places if p.sentence == sentence]


stage = Stage(name="places", fn=find, requires=(), assigns=("places",))

__all__ = ["country_cues", "find", "place_in", "places_in_sentence", "precision_of", "stage", "demonyms_as_places", "demonym_mode",
           "located_demonyms"]
