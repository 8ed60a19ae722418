"""Each export read back by the library its users would use (json, pandas, pyarrow), via the real CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.export import ACLED_COLUMNS
from wirewatch.model import Document

runner = CliRunner()


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_jsonl_is_the_article_contract(db: Path, corpus) -> None:
    lines = cli("export", "--format", "jsonl", "--db", str(db)).splitlines()
    docs = [Document.from_json(json.loads(line)) for line in lines]
    assert sorted(d.article.id for d in docs) == ["strike-a", "strike-b", "strike-c"]
    assert next(d for d in docs if d.article.id == "strike-b") == corpus[1]
    only = cli("export", "--format", "jsonl", "--db", str(db), "--type", "CONSULT").splitlines()
    assert [json.loads(x)["article"]["id"] for x in only] == ["strike-c"]
    assert json.loads(only[0])["schema"] == "wirewatch.article/1"


def test_acled_csv_has_acled_columns_one_row_per_cluster(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    cli("export", "--format", "acled", "--db", str(db), "-o", str(out))
    df = pd.read_csv(out)
    assert tuple(df.columns) == ACLED_COLUMNS
    assert len(df) == 2  # the strike (4 reports, 3 outlets) and the talks
    strike = df[df.event_type == "Explosions/Remote violence"].iloc[0]
    assert strike.event_date == "2023-06-02" and strike.year == 2023 and strike.time_precision == 1
    assert strike.disorder_type == "Political violence"
    assert strike.fatalities == 4                      # the most conservative toll, as ACLED codes it
    assert strike.country == "Ukraine" and strike.iso == 804 and strike.event_id_cnty.startswith("UKR")
    assert (strike.location, strike.admin1) == ("Voznesensk", "Mykolaiv Oblast")
    assert strike.source == "AFP; AP; Reuters"
    assert "figures killed disputed" in strike.tags and "unverified" in strike.tags
    assert -90 <= strike.latitude <= 90 and -180 <= strike.longitude <= 180
    assert strike.actor1 == "Russia" and strike.inter1 == 8   # foreign state forces in Ukraine


def test_geojson_is_a_valid_feature_collection(db: Path) -> None:
    fc = json.loads(cli("export", "--format", "geojson", "--db", str(db)))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 5
    for feat in fc["features"]:
        assert feat["type"] == "Feature" and feat["geometry"]["type"] == "Point"
        lon, lat = feat["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(v is None or isinstance(v, (str, int, float, bool)) for v in feat["properties"].values())
    reuters = next(f for f in fc["features"] if f["properties"]["uid"] == "strike-a#e1")
    assert reuters["properties"]["killed"] == 9 and reuters["properties"]["injured"] == 21
    assert reuters["geometry"]["coordinates"] == [31.3322, 47.5669]  # GeoJSON order: lon, lat
    near = json.loads(cli("export", "--format", "geojson", "--db", str(db), "--near", "41,29,30"))
    assert [f["properties"]["type"] for f in near["features"]] == ["CONSULT"]


def test_parquet_reads_back_in_pandas(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    cli("export", "--format", "parquet", "--db", str(db), "-o", str(out))
    df = pd.read_parquet(out)
    assert len(df) == 5 and {"uid", "day", "type", "lat", "lon", "killed", "evidence"} <= set(df.columns)
    assert df.set_index("uid").loc["strike-c#e1", "killed"] == 4
    assert str(df.day.iloc[0]) == "2023-06-03"


def test_parquet_needs_a_file(db: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "parquet", "--db", str(db)])
    assert result.exit_code != 0 and "-o FILE" in result.output


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_query_commands_print_rows_in_each_format(db: Path, fmt: str) -> None:
    for command in ("events", "claims", "places", "articles", "clusters"):
        out = cli(command, "--db", str(db), "--format", fmt, "--place", "Voznesensk")
        if fmt == "json":
            assert isinstance(json.loads(out), list) and json.loads(out)
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(out)))
            assert rows, command
        else:
            assert "Voznesensk" in out or command in ("claims", "articles")
    hits = json.loads(cli("search", "housing", "--db", str(db), "--format", "json"))
    assert {h["article_id"] for h in hits} == {"strike-c"}


def test_query_errors_name_the_option(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--near", "north"])
    assert result.exit_code == 2 and "--near" in result.output
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "no such store" in result.output
