"""The attribution tagger's network: what it reads of each token and how it mixes it, in one pass per batch.

Input per token: `doc.tensor` (en_core_web_sm's own tok2vec, computed by the parse and frozen: no second
tok2vec) projected to a few dimensions, and the parse features of `features.py` (words, dependency
labels, the clause a token sits in and the clause above, quotation marks, entities, the rules' cue
lexicon), each hashed into one shared embedding table. Then: Maxout; a gather along the parse tree (each
token next to its head, its clause's governor and its children, so a reported clause sees its cue however
far away); Maxout; one Maxout over each token and its neighbours (residual); softmax over the BIO tags.
Narrow on purpose: it runs over every token of every article, so it must cost a few per cent of the parse.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Linear, Maxout, Model, Softmax, noop
from thinc.types import Floats2d

from .features import COLUMNS, batch_features

__all__ = ["build_tagger", "feature_table", "N_TAGS"]

N_TAGS = 7  # O, then B and I of CUE, SOURCE, CONTENT (tagger.TAGS)


def _add_rows(out: np.ndarray, rows: np.ndarray, values: np.ndarray) -> None:
    """`np.add.at(out, rows, values)` for a C-contiguous 2-D `out`, run as a 1-D `add.at` over its cells (about
    4x faster: numpy's fast path is for 1-D). Each cell gets the same additions in the same order, so the
    result is bit-for-bit the same."""
    if not out.flags.c_contiguous:   # reshape would copy: add to the array itself
        np.add.at(out, rows, values)
        return
    width = out.shape[1]
    cells = (rows[:, None] * width + np.arange(width)).ravel()
    np.add.at(out.reshape(-1), cells, np.ascontiguousarray(values).reshape(-1))


def _gather_tree(H: np.ndarray, links: np.ndarray) -> tuple[np.ndarray, tuple]:
    """[H, H[head], H[clause governor], mean of H over the children] per row (see `tree_gather`)."""
    heads, gov = links[:, 0], links[:, 1]
    n = len(H)
    attached = heads != np.arange(n)
    counts = np.maximum(np.bincount(heads[attached], minlength=n), 1).astype("float32")[:, None]
    kids = np.zeros_like(H)
    _add_rows(kids, heads[attached], H[attached])
    return np.hstack([H, H[heads], H[gov], kids / counts]), (heads, gov, attached, counts)


def _gather_tree_backprop(dY: np.ndarray, saved: tuple) -> np.ndarray:
    heads, gov, attached, counts = saved
    w = dY.shape[1] // 4
    dH = dY[:, :w].copy()
    _add_rows(dH, heads, dY[:, w:2 * w])
    _add_rows(dH, gov, dY[:, 2 * w:3 * w])
    dk = dY[:, 3 * w:] / counts
    dH[attached] += dk[heads[attached]]
    return dH


def _edges(lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Rows that start and that end an article in the batch's flat array."""
    ends = np.cumsum(lengths)
    return ends - np.asarray(lengths), ends - 1


def _beside(H: np.ndarray, edges: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, tuple]:
    """[previous row, row, next row], with zeros across an article's edges (no article sees another)."""
    first, last = edges
    prev = np.zeros_like(H)
    prev[1:] = H[:-1]
    prev[first] = 0
    nxt = np.zeros_like(H)
    nxt[:-1] = H[1:]
    nxt[last] = 0
    return np.hstack([prev, H, nxt]), edges


def _neighbours(layer: Model, H: np.ndarray, lengths: list[int], is_train: bool):
    """H + layer([previous, H, next]) within each article, with its backprop."""
    X, edges = _beside(H, _edges([n for n in lengths if n]))
    Y, bp_layer = layer(X, is_train)

    def backprop(dY: np.ndarray) -> np.ndarray:
        dX = bp_layer(dY)
        w = H.shape[1]
        first, last = edges
        d_prev, d_mid, d_next = dX[:, :w].copy(), dX[:, w:2 * w], dX[:, 2 * w:].copy()
        d_prev[first] = 0
        d_next[last] = 0
        dH = dY + d_mid
        dH[:-1] += d_prev[1:]
        dH[1:] += d_next[:-1]
        return dH

    return H + Y, backprop


@registry.layers("wirewatch.feature_table.v1")
def feature_table(width: int, rows: int, columns: int, seed: int = 18) -> Model:
    """One embedding table for all feature columns: each (column, id) picks a row by hashing, and the
    rows of a token's columns are laid side by side (tokens, columns * width). One numpy gather per
    batch, where a HashEmbed per column costs a call and four lookups per id."""
    salts = np.random.RandomState(seed).randint(1, 2**31, size=columns).astype(np.uint64)

    def rows_of(ids: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return ((ids ^ salts) * np.uint64(0x9E3779B97F4A7C15) >> np.uint64(17)) % np.uint64(rows)

    def forward(model: Model, ids: np.ndarray, is_train: bool):
        table = model.get_param("E")
        idx = rows_of(ids).astype(np.int64)
        out = table[idx].reshape(len(ids), columns * width)

        def backprop(d_out: np.ndarray) -> np.ndarray:
            grad = np.zeros_like(table)
            np.add.at(grad, idx.ravel(), d_out.reshape(-1, width))
            model.inc_grad("E", grad)
            return ids

        return out, backprop

    def init(model: Model, X=None, Y=None) -> None:
        model.set_param("E", model.ops.asarray2f(
            np.random.RandomState(seed).uniform(-0.1, 0.1, (rows, width)).astype("float32")))

    return Model("feature_table", forward, init=init, params={"E": None}, dims={"nO": columns * width})


@registry.architectures("wirewatch.AttributionTagger.v2")
def build_tagger(tensor_width: int, tensor_proj: int, embed_width: int, embed_rows: int, width: int,
                    maxout_pieces: int, dropout: float, lexicon: bool = True, normalize: bool = False,
                    window: bool = False, tree2: bool = False, window2: bool = False
                    ) -> Model[list[Doc], list[Floats2d]]:
    """The batch's tokens in one array (see the module docstring); `normalize` adds layer normalisation to
    the Maxouts, `window` the layer over each token's neighbours; `tree2` a second gather along the parse
    tree (residual: a token sees what its head and clause governor saw, two steps up), `window2` a second
    neighbour layer (five tokens wide in all). Features are computed for the whole batch at once
    (`features.batch_features`)."""
    n_cols = len(COLUMNS) + (1 if lexicon else 0)
    table = feature_table(embed_width, embed_rows, n_cols)
    project = Linear(tensor_proj, tensor_width)
    first = Maxout(width, tensor_proj + embed_width * n_cols, nP=maxout_pieces, dropout=dropout, normalize=normalize)
    second = Maxout(width, width * 4, nP=maxout_pieces, dropout=dropout, normalize=normalize)
    # one layer over each token and its two neighbours in the same article, residual
    near = Maxout(width, width * 3, nP=maxout_pieces, dropout=dropout, normalize=normalize) if window else noop()
    third = Maxout(width, width * 4, nP=maxout_pieces, dropout=dropout, normalize=normalize) if tree2 else noop()
    near2 = Maxout(width, width * 3, nP=maxout_pieces, dropout=dropout, normalize=normalize) if window2 else noop()
    out = Softmax(N_TAGS, width)
    layers = [project, table, first, second] + ([near] if window else []) + ([third] if tree2 else []) + (
        [near2] if window2 else []) + [out]

    def _tree_again(H: np.ndarray, links: np.ndarray, is_train: bool):
        """H + third([H, H[head], H[governor], mean of H over the children]), with its backprop."""
        G2, saved2 = _gather_tree(H, links)
        Y, bp = third(G2, is_train)

        def backprop(dY: np.ndarray) -> np.ndarray:
            return dY + _gather_tree_backprop(bp(dY), saved2)

        return H + Y, backprop

    def inputs(model: Model, docs: list[Doc]):
        ids, links, lengths = batch_features(docs, lexicon)
        tensors = [d.tensor if d.tensor.size else model.ops.alloc2f(len(d), tensor_width) for d in docs if len(d)]
        T = np.concatenate(tensors).astype("float32") if tensors else model.ops.alloc2f(0, tensor_width)
        return T, ids, links, lengths

    def forward(model: Model, docs: list[Doc], is_train: bool):
        T, ids, links, lengths = inputs(model, docs)
        P, bp_project = project(T, is_train)
        E, bp_table = table(ids, is_train)
        H1, bp_first = first(np.hstack([P, E]), is_train)
        G, saved = _gather_tree(H1, links)
        H2, bp_second = second(G, is_train)
        H3, bp_near = _neighbours(near, H2, lengths, is_train) if window else (H2, lambda d: d)
        H4, bp_third = _tree_again(H3, links, is_train) if tree2 else (H3, lambda d: d)
        H5, bp_near2 = _neighbours(near2, H4, lengths, is_train) if window2 else (H4, lambda d: d)
        Y, bp_out = out(H5, is_train)
        cuts = np.cumsum(lengths)[:-1]

        def backprop(dYs: list[Floats2d]) -> list:
            dH = bp_near(bp_third(bp_near2(bp_out(np.concatenate(dYs)))))
            dX = bp_first(_gather_tree_backprop(bp_second(dH), saved))
            bp_project(np.ascontiguousarray(dX[:, :tensor_proj]))
            bp_table(np.ascontiguousarray(dX[:, tensor_proj:]))
            return []

        return np.split(Y, cuts), backprop

    def init(model: Model, X: list[Doc] | None = None, Y=None) -> None:
        T, ids, links, _ = inputs(model, X)
        project.initialize(X=T)
        table.initialize()
        X1 = np.hstack([project.predict(T), table.predict(ids)])
        first.initialize(X=X1)
        G, _ = _gather_tree(first.predict(X1), links)
        second.initialize(X=G)
        H2 = second.predict(G)
        lengths = [len(d) for d in X if len(d)]
        if window:
            near.initialize(X=_beside(H2, _edges(lengths))[0])
            H2 = _neighbours(near, H2, lengths, False)[0]
        if tree2:
            third.initialize(X=_gather_tree(H2, links)[0])
            H2 = _tree_again(H2, links, False)[0]
        if window2:
            near2.initialize(X=_beside(H2, _edges(lengths))[0])
            H2 = _neighbours(near2, H2, lengths, False)[0]
        out.initialize(X=H2)

    return Model("attribution_tagger_v2", forward, init=init, layers=layers)
