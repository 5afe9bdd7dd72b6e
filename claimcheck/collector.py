"""Pausing Python's cyclic garbage collector around allocation-heavy stages.

Checking and reading a store allocate hundreds of thousands of small acyclic objects
(items, intervals, results, decoded claims) that reference counting frees; the
collector's passes over them find nothing and cost up to a third of those stages' time.

Not every object is acyclic, though: compiled by mypyc, a nested function or lambda
(the rules' lazy messages, sort keys) and its environment reference each other, and that
environment holds the claims and items the function used. A stage that stays paused over
many units of work (the relation groups of a corpus check) therefore calls
:func:`collect_young` after each unit: it frees the cycles made since the previous call
and walks only the objects allocated since then, so the whole run stays linear.

The ``claimcheck`` process holds what it loaded to its end: :func:`freeze_live` takes
it out of the collector's passes (start-up, :func:`claimcheck.cli.main`; a command's
documents and claims once extracted), which would otherwise walk all of it again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collect_young", "freeze_live", "paused"]


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


def collect_young() -> int:
    """Collect the youngest generation only (the objects allocated since the last
    collection), even while the collector is paused; return the number of unreachable
    objects found."""
    return gc.collect(0)


def freeze_live() -> None:
    """Collect the youngest generation, then move every object alive to the permanent
    generation (:func:`gc.freeze`): the collector's passes no longer walk them (reference
    counting still frees them). For the ``claimcheck`` process itself, which holds its
    documents and claims to its end: a cycle that became garbage before the last
    collection of the young generation is then only freed at exit."""
    gc.collect(0)
    gc.freeze()
