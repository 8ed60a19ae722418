"""API abuse against a real server: hostile parameters, traversal, wrong methods and types, bad tokens,
oversized bodies and query strings, a slow client. Each gets a 4xx with a message; the server stays up and
answers a bounded load test afterwards with the same answers as before."""

from __future__ import annotations

import socket
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from ww_examples import documents  # type: ignore[import-not-found]  # noqa: E402
from ww_server import make_store, serving  # type: ignore[import-not-found]  # noqa: E402

TOKEN = "abuse-token-91c2"
BODY_LIMIT = 200_000
HOSTILE_TEXT = ["'; DROP TABLE article; --", "\" OR 1=1 --", "Robert'); DELETE FROM event;--", "NEAR(kyiv strike, 2)",
                "title:Mykolaiv", "text:*", "\"unbalanced", "a AND OR NOT b", "^start", "*", "%_%", "(((((", "\\",
                "kyiv\u0000", "\u202etxet", "🔥" * 50, "col:val OR x:y", "{near}", "--", "/* comment */"]
LIST_ENDPOINTS = ["/api/events", "/api/claims", "/api/places", "/api/articles", "/api/clusters"]
TEXT_PARAMS = ["actor", "place", "source", "type", "text"]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    db = make_store(tmp_path_factory.mktemp("abuse") / "ww.db", documents())
    with serving(db, token=TOKEN, env={"WIREWATCH_MAX_REQUEST_BYTES": str(BODY_LIMIT)}) as url:
        yield url


@pytest.fixture(scope="module")
def client(server: str):
    with httpx.Client(base_url=server, timeout=60) as c:
        yield c


def snapshot(client: httpx.Client) -> list[object]:
    return [client.get(p, params={"limit": 50}).json() for p in ["/api/counts", *LIST_ENDPOINTS]]


def assert_client_error(resp: httpx.Response) -> None:
    assert 400 <= resp.status_code < 500, f"{resp.request.url} -> {resp.status_code} {resp.text[:300]}"
    assert resp.text.strip(), "a 4xx must say why"


def test_abuse_then_bounded_load_shows_the_same_answers(server: str, client: httpx.Client) -> None:
    before = snapshot(client)
    tried = 0

    # SQL metacharacters and FTS5 syntax in every text filter: never a 5xx, never a change.
    for path in LIST_ENDPOINTS:
        for name in TEXT_PARAMS:
            for value in HOSTILE_TEXT:
                resp = client.get(path, params={name: value})
                tried += 1
                assert resp.status_code < 500, f"{path}?{name}={value!r} -> {resp.status_code} {resp.text[:300]}"
    for value in HOSTILE_TEXT:
        resp = client.get("/api/search", params={"q": value})
        tried += 1
        assert resp.status_code < 500, f"search {value!r} -> {resp.status_code}"

    # Out-of-range numbers, dates and coordinates: 422 with a message.
    for params in ({"limit": 10**9}, {"limit": -1}, {"offset": -5}, {"since": "2022-02-30"}, {"until": "yesterday"},
                   {"near": "91,0,10"}, {"near": "0,181,10"}, {"near": "a,b,c"}, {"near": "10,10,-1"},
                   {"country": "Ukraine"}, {"certainty": "sure"}):
        resp = client.get("/api/events", params=params)
        tried += 1
        assert resp.status_code == 422, f"{params} -> {resp.status_code}"
        assert_client_error(resp)

    # An oversized query string.
    resp = client.get("/api/events", params={"actor": "x" * 60_000})
    tried += 1
    assert_client_error(resp)

    # Path traversal in static routes.
    for path in ["/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2fpyproject.toml",
                 "/static/vendor/../../../../etc/passwd", "/static//etc/passwd", "/static/%00"]:
        resp = client.get(path)
        tried += 1
        assert resp.status_code in (400, 404), f"{path} -> {resp.status_code}"
        assert "root:" not in resp.text and "[project]" not in resp.text

    # Wrong methods and content types, missing and wrong tokens, oversized bodies.
    for method, path in (("DELETE", "/api/events"), ("PUT", "/api/ingest"), ("PATCH", "/api/articles/x"), ("POST", "/api/events")):
        resp = client.request(method, path)
        tried += 1
        assert resp.status_code == 405, f"{method} {path} -> {resp.status_code}"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"articles": [{"id": "abuse-1", "date": "2022-03-30", "text": "A test text that should never be stored."}]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic eDp5"}):
        resp = client.post("/api/ingest", json=body, headers=headers)
        tried += 1
        assert resp.status_code == 401, f"{headers} -> {resp.status_code}"
    resp = client.post("/api/ingest", content=b"\x00\x01 not json", headers={**auth, "Content-Type": "application/json"})
    tried += 1
    assert_client_error(resp)
    resp = client.post("/api/ingest", content=b"<xml/>", headers={**auth, "Content-Type": "application/xml"})
    tried += 1
    assert_client_error(resp)
    resp = client.post("/api/ingest", content=b"x" * (BODY_LIMIT + 1), headers={**auth, "Content-Type": "application/json"})
    tried += 1
    assert resp.status_code == 413

    # A slow client holding a half-sent request must not block others.
    host, port = urlsplit(server).hostname, urlsplit(server).port
    with socket.create_connection((host, port), timeout=10) as slow:
        slow.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        assert client.get("/health").status_code == 200
        assert time.monotonic() - started < 30
        tried += 1

    # Bounded load over loopback afterwards: 4 threads x 50 requests, each answered as before.
    def hit(i: int) -> int:
        return client.get(LIST_ENDPOINTS[i % len(LIST_ENDPOINTS)], params={"limit": 50}).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = list(pool.map(hit, range(200)))
    assert codes.count(200) == 200
    assert snapshot(client) == before, "abuse changed what the server answers"
    print(f"api abuse: {tried} hostile requests, 200 load requests, server up, answers unchanged")


def test_hardening_host_headers_offset_and_records(server: str, client: httpx.Client) -> None:
    """Issue 20 items 1, 3 and 8 over HTTP (runs after the abuse test: it writes to the store).

    Before: the Host header was echoed into `next` and not checked (DNS rebinding); no CSP, nosniff or
    frame-options; a deep offset fetched every match first; a lone surrogate or a deeply nested body answered
    500; two items with one id in a list stored 1 and replaced 1."""
    port = urlsplit(server).port
    evil = client.get("/api/events", headers={"Host": "rebound.example"})
    assert evil.status_code == 400 and "rebound" not in evil.text
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert client.get("/health", headers={"Host": host}).status_code == 200
    page = client.get("/api/events", params={"limit": 1}).json()
    assert page["next"].startswith("/api/events?")  # relative: never built from the Host header
    for path in ("/", "/api/events", "/static/app.js", "/api/nothing-here", "/api/sitrep?format=html"):
        headers = client.get(path).headers
        assert "script-src 'self';" in headers["content-security-policy"], path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY", path
    docs = client.get("/docs")
    assert "'sha256-" in docs.headers["content-security-policy"]  # its one inline script, by hash
    deep = client.get("/api/events", params={"offset": 20_001})
    assert deep.status_code == 422 and "max_offset" in deep.text
    assert client.get("/api/events", params={"offset": 20_000}).status_code == 200

    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    body = ('[{"id": "h-ok", "text": "Shelling hit Izium on Tuesday, officials said."},'
            ' {"id": "h-bad", "text": "lone \\ud800 surrogate"},'
            ' {"id": "h-date", "date": "2022-02-30", "text": "Aid reached Lyman on Friday."},'
            ' {"id": "h-twin", "text": "Talks resumed in Istanbul on Monday."},'
            ' {"id": "h-twin", "text": "A drone hit a substation in Odesa."}]')
    report = client.post("/api/ingest", content=body.encode(), headers=auth).json()
    assert (report["stored"], report["replaced"], report["skipped"]) == (4, 0, 1), report
    assert report["reasons"][0]["record"] == "body[1]" and "lone surrogate" in report["reasons"][0]["reason"]
    # a bad optional date keeps the record, undated, and says why
    assert any(u["article"] == "h-date" and "not a real calendar date" in u["reason"] for u in report["undated"])
    again = client.post("/api/ingest", content=body.encode(), headers=auth).json()
    assert (again["stored"], again["replaced"], again["unchanged"]) == (0, 0, 4), again
    for bad in ("[" * 100_000 + "]" * 100_000, '{"id": ' + "9" * 5000 + ', "text": "x"}'):
        resp = client.post("/api/ingest", content=bad.encode(), headers=auth)
        assert resp.status_code == 422, resp.text[:300]
