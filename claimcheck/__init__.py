"""claimcheck: extract numeric claims from news articles and cross-check them.

The public API is small and typed::

    import claimcheck

    claims = claimcheck.extract("Exports rose 12% to $4.1 bln in 2023.")
    report = claimcheck.check([claimcheck.make_document(text, id="new")])

Records are frozen attrs classes (:mod:`claimcheck.model`); everything not
listed in ``__all__`` is private and may change without notice.
"""

from claimcheck.documents import LoadFailure, load_documents, make_document
from claimcheck.engine import check
from claimcheck.extract import extract
from claimcheck.findings import Finding, NotChecked, Report, Verified
from claimcheck.model import (
    Claim,
    ClaimKind,
    Document,
    Flow,
    Period,
    PeriodKind,
    Qualifier,
    Quantity,
    Span,
    Unresolved,
)

__all__ = [
    "Claim",
    "ClaimKind",
    "Document",
    "Finding",
    "Flow",
    "LoadFailure",
    "NotChecked",
    "Period",
    "PeriodKind",
    "Qualifier",
    "Quantity",
    "Report",
    "Span",
    "Unresolved",
    "Verified",
    "__version__",
    "check",
    "extract",
    "load_documents",
    "make_document",
]
__version__ = "0.1.0"
