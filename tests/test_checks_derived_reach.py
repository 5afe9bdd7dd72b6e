"""CC402 leaves out the growth rates whose moved figures no comparison reads.

``_reaching`` is a shortcut: these tests compare it with deriving from every growth
rate, on generated articles (the derived figures and the whole CC402 report).
"""

from __future__ import annotations

from typing import Any

import pytest
from engine_support import Article, article, period, spec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.checks import cc402_derived_figures as cc402
from claimcheck.engine import check
from claimcheck.engine.config import load_config
from claimcheck.engine.derive import Growth, Span, derive, role_of
from claimcheck.engine.index import ClaimIndex, Item

PAIR = ("China", "Russia")
OUT = ("China", "Russia")
BACK = ("Russia", "China")

_PERIODS = ("2022", "2023", "2022-01..2022-06", "2023-01..2023-06", "2023-01..2023-09")
_ROLES: dict[str, dict[str, Any]] = {
    "T": {"metric": "trade_turnover", "entities": PAIR},
    "O": {"metric": "exports", "flow": OUT},
    "I": {"metric": "imports", "flow": BACK},
    "B": {"metric": "trade_balance", "entities": PAIR},
}

_level = st.tuples(
    st.sampled_from("TOIB"),
    st.sampled_from(_PERIODS),
    st.integers(min_value=1_000, max_value=30_000),
)
_growth = st.tuples(
    st.sampled_from("TOI"),
    st.sampled_from(_PERIODS),
    st.integers(min_value=-400, max_value=900),
    st.sampled_from((None, "yoy")),
)


def _article(
    levels: list[tuple[str, str, int]], growths: list[tuple[str, str, int, Any]]
) -> Article:
    surfaces: list[str] = []
    specs = []
    for role, when, cents in levels:
        surface = f"${cents / 100:.2f} bln"
        surfaces.append(surface)
        specs.append(spec(text=surface, period=when, **_ROLES[role]))
    for role, when, tenths, basis in growths:
        surface = f"{abs(tenths) / 10:.1f}%"
        surfaces.append(surface)
        fields = dict(_ROLES[role], kind="change", period=when, basis=basis)
        specs.append(spec(text=surface, sign=-1 if tenths < 0 else 1, **fields))
    return article(". ".join(f"It was {s}" for s in surfaces) + ".", specs)


def _span(item: Item) -> Span:
    assert item.start is not None and item.end is not None
    return item.start, item.end


def _year_before(span: Span, years: int = 1) -> Span:
    return span[0].replace(year=span[0].year - years), span[1].replace(year=span[1].year - years)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_level, min_size=1, max_size=7),
    st.lists(_growth, max_size=3),
    st.lists(st.sampled_from(_PERIODS), min_size=3, max_size=3),
)
def test_reaching_growths_derive_the_figures_a_comparison_reads(
    levels: list[tuple[str, str, int]],
    growths: list[tuple[str, str, int, Any]],
    priors: list[str],
) -> None:
    """Every derived figure whose period is stated or contains a stated one (the only
    figures ``_compare`` reads) is derived, in the same order, from the reaching rates."""
    _, claims = _article(levels, growths)
    items = ClaimIndex(claims, load_config()).items
    stated = [(i, _span(i)) for i in items if i.kind == "level"]
    changes = [i for i in items if i.kind == "change"]
    spans = {s for _, s in stated}
    compared = [
        (p.start, p.end) for p in map(period, priors) if p is not None and p.start and p.end
    ]
    rates = [
        Growth(c, str(role_of(c.key)), _span(c), prior)
        for c, prior in zip(changes, compared, strict=False)
    ]
    # also the years before, which no level states (the common case the shortcut skips)
    rates += [Growth(c, str(role_of(c.key)), _span(c), _year_before(_span(c))) for c in changes]
    for new_relations in (False, True):
        every = derive(stated, rates, 1e9, new_relations=new_relations)
        kept = derive(stated, cc402._reaching(rates, spans), 1e9, new_relations=new_relations)
        assert [f for f in every if cc402._covers(f.span, spans)] == [
            f for f in kept if cc402._covers(f.span, spans)
        ]
        assert all(cc402._covers(f.span, spans) for f in every if not f.growth)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_level, min_size=1, max_size=7), st.lists(_growth, min_size=1, max_size=3))
def test_cc402_reports_the_same_with_and_without_the_shortcut(
    levels: list[tuple[str, str, int]],
    growths: list[tuple[str, str, int, Any]],
) -> None:
    """The whole CC402 report (findings and verified results, with their messages and
    arithmetic) is the one of deriving from every growth rate."""
    doc = _article(levels, growths)
    shortcut = check([doc], select=["CC402"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cc402, "_reaches", lambda span, prior, spans: True)
        patch.setattr(cc402, "_closed", lambda stated: False)
        every = check([doc], select=["CC402"])
    assert shortcut == every


_full_periods = st.lists(
    st.tuples(
        st.sampled_from(_PERIODS), st.lists(st.integers(1_000, 30_000), min_size=4, max_size=4)
    ),
    min_size=1,
    max_size=2,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_full_periods, st.lists(_level, max_size=3), st.lists(_growth, max_size=2))
def test_closed_periods_derive_nothing_without_growth(
    full: list[tuple[str, list[int]]],
    extra: list[tuple[str, str, int]],
    growths: list[tuple[str, str, int, Any]],
) -> None:
    """Where ``_closed`` holds, deriving with no growth rate gives no figure; the CC402
    report is the one of deriving anyway."""
    levels = [
        (role, when, cents)
        for when, values in full
        for role, cents in zip("TOIB", values, strict=True)
    ]
    doc = _article(levels + extra, growths)
    items = ClaimIndex(doc[1], load_config()).items
    stated = [(i, _span(i)) for i in items if i.kind == "level"]
    if cc402._closed(stated):
        assert derive(stated, [], 1e9, new_relations=True) == []
    else:
        assert extra  # the full periods alone are closed
    shortcut = check([doc], select=["CC402"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cc402, "_closed", lambda stated: False)
        assert check([doc], select=["CC402"]) == shortcut


def test_a_period_with_three_figures_is_not_closed() -> None:
    doc = _article([("T", "2023", 24011), ("O", "2023", 11097), ("I", "2023", 12914)], [])
    items = ClaimIndex(doc[1], load_config()).items
    stated = [(i, _span(i)) for i in items if i.kind == "level"]
    assert not cc402._closed(stated)
    fourth = _article([("T", "2023", 24011), ("B", "2023", 1800)], [])
    items = ClaimIndex(fourth[1], load_config()).items
    assert not cc402._closed([(i, _span(i)) for i in items if i.kind == "level"])


def test_a_growth_over_an_unstated_year_is_left_out() -> None:
    """ "Up 5% on 2022" with only 2023 stated moves a figure to 2022, which nothing reads."""
    doc = _article([("T", "2023", 24011), ("O", "2023", 11097)], [("T", "2023", 50, "yoy")])
    items = ClaimIndex(doc[1], load_config()).items
    spans = {_span(i) for i in items if i.kind == "level"}
    change = next(i for i in items if i.kind == "change")
    prior = _year_before(_span(change))
    rate = Growth(change, "T", _span(change), prior)
    assert cc402._reaching([rate], spans) == []
    # a stated 2022 figure, or a stated part of 2022, brings it back
    assert cc402._reaching([rate], spans | {prior}) == [rate]
    half = (prior[0], prior[0].replace(month=6, day=30))
    assert cc402._reaching([rate], spans | {half}) == [rate]


def test_a_growth_to_a_year_containing_a_stated_part_is_kept() -> None:
    """Trade of 2023 and its growth imply the whole of 2022, which bounds a stated
    first half of 2022 (the compared year is not stated, yet a comparison reads it)."""
    levels = [("T", "2023", 24011), ("T", "2022-01..2022-06", 30000)]
    doc = _article(levels, [("T", "2023", 100, "yoy")])
    report = check([doc], select=["CC402"])
    assert [f.code for f in report.findings] == ["CC402"]
    assert "2022" in report.findings[0].message
