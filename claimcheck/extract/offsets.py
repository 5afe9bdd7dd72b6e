"""Binary search over sorted lists of text offsets.

:func:`search_left` and :func:`search_right` are :func:`bisect.bisect_left` and
:func:`bisect.bisect_right` on a ``list[int]``, as loops. Compiled (mypyc), they run
as native code on the list: fewer instructions than calling the :mod:`bisect`
module's C functions (looking the function up, parsing its arguments, comparing
``int`` objects), which the extractor does some 2,500 times per 25 KB of articles.
As pure Python the loops are the slower ones, so callers choose where they call
(a call through a variable or a wrapper would cost what the loop saves)::

    i = search_left(starts, x) if COMPILED else bisect.bisect_left(starts, x)
"""

from __future__ import annotations

__all__ = ["search_left", "search_right"]


def search_left(offsets: list[int], x: int) -> int:
    """The index where ``x`` would go in sorted ``offsets``, before any equal item."""
    lo, hi = 0, len(offsets)
    while lo < hi:
        mid = (lo + hi) >> 1
        if offsets[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def search_right(offsets: list[int], x: int) -> int:
    """The index where ``x`` would go in sorted ``offsets``, after any equal item."""
    lo, hi = 0, len(offsets)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < offsets[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo
