"""CC603 record-contradicted: a "record" figure below an earlier figure."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from claimcheck.checks._common import period_label, period_of, same_shape
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, judge, scale_label_of, show
from claimcheck.engine.index import Item, Key
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Result


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class RecordContradicted(Rule):
    """A figure called a record cannot be lower than an earlier figure for a like period.

    When a level is called a record ("record", "all-time high"), every figure
    for the same metric, countries and direction in an earlier period of the
    same shape (an earlier year for a year, the same months of an earlier
    year for a year-to-date) must be lower — in the same article or in any
    other.

    Fails: "Trade reached a record $136.3 bln in 2024" when another article
    gives $157.5 bln for 2023.

    Passes: "a record $240.11 bln in 2023" with "$190.27 bln in 2022".
    """

    code = "CC603"
    name = "record-contradicted"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Result]:
        tops: dict[Key, list[tuple[tuple[_dt.date, _dt.date], Item]]] = {}
        for record in ctx.index.of_kind("level"):
            if not record.record:
                continue
            span = period_of(record)
            if span is None:
                if record.claim.period is None or record.period is None:
                    yield ctx.not_checked(self, "the record's period is not known", [record])
                continue
            if record.key not in tops:
                tops[record.key] = _highest_per_period(ctx, record.key)
            earlier = [
                item
                for other, item in tops[record.key]
                if other[1] < span[0] and same_shape(other, span)
            ]
            if not earlier:
                continue
            highest = max(earlier, key=lambda i: (i.value.lo, -i.order))
            yield self._verdict(ctx, record, highest)

    def _verdict(self, ctx: Context, record: Item, earlier: Item) -> Result:
        scale, unit = scale_label_of(record)
        ceiling = Interval(earlier.value.lo, float("inf"))
        return judge(
            self,
            ctx,
            items=[record, earlier],
            computed=ceiling,
            stated=record.value,
            expression=lambda: (
                f"record {period_label(record)} {record.value.format(scale)} ≥ "
                f"{period_label(earlier)} {earlier.value.format(scale)}"
            ),
            ok=lambda: (
                f"The record {period_label(record)} figure is above {period_label(earlier)} "
                f"({record.key.label()})."
            ),
            fail=lambda: (
                f"{show(record.value, scale)} {unit} in {period_label(record)} is called a "
                f"record, but {period_label(earlier)} was higher at "
                f"{show(earlier.value, scale)} {unit} ({record.key.label()})."
            ),
            scale=scale,
            unit=unit,
        )


def _highest_per_period(ctx: Context, key: Key) -> list[tuple[tuple[_dt.date, _dt.date], Item]]:
    """For each resolved period of ``key``, the figure with the highest lower bound."""
    out = []
    for period, items in ctx.index.periods("level", key).items():
        if period is None or not items:
            continue
        span = period_of(items[0])
        if span is not None:
            out.append((span, max(items, key=lambda i: (i.value.lo, -i.order))))
    return out
