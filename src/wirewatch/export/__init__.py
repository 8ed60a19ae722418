"""Exports of the store: JSON Lines (the article contract), ACLED CSV, GeoJSON, Parquet; and the sitrep.

Each exporter takes a `Store`, the same `Filters` as the queries, and a stream; see docs/exports.md.
"""

from __future__ import annotations

from .acled import ACLED_COLUMNS, acled_rows, write_acled
from .geojson import feature_collection, write_geojson
from .jsonl import write_jsonl
from .pages import all_rows
from .parquet import events_table, write_parquet
from .sitrep import build_sitrep, render_html, render_markdown

FORMATS = ("jsonl", "acled", "geojson", "parquet")

__all__ = ["FORMATS", "ACLED_COLUMNS", "acled_rows", "write_acled", "feature_collection", "write_geojson",
           "write_jsonl", "events_table", "write_parquet", "all_rows", "build_sitrep", "render_markdown",
           "render_html"]
