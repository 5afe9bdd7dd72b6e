"""claimcheck: extract numeric claims from news articles and cross-check them.

The public API is small and typed::

    import claimcheck

    claims = claimcheck.extract("Exports rose 12% to $4.1 bln in 2023.")

Records are frozen attrs classes (:mod:`claimcheck.model`); everything not
listed in ``__all__`` is private and may change without notice.
"""

from claimcheck.extract import extract
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
    "Flow",
    "Period",
    "PeriodKind",
    "Qualifier",
    "Quantity",
    "Span",
    "Unresolved",
    "__version__",
    "extract",
]
__version__ = "0.1.0"
