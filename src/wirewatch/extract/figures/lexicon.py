"""The figures stage's word lists, loaded once from `wirewatch/data/figures/` (data, not code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    qualifiers: dict[str, str]          # "at least" -> "at_least"
    vague: dict[str, int | None]        # "thousands" -> 2000 (low), "several" -> None
    transitive: dict[str, str]          # lemma -> category
    intransitive: dict[str, str]
    adjectives: dict[str, str]
    nouns: dict[str, str]
    people: frozenset[str]              # lemmas (and plurals) of nouns that count people

    @cached_property
    def trigger_lemmas(self) -> frozenset[str]:
        """Every lemma that can make a casualty word (verbs, nouns, and 'take' of 'taken prisoner')."""
        return frozenset(self.transitive) | frozenset(self.intransitive) | frozenset(self.nouns) | {"take"}

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """What `casualty.trigger_category` can take: a trigger lemma or a casualty adjective."""
        return self.trigger_lemmas | frozenset(self.adjectives)

    @property
    def number_words(self) -> frozenset[str]:
        return frozenset(self.units) | frozenset(self.tens) | frozenset(self.scales)


def _read_json(name: str) -> dict:
    return json.loads(files("wirewatch").joinpath("data", "figures", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All figure word lists (cached: read once per process)."""
    nums, quant, trig = _read_json("numbers.json"), _read_json("quantifiers.json"), _read_json("triggers.json")
    people_lines = files("wirewatch").joinpath("data", "figures", "people.txt").read_text(encoding="utf-8").splitlines()
    people = {w.strip().lower() for w in people_lines if w.strip() and not w.startswith("#")}
    people |= {w + "s" for w in people} | {"men", "women", "children", "troops", "police", "personnel", "staff",
                                              "crew", "folk", "families", "militia", "forces", "youths", "youth"}
    return Lexicon(
        units=nums["units"], tens=nums["tens"], scales=nums["scales"],
        qualifiers=quant["qualifiers"], vague=quant["vague"],
        transitive=trig["verbs_transitive"], intransitive=trig["verbs_intransitive"],
        adjectives=trig["adjectives"], nouns=trig["nouns"], people=frozenset(people),
    )
