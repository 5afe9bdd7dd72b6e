"""CC103 part-exceeds-whole: a flow larger than the turnover; a share outside 0-100%."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks._common import apart, flow_pair, period_label, slip_note
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import (
    Context,
    best_of,
    combination_groups,
    held,
    judge,
    scale_label_of,
    show,
)
from claimcheck.engine.index import BALANCE, FLOW, TURNOVER, Item, Key
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Verdict


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class PartExceedsWhole(Rule):
    """A part cannot be larger than its whole, and a share must lie between 0 and 100%.

    Exports, imports and the size of the balance of a pair of countries are
    each at most their trade turnover in the same period; a share of
    something is between 0% and 100%. Useful when an article gives only one
    of the two flows, so that CC101 cannot run.

    Fails: "Trade turnover reached $20.1 bln in 2023; exports alone were
    $23.4 bln."

    Passes: "Trade turnover reached $20.1 bln in 2023, of which exports were
    $12.4 bln."
    """

    code = "CC103"
    name = "part-exceeds-whole"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        yield from self._flows(ctx)
        yield from self._shares(ctx)

    def _flows(self, ctx: Context) -> Iterator[Verdict]:
        for key, by_period in ctx.index.groups("level"):
            if key.measure != TURNOVER:
                continue
            pair = flow_pair(key.scope)
            if pair is None:
                continue
            parts = [Key(FLOW, key.scope, f, key.unit) for f in pair]
            parts += list(ctx.index.related("level", BALANCE, key.scope, None))
            parts += list(ctx.index.related("level", BALANCE, key.scope, pair[0]))
            for period, totals in by_period.items():
                if period is None:
                    continue
                for part_key in parts:
                    if part_key.unit != key.unit:
                        continue
                    roles = [totals, ctx.index.get("level", part_key, period)]
                    if not ctx.concerns_any(roles):
                        continue
                    for group in combination_groups(roles):
                        if not ctx.concerns_any(group):
                            continue
                        if len(group) == 1:  # the best of one verdict is that verdict
                            yield self._verdict(ctx, key, group[0])
                            continue
                        result = best_of(self._verdicts(ctx, key, group))
                        if result is not None:
                            yield result

    def _verdicts(self, ctx: Context, key: Key, group: list[list[Item]]) -> Iterator[Verdict]:
        """The verdict of each combination, judged as read (lazily, for :func:`best_of`)."""
        for combo in group:
            yield self._verdict(ctx, key, combo)

    def _verdict(self, ctx: Context, key: Key, combo: list[Item]) -> Verdict:
        total, part = combo
        if total.value.hi < 0:
            return ctx.not_checked(self, "the whole is negative", combo)
        size = part.value.abs()
        note = ""
        if size.bounded and total.value.bounded and size.mid > total.value.mid:
            distance = apart(ctx, self.code, size.mid, total.value.mid)
            if distance == "far":
                return ctx.not_checked(
                    self, "the figures are too far apart to describe the same thing", combo
                )
            if distance == "slip":
                note = slip_note(size.mid, total.value.mid)
        whole = Interval(0.0, total.value.hi)
        # the part may be anything from 0 up to the whole: only a part above it fails
        tally = held(self, ctx, [total, part], whole, size)
        if tally is not None:
            return tally  # holds, counted: no texts
        scale, unit = scale_label_of(total)
        return judge(
            self,
            ctx,
            items=[total, part],
            computed=whole,
            stated=size,
            expression=lambda: f"part {size.format(scale)} ≤ whole {total.value.format(scale)}",
            ok=lambda: f"{part.key.label()} is within the {key.label()} in {period_label(total)}.",
            fail=lambda: (
                f"The {part.key.label()} of {show(size, scale)} {unit} is larger than the "
                f"whole {key.label()} of {show(total.value, scale)} {unit} "
                f"({period_label(total)}){note}."
            ),
            scale=scale,
            unit=unit,
        )

    def _shares(self, ctx: Context) -> Iterator[Verdict]:
        bounds = Interval(0.0, 100.0)
        for item in ctx.index.of_kind("share"):
            if item.key.unit != "percent":
                continue
            if bounds.overlaps(item.value) or not ctx.concerns([item]):
                continue
            yield judge(
                self,
                ctx,
                items=[item],
                computed=bounds,
                stated=item.value,
                expression=f"share {item.value.format()}% outside 0–100%",
                ok="",
                fail=(
                    f"A share of {show(item.value)}% is impossible: shares lie between 0 and 100%."
                ),
                percent=True,
                unit="percent",
            )
