"""Wirewatch: news-wire reporting on war and politics turned into a verifiable situation picture."""

from .errors import ExtractError, IngestError, LimitError, StoreError, WirewatchError
from .model import Actor, Article, Claim, Document, Event, Figure, Note, Place, Skipped, Span, TimeExpr, Warned

__version__ = "0.1.0"
__all__ = [
    "Actor", "Article", "Claim", "Document", "Event", "Figure", "Note", "Place", "Skipped", "Span", "TimeExpr", "Warned",
    "ExtractError", "IngestError", "LimitError", "StoreError", "WirewatchError", "__version__",
]
