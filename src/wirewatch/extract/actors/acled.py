"""ACLED-style names and inter codes for actors, and the country an unmarked actor belongs to.

ACLED names state forces "Military Forces of Syria", "Police Forces of Mexico", governments "Government of
X", unarmed people "Civilians (India)", crowds "Protesters (Chile)" and "Rioters (Chile)", unknown gunmen
"Unidentified Armed Group (Mexico)", and armed groups by their own name. The table (`data/actors/acled.tsv`)
says which words and sector codes give which name and inter code; state forces acting outside their own
country are external forces (inter 8).

An actor the text gives no country ("the police", "soldiers", "villagers", "gunmen") belongs, as ACLED codes
it, to the country the article is about: the country most of its resolved places are in. Not when the
article is about a war between two countries (the actors stage finds such sides): "the troops" could be
either's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Sequence

from ...model import Place

__all__ = ["AcledTable", "acled_table", "home_country", "identity"]

STATE_KINDS = frozenset({"MIL", "SPY", "COP", "GOV", "LEG", "JUD"})
FORCES = frozenset({"MIL", "SPY", "COP"})
DEFAULT_COUNTRY_KINDS = frozenset({"MIL", "SPY", "COP", "GOV", "LEG", "JUD", "REB", "OPP", "ACT", "CVL", "REF",
                                   "LAB", "EDU", "HLH", "REL", "BUS", "MED", "ELI"})


@dataclass(frozen=True)
class AcledTable:
    words: dict[str, tuple[int | None, str]]    # word -> (inter, name pattern)
    pattern: re.Pattern                         # any of the words, whole (the first in file order wins)
    kinds: dict[str, tuple[int | None, str]]    # sector code -> (inter, name pattern)
    country_names: dict[str, str]               # ISO alpha-2 -> country name


def _rows(name: str) -> list[list[str]]:
    text = files("wirewatch").joinpath("data", "actors", name).read_text(encoding="utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2:
            raise ValueError(f"{name}:{n}: expected tab-separated columns, got {line!r}")
        rows.append(cols)
    return rows


@lru_cache(maxsize=1)
def acled_table() -> AcledTable:
    words: dict[str, tuple[int | None, str]] = {}
    kinds: dict[str, tuple[int | None, str]] = {}
    for n, cols in enumerate(_rows("acled.tsv"), 1):
        if len(cols) != 4 or cols[0] not in ("word", "kind"):
            raise ValueError(f"acled.tsv: row {n}: expected 'word|kind, key, inter, name', got {cols!r}")
        match, key, inter, pattern = cols
        value = (None if inter == "-" else int(inter), pattern)
        (words if match == "word" else kinds).setdefault(key if match == "kind" else key.lower(), value)
    names: dict[str, str] = {}
    for cols in _rows("countries.tsv"):
        if len(cols) >= 3 and cols[2] == "name":
            names.setdefault(cols[1].upper(), cols[0])
    # the first of the words the phrase holds wins ("unidentified gunmen": Unidentified Armed Group)
    pattern = re.compile(r"(?<![\w'-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w'-])")
    return AcledTable(words, pattern, kinds, names)


def home_country(places: Sequence[Place], text: str = "") -> str | None:
    """The country the article is set in: the country most of its resolved towns and provinces are in, a place in
    brackets or after a comma ("Arada (Tripoli)", "Guaira, Parana": the well-known name that says where
    the other is) and a province or capital counting double; the first named wins a tie."""
    weights: Counter = Counter()
    named: Counter = Counter()        # how many distinct names each country's places have
    seen: set[tuple[str, str]] = set()
    for p in places:
        if not p.country_code or p.feature_code in ("PCLI", "PCL", "PCLD", "PCLIX", "PCLS"):
            continue                      # a country named is not yet where the article is set
        before = text[max(0, p.start - 60):p.start]
        context = before.rfind("(") > before.rfind(")") or before.rstrip().endswith(",")
        weights[p.country_code] += 2 if context or p.feature_code in ("ADM1", "PPLC", "PPLA") else 1
        if (p.country_code, p.text) not in seen:
            seen.add((p.country_code, p.text))
            named[p.country_code] += 1
    if not weights:
        return None
    if len(weights) > 1:              # a lone name read in a country no other place is in ("Nord-Ouest" read in
        for code in weights:          # Haiti beside Bamenda) counts like any single mention
            if named[code] == 1:
                weights[code] = min(weights[code], 1)
    best = max(weights.values())
    return next(p.country_code for p in places if p.country_code and weights[p.country_code] == best)


def _fill(pattern: str, name: str, country: str | None, table: AcledTable) -> str:
    cname = table.country_names.get(country or "")
    if cname is None:
        pattern = pattern.replace(" of {country}", "").replace(" ({country})", "")
    return pattern.replace("{country}", cname or "").replace("{name}", name)


def identity(text: str, name: str, kind: str | None, country: str | None, home: str | None,
             outlet: bool = False) -> tuple[str | None, int | None]:
    """(ACLED-style name, inter code) of an actor; (None, None) when ACLED would not code it (an outlet)."""
    if outlet:
        return None, None
    table = acled_table()
    found = table.pattern.search(text.lower().replace("’", "'"))
    hit = table.words[found.group(1)] if found else None
    if hit is None and kind in table.kinds:
        hit = table.kinds[kind]
    if hit is None:
        return None, None
    inter, pattern = hit
    if kind == "REB" and pattern == "{name}" and not any(w[:1].isupper() for w in name.split()):
        inter, pattern = 3, "Unidentified Armed Group ({country})"     # "militants", "rebels": no group named
    if inter == 1 and kind in FORCES and country and home and country != home:
        inter = 8                          # state forces abroad: external forces
    return _fill(pattern, name, country, table), inter
