"""PLACEHOLDER: the claims stage is being written (see its issue); it finds nothing yet."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from . import Found, Stage


def find(doc: Doc, found: Found) -> dict[str, Any]:
    return {}


stage = Stage(name="claims", fn=find, requires=('actors', 'times'), assigns=('claims', 'notes'))
