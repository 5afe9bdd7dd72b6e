"""The claims store: documents and their claims in one SQLite file.

:class:`ClaimStore` wraps one connection in autocommit mode and opens every
write transaction itself (``BEGIN IMMEDIATE``), so that

* each document and its claims are written atomically, in a transaction of
  their own or a savepoint of a batch (:meth:`ClaimStore.batched`, as
  ``claimcheck index`` writes): an interrupted run loses nothing already
  committed and never leaves a document without its claims;
* the store is in WAL mode: readers (``claimcheck check --store``, ``store
  stats``) keep working while one writer indexes; a second writer waits for
  the first (``busy_timeout``).

The query behind ``check --store`` is :meth:`ClaimStore.related`: claims are
keyed by the engine's grouping *scope* (sorted entities plus the flow's
countries), and every cross-document relation the rules test is between
claims of one scope; within the scopes of the new claims, it reads only the
periods, measures and kinds the rules can relate to them
(:mod:`claimcheck.store.related`). :meth:`ClaimStore.related_by_scope` reads
the whole scopes (the same report, from many more claims).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import sqlite3
import time
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import attrs

from claimcheck.model import Claim, Document
from claimcheck.store.codec import (
    decode_claims,
    decode_metadata,
    decode_text,
    encode_claim_json,
    encode_metadata,
    encode_text,
)
from claimcheck.store.related import indexable, related_by_scope, related_claims, scope_of
from claimcheck.store.schema import SCHEMA_VERSION, StoreError, check_version, migrate

if TYPE_CHECKING:
    from claimcheck.engine.config import EngineConfig

__all__ = ["ClaimStore", "StoreStats", "indexable", "scope_of"]

_SEPARATOR = "|"
"""Joins the names of an entities column (as in :func:`~claimcheck.store.related.scope_of`)."""

BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another writer before giving up."""

BATCH_DOCUMENTS = 500
BATCH_SECONDS = 1.0
"""A :meth:`ClaimStore.batched` transaction is committed after this many documents or seconds."""


@attrs.frozen(slots=True)
class StoreStats:
    """What ``claimcheck store stats`` prints."""

    path: str
    schema_version: int
    documents: int
    claims: int
    size_bytes: int
    by_metric: tuple[tuple[str | None, int], ...]
    by_year: tuple[tuple[str | None, int], ...]
    first_period: str | None
    last_period: str | None
    last_indexed: str | None


def _claim_row(document: int, number: int, claim: Claim, text: str) -> tuple[object, ...]:
    period = claim.period
    flow = claim.flow
    return (
        document,
        number,
        claim.metric,
        _SEPARATOR.join(sorted(claim.entities)),
        scope_of(claim),
        None if flow is None else flow.source,
        None if flow is None else flow.dest,
        None if period is None or period.start is None else period.start.isoformat(),
        None if period is None or period.end is None else period.end.isoformat(),
        claim.unit,
        claim.kind,
        encode_claim_json(claim),
        1 if claim.record else 0,
        claim.sentence.start,
        claim.sentence.end,
        claim.sentence.slice(text) if claim.kind == "target" else None,
    )


class Batch:
    """The open transaction of :meth:`ClaimStore.batched`: begun at the first write, committed
    when enough documents or time have gone by (:meth:`written`) and at :meth:`close`."""

    def __init__(self, connection: sqlite3.Connection, documents: int, seconds: float) -> None:
        self._connection = connection
        self._limit = documents
        self._seconds = seconds
        self._count = 0
        self._since = 0.0
        self._open = False

    def begin(self) -> None:
        """Open the transaction if none is open (before a write)."""
        if not self._open:
            self._connection.execute("BEGIN IMMEDIATE")
            self._open = True
            self._count = 0
            self._since = time.monotonic()

    def written(self) -> None:
        """Count one document written; commit when the batch is full or old enough."""
        self._count += 1
        if self._count >= self._limit or time.monotonic() - self._since >= self._seconds:
            self.commit()

    def commit(self) -> None:
        """Commit the open transaction (if any)."""
        if self._open:
            self._open = False
            self._connection.execute("COMMIT")

    def close(self) -> None:
        """Commit what was written; roll back instead if the commit itself fails."""
        try:
            self.commit()
        except sqlite3.Error:
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")
            raise


class ClaimStore:
    """One open claims store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path
        self._batch: Batch | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False) -> ClaimStore:
        """Open the store at ``path``; with ``create``, create or migrate it (a writer).

        :class:`StoreError` when the file is missing (without ``create``), is
        not a claims store, or has a newer schema
        (:class:`~claimcheck.store.schema.SchemaTooNewError`).
        """
        name = str(path)
        if not create and not Path(path).is_file():
            raise StoreError(f"{name}: no such claims store (create it with claimcheck index)")
        try:
            connection = sqlite3.connect(
                name, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{name}: cannot open the claims store ({exc})") from exc
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            if create:
                _refuse_foreign(connection, name)
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
                migrate(connection, name)
            else:
                version = check_version(connection, name)
                if version == 0:
                    raise StoreError(f"{name}: not a claims store")
                if version < SCHEMA_VERSION:
                    raise StoreError(
                        f"{name}: claims store schema version {version} is older than "
                        f"{SCHEMA_VERSION}; run claimcheck index --store {name} to migrate it"
                    )
        except sqlite3.OperationalError as exc:  # locked, unreadable, ...
            connection.close()
            raise StoreError(f"{name}: cannot open the claims store ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(f"{name}: not a claims store ({exc})") from exc
        except BaseException:
            connection.close()
            raise
        return cls(connection, name)

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def hashes(self) -> dict[str, tuple[str, str | None, str]]:
        """``{document id: (content hash, path, metadata)}`` of every stored document."""
        rows = self.connection.execute("SELECT id, content_hash, path, metadata FROM documents")
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def relabel(self, document: Document) -> None:
        """Rewrite a stored document's path and metadata (its text and claims are unchanged)."""
        self.connection.execute(
            "UPDATE documents SET path = ?, metadata = ? WHERE id = ?",
            (document.path, encode_metadata(document), document.id),
        )

    @contextlib.contextmanager
    def batched(
        self, *, documents: int = BATCH_DOCUMENTS, seconds: float = BATCH_SECONDS
    ) -> Iterator[Batch]:
        """Group the :meth:`put` calls of the block into few transactions.

        A transaction is committed after ``documents`` documents or ``seconds``
        seconds (:meth:`Batch.written`, called after each :meth:`put`), and when
        the block ends, normally or by an exception (``Ctrl-C`` included): every
        document whose :meth:`put` returned is kept. Each :meth:`put` is still
        atomic (a savepoint): one that fails leaves no trace of its document. A
        hard kill (power loss, ``SIGKILL``) loses at most the open batch; the
        store stays consistent either way. Committing per document costs about
        a third more CPU and far more I/O.
        """
        batch = Batch(self.connection, documents, seconds)
        self._batch = batch
        try:
            yield batch
        finally:
            self._batch = None
            batch.close()

    def put(self, document: Document, claims: Sequence[Claim], content_hash: str) -> None:
        """Store (or replace) one document and its claims, atomically (its own transaction,
        or a savepoint of the open :meth:`batched` transaction)."""
        now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        text = encode_text(document.text)
        published = document.published.isoformat() if document.published else None
        db = self.connection
        batch = self._batch
        begin, commit, rollback = (
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
            if batch is None
            else ("SAVEPOINT put", "RELEASE put", "ROLLBACK TO put")
        )
        if batch is not None:
            batch.begin()
        db.execute(begin)
        try:
            row = db.execute(
                """
                INSERT INTO documents
                    (id, path, content_hash, published, metadata, text, claims_count, indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    path = excluded.path, content_hash = excluded.content_hash,
                    published = excluded.published, metadata = excluded.metadata,
                    text = excluded.text, claims_count = excluded.claims_count,
                    indexed_at = excluded.indexed_at
                RETURNING rowid
                """,
                (
                    document.id,
                    document.path,
                    content_hash,
                    published,
                    encode_metadata(document),
                    text,
                    len(claims),
                    now,
                ),
            ).fetchone()
            rowid = int(row[0])
            db.execute("DELETE FROM claims WHERE document = ?", (rowid,))
            db.executemany(
                "INSERT INTO claims (document, number, metric, entities, scope, flow_from, "
                "flow_to, period_start, period_end, unit, kind, claim, record, sentence_start, "
                "sentence_end, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    _claim_row(rowid, number, claim, document.text)
                    for number, claim in enumerate(claims)
                ],
            )
        except BaseException:
            db.execute(rollback)
            if batch is not None:
                db.execute(commit)  # a savepoint rolled back to stays open until released
            raise
        db.execute(commit)

    def remove(self, ids: Collection[str]) -> int:
        """Delete the documents ``ids`` (and their claims) in one transaction; return how many."""
        if not ids:
            return 0
        db = self.connection
        removed = 0
        db.execute("BEGIN IMMEDIATE")
        try:
            for document_id in ids:
                removed += db.execute("DELETE FROM documents WHERE id = ?", (document_id,)).rowcount
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return removed

    # ------------------------------------------------------------------ reading

    def documents(
        self, ids: Iterable[str] | None = None
    ) -> list[tuple[Document, tuple[Claim, ...]]]:
        """Stored documents with all their claims (every document when ``ids`` is None), by id."""
        db = self.connection
        if ids is None:
            rows = db.execute(
                "SELECT rowid, id, published, metadata, text FROM documents ORDER BY id"
            ).fetchall()
        else:
            wanted = sorted(set(ids))
            rows = []
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                rows += db.execute(
                    "SELECT rowid, id, published, metadata, text FROM documents "
                    f"WHERE id IN ({marks})",
                    chunk,
                ).fetchall()
            rows.sort(key=lambda r: r[1])
        out = []
        for rowid, document_id, published, metadata, text in rows:
            claim_rows = db.execute(
                "SELECT claim FROM claims WHERE document = ? ORDER BY number", (rowid,)
            ).fetchall()
            claims = decode_claims("[" + ",".join(r[0] for r in claim_rows) + "]", document_id)
            out.append(
                (decode_metadata(document_id, decode_text(text), published, metadata), claims)
            )
        return out

    def related(
        self,
        claims: Iterable[Claim],
        *,
        exclude: Collection[str] = (),
        context: Iterable[Claim] = (),
        config: EngineConfig | None = None,
        texts: Mapping[str, str] | None = None,
    ) -> list[tuple[Document, tuple[Claim, ...]]]:
        """Stored claims the cross-document rules may relate to ``claims``, with their documents.

        The part of :meth:`related_by_scope` that the rules can relate to
        ``claims`` (and ``context``, the ``--against`` claims): the same
        report, read from far fewer claims on a pair the store covers
        heavily (:func:`claimcheck.store.related.related_claims`, whose
        docstring derives it rule by rule). ``config`` is the run's pack
        settings and ``texts`` the texts of the new and context documents by
        id; without them the narrowing is conservative.
        """
        return related_claims(
            self.connection,
            claims,
            exclude=exclude,
            context=context,
            config=config,
            texts=texts,
        )

    def related_by_scope(
        self, claims: Iterable[Claim], *, exclude: Collection[str] = ()
    ) -> list[tuple[Document, tuple[Claim, ...]]]:
        """Every keyed stored claim sharing a scope with ``claims``, with their documents.

        Every indexable stored claim (metric known, not a count) that shares
        the scope of an indexable claim in ``claims`` (any metric, unit, flow
        direction or period), grouped by document, documents ordered by id.
        Claims without any entity are not looked up: they carry no scope
        that could tie them to another article. Documents whose id is in
        ``exclude`` (the documents being checked) are left out. A superset of
        :meth:`related` giving the same report (tests compare the two).
        """
        return related_by_scope(self.connection, claims, exclude=exclude)

    def stats(self) -> StoreStats:
        """Counts and coverage of the store."""
        db = self.connection
        documents, last_indexed = db.execute(
            "SELECT count(*), max(indexed_at) FROM documents"
        ).fetchone()
        claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
        by_metric = db.execute(
            "SELECT metric, count(*) FROM claims GROUP BY metric ORDER BY count(*) DESC, metric"
        ).fetchall()
        by_year = db.execute(
            "SELECT substr(period_end, 1, 4) AS year, count(*) FROM claims "
            "GROUP BY year ORDER BY year"
        ).fetchall()
        first, last = db.execute("SELECT min(period_start), max(period_end) FROM claims").fetchone()
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        page_count = db.execute("PRAGMA page_count").fetchone()[0]
        wal = Path(self.path + "-wal")
        size = page_size * page_count + (wal.stat().st_size if wal.is_file() else 0)
        return StoreStats(
            path=self.path,
            schema_version=check_version(db, self.path),
            documents=int(documents),
            claims=int(claims),
            size_bytes=int(size),
            by_metric=tuple((m, int(n)) for m, n in by_metric),
            by_year=tuple((y, int(n)) for y, n in by_year),
            first_period=first,
            last_period=last,
            last_indexed=last_indexed,
        )


def _refuse_foreign(connection: sqlite3.Connection, name: str) -> None:
    """:class:`StoreError` for a SQLite file of some other program (tables but no version)."""
    if (
        check_version(connection, name) == 0
        and connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
    ):
        raise StoreError(f"{name}: not a claims store (a SQLite file of another program)")


def _chunks(values: Sequence[object], size: int = 500) -> Iterable[list[object]]:
    """``values`` in lists of at most ``size`` (SQLite limits the number of parameters)."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])
