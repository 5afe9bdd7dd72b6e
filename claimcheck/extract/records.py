"""Build the public records (:mod:`claimcheck.model`) the extractor returns, cheaply.

The records are frozen, slotted attrs classes. Their generated ``__init__`` is
interpreted Python that stores each field through ``object.__setattr__``: in the
compiled build (mypyc) it was about 8% of the instructions of an extraction
pass, 14,000 instructions per :class:`~claimcheck.model.Claim`. Compiled, these
functions create the instance with ``object.__new__`` and store each field with
a literal ``object.__setattr__(new, "name", value)``, which mypyc turns into a
direct call of the C ``PyObject_GenericSetAttr`` (about 190 instructions a field,
against about 500 for calling the slot descriptor's ``__set__``, the way this
module did before; −2.7% of the instructions of a ``check``): the same
instance. As pure Python that is slower than the generated ``__init__``,
so pure Python calls the class.

Bypassing ``__init__`` is exact only while the classes have no validators,
converters, defaults computed by factories or ``__attrs_post_init__``:
``tests/test_extract_records.py`` checks that, and that both ways build equal
records.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, Final, Literal, cast

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

__all__ = ["COMPILED", "claim", "flow", "period", "quantity", "span", "unresolved"]

COMPILED: Final = not __file__.endswith((".py", ".pyc"))
"""Whether this module runs compiled by mypyc (its file is then an extension module)."""

_new: Final[Callable[[type], Any]] = object.__new__
# The classes as Final names: compiled, a C static each, where the imported name is a
# look-up in the module's dictionary at every call.
_SPAN: Final[type[Span]] = Span
_FLOW: Final[type[Flow]] = Flow
_UNRESOLVED: Final[type[Unresolved]] = Unresolved
_PERIOD: Final[type[Period]] = Period
_QUANTITY: Final[type[Quantity]] = Quantity
_CLAIM: Final[type[Claim]] = Claim


def span(start: int, end: int) -> Span:
    """``Span(start, end)``."""
    if not COMPILED:
        return Span(start, end)
    new: Span = _new(_SPAN)
    object.__setattr__(new, "start", start)
    object.__setattr__(new, "end", end)
    return new


def flow(source: str, dest: str) -> Flow:
    """``Flow(source, dest)``."""
    if not COMPILED:
        return Flow(source, dest)
    new: Flow = _new(_FLOW)
    object.__setattr__(new, "source", source)
    object.__setattr__(new, "dest", dest)
    return new


def unresolved(field: str, reason: str) -> Unresolved:
    """``Unresolved(field, reason)``."""
    if not COMPILED:
        return Unresolved(field, reason)
    new: Unresolved = _new(_UNRESOLVED)
    object.__setattr__(new, "field", field)
    object.__setattr__(new, "reason", reason)
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
    new: Period = _new(_PERIOD)
    object.__setattr__(new, "start", start)
    object.__setattr__(new, "end", end)
    object.__setattr__(new, "text", text)
    object.__setattr__(new, "kind", kind)
    object.__setattr__(new, "unresolved", unresolved)
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
    new: Quantity = _new(_QUANTITY)
    object.__setattr__(new, "span", span)
    object.__setattr__(new, "text", text)
    object.__setattr__(new, "value", value)
    object.__setattr__(new, "unit", unit)
    object.__setattr__(new, "interval", interval)
    object.__setattr__(new, "precision", precision)
    object.__setattr__(new, "low", low)
    object.__setattr__(new, "high", high)
    object.__setattr__(new, "noun", noun)
    object.__setattr__(new, "qualifier", qualifier)
    object.__setattr__(new, "scale", scale)
    object.__setattr__(new, "is_range", is_range)
    object.__setattr__(new, "transition", transition)
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
    value: object,
    interval: object,
    basis: str | None,
    record: bool,
    unresolved: tuple[Unresolved, ...],
) -> Claim:
    """``Claim(...)``, every field given, in order.

    ``value`` (a float) and ``interval`` (a pair of floats) are typed ``object``: compiled,
    a ``float`` or ``tuple[float, float]`` parameter is unboxed, and storing it boxes a
    new float or tuple; as objects, the caller hands on the quantity's own ones.
    """
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
            cast("float", value),
            cast("tuple[float, float]", interval),
            basis,
            record,
            unresolved,
        )
    new: Claim = _new(_CLAIM)
    object.__setattr__(new, "id", claim_id)
    object.__setattr__(new, "document_id", document_id)
    object.__setattr__(new, "quantity", quantity)
    object.__setattr__(new, "sentence", sentence)
    object.__setattr__(new, "kind", kind)
    object.__setattr__(new, "metric", metric)
    object.__setattr__(new, "entities", entities)
    object.__setattr__(new, "flow", flow)
    object.__setattr__(new, "period", period)
    object.__setattr__(new, "value", value)
    object.__setattr__(new, "interval", interval)
    object.__setattr__(new, "basis", basis)
    object.__setattr__(new, "record", record)
    object.__setattr__(new, "unresolved", unresolved)
    return new
