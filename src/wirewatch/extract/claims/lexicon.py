"""The claim cue lexicons, read once from `wirewatch/data/claims/*.tsv` (data, not code).

Each table is small and read-only; `lru_cache` makes every loader a one-time read per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Cue", "verb_cues", "noun_cues", "modality", "verification_patterns", "role_kinds", "rebuttal_patterns",
           "silences", "editorial_labels", "channels"]


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word: which complements carry its content, and what it says about certainty/polarity."""

    lemma: str
    frames: frozenset[str]
    certainty: str | None
    polarity: str | None


def _rows(name: str) -> list[list[str]]:
    text = resources.files("wirewatch").joinpath("data", "claims", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def verb_cues() -> dict[str, Cue]:
    """Reporting and belief verbs by lemma (`cues.tsv`)."""
    out: dict[str, Cue] = {}
    for lemma, _pos, frames, certainty, polarity in _rows("cues.tsv"):
        old = out.get(lemma)
        fr = frozenset(frames.split(",")) | (old.frames if old else frozenset())
        out[lemma] = Cue(lemma, fr, _opt(certainty), _opt(polarity))
    return out


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, Cue]:
    """Reporting nouns by lemma (`nouns.tsv`): "the claim that ...", "made no mention of ..."."""
    return {lemma: Cue(lemma, frozenset(), _opt(c), _opt(p)) for lemma, c, p in _rows("nouns.tsv")}


@lru_cache(maxsize=1)
def modality() -> dict[str, frozenset[str]]:
    """Word -> effects (possible, probable, uncertain, negative) when it governs a claim's content."""
    return {w: frozenset(e for e in eff.split(",") if e != "-") for w, eff in _rows("modality.tsv")}


@lru_cache(maxsize=1)
def verification_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(status, compiled pattern) pairs that mark an outlet's verification statement."""
    return tuple((status, re.compile(pat, re.I)) for status, pat in _rows("verification.tsv"))


@lru_cache(maxsize=1)
def role_kinds() -> dict[str, str | None]:
    """Role nouns ("ministry", "spokesman") -> sector code of a source they head."""
    return {lemma: _opt(kind) for lemma, kind in _rows("roles.tsv")}


@lru_cache(maxsize=1)
def rebuttal_patterns() -> re.Pattern[str]:
    """Words that, in a claim, rebut another source's claim ("false", "no legal basis"), as one pattern."""
    return re.compile("|".join(f"(?:{row[0]})" for row in _rows("disputes.tsv")), re.I)


@lru_cache(maxsize=1)
def silences() -> dict[str, frozenset[str]]:
    """Cues that report saying nothing (`silences.tsv`): {"negated"|"refused"|"content": words}."""
    out: dict[str, set[str]] = {"negated": set(), "refused": set(), "content": set()}
    for kind, lemma in _rows("silences.tsv"):
        out[kind].add(lemma)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def editorial_labels() -> frozenset[str]:
    """Capitalised labels that open a paragraph but name no speaker ("UPDATE:", "CORRECTION:"; `labels.tsv`)."""
    return frozenset(row[0].lower() for row in _rows("labels.tsv"))


@lru_cache(maxsize=1)
def channels() -> frozenset[str]:
    """Nouns for the occasion or channel of a report ("in a statement", "on Twitter"; `channels.tsv`)."""
    return frozenset(row[0].lower() for row in _rows("channels.tsv"))
