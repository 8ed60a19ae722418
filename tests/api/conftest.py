"""Two live servers over the example store: `reader` (no token: writes off) and `writer` (token, small body limit)."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the helpers beside this file, for tests/web too

from ww_examples import documents  # noqa: E402
from ww_server import BODY_LIMIT, TOKEN, make_store, serving  # noqa: E402


@pytest.fixture(scope="session")
def reader(tmp_path_factory) -> str:
    db = make_store(tmp_path_factory.mktemp("reader") / "ww.db", documents())
    with serving(db) as url:
        yield url


@pytest.fixture(scope="session")
def writer(tmp_path_factory) -> str:
    db = make_store(tmp_path_factory.mktemp("writer") / "ww.db", documents())
    with serving(db, token=TOKEN, env={"WIREWATCH_MAX_REQUEST_BYTES": str(BODY_LIMIT)}) as url:
        yield url


@pytest.fixture(scope="session")
def get(reader):
    """get(path, **params) -> httpx.Response from the reader server."""
    with httpx.Client(base_url=reader, timeout=30) as client:
        yield lambda path, **params: client.get(path, params=params)
