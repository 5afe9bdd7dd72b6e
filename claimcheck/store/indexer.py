"""Incremental indexing: extract only what changed, store it document by document.

:func:`index_documents` streams loaded documents, skips those whose
:func:`~claimcheck.store.hashing.content_hash` is already stored, hands the
others to an *extractor* and writes each result in its own transaction as it
arrives. The extractor is a parameter so that a parallel one (worker
processes, Dask) can replace :func:`extract_sequentially` without touching
the bookkeeping: it maps an iterable of documents to ``(document, claims or
exception)`` pairs, in any order, never holding more than it must.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document
from claimcheck.store.codec import encode_metadata
from claimcheck.store.db import ClaimStore
from claimcheck.store.hashing import content_hash

__all__ = ["Extracted", "Extractor", "IndexSummary", "extract_sequentially", "index_documents"]

Extracted = tuple[Document, tuple[Claim, ...] | Exception]
"""A document with its claims, or with the exception its extraction raised."""

Extractor = Callable[[Iterable[Document]], Iterable[Extracted]]
"""Maps documents to :data:`Extracted` pairs (in any order)."""


def extract_sequentially(documents: Iterable[Document]) -> Iterator[Extracted]:
    """The default extractor: :func:`claimcheck.extract.extract_document`, one at a time."""
    for document in documents:
        from claimcheck.extract import extract_document  # not at all when nothing changed

        try:
            yield document, tuple(extract_document(document))
        except Exception as exc:  # one document's bug must not stop the others
            yield document, exc


@attrs.define
class IndexSummary:
    """What one indexing run did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    relabelled: int = 0
    removed: int = 0
    skipped: list[LoadFailure] = attrs.Factory(list)
    failed: list[LoadFailure] = attrs.Factory(list)
    claims: int = 0

    def line(self) -> str:
        """One line: ``"12 added, 1 updated, 40 unchanged, 0 removed, 0 skipped, 0 failed
        (345 claims written)"``.

        ``updated`` counts the documents whose metadata alone changed
        (``relabelled``, not re-extracted) too; the line says how many.
        """
        relabelled = f"; {self.relabelled} metadata only" if self.relabelled else ""
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed, {len(self.skipped)} skipped, {len(self.failed)} failed "
            f"({self.claims} claims written{relabelled})"
        )


def index_documents(
    store: ClaimStore,
    inputs: Iterable[Document | LoadFailure],
    *,
    prune: bool = False,
    extractor: Extractor = extract_sequentially,
    on_failure: Callable[[LoadFailure], None] | None = None,
) -> IndexSummary:
    """Store the claims of every changed or new document of ``inputs``.

    Unchanged documents (same content hash) are not extracted nor written;
    those whose metadata alone changed (path, source, url, title) have it
    rewritten without re-extraction.
    With ``prune``, stored documents that are not among ``inputs`` are
    deleted afterwards — except those whose stored path is the path of an
    input that failed to load this time (a broken file is not a removed one).
    ``on_failure`` sees each input that was skipped (binary, empty, too large...: see
    :attr:`LoadFailure.skipped`) or failed to load or extract; skipped inputs are
    counted apart from failed ones.

    The extractor may consume its input from another thread (as
    ``multiprocessing.Pool.imap`` does): the bookkeeping of skipped documents
    then happens there, and results are written here as they come back.
    """
    summary = IndexSummary()
    known = store.hashes()
    seen: set[str] = set()
    hashes: dict[str, str] = {}

    def failed(failure: LoadFailure) -> None:
        (summary.skipped if failure.skipped else summary.failed).append(failure)
        if on_failure is not None:
            on_failure(failure)

    def pending() -> Iterator[Document]:
        for item in inputs:
            if isinstance(item, LoadFailure):
                failed(item)
                continue
            seen.add(item.id)
            digest = content_hash(item)
            stored = known.get(item.id)
            if stored is not None and stored[0] == digest:
                if stored[2] == encode_metadata(item):
                    summary.unchanged += 1
                else:
                    store.relabel(item)
                    summary.updated += 1
                    summary.relabelled += 1
                continue
            hashes[item.id] = digest
            yield item

    with store.batched() as batch:
        for document, result in extractor(pending()):
            if isinstance(result, Exception):
                where = document.path or document.id
                failed(LoadFailure(where, f"extraction failed ({type(result).__name__}: {result})"))
                continue
            store.put(document, result, hashes.pop(document.id))
            batch.written()
            if document.id in known:
                summary.updated += 1
            else:
                summary.added += 1
            summary.claims += len(result)
    if prune:
        keep_paths = {f.path for f in [*summary.failed, *summary.skipped]}
        gone = [i for i, (_, path, _) in known.items() if i not in seen and path not in keep_paths]
        summary.removed = store.remove(gone)
    return summary
