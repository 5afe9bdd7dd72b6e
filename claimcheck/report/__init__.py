"""Output writers.

``claimcheck extract`` writes through an :class:`ExtractWriter`, chosen by
:func:`extract_writer`: ``table`` (rich, for people), ``json`` (one object,
see :mod:`claimcheck.serialize`), ``jsonl`` (one object per document or
error, streamed) and ``csv`` (one row per claim, streamed). Writers import
their heavy dependencies (rich) only when created.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TextIO

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document

__all__ = ["EXTRACT_FORMATS", "ExtractWriter", "extract_writer"]

EXTRACT_FORMATS = ("table", "json", "jsonl", "csv")


class ExtractWriter(Protocol):
    """Receives documents and failures in input order, then ``close()``."""

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Write (or collect) one document and its claims."""

    def failure(self, failure: LoadFailure) -> None:
        """Record an input that failed to load or extract."""

    def close(self) -> None:
        """Finish the output (the stream itself stays open)."""


def extract_writer(fmt: str, stream: TextIO, *, color: bool = False) -> ExtractWriter:
    """Return the writer for ``fmt`` (one of :data:`EXTRACT_FORMATS`)."""
    if fmt == "json":
        from claimcheck.report.extract_json import JsonWriter

        return JsonWriter(stream)
    if fmt == "jsonl":
        from claimcheck.report.extract_json import JsonlWriter

        return JsonlWriter(stream)
    if fmt == "csv":
        from claimcheck.report.extract_csv import CsvWriter

        return CsvWriter(stream)
    if fmt == "table":
        from claimcheck.report.extract_table import TableWriter

        return TableWriter(stream, color=color)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(EXTRACT_FORMATS)}")
