"""The JSON Schema in docs/ is the one generated from the model, and real output validates against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from wirewatch.schema import output_schema

ROOT = Path(__file__).resolve().parents[2]

DOC_SCHEMA = ROOT / "docs" / "schema" / "wirewatch.article-1.json"


def test_checked_in_schema_is_in_step_with_the_model() -> None:
    assert json.loads(DOC_SCHEMA.read_text()) == output_schema(), "run `make schema` and commit docs/schema/"


def test_extracted_output_validates_against_the_schema(extract_text) -> None:
    doc = extract_text("KYIV, March 30 (Desk) - Two people were killed on Tuesday in a strike on Kharkiv, officials said.")
    jsonschema.validate(doc.to_json(), output_schema())
