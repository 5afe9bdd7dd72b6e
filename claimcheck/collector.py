"""Pausing Python's cyclic garbage collector around allocation-heavy stages.

Checking and reading a store allocate hundreds of thousands of small acyclic objects
(items, intervals, results, decoded claims) that reference counting frees; the
collector's passes over them find nothing and cost up to a third of those stages' time.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector; restore its previous state on exit (nested
    pauses leave it off until the outermost one ends)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
