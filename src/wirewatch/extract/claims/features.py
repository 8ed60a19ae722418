"""What the attribution tagger sees of each token besides the spaCy tensor: words and the parse, as hashes.

The small English model's tok2vec sees four tokens either side; a reported clause can run forty tokens
from its cue. The parse carries that distance: every token knows the clause it sits in (`ccomp` of
"say") and the clause above that, so "the talks would fail" in "Russia said the talks would fail" is
marked as the complement of a reporting verb wherever it is. Each column is one id per token; the
tagger hashes every (column, id) into one embedding table (`network.feature_table`). Computed with numpy
on the Doc's arrays for a whole batch at once: no Token objects, so it costs a small fraction of the parse.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .lexicon import noun_cues, verb_cues
from .quotes import quote_spans

__all__ = ["COLUMNS", "LEXICON_COLUMN", "batch_features"]

COLUMNS = ("lower", "lemma", "tag", "dep", "dep+head", "clause", "outer clause", "quote+position", "head side",
           "child deps", "entity")
LEXICON_COLUMN = "lexicon"  # optional: is the word, its head, its clause's governor a cue of the rules' lexicons
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


@lru_cache(maxsize=1)
def _lexicon_ids() -> tuple[np.ndarray, np.ndarray]:
    """Hash ids of the verb and noun cue lemmas (`cues.tsv`, `nouns.tsv`)."""
    verbs = np.array(sorted(get_string_id(w) for w in verb_cues()), dtype=np.uint64)
    nouns = np.array(sorted(get_string_id(w) for w in noun_cues()), dtype=np.uint64)
    return verbs, nouns


def _lexicon_class(lemma: np.ndarray) -> np.ndarray:
    verbs, nouns = _lexicon_ids()
    return (np.isin(lemma, verbs).astype(np.uint64) + 2 * np.isin(lemma, nouns).astype(np.uint64))


def _doc_arrays(doc: Doc) -> np.ndarray:
    """One Doc's columns: LOWER, LEMMA, TAG, DEP, head (absolute), IDX, SENT_START, ENT_TYPE, ENT_IOB, quote."""
    arr = doc.to_array([LOWER, LEMMA, TAG, DEP, HEAD, IDX, SENT_START, ENT_TYPE, ENT_IOB])
    out = np.empty((len(doc), 10), dtype=np.uint64)
    out[:, :9] = arr
    out[:, 4] = np.arange(len(doc), dtype=np.int64) + arr[:, 4].astype(np.int64)  # HEAD is relative
    out[:, 6] = arr[:, 6].astype(np.int64) == 1
    out[0, 6] = 1
    text = doc.user_data.get("ww_text")
    out[:, 9] = _quote_state(text if text is not None else doc.text, arr[:, 5].astype(np.int64))
    return out


def batch_features(docs: list[Doc], lexicon: bool = False) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """For a batch of Docs, all tokens one after another: (ids, links, lengths).

    ids: (tokens, columns) uint64, COLUMNS then LEXICON_COLUMN if `lexicon`; links: (tokens, 2) int64, the
    row of each token's head and of the head of the clause it sits in (for a reported clause, the cue), so
    the tagger can read their hidden state too. Computed once per batch: per-Doc numpy calls would cost
    more than the arithmetic on a short article."""
    lengths = [len(d) for d in docs]
    width = len(COLUMNS) + (1 if lexicon else 0)
    docs = [d for d in docs if len(d)]
    if not docs:
        return np.zeros((0, width), dtype=np.uint64), np.zeros((0, 2), dtype=np.int64), lengths
    parts = [_doc_arrays(d) for d in docs]
    offsets = np.repeat(np.cumsum([0] + [len(x) for x in parts[:-1]]), [len(x) for x in parts])
    arr = np.concatenate(parts)
    n = len(arr)
    lower, lemma, tag, dep = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
    index = np.arange(n)
    heads = arr[:, 4].astype(np.int64) + offsets
    clause_ids = np.array([get_string_id(d) for d in CLAUSE_DEPS], dtype=np.uint64)
    is_clause = np.isin(dep, clause_ids) | (heads == index)
    clause = _clause_of(index, heads, is_clause)
    outer = _clause_of(heads[clause], heads, is_clause)
    outer = np.where(outer == clause, heads[clause], outer)  # the root has no clause above it: its own head
    is_start = arr[:, 6] == 1
    firsts = np.flatnonzero(is_start)
    position = _bucket(index - firsts[np.cumsum(is_start) - 1]).astype(np.uint64)
    side = (np.sign(heads - index) + 1).astype(np.uint64)
    children = np.zeros(n, dtype=np.uint64)
    attached = heads != index
    with np.errstate(over="ignore"):
        np.add.at(children, heads[attached], _mix(dep[attached]))  # a multiset of the children's labels
    columns = [
        lower, lemma, tag, dep,
        _mix(dep, lemma[heads]),
        _mix(dep[clause], lemma[heads[clause]]),
        _mix(dep[outer], lemma[heads[outer]]),
        _mix(arr[:, 9], position),
        _mix(tag[heads], dep, side),
        children,
        _mix(arr[:, 7], arr[:, 8]),
    ]
    if lexicon:
        lex = _lexicon_class(lemma)
        columns.append(_mix(lex, lex[heads], lex[heads[clause]]))
    return np.stack(columns, axis=1), np.stack([heads, heads[clause]], axis=1), lengths
