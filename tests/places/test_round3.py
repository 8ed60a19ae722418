"""Rules of the third round of issue 17 (places), on sentences written for these tests."""

from __future__ import annotations

import pytest

from wirewatch.extract import Found
from wirewatch.extract.places import find
from wirewatch.model import Article, Place


@pytest.fixture(scope="module")
def places(nlp):
    def _places(text: str) -> dict[str, Place]:
        out = find(nlp(text), Found(article=Article(id="t"), text=text))["places"]
        return {p.text: p for p in out}

    return _places


@pytest.mark.parametrize("text, name, admin1", [
    ("A man's body was found on Sunday. Winona police have identified him.", "Winona", "Minnesota"),
    ("A Coral Gables man was charged with fraud on Tuesday.", "Coral Gables", "Florida"),
    ("Chicopee residents discussed the budget with the council.", "Chicopee", "Massachusetts"),
    ("The theft was reported to the Corsicana Police Department on Friday.", "Corsicana", "Texas"),
])
def test_a_towns_people_and_police_say_the_name_is_a_place(places, text, name, admin1) -> None:
    got = places(text)
    assert got[name].country_code == "US" and got[name].admin1 == admin1


def test_a_surname_before_police_stays_a_person(places) -> None:
    got = places("John Smith called the police. Smith police were not involved, Smith said.")
    assert "Smith" not in got


def test_a_generic_word_ending_a_longer_name_is_not_a_town(places) -> None:
    got = places("Bird flu was found in the Danube Delta and in the Rift Valley last week.")
    assert "Delta" not in got and "Valley" not in got


def test_a_neighbourhood_word_is_not_a_department_of_uruguay(places) -> None:
    got = places("Gunmen attacked a shop in Colonia Las Flores in Puebla on Friday.")
    assert "Colonia" not in got
    assert places("Cattle thieves were arrested in Colonia, Uruguay.")["Colonia"].country_code == "UY"


def test_cameroons_regions_by_their_french_names(places) -> None:
    got = places("Separatists clashed with soldiers in Bamenda (Mezam, Nord-Ouest) on Sunday.")
    assert (got["Nord-Ouest"].country_code, got["Nord-Ouest"].feature_code) == ("CM", "ADM1")
    got = places("On Monday soldiers clashed with separatists in Mamfe (Manyu, Sud-Ouest).")
    assert (got["Sud-Ouest"].country_code, got["Sud-Ouest"].feature_code) == ("CM", "ADM1")


def test_letters_without_an_accent_to_strip_fold_too() -> None:
    from wirewatch.gazetteer import key
    assert key("Doğubayazıt") == key("Dogubayazit") and key("Łódź") == key("Lodz") and key("Tromsø") == key("Tromso")


def test_a_big_citys_other_name_said_as_a_place_is_a_place(places) -> None:
    got = places("Officials in Dogubayazit said three children had died; two women came from Beni Suef.")
    assert got["Dogubayazit"].country_code == "TR"
    assert got["Beni Suef"].country_code == "EG"


def test_big_lakes_mountain_ranges_and_former_provinces(places) -> None:
    got = places("Dead swans were found on the shore of Lake Erie, and snow closed passes in the Ural Mountains.")
    assert got["Lake Erie"].feature_class == "H" and got["Lake Erie"].lat is not None
    assert got["Ural Mountains"].country_code == "RU"
    got = places("Cases rose in Nyanza Province and in the Rift Valley, Kenyan health officials said.")
    assert got["Nyanza Province"].country_code == "KE" and got["Rift Valley"].country_code == "KE"


def test_every_name_listed_before_counties_is_a_county(places) -> None:
    got = places("Storm warnings cover Story, Boone, Greene and Carroll counties in Iowa.")
    for name in ("Story", "Boone", "Greene", "Carroll"):
        assert (got[name].feature_code, got[name].admin1) == ("ADM2", "Iowa"), name


def test_a_states_own_name_before_another_name_of_its_city(places) -> None:
    got = places("New York's attorney general said the bank had paid, and a doctor in Bronx, New York, agreed.")
    assert got["New York"].feature_code == "ADM1" and got["New York"].admin1 == "New York"


def test_a_big_city_the_tagger_took_for_a_date_is_a_place(places) -> None:
    got = places("Police said the thefts happen often in Winnipeg.")
    assert got["Winnipeg"].country_code == "CA"
    assert "May" not in places("The vote was held in May and counted in June.")


def test_a_name_after_a_spaced_dash_is_out_of_the_persons_name(places) -> None:
    got = places("Audits were sought in two states carried by Mr Biden - Arizona and Georgia - and in Nevada.")
    assert got["Arizona"].feature_code == "ADM1"
    assert "Paul" not in places("Education Minister John-Paul Langley visited the school on Monday.")
