"""Read-only access to the compiled index: where it lives, building it on first use, looking names up.

Location, first match wins: `$WIREWATCH_GAZETTEER` (a file you built, e.g. from allCountries.zip), else
`<cache>/gazetteer-full.sqlite` if `wirewatch gazetteer build --geonames` made one, else
`<cache>/gazetteer-<fingerprint>.sqlite`, built from the packaged data the first time it is needed
(`<cache>` is `$XDG_CACHE_HOME/wirewatch` or `~/.cache/wirewatch`).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .normalize import key, sound_key, spelling

FUZZY = 4  # Candidate.kind of an entry found by a spelling variant
SPELLING_RATIO = 0.8  # how alike two folded spellings must be (difflib ratio) to be one name


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name can refer to, and how the name is attached to it (0 main … 3 short form)."""

    geonameid: int
    name: str
    country_code: str
    admin1_code: str | None
    admin1: str | None
    feature_class: str
    feature_code: str
    lat: float | None
    lon: float | None
    population: int
    kind: int  # 0 main name, 1 English alias, 2 foreign/historic alternate, 3 short form, 4 spelling variant


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirewatch"


def default_path() -> Path:
    """The index file the pipeline uses (built from the packaged data if it does not exist yet)."""
    if os.environ.get("WIREWATCH_GAZETTEER"):
        return Path(os.environ["WIREWATCH_GAZETTEER"])
    full = cache_dir() / "gazetteer-full.sqlite"
    if full.exists():
        return full
    from .build import fingerprint

    return cache_dir() / f"gazetteer-{fingerprint()}.sqlite"


class Gazetteer:
    """Name lookups against one index file, opened read-only (safe to share between processes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._db.execute("PRAGMA query_only=1")
        # per-instance memo of name lookups: news repeats the same few hundred names across articles
        self._cached_lookup = lru_cache(maxsize=100_000)(self._lookup_one)
        self._cached_known = lru_cache(maxsize=200_000)(self._known_one)
        self._cached_demonym = lru_cache(maxsize=200_000)(self._demonym_one)
        self._cached_sound = lru_cache(maxsize=100_000)(self._sound_one)
        self._demonym_keys: frozenset[str] | None = None   # every demonym key (a small table), read once

    def _lookup_one(self, k: str, limit: int) -> tuple[Candidate, ...]:
        rows = self._db.execute(
            "SELECT p.id, p.name, p.cc, p.admin1_code, p.admin1, p.fclass, p.fcode, p.lat, p.lon, p.pop, n.kind "
            "FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND n.rank < ?", (k, limit))
        return tuple(Candidate(*row) for row in rows)

    def _known_one(self, k: str) -> bool:
        return self._db.execute("SELECT 1 FROM name WHERE key = ? AND rank = 0", (k,)).fetchone() is not None

    def _demonym_one(self, k: str) -> Candidate | None:
        row = self._db.execute(
            "SELECT p.id, p.name, p.cc, p.admin1_code, p.admin1, p.fclass, p.fcode, p.lat, p.lon, p.pop, 0 "
            "FROM demonym d JOIN place p ON p.id = d.id WHERE d.key = ?", (k,)).fetchone()
        return Candidate(*row) if row else None

    def _sound_one(self, k: str) -> tuple[tuple[str, int], ...]:
        try:
            return tuple(self._db.execute("SELECT spelling, id FROM sound WHERE key = ?", (k,)))
        except sqlite3.OperationalError:  # an index built before spelling variants were indexed
            return ()

    def spelling_variants(self, name: str, min_ratio: float = SPELLING_RATIO) -> list[tuple[float, Candidate]]:
        """Entries one of whose names is another spelling of `name` ('Tal Tamer' -> Tall Tamr, 'Quamishli' -> Al
        Qamishli): the same sound key, and folded spellings (`normalize.spelling`) alike to `min_ratio`
        (difflib's ratio). Each with its ratio, kind 4. A hint only: the caller weighs it against the context."""
        sk = sound_key(name)
        if len(sk) < 2:
            return []
        mine = spelling(name)
        best: dict[int, float] = {}
        matcher = SequenceMatcher(None, b=mine, autojunk=False)
        for spelt, gid in self._cached_sound(sk):
            matcher.set_seq1(spelt)
            if matcher.real_quick_ratio() >= min_ratio and matcher.quick_ratio() >= min_ratio \
                    and (r := matcher.ratio()) >= min_ratio and r > best.get(gid, 0.0):
                best[gid] = r
        out = []
        for gid, r in best.items():
            c = self.by_id(gid)
            if c is not None:
                out.append((r, replace(c, kind=FUZZY)))
        return sorted(out, key=lambda rc: (-rc[0], -rc[1].population))

    def lookup_keys(self, keys: Iterable[str], limit: int = 40) -> dict[str, list[Candidate]]:
        """Candidates for each key in the index (the `limit` most prominent); keys absent are unknown."""
        out: dict[str, list[Candidate]] = {}
        for k in set(keys):
            found = self._cached_lookup(k, limit)
            if found:
                out[k] = list(found)
        return out

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for one name, most populous first."""
        return sorted(self.lookup_keys([key(name)]).get(key(name), []), key=lambda c: (c.kind, -c.population))

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these keys name anything (cheap: touches only the name index)."""
        return {k for k in set(keys) if self._cached_known(k)}

    def demonyms(self, keys: Iterable[str]) -> dict[str, Candidate]:
        """Demonym/adjective key -> the country it refers to ('russian' -> Russia). Only keys of the demonym
        table (a few hundred, read once) are looked up: most of an article's n-gram keys are new, and a query
        for each cost 0.2 ms an article."""
        if self._demonym_keys is None:
            self._demonym_keys = frozenset(k for (k,) in self._db.execute("SELECT key FROM demonym"))
        out: dict[str, Candidate] = {}
        for k in set(keys) & self._demonym_keys:
            found = self._cached_demonym(k)
            if found is not None:
                out[k] = found
        return out

    def by_id(self, geonameid: int) -> Candidate | None:
        row = self._db.execute("SELECT id, name, cc, admin1_code, admin1, fclass, fcode, lat, lon, pop, 0 "
                               "FROM place WHERE id = ?", (geonameid,)).fetchone()
        return Candidate(*row) if row else None

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT k, v FROM meta"))

    def populated_places(self, min_population: int) -> list[Candidate]:
        """Populated places (class P) with at least this population, capitals whatever their size; most
        populous first. For map labels."""
        rows = self._db.execute(
            "SELECT id, name, cc, admin1_code, admin1, fclass, fcode, lat, lon, pop, 0 FROM place WHERE fclass = 'P'"
            " AND lat IS NOT NULL AND (pop >= ? OR fcode = 'PPLC') ORDER BY pop DESC", (min_population,))
        return [Candidate(*row) for row in rows]


@lru_cache(maxsize=4)
def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer, opened once per process; builds the default index first if it is missing."""
    path = path or default_path()
    if not path.exists():
        from .build import build

        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one process builds, the others wait for its file
            if not path.exists():
                build(path)
                _drop_stale(path)
    return Gazetteer(path)


STALE_AFTER_S = 2 * 86400  # other fingerprints unused this long are dropped


def _drop_stale(current: Path) -> None:
    """Remove cache files of other fingerprints (built from older data) that nothing has used for two days.

    Several checkouts of different versions may share one cache directory (and run at the same time): a
    fresh file of another fingerprint is another version's index in use, not garbage."""
    if current.parent != cache_dir():
        return
    now = time.time()
    for old in current.parent.glob("gazetteer-????????????.sqlite"):
        try:
            if old != current and now - max(old.stat().st_mtime, old.stat().st_atime) > STALE_AFTER_S:
                old.unlink(missing_ok=True)
        except OSError:
            continue  # removed meanwhile by another process
