"""CC202 implied-prior-identity: prior levels implied by stated changes must add up again."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claimcheck.checks._common import describes, flow_pair, period_label
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import (
    Context,
    best_of,
    combinations,
    judge,
    scale_label_of,
    show,
)
from claimcheck.engine.index import BALANCE, FLOW, TURNOVER, Item, Key
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Result, Verdict


def _compatible(changes: Sequence[Item]) -> bool:
    stated = {c.basis for c in changes if c.basis is not None}
    return len(stated) <= 1


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class ImpliedPrior(Rule):
    """When a total and its parts all state changes, the implied earlier levels must add up.

    From a level and its growth rate follows the earlier level:
    ``prior = level / (1 + g/100)``. If an article gives the turnover, the
    exports and the imports with their growth rates, the implied earlier
    exports plus imports must again equal the implied earlier turnover; the
    same holds for a balance and its stated growth (exports − imports). A
    turnover without a stated level is taken as exports + imports. All in
    interval arithmetic on the printed precision.

    Fails: "Turnover fell 3% to $49.2 bln; exports rose 2.1% to $21.1 bln and
    imports 4.6% to $28.1 bln" (earlier parts 20.67 + 26.86 = 47.53, earlier
    total 49.2 / 0.97 = 50.72).

    Passes: "Trade grew 26.3% to $240.11 bln; exports rose 46.9% to $110.97
    bln and imports 12.7% to $129.14 bln" (75.54 + 114.59 = 190.13 vs 190.11,
    within rounding).
    """

    code = "CC202"
    name = "implied-prior-identity"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        seen: set[tuple[tuple[str, ...], tuple[str, ...], str]] = set()
        for change in ctx.index.of_kind("change"):
            key = change.key
            if key.unit != "percent" or change.period is None or len(key.scope) != 2:
                continue
            if key.measure not in (TURNOVER, BALANCE):
                continue
            ident = (key.scope, change.period, key.measure)
            if ident in seen:
                continue
            seen.add(ident)
            yield from self._check(ctx, key.measure, key.scope, change.period)

    def _check(
        self, ctx: Context, measure: str, scope: tuple[str, ...], period: tuple[str, ...]
    ) -> Iterator[Verdict]:
        pair = flow_pair(scope)
        if pair is None:
            return
        index = ctx.index
        total_changes = [
            i for k in _change_keys(ctx, measure, scope) for i in index.get("change", k, period)
        ]
        out_changes = index.get("change", Key(FLOW, scope, pair[0], "percent"), period)
        in_changes = index.get("change", Key(FLOW, scope, pair[1], "percent"), period)
        if not total_changes or not out_changes or not in_changes:
            return
        units = sorted(
            {k.unit for k in index.related("level", FLOW, scope, pair[0])}
            & {k.unit for k in index.related("level", FLOW, scope, pair[1])}
        )
        for unit in units:
            out_levels = index.get("level", Key(FLOW, scope, pair[0], unit), period)
            in_levels = index.get("level", Key(FLOW, scope, pair[1], unit), period)
            totals: list[Item] = []
            for level_key in index.related("level", measure, scope, None):
                if level_key.unit == unit:
                    totals += index.get("level", level_key, period)
            if measure == BALANCE:
                for level_key in index.related("level", measure, scope, pair[0]):
                    if level_key.unit == unit:
                        totals += index.get("level", level_key, period)
                if not totals:
                    continue  # a balance level is needed to imply its prior
            roles: list[Sequence[Item]] = [
                [c for c in total_changes if describes(ctx, c, unit)],
                [c for c in out_changes if describes(ctx, c, unit)],
                out_levels,
                [c for c in in_changes if describes(ctx, c, unit)],
                in_levels,
            ]
            if totals:
                roles.append(totals)
            # one verdict per stated total change and value: a headline and the body
            # repeating the same growth rate make one relation, not two
            groups: dict[tuple[str, tuple[float, float]], list[list[Item]]] = {}
            for combo in combinations(roles, cross=False):
                ident = (combo[0].document, combo[0].value.pair())
                groups.setdefault(ident, []).append(combo)
            for group in groups.values():
                result = best_of(self._verdicts(ctx, measure, group))
                if result is not None:
                    yield result

    def _verdicts(self, ctx: Context, measure: str, group: list[list[Item]]) -> Iterator[Verdict]:
        """The verdict of each combination of compatible bases, judged as read (lazily,
        for :func:`best_of`)."""
        for combo in group:
            if _compatible([combo[0], combo[1], combo[3]]):
                yield self._verdict(ctx, measure, combo)

    def _verdict(self, ctx: Context, measure: str, combo: list[Item]) -> Result:
        g_total, g_out, out_level, g_in, in_level = combo[:5]
        total = combo[5] if len(combo) > 5 else None
        for growth in (g_total, g_out, g_in):
            if growth.value.lo <= -100:
                return ctx.not_checked(self, "a change of -100% or less", combo)
        prior_out = out_level.value.growth_prior(g_out.value)
        prior_in = in_level.value.growth_prior(g_in.value)
        scale, unit = scale_label_of(out_level)
        if measure == TURNOVER:
            level = total.value if total is not None else out_level.value + in_level.value
            parts = prior_out + prior_in
            op = "+"
        else:
            assert total is not None
            level = total.value
            parts = prior_out - prior_in
            op = "−"
            # a change of a balance is a change of its size
            level, parts = level.abs(), parts.abs()
        prior_total = level.growth_prior(g_total.value)
        what = "turnover" if measure == TURNOVER else "balance"
        level_text = show(level, scale)
        if total is None:
            level_text = f"({show(out_level.value, scale)} + {show(in_level.value, scale)})"
        expression = (
            f"{show(out_level.value, scale)}/{_factor(g_out.value)} {op} "
            f"{show(in_level.value, scale)}/{_factor(g_in.value)} = {parts.format(scale, 2)} "
            f"vs {level_text}/{_factor(g_total.value)} = {prior_total.format(scale, 2)}"
        )
        return judge(
            self,
            ctx,
            items=list(combo),
            computed=parts,
            stated=prior_total,
            expression=lambda: expression,
            ok=lambda: (
                f"The earlier {what} implied by the stated changes agrees with its parts "
                f"({' and '.join(out_level.key.scope)}, {period_label(g_total)})."
            ),
            fail=lambda: (
                f"The stated changes imply an earlier {what} of {show(prior_total, scale, 2)} "
                f"{unit}, but earlier parts of {show(parts, scale, 2)} {unit} "
                f"({' and '.join(out_level.key.scope)}, {period_label(g_total)})."
            ),
            scale=scale,
            unit=unit,
        )


def _factor(growth: Interval) -> str:
    return show(1 + growth / 100, digits=4)


def _change_keys(ctx: Context, measure: str, scope: tuple[str, ...]) -> list[Key]:
    keys = list(ctx.index.related("change", measure, scope, None))
    pair = flow_pair(scope)
    if measure == BALANCE and pair is not None:
        for flow in pair:
            keys += list(ctx.index.related("change", measure, scope, flow))
    return [k for k in keys if k.unit == "percent"]
