"""`wirewatch serve`: localhost by default, CORS only when configured."""

from __future__ import annotations

import httpx
import typer

from wirewatch.cli import app
from ww_server import serving


def test_serve_binds_localhost_by_default():
    serve = typer.main.get_command(app).commands["serve"]
    defaults = {p.name: p.default for p in serve.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000


def test_serve_creates_a_missing_store_and_allows_only_the_configured_origin(tmp_path):
    with serving(tmp_path / "new.db", args=("--cors-origin", "https://maps.example")) as url:
        assert httpx.get(f"{url}/api/counts").json()["articles"] == 0
        assert httpx.get(f"{url}/api/events").json()["items"] == []
        ok = httpx.get(f"{url}/api/events", headers={"Origin": "https://maps.example"})
        assert ok.headers["access-control-allow-origin"] == "https://maps.example"
        other = httpx.get(f"{url}/api/events", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
