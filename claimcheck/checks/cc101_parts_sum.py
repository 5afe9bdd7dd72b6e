"""CC101 parts-sum: turnover = exports + imports."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks._common import flow_pair, period_label
from claimcheck.engine.context import (
    Context,
    best_of,
    combinations,
    grouped,
    judge,
    scale_label,
    show,
)
from claimcheck.engine.index import FLOW, TURNOVER, Item, Key
from claimcheck.engine.registry import Rule, register
from claimcheck.findings import Result


@register
class PartsSum(Rule):
    """Exports and imports must add up to the stated trade turnover.

    For one pair of countries, one period and one currency, the turnover is
    the flow one way plus the flow the other way (the pack identity
    ``trade_turnover = exports + imports``). The check uses the printed
    precision of every figure: it fails only when no values that round to the
    printed figures add up.

    Fails: "Trade between China and Africa reached $99.84 bln in the first
    half; exports were $50.37 bln and imports $48.47 bln" (50.37 + 48.47 =
    98.84).

    Passes: "Trade reached $240.11 bln; exports were $110.97 bln and imports
    $129.14 bln" (110.97 + 129.14 = 240.11).
    """

    code = "CC101"
    name = "parts-sum"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Result]:
        for key, by_period in ctx.index.groups("level"):
            if key.measure != TURNOVER:
                continue
            pair = flow_pair(key.scope)
            if pair is None:
                continue
            there = Key(FLOW, key.scope, pair[0], key.unit)
            back = Key(FLOW, key.scope, pair[1], key.unit)
            for period, totals in by_period.items():
                if period is None:
                    continue
                roles = [
                    totals,
                    ctx.index.get("level", there, period),
                    ctx.index.get("level", back, period),
                ]
                for group in grouped(combinations(roles)).values():
                    result = best_of([self._verdict(ctx, key, combo) for combo in group])
                    if result is not None:
                        yield result

    def _verdict(self, ctx: Context, key: Key, combo: list[Item]) -> Result:
        total, first, second = combo
        scale, unit = scale_label([total])
        computed = first.value + second.value
        label = period_label(total)
        return judge(
            self,
            ctx,
            items=[total, first, second],
            computed=computed,
            stated=total.value,
            expression=(
                f"{show(first.value, scale)} + {show(second.value, scale)} = "
                f"{computed.format(scale)} vs stated {total.value.format(scale)}"
            ),
            ok=f"{key.label()} in {label}: the two flows add up to the total.",
            fail=(
                f"The two flows add up to {show(computed, scale)} {unit}, not the "
                f"stated total of {show(total.value, scale)} {unit} "
                f"({key.label()}, {label})."
            ),
            scale=scale,
            unit=unit,
            same_scope=True,
        )
