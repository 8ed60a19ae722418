"""What the attribution tagger sees of each token besides the spaCy tensor: words and the parse, as hashes.

The small English model's tok2vec sees four tokens either side; a reported clause can run forty tokens
from its cue. The parse carries that distance: every token knows the clause it sits in (`ccomp` of
"say") and the clause above that, so "the talks would fail" in "Russia said the talks would fail" is
marked as the complement of a reporting verb wherever it is. Each column is one id per token; the
tagger embeds each column with its own hash table. Computed with numpy on the Doc's arrays: no Token
objects, so it costs a small fraction of the parse.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, SENT_START, TAG
from spacy.tokens import Doc

from .quotes import quote_spans

__all__ = ["COLUMNS", "token_features", "tree_links"]

COLUMNS = ("lower", "lemma", "tag", "dep", "dep+head", "clause", "outer clause", "quote+position", "head side",
           "child deps", "entity")
CLAUSE_DEPS = ("ROOT", "ccomp", "xcomp", "advcl", "parataxis", "conj", "relcl", "csubj", "acl", "pcomp", "dep")
CLIMB = 12  # clause nesting deeper than this is junk (the parse of a run-on "sentence")
_PRIME = np.uint64(1_000_003)
_SALT = np.uint64(0x9E3779B97F4A7C15)


def _mix(*cols: np.ndarray) -> np.ndarray:
    """One id from several id columns (wrapping uint64 arithmetic; HashEmbed rehashes it)."""
    out = np.full(cols[0].shape, _SALT, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k, c in enumerate(cols, start=1):
            out = out * _PRIME + c.astype(np.uint64) + np.uint64(k)
    return out


def _bucket(n: np.ndarray) -> np.ndarray:
    """0, 1, 2, 3-4, 5-8, 9-16, 17+ -> 0..6."""
    return np.where(n == 0, 0, np.minimum(np.ceil(np.log2(np.maximum(n, 1))).astype(np.int64) + 1, 6))


def _quote_state(text: str, starts: np.ndarray) -> np.ndarray:
    """Per token: 0 outside quotes, 1 the opening mark, 2 inside, 3 the closing mark."""
    state = np.zeros(len(starts), dtype=np.uint64)
    for qs, qe in quote_spans(text):
        a, b = np.searchsorted(starts, qs), np.searchsorted(starts, qe)
        if b > a:
            state[a:b] = 2
            state[a] = 1
            state[b - 1] = 3
    return state


def _clause_of(nodes: np.ndarray, heads: np.ndarray, is_clause: np.ndarray) -> np.ndarray:
    """For each node, the nearest ancestor-or-self that heads a clause (the root when none does)."""
    for _ in range(CLIMB):
        up = ~is_clause[nodes]
        if not up.any():
            break
        nodes = np.where(up, heads[nodes], nodes)
    return nodes


def token_features(doc: Doc, text: str | None = None) -> np.ndarray:
    """(tokens, len(COLUMNS)) uint64 ids; `text` is doc.text when the caller has it already."""
    n = len(doc)
    if n == 0:
        return np.zeros((0, len(COLUMNS)), dtype=np.uint64)
    arr = doc.to_array([LOWER, LEMMA, TAG, DEP, HEAD, IDX, SENT_START, ENT_TYPE, ENT_IOB]).astype(np.int64)
    lower, lemma, tag, dep = (arr[:, k].astype(np.uint64) for k in range(4))
    index = np.arange(n)
    heads = index + arr[:, 4]
    strings = doc.vocab.strings
    clause_ids = np.array([strings.add(d) for d in CLAUSE_DEPS], dtype=np.uint64)
    is_clause = np.isin(dep, clause_ids) | (heads == index)
    clause = _clause_of(index, heads, is_clause)
    outer = _clause_of(heads[clause], heads, is_clause)
    outer = np.where(outer == clause, heads[clause], outer)  # the root has no clause above it: its own head
    is_start = arr[:, 6] == 1
    is_start[0] = True
    firsts = np.flatnonzero(is_start)
    position = _bucket(index - firsts[np.cumsum(is_start) - 1]).astype(np.uint64)
    quote = _quote_state(text if text is not None else doc.text, arr[:, 5])
    side = np.sign(heads - index).astype(np.int64) + 1
    children = np.zeros(n, dtype=np.uint64)
    attached = heads != index
    with np.errstate(over="ignore"):
        np.add.at(children, heads[attached], _mix(dep[attached]))  # a multiset of the children's labels
    return np.stack([
        lower, lemma, tag, dep,
        _mix(dep, lemma[heads]),
        _mix(dep[clause], lemma[heads[clause]]),
        _mix(dep[outer], lemma[heads[outer]]),
        _mix(quote, position),
        _mix(tag[heads], dep, side.astype(np.uint64)),
        children,
        _mix(arr[:, 7].astype(np.uint64), arr[:, 8].astype(np.uint64)),
    ], axis=1)


def tree_links(doc: Doc) -> np.ndarray:
    """(tokens, 2) int: each token's head and the head of the clause it sits in (for a reported clause,
    the cue). The tagger reads the hidden state of these tokens too, so a content token sees its cue."""
    n = len(doc)
    if n == 0:
        return np.zeros((0, 2), dtype=np.int64)
    arr = doc.to_array([DEP, HEAD]).astype(np.int64)
    index = np.arange(n)
    heads = index + arr[:, 1]
    clause_ids = np.array([doc.vocab.strings.add(d) for d in CLAUSE_DEPS], dtype=np.int64)
    is_clause = np.isin(arr[:, 0], clause_ids) | (heads == index)
    return np.stack([heads, heads[_clause_of(index, heads, is_clause)]], axis=1)
