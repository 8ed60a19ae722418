"""The corpus reader for `spacy train`: pre-parsed Docs (from `convert.py`) as Examples, tensors restored.

The Docs were parsed once by Wirewatch's pipeline; the training pipeline holds only the attribution
tagger, so each epoch costs the tagger's own forward and backward pass, never a re-parse. Loaded with
`spacy train ... --code training/claims/reader.py`, which also registers the tagger (by importing it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import registry

import wirewatch.extract.claims.tagger  # noqa: F401  (registers the component and its architecture)

KEY = "attribution"


def examples_of(path: Path, vocab) -> list[Example]:
    out = []
    for ref in DocBin().from_disk(path).get_docs(vocab):
        ref.tensor = np.asarray(ref.user_data.pop("ww_tensor"), dtype="float32")
        ref.user_data["ww_text"] = ref.text
        pred = ref.copy()
        del pred.spans[KEY]
        out.append(Example(pred, ref))
    return out


@registry.readers("wirewatch.parsed_docbin.v1")
def parsed_docbin(path: Path, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """Examples from a DocBin written by convert.py (the first `limit` articles if set); spacy train reads
    the training corpus once and shuffles it every epoch with its own seed."""

    def read(nlp: Language) -> Iterator[Example]:
        examples = examples_of(Path(path), nlp.vocab)
        yield from examples[:limit] if limit else examples

    return read
