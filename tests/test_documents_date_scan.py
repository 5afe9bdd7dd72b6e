"""``date_from_text`` tries its patterns at line starts only: the same dates as ``finditer``."""

from __future__ import annotations

import datetime as _dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.documents import (
    TEXT_DATE_WINDOW,
    _date_patterns,
    _match_date,
    date_from_text,
)


def _by_finditer(text: str) -> _dt.date | None:
    """The scan as it was: every pattern with ``finditer`` over the whole window."""
    head = text[:TEXT_DATE_WINDOW]
    found: set[_dt.date] = set()
    for pattern in _date_patterns():
        for match in pattern.finditer(head):
            date = _match_date(match)
            if date is not None:
                found.add(date)
    return found.pop() if len(found) == 1 else None


_PIECES = [
    "date ",
    "Dated: ",
    "Published on ",
    "posted ",
    "UPDATED: ",
    "8 November 2023",
    "8 Nov. 2023",
    "Nov 8, 2023",
    "November 9,\n2023",
    "2023-11-08",
    "2024-02-30",
    "31 Feb 2023",
    "MOSCOW, ",
    "NEW YORK, ",
    "Wednesday, ",
    "Thurs. ",
    " 14:05",
    " at 9:30 a.m.",
    " UTC",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "Trade rose",
    ".",
    ",",
    "x",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_TEXTS, st.text(alphabet="dateNov8 2023-1\n\t,:", max_size=60)))
def test_line_start_scan_finds_what_finditer_finds(text: str) -> None:
    assert date_from_text(text) == _by_finditer(text)


def test_a_date_spanning_lines_hides_the_line_starts_it_covers() -> None:
    text = "Published: November 9,\n2023\nMOSCOW, 10 November 2023\nText"
    assert date_from_text(text) == _by_finditer(text) is None  # two different dates
    assert date_from_text("Published: November 9,\n2023\nText") == _dt.date(2023, 11, 9)
