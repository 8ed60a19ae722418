"""Resolution that reads the context: relations, qualifiers, brackets, streets, groups that are not places."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from wirewatch.extract.places import country_cues, place_in
from wirewatch.extract.places.recognize import find_mentions
from wirewatch.extract.places.resolve import resolve
from wirewatch.gazetteer import Gazetteer, build
from wirewatch.model import Place

# Made-up GeoNames rows: two villages called Zelenyi Yar, the small one close to Kharkiv, the larger one far
# south; Kharkiv, its oblast and the country.
ROWS = [
    (99100001, "Zelenyi Yar", 50.08, 36.30, "P", "PPL", "07", 310),
    (99100002, "Zelenyi Yar", 46.60, 32.70, "P", "PPL", "11", 2900),
    (706483, "Kharkiv", 49.98, 36.25, "P", "PPLA", "07", 1_430_000),
    (706482, "Kharkiv Oblast", 49.50, 36.50, "A", "ADM1", "07", 2_700_000),
    (690791, "Ukraine", 49.00, 32.00, "A", "PCLI", "00", 41_000_000),
]


@pytest.fixture(scope="module")
def village_gazetteer(tmp_path_factory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("yar")
    lines = []
    for gid, name, lat, lon, fclass, fcode, admin1, pop in ROWS:
        cols = [gid, name, name, "", lat, lon, fclass, fcode, "UA", "", admin1, "", "", "", pop, "", "", "", ""]
        lines.append("\t".join(str(c) for c in cols) + "\n")
    dump = folder / "UA.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("UA.txt", "".join(lines))
    return Gazetteer(build(folder / "g.sqlite", dump=dump, packaged=False))


def _resolved(nlp, gaz: Gazetteer, text: str) -> dict[str, object]:
    doc = nlp(text)
    doc.user_data["ww_text"] = text
    return {r.mention.key: r for r in resolve(find_mentions(doc, gaz))}


def test_a_village_said_to_be_north_of_a_city_is_the_one_near_it(nlp, village_gazetteer) -> None:
    got = _resolved(nlp, village_gazetteer, "Artillery struck Zelenyi Yar, north of Kharkiv, on Tuesday.")
    assert got["zelenyi yar"].candidate.geonameid == 99100001
    assert got["kharkiv"].mention.relation == "north of"


def test_without_the_relation_the_larger_namesake_is_the_default(nlp, village_gazetteer) -> None:
    got = _resolved(nlp, village_gazetteer, "Artillery struck the village of Zelenyi Yar on Tuesday.")
    assert got["zelenyi yar"].candidate.geonameid == 99100002


def test_near_and_distance_phrases_mark_the_relation(extract_text) -> None:
    doc = extract_text("Fighting went on near Lozova and 30 km south of Izium on Sunday.")
    rel = {p.text: (p.relation, p.precision) for p in doc.places}
    assert rel["Lozova"] == ("near", "near town")
    assert rel["Izium"] == ("30 km south of", "near town")


def test_a_town_then_its_region_reads_the_second_name_as_the_region(extract_text) -> None:
    doc = extract_text("A missile hit a school in Lozova, Kharkiv, killing two teachers.")
    places = {p.text: p for p in doc.places}
    assert places["Lozova"].admin1 == "Kharkiv Oblast" and places["Lozova"].precision == "town"
    assert places["Kharkiv"].feature_code == "ADM1" and places["Kharkiv"].precision == "region"


def test_a_list_of_cities_is_not_town_and_region(extract_text) -> None:
    doc = extract_text("Missiles hit Kyiv, Kharkiv and Odesa overnight.")
    assert {p.text: p.feature_class for p in doc.places}["Kharkiv"] == "P"


def test_names_in_brackets_qualify_the_place_before_them(extract_text) -> None:
    doc = extract_text("On 5 May, dock workers in Tome (Biobio) marched against the closure of a pier.")
    tome = next(p for p in doc.places if p.text == "Tome")
    assert tome.country_code == "CL"


@pytest.mark.parametrize("group", ["the EU", "Nato", "the UN", "the West", "the Baltic states", "the European Union"])
def test_organisations_and_groups_of_countries_are_not_places(extract_text, group: str) -> None:
    doc = extract_text(f"Officials said {group} would send more help to Ukraine soon.")
    assert [p.text for p in doc.places] == ["Ukraine"]


def test_the_west_bank_is_still_a_place(extract_text) -> None:
    doc = extract_text("Troops raided a village in the West Bank on Monday.")
    assert any(p.text == "West Bank" for p in doc.places)


def test_a_street_named_after_a_city_is_not_the_city(extract_text) -> None:
    doc = extract_text("The fire started at 6016 Dublin Road and spread to a house on Memphis St. nearby.")
    assert not any(p.text in ("Dublin", "Memphis") for p in doc.places)


def test_local_institutions_point_to_the_country(extract_text) -> None:
    text = ("Alexandria man charged after fire. The Sheriff's Office said the suspect, of 12 Pine St., Alexandria, "
            "was held in the Rapides Parish jail.")
    assert country_cues(text)["US"] >= 1
    doc = extract_text(text)
    assert {p.country_code for p in doc.places if p.text == "Alexandria"} == {"US"}


def test_precision_says_town_region_or_country(extract_text) -> None:
    doc = extract_text("Shelling hit Kharkiv, the Donetsk region and Ukraine's south.")
    got = {p.text: p.precision for p in doc.places}
    assert got["Kharkiv"] == "town" and got["Ukraine"] == "country"
    assert got["Donetsk region"] == "region"


def test_the_event_place_is_never_a_demonym() -> None:
    demonym = Place(id="p1", text="Russian", start=0, end=7, lat=60.0, lon=100.0, feature_class="A",
                    feature_code="PCLI", demonym=True, confidence=0.9)
    town = Place(id="p2", text="Ukraine", start=20, end=27, lat=49.0, lon=32.0, feature_class="A",
                 feature_code="PCLI", confidence=0.5)
    assert place_in(0, 40, [demonym, town]).id == "p2"
    assert place_in(0, 10, [demonym]) is None
