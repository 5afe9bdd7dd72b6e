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
from collections.abc import Sequence
from typing import TextIO

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document
from claimcheck.serialize import number

__all__ = ["CSV_COLUMNS", "CsvWriter", "claim_row"]

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


def _cell(value: float | None) -> str:
    safe = None if value is None else number(value)
    return "" if safe is None else repr(safe)


def claim_row(document: Document, claim: Claim) -> list[str]:
    """The CSV cells of one claim, in :data:`CSV_COLUMNS` order."""
    period = claim.period
    return [
        document.id,
        claim.id,
        str(claim.span.start),
        str(claim.span.end),
        claim.text,
        _cell(claim.value),
        claim.unit,
        claim.quantity.noun or "",
        _cell(claim.interval[0]),
        _cell(claim.interval[1]),
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


class CsvWriter:
    """Writes the header at once and a row per claim as documents arrive."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(CSV_COLUMNS)

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Write the rows of one document."""
        for claim in claims:
            self._writer.writerow(claim_row(document, claim))
        if not claims:
            self._writer.writerow(_row(document_id=document.id, status="extracted"))
        self._stream.flush()

    def failure(self, failure: LoadFailure) -> None:
        """Write the row of an input that was skipped or failed."""
        self._writer.writerow(
            _row(document_id=failure.path, status=failure.status, reason=failure.message)
        )
        self._stream.flush()

    def close(self) -> None:
        """Nothing left to write."""
