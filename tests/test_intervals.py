"""Interval arithmetic used by every check."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.engine.intervals import Interval, format_number

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


def interval_strategy() -> st.SearchStrategy[Interval]:
    return st.tuples(finite, finite).map(lambda p: Interval(min(p), max(p)))


def test_rejects_empty_and_nan() -> None:
    with pytest.raises(ValueError):
        Interval(2.0, 1.0)
    with pytest.raises(ValueError):
        Interval(math.nan, 1.0)


def test_sum_of_rounded_parts_holds() -> None:
    exports = Interval(110.965, 110.975)
    imports = Interval(129.135, 129.145)
    total = Interval(240.105, 240.115)
    assert (exports + imports).overlaps(total)
    assert (exports + imports).gap(total) == 0.0


def test_gap_between_disjoint_intervals() -> None:
    computed = Interval(98.83, 98.85)
    stated = Interval(99.835, 99.845)
    assert computed.gap(stated) == pytest.approx(0.985)
    assert stated.gap(computed) == pytest.approx(0.985)
    assert not computed.overlaps(stated)
    assert computed.overlaps(stated, tolerance=1.0)


def test_implied_prior_levels_of_the_seed_article_hold() -> None:
    """110.97/1.469 + 129.14/1.127 vs 240.11/1.263 must agree within rounding."""
    exports = Interval(110.965, 110.975).growth_prior(Interval(46.85, 46.95))
    imports = Interval(129.135, 129.145).growth_prior(Interval(12.65, 12.75))
    total = Interval(240.105, 240.115).growth_prior(Interval(26.25, 26.35))
    assert (exports + imports).overlaps(total)
    assert (exports + imports).mid == pytest.approx(190.13, abs=0.01)
    assert total.mid == pytest.approx(190.11, abs=0.01)


def test_growth_from_levels() -> None:
    growth = Interval.growth(Interval(83.635, 83.645), Interval(84.835, 84.845))
    assert growth.mid == pytest.approx(-1.414, abs=0.01)
    assert not growth.overlaps(Interval(-6.45, -6.35))


def test_division_by_interval_containing_zero() -> None:
    with pytest.raises(ZeroDivisionError):
        _ = Interval(1.0, 2.0) / Interval(-1.0, 1.0)


def test_infinite_bounds() -> None:
    over = Interval(180.0, math.inf)
    assert (over + Interval(1.0, 2.0)).hi == math.inf
    assert (over * Interval(0.0, 1.0)).lo == 0.0  # 0 * inf is taken as 0
    assert over.overlaps(Interval(176.0, 200.0))
    assert over.format() == "≥ 180"
    assert Interval(98.83, 98.85).format() == "98.84 (±0.01)"


def test_abs_and_negation() -> None:
    assert Interval(-3.0, 2.0).abs() == Interval(0.0, 3.0)
    assert Interval(-3.0, -2.0).abs() == Interval(2.0, 3.0)
    assert -Interval(1.0, 2.0) == Interval(-2.0, -1.0)


def test_format_number() -> None:
    assert format_number(98.840000001) == "98.84"
    assert format_number(-0.00001) == "0"
    assert format_number(math.inf) == "∞"


def test_format_number_cache_keys_that_compare_equal_give_equal_texts() -> None:
    """The cache serves ``-0.0`` for ``0.0`` and ``1.0`` for ``1``: their texts agree."""
    format_number.cache_clear()
    assert format_number(0.0) == format_number(-0.0) == "0"
    format_number.cache_clear()
    assert format_number(-0.0) == format_number(0.0) == "0"
    assert format_number(2, 2) == format_number(2.0, 2) == "2"
    assert format_number(-1.23456, 2) == "-1.23"
    assert format_number(-1.23456) == "-1.2346"


@given(interval_strategy(), interval_strategy(), finite, finite)
def test_addition_contains_sums_of_members(a: Interval, b: Interval, s: float, t: float) -> None:
    x = a.lo + (a.hi - a.lo) * (abs(s) % 1)
    y = b.lo + (b.hi - b.lo) * (abs(t) % 1)
    total = a + b
    assert total.lo - 1e-6 <= x + y <= total.hi + 1e-6
    product = a * b
    assert product.lo - 1e-3 <= x * y <= product.hi + 1e-3
    difference = a - b
    assert difference.lo - 1e-6 <= x - y <= difference.hi + 1e-6


@given(interval_strategy(), interval_strategy())
def test_gap_is_symmetric_and_zero_iff_overlap(a: Interval, b: Interval) -> None:
    assert a.gap(b) == b.gap(a)
    assert (a.gap(b) == 0.0) == (a.intersection(b) is not None)


@given(st.tuples(st.floats(allow_nan=False), st.floats(allow_nan=False)))
def test_bounded_exactly_when_both_bounds_are_finite(pair: tuple[float, float]) -> None:
    interval = Interval(min(pair), max(pair))
    assert interval.bounded == (math.isfinite(interval.lo) and math.isfinite(interval.hi))
    assert Interval(math.inf, math.inf).bounded is False
    assert Interval(-math.inf, -math.inf).bounded is False
