"""CC201 growth-vs-levels: a stated change against the two levels it compares."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Final

from claimcheck.checks._common import (
    anchored_levels,
    apart,
    key_of,
    levels_for,
    period_label,
    period_of,
    prior_period,
    slip_note,
)
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import (
    MAX_COMBINATIONS,
    Context,
    best_of,
    held,
    judge,
    scale_label_of,
    show,
)
from claimcheck.engine.index import BALANCE, Item
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Finding, Verdict
from claimcheck.model import Span

_BASIS_LABELS: Final = {"yoy": "year-on-year", "mom": "month-on-month", "qoq": "quarter-on-quarter"}
"""How a message names a comparison basis (a constant: not a dict built per verdict)."""


def bases(item: Item) -> tuple[str, ...]:
    """The comparison bases a change may have: its stated one, else the plausible ones."""
    if item.basis in ("yoy", "mom", "qoq"):
        return (item.basis,)
    return ("yoy", "mom", "qoq")


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class GrowthVsLevels(Rule):
    """A stated growth rate must match the two levels it compares.

    When an article (or two articles) gives a figure for a period, the figure
    for the period it is compared with (the same period a year earlier for
    year-on-year changes, the previous month or quarter for m/m and q/q
    changes) and the change between them, the change must equal
    ``current / prior − 1``, computed on the rounding intervals. A change
    without a stated basis is tried against every basis the levels allow and
    holds if any of them agrees. For a surplus or deficit the sizes are
    compared. Beyond rounding, the tolerance is the larger of the pack's
    ``absolute_percent_points`` and the growth shift a revision of a level by
    the ``relative`` tolerance causes (``(1 + g) × relative``); gaps within it
    are warnings. Levels much further apart than the change says (the pack's
    ``different_figure_ratio``) are taken to be of another scope (a commodity)
    and not compared, unless the change's own sentence gives both of them.

    Fails: "Trade fell 6.4% to $83.64 bln in FY2023-24, from $84.84 bln a year
    earlier" (83.64 / 84.84 − 1 = −1.4%).

    Passes: "Exports rose 4.1% to $115.49 bln in 2024" with "$110.97 bln in
    2023" (+4.07%).
    """

    code = "CC201"
    name = "growth-vs-levels"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        for change in ctx.index.of_kind("change"):
            if change.key.unit != "percent":
                continue
            span = period_of(change)
            if span is None:
                if not ctx.concerns([change]):
                    continue
                period = change.claim.period
                reason = (
                    "the change has no stated period"
                    if period is None
                    else f"the period “{period.text}” is not resolved"
                    + (f" ({period.unresolved})" if period.unresolved else "")
                )
                yield ctx.not_checked(self, reason, [change])
                continue
            measure = change.key.measure
            flows = [change.key.flow]
            if measure == BALANCE:
                flows = [None, *self._balance_flows(change)]
            trials: list[tuple[str, list[tuple[Item, Item]]]] = []
            anchors = anchored_levels(ctx, change)
            units = {a.key.unit for a in anchors}
            for flow in flows:
                for level_key in levels_for(ctx, measure, change.key.scope, flow, "level"):
                    if units and level_key.unit not in units:
                        continue  # the change describes a figure in another unit
                    same_key = [a for a in anchors if a.key == level_key]
                    current = _closest(change, same_key) or list(
                        ctx.view("level", level_key, key_of(*span)).near(change.document)
                    )
                    for basis in bases(change):
                        prior = prior_period(*span, basis)
                        if prior is None:
                            continue
                        prior_key = key_of(*prior)
                        if not ctx.index.get("level", level_key, prior_key):
                            continue  # no level of the compared period (most changes): no pair
                        earlier = ctx.view("level", level_key, prior_key)
                        pairs = itertools.islice(
                            itertools.product(current, earlier.near(change.document)),
                            MAX_COMBINATIONS,
                        )
                        trials.append((basis, list(pairs)))
            if not ctx.concerns([change]) and not ctx.concerns_any(
                pair for _, combos in trials for pair in combos
            ):
                continue  # every comparison cites claims of context documents only
            results: list[Verdict] = []
            tried: set[str] = set()
            for basis, combos in trials:
                if len(combos) == 1:  # (most: the best of one verdict is that verdict)
                    level, earlier_level = combos[0]
                    result: Verdict | None = self._verdict(
                        ctx, [change, level, earlier_level], basis
                    )
                else:
                    result = best_of(self._verdicts(ctx, change, combos, basis))
                if result is not None:
                    results.append(result)
                    tried.add(basis)
            verdict = best_of(results)
            if verdict is not None:
                if isinstance(verdict, Finding) and len(tried) > 1:
                    verdict = _ambiguous(verdict, change)
                yield verdict

    @staticmethod
    def _balance_flows(change: Item) -> list[tuple[str, str]]:
        scope = change.key.scope
        return [(scope[0], scope[1])] if len(scope) == 2 else []

    def _verdicts(
        self, ctx: Context, change: Item, combos: list[tuple[Item, Item]], basis: str
    ) -> Iterator[Verdict]:
        """The verdict of each (current, prior) pair, judged as read (lazily, for
        :func:`best_of`)."""
        for cur, pre in combos:
            yield self._verdict(ctx, [change, cur, pre], basis)

    def _verdict(self, ctx: Context, combo: list[Item], basis: str) -> Verdict:
        change, current, prior = combo
        cur, pre = current.value, prior.value
        if current.key.measure == BALANCE:
            cur, pre = cur.abs(), pre.abs()
        if pre.contains_zero():
            return ctx.not_checked(self, "the earlier level may be zero", combo)
        computed = Interval.growth(cur, pre)
        implied = 1 + computed.mid / 100
        stated_factor = max(1 + change.value.mid / 100, 1e-9)
        distance = apart(ctx, self.code, implied, stated_factor)
        definite = computed.positive() or computed.negative()
        flipped = (
            definite and (-change.value).overlaps(computed) and not change.value.overlaps(computed)
        )
        # levels far apart may be of another scope (one commodity), unless the change's own
        # sentence gives both: "14.9 million tourists, up from 11.3 million, an increase of 32%"
        compared = all(i.sentence_key == change.sentence_key for i in (current, prior))
        if distance == "far" and not flipped and not compared:
            return ctx.not_checked(
                self, "the levels are too far apart to be what the change compares", combo
            )
        tally = held(self, ctx, combo, computed, change.value)
        if tally is not None:
            return tally  # holds, counted: no texts
        note = slip_note(implied, stated_factor) if distance == "slip" else ""
        if flipped:
            note = ": the direction of the change looks reversed"
        scale, _ = scale_label_of(current)
        label = _BASIS_LABELS[basis]
        # a revision of either level by the relative tolerance moves the growth by about
        # (1 + g) * relative: the percentage-point tolerance is at least that
        tol = ctx.tolerance(self)
        slack = tol.relative * abs(1 + computed.mid / 100) * 100
        return judge(
            self,
            ctx,
            items=combo,
            tolerance=max(tol.absolute_percent_points, slack),
            computed=computed,
            stated=change.value,
            expression=lambda: (
                f"{show(cur, scale)} / {show(pre, scale)} − 1 = {computed.format(digits=2)}% "
                f"vs stated {change.value.format(digits=2)}% ({label})"
            ),
            ok=lambda: (
                f"The change of the {change.key.label()} in {period_label(change)} matches "
                f"its levels ({label})."
            ),
            fail=lambda: (
                f"The levels give a change of {show(computed, digits=2)}% ({label}, "
                f"{period_label(prior)} to {period_label(current)}), not the stated "
                f"{show(change.value)}% ({change.key.label()}){note}."
            ),
            percent=True,
            unit="percent",
        )


def _ambiguous(finding: Finding, change: Item) -> Finding:
    if change.basis is not None:
        return finding
    return Finding(
        finding.code,
        finding.name,
        "warning" if finding.severity == "error" else finding.severity,
        finding.message.rstrip(".") + "; the comparison basis is not stated.",
        finding.claims,
        finding.arithmetic,
    )


def _closest(change: Item, anchors: list[Item]) -> list[Item]:
    """The anchored level nearest to the change in the text ("rose 5% to 250 mln tonnes,
    while soybean sales slipped to 73 mln tonnes": the 250)."""
    if len(anchors) < 2:  # (most changes: none, or the one level they rose to)
        return list(anchors)
    # (the quantity's span: Claim.span is an interpreted property)
    span = change.claim.quantity.span
    return [min(anchors, key=lambda a: (_distance(span, a.claim.quantity.span), a.order))]


def _distance(span: Span, other: Span) -> int:
    """Characters between two spans (0 when they overlap). Not nested in :func:`_closest`:
    compiled, a nested function and its environment would form a reference cycle per call."""
    return max(other.start - span.end, span.start - other.end, 0)
