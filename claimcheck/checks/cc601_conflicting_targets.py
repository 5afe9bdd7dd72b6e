"""CC601 conflicting-targets: different targets for the same deadline."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from claimcheck.checks._common import period_label
from claimcheck.checks.cc401_conflicting_figures import target_slip
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, held, judge, scale_label_of, show
from claimcheck.engine.index import Item
from claimcheck.engine.registry import Rule
from claimcheck.findings import Verdict


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class ConflictingTargets(Rule):
    """Sources should agree on the target set for one deadline.

    Two targets for the same metric, countries and deadline with values that
    cannot agree (in one article or across articles) mean that one source has
    the goal wrong, or that the goal was changed without the article saying
    so. A warning: both may be real (an old and a new goal), even in one
    article ("the goal was raised from $200 bln to $250 bln"). Targets a
    power of 1000 apart are a misprint, reported by CC401 as a scale slip.

    A target without a deadline is taken as the goal current when its
    article was published: two such targets in articles with known
    publication dates are compared (both deadlines absent counts as the same
    deadline); an undated target is never compared with a dated one, nor
    with another undated one of the same article. Otherwise it is counted as
    not checked.

    Fails: "the $250 bln goal set for 2024" in one article and "the goal of
    $200 bln set for 2024" in another.

    Fails (warning): "the goal of $200 bln in bilateral trade" in an article
    published in November 2023 and "a new goal of $250 bln" in one published
    in February 2022.

    Passes: "$10 bln by 2030" in two articles.
    """

    code = "CC601"
    name = "conflicting-targets"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        for _, by_period in ctx.index.groups("target"):
            for period, items in by_period.items():
                if period is None:
                    yield from self._undated(ctx, items)
                    continue
                if period[0] != "by":
                    for item in items:
                        yield ctx.not_checked(self, "the target's deadline is not known", [item])
                    continue
                firsts = _first_per_document(items)
                pairs = list(itertools.pairwise(sorted(firsts, key=lambda i: i.value.mid)))
                for members in _by_document(items).values():
                    pairs += itertools.islice(itertools.combinations(members, 2), 8)
                seen: set[tuple[str, str]] = set()
                for a, b in pairs:
                    ident = tuple(sorted((a.id, b.id)))
                    if ident in seen or a.id == b.id:
                        continue
                    seen.add((ident[0], ident[1]))
                    if not ctx.concerns((a, b)) or target_slip(ctx, a, b):
                        continue  # a misprint ("mln" for "bln") is reported by CC401
                    yield self._verdict(ctx, a, b)

    def _undated(self, ctx: Context, items: list[Item]) -> Iterator[Verdict]:
        """Targets without a deadline: the goal current when each article was published.
        Compared across articles whose publication dates are known (never within one
        article, where two undated goals are usually an old and a new one)."""
        dated = [i for i in _first_per_document(items) if self._published(ctx, i) is not None]
        compared: set[str] = set()
        if len(dated) >= 2:
            ordered = sorted(dated, key=lambda i: (i.value.mid, i.document))
            for a, b in itertools.pairwise(ordered):
                if target_slip(ctx, a, b):
                    continue
                compared.update((a.id, b.id))
                if ctx.concerns((a, b)):
                    yield self._verdict(ctx, a, b, undated=True)
        for item in items:
            if item.id not in compared:
                yield ctx.not_checked(self, "the target's deadline is not known", [item])

    @staticmethod
    def _published(ctx: Context, item: Item) -> str | None:
        document = ctx.documents.get(item.document)
        if document is None or document.published is None:
            return None
        return document.published.isoformat()

    def _verdict(self, ctx: Context, a: Item, b: Item, *, undated: bool = False) -> Verdict:
        tally = held(self, ctx, [a, b], a.value, b.value)
        if tally is not None:
            return tally  # holds, counted: no texts
        scale, unit = scale_label_of(a)
        return judge(
            self,
            ctx,
            items=[a, b],
            computed=a.value,
            stated=b.value,
            expression=lambda: f"target {a.value.format(scale)} vs target {b.value.format(scale)}",
            ok=lambda: _texts(self, ctx, a, b, scale, unit, undated)[0],
            fail=lambda: _texts(self, ctx, a, b, scale, unit, undated)[1],
            percent=a.key.unit in ("percent", "percentage_point"),
            scale=scale,
            unit=unit,
        )


def _texts(  # noqa: PLR0917  (the verdict's values, in the order it has them)
    rule: ConflictingTargets, ctx: Context, a: Item, b: Item, scale: float, unit: str, undated: bool
) -> tuple[str, str]:
    """The messages of a verdict on two targets, if it holds and if it fails: built only
    for a result that shows one (most hold, and a counting run shows none of those)."""
    where = "in one article" if a.document == b.document else "in two articles"
    if undated:
        label = a.key.label()
        when = f"published {rule._published(ctx, a)} and {rule._published(ctx, b)}"
        ok = f"The targets for the {label} agree in two articles (no deadline stated; {when})."
        fail = (
            f"Two articles ({when}) give different targets for the {label}, "
            f"{show(a.value, scale)} and {show(b.value, scale)} {unit}, neither with a "
            "deadline: the goal was changed, or one of them is wrong."
        )
        return ok, fail
    label = f"{a.key.label()} {period_label(a)}"
    fail = (
        f"The target for the {label} is given as {show(a.value, scale)} and "
        f"{show(b.value, scale)} {unit} {where}."
    )
    ok = f"The targets for the {label} agree {where}."
    return ok, fail


def _by_document(items: list[Item]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for item in items:
        out.setdefault(item.document, []).append(item)
    return out


def _first_per_document(items: list[Item]) -> list[Item]:
    return [members[0] for members in _by_document(items).values()]
