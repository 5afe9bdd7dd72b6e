"""Closed intervals of floats for rounding-aware arithmetic.

A printed figure stands for every value that rounds to it: "$240.11 bln" is
``[240.105e9, 240.115e9]``; a hedge widens it ("over $180 bln" is
``(180e9, inf)``). Every consistency check computes with such intervals: a
relation *holds* when the computed and the stated intervals can agree, and a
finding reports both intervals and the :meth:`Interval.gap` between them.

Bounds may be infinite. Arithmetic is the usual interval arithmetic;
division needs a divisor that does not contain zero.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import ClassVar, Final

__all__ = ["Interval", "format_number"]


_INF: Final = math.inf


class Interval:
    """The closed interval ``[lo, hi]`` (``lo <= hi``; bounds may be +-inf).

    A value record: equal bounds make equal, equally hashed intervals; treat it as
    immutable. A plain slotted class rather than an attrs one, so that mypyc compiles
    it into a native class (attribute access and construction without the generated,
    interpreted ``__init__``).
    """

    __slots__ = ("hi", "lo")
    __match_args__: ClassVar[tuple[str, ...]] = ("lo", "hi")  # ClassVar: a class attribute
    # when compiled too

    lo: float
    hi: float

    def __init__(self, lo: float, hi: float) -> None:
        if not lo <= hi:  # one comparison in the common case (false with a NaN too)
            if math.isnan(lo) or math.isnan(hi):
                raise ValueError("interval bounds must not be NaN")
            raise ValueError(f"empty interval [{lo}, {hi}]")
        self.lo = lo
        self.hi = hi

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        return self.lo == other.lo and self.hi == other.hi

    def __hash__(self) -> int:
        return hash((self.lo, self.hi))

    def __repr__(self) -> str:
        return f"Interval(lo={self.lo!r}, hi={self.hi!r})"

    def __reduce__(self) -> tuple[type[Interval], tuple[float, float]]:
        # pickled by its bounds (a compiled class is not rebuilt from its slots)
        return (Interval, (self.lo, self.hi))

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def point(cls, value: float) -> Interval:
        """The degenerate interval ``[value, value]``."""
        return cls(value, value)

    @classmethod
    def of(cls, bounds: tuple[float, float]) -> Interval:
        """From a ``(lo, hi)`` pair in either order (as ``Claim.interval`` holds it)."""
        lo, hi = bounds
        if cls is Interval:  # built natively (``cls(...)`` is a generic call of the type)
            return Interval(min(lo, hi), max(lo, hi))
        return cls(min(lo, hi), max(lo, hi))

    @classmethod
    def hull(cls, intervals: Iterable[Interval]) -> Interval:
        """The smallest interval containing all ``intervals`` (at least one)."""
        items = list(intervals)
        if not items:
            raise ValueError("hull of no intervals")
        return cls(min(i.lo for i in items), max(i.hi for i in items))

    # -- properties -----------------------------------------------------------------------

    @property
    def mid(self) -> float:
        """The midpoint (the finite bound when the other is infinite)."""
        lo, hi = self.lo, self.hi
        if lo > -_INF and hi < _INF:  # both bounds finite (lo <= hi, never NaN)
            return (lo + hi) / 2
        if math.isinf(self.lo) and math.isinf(self.hi):
            return 0.0
        if math.isinf(self.lo):
            return self.hi
        if math.isinf(self.hi):
            return self.lo
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> float:
        """``hi - lo``."""
        return self.hi - self.lo

    @property
    def bounded(self) -> bool:
        """Whether both bounds are finite."""
        # lo <= hi and neither is NaN (__init__): both are finite exactly when lo is above
        # -inf and hi below +inf (comparisons, not two calls through the math module)
        return self.lo > -_INF and self.hi < _INF

    def contains(self, value: float) -> bool:
        """Whether ``lo <= value <= hi``."""
        return self.lo <= value <= self.hi

    def contains_zero(self) -> bool:
        """Whether 0 lies in the interval."""
        return self.lo <= 0.0 <= self.hi

    def positive(self) -> bool:
        """Whether every value is > 0."""
        return self.lo > 0.0

    def negative(self) -> bool:
        """Whether every value is < 0."""
        return self.hi < 0.0

    # -- arithmetic -----------------------------------------------------------------------

    def __add__(self, other: Interval | float) -> Interval:
        if isinstance(other, Interval):
            return Interval(self.lo + other.lo, self.hi + other.hi)
        o = _coerce(other)
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __radd__(self, other: float) -> Interval:
        return self + other

    def __sub__(self, other: Interval | float) -> Interval:
        if isinstance(other, Interval):
            return Interval(self.lo - other.hi, self.hi - other.lo)
        o = _coerce(other)
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __rsub__(self, other: float) -> Interval:
        return _coerce(other) - self

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, other: Interval | float) -> Interval:
        if isinstance(other, Interval):
            olo, ohi = other.lo, other.hi
        else:
            olo = ohi = float(other)
            if math.isnan(olo):
                raise ValueError("interval bounds must not be NaN")
        lo, hi = self.lo, self.hi
        # the four bound products, where 0 * inf is 0 (a zero bound times an unbounded one)
        p1 = 0.0 if lo == 0.0 or olo == 0.0 else lo * olo
        p2 = 0.0 if lo == 0.0 or ohi == 0.0 else lo * ohi
        p3 = 0.0 if hi == 0.0 or olo == 0.0 else hi * olo
        p4 = 0.0 if hi == 0.0 or ohi == 0.0 else hi * ohi
        return Interval(min(p1, p2, p3, p4), max(p1, p2, p3, p4))

    def __rmul__(self, other: float) -> Interval:
        return self * other

    def __truediv__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o.contains_zero():
            raise ZeroDivisionError(f"division by an interval containing 0: {o}")
        return self * Interval(1.0 / o.hi, 1.0 / o.lo)

    def __rtruediv__(self, other: float) -> Interval:
        return _coerce(other) / self

    def abs(self) -> Interval:
        """``{|x| : x in self}``."""
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        return Interval(0.0, max(-self.lo, self.hi))

    def widen(self, absolute: float = 0.0, relative: float = 0.0) -> Interval:
        """Widen both ways by ``absolute + relative * |bound|``."""
        return Interval(
            self.lo - absolute - relative * abs(self.lo),
            self.hi + absolute + relative * abs(self.hi),
        )

    def growth_prior(self, growth_percent: Interval) -> Interval:
        """The prior level implied by this level and a growth rate in percent.

        ``prior = level / (1 + g/100)``; ``growth_percent`` must lie above -100%.
        """
        return self / (1.0 + growth_percent / 100.0)

    @staticmethod
    def growth(current: Interval, prior: Interval) -> Interval:
        """The growth in percent from ``prior`` to ``current``: ``(current/prior - 1) * 100``."""
        return (current / prior - 1.0) * 100.0

    # -- comparison -----------------------------------------------------------------------

    def gap(self, other: Interval) -> float:
        """Distance between the intervals; 0 when they overlap."""
        if self.hi < other.lo:
            return other.lo - self.hi
        if other.hi < self.lo:
            return self.lo - other.hi
        return 0.0

    def overlaps(self, other: Interval, tolerance: float = 0.0) -> bool:
        """Whether the intervals can agree, allowing ``tolerance`` of slack."""
        return self.gap(other) <= tolerance

    def intersection(self, other: Interval) -> Interval | None:
        """The common part, or ``None``."""
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Interval(lo, hi) if lo <= hi else None

    def pair(self) -> tuple[float, float]:
        """``(lo, hi)``."""
        return (self.lo, self.hi)

    # -- formatting -----------------------------------------------------------------------

    def format(self, scale: float = 1.0, digits: int = 4) -> str:
        """``"98.84 (±0.01)"`` for a bounded interval, ``"> 180"`` for a half-open one."""
        lo, hi = self.lo / scale, self.hi / scale
        if math.isinf(lo) and math.isinf(hi):
            return "any value"
        if math.isinf(hi):
            return f"≥ {format_number(lo, digits)}"
        if math.isinf(lo):
            return f"≤ {format_number(hi, digits)}"
        mid = (lo + hi) / 2
        half = (hi - lo) / 2
        if half == 0:
            return format_number(mid, digits)
        return f"{format_number(mid, digits)} (±{format_number(half, digits)})"

    def __str__(self) -> str:
        return self.format()


def _coerce(value: Interval | float) -> Interval:
    return value if isinstance(value, Interval) else Interval(float(value), float(value))


@functools.lru_cache(maxsize=4096)
def format_number(value: float, digits: int = 4) -> str:
    """A compact decimal: at most ``digits`` decimals, trailing zeros removed.

    Cached: a figure is shown in every relation it takes part in (equal keys give
    equal texts: ``-0.0`` and ``0.0`` both give ``"0"``, an int as its float).
    """
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
