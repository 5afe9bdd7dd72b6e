"""Build the public records (:mod:`claimcheck.model`) the extractor returns, cheaply.

The records are frozen, slotted attrs classes. Their generated ``__init__`` is
interpreted Python that stores each field through ``object.__setattr__``: in the
compiled build (mypyc) it was about 8% of the instructions of an extraction
pass, 14,000 instructions per :class:`~claimcheck.model.Claim`. Compiled, these
functions create the instance with ``object.__new__`` and store each field with
its slot's descriptor (``Claim.__dict__["id"].__set__``): the same instance,
about 40% cheaper. As pure Python that is slower than the generated
``__init__``, so pure Python calls the class.

Bypassing ``__init__`` is exact only while the classes have no validators,
converters, defaults computed by factories or ``__attrs_post_init__``:
``tests/test_extract_records.py`` checks that, and that both ways build equal
records.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, Final, Literal

from claimcheck.model import (
    Claim,
    ClaimKind,
    Flow,
    Period,
    PeriodKind,
    Qualifier,
    Quantity,
    Span,
    Unresolved,
)
from claimcheck.slots import slot_setters

__all__ = ["COMPILED", "claim", "flow", "period", "quantity", "span", "unresolved"]

COMPILED: Final = not __file__.endswith((".py", ".pyc"))
"""Whether this module runs compiled by mypyc (its file is then an extension module)."""

_new: Final[Callable[[type], Any]] = object.__new__


_SPAN: Final = slot_setters(Span, ("start", "end"))
_FLOW: Final = slot_setters(Flow, ("source", "dest"))
_UNRESOLVED: Final = slot_setters(Unresolved, ("field", "reason"))
_PERIOD: Final = slot_setters(Period, ("start", "end", "text", "kind", "unresolved"))
_QUANTITY: Final = slot_setters(
    Quantity,
    (
        "span",
        "text",
        "value",
        "unit",
        "interval",
        "precision",
        "low",
        "high",
        "noun",
        "qualifier",
        "scale",
        "is_range",
        "transition",
    ),
)
_CLAIM: Final = slot_setters(
    Claim,
    (
        "id",
        "document_id",
        "quantity",
        "sentence",
        "kind",
        "metric",
        "entities",
        "flow",
        "period",
        "value",
        "interval",
        "basis",
        "record",
        "unresolved",
    ),
)


def span(start: int, end: int) -> Span:
    """``Span(start, end)``."""
    if not COMPILED:
        return Span(start, end)
    new: Span = _new(Span)
    setters = _SPAN
    setters[0](new, start)
    setters[1](new, end)
    return new


def flow(source: str, dest: str) -> Flow:
    """``Flow(source, dest)``."""
    if not COMPILED:
        return Flow(source, dest)
    new: Flow = _new(Flow)
    setters = _FLOW
    setters[0](new, source)
    setters[1](new, dest)
    return new


def unresolved(field: str, reason: str) -> Unresolved:
    """``Unresolved(field, reason)``."""
    if not COMPILED:
        return Unresolved(field, reason)
    new: Unresolved = _new(Unresolved)
    setters = _UNRESOLVED
    setters[0](new, field)
    setters[1](new, reason)
    return new


def period(
    start: _dt.date | None,
    end: _dt.date | None,
    text: str,
    kind: PeriodKind = "interval",
    unresolved: str | None = None,
) -> Period:
    """``Period(start, end, text, kind, unresolved)``."""
    if not COMPILED:
        return Period(start, end, text, kind, unresolved)
    new: Period = _new(Period)
    setters = _PERIOD
    setters[0](new, start)
    setters[1](new, end)
    setters[2](new, text)
    setters[3](new, kind)
    setters[4](new, unresolved)
    return new


def quantity(  # noqa: PLR0917 (positional, in field order: cheapest to call)
    span: Span,
    text: str,
    value: float,
    unit: str,
    interval: tuple[float, float],
    precision: float,
    low: float,
    high: float,
    noun: str | None,
    qualifier: Qualifier | None,
    scale: float,
    is_range: bool,
    transition: Literal["from", "to"] | None,
) -> Quantity:
    """``Quantity(...)``, every field given, in order."""
    if not COMPILED:
        return Quantity(
            span,
            text,
            value,
            unit,
            interval,
            precision,
            low,
            high,
            noun,
            qualifier,
            scale,
            is_range,
            transition,
        )
    new: Quantity = _new(Quantity)
    setters = _QUANTITY
    setters[0](new, span)
    setters[1](new, text)
    setters[2](new, value)
    setters[3](new, unit)
    setters[4](new, interval)
    setters[5](new, precision)
    setters[6](new, low)
    setters[7](new, high)
    setters[8](new, noun)
    setters[9](new, qualifier)
    setters[10](new, scale)
    setters[11](new, is_range)
    setters[12](new, transition)
    return new


def claim(  # noqa: PLR0917 (positional, in field order: cheapest to call)
    claim_id: str,
    document_id: str,
    quantity: Quantity,
    sentence: Span,
    kind: ClaimKind,
    metric: str | None,
    entities: tuple[str, ...],
    flow: Flow | None,
    period: Period | None,
    value: float,
    interval: tuple[float, float],
    basis: str | None,
    record: bool,
    unresolved: tuple[Unresolved, ...],
) -> Claim:
    """``Claim(...)``, every field given, in order."""
    if not COMPILED:
        return Claim(
            claim_id,
            document_id,
            quantity,
            sentence,
            kind,
            metric,
            entities,
            flow,
            period,
            value,
            interval,
            basis,
            record,
            unresolved,
        )
    new: Claim = _new(Claim)
    setters = _CLAIM
    setters[0](new, claim_id)
    setters[1](new, document_id)
    setters[2](new, quantity)
    setters[3](new, sentence)
    setters[4](new, kind)
    setters[5](new, metric)
    setters[6](new, entities)
    setters[7](new, flow)
    setters[8](new, period)
    setters[9](new, value)
    setters[10](new, interval)
    setters[11](new, basis)
    setters[12](new, record)
    setters[13](new, unresolved)
    return new
