"""The places stage on sentences written for these tests: recognition, resolution, demonyms, place_in."""

from __future__ import annotations

import math

import pytest

from wirewatch.extract import Found
from wirewatch.extract.places import demonym_mode, find, place_in
from wirewatch.model import Article, Place


@pytest.fixture(scope="module")
def places(nlp):
    def _places(text: str, dateline: str | None = None) -> list[Place]:
        found = Found(article=Article(id="t", dateline=dateline), text=text)
        out = find(nlp(text), found)["places"]
        for p in out:
            assert text[p.start:p.end] == p.text
        return out

    return _places


def _by_text(places: list[Place]) -> dict[str, Place]:
    return {p.text: p for p in places}


def km(p: Place, lat: float, lon: float) -> float:
    a, b = math.radians(p.lat), math.radians(lat)
    h = math.sin((b - a) / 2) ** 2 + math.cos(a) * math.cos(b) * math.sin(math.radians(lon - p.lon) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def test_old_spellings_resolve_to_the_ukrainian_cities(places) -> None:
    got = _by_text(places("Missiles struck Kharkov and Nikolaev overnight, officials in Kiev said on Monday."))
    assert got["Kharkov"].geonameid == 706483
    assert got["Nikolaev"].geonameid == 700569
    assert got["Kiev"].geonameid == 703448
    assert got["Nikolaev"].admin1 == "Mykolayiv Oblast"


def test_a_state_after_the_town_decides_which_town(places) -> None:
    got = _by_text(places("The fire started in Alexandria, La., late on Friday, and spread to two houses."))
    assert got["Alexandria"].country_code == "US"
    assert got["Alexandria"].admin1 == "Louisiana"


def test_the_article_context_decides_an_ambiguous_name(places) -> None:
    us = _by_text(places("Storms hit Atlanta and Savannah. Across Georgia, schools stayed closed on Monday."))
    assert us["Georgia"].country_code == "US" and us["Georgia"].feature_code == "ADM1"
    caucasus = _by_text(places("Talks in Tbilisi ended without a deal. Georgia wants to join the EU, its premier said."))
    assert caucasus["Georgia"].country_code == "GE"


def test_one_sense_per_article(places) -> None:
    got = places("Paris, Texas, held a parade on Saturday. Later Paris opened a new library for its children.")
    paris = [p for p in got if p.text == "Paris"]
    assert len(paris) == 2 and {p.geonameid for p in paris} == {paris[0].geonameid}
    assert paris[0].country_code == "US"


@pytest.fixture
def located_only(monkeypatch):
    """WIREWATCH_PLACES_DEMONYMS=located for one test (the mode is read once per process: cache cleared)."""
    monkeypatch.setenv("WIREWATCH_PLACES_DEMONYMS", "located")
    demonym_mode.cache_clear()
    yield
    monkeypatch.delenv("WIREWATCH_PLACES_DEMONYMS")
    demonym_mode.cache_clear()


def test_every_demonym_is_a_flagged_place_by_default(places) -> None:
    got = places("Russian forces shelled Ukraine's second city from Belgorod, a Ukrainian spokesman said.")
    assert [p.text for p in got] == ["Russian", "Ukraine", "Belgorod", "Ukrainian"]
    assert [p.demonym for p in got] == [True, False, False, True]
    assert got[0].country_code == "RU" and got[0].precision is None


def test_demonyms_of_countries_whose_places_are_named_are_not_places_when_located_only(places, located_only) -> None:
    got = places("Russian forces shelled Ukraine's second city from Belgorod, a Ukrainian spokesman said.")
    assert [p.text for p in got] == ["Ukraine", "Belgorod"]


def test_a_demonym_that_says_where_is_a_place_when_located_only(places, located_only) -> None:
    got = _by_text(places("Russian hackers targeted the election in Ohio, officials in Columbus said."))
    assert got["Russian"].country_code == "RU" and got["Russian"].demonym and got["Russian"].precision is None
    got = _by_text(places("Shells from Aleppo landed on the Turkish side of the border near Kilis."))
    assert got["Turkish"].country_code == "TR" and got["Turkish"].demonym


def test_demonyms_go_to_extras_with_their_country(nlp) -> None:
    text = "Russian troops left the town, Ukrainian officials said."
    out = find(nlp(text), Found(article=Article(id="t"), text=text))
    assert ("RU" in {cc for _, _, cc in out["place_demonyms"]}) and ("UA" in {cc for _, _, cc in out["place_demonyms"]})


def test_a_place_that_is_also_a_common_word_needs_evidence(places) -> None:
    assert places("Reading is a pleasure, and nice weather helps. Split the bill, she said.") == []
    got = _by_text(places("He moved to Reading, England, in 2019, and later to Nice, France."))
    assert got["Reading"].country_code == "GB"
    assert got["Nice"].country_code == "FR"


def test_a_surname_that_is_also_a_town_is_not_a_place(places) -> None:
    got = places("Officer Tom Ripley said the road was closed. Ripley added that nobody was hurt.")
    assert "Ripley" not in {p.text for p in got}


def test_regions_named_with_a_type_word_resolve_to_the_division(places) -> None:
    got = places("Fighting went on in the Donetsk and Luhansk regions, and shells fell on the Kharkiv region.")
    divisions = {p.text: p for p in got}
    assert divisions["Donetsk"].feature_code == "ADM1" and divisions["Luhansk"].feature_code == "ADM1"
    assert divisions["Kharkiv region"].admin1 == "Kharkiv Oblast"


def test_donbas_and_crimea(places) -> None:
    got = _by_text(places("Moscow annexed Crimea in 2014 and backs separatists in the Donbass."))
    assert got["Donbass"].name == "Donbas" and km(got["Donbass"], 48.0, 38.0) < 161
    assert got["Crimea"].feature_code == "ADM1" and km(got["Crimea"], 45.0, 34.0) < 161


def test_confidence_and_sentence_are_set(places) -> None:
    got = places("The talks took place in Istanbul. Later, shelling resumed near Chernihiv.")
    assert [p.sentence for p in got] == [0, 1]
    assert all(0 < p.confidence <= 1 for p in got)
    assert [p.id for p in got] == ["p1", "p2"]


def test_place_in_prefers_the_town_over_its_country(places) -> None:
    text = "In Ukraine, Russian shells hit Mariupol on Tuesday. Talks went on in Turkey."
    got = places(text)
    first = text.index(".") + 1
    assert place_in(0, first, got).text == "Mariupol"
    assert place_in(first, len(text), got).text == "Turkey"
    assert place_in(0, 2, got) is None
