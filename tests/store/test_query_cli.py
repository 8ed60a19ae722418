"""The query commands as a user types them: shared filters, the three formats, search marks shown as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app

ARTICLES = [
    {"id": "q-1", "date": "2022-05-02", "source": "Testwire",
     "text": "KHARKIV, May 2 (Testwire) - Shelling hit the tram depot in Kharkiv on Monday, killing two people, "
             "the regional governor said."},
    {"id": "q-2", "date": "2022-05-04", "source": "Other Wire",
     "text": "ODESA, May 4 (Other Wire) - A missile struck a grain terminal in the port of Odesa on Wednesday, "
             "officials said. Nobody was hurt."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> Path:
    root = tmp_path_factory.mktemp("query-cli")
    src = root / "wire.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = root / "q.db"
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_query_command_takes_the_shared_filters(db):
    for command in ("events", "claims", "places", "articles", "clusters"):
        rows = json.loads(run(command, "--db", str(db), "--since", "2022-05-03", "--source", "Other Wire",
                              "-f", "json"))
        assert rows, command
        assert not any("Kharkiv" in json.dumps(r) for r in rows), command   # the other article is filtered out
    assert [a["id"] for a in json.loads(run("articles", "--db", str(db), "-f", "json"))] == ["q-2", "q-1"]


def test_search_marks_the_words_and_the_table_shows_the_marks(db):
    hits = json.loads(run("search", "port", "--db", str(db), "-f", "json"))
    assert {h["article_id"] for h in hits} == {"q-2"} and all("[port]" in h["snippet"] for h in hits)
    assert "[port]" in run("search", "port", "--db", str(db))            # Rich would have eaten it as markup
    assert run("search", "port", "--db", str(db), "-f", "csv").splitlines()[0].startswith("kind,")


def test_a_bad_filter_is_a_usage_error_naming_the_option(db):
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--near", "north"])
    assert result.exit_code == 2 and "--near" in result.output
