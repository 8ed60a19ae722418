"""How precisely an event is located, from its place's GeoNames feature code: the page draws a town as a
point, a district as a ring, a region (admin-1) or a country as that area, so an oblast-level report is not
shown as an exact spot and "Russia" is not a pin in Siberia.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Precision", "precision_of", "ring_km"]

Precision = Literal["point", "area", "admin1", "country", "vague"]

COUNTRY = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCLH", "TERR"})
ADMIN1 = frozenset({"ADM1", "ADM1H"})
# Areas drawn as a ring: the radius (km) says roughly how far the place reaches.
RINGS_KM = {"ADM2": 30, "ADM2H": 30, "ADM3": 15, "ADM3H": 15, "ADM4": 8, "ADM4H": 8, "ADM5": 5, "ADMD": 30, "ADMDH": 30,
            "RGN": 150, "RGNE": 150, "RGNH": 150, "AREA": 50, "ZN": 50, "ZNB": 20, "PRSH": 15, "LK": 20, "BAY": 40,
            "STRT": 40, "GULF": 150, "SEA": 300}
# Too wide to draw as a location at all (a continent, an ocean): listed, not mapped.
VAGUE = frozenset({"CONT", "OCN"})
AREA = frozenset(RINGS_KM)


def precision_of(feature_code: str | None, geo_precision: int | None = None) -> Precision:
    """'country' | 'admin1' | 'area' | 'point' | 'vague'. Without a feature code, ACLED's geo_precision
    decides (3: only the region is known, 2: near a named place), else the place is taken as a point."""
    code = (feature_code or "").upper()
    if code in VAGUE:
        return "vague"
    if code in COUNTRY:
        return "country"
    if code in ADMIN1:
        return "admin1"
    if code in AREA:
        return "area"
    if not code and geo_precision == 3:
        return "admin1"
    if not code and geo_precision == 2:
        return "area"
    return "point"


def ring_km(feature_code: str | None, precision: Precision) -> int | None:
    """Radius of the ring drawn for an area without an outline on the map (None for points, regions, countries)."""
    if precision != "area":
        return None
    return RINGS_KM.get((feature_code or "").upper(), 50)
