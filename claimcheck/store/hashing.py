"""Content hashes that decide whether a stored document must be re-extracted.

A stored document's claims are up to date when its :func:`content_hash` is
unchanged. The hash covers what the claims depend on: the document id (claim
ids contain it), the text, the publication date (which resolves relative
periods) and the versions of what produced them: :data:`EXTRACTION_VERSION`,
``claimcheck.__version__`` and the store codec's layout. Bumping any of them
makes the next ``claimcheck index`` re-extract every document. The other
fields (path, source, url, title) do not affect the claims: when only they
change, the indexer rewrites them without re-extracting.
"""

from __future__ import annotations

import hashlib

from claimcheck import __version__
from claimcheck.model import Document
from claimcheck.store.codec import CODEC_VERSION

__all__ = ["EXTRACTION_VERSION", "content_hash", "extraction_tag"]

EXTRACTION_VERSION = 2
"""Bump when extraction changes the claims it finds without a new ``__version__``."""


def extraction_tag() -> str:
    """The versions that stored claims depend on, e.g. ``"claimcheck 0.1.0/x1/c1"``."""
    return f"claimcheck {__version__}/x{EXTRACTION_VERSION}/c{CODEC_VERSION}"


def content_hash(document: Document) -> str:
    """sha256 (hex) of :func:`extraction_tag`, the id, the publication date and the text."""
    digest = hashlib.sha256()
    for part in (
        extraction_tag(),
        document.id,
        document.published.isoformat() if document.published else "",
        document.text,
    ):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()
