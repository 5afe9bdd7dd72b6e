"""From article text to numeric claims.

:func:`extract` is the public entry point; it runs the two pure stages
:func:`~claimcheck.extract.quantities.find_quantities` (numbers with units,
scales, qualifiers and rounding intervals) and
:func:`~claimcheck.extract.claims.build_claims` (metric, entities, flow,
period and kind of each quantity, read from its sentence and discourse).
"""

from __future__ import annotations

import datetime as _dt

from claimcheck.documents import make_document
from claimcheck.extract.claims import build_claims
from claimcheck.extract.quantities import find_quantities
from claimcheck.model import Claim, Document

__all__ = ["extract", "extract_document"]


def extract_document(document: Document) -> tuple[Claim, ...]:
    """Return the claims of one loaded document, in text order."""
    return build_claims(document, find_quantities(document.text))


def extract(
    text_or_document: str | Document,
    *,
    published: _dt.date | None = None,
    document_id: str = "text",
) -> list[Claim]:
    """Extract the numeric claims of an article.

    ``text_or_document`` is either raw article text or a loaded
    :class:`~claimcheck.model.Document`. ``published`` sets (or, for a
    document, overrides) the publication date used to resolve relative
    periods such as "last year". Raw text without ``published`` takes the
    date it states at its very beginning ("date 2023-11-08 ..."), if any;
    otherwise relative periods stay unresolved, never guessed.
    """
    if isinstance(text_or_document, Document):
        document = text_or_document
        if published is not None:
            document = Document(
                id=document.id,
                text=document.text,
                path=document.path,
                published=published,
                published_from="option",
                source=document.source,
                url=document.url,
                title=document.title,
            )
    else:
        document = make_document(text_or_document, id=document_id, published=published)
    return list(extract_document(document))
