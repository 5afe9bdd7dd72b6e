"""CC102 balance: trade balance = exports - imports."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks._common import flow_identity_roles, period_label
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
from claimcheck.engine.index import BALANCE, Item, Key
from claimcheck.engine.registry import Rule
from claimcheck.findings import Verdict


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class Balance(Rule):
    """A trade surplus or deficit must equal exports minus imports.

    For one pair of countries, one period and one currency, the balance of a
    country is its exports to the partner minus its imports from it (the pack
    identity ``trade_balance = exports - imports``). When the text says whose
    surplus or deficit it is, the sign is checked too; otherwise only the
    size.

    Fails: "exports were $115.49 bln and imports $129.32 bln, leaving a
    deficit of $14.83 bln" (115.49 − 129.32 = −13.83).

    Passes: "exports were $110.97 bln and imports $129.14 bln, a deficit of
    $18.17 bln".
    """

    code = "CC102"
    name = "balance"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        for key, roles in flow_identity_roles(ctx, BALANCE):
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

    def _verdicts(self, ctx: Context, key: Key, group: list[list[Item]]) -> Iterator[Verdict]:
        """The verdict of each combination, judged as read (lazily, for :func:`best_of`)."""
        for combo in group:
            yield self._verdict(ctx, key, combo)

    def _verdict(self, ctx: Context, key: Key, combo: list[Item]) -> Verdict:
        balance, outflow, inflow = combo
        signed = key.flow is not None
        difference = outflow.value - inflow.value
        computed = difference if signed else difference.abs()
        tally = held(self, ctx, [balance, outflow, inflow], computed, balance.value)
        if tally is not None:
            return tally  # holds, counted: no texts
        scale, unit = scale_label_of(balance)
        who = f"{key.scope[0]}'s balance" if signed else "the balance (size only)"
        return judge(
            self,
            ctx,
            items=[balance, outflow, inflow],
            computed=computed,
            stated=balance.value,
            expression=lambda: (
                f"{show(outflow.value, scale)} − {show(inflow.value, scale)} = "
                f"{difference.format(scale)} vs stated {who} "
                f"{balance.value.format(scale)}"
            ),
            ok=lambda: f"{key.label()} in {period_label(balance)} equals exports minus imports.",
            fail=lambda: (
                f"Exports minus imports give {show(computed, scale)} {unit}, but "
                f"{who} is stated as {show(balance.value, scale)} {unit} "
                f"({' and '.join(key.scope)}, {period_label(balance)})."
            ),
            scale=scale,
            unit=unit,
        )
