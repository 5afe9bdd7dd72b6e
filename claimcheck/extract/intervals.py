"""The interval a printed figure stands for: rounding precision and qualifier.

The rounding interval is ``value ± precision`` (half a unit of the last
printed digit times the scale, see :func:`claimcheck.extract.numbers.half_unit`),
widened by the qualifier:

=========  ===========================================
about      ± max(precision, min(20 × precision, 5 % of the value))
over       (v, +inf)
at_least   (v, +inf)  (closed at v)
under      (floor, v)
at_most    (floor, v)
up_to      (floor, v)
almost     (v - 10 % of v, v)
=========  ===========================================

``floor`` is 0 for non-negative values and -inf otherwise.

"About" hedges as much as the printed figure is round: "about $100 bln"
(precision 0.5 bn) may be anything from 95 to 105, but "about $110.97 bln"
(precision 0.005 bn) is a precise figure with a modest hedge, 110.87 to
111.07 — so a changed digit in it is still caught. Exact figures written in
words ("about a third") get the full 5 %.
"""

from __future__ import annotations

import math
from typing import Final

from claimcheck.extract.candidate import clean
from claimcheck.model import Qualifier

__all__ = ["ABOUT_PRECISION_FACTOR", "ABOUT_WIDTH", "ALMOST_WIDTH", "interval"]


ABOUT_WIDTH: Final = 0.05
"""Largest relative half-width of the interval of an "about" figure."""

ABOUT_PRECISION_FACTOR: Final = 20.0
"""An "about" figure may be off by this many rounding half-units (at most ABOUT_WIDTH)."""

ALMOST_WIDTH: Final = 0.10
"""How far below the printed value an "almost"/"nearly" figure may lie."""

_INF: Final = math.inf


def interval(
    low: float, high: float, precision: float, qualifier: Qualifier | None
) -> tuple[float, float]:
    """The interval a printed figure stands for (see the module docstring)."""
    lo, hi = (low, high) if precision == 0 else (clean(low - precision), clean(high + precision))
    floor = 0.0 if low >= 0 else -_INF
    if qualifier is None:
        return lo, hi
    if qualifier == "about":
        width = ABOUT_WIDTH * max(abs(low), abs(high))
        if precision > 0:
            width = max(precision, min(ABOUT_PRECISION_FACTOR * precision, width))
        return min(lo, clean(low - width)), max(hi, clean(high + width))
    if qualifier == "over":
        return high, _INF
    if qualifier == "at_least":
        return low, _INF
    if qualifier == "almost":
        width = ALMOST_WIDTH * abs(high)
        return clean(high - width), high
    # under, at_most, up_to
    return min(floor, low), high
