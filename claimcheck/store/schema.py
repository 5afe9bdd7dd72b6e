"""The claims store's SQLite schema and its migrations.

The schema version is SQLite's ``PRAGMA user_version``. :data:`MIGRATIONS`
lists the statements that bring a store from version ``n`` to ``n + 1``;
:func:`migrate` applies the missing ones in one transaction, so a store is
always at one whole version. A store written by a newer claimcheck (its
version above :data:`SCHEMA_VERSION`) is refused with
:class:`SchemaTooNewError` rather than misread.

Tables:

``documents``
    one row per stored document: ``id`` (the document id, unique), ``path``,
    ``content_hash`` (:func:`claimcheck.store.hashing.content_hash`),
    ``published`` (ISO date or NULL), ``metadata`` (JSON: path,
    published_from, source, url, title), ``text`` (zlib-compressed UTF-8, so
    findings can quote sentences), ``claims_count`` and ``indexed_at`` (UTC,
    ISO 8601).

``claims``
    one row per claim: ``document`` (the documents row), ``number`` (its
    position in the document), the index-key columns ``metric``,
    ``entities`` (sorted, joined with ``|``), ``scope`` (sorted entities plus
    the flow's countries, joined with ``|``: the engine's grouping scope),
    ``flow_from``, ``flow_to``, ``period_start``, ``period_end``, ``unit``,
    ``kind``, ``claim`` (the exact claim, :mod:`claimcheck.store.codec`) and,
    since version 2, ``record`` (1 for a figure called a record) and
    ``sentence_start``/``sentence_end`` (the claim's sentence in the document
    text) and ``sentence`` (its text, for targets only: whether it says the
    target was met): what the narrowed ``check --store`` query
    (:mod:`claimcheck.store.related`) needs without decoding claims.
    Deleting a document deletes its claims (``ON DELETE CASCADE``).

Migration steps are SQL statements or Python callables taking the connection
(version 2 fills its new columns from the stored claims).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SchemaTooNewError",
    "StoreError",
    "check_version",
    "migrate",
    "schema_version",
]


class StoreError(Exception):
    """A claims store that cannot be used (unreadable, not a store, too new)."""


class SchemaTooNewError(StoreError):
    """The store was written by a newer claimcheck with a schema this one does not know."""


Step = str | Callable[[sqlite3.Connection], None]
"""One migration step: an SQL statement, or a function of the connection."""


def _fill_claim_columns(connection: sqlite3.Connection) -> None:
    """Version 2: ``record`` and the sentence offsets of every stored claim, from its codec
    array (positions 2, 3 and 13: :func:`claimcheck.store.codec.encode_claim`), and the
    sentence of every target."""
    rows = connection.execute("SELECT document, number, kind, claim FROM claims").fetchall()
    texts: dict[int, str] = {}
    updates = []
    for document, number, kind, encoded in rows:
        array = json.loads(encoded)
        sentence = None
        if kind == "target":
            if document not in texts:
                (blob,) = connection.execute(
                    "SELECT text FROM documents WHERE rowid = ?", (document,)
                ).fetchone()
                texts[document] = zlib.decompress(blob).decode("utf-8", "surrogatepass")
            sentence = texts[document][array[2] : array[3]]
        updates.append((1 if array[13] else 0, array[2], array[3], sentence, document, number))
    connection.executemany(
        "UPDATE claims SET record = ?, sentence_start = ?, sentence_end = ?, sentence = ? "
        "WHERE document = ? AND number = ?",
        updates,
    )


MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    # 0 -> 1: documents and claims, keyed for the cross-document lookups.
    (
        """
        CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            path TEXT,
            content_hash TEXT NOT NULL,
            published TEXT,
            metadata TEXT NOT NULL,
            text BLOB NOT NULL,
            claims_count INTEGER NOT NULL,
            indexed_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE claims (
            document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            metric TEXT,
            entities TEXT NOT NULL,
            scope TEXT NOT NULL,
            flow_from TEXT,
            flow_to TEXT,
            period_start TEXT,
            period_end TEXT,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            claim TEXT NOT NULL,
            PRIMARY KEY (document, number)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX claims_scope ON claims (scope, document)",
        "CREATE INDEX claims_metric ON claims (metric, scope)",
        "CREATE INDEX claims_flow ON claims (flow_from, flow_to)",
        "CREATE INDEX claims_period ON claims (period_start, period_end)",
    ),
    # 1 -> 2: what the narrowed related-claims query filters on, and its index.
    (
        "ALTER TABLE claims ADD COLUMN record INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE claims ADD COLUMN sentence_start INTEGER",
        "ALTER TABLE claims ADD COLUMN sentence_end INTEGER",
        "ALTER TABLE claims ADD COLUMN sentence TEXT",
        _fill_claim_columns,
        "CREATE INDEX claims_window ON claims "
        "(scope, period_end, period_start, kind, metric, record, unit)",
        "CREATE INDEX claims_window_start ON claims "
        "(scope, period_start, period_end, kind, metric, record, sentence_start, sentence_end)",
        "CREATE INDEX claims_targets ON claims (scope, period_end, metric, kind, sentence) "
        "WHERE kind = 'target'",
    ),
)
"""``MIGRATIONS[n]`` takes a store from schema version ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this claimcheck writes and reads."""


def schema_version(connection: sqlite3.Connection) -> int:
    """The store's ``PRAGMA user_version``."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def check_version(connection: sqlite3.Connection, name: str) -> int:
    """The store's version; :class:`SchemaTooNewError` when it is newer than this claimcheck's."""
    version = schema_version(connection)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"{name}: claims store schema version {version} is newer than this claimcheck "
            f"supports ({SCHEMA_VERSION}); upgrade claimcheck or index into a new store"
        )
    return version


def migrate(connection: sqlite3.Connection, name: str) -> int:
    """Bring the store up to :data:`SCHEMA_VERSION` (one transaction); return the version.

    ``connection`` must be in autocommit mode (``isolation_level=None``).
    """
    if check_version(connection, name) == SCHEMA_VERSION:
        return SCHEMA_VERSION
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = check_version(connection, name)  # another writer may have migrated meanwhile
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                if isinstance(statement, str):
                    connection.execute(statement)
                else:
                    statement(connection)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return SCHEMA_VERSION
