"""JSON and JSONL output of ``claimcheck extract`` (see :mod:`claimcheck.serialize`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document
from claimcheck.serialize import (
    SCHEMA_VERSION,
    document_to_dict,
    dumps,
    extract_summary,
    failure_to_dict,
)

__all__ = ["JsonWriter", "JsonlWriter"]


class JsonWriter:
    """Collects everything and writes one indented JSON object on close."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._documents: list[dict[str, Any]] = []
        self._errors: list[dict[str, Any]] = []

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Collect one document."""
        self._documents.append(document_to_dict(document, claims))

    def failure(self, failure: LoadFailure) -> None:
        """Collect one failure."""
        self._errors.append(failure_to_dict(failure))

    def close(self) -> None:
        """Write the object and a final newline."""
        obj = {
            "schema": SCHEMA_VERSION,
            "documents": self._documents,
            "errors": self._errors,
            "summary": extract_summary(len(self._documents), self._errors),
        }
        self._stream.write(dumps(obj) + "\n")
        self._stream.flush()


class JsonlWriter:
    """Writes one compact JSON object per line as results arrive.

    Each line is ``{"schema": 1, "type": "document", <DOCUMENT fields>}`` or
    ``{"schema": 1, "type": "error", <ERROR fields>}`` (a skipped or failed
    input, see ``status``); the last line is always ``{"schema": 1, "type":
    "summary", "documents": n, "skipped": n, "failed": n}``, so a consumer
    knows the output is complete.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._documents = 0
        self._errors: list[dict[str, Any]] = []

    def _line(self, kind: str, fields: dict[str, Any]) -> None:
        self._stream.write(dumps({"schema": SCHEMA_VERSION, "type": kind, **fields}, indent=None))
        self._stream.write("\n")
        self._stream.flush()

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Write one document line."""
        self._documents += 1
        self._line("document", document_to_dict(document, claims))

    def failure(self, failure: LoadFailure) -> None:
        """Write one error line."""
        fields = failure_to_dict(failure)
        self._errors.append(fields)
        self._line("error", fields)

    def close(self) -> None:
        """Write the summary line."""
        self._line("summary", extract_summary(self._documents, self._errors))
