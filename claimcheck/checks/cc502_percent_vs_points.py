"""CC502 percent-vs-points: a change of a percentage given in the wrong unit."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Final

from claimcheck.checks._common import key_of, period_label, period_of, prior_period
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import MAX_COMBINATIONS, Context, show
from claimcheck.engine.index import Item, Key
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Arithmetic, Finding, Result, Verified

_PERCENT_UNITS: Final = ("percent", "percentage_point")


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class PercentVsPoints(Rule):
    """A change of a share or rate must use the right unit: percent or percentage points.

    When an article gives a percentage (a share, a rate) for two periods and
    the change between them, a change in *percent* is relative
    (``new / old − 1``) and a change in *percentage points* is the difference
    (``new − old``). The check reports a change whose value matches the
    other reading: the classic "rose by 3.9%" for a share that went from
    26.8% to 30.7% (+3.9 points, but +14.6%).

    Fails: "China's share climbed to 30.7% from 26.8%, an increase of 3.9%."

    Passes: "China's share climbed to 30.7% from 26.8%, up 3.9 percentage
    points."
    """

    code = "CC502"
    name = "percent-vs-points"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Result]:
        for change in ctx.index.of_kind("change"):
            if change.key.unit not in _PERCENT_UNITS:
                continue
            span = period_of(change)
            if span is None:
                continue
            key = Key(change.key.measure, change.key.scope, change.key.flow, "percent")
            if not ctx.index.holds("share", key) and not ctx.index.holds("level", key):
                continue  # no figure of the key at all (most changes): no pair to compare
            basis = change.basis or "yoy"
            prior = prior_period(*span, basis)
            if prior is None:
                continue
            now_key, before_key = key_of(*span), key_of(*prior)
            for kind in ("share", "level"):
                if not ctx.index.get(kind, key, now_key) or not ctx.index.get(
                    kind, key, before_key
                ):
                    continue  # no figure of one period (most changes): no pair to compare
                now = ctx.view(kind, key, now_key).near(change.document)
                before = ctx.view(kind, key, before_key).near(change.document)
                for current, earlier in itertools.islice(
                    itertools.product(now, before), MAX_COMBINATIONS
                ):
                    combo = [change, current, earlier]
                    if not _same_sentence(combo):
                        continue  # the change must describe these percentages
                    yield self._verdict(ctx, combo)
                    break

    def _verdict(self, ctx: Context, combo: list[Item]) -> Result:
        change, current, earlier = combo
        points = current.value - earlier.value
        relative = Interval.growth(current.value, earlier.value)
        stated = change.value
        in_points = change.key.unit == "percentage_point"
        right, wrong = (points, relative) if in_points else (relative, points)
        unit_word = "percentage points" if in_points else "percent"
        tolerance = ctx.tolerance(self).absolute_percent_points
        expression = (
            f"{show(current.value, digits=2)} − {show(earlier.value, digits=2)} = "
            f"{show(points, digits=2)} points; {show(current.value, digits=2)} / "
            f"{show(earlier.value, digits=2)} − 1 = {show(relative, digits=2)}%; "
            f"stated {show(stated, digits=2)} {unit_word}"
        )
        refs = ctx.refs(combo)
        label = f"{current.key.label()}, {period_label(earlier)} to {period_label(current)}"
        gap = right.gap(stated)
        arithmetic = Arithmetic(expression, right.pair(), stated.pair(), gap, unit_word, tolerance)
        if gap <= tolerance:
            return Verified(
                self.code,
                self.name,
                f"The change is in the right unit ({label}).",
                refs,
                arithmetic,
            )
        if wrong.overlaps(stated, tolerance):
            other = "percent" if in_points else "percentage points"
            message = (
                f"A change from {show(earlier.value, digits=2)}% to "
                f"{show(current.value, digits=2)}% is {show(right, digits=2)} {unit_word}; "
                f"the stated {show(stated, digits=2)} is the change in {other} ({label})."
            )
        else:
            message = (
                f"A change from {show(earlier.value, digits=2)}% to "
                f"{show(current.value, digits=2)}% is neither {show(stated, digits=2)} percent "
                f"nor {show(stated, digits=2)} points ({label})."
            )
        return Finding(self.code, self.name, ctx.severity(self), message, refs, arithmetic)


def _same_sentence(combo: list[Item]) -> bool:
    sentence = combo[0].sentence_key  # (document id and sentence span)
    return any(i.sentence_key == sentence for i in combo[1:])
