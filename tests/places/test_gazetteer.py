"""The gazetteer index: packaged data and transliterations, and building from a GeoNames dump."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.extract.places.recognize import find_mentions
from wirewatch.extract.places.resolve import resolve
from wirewatch.gazetteer import Gazetteer, build, key, open_gazetteer

# Rows in GeoNames' own tab format (19 columns): two made-up villages, their oblast and the country.
DUMP_ROWS = [
    (99000001, "Ostrivka Nova", "Ostrivka Nova", "Nova Ostrivka,Ostrovka Novaya", 49.71, 36.52, "P", "PPL", "UA",
     "07", 412),
    (99000002, "Ostrivka Nova", "Ostrivka Nova", "", 45.10, 33.90, "P", "PPL", "UA", "11", 95),
    (706482, "Kharkiv Oblast", "Kharkiv Oblast", "Kharkivska oblast", 49.5, 36.5, "A", "ADM1", "UA", "07", 2_700_000),
    (690791, "Ukraine", "Ukraine", "Ukraina", 49.0, 32.0, "A", "PCLI", "UA", "00", 41_000_000),
]


def _dump_line(row: tuple) -> str:
    gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc, admin1, pop = row
    cols = [gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc, "", admin1, "", "", "", pop, "", "", "Europe/Kyiv",
            "2024-01-01"]
    return "\t".join(str(c) for c in cols) + "\n"


@pytest.fixture(scope="module")
def dump_zip(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("geonames") / "UA.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("UA.txt", "".join(_dump_line(r) for r in DUMP_ROWS))
    return path


def test_key_folds_case_accents_and_quotes() -> None:
    assert key("  Kyïv ") == "kyiv"
    assert key("People’s  Republic") == "people's republic"


@pytest.mark.parametrize("spelling", ["Kiev", "Kyiv", "KYIV", "Kyïv"])
def test_transliterations_of_kyiv_are_one_entry(spelling: str) -> None:
    cities = [c for c in open_gazetteer().lookup(spelling) if c.feature_class == "P"]
    assert cities[0].geonameid == 703448


@pytest.mark.parametrize("spelling,geonameid", [("Nikolaev", 700569), ("Mykolaiv", 700569), ("Kharkov", 706483),
                                                ("Kharkiv", 706483), ("Bakhmut", 713174),
                                                ("Lisichansk", 702972), ("Sievierodonetsk", 691999),
                                                ("Severodonetsk", 691999), ("Kryvyi Rih", 703845)])
def test_transliterations_resolve_to_the_city(spelling: str, geonameid: int) -> None:
    cities = [c for c in open_gazetteer().lookup(spelling) if c.feature_class == "P"]
    assert cities[0].geonameid == geonameid


def test_country_short_forms_and_region_names() -> None:
    gaz = open_gazetteer()
    assert gaz.lookup("U.S.")[0].country_code == "US"
    assert gaz.lookup("Britain")[0].country_code == "GB"
    assert gaz.lookup("Donbass")[0].name == "Donbas"
    crimea = gaz.lookup("Crimea")[0]
    assert crimea.geonameid == 703883 and crimea.lat is not None
    oblast = [c for c in gaz.lookup("Mykolaiv Oblast") if c.feature_code == "ADM1"][0]
    assert oblast.admin1 == "Mykolayiv Oblast"


def test_countries_have_points_and_demonyms() -> None:
    gaz = open_gazetteer()
    ukraine = gaz.lookup("Ukraine")[0]
    assert ukraine.feature_code == "PCLI" and 44 < ukraine.lat < 53
    assert gaz.demonyms(["russian", "americans"])["americans"].country_code == "US"


def test_build_from_a_geonames_dump_resolves_a_village(dump_zip: Path, tmp_path: Path, nlp) -> None:
    out = tmp_path / "gaz.sqlite"
    result = CliRunner().invoke(app, ["gazetteer", "build", "--geonames", str(dump_zip), "--dump-only",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    gaz = Gazetteer(out)
    assert {c.geonameid for c in gaz.lookup("Ostrivka Nova")} == {99000001, 99000002}
    assert gaz.lookup("Nova Ostrivka")[0].geonameid == 99000001
    doc = nlp("Artillery hit Ostrivka Nova, a village in Kharkiv Oblast, on Tuesday, Ukrainian officials said.")
    resolved = {r.mention.key: r.candidate for r in resolve(find_mentions(doc, gaz))}
    village = resolved["ostrivka nova"]
    assert village.geonameid == 99000001
    assert village.admin1 == "Kharkiv Oblast"


def test_build_from_a_plain_text_dump(tmp_path: Path) -> None:
    txt = tmp_path / "cities500.txt"
    txt.write_text("".join(_dump_line(r) for r in DUMP_ROWS), encoding="utf-8")
    out = build(tmp_path / "g.sqlite", dump=txt, packaged=False)
    assert Gazetteer(out).meta()["places"].isdigit()
    assert Gazetteer(out).by_id(99000002).lat == pytest.approx(45.10)


def test_lookup_command_prints_json_lines() -> None:
    result = CliRunner().invoke(app, ["gazetteer", "lookup", "Kharkov", "-n", "1"])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["geonameid"] == 706483


def test_lookup_command_fails_on_unknown_name() -> None:
    result = CliRunner().invoke(app, ["gazetteer", "lookup", "Qqqzzxville"])
    assert result.exit_code == 1


def test_a_fresh_index_of_another_version_in_a_shared_cache_is_kept(tmp_path: Path, monkeypatch) -> None:
    """Two checkouts of different versions share ~/.cache: neither deletes the other's index while in use."""
    import os
    import time

    from wirewatch.gazetteer import store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = store.cache_dir()
    folder.mkdir(parents=True)
    current, fresh, old = (folder / f"gazetteer-{n * 12}.sqlite" for n in "abc")
    for f in (current, fresh, old):
        f.write_bytes(b"")
    long_ago = time.time() - 3 * 86400
    os.utime(old, (long_ago, long_ago))
    store._drop_stale(current)
    assert current.exists() and fresh.exists() and not old.exists()


def test_the_index_is_rebuilt_when_its_inputs_change_not_the_stage_rules(tmp_path: Path) -> None:
    import shutil

    from wirewatch.gazetteer import fingerprint
    from wirewatch.gazetteer.sources import supplement_dir

    folder = tmp_path / "supplement"
    shutil.copytree(supplement_dir(), folder)
    before = fingerprint(folder)
    (folder / "country_cues.tsv").write_text("cue\tcountry_code\n\\bMPP\\b\tCA\n", encoding="utf-8")
    assert fingerprint(folder) == before
    with (folder / "aliases.tsv").open("a", encoding="utf-8") as f:
        f.write("703448\tKyjiw\n")
    assert fingerprint(folder) != before
