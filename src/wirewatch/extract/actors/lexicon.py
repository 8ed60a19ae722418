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
from typing import Iterator

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
    matcher_exact: PhraseMatcher | None = None  # the same matches as the patterns, found faster
    matcher_fold: PhraseMatcher | None = None

    @cached_property
    def role_words(self) -> frozenset[str]:
        """Every word of every role phrase: a noun phrase without one of them has no role."""
        return frozenset(w for phrase in self.roles for w in phrase.split())

    @cached_property
    def role_word_ids(self) -> dict[int, bool]:
        """Filled as articles are read: spaCy string id (the same in every vocab) -> is it one of `role_words`."""
        return {}

    @cached_property
    def token_cue_ids(self) -> dict[int, bool]:
        """Filled as articles are read: spaCy string id -> is the word a country name or a pronoun the actors'
        token-by-token pass reads (`mentions._token_cues`)."""
        return {}

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


def _alternatives(phrases: list[str]) -> list[str]:
    """Each phrase as a regex, longest first (the alternation then prefers the longest phrase at a place)."""
    return [re.escape(p).replace("'", "['’]") for p in sorted(set(phrases), key=len, reverse=True)]


_BOUND = r"(?<![\w-]){}(?![\w-])"   # a phrase is a whole word (or words): no letter or hyphen either side
_ATOM = re.compile(r"\['’\]|\\.|.", re.DOTALL)  # one character of an escaped phrase: ['’], \x or x


class PhraseMatcher:
    """`pattern.finditer(text)` for `pattern` = the phrases' alternation between word bounds, the same matches,
    found faster: a match can only start at a word start whose first two characters begin some phrase, so at
    each word start only the phrases that begin that way are tried (a short alternation, compiled once per
    pair of characters), and most word starts are passed over by a dict lookup. Python's regex engine would
    try every phrase at every word start."""

    def __init__(self, phrases: list[str], flags: int = 0) -> None:
        self.flags = flags
        self.alternatives = _alternatives(phrases)
        self.pattern = re.compile(_BOUND.format(f"(?:{'|'.join(self.alternatives)})"), flags)
        self._atoms = [_ATOM.findall(a) for a in self.alternatives]
        firsts = {re.sub(r"^\\", "", a[0]) if a[0] != "['’]" else "'’" for a in self._atoms}
        self._starts = re.compile(r"(?<![\w-])[" + "".join(re.escape(c) for c in sorted("".join(firsts))) + "]",
                                  flags)
        self._by_start: dict[str, re.Pattern[str] | None] = {}
        self._fits: dict[tuple[str, str], bool] = {}  # (atom, character) -> does the atom match it

    def _fit(self, atom: str, ch: str) -> bool:
        fits = self._fits.get((atom, ch))
        if fits is None:
            fits = self._fits[(atom, ch)] = re.fullmatch(atom, ch, self.flags) is not None
        return fits

    def _for(self, start: str) -> re.Pattern[str] | None:
        """The alternation of the phrases (in the same order) that can begin with `start` (1 or 2 characters)."""
        fits = [alt for alt, atoms in zip(self.alternatives, self._atoms)
                if all(self._fit(atom, ch) for atom, ch in zip(atoms, start))]
        return re.compile(_BOUND.format(f"(?:{'|'.join(fits)})"), self.flags) if fits else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        by_start = self._by_start
        pos = 0   # as finditer: a match is looked for after the end of the one before (never empty)
        for c in self._starts.finditer(text):  # every word start a phrase could begin at, in order
            i = c.start()
            if i < pos:
                continue
            start = text[i:i + 2]
            pattern = by_start.get(start, False)
            if pattern is False:
                pattern = by_start[start] = self._for(start)
            if pattern is not None and (m := pattern.match(text, i)) is not None:
                yield m
                pos = m.end()


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
    matcher_exact = PhraseMatcher(exact) if exact else None
    matcher_fold = PhraseMatcher(fold, re.IGNORECASE) if fold else None
    return ActorLexicon(
        entries=tuple(by_phrase.values()),
        countries=countries,
        country_lower={k.lower(): v for k, v in countries.items()},
        roles=roles,
        pattern_exact=matcher_exact.pattern if matcher_exact else None,
        pattern_fold=matcher_fold.pattern if matcher_fold else None,
        by_phrase=by_phrase,
        matcher_exact=matcher_exact,
        matcher_fold=matcher_fold,
    )
