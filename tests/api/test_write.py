"""POST /api/ingest: the token rule, the body limit, and articles going through the real pipeline."""

from __future__ import annotations

import json

import httpx
import pytest

from ww_examples import RAW
from ww_server import BODY_LIMIT, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_writes_are_off_without_a_configured_token(reader):
    r = httpx.post(f"{reader}/api/ingest", json=RAW[0], headers=AUTH)
    assert r.status_code == 403
    assert "WIREWATCH_TOKEN" in r.json()["detail"]


def test_health_says_writes_are_on_with_a_token(writer):
    assert httpx.get(f"{writer}/health").json()["writes"] is True


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": "Basic dXNlcjpwdw=="}])
def test_missing_or_wrong_token_is_401(writer, headers):
    r = httpx.post(f"{writer}/api/ingest", json=RAW[0], headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")


def test_ingest_json_runs_the_pipeline_and_stores(writer):
    r = httpx.post(f"{writer}/api/ingest", json={"articles": RAW}, headers=AUTH, timeout=120)
    assert r.status_code == 200, r.text
    assert r.json()["stored"] + r.json()["unchanged"] == 2
    doc = httpx.get(f"{writer}/api/articles/raw-1").json()
    assert doc["article"]["source"] == "Test Wire" and doc["text"] == RAW[0]["text"]
    again = httpx.post(f"{writer}/api/ingest", json=RAW[0], headers=AUTH, timeout=120).json()
    assert again["unchanged"] == 1 and again["stored"] == 0


def test_ingest_reports_bad_records_and_keeps_good_ones(writer):
    body = [{"id": "raw-3", "text": "KYIV, April 4 (Test Wire) - Talks resumed on Monday, officials said."},
            {"id": "raw-4", "text": ""}, {"text": "no id here"}, "not an object"]
    r = httpx.post(f"{writer}/api/ingest", json=body, headers=AUTH, timeout=120).json()
    assert r["stored"] + r["unchanged"] == 1 and r["skipped"] == 3
    assert {x["record"] for x in r["reasons"]} == {"body[1]", "body[2]", "body[3]"}
    assert "'text' is empty" in r["reasons"][0]["reason"]


def test_ingest_uploaded_files(writer):
    text = "ODESA, April 5 (Test Wire) - Air defence units shot down two drones over Odesa on Tuesday, the navy said.\n"
    lines = "".join(json.dumps({"id": f"up-{i}", "date": "2022-04-06",
                                "text": f"KYIV, April 6 (Test Wire) - Convoy number {i} left the capital, police said."}) + "\n"
                    for i in range(2))
    files = [("file", ("odesa-0405.txt", text.encode(), "text/plain")),
             ("file", ("batch.jsonl", lines.encode(), "application/x-ndjson"))]
    r = httpx.post(f"{writer}/api/ingest", files=files, headers=AUTH, timeout=120)
    assert r.status_code == 200, r.text
    assert r.json()["read"] == 3 and r.json()["skipped"] == 0
    assert httpx.get(f"{writer}/api/articles/odesa-0405").status_code == 200
    assert httpx.get(f"{writer}/api/articles/up-1").json()["article"]["date"] == "2022-04-06"


def test_body_over_the_limit_is_413(writer):
    big = {"id": "big", "text": "x " * BODY_LIMIT}
    r = httpx.post(f"{writer}/api/ingest", json=big, headers=AUTH)
    assert r.status_code == 413 and "max_request_bytes" in r.json()["detail"]


def test_streamed_body_over_the_limit_is_413(writer):
    def chunks():
        for _ in range(BODY_LIMIT // 10_000 + 2):
            yield b"y" * 10_000

    r = httpx.post(f"{writer}/api/ingest", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 413


def test_malformed_json_is_422_and_other_types_415(writer):
    r = httpx.post(f"{writer}/api/ingest", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422 and "not valid JSON" in r.json()["detail"]
    r = httpx.post(f"{writer}/api/ingest", content=b"hello", headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 415
    r = httpx.post(f"{writer}/api/ingest", json=42, headers=AUTH)
    assert r.status_code == 422
