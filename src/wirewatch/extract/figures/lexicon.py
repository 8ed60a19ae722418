"""The figures stage's word lists, loaded once from `wirewatch/data/figures/` (data, not code)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Vague:
    """What a vague quantity word stands for: `low` the least it is used for, `value` ACLED's coded number."""

    low: int | None
    value: int | None


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    qualifiers: dict[str, str]          # "at least" -> "at_least"
    vague: dict[str, Vague]             # "several" -> Vague(low=3, value=10)
    unstated: Vague                     # "incurring fatalities": a plural with no number
    part_killed: Vague                  # the dead among "killed and wounded a number of fighters"
    transitive: dict[str, str]          # lemma -> category
    intransitive: dict[str, str]
    adjectives: dict[str, str]
    nouns: dict[str, str]
    people: frozenset[str]              # lemmas (and plurals) of nouns that count people
    definite: frozenset[str]            # determiners of a phrase that points back ("the", "both")
    generic_nouns: frozenset[str]       # "victim", "man": a definite one can be anybody counted before
    additive: frozenset[str]            # "also", "additional": adds people to the count just given
    additive_phrases: tuple[str, ...]
    happening_nouns: frozenset[str]     # "during the operation": the happening already counted
    total_markers: tuple[str, ...]      # "a total of", "in all"
    total_nouns: frozenset[str]         # "fatalities", "toll"
    cumulative_words: frozenset[str]    # "since"
    cumulative_phrases: tuple[str, ...]  # "so far", "this year"
    habitual_verbs: frozenset[str]      # "we continue to apprehend": no one happening
    several_modifiers: frozenset[str]   # "separate operations", "two raids": several happenings
    area_nouns: frozenset[str]          # "operations in Khost and Paktiya provinces": several places
    period_phrases: tuple[str, ...]     # "over the past 24 hours": a round-up of a period's happenings
    to_death_excluded: frozenset[str]   # "sentenced to death" kills nobody (yet)
    result_verbs: frozenset[str]        # "incurring fatalities", "resulted in casualties"
    reported_nouns: frozenset[str]      # "fatality", "casualty": only where the clause reports them
    competing: tuple[str, ...]          # "other sources reported": another reading of the same count
    charge_words: frozenset[str]        # "responsible for the deaths of": a record, not a happening
    unrealised_modifiers: frozenset[str]  # "the attempted assassination of"
    record_words: frozenset[str]        # "linked to an attack that killed four": a record, not a happening

    @cached_property
    def trigger_lemmas(self) -> frozenset[str]:
        """Every lemma that can make a casualty word (verbs, nouns, and 'take' of 'taken prisoner')."""
        return frozenset(self.transitive) | frozenset(self.intransitive) | frozenset(self.nouns) | {"take"}

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """What `casualty.trigger_category` can take: a trigger lemma, a casualty adjective, or 'death' of
        '[verb] to death' and 'fatally' (which make any verb a killing)."""
        return self.trigger_lemmas | frozenset(self.adjectives) | {"death", "fatally"}

    @cached_property
    def happening_re(self) -> re.Pattern[str]:
        """"the operation", "this raid": a happening named again (searched in lower-case sentence text)."""
        nouns = "|".join(sorted((re.escape(n) for n in self.happening_nouns), key=len, reverse=True))
        return re.compile(rf"\b(?:the|this|that|these|those) (?:{nouns})\b")

    @cached_property
    def number_words(self) -> frozenset[str]:
        return frozenset(self.units) | frozenset(self.tens) | frozenset(self.scales)


def _read_json(name: str) -> dict:
    return json.loads(files("wirewatch").joinpath("data", "figures", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All figure word lists (cached: read once per process)."""
    nums, quant, trig = _read_json("numbers.json"), _read_json("quantifiers.json"), _read_json("triggers.json")
    refs = _read_json("references.json")
    people_lines = files("wirewatch").joinpath("data", "figures", "people.txt").read_text(encoding="utf-8").splitlines()
    people = {w.strip().lower() for w in people_lines if w.strip() and not w.startswith("#")}
    people |= {w + "s" for w in people} | {"men", "women", "children", "troops", "police", "personnel", "staff",
                                              "crew", "folk", "families", "militia", "forces", "youths", "youth"}
    return Lexicon(
        units=nums["units"], tens=nums["tens"], scales=nums["scales"],
        qualifiers=quant["qualifiers"],
        vague={k: Vague(v["low"], v["value"]) for k, v in quant["vague"].items()},
        unstated=Vague(**quant["unstated"]), part_killed=Vague(**quant["part_killed"]),
        transitive=trig["verbs_transitive"], intransitive=trig["verbs_intransitive"],
        adjectives=trig["adjectives"], nouns=trig["nouns"], people=frozenset(people),
        definite=frozenset(refs["definite"]), generic_nouns=frozenset(refs["generic_nouns"]),
        additive=frozenset(refs["additive"]), additive_phrases=tuple(refs["additive_phrases"]),
        happening_nouns=frozenset(refs["happening_nouns"]), total_markers=tuple(refs["total_markers"]),
        total_nouns=frozenset(refs["total_nouns"]), cumulative_words=frozenset(refs["cumulative_words"]),
        cumulative_phrases=tuple(refs["cumulative_phrases"]), habitual_verbs=frozenset(refs["habitual_verbs"]),
        several_modifiers=frozenset(refs["several_modifiers"]), area_nouns=frozenset(refs["area_nouns"]),
        period_phrases=tuple(refs["period_phrases"]),
        to_death_excluded=frozenset(refs["to_death_verbs_excluded"]), result_verbs=frozenset(refs["result_verbs"]),
        reported_nouns=frozenset(refs["reported_nouns"]), competing=tuple(refs["competing"]),
        charge_words=frozenset(refs["charge_words"]), unrealised_modifiers=frozenset(refs["unrealised_modifiers"]),
        record_words=frozenset(refs["record_words"]),
    )
