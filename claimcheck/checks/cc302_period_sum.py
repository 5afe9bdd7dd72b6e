"""CC302 period-sum: consecutive periods add up to the period they make up (YTD + month)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from typing import Final

from claimcheck.checks._common import is_cumulative, period_label, period_of
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import (
    Context,
    best_of,
    combination_groups,
    judge,
    scale_label_of,
    show,
)
from claimcheck.engine.derive import Span
from claimcheck.engine.index import Item
from claimcheck.engine.registry import Rule
from claimcheck.findings import Result, Verdict


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class PeriodSum(Rule):
    """Figures for consecutive periods must add up to the figure for the period they make up.

    For cumulative metrics: January–May plus June is January–June; the first
    quarter plus April is January–April; the first half plus the third quarter
    is January–September. Works within one article and across articles (a
    monthly report and the next year-to-date report).

    Fails: "$98.1 bln in January–May, $19.7 bln in June and $116.82 bln in
    January–June" (98.1 + 19.7 = 117.8).

    Passes: "$176.38 bln in January–September, $20.10 bln in October and
    $196.48 bln in January–October".
    """

    code = "CC302"
    name = "period-sum"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        for key, by_period in ctx.index.groups("level"):
            if not is_cumulative(ctx, key):
                continue
            spans = {}
            for period, items in by_period.items():
                if period is None:
                    continue
                span = period_of(items[0])
                if span is not None:
                    spans[span] = items
            if len(spans) < 3:
                continue
            following = _by_start(spans)
            for first, first_items in spans.items():
                for second in following.get(first[1] + _DAY, ()):
                    second_items = spans[second]
                    union = (first[0], second[1])
                    totals = spans.get(union)
                    if not totals:
                        continue
                    roles = [totals, first_items, second_items]
                    for group in combination_groups(roles):
                        result = best_of(self._verdicts(ctx, group))
                        if result is not None:
                            yield result

    def _verdicts(self, ctx: Context, group: list[list[Item]]) -> Iterator[Verdict]:
        """The verdict of each combination, judged as read (lazily, for :func:`best_of`)."""
        for combo in group:
            yield self._verdict(ctx, combo)

    def _verdict(self, ctx: Context, combo: list[Item]) -> Result:
        total, first, second = combo
        scale, unit = scale_label_of(total)
        computed = first.value + second.value
        return judge(
            self,
            ctx,
            items=combo,
            computed=computed,
            stated=total.value,
            expression=lambda: (
                f"{period_label(first)} {show(first.value, scale)} + {period_label(second)} "
                f"{show(second.value, scale)} = {computed.format(scale)} vs "
                f"{period_label(total)} {total.value.format(scale)}"
            ),
            ok=lambda: (
                f"{period_label(first)} and {period_label(second)} add up to "
                f"{period_label(total)} ({total.key.label()})."
            ),
            fail=lambda: (
                f"{period_label(first)} ({show(first.value, scale)}) plus {period_label(second)} "
                f"({show(second.value, scale)}) make {show(computed, scale)} {unit}, not the "
                f"{show(total.value, scale)} {unit} stated for {period_label(total)} "
                f"({total.key.label()})."
            ),
            scale=scale,
            unit=unit,
            same_scope=True,
            relation=lambda v: (v[1] + v[2], v[0]),
        )


_DAY: Final = _dt.timedelta(days=1)


def _by_start(spans: Iterable[Span]) -> dict[_dt.date, list[Span]]:
    """The spans by start date, each list in ``spans`` order: the spans adjacent to one
    (:func:`~claimcheck.checks._common.adjacent`: starting the day after it ends) are
    ``by_start[end + 1 day]``, one look-up per span instead of a test of every pair."""
    out: dict[_dt.date, list[Span]] = {}
    for span in spans:
        out.setdefault(span[0], []).append(span)
    return out
