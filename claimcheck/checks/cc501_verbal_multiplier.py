"""CC501 verbal-multiplier: "doubled", "almost doubled", "halved" against the numbers."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Final

from claimcheck.checks._common import (
    find_words,
    key_of,
    period_label,
    period_of,
    prior_period,
)
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, show, tally_of
from claimcheck.engine.index import Item
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Arithmetic, Finding, Severity, Verdict, Verified

_HEDGE_WINDOW: Final = 20
"""How many characters before a multiplier word a hedge ("almost") may start."""


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class VerbalMultiplier(Rule):
    """A verbal multiplier must match the figures it describes.

    "Doubled", "tripled", "halved" and the other ``[multipliers]`` of the
    packs state a ratio between two figures of the same sentence (or a figure
    and the one a year earlier). A hedge before the word narrows or shifts the
    band: "almost doubled" means a little under 2 (down to ``verbal_hedged``
    below), "more than doubled" above 2; a plain "doubled" allows
    ``verbal_relative`` either way. A ratio outside the band is a warning; a
    ratio not even halfway from 1 to the multiplier is an error.

    The two figures are the earlier and the later one of the sentence, or
    the "from" and the "to" figure when the sentence gives both for one
    period ("this year the share almost doubled, from 13% to 22%").

    Fails: "phone shipments almost doubled, from $4.9 bln in 2022 to $5.9 bln"
    (×1.20, error); "this year the share almost doubled, from 13% to 22%"
    (×1.69, warning).

    Passes: "exports doubled from $2.1 bln to $4.3 bln" (×2.05).
    """

    code = "CC501"
    name = "verbal-multiplier"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Verdict]:
        multipliers = dict(ctx.config.multipliers)
        if not multipliers:
            return
        words_of = tuple(multipliers)  # (one tuple for every sentence's look-up)
        # a sentence without a dated level or share gives no figures (_figures: None), so
        # no verdict whatever its words: not searched (unless a plug-in refines the rule)
        own = type(self) is VerbalMultiplier
        for (document_id, start, end), items in ctx.index.sentences():
            if own and not _dated(items):
                continue
            document = ctx.documents.get(document_id)
            if document is None:
                continue
            sentence = document.text[start:end]
            words = find_words(sentence, words_of)
            if words and not ctx.concerns(items[:1]):
                # a context document's sentence: reported only if its comparison cites a
                # claim of a checked document (a year-earlier figure from the index)
                figures = self._figures(ctx, items)
                if figures is None or not ctx.concerns(figures):
                    continue
            for w_start, _, word in words:
                hedge = self._hedge(ctx, sentence[max(0, w_start - _HEDGE_WINDOW) : w_start])
                pair = self._figures(ctx, items)
                if pair is None:
                    continue
                yield self._verdict(ctx, word, multipliers[word], hedge, *pair)

    @staticmethod
    def _hedge(ctx: Context, before: str) -> tuple[str, str] | None:
        for name in ("hedge_below", "hedge_above", "hedge_about"):
            found = find_words(before, ctx.config.word_list(name))
            if found and before[found[-1][1] :].strip() == "":
                return name, before[found[-1][0] : found[-1][1]]
        return None

    @staticmethod
    def _figures(ctx: Context, items: list[Item]) -> tuple[Item, Item] | None:
        """(earlier, later) figures of one key in the sentence, else one figure and its
        year-earlier counterpart from the index."""
        levels = [i for i in items if i.kind in ("level", "share") and period_of(i) is not None]
        by_key: dict[tuple[object, ...], list[Item]] = {}
        for item in levels:
            by_key.setdefault((item.kind, item.key), []).append(item)
        for group in by_key.values():
            spans = sorted(group, key=lambda i: (i.end, i.order))
            if len(spans) >= 2 and spans[0].end != spans[-1].end:
                return spans[0], spans[-1]
            moved = _from_to(group)
            if moved is not None:
                return moved
        for item in levels:
            span = period_of(item)
            assert span is not None
            prior = prior_period(*span, "yoy")
            if prior is None:
                continue
            earlier = ctx.index.get(item.kind, item.key, key_of(*prior))
            same_doc = [e for e in earlier if e.document == item.document]
            if same_doc or earlier:
                return (same_doc or list(earlier))[0], item
        return None

    def _verdict(  # noqa: PLR0917 (one verdict needs the word, factor, hedge and both figures)
        self,
        ctx: Context,
        word: str,
        factor: float,
        hedged: tuple[str, str] | None,
        earlier: Item,
        later: Item,
    ) -> Verdict:
        tol = ctx.tolerance(self)
        if earlier.value.contains_zero():
            return ctx.not_checked(self, "the earlier figure may be zero", [earlier, later])
        ratio = later.value / earlier.value
        hedge = None if hedged is None else hedged[0]
        if hedge == "hedge_below":
            band = Interval(factor * (1 - tol.verbal_hedged), factor)
        elif hedge == "hedge_above":
            band = Interval(factor, math.inf)
        elif hedge == "hedge_about":
            band = Interval(factor * (1 - tol.verbal_hedged), factor * (1 + tol.verbal_hedged))
        else:
            band = Interval(factor * (1 - tol.verbal_relative), factor * (1 + tol.verbal_relative))
        if ctx.tally and ratio.gap(band) == 0:
            return tally_of(self, ctx, [earlier, later])  # holds, counted: no texts
        refs = ctx.refs([earlier, later])
        phrase = word if hedged is None else f"{hedged[1]} {word}"
        arithmetic = Arithmetic(
            expression=(
                f"{show(later.value, later.scale)} / {show(earlier.value, earlier.scale)} = "
                f"×{show(ratio, digits=2)} vs “{phrase}” ×{band.format(digits=2)}"
            ),
            computed=ratio.pair(),
            stated=band.pair(),
            gap=ratio.gap(band),
            unit="ratio",
        )
        spans = (period_label(earlier), period_label(later))
        label = f"{later.key.label()}, " + (
            spans[1] if spans[0] == spans[1] else f"{spans[0]} to {spans[1]}"
        )
        if arithmetic.gap == 0:
            return Verified(
                self.code,
                self.name,
                f"“{phrase}” matches ×{show(ratio, digits=2)} ({label}).",
                refs,
                arithmetic,
            )
        halfway = 1 + (factor - 1) / 2
        wrong_way = ratio.hi < halfway if factor > 1 else ratio.lo > halfway
        severity: Severity = "error" if wrong_way else ctx.severity(self)
        return Finding(
            self.code,
            self.name,
            severity,
            f"“{phrase}” describes a change by a factor of {show(ratio, digits=2)} ({label}).",
            refs,
            arithmetic,
        )


def _from_to(group: list[Item]) -> tuple[Item, Item] | None:
    """The "from" and "to" figures of one period in a sentence ("almost doubled from 13% to
    22%" this year: both figures carry the same period, the words give the order)."""
    first = next((i for i in group if i.claim.quantity.transition == "from"), None)
    last = next((i for i in group if i.claim.quantity.transition == "to"), None)
    if first is None or last is None or first.end != last.end:
        return None
    return first, last


def _dated(items: list[Item]) -> bool:
    """Whether ``items`` hold a level or share of a resolved period: the figures
    :meth:`VerbalMultiplier._figures` starts from (without one it gives ``None``)."""
    # (mypyc compiles any() of a generator expression into a loop)
    return any(i.kind in ("level", "share") and period_of(i) is not None for i in items)
