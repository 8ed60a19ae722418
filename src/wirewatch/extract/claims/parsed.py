"""One article's parse with what every claims module needs precomputed once (text, sentences, names).

`Doc.text` and `Token.sent` rebuild their result on every call; the claims rules ask for them per cue,
so they are computed here once per article and passed along.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from spacy.attrs import HEAD, IDX, IS_PUNCT
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
    heads: list[int]  # token index -> index of its head (itself for a root)
    starts: list[int]  # token index -> character offset
    punct: list[bool]  # token index -> is punctuation

    @classmethod
    def of(cls, doc: Doc, text: str) -> Parsed:
        """`text` is the article text the Doc was parsed from (`Doc.text` would rebuild it token by token)."""
        persons = tuple((e.start_char, e.end_char) for e in ents_of(doc) if e.label_ == "PERSON")
        arr = doc.to_array([HEAD, IDX, IS_PUNCT]).astype(np.int64) if len(doc) else np.zeros((0, 3), np.int64)
        heads = (np.arange(len(doc)) + arr[:, 0]).tolist()
        return cls(doc, text, sentence_bounds(doc), sentence_of(doc), persons, heads, arr[:, 1].tolist(),
                   (arr[:, 2] != 0).tolist())

    def root(self, s: int, e: int) -> int:
        """Index of the syntactic root of tokens [s, e): the first whose head lies outside them (or itself),
        punctuation only when nothing else qualifies."""
        heads, punct, first = self.heads, self.punct, None
        for i in range(s, e):
            h = heads[i]
            if h == i or not s <= h < e:
                if not punct[i]:
                    return i
                first = i if first is None else first
        return s if first is None else first

    @property
    def sents(self) -> list[Span]:
        return [self.doc[a:b] for a, b in self.bounds]

    def sentence(self, k: int) -> Span:
        a, b = self.bounds[k]
        return self.doc[a:b]

    def sent(self, t: Token) -> Span:
        return self.sentence(self.sent_of[t.i])

    def sentence_chars(self, i: int) -> tuple[int, int]:
        """Character offsets of the sentence of token `i` (up to the next sentence's start)."""
        a, b = self.bounds[self.sent_of[i]]
        return self.starts[a], self.starts[b] if b < len(self.starts) else len(self.text)

    def is_person(self, s: int, e: int) -> bool:
        k = bisect_left(self.persons, (e, e))  # persons are in text order and do not overlap
        return k > 0 and self.persons[k - 1][1] > s
