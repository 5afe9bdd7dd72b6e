"""CC402 derived-figure-conflict: a stated figure against the figure the article implies."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks._common import describes, flow_pair, period_label, period_of
from claimcheck.checks._common import prior_period as compared_period
from claimcheck.checks.cc201_growth_vs_levels import bases
from claimcheck.engine.context import Context, best_of, judge, scale_label, show
from claimcheck.engine.derive import Figure, Span, derive, role_of
from claimcheck.engine.index import BALANCE, FLOW, TURNOVER, Item, Key
from claimcheck.engine.registry import Rule, register
from claimcheck.findings import Result

_MEASURES = (TURNOVER, FLOW, BALANCE)
_OTHER_RULES = (frozenset("TOI"), frozenset("BOI"))
"""Relations between stated figures only that CC101 and CC102 check."""


@register
class DerivedFigures(Rule):
    """A stated figure must agree with the figure the rest of the article implies.

    An article often implies figures it does not state. For one pair of
    countries and one currency, any two of the turnover, the exports, the
    imports and the balance of a period give the other two (the pack
    identities ``trade_turnover = exports + imports`` and ``trade_balance =
    exports − imports``); a stated growth rate turns a level into the level
    of the period it compares with (``prior = level / (1 + g/100)``) and back.
    The check derives such figures — an identity, then a growth rate, then an
    identity again — in interval arithmetic on the printed precision, and
    compares them with the figures the same article states for the same
    metric, countries, direction and period. It reports only relations that
    go through at least one figure the article does not state, or that tie
    the turnover and the balance together (the direct sums and growth rates
    are CC101, CC102 and CC201). A stated figure holds when any derivation
    agrees with it; the finding cites every claim of the closest derivation.
    This catches a figure attributed to the wrong year, which leaves the
    relations of its own year and contradicts the year it now claims.

    Fails: "Trade reached $240.11 bln in 2023 and imports $129.14 bln;
    exports rose 46.9%. Exports were $110.97 bln in 2022" (exports in 2023
    are 240.11 − 129.14 = 110.97, so in 2022 110.97 / 1.469 = 75.54).

    Passes: the same with "exports were $75.5 bln in 2022".
    """

    code = "CC402"
    name = "derived-figure-conflict"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Result]:
        groups: dict[tuple[str, tuple[str, ...]], list[Item]] = {}
        for item in ctx.index.items:
            if item.key.measure in _MEASURES and len(item.key.scope) == 2:
                groups.setdefault((item.document, item.key.scope), []).append(item)
        for (_, scope), items in groups.items():
            yield from self._pair(ctx, scope, items)

    def _pair(self, ctx: Context, scope: tuple[str, ...], items: list[Item]) -> Iterator[Result]:
        pair = flow_pair(scope)
        if pair is None:
            return
        levels: dict[str, list[tuple[Item, Span]]] = {}
        changes: list[Item] = []
        for item in items:
            span = period_of(item)
            if span is None:
                continue
            if item.kind == "level" and item.key.unit not in ("percent", "percentage_point"):
                levels.setdefault(item.key.unit, []).append((item, span))
            elif item.kind == "change" and item.key.unit == "percent":
                changes.append(item)
        for unit, stated in levels.items():
            growths: list[tuple[Item, str, Span, Span]] = []
            for change in changes:
                role = role_of(Key(change.key.measure, scope, change.key.flow, unit))
                span = period_of(change)
                if role in (None, "B") or span is None or not describes(ctx, change, unit):
                    continue
                for basis in bases(change):
                    prior = compared_period(*span, basis)
                    if prior is not None:
                        growths.append((change, str(role), span, prior))
            if not growths and len({r for i, _ in stated if (r := role_of(i.key))}) < 3:
                continue
            scale, label = scale_label([stated[0][0]])
            figures = derive(stated, growths, scale)
            yield from self._compare(ctx, stated, figures, scale, label)

    def _compare(
        self,
        ctx: Context,
        stated: list[tuple[Item, Span]],
        figures: list[Figure],
        scale: float,
        unit: str,
    ) -> Iterator[Result]:
        by_target: dict[tuple[str, Span], list[Figure]] = {}
        for figure in figures:
            by_target.setdefault((figure.role, figure.span), []).append(figure)
        present = {(role_of(i.key), span) for i, span in stated}
        for item, span in stated:
            role = role_of(item.key)
            if role is None:
                continue
            candidates = [
                f
                for f in by_target.get((role, span), [])
                if item.claim.id not in {i.claim.id for i in f.inputs}
                and _new_relation(f, present)
            ]
            results = [self._verdict(ctx, item, f, scale, unit) for f in candidates]
            verdict = best_of(results)
            if verdict is not None:
                yield verdict

    def _verdict(self, ctx: Context, item: Item, figure: Figure, scale: float, unit: str) -> Result:
        computed, stated = figure.value, item.value
        if not (figure.signed and item.signed):
            computed, stated = computed.abs(), stated.abs()
        what = f"{item.key.label()} in {period_label(item)}"
        return judge(
            self,
            ctx,
            items=[item, *figure.inputs],
            computed=computed,
            stated=stated,
            expression=(
                f"{figure.expression} = {computed.format(scale, 2)} vs stated "
                f"{stated.format(scale)}"
            ),
            ok=f"The {what} agrees with the figure the article implies.",
            fail=(
                f"The article implies {show(computed, scale, 2)} {unit} for the {what} "
                f"({figure.expression}), not the stated {show(stated, scale)} {unit}."
            ),
            scale=scale,
            unit=unit,
            same_scope=True,
        )


def _new_relation(figure: Figure, present: set[tuple[str | None, Span]]) -> bool:
    """Whether ``figure`` checks something CC101, CC102 and CC201 do not: it uses a
    derived figure, or ties turnover and balance while the fourth figure is not stated."""
    if figure.derived_inputs:
        return True
    if figure.growth:
        return False  # a level against a stated level and growth rate: CC201
    roles = {figure.role} | {r for i in figure.inputs if (r := role_of(i.key)) is not None}
    if frozenset(roles) in _OTHER_RULES:
        return False
    missing = set("TOIB") - roles
    return not any((r, figure.span) in present for r in missing)

