"""A place mention: where it is in the text, what the gazetteer offers for it, and how it relates to others."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...gazetteer import Candidate

__all__ = ["Mention"]


@dataclass
class Mention:
    """A toponym in the text, with its gazetteer candidates (empty if only spaCy saw it)."""

    start: int  # character offsets
    end: int
    tok_start: int
    tok_end: int
    key: str
    candidates: list[Candidate]
    sentence: int
    ner: str | None = None
    demonym: bool = False
    admin_hint: bool = False  # followed by 'region', 'Oblast', 'County' ...: a division, not a town
    town_hint: bool = False  # 'Dar'a city', 'the town of Kut': a settlement, not the division of that name
    region_word: bool = False  # the type word is 'region(s)': a first-level division, not a county ('the Houston region')
    qualifier: list[Candidate] = field(default_factory=list)  # 'Alexandria, La.': what it lies in
    evidence: float = 0.0
    relation: str | None = None  # 'north of', 'near': the text places something near this place, not at it
    near: Mention | None = None  # 'Rubizhne, north of Kharkiv': the place this one is said to lie near
    within: Mention | None = None  # 'Ashulia town (Savar, Dhaka)', 'Palanpur area of Surat': what it lies in
    fuzzy: bool = False  # found by another spelling of the name ('Tal Tamer' for Tall Tamr): see spelled.py
    listed: list[Mention] = field(default_factory=list)  # 'Alberta, Manitoba and Ontario': the names listed with it
