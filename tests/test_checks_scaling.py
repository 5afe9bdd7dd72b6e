"""Period pairs found without testing every pair (CC301, CC302): the same pairs, in the same
order, as the loops over every pair they replace, and the same results."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from engine_support import Article, article, spec
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.checks._common import adjacent, contains, is_cumulative, period_of
from claimcheck.checks.cc301_subperiod import SubperiodExceedsPeriod, _unslipped, containments
from claimcheck.checks.cc302_period_sum import _by_start
from claimcheck.engine import check
from claimcheck.engine.config import load_config
from claimcheck.engine.context import Context
from claimcheck.engine.index import ClaimIndex, Item
from claimcheck.findings import Result

PAIR = ("Kazakhstan", "Uzbekistan")

days = st.dates(min_value=_dt.date(2020, 1, 1), max_value=_dt.date(2020, 3, 31))
spans = st.tuples(days, days)  # some end before they start: tested against every span


@given(st.lists(spans, max_size=14))
def test_containments_are_every_containing_pair_in_loop_order(
    items: list[tuple[_dt.date, _dt.date]],
) -> None:
    expected = [
        (inner, outer)
        for inner in range(len(items))
        for outer in range(len(items))
        if contains(items[outer], items[inner])
    ]
    assert containments(items) == expected


@given(st.lists(spans, max_size=14, unique=True))
def test_by_start_gives_the_adjacent_spans_in_order(
    items: list[tuple[_dt.date, _dt.date]],
) -> None:
    following = _by_start(items)
    for first in items:
        expected = [second for second in items if adjacent(first, second)]
        assert following.get(first[1] + _dt.timedelta(days=1), []) == expected


class _EveryPair(SubperiodExceedsPeriod):
    """CC301 as it was: every pair of periods tested, each pair's figures summarised anew."""

    def run(self, ctx: Context) -> Iterator[Result]:
        for key, by_period in ctx.index.groups("level"):
            if not is_cumulative(ctx, key):
                continue
            resolved = []
            for period, items in by_period.items():
                span = period_of(items[0]) if period is not None else None
                if span is not None and period is not None:
                    resolved.append((span, items))
            for inner_span, inner_items in resolved:
                for outer_span, outer_items in resolved:
                    if contains(outer_span, inner_span) and ctx.concerns_any(
                        (inner_items, outer_items)
                    ):
                        yield from self._pairwise(ctx, inner_items, outer_items)

    def _pairwise(self, ctx: Context, inner: list[Item], outer: list[Item]) -> Iterator[Result]:
        threshold = ctx.tolerance(self).scale_slip_ratio
        inner, outer = _unslipped(inner, threshold), _unslipped(outer, threshold)
        if not inner or not outer:
            return
        smallest = min(outer, key=lambda o: (o.value.hi, o.order))
        own: dict[str, Item] = {}
        for whole in sorted(outer, key=lambda o: (o.value.hi, o.order)):
            own.setdefault(whole.document, whole)
        largest: dict[str, Item] = {}
        for part in sorted(inner, key=lambda i: (-i.value.lo, i.order)):
            largest.setdefault(part.document, part)
        for document, part in largest.items():
            wholes = {own[document].claim.id: own[document]} if document in own else {}
            wholes.setdefault(smallest.claim.id, smallest)
            for whole in wholes.values():
                if ctx.concerns((part, whole)):
                    yield self._verdict(ctx, part, whole)


PERIODS = ["2023", "2024", "2023-01..2023-06", "2023-07..2023-12", "2023-01..2023-10"]
PERIODS += ["2023-10..2023-10", "2023-07..2024-06", "2024-01..2024-03", "?last year"]
FIGURES = ["$3.42 bln", "$3.29 bln", "$1.2 bln", "$2.05 bln", "$3,290 bln", "$3.3 mln"]

figures = st.tuples(st.sampled_from(FIGURES), st.sampled_from(PERIODS))


def _article(number: int, stated: list[tuple[str, str]]) -> Article:
    text = " ".join(f"Trade was {surface} in period {n}." for n, (surface, _) in enumerate(stated))
    specs = [
        spec(text=surface, metric="trade_turnover", entities=PAIR, period=period)
        for surface, period in stated
    ]
    return article(text, specs, doc_id=f"d{number}")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(figures, min_size=1, max_size=4), min_size=1, max_size=5),
    st.booleans(),
)
def test_subperiod_results_are_those_of_every_pair(
    articles: list[list[tuple[str, str]]], against: bool
) -> None:
    loaded = [_article(n, stated) for n, stated in enumerate(articles)]
    config = load_config([])
    claims = [c for _, cs in loaded for c in cs]
    primary = frozenset({"d0"}) if against else None

    def results(rule: SubperiodExceedsPeriod) -> list[Result]:
        ctx = Context(
            {d.id: d for d, _ in loaded}, ClaimIndex(claims, config), config, None, primary
        )
        return list(rule.run(ctx))

    assert results(SubperiodExceedsPeriod()) == results(_EveryPair())


def _flows(doc_id: str, *stated: tuple[str, tuple[str, str]]) -> Article:
    text = " ".join(
        f"Exports were {surface} in 2023 ({n})." for n, (surface, _) in enumerate(stated)
    )
    specs = [
        spec(text=surface, metric="exports", flow=flow, period="2023") for surface, flow in stated
    ]
    return article(text, specs, doc_id=doc_id)


def test_conflicting_flows_look_swapped_by_the_first_figures_own_document() -> None:
    there, back = ("China", "Russia"), ("Russia", "China")
    swapped = _flows("a", ("$10.1 bln", there), ("$12.4 bln", back))
    other = _flows("b", ("$12.4 bln", there))
    # a third article's reverse figure matching the first one's is not its own document's
    bystander = _flows("c", ("$10.1 bln", back))
    report = check([swapped, other], select=["CC401"])
    assert [
        f.message.endswith("the two directions of trade look swapped.") for f in report.findings
    ] == [True]
    unrelated = check([_flows("a", ("$10.1 bln", there)), other, bystander], select=["CC401"])
    assert [f.code for f in unrelated.findings] == ["CC401"]
    assert "swapped" not in unrelated.findings[0].message
