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

What travels back from a worker is kept small, since the parent pays for
unpickling it on top of its own work: claims are sent packed as plain tuples
(:mod:`claimcheck.packing`), and a caller that needs only a text made of
each document's claims (``claimcheck extract`` writing JSON, JSONL or CSV)
uses :func:`render_stream`, whose workers send back that text.
"""

from __future__ import annotations

import functools
import itertools
import os
import pickle
import signal
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar, cast

from claimcheck.model import Claim, Document
from claimcheck.packing import Packed, pack_claims, unpack_claims

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
    "render_documents",
    "render_one",
    "render_stream",
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
R = TypeVar("R")
Out = TypeVar("Out")


def available_cores() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def _extractor() -> Callable[[Document], tuple[Claim, ...]]:
    """:func:`claimcheck.extract.extract_document`, imported on first use (cold start).

    Looked up in ``sys.modules`` each time: an import statement per document costs more
    than the rest of :func:`extract_one`, and a module put in its place is still seen.
    """
    module = sys.modules.get("claimcheck.extract")
    if module is None:
        from claimcheck.extract import extract_document

        return extract_document
    return cast("Callable[[Document], tuple[Claim, ...]]", module.extract_document)


def extract_one(document: Document) -> Outcome:
    """The claims of ``document``, or the exception extraction raised (never raises)."""
    try:
        return tuple(_extractor()(document))
    except Exception as exc:  # one document's bug must not stop the others
        exc.worker_traceback = traceback.format_exc()  # type: ignore[attr-defined]
        return exc


def _picklable(outcome: R | Exception) -> R | Exception:
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


def render_one(
    render: Callable[[Document, tuple[Claim, ...]], R], document: Document
) -> R | Exception:
    """``render(document, claims)``, or the exception extraction or rendering raised (never
    raises)."""
    outcome = extract_one(document)
    if isinstance(outcome, Exception):
        return outcome
    try:
        return render(document, outcome)
    except Exception as exc:  # as extract_one: the other documents go on
        exc.worker_traceback = traceback.format_exc()  # type: ignore[attr-defined]
        return exc


def _extract_packed(document: Document) -> Packed | Exception:
    """Worker side of :func:`extract_documents`: the claims as plain values, cheap to pickle."""
    outcome = extract_one(document)
    return outcome if isinstance(outcome, Exception) else pack_claims(outcome)


def _unpacked(result: Packed | Exception) -> Outcome:
    return result if isinstance(result, Exception) else unpack_claims(result)


def _same(result: R) -> R:
    return result


def _run_chunk(
    task: Callable[[Document], R | Exception], documents: list[Document]
) -> list[R | Exception]:
    """Worker side: the outcomes of one chunk, in order."""
    return [_picklable(task(d)) for d in documents]


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
    chunks are read ahead of the consumer. Workers send the claims back
    packed (:mod:`claimcheck.packing`).
    """
    return _mapped(documents, jobs, extract_one, _extract_packed, _unpacked)


def render_documents(
    documents: Iterable[Document], jobs: int, render: Callable[[Document, tuple[Claim, ...]], R]
) -> Iterator[tuple[Document, R | Exception]]:
    """``(document, render(document, claims) or exception)`` for every document, in input
    order, as :func:`extract_documents` (see :func:`render_one`).

    For a caller that needs only what ``render`` makes of the claims (the text
    ``claimcheck extract`` writes): the workers render, and send back that
    instead of the claims. ``render`` must be picklable (a module-level
    function).
    """
    task = functools.partial(render_one, render)
    return _mapped(documents, jobs, task, task, _same)


def _mapped(
    documents: Iterable[Document],
    jobs: int,
    local: Callable[[Document], Out],
    remote: Callable[[Document], R | Exception],
    decode: Callable[[R | Exception], Out],
) -> Iterator[tuple[Document, Out]]:
    """``(document, local(document))`` for every document, in input order; in worker processes
    ``decode(remote(document))``."""
    stream = iter(documents)
    head = list(itertools.islice(stream, 2))
    if len(head) > 1:  # many texts: the entity scan compiles its one pattern at once
        from claimcheck.extract.entities import expect_texts

        expect_texts(len(head))
    if jobs <= 1 or len(head) < 2:
        for document in itertools.chain(head, stream):
            yield document, local(document)
        return
    _warm_up()
    pool = _context().Pool(jobs, initializer=_worker_init)
    try:
        for document, result in _pooled(pool, itertools.chain(head, stream), jobs, remote):
            yield document, decode(result)
    finally:
        pool.terminate()
        pool.join()


def _pooled(
    pool: Pool,
    documents: Iterator[Document],
    jobs: int,
    task: Callable[[Document], R | Exception],
) -> Iterator[tuple[Document, R | Exception]]:
    in_flight: deque[tuple[list[Document], AsyncResult[list[R | Exception]]]] = deque()
    limit = jobs * CHUNKS_PER_WORKER
    for chunk in _chunks(documents):
        in_flight.append((chunk, pool.apply_async(_run_chunk, (task, chunk))))
        while len(in_flight) >= limit:
            yield from _collect(in_flight.popleft())
    while in_flight:
        yield from _collect(in_flight.popleft())


def _collect(
    pending: tuple[list[Document], AsyncResult[list[R | Exception]]],
) -> Iterator[tuple[Document, R | Exception]]:
    chunk, result = pending
    yield from zip(chunk, result.get(), strict=True)


def extract_stream(
    inputs: Iterable[T | Document], jobs: int
) -> Iterator[T | tuple[Document, Outcome]]:
    """Like :func:`extract_documents`, with other items (load failures) passed through in
    their place: ``inputs`` order is kept exactly."""
    return _interleaved(inputs, lambda documents: extract_documents(documents, jobs))


def render_stream(
    inputs: Iterable[T | Document], jobs: int, render: Callable[[Document, tuple[Claim, ...]], R]
) -> Iterator[T | tuple[Document, R | Exception]]:
    """Like :func:`render_documents`, with other items passed through in their place."""
    return _interleaved(inputs, lambda documents: render_documents(documents, jobs, render))


def _interleaved(
    inputs: Iterable[T | Document],
    mapper: Callable[[Iterator[Document]], Iterator[tuple[Document, Out]]],
) -> Iterator[T | tuple[Document, Out]]:
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

    for extracted in mapper(documents()):
        yield from passed()
        order.popleft()
        yield extracted
    yield from passed()
