"""Immutable records that flow through the claimcheck pipeline.

documents -> quantities (with units and rounding intervals) -> claims.

Every record is a frozen, slotted attrs class: safe to share between
threads and processes, hashable, and cheap to compare. Offsets are always
``[start, end)`` character offsets into :attr:`Document.text` exactly as
loaded, so ``document.text[span.start:span.end]`` is the surface text.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

import attrs

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
]

ClaimKind = Literal["level", "change", "share", "target", "forecast", "milestone", "count"]
"""What a figure says: a level, a change of a level, a share of a whole, a
goal (``target``), a prediction (``forecast``), a threshold reached or
crossed (``milestone``) or a plain count of things."""

PeriodKind = Literal["interval", "deadline", "point"]
"""``interval``: the figure covers start..end (a year, a quarter, Jan-Oct).
``deadline``: a target to be reached by ``end`` ("by 2024").
``point``: a figure as of one day (``start == end``)."""

Qualifier = Literal[
    "about",
    "over",
    "at_least",
    "under",
    "at_most",
    "almost",
    "up_to",
]
"""Interval semantics of a hedge word:

* ``about`` ("about", "around", "some", "roughly", "approximately", "nearly"
  when used as approximation) widens the interval both ways;
* ``over`` ("over", "more than", "exceeding", "above") means strictly above the
  printed value: ``(v, +inf)``; ``at_least`` ("at least", "no less than") ``[v, +inf)``;
* ``under`` ("under", "less than", "below") and ``at_most`` ("at most", "no
  more than") bound from above;
* ``almost`` ("almost", "nearly", "close to", "just under") means slightly
  below the printed value;
* ``up_to`` ("up to") bounds from above, inclusive.
"""


@attrs.frozen(slots=True)
class Span:
    """A half-open ``[start, end)`` range of character offsets."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen(slots=True)
class Document:
    """One article as loaded.

    ``published`` is the publication date when it is known from front matter,
    the command line (``--published``) or a full date stated in the text
    itself; ``published_from`` says which ("front_matter", "option", "text").
    It is never guessed: unknown stays ``None``.
    """

    id: str
    text: str
    path: str | None = None
    published: _dt.date | None = None
    published_from: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@attrs.frozen(slots=True)
class Quantity:
    """A number with its unit, as printed in the text.

    ``value`` is in base units: 240.11e9 for "$240.11 bln", 26.3 for "26.3%",
    50e6 for "50 mln tonnes" (unit ``t``). For a stated range ("10-12%",
    "$10 to $15 billion") ``value`` is the midpoint and ``low``/``high`` are
    the stated bounds; otherwise ``low == high == value``.

    ``interval`` is the rounding interval from the printed precision,
    widened by the qualifier: "$240.11 bln" -> (240.105e9, 240.115e9);
    "over $180 bln" -> (180e9, inf). ``precision`` is the half-width of the
    last printed digit in base units (0.005e9 for "$240.11 bln").

    ``unit`` is an ISO 4217 code for money ("USD", "CNY", "RUB", ...),
    "percent", "percentage_point", a pint unit name for physical units
    ("t", "m**3", "barrel", "kWh", ...), or "count" for counted things, whose
    noun is in ``noun`` ("doses", "tourists").

    ``transition`` is ``"from"`` or ``"to"`` when the figure is the level
    before or after a change stated as "from A to B" ("exports rose from $5
    bln to $7 bln", "narrowed to 138,285 lots from 212,577 lots"): two
    figures, not a range; name-based gold sets that annotate such a pair as
    one range can join them.
    """

    span: Span
    text: str
    value: float
    unit: str
    interval: tuple[float, float]
    precision: float
    low: float
    high: float
    noun: str | None = None
    qualifier: Qualifier | None = None
    scale: float = 1.0
    is_range: bool = False
    transition: Literal["from", "to"] | None = None


@attrs.frozen(slots=True)
class Period:
    """The time a figure refers to, as ISO dates (inclusive).

    ``text`` is the phrase the period was read from ("January-October",
    "the first 9 months of this year", "during this period"). Where only
    part could be resolved, ``start``/``end`` stay ``None`` and
    ``unresolved`` says why ("relative to an unknown publication date").
    """

    start: _dt.date | None
    end: _dt.date | None
    text: str
    kind: PeriodKind = "interval"
    unresolved: str | None = None


@attrs.frozen(slots=True)
class Flow:
    """Direction of a trade flow: goods go from ``source`` to ``dest``."""

    source: str
    dest: str


@attrs.frozen(slots=True)
class Unresolved:
    """Why a claim field stayed empty ("no metric word in the sentence")."""

    field: str
    reason: str


@attrs.frozen(slots=True)
class Claim:
    """A quantity read in context: what it measures, for whom, and when.

    ``id`` is stable for a document: ``"<document id>#<n>"`` in text order.
    ``sentence`` is the span of the sentence the quantity stands in.
    ``metric`` is a key of the rule packs' metric vocabulary
    ("trade_turnover", "exports", "imports", "trade_balance", ...), or
    ``None`` with a reason in ``unresolved``. For a ``change`` claim,
    ``value`` carries the sign ("fell by 7%" -> -7.0) and ``basis`` the
    comparison ("yoy", "mom", "qoq", or ``None`` when unstated).
    ``of_metric`` names the metric a change or share is about.
    """

    id: str
    document_id: str
    quantity: Quantity
    sentence: Span
    kind: ClaimKind
    metric: str | None
    entities: tuple[str, ...] = ()
    flow: Flow | None = None
    period: Period | None = None
    value: float = 0.0
    interval: tuple[float, float] = (0.0, 0.0)
    basis: str | None = None
    record: bool = False
    unresolved: tuple[Unresolved, ...] = ()

    @property
    def span(self) -> Span:
        """The span of the quantity's surface text."""
        return self.quantity.span

    @property
    def text(self) -> str:
        """The quantity's surface text."""
        return self.quantity.text

    @property
    def unit(self) -> str:
        """The quantity's canonical unit."""
        return self.quantity.unit

    @property
    def qualifier(self) -> Qualifier | None:
        """The hedge word's interval semantics, if any."""
        return self.quantity.qualifier
