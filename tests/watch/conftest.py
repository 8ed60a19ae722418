"""A local HTTP server for the watch tests (127.0.0.1 only): feeds and pages the tests write and change between
polls, and a webhook receiver. No test reaches the network."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering (a slow server)
    location: str | None = None  # a redirect


@dataclass
class FeedServer:
    """Routes by path; `hits` counts GETs per path, `headers` keeps the last request headers per path,
    `posts` the JSON bodies POSTed to /hook (answered with `hook_status`, popped first from `hook_fail`)."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    headers: dict[str, dict] = field(default_factory=dict)
    posts: list[dict] = field(default_factory=list)
    hook_fail: list[int] = field(default_factory=list)
    base: str = ""
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: str | bytes, **kw) -> None:
        self.routes[path] = Route(body=body.encode() if isinstance(body, str) else body, **kw)


def _handler(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path
            server.hits[path] = server.hits.get(path, 0) + 1
            server.headers[path] = dict(self.headers)
            route = server.routes.get(path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.delay:
                with server.lock:
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                time.sleep(route.delay)
                with server.lock:
                    server.in_flight -= 1
            if route.location:
                self.send_response(302)
                self.send_header("Location", route.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.status == 200 and (
                    (route.etag and self.headers.get("If-None-Match") == route.etag)
                    or (route.last_modified and not route.etag
                        and self.headers.get("If-Modified-Since") == route.last_modified)):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            status = server.hook_fail.pop(0) if server.hook_fail else 200
            if status < 300:
                server.posts.append(json.loads(body))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def cli():
    """cli(args) -> Result of `wirewatch ARGS` in this process (one spaCy load for the session)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke
