"""Extraction in worker processes over a stream of documents (``--jobs N``).

:func:`extract_stream` maps :func:`claimcheck.extract.extract_document` over
a stream of loaded documents (and load failures, which pass through in
place) and yields the results **in input order**, so that every output is
byte-identical to a sequential run. Memory stays bounded: documents are
read from the stream only as fast as results are consumed, in chunks of a
few documents with at most :data:`CHUNKS_PER_WORKER` chunks per worker in
flight.

Workers are forked where the platform allows it (start-up in
milliseconds; the parent imports and warms up the extraction modules first,
so the children inherit them); elsewhere they are spawned and import only
:mod:`claimcheck.extract`. A pool is started only when the stream holds
more than one document: ``claimcheck check NEW.md`` pays nothing for it.

A document whose extraction raises is yielded with the exception (as in
:func:`claimcheck.store.indexer.extract_sequentially`), its traceback text
in ``exception.worker_traceback``.
"""

from __future__ import annotations

import itertools
import os
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from claimcheck.model import Claim, Document

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.pool import AsyncResult, Pool

__all__ = [
    "CHUNKS_PER_WORKER",
    "CHUNK_BYTES",
    "Outcome",
    "available_cores",
    "extract_documents",
    "extract_one",
    "extract_stream",
]

CHUNK_BYTES = 64 * 1024
"""Documents are sent to a worker in chunks of about this much text (at least one)."""

CHUNK_DOCUMENTS = 64
"""... and at most this many documents per chunk."""

CHUNKS_PER_WORKER = 4
"""Chunks in flight per worker: enough to keep workers busy, few enough to bound memory."""

Outcome = tuple[Claim, ...] | Exception
"""A document's claims, or the exception its extraction raised."""

T = TypeVar("T")


def available_cores() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def extract_one(document: Document) -> Outcome:
    """The claims of ``document``, or the exception extraction raised (never raises)."""
    from claimcheck.extract import extract_document

    try:
        return tuple(extract_document(document))
    except Exception as exc:  # one document's bug must not stop the others
        exc.worker_traceback = traceback.format_exc()  # type: ignore[attr-defined]
        return exc


def _picklable(outcome: Outcome) -> Outcome:
    """``outcome``, or a :class:`RuntimeError` with its text when the exception cannot be
    sent back to the parent."""
    if not isinstance(outcome, Exception):
        return outcome
    try:
        pickle.dumps(outcome)
    except Exception:
        replacement = RuntimeError(f"{type(outcome).__name__}: {outcome}")
        replacement.worker_traceback = getattr(  # type: ignore[attr-defined]
            outcome, "worker_traceback", ""
        )
        return replacement
    return outcome


def _extract_chunk(documents: list[Document]) -> list[Outcome]:
    """Worker side: the outcomes of one chunk, in order."""
    return [_picklable(extract_one(d)) for d in documents]


def _warm_up() -> None:
    """Import the extraction modules and fill their lazy caches (inherited by forks)."""
    from claimcheck.documents import make_document

    extract_one(make_document("Exports rose 5% to $1.2 bln in 2023.", id="warm-up"))


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops them (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> BaseContext:
    import multiprocessing  # only when a pool is needed (cold start)

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _chunks(documents: Iterator[Document]) -> Iterator[list[Document]]:
    """Consecutive chunks of about :data:`CHUNK_BYTES` of text."""
    chunk: list[Document] = []
    size = 0
    for item in documents:
        chunk.append(item)
        size += len(item.text)
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_DOCUMENTS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def extract_documents(
    documents: Iterable[Document], jobs: int
) -> Iterator[tuple[Document, Outcome]]:
    """``(document, claims or exception)`` for every document, in input order.

    With ``jobs`` > 1 (and more than one document) extraction runs in that
    many worker processes; at most ``jobs`` × :data:`CHUNKS_PER_WORKER`
    chunks are read ahead of the consumer.
    """
    stream = iter(documents)
    head = list(itertools.islice(stream, 2))
    if jobs <= 1 or len(head) < 2:
        for document in itertools.chain(head, stream):
            yield document, extract_one(document)
        return
    _warm_up()
    pool = _context().Pool(jobs, initializer=_worker_init)
    try:
        yield from _pooled(pool, itertools.chain(head, stream), jobs)
    finally:
        pool.terminate()
        pool.join()


def _pooled(
    pool: Pool, documents: Iterator[Document], jobs: int
) -> Iterator[tuple[Document, Outcome]]:
    in_flight: deque[tuple[list[Document], AsyncResult[list[Outcome]]]] = deque()
    limit = jobs * CHUNKS_PER_WORKER
    for chunk in _chunks(documents):
        in_flight.append((chunk, pool.apply_async(_extract_chunk, (chunk,))))
        while len(in_flight) >= limit:
            yield from _collect(in_flight.popleft())
    while in_flight:
        yield from _collect(in_flight.popleft())


def _collect(
    pending: tuple[list[Document], AsyncResult[list[Outcome]]],
) -> Iterator[tuple[Document, Outcome]]:
    chunk, result = pending
    yield from zip(chunk, result.get(), strict=True)


def extract_stream(
    inputs: Iterable[T | Document], jobs: int
) -> Iterator[T | tuple[Document, Outcome]]:
    """Like :func:`extract_documents`, with other items (load failures) passed through in
    their place: ``inputs`` order is kept exactly."""
    held: deque[T] = deque()
    order: deque[bool] = deque()  # True: the next output is a document's

    def documents() -> Iterator[Document]:
        for item in inputs:
            if isinstance(item, Document):
                order.append(True)
                yield item
            else:
                order.append(False)
                held.append(item)

    def passed() -> Iterator[T]:
        while order and not order[0]:
            order.popleft()
            yield held.popleft()

    for extracted in extract_documents(documents(), jobs):
        yield from passed()
        order.popleft()
        yield extracted
    yield from passed()
