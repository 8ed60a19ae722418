"""Read endpoints over HTTP against a live server holding the hand-annotated example store."""

from __future__ import annotations

import httpx


def test_health_says_writes_are_off_without_a_token(get):
    body = get("/health").json()
    assert body["ok"] is True and body["writes"] is False


def test_counts_match_the_examples(get):
    counts = get("/api/counts").json()
    assert counts["articles"] == 5 and counts["events"] == 6 and counts["claims"] == 6


def test_events_list_newest_first_with_resolved_places(get):
    items = get("/api/events").json()["items"]
    assert len(items) == 6
    days = [e["day"] for e in items]
    assert days == sorted(days, reverse=True)
    mykolaiv = [e for e in items if e["place"] == "Mykolaiv"]
    assert {e["source"] for e in mykolaiv} == {"Northwire", "Eastern Ledger"}
    assert all(e["lat"] and e["lon"] for e in mykolaiv)


def test_events_filters_are_the_clis(get):
    def uids(**params):
        return {e["uid"] for e in get("/api/events", **params).json()["items"]}

    assert uids(place="Mykolaiv") == {"nw-0329-mykolaiv#e1", "el-0330-toll#e1"}
    assert uids(type="PROTEST") == {"hp-0328-odesa#e1"}
    assert uids(since="2022-03-30") == {"el-0330-toll#e2", "hp-0331-lviv#e1"}
    assert uids(until="2022-03-27") == {"nw-0327-kharkiv#e1"}
    assert uids(certainty="possible") == {"hp-0331-lviv#e1"}
    assert uids(actor="defence") == {"el-0330-toll#e2"}
    assert uids(source="harbour post") == {"hp-0328-odesa#e1", "hp-0331-lviv#e1"}
    assert uids(near="49.9,36.2,30") == {"nw-0327-kharkiv#e1"}
    assert uids(country="ua", type="AID") == {"hp-0331-lviv#e1"}
    assert "nw-0329-mykolaiv#e1" in uids(unverified="true")
    assert "hp-0328-odesa#e1" not in uids(unverified="true")
    assert uids(text="rallied") == {"hp-0328-odesa#e1"}


def test_events_page_with_limit_offset_and_next(get, reader):
    first = get("/api/events", limit=4).json()
    assert len(first["items"]) == 4 and first["offset"] == 0
    assert first["next"] and "offset=4" in first["next"]
    second = httpx.get(first["next"]).json()
    assert len(second["items"]) == 2 and second["next"] is None
    seen = [e["uid"] for e in first["items"] + second["items"]]
    assert len(set(seen)) == 6


def test_events_as_geojson_leave_out_events_without_coordinates(get):
    r = get("/api/events", format="geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 5 and fc["without_coordinates"] == 1
    unplaced = [e for e in get("/api/events").json()["items"] if e["lat"] is None]
    assert fc["unmapped"] == {unplaced[0]["day"]: {unplaced[0]["type"]: 1}}  # what the timeline adds
    kharkiv = next(f for f in fc["features"] if f["properties"]["place"] == "Kharkiv")
    assert kharkiv["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}
    assert kharkiv["properties"]["injured"] == 5 and kharkiv["properties"]["cluster_id"]


def test_article_has_text_and_every_extraction(get):
    doc = get("/api/articles/nw-0329-mykolaiv").json()
    assert doc["schema"] == "wirewatch.article/1"
    assert doc["text"].startswith("MYKOLAIV, Ukraine")
    for key in ("times", "places", "actors", "figures", "claims", "events", "notes"):
        assert doc[key], key
    ev = doc["events"][0]
    assert doc["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_articles_list_with_counts(get):
    items = get("/api/articles", source="Northwire").json()["items"]
    assert {a["id"] for a in items} == {"nw-0329-mykolaiv", "nw-0327-kharkiv"}
    assert all(a["events"] == 1 for a in items)


def test_unknown_article_is_404_naming_the_id(get):
    r = get("/api/articles/no-such-article")
    assert r.status_code == 404 and "no-such-article" in r.json()["detail"]


def test_clusters_show_corroboration_and_contradiction(get):
    clusters = get("/api/clusters").json()["items"]
    top = clusters[0]
    assert top["place"] == "Mykolaiv" and top["n_reports"] == 2 and top["n_sources"] == 2
    assert top["contradictions"] and top["contradictions"][0]["category"] == "killed"
    one = get(f"/api/clusters/{top['id']}").json()
    assert {r["uid"] for r in one["reports"]} == {"nw-0329-mykolaiv#e1", "el-0330-toll#e1"}
    assert get("/api/clusters/k-nope").status_code == 404


def test_claims_with_source_cue_certainty_and_verification(get):
    claims = get("/api/claims").json()["items"]
    denial = next(c for c in claims if c["cue"] == "denied")
    assert denial["source"] == "Russia's defence ministry" and denial["polarity"] == "negative"
    assert denial["verification"] == "disputed"
    possible = get("/api/claims", certainty="possible").json()["items"]
    assert [c["article_id"] for c in possible] == ["hp-0331-lviv"]


def test_places_with_counts(get):
    places = {p["name"]: p for p in get("/api/places").json()["items"]}
    assert places["Mykolaiv"]["articles"] == 2 and places["Mykolaiv"]["events"] == 2
    assert places["Lviv"]["country_code"] == "UA"


def test_search_finds_articles_and_claims(get):
    hits = get("/api/search", q="rubble").json()["items"]
    assert [h["article_id"] for h in hits if h["kind"] == "article"] == ["nw-0329-mykolaiv"]
    claim_hits = get("/api/search", q="civilian buildings").json()["items"]
    assert any(h["kind"] == "claim" and h["article_id"] == "el-0330-toll" for h in claim_hits)


def test_search_syntax_characters_are_words_not_errors(get):
    for q in ['"unbalanced', "a OR", "NEAR(", "*", "col:umn", "-x"]:
        assert get("/api/search", q=q).status_code == 200, q


def test_openapi_and_docs_work_offline(get):
    spec = get("/openapi.json").json()
    for path in ("/api/events", "/api/articles/{article_id}", "/api/clusters", "/api/claims", "/api/places",
                 "/api/search", "/api/sitrep", "/api/ingest"):
        assert path in spec["paths"], path
    html = get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_page_and_its_assets_are_served_locally(get):
    html = get("/").text
    assert "<div id=\"map\"" in html and "http" not in html.replace("http-equiv", "")
    for asset in ("/static/app.js", "/static/app.css", "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/world-atlas/countries-50m.json", "/static/vendor/natural-earth-admin1/UKR.json",
                  "/static/vendor/topojson-client/topojson-client.min.js", "/static/vendor/leaflet/LICENSE"):
        assert get(asset).status_code == 200, asset


def test_no_cors_headers_unless_configured(reader):
    r = httpx.get(f"{reader}/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers


def test_sitrep_in_three_formats(get):
    data = get("/api/sitrep", since="2022-03-27", until="2022-03-31").json()
    assert data["since"] == "2022-03-27" and data["areas"] and data["cites"]
    md = get("/api/sitrep", format="markdown", place="Mykolaiv")
    assert md.headers["content-type"].startswith("text/markdown") and "Mykolaiv" in md.text
    html = get("/api/sitrep", format="html")
    assert html.headers["content-type"].startswith("text/html") and "<" in html.text
