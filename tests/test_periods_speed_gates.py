"""The short cuts of the period scan read what the longer readings they replace read."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.periods import (
    _GATE_WORDS,
    _gate_word_before,
    _last_day,
    _merge,
    _month_span,
    _regions,
    find_periods,
)

_WORDS = [
    "the",
    "The",
    "level",
    "of",
    "OF",
    "compared",
    "to",
    "with",
    "than",
    "vs.",
    "Versus",
    "from",
    "since",
    "signed",
    "in",
    "on",
    "exports",
    "İstanbul",
    "year",
]
_BLANKS = [" ", "  ", "\n", "\t", "\u00a0", "\u2009", "\x1c", ""]


def _old_gate(text: str, lo: int, hi: int) -> bool:
    """The gate of ``_basis_role`` as it was: words split, lower-cased, filtered."""
    words = text[lo:hi].lower().split()[-3:]
    last = [w for w in words if w not in ("the", "level", "of")][-2:]
    return bool(last) and bool(_GATE_WORDS.intersection(last))


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_BLANKS)), max_size=9),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_gate_word_before_reads_as_the_split(
    pieces: list[tuple[str, str]], lo_cut: int, hi_cut: int
) -> None:
    text = "".join(word + blank for word, blank in pieces)
    hi = max(0, len(text) - hi_cut)
    lo = max(0, hi - lo_cut)
    assert _gate_word_before(text, lo, hi) == _old_gate(text, lo, hi)


@given(st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_gate_word_before_on_any_text(text: str, lo: int, hi: int) -> None:
    hi = min(hi, len(text))
    lo = min(lo, hi)
    assert _gate_word_before(text, lo, hi) == _old_gate(text, lo, hi)


@given(st.integers(1, 9999), st.integers(-2, 15), st.integers(-2, 15))
def test_month_span_is_the_dates(year: int, first: int, last: int) -> None:
    try:
        expected = (dt.date(year, first, 1), _last_day(year, last))
    except ValueError:
        with pytest.raises(ValueError):
            _month_span(year, first, last)
        return
    assert _month_span(year, first, last) == expected
    assert _month_span(year, first, last) == expected  # (again: from the kept pair)
    if 1 <= last <= 12:
        assert expected[1].day == calendar.monthrange(year, last)[1]


def _old_merge(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``_merge`` of one window, read with the general loop (two copies of the window)."""
    return _merge(text, [*windows, *windows])


@given(st.text(alphabet="ab \n", max_size=80), st.integers(0, 80), st.integers(0, 80))
def test_merge_of_one_window_is_the_general_merge(text: str, start: int, width: int) -> None:
    start = min(start, len(text))
    stop = min(len(text), start + width)
    assert _merge(text, [(start, stop)]) == _old_merge(text, [(start, stop)])


_KEYWORD_TEXT = st.lists(
    st.sampled_from(["q", "quarter", "fi", "fiscal", "financial", "fy", " ", "x", "Q"]),
    max_size=20,
).map("".join)


def _old_keyword_windows(text: str, word: str, prefix_only: bool) -> list[tuple[int, int]]:
    """The keyword windows as a plain scan of the word finds them (before merging)."""
    low = text.lower()
    out: list[tuple[int, int]] = []
    start = low.find(word)
    while start >= 0:
        end = start + len(word)
        if not (
            (start > 0 and low[start - 1].isalnum())
            or (not prefix_only and end < len(low) and low[end].isalnum())
        ):
            out.append((max(0, start - 45), min(len(low), end + 45)))
        start = low.find(word, end)
    return _merge(text, out) if out else []


@given(_KEYWORD_TEXT)
def test_keyword_regions_skip_only_texts_without_the_word(text: str) -> None:
    regions = _regions(text, text.lower())
    for word, prefix_only in (("quarter", False), ("fiscal", True), ("financial", True)):
        assert regions.get(word, []) == _old_keyword_windows(text, word, prefix_only)


def test_find_periods_unchanged_on_a_basis_phrase() -> None:
    text = "Exports rose 5% in 2023 compared to 2022, and fell in the first quarter."
    mentions = find_periods(text, dt.date(2024, 1, 2))
    assert [(m.role, text[m.start : m.end]) for m in mentions] == [
        ("period", "2023"),
        ("basis", "2022"),
        ("period", "the first quarter"),
    ]
