"""CC701 reference-mismatch: claims against a reference table of official figures."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from claimcheck.checks._common import key_of, period_label
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, judge, scale_label_of, show
from claimcheck.engine.index import FLOW, Key, PeriodKey
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Result
from claimcheck.reference import ReferenceRow, ReferenceTable


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class ReferenceMismatch(Rule):
    """Figures must agree with the reference table given with ``reference=`` / ``--reference``.

    Each level claim whose metric, countries, direction, period and unit
    match rows of the reference table is compared with them; it agrees when
    it agrees with any row (tables may list several sources or revisions).
    The finding cites the closest row and its source. A warning by default:
    official series differ between agencies (the two sides' customs) and get
    revised. A figure further from the reference than the pack's
    ``different_figure_ratio`` is taken to be of another scope (China's
    trade with the world read as its trade with Russia) and not checked,
    unless it is a power of 1000 off (a figure in the wrong scale) or two
    swapped digits off (a typo): those are reported as such.

    Fails: "trade reached $140 bln in 2021" against China customs' $146.887
    bln.

    Passes: "$240.11 bln in 2023" against the customs figure 240.11.
    """

    code = "CC701"
    name = "reference-mismatch"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Result]:
        if ctx.reference is None or not len(ctx.reference):
            return
        table = _table(ctx.reference, ctx.config.flow_metrics)
        every = ctx.primary is None  # (every item concerns the run: no list to ask)
        for item in ctx.index.of_kind("level"):
            if item.period is None or not (every or ctx.concerns([item])):
                continue
            rows = table.get((item.key, item.period))
            if not rows:
                continue
            nearest = min(rows, key=lambda r: r.value.gap(item.value))
            scale, unit = scale_label_of(item)
            reference = nearest.value
            yield judge(
                self,
                ctx,
                items=[item],
                computed=reference,
                stated=item.value,
                expression=(
                    f"stated {item.value.format(scale)} vs reference {nearest.text} "
                    f"({nearest.source})"
                ),
                ok=(
                    f"{item.key.label()} in {period_label(item)} agrees with the reference "
                    f"({nearest.source})."
                ),
                fail=(
                    f"The {item.key.label()} in {period_label(item)} is given as "
                    f"{show(item.value, scale)} {unit}; the reference has "
                    f"{show(reference, scale)} {unit} ({nearest.source})."
                ),
                scale=scale,
                unit=unit,
                same_scope=True,
                relation=_against(reference),
            )


def _against(reference: Interval) -> Callable[[Sequence[Interval]], tuple[Interval, Interval]]:
    """The relation "the stated figure is the reference figure" (computed, stated): a
    partial, not a nested function, which compiled by mypyc would form a reference cycle
    with its environment."""
    return functools.partial(_is_reference, reference)


def _is_reference(reference: Interval, values: Sequence[Interval]) -> tuple[Interval, Interval]:
    return reference, values[0]


_Table = dict[tuple[Key, PeriodKey], list[ReferenceRow]]
_cached: Final[list[tuple[ReferenceTable, frozenset[str], _Table]]] = []
"""The last table :func:`_table` built, with its reference table and flow metrics."""


def _table(reference: ReferenceTable, flows: frozenset[str]) -> _Table:
    """The reference rows by the index key and period key of the claims they describe.

    A run checks one relation group at a time with the same (immutable) reference table:
    the table is built once per run, not once per group (rebuilding it was most of this
    rule's cost, about 5% of a corpus check). The last one is kept: the reference table
    is compared by identity (held here, so its id cannot be reused), the flow metrics of
    the pack by value; treat the table as read-only.
    """
    if _cached:
        last_reference, last_flows, last = _cached[0]
        if last_reference is reference and last_flows == flows:
            return last
    table: _Table = {}
    for row in reference.rows:
        if row.metric in flows or (row.flow is not None and row.metric not in ("trade_balance",)):
            if row.flow is None:
                continue
            key = Key(FLOW, row.scope, row.flow, row.unit)
        else:
            key = Key(row.metric, row.scope, None, row.unit)
        table.setdefault((key, key_of(row.start, row.end)), []).append(row)
    _cached[:] = [(reference, flows, table)]
    return table
