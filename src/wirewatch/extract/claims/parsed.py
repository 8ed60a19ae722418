"""One article's parse with what every claims module needs precomputed once (text, sentences, names).

`Doc.text` and `Token.sent` rebuild their result on every call; the claims rules ask for them per cue,
so they are computed here once per article and passed along.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import ents_of, sentence_bounds, sentence_of

__all__ = ["Parsed"]


@dataclass(frozen=True, slots=True)
class Parsed:
    doc: Doc
    text: str
    bounds: tuple[tuple[int, int], ...]  # (first token, end token) of each sentence
    sent_of: tuple[int, ...]  # token index -> sentence number
    persons: tuple[tuple[int, int], ...]  # character spans of PERSON entities

    @classmethod
    def of(cls, doc: Doc, text: str) -> Parsed:
        """`text` is the article text the Doc was parsed from (`Doc.text` would rebuild it token by token)."""
        persons = tuple((e.start_char, e.end_char) for e in ents_of(doc) if e.label_ == "PERSON")
        return cls(doc, text, sentence_bounds(doc), sentence_of(doc), persons)

    @property
    def sents(self) -> list[Span]:
        return [self.doc[a:b] for a, b in self.bounds]

    def sentence(self, k: int) -> Span:
        a, b = self.bounds[k]
        return self.doc[a:b]

    def sent(self, t: Token) -> Span:
        return self.sentence(self.sent_of[t.i])

    def is_person(self, s: int, e: int) -> bool:
        k = bisect_left(self.persons, (e, e))  # persons are in text order and do not overlap
        return k > 0 and self.persons[k - 1][1] > s
