"""Content hashes that decide whether a stored document must be re-extracted.

A stored document is up to date when its :func:`content_hash` is unchanged.
The hash covers what extraction reads (the text and the publication date,
which resolves relative periods), the rest of the document's fields (so
changed metadata is rewritten too) and the versions of what produced the
stored claims: :data:`EXTRACTION_VERSION`, ``claimcheck.__version__`` and the
store codec's layout. Bumping any of them makes the next ``claimcheck index``
re-extract every document.
"""

from __future__ import annotations

import hashlib

from claimcheck import __version__
from claimcheck.model import Document
from claimcheck.store.codec import CODEC_VERSION, encode_metadata

__all__ = ["EXTRACTION_VERSION", "content_hash", "extraction_tag"]

EXTRACTION_VERSION = 1
"""Bump when extraction changes the claims it finds without a new ``__version__``."""


def extraction_tag() -> str:
    """The versions that stored claims depend on, e.g. ``"claimcheck 0.1.0/x1/c1"``."""
    return f"claimcheck {__version__}/x{EXTRACTION_VERSION}/c{CODEC_VERSION}"


def content_hash(document: Document) -> str:
    """sha256 (hex) of the text, publication date, metadata and :func:`extraction_tag`."""
    digest = hashlib.sha256()
    for part in (
        extraction_tag(),
        document.published.isoformat() if document.published else "",
        encode_metadata(document),
        document.text,
    ):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()
