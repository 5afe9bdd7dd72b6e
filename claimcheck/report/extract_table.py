"""Human-readable tables of extracted claims (rich).

One table per document: the claim's surface text, its value in base units
with the unit, kind, metric, flow or entities, period and qualifier.
Colour only when asked for (the CLI asks when stdout is a terminal and
``NO_COLOR`` is unset); otherwise plain text.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document

__all__ = ["TableWriter", "format_period", "format_value"]

_SCALES = ((1e12, "trn"), (1e9, "bn"), (1e6, "mln"), (1e3, "thousand"))
_UNIT_LABELS = {"percent": "%", "percentage_point": "pp"}


def _compact(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    magnitude = abs(value)
    for factor, word in _SCALES:
        if magnitude >= factor:
            return f"{value / factor:.6g} {word}"
    return f"{value:.6g}"


def format_value(claim: Claim) -> str:
    """``240.11 bn USD``, ``26.3 %``, ``+1.6 %`` (changes), ``5 mln doses``."""
    unit = claim.unit
    if unit == "count":
        unit = claim.quantity.noun or ""
    label = _UNIT_LABELS.get(unit, unit)
    text = _compact(claim.value)
    if claim.kind == "change" and claim.value > 0:
        text = "+" + text
    return f"{text} {label}".strip() if label != "%" else f"{text}%"


def _month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def _compact_range(start: dt.date, end: dt.date) -> str:
    """``2023`` for a whole year, ``2024-01..2024-09`` for whole months."""
    if start.day == 1 and _month_end(end):
        if start.month == 1 and end.month == 12 and start.year == end.year:
            return str(start.year)
        if (start.year, start.month) == (end.year, end.month):
            return start.strftime("%Y-%m")
        return f"{start:%Y-%m}..{end:%Y-%m}"
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()}..{end.isoformat()}"


def format_period(claim: Claim) -> str:
    """``2023``, ``2024-01..2024-09``, ``by 2024`` or ``? (text)`` when unresolved."""
    period = claim.period
    if period is None:
        return ""
    if period.kind == "deadline" and period.end is not None:
        end = period.end
        return f"by {end.year}" if (end.month, end.day) == (12, 31) else f"by {end.isoformat()}"
    if period.start is None or period.end is None:
        known = period.start or period.end
        phrase = period.text if len(period.text) <= 20 else period.text[:19] + "…"
        return f"? ({phrase})" if known is None else f"{known.isoformat()}? ({phrase})"
    return _compact_range(period.start, period.end)


def _who(claim: Claim) -> str:
    if claim.flow is not None:
        return f"{claim.flow.source} → {claim.flow.dest}"
    return ", ".join(claim.entities)


class TableWriter:
    """Prints a table per document as it arrives."""

    def __init__(self, stream: TextIO, *, color: bool = False) -> None:
        width = None if color else int(os.environ.get("COLUMNS", "0") or 0) or 160
        self._stream = stream
        self._color = color
        self._documents = 0
        self._failures = {"skipped": 0, "failed": 0}
        self._console = Console(
            file=stream,
            force_terminal=color,
            no_color=not color,
            color_system="auto" if color else None,
            highlight=False,
            width=width,
            emoji=False,
            markup=False,
        )

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Print one document's table."""
        self._documents += 1
        published = (
            f"published {document.published.isoformat()} ({document.published_from})"
            if document.published
            else "publication date unknown"
        )
        title = f"{document.id} — {len(claims)} claim{'s' if len(claims) != 1 else ''}, {published}"
        with self._console.capture() as capture:
            self._print(title, claims)
        output = capture.get()
        if not self._color:
            output = "".join(line.rstrip() + "\n" for line in output.splitlines())
        self._stream.write(output)
        self._stream.flush()

    def _print(self, title: str, claims: Sequence[Claim]) -> None:
        self._console.print(title, style="bold", soft_wrap=True)
        if not claims:
            self._console.print()
            return
        table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False)
        columns = (
            ("#", "dim", True),
            ("text", "bold", False),
            ("value", "cyan", True),
            ("kind", "", True),
            ("metric", "green", True),
            ("who", "", False),
            ("period", "magenta", False),
            ("qualifier", "yellow", True),
        )
        min_widths = {"text": 10, "who": 12, "period": 16, "qualifier": 9}
        for name, style, no_wrap in columns:
            table.add_column(
                name,
                style=style or None,
                overflow="fold",
                no_wrap=no_wrap,
                min_width=min_widths.get(name),
            )
        for claim in claims:
            table.add_row(
                claim.id.rsplit("#", 1)[-1],
                claim.text,
                format_value(claim),
                claim.kind,
                claim.metric or "-",
                _who(claim),
                format_period(claim),
                claim.qualifier or "",
            )
        self._console.print(table)

    def failure(self, failure: LoadFailure) -> None:
        """Print the input that was skipped or failed, with the reason."""
        self._failures[failure.status] += 1
        line = f"{failure.path} — {failure.status}: {failure.reason}"
        if failure.line is not None:
            line = f"{failure.path}:{failure.line} — {failure.status}: {failure.reason}"
        self._stream.write(line + "\n\n")
        self._stream.flush()

    def close(self) -> None:
        """Print the summary line: documents extracted, inputs skipped and failed."""
        documents = self._documents
        self._stream.write(
            f"{documents} document{'s' if documents != 1 else ''} extracted, "
            f"{self._failures['skipped']} skipped, {self._failures['failed']} failed\n"
        )
        self._stream.flush()
