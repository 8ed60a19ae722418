"""The one mapping table: PLOVER type (+ mode) -> CAMEO root code, ACLED event type and sub-event type.

The table is data (`wirewatch/data/events/mapping.tsv`, documented in `docs/events.md`). A mode without a
row of its own takes the type's `*` row. One rule sits on top of the table, because ACLED decides it by the
victims, not the weapon: an ASSAULT by firearms or with no known weapon whose target is civilians is ACLED
"Violence against civilians / Attack", not "Battles / Armed clash".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import _read, _rows


@dataclass(frozen=True, slots=True)
class Codes:
    cameo: str | None
    cameo_name: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None


@lru_cache(maxsize=1)
def load_mapping() -> dict[tuple[str, str], Codes]:
    """{(type, mode or '*'): Codes} from mapping.tsv."""
    table: dict[tuple[str, str], Codes] = {}
    for _, cols in _rows(_read("mapping.tsv"), 6, "mapping.tsv"):
        type_, mode, *codes = cols
        table[(type_, mode)] = Codes(*(None if c == "-" else c for c in codes))
    return table


def codes_for(type_: str, mode: str | None, target_kind: str | None = None) -> Codes:
    """The CAMEO root and ACLED types of a PLOVER type and mode (see the module docstring for the one rule)."""
    table = load_mapping()
    codes = table.get((type_, mode or "*")) or table.get((type_, "*")) or Codes(None, None, None, None)
    if type_ == "ASSAULT" and target_kind == "CVL" and codes.acled_event_type == "Battles":
        codes = Codes(codes.cameo, codes.cameo_name, "Violence against civilians", "Attack")
    return codes
