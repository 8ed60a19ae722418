"""The gazetteer's fourth-round additions: 'St.' for 'Saint', Norway's pre-2020 counties, Malawi's regions."""

from __future__ import annotations

from wirewatch.gazetteer import open_gazetteer
from wirewatch.gazetteer.build import _variants


def test_saint_is_also_indexed_short() -> None:
    assert set(_variants("saint marc")) == {"saint marc", "st. marc", "st marc"}
    assert "ste. rose" in _variants("sainte rose") and _variants("santa cruz") == ("santa cruz",)
    assert any(c.country_code == "HT" for c in open_gazetteer().lookup("St. Marc"))


def test_supplement_divisions_are_found() -> None:
    gaz = open_gazetteer()
    assert any(c.country_code == "NO" for c in gaz.lookup("Hedmark"))
    assert any(c.country_code == "MW" and c.feature_code == "ADM1" for c in gaz.lookup("Southern Region"))
