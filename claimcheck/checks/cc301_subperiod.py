"""CC301 subperiod-exceeds-period: a part of a period larger than the whole period."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Final

from claimcheck.checks._common import (
    apart,
    contains,
    is_cumulative,
    period_label,
    period_of,
    scale_slip,
    slip_note,
)
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, held, judge, scale_label_of, show
from claimcheck.engine.derive import Span
from claimcheck.engine.index import Item
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Verdict


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class SubperiodExceedsPeriod(Rule):
    """A cumulative figure for part of a period cannot exceed the figure for the whole period.

    Trade, exports and imports add up over time (the pack's ``cumulative``
    metrics), so January–October cannot be larger than the whole year, and a
    month cannot be larger than the quarter or year-to-date it belongs to —
    within one article or across articles.

    Fails: "Trade reached $3.42 bln in January–October 2024" in one article
    and "$3.29 bln in 2024" in another.

    Passes: "$196.48 bln in January–October 2023" and "$240.11 bln in 2023".
    """

    code = "CC301"
    name = "subperiod-exceeds-period"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        threshold = ctx.tolerance(self).scale_slip_ratio
        for key, by_period in ctx.index.groups("level"):
            if not is_cumulative(ctx, key):
                continue
            resolved = []
            for period, items in by_period.items():
                span = period_of(items[0]) if period is not None else None
                if span is not None and period is not None:
                    resolved.append((span, items))
            if len(resolved) < 2:
                continue
            sides: dict[int, _Side] = {}  # a period's figures, summarised once for all pairs
            for inner, outer in containments([span for span, _ in resolved]):
                inner_items, outer_items = resolved[inner][1], resolved[outer][1]
                if not ctx.concerns_any((inner_items, outer_items)):
                    continue  # each comparison cites one part and one whole
                for index, items in ((inner, inner_items), (outer, outer_items)):
                    if index not in sides:
                        sides[index] = _Side.of(items, threshold)
                yield from self._compare(ctx, sides[inner], sides[outer])

    def _compare(self, ctx: Context, inner: _Side, outer: _Side) -> Iterator[Verdict]:
        # each document's largest part against its own whole and against the smallest
        # whole of any document (linear in the number of claims); a figure that looks
        # scale-slipped against another figure for the same period is left to CC401
        smallest = outer.smallest
        if smallest is None or inner.smallest is None:
            return  # every figure of a side is a likely scale slip
        own = outer.own
        smallest_id = smallest.id
        for document, part in inner.largest.items():
            # the document's own whole, then the smallest unless it is the same claim (no
            # dict of the two built per part)
            mine = own.get(document)
            every = ctx.primary is None  # (every pair concerns the run: no tuple to ask)
            if mine is not None and (every or ctx.concerns((part, mine))):
                yield self._verdict(ctx, part, mine)
            if (mine is None or mine.id != smallest_id) and (
                every or ctx.concerns((part, smallest))
            ):
                yield self._verdict(ctx, part, smallest)

    def _verdict(self, ctx: Context, part: Item, whole: Item) -> Verdict:
        note = ""
        if part.value.bounded and whole.value.bounded and part.value.mid > whole.value.mid:
            distance = apart(ctx, self.code, part.value.mid, whole.value.mid)
            if distance == "far":
                return ctx.not_checked(
                    self, "the figures are too far apart to describe the same thing", [part, whole]
                )
            if distance == "slip":
                note = slip_note(part.value.mid, whole.value.mid)
        bound = Interval(float("-inf"), whole.value.hi)
        tally = held(self, ctx, [part, whole], bound, part.value)
        if tally is not None:
            return tally  # holds, counted: no texts
        scale, unit = scale_label_of(whole)
        return judge(
            self,
            ctx,
            items=[part, whole],
            computed=bound,
            stated=part.value,
            expression=lambda: (
                f"{period_label(part)} {part.value.format(scale)} ≤ "
                f"{period_label(whole)} {whole.value.format(scale)}"
            ),
            ok=lambda: (
                f"{period_label(part)} stays within {period_label(whole)} ({part.key.label()})."
            ),
            fail=lambda: (
                f"The {part.key.label()} for {period_label(part)} ({show(part.value, scale)} "
                f"{unit}) exceeds the figure for the whole of {period_label(whole)} "
                f"({show(whole.value, scale)} {unit}){note}."
            ),
            scale=scale,
            unit=unit,
        )


_FEW: Final = 4
"""Up to this many spans :func:`containments` tests every pair (fewer tests than the
sort and bisections cost)."""


def containments(spans: Sequence[Span]) -> list[tuple[int, int]]:
    """``(inner, outer)`` positions of every pair of spans where the outer one
    :func:`~claimcheck.checks._common.contains` the inner one, in the order of a loop over
    inners and, for each, over outers.

    An inner span starts within its outer span (or ends before it starts), so each outer
    span is tested against the spans that start within it, found by bisection, rather than
    against every span: on calendar periods a span holds a few others, whatever their number.
    """
    if len(spans) == 2:  # (most keys with more than one period): the pair either way
        first, second = spans
        if contains(second, first):
            return [(0, 1)]
        return [(1, 0)] if contains(first, second) else []
    count = len(spans)
    if count <= _FEW:  # (most of the others): every pair, in loop order, without a sort
        few: list[tuple[int, int]] = []
        for inner in range(count):
            for outer in range(count):
                # (a span never contains itself: contains is false for equal spans)
                if outer != inner and contains(spans[outer], spans[inner]):
                    few.append((inner, outer))
        return few
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    starts = [spans[i][0] for i in order]
    inverted = [i for i in order if spans[i][0] > spans[i][1]]  # tested against every span
    pairs: list[tuple[int, int]] = []
    # (plain loops: compiled, a generator expression given to extend is an object and a
    # list per span)
    for outer, span in enumerate(spans):
        start, end = span
        low = bisect.bisect_left(starts, start)
        high = bisect.bisect_right(starts, end)
        for position in range(low, high):
            inner = order[position]
            if contains(span, spans[inner]):
                pairs.append((inner, outer))
        for inner in inverted:
            if not start <= spans[inner][0] <= end and contains(span, spans[inner]):
                pairs.append((inner, outer))
    pairs.sort()
    return pairs


class _Side:
    """One period's figures as :meth:`SubperiodExceedsPeriod._compare` reads them: without
    likely scale slips, the smallest (``None``: none left), each document's smallest (as
    wholes) and each document's largest (as parts).

    A plain slotted class (native when compiled: an attrs class's constructor and class
    methods are interpreted calls); treat it as immutable.
    """

    __slots__ = ("largest", "own", "smallest")

    smallest: Item | None
    own: dict[str, Item]
    largest: dict[str, Item]

    def __init__(
        self, smallest: Item | None, own: dict[str, Item], largest: dict[str, Item]
    ) -> None:
        self.smallest = smallest
        self.own = own
        self.largest = largest

    @classmethod
    def of(cls, items: list[Item], threshold: float) -> _Side:
        """Summarise a period's items (``threshold``: the pack's ``scale_slip_ratio``)."""
        kept = _unslipped(items, threshold)
        if not kept:
            return cls(None, {}, {})
        if len(kept) == 1:  # (most periods: one figure, the smallest and largest of all)
            only = kept[0]
            return cls(only, {only.document: only}, {only.document: only})
        # the smallest (by upper bound, then order) of all and of each document: one loop
        # comparing the fields, not min and a sort calling a key function per item
        # (``own`` is only looked up: its order does not matter)
        smallest = kept[0]
        own: dict[str, Item] = {}
        for whole in kept:
            if _lower(whole, smallest):
                smallest = whole
            mine = own.get(whole.document)
            if mine is None or _lower(whole, mine):
                own[whole.document] = whole
        largest: dict[str, Item] = {}
        for part in sorted(kept, key=lambda i: (-i.value.lo, i.order)):
            largest.setdefault(part.document, part)
        return cls(smallest, own, largest)


def _lower(item: Item, other: Item) -> bool:
    """``(item.value.hi, item.order) < (other.value.hi, other.order)``."""
    high, other_high = item.value.hi, other.value.hi
    return high < other_high or (high == other_high and item.order < other.order)


def _unslipped(items: list[Item], threshold: float) -> list[Item]:
    """The items not a scale slip apart from the largest or smallest other figure."""
    if len(items) < 2:
        return items
    ordered = sorted(items, key=lambda i: i.value.mid)
    low, high = ordered[0], ordered[-1]
    out = []
    for item in items:
        others = [o for o in (low, high, ordered[1], ordered[-2]) if o is not item]
        if not any(scale_slip(o.value.mid, item.value.mid, threshold) for o in others):
            out.append(item)
    return out
