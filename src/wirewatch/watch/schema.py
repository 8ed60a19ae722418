"""The JSON Schema of an alert (docs/schema/wirewatch.alert-1.json), built from the event row the API returns,
so the two cannot drift apart. Regenerate: python -m wirewatch.watch.schema > docs/schema/wirewatch.alert-1.json
"""

from __future__ import annotations

import json

from ..store.query import EventRow

SCHEMA_ID = "wirewatch.alert-1.json"


def alert_schema() -> dict:
    event = EventRow.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    defs = event.pop("$defs", {})
    defs["EventRow"] = event
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Wirewatch alert",
        "description": "One alert of `wirewatch watch`: a line of --alerts-jsonl, the body POSTed to --webhook, "
                       "and the `payload` of the store's alert table. Raised once per rule and incident.",
        "type": "object",
        "required": ["seq", "rule", "incident", "at", "event", "article"],
        "properties": {
            "seq": {"type": "integer", "minimum": 1,
                    "description": "The alert's number in the store, increasing; receivers can drop repeats by it."},
            "rule": {"type": "string", "description": "The name of the rule that fired."},
            "incident": {"type": "string", "description": "The event's cluster id when it is linked, else the "
                                                          "event's uid: one alert per rule and incident."},
            "at": {"type": "string", "format": "date-time", "description": "When the alert was raised (UTC)."},
            "event": {"$ref": "#/$defs/EventRow", "description": "The report the alert cites, exactly as "
                                                                 "/api/events returns it (with its evidence span)."},
            "article": {
                "type": "object", "required": ["id", "title", "url", "source"],
                "properties": {"id": {"type": "string"}, "title": {"type": ["string", "null"]},
                               "url": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]}},
                "description": "The article the event was read from."},
        },
        "$defs": defs,
    }


if __name__ == "__main__":
    print(json.dumps(alert_schema(), indent=1, ensure_ascii=False))
