"""CC203 direction-vs-parts: a total said to fall while every part rose, and the reverse."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks._common import anchored_levels, flow_pair, period_label
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, combinations, show
from claimcheck.engine.index import FLOW, TURNOVER, Item, Key
from claimcheck.engine.registry import Rule
from claimcheck.findings import Arithmetic, Finding, Result, Verified


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class DirectionVsParts(Rule):
    """A total cannot fall while all its parts rose (or rise while all of them fell).

    When an article states the change of the turnover and of both flows for
    the same period and basis, the direction of the total must be possible
    given the directions of the parts. More generally the total's change is a
    weighted average of its parts' changes, so it must lie between them
    (within rounding). The check needs no levels; it also catches a change
    whose sign was lost or flipped in editing.

    Fails: "Trade fell 3% in 2023, although exports rose 2.1% and imports
    4.6%."

    Passes: "Trade rose 1.8%: exports grew 14% while imports fell 3.9%."
    """

    code = "CC203"
    name = "direction-vs-parts"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Result]:
        for key, by_period in ctx.index.groups("change"):
            if key.measure != TURNOVER or key.unit != "percent":
                continue
            pair = flow_pair(key.scope)
            if pair is None:
                continue
            for period, totals in by_period.items():
                if period is None:
                    continue
                roles = [
                    totals,
                    ctx.index.get("change", Key(FLOW, key.scope, pair[0], "percent"), period),
                    ctx.index.get("change", Key(FLOW, key.scope, pair[1], "percent"), period),
                ]
                for combo in combinations(roles, cross=False):
                    bases = {c.basis for c in combo if c.basis is not None}
                    if len(bases) > 1 or not _same_units(ctx, combo):
                        continue
                    result = self._verdict(ctx, combo)
                    if result is not None:
                        yield result

    def _verdict(self, ctx: Context, combo: list[Item]) -> Result | None:
        total, first, second = combo
        parts = (first.value, second.value)
        expression = (
            f"total {show(total.value, digits=2)}%, parts {show(first.value, digits=2)}% "
            f"and {show(second.value, digits=2)}%"
        )
        low = min(p.lo for p in parts)
        high = max(p.hi for p in parts)
        arithmetic = Arithmetic(
            expression=expression,
            computed=(low, high),
            stated=total.value.pair(),
            gap=max(0.0, low - total.value.hi, total.value.lo - high),
            unit="percent",
        )
        refs = ctx.refs(combo)
        label = f"{total.key.label()}, {period_label(total)}"
        if total.value.negative() and all(p.positive() for p in parts):
            message = f"The total is said to fall while both exports and imports rose ({label})."
        elif total.value.positive() and all(p.negative() for p in parts):
            message = f"The total is said to rise while both exports and imports fell ({label})."
        elif arithmetic.gap > 0:
            message = (
                f"The total's change of {show(total.value, digits=2)}% lies outside the range "
                f"of its parts' changes ({label})."
            )
        else:
            return Verified(self.code, self.name, f"Directions agree ({label}).", refs, arithmetic)
        return Finding(self.code, self.name, ctx.severity(self), message, refs, arithmetic)


def _same_units(ctx: Context, combo: list[Item]) -> bool:
    """False when the changes describe figures in different units ("+1.3% to 108.5 mln
    tonnes" is not the money flow the total's change is about)."""
    units = [{a.key.unit for a in anchored_levels(ctx, c)} for c in combo]
    anchored = [u for u in units if u]
    return all(u & anchored[0] for u in anchored[1:]) if anchored else True
