"""Extraction stages: one module per kind of thing (time, places, actors, figures, claims, events).

A stage is a plain function `(doc, found) -> {field: [items]}`: it reads the parsed spaCy `Doc` and what
earlier stages found, and returns new items for the fields it `assigns`. It never re-parses, prints, opens
files or touches the network. Stages are listed, in order, in `wirewatch.pipeline.DEFAULT_STAGES`; a user
can pass their own list (`pipeline.run(..., stages=...)`) to add, drop or replace one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Protocol

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..model import Actor, Article, Claim, Event, Figure, Note, Place, TimeExpr

FIELDS = ("times", "places", "actors", "figures", "claims", "events", "notes")


@dataclass(frozen=True, slots=True)
class Found:
    """What the stages have found so far for one article (read-only for the stages)."""

    article: Article
    text: str
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[Note, ...] = ()
    extras: dict[str, Any] = field(default_factory=dict)  # stage-to-stage hints, never serialised

    def add(self, items: dict[str, Any]) -> Found:
        """A new Found with the stage's output: list fields are appended, other keys go to `extras`."""
        changes: dict[str, Any] = {}
        extras = dict(self.extras)
        for key, value in items.items():
            if key in FIELDS:
                changes[key] = getattr(self, key) + tuple(value)
            else:
                extras[key] = value
        return replace(self, extras=extras, **changes)


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds the string from its tokens on every access."""
    text = doc.user_data.get("ww_text")
    if text is None:
        text = doc.user_data["ww_text"] = doc.text
    return text


def ents_of(doc: Doc) -> tuple:
    """`doc.ents`, built once per Doc (spaCy builds a new tuple of Spans on every access)."""
    ents = doc.user_data.get("ww_ents")
    if ents is None:
        ents = doc.user_data["ww_ents"] = tuple(doc.ents)
    return ents


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list, built once per Doc (`doc[i]` and `for t in doc` make a new Token each time)."""
    tokens = doc.user_data.get("ww_tokens")
    if tokens is None:
        tokens = doc.user_data["ww_tokens"] = list(doc)
    return tokens


def sentence_bounds(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(first token, end token) of each sentence, from the SENT_START array (cheaper than `doc.sents`)."""
    bounds = doc.user_data.get("ww_bounds")
    if bounds is None:
        starts = doc.to_array("SENT_START").tolist() if len(doc) else []
        cuts = [i for i, flag in enumerate(starts) if flag == 1 or i == 0] + [len(doc)]
        bounds = doc.user_data["ww_bounds"] = tuple(zip(cuts[:-1], cuts[1:])) if len(doc) else ()
    return bounds


def sentence_of(doc: Doc) -> tuple[int, ...]:
    """Token index -> sentence number, built once per Doc."""
    index = doc.user_data.get("ww_sentence_of")
    if index is None:
        out: list[int] = []
        for k, (a, b) in enumerate(sentence_bounds(doc)):
            out.extend([k] * (b - a))
        index = doc.user_data["ww_sentence_of"] = tuple(out)
    return index


_WORD_HITS: dict[frozenset[str], dict[int, bool]] = {}  # per word set: string id -> its lower case is in the set?


def word_hits(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lemma or form, lower-cased, is one of `words` (lower-case).

    Read from the Doc's LEMMA and LOWER integer arrays, so no Token object is built for the other words; a
    stage looking for a few cue or trigger words builds Tokens only for these. String ids are spaCy's hashes,
    the same in every vocab, so what a string id means is remembered across articles; each distinct id of
    the article is looked up once, and the tokens are then matched as arrays."""
    if not len(doc):
        return []
    known = _WORD_HITS.setdefault(words, {})
    strings = doc.vocab.strings
    ids, distinct = _lemma_lower_ids(doc)
    hits = []
    for h in distinct:
        hit = known.get(h)
        if hit is None:
            hit = known[h] = strings[h].lower() in words
        if hit:
            hits.append(h)
    if not hits:
        return []
    return np.flatnonzero(np.isin(ids, np.array(hits, dtype=ids.dtype)).any(axis=1)).tolist()


def _lemma_lower_ids(doc: Doc) -> tuple[np.ndarray, list[int]]:
    """The Doc's (LEMMA, LOWER) id array and its distinct ids, built once per Doc: several stages look for
    their own word sets in the same arrays."""
    cached = doc.user_data.get("ww_lemma_lower")
    if cached is None:
        ids = doc.to_array([LEMMA, LOWER])
        cached = doc.user_data["ww_lemma_lower"] = (ids, np.unique(ids).tolist())
    return cached


class StageFn(Protocol):
    def __call__(self, doc: Doc, found: Found) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Stage:
    """A named extraction step; `requires`/`assigns` name fields of `Found` (checked by the pipeline).

    `prepare`, if given, is called once per batch of parsed Docs before the per-article calls, for work
    that is cheaper batched (a model run over all the Docs at once); it may only annotate the Docs
    (`doc.user_data`), and `fn` must give the same result without it."""

    name: str
    fn: StageFn | Callable[[Doc, Found], dict[str, Any]]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    prepare: Callable[[list[Doc]], None] | None = None

    def __call__(self, doc: Doc, found: Found) -> dict[str, Any]:
        return self.fn(doc, found)
