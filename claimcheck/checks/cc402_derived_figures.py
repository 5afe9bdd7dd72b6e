"""CC402 derived-figure-conflict: a stated figure against the figure the article implies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from claimcheck.checks._common import (
    anchored_levels,
    apart,
    contains,
    describes,
    flow_pair,
    is_cumulative,
    period_label,
    period_of,
    span_label,
)
from claimcheck.checks._common import prior_period as compared_period
from claimcheck.checks.cc201_growth_vs_levels import bases
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, best_of, held, judge, scale_label_of, show
from claimcheck.engine.derive import ROLES, Figure, Growth, Span, derive, role_of
from claimcheck.engine.index import BALANCE, FLOW, TURNOVER, Item, Key
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Verdict

_MEASURES: Final = (TURNOVER, FLOW, BALANCE)
_OTHER_RULES: Final = (frozenset("TOI"), frozenset("BOI"))
"""Relations between stated figures only that CC101 and CC102 check."""


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
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
    Beyond rounding, the tolerance is the pack's ``relative`` share of the
    amounts the figure is derived from (revising each input by that share
    moves a derived balance by that much), and gaps within it are warnings.
    For cumulative metrics a stated figure for part of a period must also
    stay within the figure implied for the whole period (January–September
    2022 against January–October 2023 divided by its growth). This catches a
    figure attributed to the wrong year, which leaves the relations of its
    own year and contradicts the year it now claims. Figures of different
    articles are not combined (sources and revisions differ).

    Fails: "Trade reached $240.11 bln in 2023 and imports $129.14 bln;
    exports rose 46.9%. Exports were $110.97 bln in 2022" (exports in 2023
    are 240.11 − 129.14 = 110.97, so in 2022 110.97 / 1.469 = 75.54).

    Passes: the same with "exports were $75.5 bln in 2022".
    """

    code = "CC402"
    name = "derived-figure-conflict"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        # the figures of each (document, scope), in first-seen order: by document, then by
        # scope (no (document, scope) tuple built and hashed for every item)
        by_document: dict[str, dict[tuple[str, ...], list[Item]]] = {}
        groups: list[tuple[tuple[str, ...], list[Item]]] = []
        for item in ctx.index.items:
            key = item.key
            scope = key.scope
            if len(scope) != 2 or key.measure not in _MEASURES:
                continue
            document = item.document
            scopes = by_document.get(document)
            if scopes is None:
                scopes = by_document[document] = {}
            items = scopes.get(scope)
            if items is None:
                items = scopes[scope] = []
                groups.append((scope, items))
            items.append(item)
        every = ctx.primary is None
        for scope, items in groups:
            # one article's figures: cited only with its claims
            if every or ctx.concerns(items[:1]):
                yield from self._pair(ctx, scope, items)

    def _pair(self, ctx: Context, scope: tuple[str, ...], items: list[Item]) -> Iterator[Verdict]:
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
            # (the periods only the growth rates ask about: no set built without one)
            spans = {span for _, span in stated} if changes else set()
            rates = 0  # the growth rates that apply, reaching or not
            growths: list[Growth] = []  # those that reach (see _reaching)
            for change in changes:
                role = role_of(Key(change.key.measure, scope, change.key.flow, unit))
                span = period_of(change)
                if role in (None, "B") or span is None or not describes(ctx, change, unit):
                    continue
                priors = [p for b in bases(change) if (p := compared_period(*span, b))]
                if len(priors) != 1:
                    continue  # no basis stated and several possible: ambiguous
                rates += 1
                if not _reaches(span, priors[0], spans):
                    continue  # it moves figures no comparison reads (_reaching)
                # a change anchored to a level of its sentence ("rose 5% to $38.9 bln")
                # describes that level, perhaps a commodity within the flow
                anchors = frozenset(
                    a.id for a in anchored_levels(ctx, change) if a.key.unit == unit
                )
                growths.append(Growth(change, str(role), span, priors[0], anchors))
            if not rates and not _open_identity(stated):
                continue  # nothing to derive that CC101 and CC102 do not check
            if not growths and _closed(stated):
                continue  # derive() would give no figure: nothing to compare
            scale, label = scale_label_of(stated[0][0])
            # the figures left out (stated-only relations of a period stating all four
            # figures) are never compared: _new_relation rejects them and _within skips
            # stated-only figures for a stated whole
            figures = derive(stated, growths, scale, new_relations=True)
            if figures:  # (no figure: no candidate and no implied whole, no result)
                yield from self._compare(ctx, stated, figures, scale, label)

    def _compare(
        self,
        ctx: Context,
        stated: list[tuple[Item, Span]],
        figures: list[Figure],
        scale: float,
        unit: str,
    ) -> Iterator[Verdict]:
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
                if item.id not in f.input_ids and _new_relation(f, present)
            ]
            verdict = best_of(self._verdicts(ctx, item, candidates, scale, unit))
            if verdict is not None:
                yield verdict
            if role != "B" and is_cumulative(ctx, item.key):
                yield from self._within(
                    ctx, item, span, by_target, present=present, scale=scale, unit=unit
                )

    def _within(
        self,
        ctx: Context,
        part: Item,
        span: Span,
        by_target: dict[tuple[str, Span], list[Figure]],
        *,
        present: set[tuple[str | None, Span]],
        scale: float,
        unit: str,
    ) -> Iterator[Verdict]:
        """A stated figure for part of a period against the implied figure for the whole
        period (the stated wholes are CC301's)."""
        role = role_of(part.key)
        for (target, whole), derived in by_target.items():
            if target != role or not contains(whole, span):
                continue
            stated_whole = (role, whole) in present  # stated against stated: CC301's
            results: list[Verdict] = []
            for figure in derived:
                if stated_whole and not figure.derived_inputs:
                    continue
                if part.id in figure.input_ids:
                    continue
                if apart(ctx, self.code, part.value.mid, figure.value.mid) == "far":
                    continue  # a figure of another scope
                results.append(
                    self._within_verdict(ctx, part, whole, figure, scale=scale, unit=unit)
                )
            verdict = best_of(results)
            if verdict is not None:
                yield verdict

    def _within_verdict(
        self, ctx: Context, part: Item, whole: Span, figure: Figure, *, scale: float, unit: str
    ) -> Verdict:
        bound = Interval(float("-inf"), figure.value.hi)
        tally = held(self, ctx, [part, *figure.inputs], bound, part.value)
        if tally is not None:
            return tally  # holds, counted: no texts
        label = part.key.label()
        return judge(
            self,
            ctx,
            items=[part, *figure.inputs],
            computed=bound,
            stated=part.value,
            expression=lambda: (
                f"{period_label(part)} {part.value.format(scale)} ≤ {span_label(*whole)} "
                f"{figure.expression} = {figure.value.format(scale, 2)}"
            ),
            ok=lambda: (
                f"{period_label(part)} stays within the implied {span_label(*whole)} ({label})."
            ),
            fail=lambda: (
                f"The {label} for {period_label(part)} ({show(part.value, scale)} {unit}) "
                f"exceeds the {show(figure.value, scale, 2)} {unit} the article implies for "
                f"the whole of {span_label(*whole)} ({figure.expression})."
            ),
            scale=scale,
            unit=unit,
        )

    def _verdicts(
        self, ctx: Context, item: Item, figures: list[Figure], scale: float, unit: str
    ) -> Iterator[Verdict]:
        """The verdict of each candidate figure, judged as read (lazily, for :func:`best_of`)."""
        for figure in figures:
            yield self._verdict(ctx, item, figure, scale, unit)

    def _verdict(
        self, ctx: Context, item: Item, figure: Figure, scale: float, unit: str
    ) -> Verdict:
        computed, stated = figure.value, item.value
        if not (figure.signed and item.signed):
            computed, stated = computed.abs(), stated.abs()
        tally = held(self, ctx, [item, *figure.inputs], computed, stated, same_scope=True)
        if tally is not None:
            return tally  # holds, counted: no texts
        what = f"{item.key.label()} in {period_label(item)}"
        # revisions of the inputs move a derived figure in proportion to their sizes,
        # not to its own (a balance is a small difference of large flows)
        tolerance = ctx.tolerance(self).relative * max(figure.magnitude, abs(stated.mid))
        return judge(
            self,
            ctx,
            items=[item, *figure.inputs],
            computed=computed,
            stated=stated,
            tolerance=tolerance,
            expression=lambda: (
                f"{figure.expression} = {computed.format(scale, 2)} vs stated "
                f"{stated.format(scale)}"
            ),
            ok=lambda: f"The {what} agrees with the figure the article implies.",
            fail=lambda: (
                f"The article implies {show(computed, scale, 2)} {unit} for the {what} "
                f"({figure.expression}), not the stated {show(stated, scale)} {unit}."
            ),
            scale=scale,
            unit=unit,
            same_scope=True,
        )


def _reaching(growths: list[Growth], spans: set[Span]) -> list[Growth]:
    """The growth rates that can move a figure to where :meth:`DerivedFigures._compare`
    looks, given the periods ``spans`` of the stated levels (the others cost most of
    the derivation on most articles: "up 5% year on year" gives the previous year's
    figure, which the article neither states nor covers).

    A growth rate moves a figure of its period to the compared period and back
    (stage 2 of :func:`derive`); the source must be a stated or stage-1 figure, so
    its period must be in ``spans``. A moved figure is compared, or feeds stage 3
    (whose targets are stated figures of periods in ``spans``), only if its period
    is in ``spans`` or contains one of them (``_within``). Dropping the other rates
    removes only figures that no comparison reads: the figures and their order are
    otherwise those :func:`derive` gives with every rate.
    """
    return [g for g in growths if _reaches(g.span, g.prior, spans)]


def _reaches(span: Span, prior: Span, spans: set[Span]) -> bool:
    """Whether a growth rate of ``span`` over ``prior`` reaches (see :func:`_reaching`)."""
    return (span in spans and _covers(prior, spans)) or (prior in spans and _covers(span, spans))


def _covers(target: Span, spans: set[Span]) -> bool:
    """Whether ``target`` is one of ``spans`` or contains one of them."""
    start, end = target
    return any(start <= s and e <= end for s, e in spans)


def _closed(stated: list[tuple[Item, Span]]) -> bool:
    """Whether every period of the figures :func:`derive` starts from (the bounded stated
    figures of a role) states all four roles' figures.

    Without growth rates, ``derive(..., new_relations=True)`` then gives no figure: its
    only stage is the third, whose targets are the stated figures of those periods,
    and in a period stating all four every formula takes two stated figures while the
    fourth is stated too (skipped whole, see ``_identity``).
    """
    # fewer such figures than roles (most): some period lacks a role, unless there is none
    # (no dictionary of sets of boxed periods built to find that out)
    count = 0
    for item, _ in stated:
        if item.value.bounded and role_of(item.key) is not None:
            count += 1
    if count == 0:
        return True
    if count < len(ROLES):
        return False
    roles: dict[Span, set[str]] = {}
    for item, span in stated:
        role = role_of(item.key)
        if role is not None and item.value.bounded:
            roles.setdefault(span, set()).add(role)
    return all(len(r) == len(ROLES) for r in roles.values())


def _open_identity(stated: list[tuple[Item, Span]]) -> bool:
    """Whether some period has the turnover, the balance and one flow but not the other:
    the one relation between stated figures of one period that CC101 and CC102 miss."""
    if len(stated) < 3:  # (no period can hold three roles)
        return False
    roles: dict[Span, set[str]] = {}
    for item, span in stated:
        role = role_of(item.key)
        if role is not None:
            roles.setdefault(span, set()).add(role)
    return any(len(r) == 3 and {"T", "B"} <= r for r in roles.values())


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
