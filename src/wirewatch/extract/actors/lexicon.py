"""The actors stage's tables, read once from `wirewatch/data/actors/` plus an optional user file.

- `dictionary.tsv`: phrase, normalised name, sector code, country (what no language model knows by itself);
  a user file in the same format is named by the environment variable `WIREWATCH_ACTORS`.
- `countries.tsv`: country names, capitals and demonyms -> ISO 3166-1 alpha-2.
- `roles.tsv`: titles and role nouns -> sector code ("minister" GOV, "troops" MIL, "police" COP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from pathlib import Path

from ...errors import WirewatchError

__all__ = ["Entry", "ActorLexicon", "actor_lexicon"]

ENV_VAR = "WIREWATCH_ACTORS"


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary actor: how it is written, what it is called, its sector and country."""

    phrase: str
    name: str
    kind: str | None
    country: str | None


@dataclass(frozen=True)
class ActorLexicon:
    entries: tuple[Entry, ...]
    countries: dict[str, str]      # "Russian" -> "RU", "Britain" -> "GB" (case as written)
    country_lower: dict[str, str]  # lower-cased, for words spaCy capitalises oddly
    roles: dict[str, str]          # "defence minister" -> "MIL"
    pattern_exact: re.Pattern | None    # acronyms ("UN", "AP", "WHO"): case-sensitive
    pattern_fold: re.Pattern | None     # everything else: case-insensitive
    by_phrase: dict[str, Entry]         # key: phrase as written for acronyms, lower-cased otherwise

    @cached_property
    def role_words(self) -> frozenset[str]:
        """Every word of every role phrase: a noun phrase without one of them has no role."""
        return frozenset(w for phrase in self.roles for w in phrase.split())

    def entry_for(self, matched: str) -> Entry | None:
        matched = matched.replace("’", "'")
        return self.by_phrase.get(matched) or self.by_phrase.get(matched.lower())


def _rows(text: str, source: str, min_cols: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < min_cols or not cols[0]:
            raise WirewatchError(f"{source}:{n}: expected {min_cols} tab-separated columns, got {line!r}")
        rows.append(cols + [""] * (4 - len(cols)))
    return rows


def _data(name: str) -> str:
    return files("wirewatch").joinpath("data", "actors", name).read_text(encoding="utf-8")


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(phrase.replace(".", "")) <= 6


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace("'", "['’]") for p in sorted(set(phrases), key=len, reverse=True))


@lru_cache(maxsize=8)
def actor_lexicon(extra_path: str | None = None) -> ActorLexicon:
    """All tables (cached per user-file path). A bad user file raises WirewatchError naming file and line."""
    rows = _rows(_data("dictionary.tsv"), "dictionary.tsv", 2)
    if extra_path:
        path = Path(extra_path)
        try:
            rows += _rows(path.read_text(encoding="utf-8"), str(path), 2)
        except OSError as exc:
            raise WirewatchError(f"{ENV_VAR}={extra_path}: cannot read ({exc.strerror})") from exc
    by_phrase: dict[str, Entry] = {}
    for phrase, name, kind, country in rows:
        entry = Entry(phrase, name or phrase, kind.upper() or None, country.upper() or None)
        by_phrase[phrase if _is_acronym(phrase) else phrase.lower()] = entry   # later rows (user) win
    exact = [p for p in by_phrase if _is_acronym(p)]
    fold = [e.phrase for k, e in by_phrase.items() if not _is_acronym(k)]
    countries: dict[str, str] = {}
    for word, code, *_ in _rows(_data("countries.tsv"), "countries.tsv", 2):
        countries.setdefault(word, code.upper())
    roles = {r[0].lower(): r[1].upper() for r in _rows(_data("roles.tsv"), "roles.tsv", 2)}
    bound = r"(?<![\w-]){}(?![\w-])"
    return ActorLexicon(
        entries=tuple(by_phrase.values()),
        countries=countries,
        country_lower={k.lower(): v for k, v in countries.items()},
        roles=roles,
        pattern_exact=re.compile(bound.format(f"(?:{_alternation(exact)})")) if exact else None,
        pattern_fold=re.compile(bound.format(f"(?:{_alternation(fold)})"), re.IGNORECASE) if fold else None,
        by_phrase=by_phrase,
    )
