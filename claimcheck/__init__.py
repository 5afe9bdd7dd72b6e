"""claimcheck: extract numeric claims from news articles and cross-check them.

The public API is small and typed::

    import claimcheck

    claims = claimcheck.extract("Exports rose 12% to $4.1 bln in 2023.")
    report = claimcheck.check([claimcheck.make_document(text, id="new")])

Records are frozen attrs classes (:mod:`claimcheck.model`); everything not
listed in ``__all__`` is private and may change without notice.
"""

from typing import TYPE_CHECKING, Any

from claimcheck.documents import LoadFailure, load_documents, make_document
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
    "Finding",
    "Flow",
    "InputStatus",
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

if TYPE_CHECKING:
    from claimcheck.engine import check
    from claimcheck.findings import Finding, NotChecked, Report, Verified
    from claimcheck.inputs import InputStatus

_LAZY = {
    "check": "claimcheck.engine",
    "Finding": "claimcheck.findings",
    "NotChecked": "claimcheck.findings",
    "Report": "claimcheck.findings",
    "Verified": "claimcheck.findings",
    "InputStatus": "claimcheck.inputs",
}
"""The rule engine is imported on first use, so that ``claimcheck extract`` starts fast."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
