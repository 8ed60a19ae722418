"""The time stage's word lists (`data/time/lexicon.json`), loaded once, and regex fragments built from them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Lexicon:
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: Mapping[str, int]
    units: Mapping[str, str]
    unit_plurals: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    seasons: Mapping[str, str]
    decades: Mapping[str, int]
    refs: Mapping[str, str]
    sets: Mapping[str, str]
    holidays: Mapping[str, str]
    timezones: tuple[str, ...]
    event_name_heads: tuple[str, ...]  # 'the Six-Day War', 'the Spring Offensive': names, not times
    generic_day_nouns: tuple[str, ...]  # 'today's youth', 'the world of tomorrow': these days, not a date


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("wirewatch").joinpath("data/time/lexicon.json").read_text(encoding="utf-8"))
    raw.pop("_about", None)
    return Lexicon(**{k: tuple(v) if isinstance(v, list) else MappingProxyType(v) for k, v in raw.items()})


def words(items) -> str:
    """A regex matching any of the (lower-case) phrases, factored as a trie: Python's `re` tries alternatives
    one by one, so a shared prefix is tested once. Spaces match any whitespace."""
    trie: dict = {}
    for w in items:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def number_value(text: str) -> float | None:
    """'34' -> 34, 'eight' -> 8, 'twenty-five' -> 25, 'two and a half' -> 2.5, '1,000' -> 1000."""
    lex = lexicon()
    t = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    frac = re.fullmatch(r"(\d+)\s+(\d)/(\d)", t)
    if frac:
        return int(frac[1]) + int(frac[2]) / int(frac[3]) + half
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    if t in lex.numbers:
        return float(lex.numbers[t]) + half
    total = 0.0
    for part in re.split(r"[- ]", t):
        if part not in lex.numbers:
            return None
        v = float(lex.numbers[part])
        total = total * v if v >= 100 and total else total + v
    return total + half
