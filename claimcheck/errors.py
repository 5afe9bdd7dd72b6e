"""Exceptions raised by claimcheck.

Every error meant for a user carries a one-line message; the CLI prints it
as ``claimcheck: error: <message>`` and exits with status 2 (bad input).
"""

from __future__ import annotations

__all__ = ["ClaimcheckError", "DocumentError", "UsageError"]


class ClaimcheckError(Exception):
    """Base class of all errors claimcheck raises on purpose."""


class UsageError(ClaimcheckError):
    """A command-line option or argument is invalid."""


class DocumentError(ClaimcheckError):
    """An input document cannot be loaded.

    ``path`` names the input ("-" for stdin), ``line`` the 1-based line the
    problem is on when known, ``reason`` what is wrong in one line.
    ``skipped`` marks an input that is not a document claimcheck reads
    (binary, empty, not UTF-8, too large) rather than a broken one.
    """

    def __init__(
        self, path: str, reason: str, line: int | None = None, *, skipped: bool = False
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.skipped = skipped
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """``path:line: reason`` (or ``path: reason`` without a line)."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"
