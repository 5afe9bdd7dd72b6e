"""Transitions: "from A to B" states two levels of a change, not a range.

"exports rose from $5 bln to $7 bln", "plummeted from $36,040 at 10.45pm
to $34,935", "narrowed to 138,285 lots from 212,577 lots": each figure is
kept and marked as the level before (``"from"``) or after (``"to"``) the
change (:attr:`claimcheck.model.Quantity.transition`). Adjacent pairs are
marked while ranges are joined (:mod:`claimcheck.extract.ranges`);
:func:`link_transitions` then links a "from" figure to a "to" figure a few
words later in the same clause ("from $36,040 at 10.45pm last night to
$34,935"), skipping years in between ("from 20 mpg in 2008 to 29 mpg").
"""

from __future__ import annotations

import re

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.context import gap_between

__all__ = ["link_transitions", "mark_transition"]

_MAX_GAP = 50
"""The longest gap (characters) between a "from" figure and its "to" figure."""

_TO_END = re.compile(r"(?:^|[ \u00a0])to[ \u00a0]{1,2}$")
_CLAUSE_BREAK = re.compile(r"[;:!?()\[\]]|[.,][ \u00a0]*(?:[A-Z]|$)|\n")


def mark_transition(start: Candidate, end: Candidate) -> None:
    """Mark ``start`` and ``end`` as the levels before and after a change."""
    if start.unit is not None and end.unit is not None and start.unit != end.unit:
        return
    start.transition, end.transition = "from", "to"


def link_transitions(text: str, cands: list[Candidate]) -> None:
    """Link "from A <a few words> to B" figures not adjacent in the text."""
    for i, a in enumerate(cands):
        if a.transition is not None or a.is_range or a.is_year or a.unit is None:
            continue
        if a.start < 5 or not text.startswith(("from ", "From ", "FROM "), a.start - 5):
            continue
        j = i + 1
        while j < len(cands) and cands[j].is_year and j - i < 3:
            j += 1  # skip a year or two ("from 20 mpg in 2008 to 29 mpg")
        b = cands[j] if j < len(cands) else None
        if b is None or b.is_year or b.transition is not None or b.is_range:
            continue
        gap = gap_between(text, a, b)
        if len(gap) > _MAX_GAP or _CLAUSE_BREAK.search(gap) or not _TO_END.search(gap):
            continue
        if b.unit is None and not b.has_scale and not a.has_scale:
            b.unit, b.noun, b.currency = a.unit, a.noun, a.currency
        mark_transition(a, b)
