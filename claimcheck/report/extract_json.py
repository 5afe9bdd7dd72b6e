"""JSON and JSONL output of ``claimcheck extract`` (see :mod:`claimcheck.serialize`).

Both writers take each document's text from :mod:`claimcheck.report.extract_render`
(made in a worker process under ``--jobs N``, see :class:`Prerendering`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document
from claimcheck.report.extract_flush import Flusher
from claimcheck.report.extract_render import Render, document_block, document_line
from claimcheck.serialize import (
    SCHEMA_VERSION,
    dumps,
    extract_summary,
    failure_to_dict,
)

__all__ = ["JsonWriter", "JsonlWriter", "jsonl_document"]


def jsonl_document(document: Document, claims: Sequence[Claim]) -> str:
    """The ``jsonl`` line of a document, with its newline."""
    return document_line(document, claims) + "\n"


class JsonWriter:
    """Collects everything and writes one indented JSON object on close.

    The object is ``dumps(extract_to_dict(...))``; each document is kept as
    its text (:func:`~claimcheck.report.extract_render.document_block`).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._documents: list[str] = []
        self._errors: list[dict[str, Any]] = []

    @property
    def render(self) -> Render:
        """A document's text inside the ``documents`` list."""
        return document_block

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Collect one document."""
        self.rendered(document, document_block(document, claims))

    def rendered(self, document: Document, text: str) -> None:
        """Collect one document's text made by :attr:`render`."""
        self._documents.append(text)

    def failure(self, failure: LoadFailure) -> None:
        """Collect one failure."""
        self._errors.append(failure_to_dict(failure))

    def close(self) -> None:
        """Write the object and a final newline."""
        documents = (
            "[\n    " + ",\n    ".join(self._documents) + "\n  ]" if self._documents else "[]"
        )
        summary = extract_summary(len(self._documents), self._errors)
        self._stream.write(
            f'{{\n  "schema": {SCHEMA_VERSION},\n  "documents": {documents},\n'
            f'  "errors": {dumps(self._errors, depth=1)},\n'
            f'  "summary": {dumps(summary, depth=1)}\n}}\n'
        )
        self._stream.flush()


class JsonlWriter:
    """Writes one compact JSON object per line as results arrive.

    Each line is ``{"schema": 1, "type": "document", <DOCUMENT fields>}`` or
    ``{"schema": 1, "type": "error", <ERROR fields>}`` (a skipped or failed
    input, see ``status``); the last line is always ``{"schema": 1, "type":
    "summary", "documents": n, "skipped": n, "failed": n}``, so a consumer
    knows the output is complete. The stream is flushed as
    :class:`~claimcheck.report.extract_flush.Flusher` says (after each line on
    a terminal or a pipe).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._flush = Flusher(stream)
        self._documents = 0
        self._errors: list[dict[str, Any]] = []

    def _line(self, kind: str, fields: dict[str, Any]) -> None:
        line = dumps({"schema": SCHEMA_VERSION, "type": kind, **fields}, indent=None)
        self._stream.write(line + "\n")

    @property
    def render(self) -> Render:
        """A document's line."""
        return jsonl_document

    def document(self, document: Document, claims: Sequence[Claim]) -> None:
        """Write one document line."""
        self.rendered(document, jsonl_document(document, claims))

    def rendered(self, document: Document, text: str) -> None:
        """Write one document line made by :attr:`render`."""
        self._documents += 1
        self._stream.write(text)
        self._flush()

    def failure(self, failure: LoadFailure) -> None:
        """Write one error line."""
        fields = failure_to_dict(failure)
        self._errors.append(fields)
        self._line("error", fields)
        self._flush()

    def close(self) -> None:
        """Write the summary line."""
        self._line("summary", extract_summary(self._documents, self._errors))
        self._stream.flush()
