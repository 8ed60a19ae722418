"""Extraction stages: one module per kind of thing (time, places, actors, figures, claims, events).

A stage is a plain function `(doc, found) -> {field: [items]}`: it reads the parsed spaCy `Doc` and what
earlier stages found, and returns new items for the fields it `assigns`. It never re-parses, prints, opens
files or touches the network. Stages are listed, in order, in `wirewatch.pipeline.DEFAULT_STAGES`; a user
can pass their own list (`pipeline.run(..., stages=...)`) to add, drop or replace one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Protocol, TypeVar

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..model import Actor, Article, Claim, Event, Figure, Note, Place, TimeExpr

T = TypeVar("T")

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


def per_string(doc: Doc, ids: list[int], known: dict[int, T], fn: Callable[[str], T]) -> list[T]:
    """`fn` of the string behind each spaCy string id of `ids`. Answers are kept in `known` (string ids are
    hashes, the same in every vocab), so a word is looked at once per process, not once per token."""
    out = list(map(known.get, ids))
    if None in out:
        strings = doc.vocab.strings
        for k, (h, got) in enumerate(zip(ids, out)):
            if got is None:
                got = known.get(h)
                out[k] = known[h] = fn(strings[h]) if got is None else got
    return out


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


_WORD_HITS: dict[frozenset[str], tuple[set[int], set[int]]] = {}  # per word set: (string ids seen, those in it)


def word_hits(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lemma or form, lower-cased, is one of `words` (lower-case).

    Read from the Doc's LEMMA and LOWER integer arrays, so no Token object is built for the other words; a
    stage looking for a few cue or trigger words builds Tokens only for these. String ids are spaCy's hashes,
    the same in every vocab, so what a string id means is remembered across articles: only ids not seen
    before are looked up, and the hits' tokens are read from a per-Doc index of where each id occurs."""
    if not len(doc):
        return []
    seen, yes = _WORD_HITS.setdefault(words, (set(), set()))
    positions = _word_positions(doc)
    new = positions.keys() - seen
    if new:
        strings = doc.vocab.strings
        yes.update(h for h in new if strings[h].lower() in words)
        seen.update(new)
    hits = [h for h in yes if h in positions] if len(yes) < len(positions) else \
        [h for h in positions if h in yes]
    if len(hits) == 1:
        return list(positions[hits[0]])
    return sorted({i for h in hits for i in positions[h]})


def _word_positions(doc: Doc) -> dict[int, list[int]]:
    """Each LEMMA or LOWER string id of the Doc -> the indices of its tokens (ascending), built once per Doc:
    several stages look for their own word sets in it."""
    cached = doc.user_data.get("ww_word_positions")
    if cached is None:
        cached = defaultdict(list)
        lemma, lower = doc.to_array([LEMMA, LOWER]).T.tolist()
        for i, (a, b) in enumerate(zip(lemma, lower)):
            cached[a].append(i)
            if b != a:
                cached[b].append(i)
        cached = doc.user_data["ww_word_positions"] = dict(cached)
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
