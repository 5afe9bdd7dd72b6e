"""claimcheck: extract numeric claims from news articles and cross-check them."""

from claimcheck.model import Claim, Document, Flow, Period, Quantity, Span

__all__ = ["Claim", "Document", "Flow", "Period", "Quantity", "Span"]
__version__ = "0.1.0"
