"""Done-when check on the shared seed article (read at run time, skipped when it is not beside the project)."""

from __future__ import annotations

import pytest

from wirewatch.extract import Found
from wirewatch.extract.places import find
from wirewatch.geo import haversine_km
from wirewatch.model import Article

CITIES = {  # name in the text: (lat, lon) of the city; resolved within 40 km
    "Kyiv": (50.45, 30.52), "Istanbul": (41.01, 28.95), "Chernihiv": (51.50, 31.29), "Mariupol": (47.10, 37.55),
    "Sumy": (50.91, 34.80), "Kharkiv": (49.99, 36.23), "Kherson": (46.64, 32.61), "Mykolaiv": (46.97, 32.00),
    "New Delhi": (28.61, 77.21),
}
COUNTRIES = {"Belarus": "BY", "India": "IN", "Germany": "DE", "France": "FR", "Italy": "IT", "Ukraine": "UA",
             "Russia": "RU"}


@pytest.fixture(scope="module")
def seed_places(nlp, seed_text):
    return find(nlp(seed_text), Found(article=Article(id="seed"), text=seed_text))["places"]


@pytest.mark.parametrize("name", sorted(CITIES))
def test_seed_cities_resolve_within_40_km(seed_places, name: str) -> None:
    hits = [p for p in seed_places if p.text == name]
    assert hits, f"{name} not found"
    for p in hits:
        assert haversine_km(p.lat, p.lon, *CITIES[name]) < 40, (p.name, p.lat, p.lon)


@pytest.mark.parametrize("name", sorted(COUNTRIES))
def test_seed_countries(seed_places, name: str) -> None:
    hits = [p for p in seed_places if p.text == name]
    assert hits and all(p.country_code == COUNTRIES[name] and p.feature_code == "PCLI" for p in hits)


def test_seed_regions(seed_places) -> None:
    admin1 = {p.admin1 for p in seed_places if p.feature_code == "ADM1"}
    assert {"Donetsk Oblast", "Luhansk Oblast", "Crimea"} <= admin1
    assert any(p.name == "Donbas" for p in seed_places)
