"""The working record of the quantity reader: one number read in context.

:class:`Candidate` is mutable on purpose: the stages of
:func:`claimcheck.extract.quantities.find_quantities` fill it in turn (core,
prefix, suffix, ranges, coordination) before it is frozen into a
:class:`~claimcheck.model.Quantity`.
"""

from __future__ import annotations

import math
from typing import Literal

from claimcheck.extract.numbers import half_unit
from claimcheck.model import Qualifier

__all__ = ["Candidate", "clean"]


def clean(x: float) -> float:
    """Round away binary noise: 4.1 * 1e9 -> 4.1e9, not 4099999999.9999995."""
    # ``x.is_integer()`` is a method call when compiled (mypyc has no primitive for it);
    # for a finite float, ``x % 1.0 == 0.0`` holds exactly when it is an integer (the
    # remainder is computed exactly, and a non-zero one is never rounded to zero).
    # ``math.isinf`` and ``math.isnan`` are primitives of the compiled build,
    # ``math.isfinite`` a call of the Python function: a float is finite exactly when it
    # is neither.
    if math.isinf(x) or math.isnan(x) or x % 1.0 == 0.0:
        return x
    return float(f"{x:.12g}")


class Candidate:
    """A number read in context, before ranges and inheritance are resolved."""

    __slots__ = (
        "core_end",
        "core_start",
        "currency",
        "decimals",
        "end",
        "exact",
        "has_scale",
        "high",
        "is_range",
        "is_word",
        "is_year",
        "low",
        "noun",
        "number",
        "prev",
        "qualifier",
        "scale",
        "sign",
        "start",
        "transition",
        "unit",
    )

    def __init__(self, start: int, end: int, number: float) -> None:
        self.start = start
        self.end = end
        self.core_start = start
        self.core_end = end
        self.number = number
        self.decimals = 0
        self.exact = False
        self.is_word = False
        self.has_scale = False
        self.scale = 1.0
        self.sign = 1.0
        self.unit: str | None = None
        self.noun: str | None = None
        self.currency = False
        self.qualifier: Qualifier | None = None
        self.low = 0.0
        self.high = 0.0
        self.is_range = False
        self.prev: tuple[str, int] | None = None
        self.is_year = False
        self.transition: Literal["from", "to"] | None = None

    @property
    def value(self) -> float:
        if self.scale == 1.0:
            return self.sign * self.number
        return clean(self.sign * self.number * self.scale)

    @property
    def precision(self) -> float:
        if self.exact:
            return 0.0
        return half_unit(self.decimals, self.scale)
