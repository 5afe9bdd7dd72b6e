"""The claims store: extracted claims kept in SQLite for incremental, fast cross-checks.

* :class:`ClaimStore` (:mod:`claimcheck.store.db`) — open, write, query;
* :func:`index_documents` (:mod:`claimcheck.store.indexer`) — incremental
  indexing with a pluggable extractor;
* :mod:`claimcheck.store.schema` — the versioned schema and its migrations;
* :mod:`claimcheck.store.codec` — the exact encoding of claims;
* :mod:`claimcheck.store.hashing` — content hashes and the extraction version.

See ``docs/store.md``.
"""

from claimcheck.store.db import ClaimStore, StoreStats, indexable, scope_of
from claimcheck.store.hashing import EXTRACTION_VERSION, content_hash
from claimcheck.store.indexer import IndexSummary, extract_sequentially, index_documents
from claimcheck.store.schema import SCHEMA_VERSION, SchemaTooNewError, StoreError

__all__ = [
    "EXTRACTION_VERSION",
    "SCHEMA_VERSION",
    "ClaimStore",
    "IndexSummary",
    "SchemaTooNewError",
    "StoreError",
    "StoreStats",
    "content_hash",
    "extract_sequentially",
    "index_documents",
    "indexable",
    "scope_of",
]
