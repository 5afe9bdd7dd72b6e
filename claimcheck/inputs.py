"""Every input accounted for: checked, skipped or failed, and why.

``claimcheck check`` ends each input — a file, one object of a JSON list, one
line of a JSONL file, stdin — in exactly one :class:`InputStatus`:

``checked``
    loaded and extracted; its claims took part in the checks (``role`` says
    whether it was checked itself or only compared with, ``--against``);
``skipped``
    not a document claimcheck reads, with the reason: binary (PDF, images,
    archives), empty, not valid UTF-8, above the size limit, a file of
    another type found in a directory. Exit status 0 unless ``--strict``;
``failed``
    meant to be a document but broken (missing path, malformed front matter,
    JSON or JSONL line, duplicate id) or its extraction failed, with the
    reason. Exit status 2.

Every report format lists the skipped and failed inputs and counts all three
(:func:`input_counts`); nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

from claimcheck.documents import LoadFailure
from claimcheck.model import Document

__all__ = ["STATUSES", "InputStatus", "Role", "Status", "input_counts", "not_checked_inputs"]

Status = Literal["checked", "skipped", "failed"]
Role = Literal["checked", "against"]
STATUSES: tuple[Status, ...] = ("checked", "skipped", "failed")


@attrs.frozen(slots=True)
class InputStatus:
    """How one input ended.

    ``path`` names the input as given (``file[i]`` for an object of a JSON
    list, ``-`` for stdin), ``line`` the line of a JSONL record or of the
    problem; ``document`` is the document id when it was loaded; ``reason``
    is empty for a checked input.
    """

    path: str
    status: Status
    reason: str = ""
    line: int | None = None
    document: str | None = None
    role: Role = "checked"

    @classmethod
    def of_document(cls, document: Document, role: Role = "checked") -> InputStatus:
        """A document that was checked (or compared with, for ``role="against"``)."""
        return cls(
            path=document.path or document.id, status="checked", document=document.id, role=role
        )

    @classmethod
    def of_failure(cls, failure: LoadFailure, role: Role = "checked") -> InputStatus:
        """An input that was skipped or failed to load."""
        status: Status = "skipped" if failure.skipped else "failed"
        return cls(
            path=failure.path, status=status, reason=failure.reason, line=failure.line, role=role
        )

    @property
    def where(self) -> str:
        """``path`` or ``path:line``."""
        return self.path if self.line is None else f"{self.path}:{self.line}"

    @property
    def message(self) -> str:
        """``path:line: skipped: reason`` (one line)."""
        return (
            f"{self.where}: {self.status}: {self.reason}"
            if self.reason
            else f"{self.where}: {self.status}"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form (keys always in this order)."""
        return {
            "path": self.path,
            "line": self.line,
            "document": self.document,
            "role": self.role,
            "status": self.status,
            "reason": self.reason or None,
        }


def input_counts(inputs: Iterable[InputStatus]) -> dict[str, int]:
    """``{"checked": n, "skipped": n, "failed": n}``."""
    counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for item in inputs:
        counts[item.status] += 1
    return counts


def not_checked_inputs(inputs: Iterable[InputStatus]) -> list[InputStatus]:
    """The skipped and failed inputs, in input order."""
    return [item for item in inputs if item.status != "checked"]
