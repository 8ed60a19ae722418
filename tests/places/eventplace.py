"""The main event's place, as the places tests read it."""

from __future__ import annotations


def event_place(doc):
    """The main event's place (the first event with an ACLED type, else the first event)."""
    ev = next((e for e in doc.events if e.acled_event_type), doc.events[0] if doc.events else None)
    assert ev is not None and ev.place is not None, "the main event has no place"
    return next(p for p in doc.places if p.id == ev.place)
