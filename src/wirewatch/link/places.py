"""Whether two places can be the scene of one event: the same, one inside the other, near, or apart.

Reporters name one scene at different grains: "the Saltivka district", "Kharkiv", "Kharkiv region",
"Ukraine". A country holds every place in it, a first-level division (oblast, state) every place whose
admin1 it is, and any two places within `max_km` of each other (a district and its city, a village and
the town next to it) count as near. Two specific places (towns, districts, sites) farther apart than that,
or places in different countries or admin1 areas, are apart: their events are different events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..geo import haversine_km

__all__ = ["Where", "Relation", "relation", "best", "majority"]

Relation = Literal["same", "within", "near", "unknown", "apart"]
RANK = {"same": 4, "within": 3, "near": 3, "unknown": 1, "apart": 0}
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "CONT"})
AREA_CODES = frozenset({"ADM1", "ADM1H", "RGN", "ADMD"})


@dataclass(frozen=True)
class Where:
    name: str
    geonameid: int | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    text: str | None = None          # as the story writes it (two stories writing one name mean one place)

    def names(self) -> set[str]:
        """Its gazetteer name and its wording, case-folded: one place resolved two ways still matches by name."""
        return {n.casefold() for n in (self.name, self.text) if n}

    @property
    def grain(self) -> str:
        """'country', 'area' (first-level division or region) or 'spot' (anything smaller)."""
        code = (self.feature_code or "").upper()
        if code in COUNTRY_CODES:
            return "country"
        if code in AREA_CODES or (self.admin1 and self.name.casefold() == self.admin1.casefold()):
            return "area"
        return "spot"

    def to_json(self) -> list:
        return [self.name, self.geonameid, self.feature_class, self.feature_code, self.admin1, self.country,
                self.lat, self.lon, self.text]

    @classmethod
    def from_json(cls, raw: list) -> Where:
        return cls(*raw)


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.casefold() == b.casefold())


def relation(a: Where, b: Where, *, max_km: float) -> Relation:
    if (a.geonameid is not None and a.geonameid == b.geonameid) or (a.names() & b.names()):
        return "same"
    if a.country and b.country and a.country != b.country:
        return "apart"
    ga, gb = a.grain, b.grain
    if "country" in (ga, gb):
        return "within" if a.country and a.country == b.country else "unknown"
    if ga == "area" or gb == "area":
        area, other = (a, b) if ga == "area" else (b, a)
        if _same_name(other.admin1, area.admin1 or area.name) or _same_name(other.admin1, area.name):
            return "within"
        return "apart" if other.admin1 and (area.admin1 or area.name) else "unknown"
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return "near" if haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km else "apart"
    return "unknown"


def best(place: Where, others: list[Where], *, max_km: float) -> Relation:
    """The closest relation of `place` to any of `others` ('unknown' when there are none)."""
    found: Relation = "unknown"
    for other in others:
        rel = relation(place, other, max_km=max_km)
        if rel == "same":
            return rel
        if RANK[rel] > RANK[found] or (found == "unknown" and rel == "apart"):
            found = rel
    return found


def majority(place: Where, others: list[Where], counts: list[int], *, max_km: float) -> Relation:
    """The relation of `place` to where most of a cluster's located members are (`counts` members at each of
    `others`): 'apart' when more members are apart from it than agree with it (same, within or near), else
    the closest agreeing relation. Judging by any one member would let one stray report (a member placed
    at the other incident's town) open the cluster to every report of a look-alike incident there."""
    support = against = 0
    found: Relation = "unknown"
    for other, k in zip(others, counts):
        rel = relation(place, other, max_km=max_km)
        if rel == "apart":
            against += k
        elif rel != "unknown":
            support += k
            if RANK[rel] > RANK[found]:
                found = rel
    if against > support:
        return "apart"
    return found
