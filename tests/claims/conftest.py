"""Helpers for the claims tests: run the claims stage alone on a sentence, with the actors/times we give it."""

from __future__ import annotations

from typing import Callable, Sequence

import pytest

from wirewatch.extract import Found
from wirewatch.extract.claims import find
from wirewatch.model import Actor, Article, Claim, Note, Place, TimeExpr


class Result:
    """What the claims stage returned for one text, with lookups a test reads easily."""

    def __init__(self, text: str, claims: list[Claim], notes: list[Note]) -> None:
        self.text, self.claims, self.notes = text, claims, notes

    def by_cue(self, cue: str) -> Claim:
        """The claim with this cue (a colon after it aside: the tagger follows PolNeAR's "said:"), or whose
        cue is this verb with its auxiliaries and adverbs before it ("has called for" for "called for")."""
        hits = [c for c in self.claims if c.cue is not None and c.cue.text.rstrip(":") == cue] or [
            c for c in self.claims if c.cue is not None and c.cue.text.rstrip(":").endswith(" " + cue)]
        assert hits, f"no claim with cue {cue!r} in {[c.cue.text for c in self.claims if c.cue]}"
        return hits[0]

    def all_by_cue(self, cue: str) -> list[Claim]:
        return [c for c in self.claims if c.cue is not None and c.cue.text.rstrip(":") == cue]


def actor(text: str, mention: str, aid: str, name: str | None = None, *, nth: int = 0, kind: str | None = None,
          side: str | None = None) -> Actor:
    """An Actor for the nth occurrence of `mention` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return Actor(id=aid, text=mention, start=start, end=start + len(mention), name=name or mention, kind=kind,
                 side=side)


@pytest.fixture(scope="session")
def actor_at() -> Callable[..., Actor]:
    """actor_at(text, mention, id, name=None, nth=0, kind=None, side=None) -> Actor (see `actor`)."""
    return actor


@pytest.fixture(scope="session")
def claims_of(nlp) -> Callable[..., Result]:
    """claims_of(text, actors=(), times=(), dateline=None, places=()) -> Result: the claims stage alone, on a
    real parse."""

    def _run(text: str, actors: Sequence[Actor] = (), times: Sequence[TimeExpr] = (), dateline: str | None = None,
             places: Sequence[Place] = ()) -> Result:
        found = Found(article=Article(id="t", dateline=dateline), text=text, actors=tuple(actors), times=tuple(times),
                      places=tuple(places))
        out = find(nlp(text), found)
        for c in out["claims"]:
            for span in [c.content, c.cue, c.source, c.source and c.source.antecedent, *c.modality_cues]:
                if span is not None:
                    assert text[span.start:span.end] == span.text
        return Result(text, out["claims"], out["notes"])

    return _run
