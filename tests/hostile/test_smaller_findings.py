"""Issue 20 item 8, the smaller findings (the HTTP ones are in test_api_abuse.py), each with its before:

- `serve --host 0.0.0.0` with writes and a 1-character token: no warning -> a warning naming the token length;
- `serve` printed its URL before binding and a busy port ended it after: now it binds first, says the port is
  busy, exits 1 and never announces a URL;
- a newline in a file name forged lines of the skip report: now escaped (`\\n`);
- RSS plain text kept `&amp;`: now unescaped once (and Atom's type="text" is not unescaped twice);
- an RTL override in `source` reversed the viewer's date line: now removed from shown metadata, with a warning;
- a store on read-only media could not be read (WAL) and showed a traceback: now it opens immutable with a note,
  and writing to it is a one-line error;
- an invalid optional field ("date": "2022-02-30") dropped the whole record: now kept, field null, warned.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from wirewatch import ingest
from wirewatch.cli.serve import exposure_warnings
from wirewatch.model import Document, Skipped, Warned
from wirewatch.settings import Settings
from wirewatch.store import Store, ingest_documents

S = Settings()


def test_serve_warns_about_a_short_token_on_an_exposed_address() -> None:
    warnings = exposure_warnings("0.0.0.0", "x", [])
    assert any("1-character WIREWATCH_TOKEN" in w for w in warnings)
    assert any("--allowed-host" in w for w in warnings)
    assert exposure_warnings("127.0.0.1", "x", []) == []          # loopback: nobody else can reach it
    assert exposure_warnings("0.0.0.0", "k" * 40, ["maps.example"]) == []


def test_serve_binds_before_announcing_and_names_a_busy_port(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "wirewatch", "serve", "--db", str(tmp_path / "ww.db"),
                              "--port", str(port)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in res.stderr
    assert "http://" not in res.stderr + res.stdout and "Traceback" not in res.stderr


def test_a_newline_in_a_file_name_cannot_forge_report_lines(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x\nskipped other.txt: fake reason.txt").write_bytes(b"")
    (tmp_path / "in" / os.fsdecode(b"bad-\xff-name.txt")).write_text("Shelling hit Izium on Tuesday.")
    items = list(ingest.read([tmp_path / "in"], S))
    (skip,) = [i for i in items if isinstance(i, Skipped)]
    assert "\n" not in str(skip) and "x\\nskipped other.txt" in skip.record
    (doc,) = [i for i in items if isinstance(i, Document)]
    assert doc.article.id == "bad-\\xff-name"  # an undecodable byte is escaped, so the id is valid text


def test_rss_plain_text_is_unescaped_exactly_once() -> None:
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Desk &amp; Co</title><item><guid>a</guid>'
           "<description>AT&amp;amp;T staff left Kherson on Tuesday.</description></item></channel></rss>")
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>b</id>'
            '<title>t</title><summary type="text">Prices rose 5 &amp;lt; 6 &amp;amp; more in Odesa.</summary>'
            "</entry></feed>")
    (a,) = [i for i in ingest.read_bytes(rss.encode(), "desk.rss", S) if isinstance(i, Document)]
    (b,) = [i for i in ingest.read_bytes(atom.encode(), "desk.atom", S) if isinstance(i, Document)]
    assert a.text == "AT&T staff left Kherson on Tuesday." and a.article.source == "Desk & Co"
    assert b.text == "Prices rose 5 &lt; 6 &amp; more in Odesa."


def test_bidi_overrides_are_removed_from_shown_metadata_not_from_the_text() -> None:
    line = json.dumps({"id": "rtl", "source": "\u202eretueR", "title": "Title \u2067x\u2069",
                       "text": "KYIV (Wire) - Officials \u202ereversed\u202c said so."})
    items = list(ingest.read_bytes(line.encode(), "rtl.jsonl", S))
    doc = items[-1]
    assert doc.article.source == "retueR" and doc.article.title == "Title x"
    assert "\u202e" in doc.text  # the text is evidence: kept exactly
    assert any(isinstance(w, Warned) and "bidirectional control" in w.reason for w in items)


def test_an_invalid_optional_field_keeps_the_record(tmp_path: Path) -> None:
    line = json.dumps({"id": "d1", "date": "2022-02-30", "title": 5, "text": "Shelling hit Izium."})
    with Store.open(tmp_path / "ww.db") as store:
        report = ingest_documents(store, ingest.read_bytes(line.encode(), "feed.jsonl", S), relink=False)
        assert report.stored == 1 and report.skipped == []
        article = store.document("d1").article
    assert article.date is None and article.title is None
    assert "'2022-02-30' is not a real calendar date" in (article.date_note or "")
    assert [w.reason for w in report.warnings] == ["'title' left out: must be a string or null, not int"]


def _as_nobody() -> list[str]:
    """A command prefix that drops root (root may write anywhere, read-only media or not)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a directory read-only")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_a_store_on_read_only_media_can_be_queried(tmp_path: Path) -> None:
    place = Path(tempfile.mkdtemp(prefix="ww-ro-"))
    try:
        db = place / "ww.db"
        with Store.open(db) as store:
            ingest_documents(store, ingest.read_bytes(b'{"id": "r1", "text": "Shelling hit Izium."}', "x.jsonl", S),
                             relink=False)
        for name in os.listdir(place):  # the WAL index cannot be created beside the file
            os.chmod(place / name, 0o444)
        os.chmod(place, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
        env = {**os.environ, "HOME": str(place)}
        query = subprocess.run([*_as_nobody(), sys.executable, "-m", "wirewatch", "articles", "--db", str(db),
                                "--format", "json"], capture_output=True, text=True, timeout=120, env=env)
        assert query.returncode == 0, query.stderr[-2000:]
        assert [a["id"] for a in json.loads(query.stdout)] == ["r1"]
        assert "opened as immutable" in query.stderr
        write = subprocess.run([*_as_nobody(), sys.executable, "-m", "wirewatch", "ingest", "-", "--db", str(db)],
                               input='{"id": "r2", "text": "More."}', capture_output=True, text=True, timeout=120,
                               env=env)
        assert write.returncode == 1 and "Traceback" not in write.stderr
        assert "read-only" in write.stderr or "cannot open store" in write.stderr
    finally:
        os.chmod(place, 0o755)
        shutil.rmtree(place, ignore_errors=True)
