"""Load the events stage's data files (verb-phrase lexicon, mode cues, modality cues), once, read-only.

The files live in `wirewatch/data/events/` and are documented in `docs/events.md`; they are data, so a
user can read and extend them without touching code. A user file can replace the shipped lexicon:
`load_lexicon(path)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

STATUS_CUES = frozenset({"future", "hypothetical", "predicted", "would", "modal", "-"})


@dataclass(frozen=True, slots=True)
class Cond:
    """One frame condition of a lexicon row: `kind` is obj, subj, mod, prt, head or pobj; empty `lemmas` = "any"."""

    kind: str
    lemmas: frozenset[str]
    negate: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a trigger lemma in a frame and the PLOVER type and mode it codes ('-' type: no event)."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    conds: tuple[Cond, ...]
    flags: frozenset[str]
    line: int


def _rows(text: str, width: int, name: str) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != width:
            raise ValueError(f"{name}:{n}: expected {width} tab-separated columns, got {len(cols)}")
        rows.append((n, [c.strip() for c in cols]))
    return rows


def _read(name: str, path: Path | None = None) -> str:
    if path is not None:
        return Path(path).read_text(encoding="utf-8")
    return resources.files("wirewatch").joinpath("data", "events", name).read_text(encoding="utf-8")


def _cond(raw: str, where: str) -> Cond:
    negate = raw.startswith("!")
    kind, _, values = raw.lstrip("!").partition(":")
    if kind not in {"obj", "subj", "mod", "prt", "head", "pobj"} or not values:
        raise ValueError(f"{where}: bad condition {raw!r} (use obj:, subj:, mod:, prt:, head:, pobj: with lemmas or *)")
    lemmas = frozenset() if values == "*" else frozenset(v.lower() for v in values.split("|") if v)
    return Cond(kind, lemmas, negate)


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> dict[str, tuple[Entry, ...]]:
    """Lexicon rows by lemma, in file order (the first row whose conditions hold wins)."""
    name = "lexicon.tsv"
    out: dict[str, list[Entry]] = {}
    for n, (lemma, pos, type_, mode, cond, flags) in _rows(_read(name, path), 6, name):
        if pos not in {"V", "N", "*"}:
            raise ValueError(f"{name}:{n}: pos must be V, N or *, not {pos!r}")
        conds = tuple(_cond(c, f"{name}:{n}") for c in cond.split(",")) if cond != "-" else ()
        entry = Entry(lemma.lower(), pos, type_, None if mode == "-" else mode, conds,
                      frozenset() if flags == "-" else frozenset(flags.split(",")), n)
        out.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def load_mode_cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """Mode cue words by PLOVER type: ((lemma, mode), ...) in priority order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for _, (type_, lemma, mode) in _rows(_read("modes.tsv"), 3, "modes.tsv"):
        out.setdefault(type_, []).append((lemma.lower(), mode))
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class Cue:
    """One modality cue: its effect on certainty/polarity, its kind (for recoding) and its status effect."""

    effect: str
    kind: str | None
    status: str | None


@lru_cache(maxsize=1)
def load_modality() -> dict[str, dict[str, Cue]]:
    """Modality cues: {where: {lemma: Cue}} with where in aux, head, neg, mark."""
    out: dict[str, dict[str, Cue]] = {"aux": {}, "head": {}, "neg": {}, "mark": {}}
    for n, (lemma, where, effect, kind, status) in _rows(_read("modality.tsv"), 5, "modality.tsv"):
        if where not in out:
            raise ValueError(f"modality.tsv:{n}: where must be aux, head, neg or mark, not {where!r}")
        if status not in STATUS_CUES:
            raise ValueError(f"modality.tsv:{n}: status must be one of {sorted(STATUS_CUES)}, not {status!r}")
        out[where][lemma.lower()] = Cue(effect, None if kind == "-" else kind, None if status == "-" else status)
    return out


@lru_cache(maxsize=32)
def word_list(name: str) -> frozenset[str]:
    """One named word list of wordlists.tsv (reporting, light, meet, crowd, implicative, ...)."""
    rows = _rows(_read("wordlists.tsv"), 2, "wordlists.tsv")
    words = frozenset(lemma.lower() for _, (list_, lemma) in rows if list_ == name)
    if not words:
        raise KeyError(f"wordlists.tsv has no list {name!r}")
    return words
