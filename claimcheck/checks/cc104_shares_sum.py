"""CC104 shares-over-100: shares of one whole adding up past 100%."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.checks._common import period_label
from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.engine.context import Context, judge, show
from claimcheck.engine.index import FLOW, Item
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.findings import Result


@mypyc_attr(allow_interpreted_subclasses=True)  # a plug-in may refine it
class SharesSum(Rule):
    """Shares of one whole stated in one article cannot add up to more than 100%.

    The shares of different suppliers in one country's imports (or of
    different buyers in its exports) in one period are parts of one whole.
    The check adds the lower ends of their rounding intervals.

    Fails: "Russia supplied 41% of India's crude imports in the first half,
    Iraq 23%, Saudi Arabia 16% and the UAE 25%" (105%).

    Passes: "Russia supplied 41% of India's crude imports, Iraq 23% and Saudi
    Arabia 16%" (80%).
    """

    code = "CC104"
    name = "shares-over-100"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Result]:
        groups: dict[tuple[str, str, str, tuple[str, ...]], dict[str, Item]] = {}
        for item in ctx.index.of_kind("share"):
            key = item.key
            if key.measure != FLOW or key.flow is None or key.unit != "percent":
                continue
            if item.period is None:
                continue
            source, dest = key.flow
            # shares of one importer's imports by supplier, of one exporter's exports by buyer
            for side, whole, other in (("into", dest, source), ("from", source, dest)):
                group = groups.setdefault((item.document, side, whole, item.period), {})
                group.setdefault(other, item)
        for (_, side, whole, _), members in groups.items():
            if len(members) < 2 or not ctx.concerns(members.values()):
                continue
            items = list(members.values())
            total = Interval(0.0, 0.0)
            for item in items:
                total = total + item.value
            verb = "imports" if side == "into" else "exports"
            yield judge(
                self,
                ctx,
                items=items,
                computed=Interval(0.0, 100.0),
                stated=total,
                expression=" + ".join(show(i.value) for i in items)
                + f" = {total.format()}% of one whole",
                ok=f"Shares of {whole}'s {verb} in {period_label(items[0])} stay within 100%.",
                fail=(
                    f"Shares of {whole}'s {verb} in {period_label(items[0])} add up to "
                    f"{show(total)}%, more than the whole."
                ),
                percent=True,
                unit="percent",
            )
