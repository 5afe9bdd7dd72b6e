"""CSV output of ``claimcheck extract``: one row per claim.

Lists are joined with ``;`` (entities) and ``; `` (``field: reason`` pairs
of ``unresolved``); missing values and infinite bounds are empty cells;
floats are written with ``repr``.

Nothing is left out: a document without claims gets one row with only
``document_id`` and ``status`` filled in, and an input that was skipped or
failed one row with ``document_id`` (its path), ``status`` (``skipped`` or
``failed``) and ``reason`` (``path:line: what is wrong``). Claim rows have
``status`` ``extracted``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TextIO

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document
from claimcheck.report.extract_flush import Flusher
from claimcheck.report.extract_render import Render

__all__ = ["CSV_COLUMNS", "CsvWriter", "cell", "claim_row", "document_rows"]

CSV_COLUMNS = (
    "document_id",
    "claim_id",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "noun",
    "interval_low",
    "interval_high",
    "qualifier",
    "kind",
    "metric",
    "entities",
    "flow_from",
    "flow_to",
    "period_start",
    "period_end",
    "period_text",
    "period_kind",
    "basis",
    "record",
    "unresolved",
    "published",
    "sentence",
    "status",
    "reason",
)


def cell(value: float | None) -> str:
    """The cell of a float: ``repr(number(value))``, empty for ``None``, infinities and NaN."""
    if value is None or value - value != 0.0:  # inf - inf and nan - nan are nan
        return ""
    return repr(value + 0.0)  # as number(): a float, and 0.0 for -0.0


def claim_row(document: Document, claim: Claim) -> list[str]:
    """The CSV cells of one claim, in :data:`CSV_COLUMNS` order."""
    period = claim.period
    return [
        document.id,
        claim.id,
        str(claim.span.start),
        str(claim.span.end),
        claim.text,
        cell(claim.value),
        claim.unit,
        claim.quantity.noun or "",
        cell(claim.interval[0]),
        cell(claim.interval[1]),
        claim.qualifier or "",
        claim.kind,
        claim.metric or "",
        ";".join(claim.entities),
        claim.flow.source if claim.flow else "",
        claim.flow.dest if claim.flow else "",
        period.start.isoformat() if period and period.start else "",
        period.end.isoformat() if period and period.end else "",
        period.text if period else "",
        period.kind if period else "",
        claim.basis or "",
        "true" if claim.record else "false",
        "; ".join(f"{item.field}: {item.reason}" for item in claim.unresolved),
        document.published.isoformat() if document.published else "",
        " ".join(claim.sentence.slice(document.text).split()),
        "extracted",
        "",
    ]


def _row(**cells: str) -> list[str]:
    """A row with only ``cells`` filled in."""
    return [cells.get(column, "") for column in CSV_COLUMNS]


def document_rows(document: Document, claims: Sequence[Claim]) -> str:
    """The CSV text of a document's rows: one per claim, or the row of a document without any."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if claims:
        writer.writerows([claim_row(document, claim) for claim in claims])
    else:
        writer.writerow(_row(document_id=document.id, status="extracted"))
    return buffer.getvalue()


class CsvWriter:
    """Writes the header at once and a row per claim as documents arrive.

    The stream is flushed as :class:`~claimcheck.report.extract_flush.Flusher`
    says (after each document on a terminal or a pipe).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._flush = Flusher(stream)
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(CSV_COLUMNS)

    @property
    def render(self) -> Render:
        """A document's rows."""
        return document_rows

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Write the rows of one document."""
        self.rendered(document, document_rows(document, claims))

    def rendered(self, document: Document, text: str) -> None:
        """Write the rows of one document made by :attr:`render`."""
        self._stream.write(text)
        self._flush()

    def failure(self, failure: LoadFailure) -> None:
        """Write the row of an input that was skipped or failed."""
        self._writer.writerow(
            _row(document_id=failure.path, status=failure.status, reason=failure.message)
        )
        self._flush()

    def close(self) -> None:
        """Flush what is left."""
        self._stream.flush()
