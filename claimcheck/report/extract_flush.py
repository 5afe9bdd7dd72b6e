"""When the streaming writers of ``claimcheck extract`` flush their output.

The ``jsonl`` and ``csv`` formats are written as documents arrive (so is
``table``, which rich flushes itself). On a terminal, a pipe or anything else
that is not a regular file, a reader may be waiting for each document, so the
stream is flushed after each one. Into a regular file (``-o PATH``, which is
a temporary file renamed at the end, or stdout redirected to a file) nobody
waits line by line, and one ``write`` system call per document costs more
than formatting a small one: there it is flushed at most every
:data:`FILE_FLUSH_SECONDS` (besides whenever the stream's own buffer fills
up, and at the end).
"""

from __future__ import annotations

import os
import stat
import time
from typing import TextIO

__all__ = ["FILE_FLUSH_SECONDS", "Flusher"]

FILE_FLUSH_SECONDS = 0.2
"""Longest time output into a regular file waits in the buffer while documents keep arriving."""


def _regular_file(stream: TextIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return False


class Flusher:
    """``flusher()`` after each document: flushes ``stream`` when it is due."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._every = FILE_FLUSH_SECONDS if _regular_file(stream) else 0.0
        self._last = time.monotonic()

    def __call__(self) -> None:
        """Flush now (not a regular file), or if the last flush is long enough ago."""
        if self._every:
            now = time.monotonic()
            if now - self._last < self._every:
                return
            self._last = now
        self._stream.flush()
