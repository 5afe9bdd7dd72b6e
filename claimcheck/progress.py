"""Progress of long ``claimcheck check`` runs: a rich progress bar on stderr.

:func:`progress_for` returns a :class:`Progress`: a silent one unless the
stream (stderr) is a terminal, ``--quiet`` was not given, ``TERM`` is not
``dumb`` and there are at least :data:`MIN_DOCUMENTS` documents; otherwise a
:class:`BarProgress` that shows, once the run has taken longer than
:data:`DELAY` seconds (short runs never flicker), the documents extracted out
of the total, the claims found, the findings so far and the rate in
documents per second, then a "checking" line while the rules run. The bar is
removed when the run ends and never touches stdout. rich is imported only
when a bar is shown.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

__all__ = ["DELAY", "MIN_DOCUMENTS", "BarProgress", "Progress", "progress_for"]

MIN_DOCUMENTS = 2
"""Fewer documents than this never show a bar."""

DELAY = 0.5
"""Seconds a run must take before the bar appears."""


class Progress:
    """The silent progress: every method does nothing. Subclassed by :class:`BarProgress`."""

    def document_done(self, claims: int) -> None:
        """One more document was extracted, with ``claims`` claims."""

    def checking(self, rules: int) -> None:
        """Extraction is over; ``rules`` rules now run over the claims."""

    def finished(self, findings: int) -> None:
        """The rules ran and gave ``findings`` findings; remove the bar."""

    def close(self) -> None:
        """Remove the bar (safe to call more than once)."""


def progress_for(stream: TextIO, documents: int, *, quiet: bool = False) -> Progress:
    """A bar on ``stream`` if it is a terminal and the run is worth one, else silence."""
    isatty = getattr(stream, "isatty", None)
    terminal = bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
    if quiet or not terminal or documents < MIN_DOCUMENTS:
        return Progress()
    return BarProgress(stream, documents)


class BarProgress(Progress):
    """A rich bar: documents done/total, claims, findings so far, documents per second."""

    def __init__(self, stream: TextIO, total: int, *, delay: float | None = None) -> None:
        self._stream = stream
        self._total = total
        self._delay = DELAY if delay is None else delay
        self._start = time.monotonic()
        self._done = 0
        self._claims = 0
        self._findings = 0
        self._bar: RichProgress | None = None
        self._task: TaskID | None = None
        self._closed = False
        self._shown = False

    def _fields(self) -> dict[str, Any]:
        elapsed = max(time.monotonic() - self._start, 1e-9)
        return {
            "claims": self._claims,
            "findings": self._findings,
            "rate": f"{self._done / elapsed:.1f}",
        }

    def _show(self, description: str) -> None:
        """Start the bar once the delay has passed, then update it."""
        if self._closed:
            return
        if self._bar is None:
            if time.monotonic() - self._start < self._delay:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            console = Console(file=self._stream, stderr=True)
            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("documents · {task.fields[claims]} claims"),
                TextColumn("· {task.fields[findings]} findings"),
                TextColumn("· {task.fields[rate]} docs/s"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self._task = self._bar.add_task(description, total=self._total, **self._fields())
        if self._task is None:
            return
        self._bar.update(
            self._task, description=description, completed=self._done, **self._fields()
        )
        if not self._shown:
            self._bar.start()
            self._shown = True

    def document_done(self, claims: int) -> None:
        """Count one document."""
        self._done += 1
        self._claims += claims
        self._show("extracting")

    def checking(self, rules: int) -> None:
        """Show that the rules run."""
        self._show(f"checking ({rules} rules)")

    def finished(self, findings: int) -> None:
        """Show the final counts, then remove the bar."""
        self._findings = findings
        self._show("done")
        self.close()

    @property
    def shown(self) -> bool:
        """Whether the bar has appeared."""
        return self._shown

    def close(self) -> None:
        """Stop the bar."""
        self._closed = True
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
