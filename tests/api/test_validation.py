"""Every bad parameter is a 422 that names it; nothing a client sends gives a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BAD = [
    ("/api/events", {"since": "2022-02-30"}, "since"),
    ("/api/events", {"until": "yesterday"}, "until"),
    ("/api/events", {"since": "2022-04-01", "until": "2022-03-01"}, "since"),
    ("/api/events", {"near": "91,30,10"}, "near"),
    ("/api/events", {"near": "46,181,10"}, "near"),
    ("/api/events", {"near": "46,30,-1"}, "near"),
    ("/api/events", {"near": "46,30"}, "near"),
    ("/api/events", {"near": "nan,30,5"}, "near"),
    ("/api/events", {"limit": "1001"}, "limit"),
    ("/api/events", {"limit": "0"}, "limit"),
    ("/api/events", {"limit": "ten"}, "limit"),
    ("/api/events", {"offset": "-1"}, "offset"),
    ("/api/events", {"offset": str(10**30)}, "offset"),
    ("/api/events", {"certainty": "sure"}, "certainty"),
    ("/api/events", {"country": "Ukraine"}, "country"),
    ("/api/events", {"unverified": "maybe"}, "unverified"),
    ("/api/events", {"format": "kml"}, "format"),
    ("/api/events", {"actor": "x" * 201}, "actor"),
    ("/api/claims", {"limit": "100000"}, "limit"),
    ("/api/places", {"near": "0,0,0"}, "near"),
    ("/api/articles", {"since": "2022-3-1x"}, "since"),
    ("/api/clusters", {"offset": "x"}, "offset"),
    ("/api/search", {}, "q"),
    ("/api/search", {"q": ""}, "q"),
    ("/api/search", {"q": "   "}, "q"),
    ("/api/search", {"q": "x" * 501}, "q"),
    ("/api/sitrep", {"until": "2022-99-01"}, "until"),
]


@pytest.mark.parametrize(("path", "params", "name"), BAD, ids=[f"{p}?{k}" for p, k, _ in BAD])
def test_bad_parameter_is_422_naming_it(get, path, params, name):
    r = get(path, **params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert f"'{name}'" in body["message"], body["message"]
    assert any(e["loc"][-1] == name for e in body["detail"])


def test_page_size_message_gives_the_maximum(get):
    message = get("/api/events", limit=5000).json()["message"]
    assert "5000" in message and "1000" in message


def test_largest_page_is_allowed(get):
    assert get("/api/events", limit=1000).status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["since", "until", "type", "actor", "country", "place", "near", "certainty",
                            "unverified", "source", "text", "limit", "offset", "format"]),
       value=st.text(max_size=40))
def test_no_parameter_value_gives_a_server_error(get, key, value):
    r = get("/api/events", **{key: value})
    assert r.status_code in (200, 422), (key, value, r.status_code, r.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(min_size=1, max_size=60))
def test_no_search_text_gives_a_server_error(get, q):
    r = get("/api/search", q=q)
    assert r.status_code in (200, 422), (q, r.status_code, r.text)
