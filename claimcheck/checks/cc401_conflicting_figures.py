"""CC401 conflicting-figures: the same figure stated with different values."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from claimcheck.checks._common import anchored_levels, period_label, plausibly_same, scale_slip
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import (
    MAX_COMBINATIONS,
    Context,
    held,
    judge,
    scale_label_of,
    show,
)
from claimcheck.engine.index import FLOW, Item, Key
from claimcheck.engine.registry import Rule
from claimcheck.findings import Arithmetic, Finding, Verdict


def _basis_class(item: Item) -> str:
    return "yoy" if item.basis in (None, "yoy") else str(item.basis)


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class ConflictingFigures(Rule):
    """The same figure must have the same value wherever it is stated.

    Two claims about the same metric, countries, direction and period (and,
    for changes, the same comparison basis) must agree within rounding — in
    one article or across articles. A difference of a factor of 1000 is
    reported as a likely scale slip ("mln" for "bln"); a flow that matches the
    opposite flow of the other article is reported as likely swapped. Figures
    further apart than the pack's ``different_figure_ratio`` are taken to be
    different things (a commodity within a total) and are not compared; nor
    are shares and other percentages, whose wholes often differ ("30.7% of
    exports", "73% of soybean exports"), nor figures whose countries are not
    known. Targets for one deadline are compared only for scale slips (other
    differences between targets are CC601's).

    Fails: "India–UAE trade reached $85.6 bln in FY2023-24" in one article and
    "$83.64 bln in FY2023-24" in another; "first-half trade was $116.82 mln"
    against "$116.82 bln".

    Passes: "$240.11 bln in 2023" and "$240.1 bln in 2023".
    """

    code = "CC401"
    name = "conflicting-figures"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        for kind in ("level", "change"):
            for key, by_period in ctx.index.groups(kind):
                if not key.scope or (kind == "level" and key.unit == "percent"):
                    continue  # whose figure, or a percentage of which whole, is unknown
                for period, items in by_period.items():
                    if period is None or period[0] == "by" or len(items) < 2:
                        continue
                    classes: dict[str, list[Item]] = {}
                    for item in items:
                        classes.setdefault(_basis_class(item), []).append(item)
                    for members in classes.values():
                        yield from self._group(ctx, key, members)
        yield from self._target_slips(ctx)

    def _target_slips(self, ctx: Context) -> Iterator[Verdict]:
        """Targets for one deadline a power of 1000 apart: a misprint, not another goal
        (other differences between targets are CC601's)."""
        for key, by_period in ctx.index.groups("target"):
            if not key.scope or key.unit in ("percent", "percentage_point"):
                continue
            for period, items in by_period.items():
                if period is None or period[0] != "by" or len(items) < 2:
                    continue
                ranked = sorted(items, key=lambda i: (i.value.mid, i.order))
                for a, b in itertools.pairwise(ranked):
                    if ctx.concerns((a, b)) and target_slip(ctx, a, b):
                        result = self._verdict(ctx, a, b)
                        if isinstance(result, Finding):
                            yield result

    def _group(self, ctx: Context, key: Key, items: list[Item]) -> Iterator[Verdict]:
        by_doc: dict[str, list[Item]] = {}
        for item in items:
            by_doc.setdefault(item.document, []).append(item)
        for members in by_doc.values():
            if len(members) < 2:
                continue  # no pair (most documents): no iterators built for nothing
            pairs = itertools.islice(itertools.combinations(members, 2), MAX_COMBINATIONS)
            for a, b in pairs:
                # (every pair concerns the run without primary: no tuple built to ask)
                concerned = ctx.primary is None or ctx.concerns((a, b))
                result = self._verdict(ctx, a, b) if concerned else None
                if result is not None:
                    yield result
        if len(by_doc) < 2:
            return  # one document: no pair of firsts
        firsts = sorted((m[0] for m in by_doc.values()), key=lambda i: (i.value.mid, i.order))
        for a, b in itertools.pairwise(firsts):
            concerned = ctx.primary is None or ctx.concerns((a, b))
            result = self._verdict(ctx, a, b) if concerned else None
            if result is not None:
                yield result

    def _verdict(self, ctx: Context, a: Item, b: Item) -> Verdict | None:
        if a.kind == "change" and _describe_different(ctx, a, b):
            return None
        percent = a.key.unit in ("percent", "percentage_point")
        if not percent and a.value.bounded and b.value.bounded:
            tol = ctx.tolerance(self)
            slip = scale_slip(a.value.mid, b.value.mid, tol.scale_slip_ratio)
            if slip is not None:
                scale = scale_label_of(a)[0]
                where = _where(a, b)
                return Finding(
                    self.code,
                    self.name,
                    ctx.severity(self),
                    f"The same figure ({_label(a)}) is given as “{a.claim.text}” and "
                    f"“{b.claim.text}” {where}: likely a scale slip "
                    f"(×{1000 ** abs(slip):g}).",
                    ctx.refs([a, b]),
                    Arithmetic(
                        expression=f"{show(a.value, scale)} / {show(b.value, scale)} "
                        f"≈ {1000.0**slip:g}",
                        computed=a.value.pair(),
                        stated=b.value.pair(),
                        gap=a.value.gap(b.value),
                        unit=a.key.unit,
                    ),
                )
            if not plausibly_same(
                a.value.mid / b.value.mid if b.value.mid else 0.0, tol.different_figure_ratio
            ):
                return None
        tally = held(self, ctx, [a, b], a.value, b.value)
        if tally is not None:
            return tally  # holds, counted: no texts (nor the scale they would show)
        scale, unit = scale_label_of(a)
        where = _where(a, b)
        note = "" if a.value.overlaps(b.value) else self._swapped(ctx, a, b)
        return judge(
            self,
            ctx,
            items=[a, b],
            computed=a.value,
            stated=b.value,
            expression=lambda: f"{a.value.format(scale)} vs {b.value.format(scale)}",
            ok=lambda: f"The {_label(a)} agrees {where}.",
            fail=lambda: (
                f"The same figure ({_label(a)}) is given as {show(a.value, scale)} and "
                f"{show(b.value, scale)} {unit} {where}{note}."
            ),
            percent=percent,
            scale=scale,
            unit=unit,
        )

    @staticmethod
    def _swapped(ctx: Context, a: Item, b: Item) -> str:
        if a.key.measure != FLOW or a.key.flow is None:
            return ""
        reverse = Key(FLOW, a.key.scope, (a.key.flow[1], a.key.flow[0]), a.key.unit)
        for first, second in ((a, b), (b, a)):
            # the first figure's own document's reverse flows (a view, cached: not a scan of
            # the reverse bucket, every document's, for each conflict)
            view = ctx.view("level", reverse, first.period)
            for other in view.by_document.get(first.document, ()):
                if other.value.overlaps(second.value):
                    return "; the two directions of trade look swapped"
        return ""


def _where(a: Item, b: Item) -> str:
    """Where two figures compared are stated, for a message."""
    return "in one article" if a.document == b.document else "in two articles"


def _label(item: Item) -> str:
    """The figure's metric and period, for a message (built only for a result that shows it:
    most hold, and are counted). A module-level function, not one nested in
    ``_verdict``: compiled by mypyc, a nested function and its environment refer to each
    other, a reference cycle per comparison that only the cyclic collector frees."""
    return f"{item.key.label()}, {period_label(item)}"


def target_slip(ctx: Context, a: Item, b: Item) -> bool:
    """Whether two targets are a likely scale slip apart ("$10 bln" and "$10,000 bln")."""
    if not (a.value.bounded and b.value.bounded and a.value.mid and b.value.mid):
        return False
    threshold = ctx.tolerance(ConflictingFigures).scale_slip_ratio
    return scale_slip(a.value.mid, b.value.mid, threshold) is not None


def _describe_different(ctx: Context, a: Item, b: Item) -> bool:
    """Two changes anchored to different levels in their sentences describe different things."""
    kinds = ("level", "share")
    first = anchored_levels(ctx, a, kinds, percent=True)
    second = anchored_levels(ctx, b, kinds, percent=True)
    if not first or not second:
        return False
    return not any(x.value.overlaps(y.value) for x in first for y in second)
