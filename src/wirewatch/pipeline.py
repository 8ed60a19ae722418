"""The one function that turns Articles into extracted Documents.

`extract`, `ingest`, the HTTP API and the Dask batch all call `run`, so a fix lands everywhere at once.
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from spacy.language import Language

from .chunks import Merger
from .errors import ExtractError
from .extract import FIELDS, Found, Stage
from .extract import actors, claims, events, figures, places
from .extract import time as times
from .model import Document, Skipped, Warned
from .nlp import Pieces, load_nlp, parse
from .settings import Settings

DEFAULT_STAGES: tuple[Stage, ...] = (
    times.stage, places.stage, actors.stage, figures.stage, claims.stage, events.stage,
)


def _clock() -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process), read together where a profile times a step."""
    return time.perf_counter(), time.process_time()


_UNTIMED = (0.0, 0.0)


def _start(profile: Profile | None) -> tuple[float, float]:
    """A `_clock()` reading when profiling; reading the CPU clock is a system call, so only then."""
    return _clock() if profile is not None else _UNTIMED


@dataclass
class Profile:
    """Seconds spent per stage, summed over a run: 'ingest' (reading inputs), 'nlp' (the spaCy parse, timed
    where the lazy `nlp.pipe` generator actually runs), each extraction stage, 'document' (output checks).

    `seconds` is wall-clock time; `cpu_seconds` the process's CPU time over the same steps, which other jobs
    on a shared machine do not inflate (what benchmarks compare)."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cpu_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    articles: int = 0

    def add(self, stage: str, since: tuple[float, float]) -> None:
        """Add the time from `since` (a `_clock()` reading) to now to `stage`."""
        wall, cpu = _clock()
        self.seconds[stage] += wall - since[0]
        self.cpu_seconds[stage] += cpu - since[1]


_settled = False


def settle_heap() -> None:
    """Once per process, after the first batch (by then the model and every stage's tables are loaded): move
    all live objects to the garbage collector's permanent generation (`gc.freeze`).

    They stay alive for the whole process anyway, and each full collection would walk all of them again:
    without this, collections cost about 2 ms per article on top of parsing and the stages. Objects made
    later are collected as usual."""
    global _settled
    if not _settled:
        _settled = True
        gc.collect()
        gc.freeze()


def check_stages(stages: Sequence[Stage]) -> None:
    """Refuse a stage list in which a stage requires a field that no earlier stage assigns."""
    have: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing}, which no earlier stage assigns")
        have.update(stage.assigns)


def prepare(parsed: list, stages: Sequence[Stage], profile: Profile | None = None) -> None:
    """Run each stage's batch `prepare` once over a batch of parsed Docs. A long article's pieces are parsed
    lazily, one at a time (`nlp.Pieces`): stages meet each piece unprepared and do its work on demand."""
    docs = [x for x in parsed if not isinstance(x, Pieces)]  # a long article's pieces: tagged one by one
    for stage in stages:
        if stage.prepare is not None and docs:
            t0 = _start(profile)
            stage.prepare(docs)
            if profile is not None:
                profile.add(stage.name, t0)


def extract_one(doc, article_doc: Document, stages: Sequence[Stage], profile: Profile | None = None) -> Document:
    """Run the stages over one parsed article; raise ExtractError naming the stage that failed."""
    found = Found(article=article_doc.article, text=article_doc.text)
    doc.user_data["ww_text"] = article_doc.text  # == doc.text (spaCy keeps the text), without rebuilding it
    for stage in stages:
        t0 = _start(profile)
        try:
            found = found.add(stage(doc, found))
        except Exception as exc:  # a stage bug must not take the batch down; it is reported with its record
            raise ExtractError(article_doc.article.id, stage.name, f"{type(exc).__name__}: {exc}") from exc
        if profile is not None:
            profile.add(stage.name, t0)
    t0 = _start(profile)
    try:
        out = Document(
            article=article_doc.article,
            text=article_doc.text,
            **{name: list(getattr(found, name)) for name in FIELDS},
        )
    except ValueError as exc:  # pydantic's ValidationError: a span that does not quote the text
        raise ExtractError(article_doc.article.id, "document", str(exc).splitlines()[1] if "\n" in str(exc)
                           else str(exc)) from exc
    if profile is not None:
        profile.add("document", t0)  # building and span-checking the output object
    return out


def extract_pieces(pieces: Iterable, article_doc: Document, stages: Sequence[Stage],
                   profile: Profile | None = None) -> Document:
    """A very long article, extracted piece by piece and merged (see `wirewatch.chunks`). `pieces` are parsed
    as they are iterated (`nlp.Pieces`), so each piece's Doc is let go before the next is parsed."""
    merger = Merger(article_doc.article, article_doc.text)
    offset = 0
    for piece in pieces:
        part = Document(article=article_doc.article, text=piece.text)
        merger.add(offset, extract_one(piece, part, stages, profile))
        piece.user_data.clear()   # no Token -> Doc cycle left: the piece's Doc is freed before the next is parsed
        offset += len(part.text)
    return merger.document()


def run(
    items: Iterable[Document | Skipped | Warned],
    *,
    nlp: Language | None = None,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    settings: Settings | None = None,
    profile: Profile | None = None,
) -> Iterator[Document | Skipped | Warned]:
    """Extract every ingested article, in order; skips and warnings from ingest pass through, failures
    become skips.

    `items` are Documents from `wirewatch.ingest` (text and metadata, no extractions yet).
    """
    settings = settings or Settings()
    nlp = nlp or load_nlp(settings.model)
    check_stages(stages)
    buffer: list[Document | Skipped | Warned] = []

    def drain() -> Iterator[Document | Skipped | Warned]:
        docs = [d for d in buffer if isinstance(d, Document)]
        t1 = _start(profile)
        batch = list(parse(nlp, (d.text for d in docs), batch_size=settings.batch_size,
                           chunk_chars=settings.nlp_chunk_chars, join=False))
        if profile is not None:
            profile.add("nlp", t1)
        for item, doc in zip(docs, batch):
            if not isinstance(doc, Pieces):
                doc.user_data["ww_text"] = item.text  # == doc.text (spaCy keeps the text), without rebuilding it
        prepare(batch, stages, profile)  # batch work of the stages (a model over all Docs at once)
        parsed = iter(batch)
        for item in buffer:
            if not isinstance(item, Document):
                yield item
                continue
            doc = next(parsed)
            if profile is not None:
                profile.articles += 1
            try:
                out = extract_pieces(doc, item, stages, profile) if isinstance(doc, Pieces) \
                    else extract_one(doc, item, stages, profile)
            except ExtractError as exc:
                out = Skipped(record=exc.record, reason=str(exc))
            if not isinstance(doc, Pieces):
                doc.user_data.clear()   # the stages' caches hold Tokens and Spans, which hold the Doc: without
                # this cycle the Doc is freed as soon as it is let go, not by a garbage-collector pass
            yield out
        buffer.clear()

    source = iter(items)
    while True:
        t0 = _start(profile)
        item = next(source, None)  # ingest is lazy too: reading and decoding happen here
        if profile is not None:
            profile.add("ingest", t0)
        if item is None:
            break
        buffer.append(item)
        if len(buffer) >= settings.batch_size:
            yield from drain()
            settle_heap()
    yield from drain()
    settle_heap()
