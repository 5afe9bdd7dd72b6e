"""CC602 target-status: a target said to be met (or missed) against the actual figures."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from claimcheck.checks._common import find_words, months, period_label, period_of
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, scale_label_of, show
from claimcheck.engine.index import Item, Key, PeriodKey
from claimcheck.engine.registry import Rule
from claimcheck.findings import Arithmetic, Finding, Result, Verified

_Extremes = dict[tuple[Key, PeriodKey], tuple[Item, Item]]


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class TargetStatus(Rule):
    """A target said to be met or missed must agree with the actual figures.

    When the sentence of a target says it was reached (the pack's
    ``target_met`` words: "met", "reached", "overshot") the actual figure of
    some period ending by the deadline must reach the target; when it says
    the target was missed (``target_missed``: "fell short", "missed"), no such
    figure may exceed it. Only a figure for the whole deadline year can
    refute a "met" claim; without one the check is counted as not run.

    Fails: "Deliveries reached 31.2 bcm in 2024, meeting the target of 38 bcm
    for the year."

    Passes: "Trade reached $240.11 bln in 2023, so the goal of $200 bln set
    for 2024 was reached a year early."
    """

    code = "CC602"
    name = "target-status"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Result]:
        extremes: _Extremes = {}  # a period's highest and lowest figure, found once
        for target in ctx.index.of_kind("target"):
            status = self._status(ctx, target)
            if status is None:
                continue
            if not ctx.concerns([target]) and (
                target.period is None
                or target.period[0] != "by"
                or target.end is None
                or not ctx.concerns(self._actuals(ctx, target, target.end, extremes))
            ):
                continue  # every verdict on it cites claims of context documents only
            if target.period is None or target.period[0] != "by" or target.end is None:
                yield ctx.not_checked(self, "the target's deadline is not known", [target])
                continue
            actuals = self._actuals(ctx, target, target.end, extremes)
            if not actuals:
                yield ctx.not_checked(
                    self, "no actual figure up to the deadline to compare with", [target]
                )
                continue
            yield self._verdict(ctx, target, status, actuals)

    @staticmethod
    def _status(ctx: Context, target: Item) -> str | None:
        sentence = ctx.sentence(target)
        if find_words(sentence, ctx.config.word_list("target_missed")):
            return "missed"
        if find_words(sentence, ctx.config.word_list("target_met")):
            return "met"
        return None

    @staticmethod
    def _actuals(ctx: Context, target: Item, deadline: _dt.date, extremes: _Extremes) -> list[Item]:
        """Per period up to the deadline: the target document's own figures and the
        highest and lowest figure of any document (enough for every verdict below;
        ``extremes`` caches the latter by key and period: many targets of one key would
        otherwise scan every figure of the key each)."""
        key = Key(target.key.measure, target.key.scope, target.key.flow, target.key.unit)
        out: list[Item] = []
        for period, items in ctx.index.periods("level", key).items():
            if period is None or not items:
                continue
            span = period_of(items[0])
            if span is None or span[1] > deadline:
                continue
            view = ctx.view("level", key, period)
            chosen = {i.id: i for i in view.by_document.get(target.document, ())}
            highest_lowest = extremes.get((key, period))
            if highest_lowest is None:
                highest_lowest = (
                    max(items, key=lambda i: (i.value.lo, -i.order)),
                    min(items, key=lambda i: (i.value.hi, i.order)),
                )
                extremes[(key, period)] = highest_lowest
            for extreme in highest_lowest:
                chosen.setdefault(extreme.id, extreme)
            out += chosen.values()
        return out

    def _verdict(self, ctx: Context, target: Item, status: str, actuals: list[Item]) -> Result:
        assert target.end is not None
        deadline = target.end
        scale, unit = scale_label_of(target)
        year = [a for a in actuals if _is_deadline_year(a, deadline)]
        label = f"{target.key.label()} {period_label(target)}"
        if status == "met":
            definite = [a for a in actuals if a.value.lo >= target.value.lo]
            if definite:
                evidence = max(definite, key=lambda a: (a.document == target.document, a.value.lo))
                return Verified(
                    self.code,
                    self.name,
                    f"The target is indeed reached: {period_label(evidence)} "
                    f"{show(evidence.value, scale)} {unit} ({label}).",
                    ctx.refs([target, evidence]),
                    _arithmetic(evidence, target, scale, unit),
                )
            below = [a for a in year if a.value.hi < target.value.lo]
            if not below:
                return ctx.not_checked(
                    self, "no figure for the deadline year to confirm the target", [target]
                )
            evidence = max(below, key=lambda a: (a.document == target.document, a.value.hi))
            return Finding(
                self.code,
                self.name,
                ctx.severity(self),
                f"The target of {show(target.value, scale)} {unit} is said to be met, but the "
                f"figure for {period_label(evidence)} is {show(evidence.value, scale)} {unit} "
                f"({label}).",
                ctx.refs([target, evidence]),
                _arithmetic(evidence, target, scale, unit),
            )
        exceeded = [a for a in actuals if a.value.lo > target.value.hi]
        if exceeded:
            evidence = exceeded[0]
            return Finding(
                self.code,
                self.name,
                ctx.severity(self),
                f"The target of {show(target.value, scale)} {unit} is said to be missed, but "
                f"{period_label(evidence)} already reached {show(evidence.value, scale)} {unit} "
                f"({label}).",
                ctx.refs([target, evidence]),
                _arithmetic(evidence, target, scale, unit),
            )
        if year:
            return Verified(
                self.code,
                self.name,
                f"The target is indeed missed: {period_label(year[0])} "
                f"{show(year[0].value, scale)} {unit} ({label}).",
                ctx.refs([target, year[0]]),
                _arithmetic(year[0], target, scale, unit),
            )
        return ctx.not_checked(self, "no figure for the deadline year", [target])


def _is_deadline_year(item: Item, deadline: _dt.date) -> bool:
    span = period_of(item)
    if span is None:
        return False
    return span[1] == deadline and months(*span) == 12


def _arithmetic(actual: Item, target: Item, scale: float, unit: str) -> Arithmetic:
    return Arithmetic(
        expression=(
            f"actual {period_label(actual)} {actual.value.format(scale)} vs target "
            f"{target.value.format(scale)}"
        ),
        computed=(actual.value.lo / scale, actual.value.hi / scale),
        stated=(target.value.lo / scale, target.value.hi / scale),
        gap=actual.value.gap(target.value) / scale,
        unit=unit,
    )
