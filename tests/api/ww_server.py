"""A real `wirewatch serve` in a subprocess on a free loopback port, for tests that speak HTTP to it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx

from wirewatch.model import Document
from wirewatch.store import Store, ingest_documents

TOKEN = "test-token-7f3c"   # the writer server's WIREWATCH_TOKEN
BODY_LIMIT = 300_000        # the writer server's WIREWATCH_MAX_REQUEST_BYTES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_store(path: Path, docs: list[Document]) -> Path:
    with Store.open(path) as store:
        report = ingest_documents(store, docs)
    assert report.stored == len(docs), report.summary()
    return path


@contextmanager
def serving(db: Path, *, token: str | None = None, env: dict[str, str] | None = None,
            args: tuple[str, ...] = (), timeout: float = 120.0) -> Iterator[str]:
    """Start `python -m wirewatch serve` on 127.0.0.1 and yield its base URL once /health answers."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    environ.update(env or {})
    if token:
        environ["WIREWATCH_TOKEN"] = token
    log = db.with_suffix(f".{port}.log")
    with log.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--db", str(db), "--port", str(port),
                                 "--log-level", "warning", *args], stdout=sink, stderr=subprocess.STDOUT, env=environ)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"wirewatch serve exited with {proc.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"wirewatch serve did not answer within {timeout}s:\n{log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
