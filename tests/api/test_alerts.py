"""GET /api/alerts (pages after a seq) and GET /api/alerts/live (Server-Sent Events) on a real server whose store
the test writes to as `wirewatch watch` would: alert rows, and new articles stored while a client listens."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ww_alert_examples import DEPOT_UID, SUBURB_UID, add_alert, depot_report, event_row, ingest, suburb_report
from ww_examples import documents
from ww_server import free_port, make_store, serving

MAX_LIVE = 3


@pytest.fixture(scope="module")
def live_db(tmp_path_factory) -> Path:
    return make_store(tmp_path_factory.mktemp("live") / "ww.db", documents() + [depot_report()])


@pytest.fixture(scope="module")
def server(live_db) -> Iterator[str]:
    env = {"WIREWATCH_LIVE_HEARTBEAT_SECONDS": "1", "WIREWATCH_MAX_LIVE_CONNECTIONS": str(MAX_LIVE)}
    with serving(live_db, env=env) as url:
        yield url


@pytest.fixture(scope="module")
def client(server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


class Stream:
    """A Server-Sent Events reader over an open httpx streaming response: `next()` -> the next message as
    {"event", "id", "data" (parsed JSON)}, or {"comment": text} for a comment line."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.lines = response.iter_lines()

    def next(self) -> dict:
        msg: dict = {}
        data: list[str] = []
        for line in self.lines:
            if line.startswith(":"):
                if not msg and not data:
                    return {"comment": line[1:].strip()}
                continue
            if line == "":
                if msg or data:
                    if data:
                        msg["data"] = json.loads("\n".join(data))
                    return msg
                continue
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "data":
                data.append(value)
            else:
                msg[field] = value
        raise AssertionError("the stream ended")

    def next_event(self, name: str) -> dict:
        """The next message named `name`, skipping heartbeats (each poll is a second: a stalled stream fails
        through the client's read timeout)."""
        while True:
            msg = self.next()
            if msg.get("event") == name:
                return msg
            assert msg.get("comment") == "heartbeat" or msg.get("event") in ("ready", "events", "alert"), msg


@contextmanager
def live(client: httpx.Client, headers: dict | None = None, **params) -> Iterator[Stream]:
    with client.stream("GET", "/api/alerts/live", params=params, headers=headers or {}) as r:
        assert r.status_code == 200, r.read()
        assert r.headers["content-type"].startswith("text/event-stream")
        assert r.headers["cache-control"] == "no-cache"
        yield Stream(r)


# -- GET /api/alerts ---------------------------------------------------------------------------------------------

def test_no_alerts_yet_is_an_empty_page(client):
    body = client.get("/api/alerts").json()
    assert body["items"] == [] and body["last_seq"] == 0 and body["next"] is None


def test_alerts_after_a_seq_in_pages_with_the_payload_watch_wrote(client, live_db):
    seqs = [add_alert(live_db, f"page rule {i}", DEPOT_UID) for i in range(3)]
    first = client.get("/api/alerts", params={"since": seqs[0] - 1, "limit": 2}).json()
    assert [a["seq"] for a in first["items"]] == seqs[:2]
    assert first["last_seq"] >= seqs[-1]
    rest = client.get(first["next"]).json()
    assert [a["seq"] for a in rest["items"]][:1] == seqs[2:]
    alert = first["items"][0]
    stored = event_row(live_db, DEPOT_UID)
    assert alert["rule"] == "page rule 0" and alert["event_id"] == DEPOT_UID
    assert alert["incident"] == (stored.cluster_id or DEPOT_UID) and alert["article_id"] == "sb-0402-depot"
    assert alert["event"]["uid"] == DEPOT_UID and alert["event"]["place"] == "Mykolaiv"
    assert alert["event"]["evidence"]["text"].startswith("A drone hit a fuel depot")
    assert alert["article"] == {"id": "sb-0402-depot", "title": "Drone hits fuel depot in Mykolaiv", "url": None,
                                "source": "Southern Bulletin"}
    after_all = client.get("/api/alerts", params={"since": first["last_seq"]}).json()
    assert after_all["items"] == [] and after_all["next"] is None


@pytest.mark.parametrize(("params", "name"), [
    ({"since": "-1"}, "since"), ({"since": "ten"}, "since"), ({"since": str(2**63)}, "since"),
    ({"limit": "0"}, "limit"), ({"limit": "1001"}, "limit"), ({"limit": "x"}, "limit"),
])
def test_bad_parameter_is_422_naming_it(client, params, name):
    r = client.get("/api/alerts", params=params)
    assert r.status_code == 422, r.text
    assert f"'{name}'" in r.json()["message"]


@pytest.mark.parametrize(("params", "headers", "name"), [
    ({"since": "-5"}, {}, "since"), ({"events_after": "x"}, {}, "events_after"),
    ({}, {"Last-Event-ID": "seven"}, "Last-Event-ID"), ({}, {"Last-Event-ID": "-1"}, "Last-Event-ID"),
    ({}, {"Last-Event-ID": str(2**64)}, "Last-Event-ID"),
])
def test_bad_live_parameter_is_422_naming_it_and_takes_no_slot(client, params, headers, name):
    r = client.get("/api/alerts/live", params=params, headers=headers)
    assert r.status_code == 422, r.text
    assert name.lower() in r.json()["message"].lower()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["since", "limit"]), value=st.text(max_size=30))
def test_no_parameter_value_gives_a_server_error(client, key, value):
    r = client.get("/api/alerts", params={key: value})
    assert r.status_code in (200, 422), (key, value, r.status_code, r.text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30).map(str.strip))
def test_no_last_event_id_gives_a_server_error(client, value):
    with client.stream("GET", "/api/alerts/live", headers={"Last-Event-ID": value}) as r:
        assert r.status_code in (200, 422), (value, r.status_code, r.read())


def test_openapi_lists_both(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/alerts" in paths and "/api/alerts/live" in paths
    assert "text/event-stream" in paths["/api/alerts/live"]["get"]["responses"]["200"]["content"]


# -- GET /api/alerts/live ----------------------------------------------------------------------------------------

def test_live_sends_new_alerts_and_new_events_as_they_are_stored(client, live_db):
    with live(client) as s:
        ready = s.next_event("ready")["data"]
        seq = add_alert(live_db, "strikes near Mykolaiv", DEPOT_UID)
        msg = s.next_event("alert")
        assert msg["id"] == str(seq) and seq > ready["since"]
        assert msg["data"]["rule"] == "strikes near Mykolaiv" and msg["data"]["event"]["uid"] == DEPOT_UID
        assert msg["data"]["event"]["evidence"]["text"].endswith("killing 2 workers")
        ingest(live_db, suburb_report())
        news = s.next_event("events")["data"]
        assert news["count"] == 1 and news["after"] == ready["events_after"] < news["upto"]
        assert news["latest"]["uid"] == SUBURB_UID and news["latest"]["place"] == "Odesa"


def test_a_reconnecting_browser_resumes_after_its_last_event_id(client, live_db):
    a = add_alert(live_db, "resume rule A", DEPOT_UID)
    b = add_alert(live_db, "resume rule B", DEPOT_UID)
    with live(client, headers={"Last-Event-ID": str(a - 1)}) as s:
        assert s.next_event("ready")["data"]["since"] == a - 1
        assert [s.next_event("alert")["id"] for _ in range(2)] == [str(a), str(b)]
    with live(client, since=a) as s:  # the page's own reconnection says where it was with ?since=
        assert s.next_event("alert")["data"]["rule"] == "resume rule B"


def test_live_from_now_sends_no_old_alert_only_heartbeats(client, live_db):
    add_alert(live_db, "an old rule", DEPOT_UID)
    with live(client) as s:
        s.next_event("ready")
        msgs = [s.next() for _ in range(2)]
    assert msgs == [{"comment": "heartbeat"}] * 2


def test_live_streams_are_bounded_and_a_closed_one_frees_its_slot(client, server):
    with httpx.Client(base_url=server, timeout=30) as other:
        opened = []  # (context, stream): a stream dropped unread closes its connection (httpcore)
        try:
            for _ in range(MAX_LIVE):
                cm = live(other)
                opened.append((cm, cm.__enter__()))
                opened[-1][1].next_event("ready")
            r = client.get("/api/alerts/live")
            assert r.status_code == 503 and r.headers["retry-after"] == "3"
            assert "max_live_connections" in r.json()["detail"]
            assert client.get("/api/alerts").status_code == 200  # the plain reads are not held up
        finally:
            for cm, _ in opened:
                cm.__exit__(None, None, None)
    # The server notices the disconnects within a poll; no fixed wait: retry until a slot is free.
    for _ in range(200):
        with client.stream("GET", "/api/alerts/live") as r:
            if r.status_code == 200:
                break
    else:
        pytest.fail("no live slot came free after the clients closed their streams")


def test_server_stops_promptly_with_a_live_stream_open(tmp_path):
    """uvicorn waits for open responses before it exits; a live stream never ends by itself, so the server ends
    it on SIGTERM (else `wirewatch serve` would hang until every browser tab closed)."""
    db = make_store(tmp_path / "ww.db", [depot_report()])
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--db", str(db), "--port", str(port),
                             "--log-level", "warning"], stdout=log, stderr=subprocess.STDOUT,
                            env={k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")})
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        with httpx.Client(base_url=url, timeout=60) as c, live(c) as s:
            s.next_event("ready")
            proc.send_signal(signal.SIGTERM)
            with pytest.raises((AssertionError, httpx.HTTPError)):
                while True:  # heartbeats until the server ends the stream
                    s.next()
        assert proc.wait(timeout=30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once it has stopped
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# -- end to end: the real `wirewatch watch` raises, the live stream tells -------------------------------------------

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Southern Bulletin</title><link>http://127.0.0.1/</link>
<description>Wire reports</description>
<item><title>Missile hits Mykolaiv shipyard</title><link>http://127.0.0.1/news/shipyard</link>
<guid isPermaLink="false">sb-shipyard</guid><pubDate>Tue, 05 Apr 2022 09:00:00 GMT</pubDate>
<description>MYKOLAIV, April 5 (Southern Bulletin) - A missile struck a shipyard in Mykolaiv on Tuesday, killing 3
workers, the regional governor said.</description></item>
</channel></rss>
"""
RULES = """[[rule]]
name = "strikes near Mykolaiv"
type = "ASSAULT"
near = "46.97,31.99,50"
min_killed = 1
"""


def test_an_alert_raised_by_wirewatch_watch_arrives_on_the_live_stream(tmp_path):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    import threading

    class Feed(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    feeds = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=feeds.serve_forever, daemon=True).start()
    db = make_store(tmp_path / "ww.db", [suburb_report()])  # an event the rule does not match (Odesa)
    (tmp_path / "rules.toml").write_text(RULES, encoding="utf-8")
    try:
        with serving(db) as url, httpx.Client(base_url=url, timeout=120) as c, live(c) as s:
            s.next_event("ready")
            done = subprocess.run(
                [sys.executable, "-m", "wirewatch", "watch", f"http://127.0.0.1:{feeds.server_address[1]}/feed.xml",
                 "--db", str(db), "--once", "-q", "--summaries-only", "--rules", str(tmp_path / "rules.toml")],
                capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, done.stderr
            alert = s.next_event("alert")["data"]
            assert alert["rule"] == "strikes near Mykolaiv"
            assert alert["event"]["place_text"] == "Mykolaiv" and "shipyard" in alert["event"]["evidence"]["text"]
            assert alert["article"]["url"] == "http://127.0.0.1/news/shipyard"
            assert "strikes near Mykolaiv" in done.stdout  # the watcher's own line, the same alert
            assert [a["seq"] for a in c.get("/api/alerts").json()["items"]] == [alert["seq"]]
    finally:
        feeds.shutdown()
