"""The JSON Schema of the output contract, generated from `model.Document`."""

from __future__ import annotations

from typing import Any

from .model import SCHEMA_ID, Document


def output_schema() -> dict[str, Any]:
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://wirewatch.invalid/schema/{SCHEMA_ID}.json"
    schema["title"] = SCHEMA_ID
    return schema
