"""The HTTP side of the page, over the same live server: the overview, the new filters and orders, the
pick lists, the map labels, the export downloads and the sitrep for a whole filter."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from ww_page_examples import BATTLE_UID, COUNTRY_UID, OUTLET, REGION_UID, STRAY_UID


@pytest.fixture(scope="module")
def raw(site):
    with httpx.Client(base_url=site, timeout=60) as client:
        yield lambda path, **params: client.get(path, params=params)


def _killed(row: dict) -> int | None:
    got = [f.get("value") or f.get("high") or f.get("low") for f in row["figures"] if f["category"] == "killed"]
    return max(got) if got else None


def test_overview_counts_every_event_and_says_how_precisely_each_is_located(api):
    got = api("/api/events/overview")
    events = api("/api/events", limit=1000)["items"]
    assert got["total"] == len(events) and not got["truncated"]
    assert sum(got["types"].values()) == len(events)
    assert sum(d["n"] for d in got["days"]) + got["undated"] == len(events)
    points = {p[0]: dict(zip(got["columns"], p)) for p in got["points"]}
    assert points[REGION_UID]["precision"] == "admin1" and points[REGION_UID]["fatalities"] == 3
    assert points[COUNTRY_UID]["precision"] == "country"
    assert points[BATTLE_UID]["precision"] == "point" and points[BATTLE_UID]["fatalities"] == 11
    assert got["mapped"] == len(points) == sum(1 for e in events if e["lat"] is not None
                                               and e["place_feature_code"] not in ("CONT", "OCN"))
    day = next(d for d in got["days"] if d["day"] == "2022-03-29")
    assert day["killed"] >= 9 and day["types"]["ASSAULT"] >= 1


def test_overview_takes_the_same_filters(api):
    got = api("/api/events/overview", source=OUTLET)
    assert got["total"] == 4 and set(got["types"]) == {"ASSAULT", "PROTEST"}


@pytest.mark.parametrize("order", ["day", "-day", "type", "-type", "fatalities", "-fatalities", "place", "-place",
                                   "sources", "-sources"])
def test_every_order_sorts_the_whole_selection(api, order):
    rows = api("/api/events", sort=order, limit=1000)["items"]
    key = order.lstrip("-")
    value = {"day": lambda r: r["day"], "type": lambda r: r["type"], "fatalities": _killed,
             "place": lambda r: (r["place"] or r["place_text"] or None) and (r["place"] or r["place_text"]).casefold(),
             "sources": lambda r: r["cluster_sources"]}[key]
    keys = [value(r) for r in rows]
    known = [k for k in keys if k is not None]
    assert keys[:len(known)] == known, "rows without the value come last"
    assert known == sorted(known, reverse=order.startswith("-")), order
    assert len(rows) == len(api("/api/events", limit=1000)["items"])


def test_sorted_pages_join_up(api):
    whole = [r["uid"] for r in api("/api/events", sort="-fatalities", limit=1000)["items"]]
    paged = [r["uid"] for off in range(0, len(whole), 7)
             for r in api("/api/events", sort="-fatalities", limit=7, offset=off)["items"]]
    assert paged == whole


def test_new_filters_acled_admin1_bbox_several_types(api):
    battles = [r["uid"] for r in api("/api/events", acled="battles")["items"]]  # any case
    assert BATTLE_UID in battles and all(r["acled_event_type"] == "Battles"
                                         for r in api("/api/events", acled="Battles")["items"])
    sub = api("/api/events", acled="Protest with intervention")["items"]
    assert [r["uid"] for r in sub] == [COUNTRY_UID]
    kharkiv = {r["uid"] for r in api("/api/events", admin1="Kharkiv Oblast")["items"]}
    assert {REGION_UID, BATTLE_UID, "nw-0327-kharkiv#e1"} <= kharkiv
    assert all(r["admin1"] == "Kharkiv Oblast" for r in api("/api/events", admin1="kharkiv oblast")["items"])
    box = api("/api/events", bbox="46.5,31.5,47.5,32.5")["items"]  # around Mykolaiv
    assert box and all(46.5 <= r["lat"] <= 47.5 and 31.5 <= r["lon"] <= 32.5 for r in box)
    both = {r["type"] for r in api("/api/events", type="PROTEST,AID", limit=1000)["items"]}
    assert both == {"PROTEST", "AID"}


def test_status_defaults_to_occurred_and_is_checked(api, raw):
    everything = api("/api/events", limit=1000)["items"]
    assert len(api("/api/events", status="occurred,future", limit=1000)["items"]) == len(everything)
    r = raw("/api/events", status="rumoured")
    assert r.status_code == 422 and "status" in r.json()["message"]


@pytest.mark.parametrize("params", [{"bbox": "1,2,3"}, {"bbox": "50,0,40,10"}, {"bbox": "a,b,c,d"},
                                    {"sort": "fatalities; drop"}, {"acled": "x\x00y"}])
def test_bad_page_parameters_are_422_naming_them(raw, params):
    r = raw("/api/events", **params)
    assert r.status_code == 422, r.text
    assert next(iter(params)) in r.json()["message"]


def test_pick_lists_count_the_stored_values(api):
    got = api("/api/facets")
    outlets = dict(got["source"])
    assert outlets[OUTLET] == 4 and outlets["Northwire"] >= 2
    assert dict(got["country"])["UA"] >= 5 and "Battles" in dict(got["acled"])
    assert "Kharkiv Oblast" in dict(got["admin1"])


def test_labels_name_more_places_as_the_map_zooms_in(api):
    box = {"south": 44, "west": 22, "north": 53, "east": 41}
    wide = api("/api/labels", zoom=4, **box)["labels"]
    close = api("/api/labels", zoom=8, **box)["labels"]
    names = [x[0] for x in wide]
    assert "Kyiv" in names and len(close) > len(wide)
    assert all(44 <= x[2] <= 53 and 22 <= x[3] <= 41 for x in close)
    assert all(x[4] >= 1_500_000 or x[5] for x in wide)  # cities of millions, or capitals


def test_export_downloads_the_filtered_rows(raw, api):
    r = raw("/api/export", format="acled", source=OUTLET)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"] and r.headers["x-wirewatch-truncated"] == "false"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == int(r.headers["x-wirewatch-rows"]) == len(api("/api/clusters", source=OUTLET)["items"])
    g = raw("/api/export", format="geojson", source=OUTLET, until="2022-03-01")
    features = json.loads(g.text)["features"]
    assert [f["id"] for f in features] == [STRAY_UID]


def test_export_and_overview_are_capped_by_the_setting(tmp_path):
    from ww_examples import documents
    from ww_server import make_store, serving

    db = make_store(tmp_path / "cap.db", documents())
    with serving(db, env={"WIREWATCH_MAX_EXPORT_ROWS": "3"}) as url:
        r = httpx.get(f"{url}/api/export", params={"format": "geojson"})
        assert r.headers["x-wirewatch-truncated"] == "true"
        assert len(json.loads(r.text)["features"]) <= 3
        o = httpx.get(f"{url}/api/events/overview").json()
        assert o["truncated"] and o["total"] == 3 and o["cap"] == 3


def test_sitrep_takes_every_filter(api):
    everything = api("/api/sitrep")
    protests = api("/api/sitrep", type="PROTEST")
    assert protests["summary"]["text"] != everything["summary"]["text"]
    text = json.dumps(protests)
    assert "protest" in text.lower() and "Mykolaiv" not in text


def test_every_endpoint_is_in_the_api_docs(api):
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    for path in api("/openapi.json")["paths"]:
        assert f"`GET {path.split('{')[0].rstrip('/')}" in docs or f"`POST {path}" in docs, path
