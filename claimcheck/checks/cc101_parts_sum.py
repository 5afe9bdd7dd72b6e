"""CC101 parts-sum: turnover = exports + imports."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from claimcheck.checks._common import by_document, flow_identity_roles, period_label
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import (
    MAX_COMBINATIONS,
    Context,
    best_of,
    combination_groups,
    held,
    judge,
    scale_label_of,
    show,
)
from claimcheck.engine.index import TURNOVER, Item, Key
from claimcheck.engine.registry import Rule
from claimcheck.findings import Arithmetic, Finding, Verdict


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class PartsSum(Rule):
    """Exports and imports must add up to the stated trade turnover.

    For one pair of countries, one period and one currency, the turnover is
    the flow one way plus the flow the other way (the pack identity
    ``trade_turnover = exports + imports``). The check uses the printed
    precision of every figure: it fails only when no values that round to the
    printed figures add up. An article that gives both flows in the same
    direction, adding up to the total, has one direction swapped.

    Fails: "Trade between China and Africa reached $99.84 bln in the first
    half; exports were $50.37 bln and imports $48.47 bln" (50.37 + 48.47 =
    98.84).

    Passes: "Trade reached $240.11 bln; exports were $110.97 bln and imports
    $129.14 bln" (110.97 + 129.14 = 240.11).
    """

    code = "CC101"
    name = "parts-sum"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        for key, roles in flow_identity_roles(ctx, TURNOVER):
            if not ctx.concerns_any(roles):
                continue  # every relation here cites claims of context documents only
            for group in combination_groups(roles):
                if not ctx.concerns_any(group):
                    continue
                if len(group) == 1:  # the best of one verdict is that verdict
                    yield self._verdict(ctx, key, group[0])
                    continue
                result = best_of(self._verdicts(ctx, key, group))
                if result is not None:
                    yield result
            yield from self._one_way(ctx, roles[0], roles[1], roles[2])

    def _one_way(
        self, ctx: Context, totals: Sequence[Item], there: Sequence[Item], back: Sequence[Item]
    ) -> Iterator[Verdict]:
        """A document giving two different flows in one direction (and perhaps a commodity
        within one of them) and none in the other, two of which add up to the total: one of
        the directions is reported the wrong way round."""
        there_by, back_by = by_document(there), by_document(back)
        for total in totals:
            for flows, missing in ((there_by, back_by), (back_by, there_by)):
                local = flows.get(total.document, [])
                if len(local) < 2 or total.document in missing:
                    continue
                pairs = itertools.islice(itertools.combinations(local, 2), MAX_COMBINATIONS)
                found = next(
                    (
                        (a, b)
                        for a, b in pairs
                        if not a.value.overlaps(b.value)
                        and (a.value + b.value).overlaps(total.value)
                    ),
                    None,
                )
                if found is None:
                    continue
                first, second = found
                flow = first.key.flow or ("?", "?")
                scale, unit = scale_label_of(total)
                yield Finding(
                    self.code,
                    self.name,
                    ctx.severity(self),
                    f"Both flows ({show(first.value, scale)} and {show(second.value, scale)} "
                    f"{unit}) are given as {flow[0]}→{flow[1]} and add up to the total: one "
                    "direction of trade looks swapped.",
                    ctx.refs([total, first, second]),
                    Arithmetic(
                        expression=(
                            f"{show(first.value, scale)} + {show(second.value, scale)} = "
                            f"{(first.value + second.value).format(scale)} vs stated "
                            f"{total.value.format(scale)}, both {flow[0]}→{flow[1]}"
                        ),
                        computed=(
                            (first.value + second.value).lo / scale,
                            (first.value + second.value).hi / scale,
                        ),
                        stated=(total.value.lo / scale, total.value.hi / scale),
                        gap=0.0,
                        unit=unit,
                    ),
                )

    def _verdicts(self, ctx: Context, key: Key, group: list[list[Item]]) -> Iterator[Verdict]:
        """The verdict of each combination, judged as read (lazily, for :func:`best_of`)."""
        for combo in group:
            yield self._verdict(ctx, key, combo)

    def _verdict(self, ctx: Context, key: Key, combo: list[Item]) -> Verdict:
        total, first, second = combo
        computed = first.value + second.value
        tally = held(self, ctx, [total, first, second], computed, total.value, same_scope=True)
        if tally is not None:
            return tally  # holds, counted: no texts
        scale, unit = scale_label_of(total)
        label = period_label(total)
        return judge(
            self,
            ctx,
            items=[total, first, second],
            computed=computed,
            stated=total.value,
            expression=lambda: (
                f"{show(first.value, scale)} + {show(second.value, scale)} = "
                f"{computed.format(scale)} vs stated {total.value.format(scale)}"
            ),
            ok=lambda: f"{key.label()} in {label}: the two flows add up to the total.",
            fail=lambda: (
                f"The two flows add up to {show(computed, scale)} {unit}, not the "
                f"stated total of {show(total.value, scale)} {unit} "
                f"({key.label()}, {label})."
            ),
            scale=scale,
            unit=unit,
            same_scope=True,
            relation=lambda v: (v[1] + v[2], v[0]),
        )
