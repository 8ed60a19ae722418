"""The web page (map, timeline, claim viewer): static files served by the API app at `/`.

Everything it needs is in `static/`, front-end libraries included (`static/vendor/`, with licences; see
`web/vendor.mjs` at the repo root), so the page works with no internet.
"""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"

__all__ = ["STATIC"]
