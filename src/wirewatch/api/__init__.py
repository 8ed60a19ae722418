"""The HTTP API (FastAPI) and the web page, over one store: `create_app(db_path, settings)`.

One router per resource (`articles`, `events`, `clusters`, `claims`, `places`, `search`, `sitrep`,
`ingest`, `meta`); shared filters and paging in `deps`; the body-size limit in `limits`. See docs/api.md.
"""

from .app import create_app

__all__ = ["create_app"]
