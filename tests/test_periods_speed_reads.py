"""The period scan's cheaper reads give what the readings they replace give.

* :func:`_decimal` is ``str.isdecimal`` of one character;
* :func:`_years_in` (the text's year starts, found once by :func:`_triggers`)
  is :func:`_year_starts` of every window;
* :func:`_raw` reading groups by number is :func:`_raw_by_name`;
* :func:`_year_matches` is the ``year`` pattern tried at the year starts;
* :func:`word_before` reading code points is the search of :data:`_WORD_BEFORE`,
  :func:`candidate_bounds` the scan of :data:`_CANDIDATE`.
"""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.periods import (
    _GROUP_NUMBERS,
    _decimal,
    _matches_at,
    _raw,
    _raw_by_name,
    _raw_year,
    _triggers,
    _year_matches,
    _year_starts,
    _years_in,
)
from claimcheck.extract.periods import _PATTERNS as _PERIOD_PATTERNS
from claimcheck.extract.phrases import lower_case
from claimcheck.extract.sentences import (
    _AFTER_END,
    _CANDIDATE,
    _WORD_BEFORE,
    _after_end,
    _lower_case_letter,
    candidate_bounds,
    word_before,
)


def test_decimal_is_isdecimal_for_every_character() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert _decimal(char) == char.isdecimal(), hex(code)


def test_lower_case_keeps_digits_and_decimals() -> None:
    """A character and its lower case (one character) are both decimal or neither, and
    only an ASCII digit lowers to one: the text's years are the lowered text's."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if len(lowered) != 1:
            continue
        assert lowered.isdecimal() == char.isdecimal(), hex(code)
        assert (lowered in "0123456789") == (char in "0123456789"), hex(code)
        if char in "0123456789":
            assert lowered == char


def _low(text: str) -> str:
    """The lower-cased text as :func:`_scan` makes it."""
    low = lower_case(text)
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


_PIECES = ["2019", "2020", "1999", "1950", "19", "20", "٢٠١٩", "20٢٣", "²", "0", "5", "15"]
_PIECES += ["-", "–", "/", " ", "\n", "\u00a0", "_", "x", ",", ".", "%", "$", "İ", "Σ"]
_PIECES += ["Jan", "JAN", "january", "May", "March", "Sept", "Dec.", "June", "from", "to"]
_PIECES += ["by", "By", "before", "until", "till", "the end of ", "this", "the", "current"]
_PIECES += ["year", "Year", "next", "last", " of ", " in ", "or", "Q1", "h2", "1", "9", "2"]
_TEXTS = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=16).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join),
)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS, st.integers(0, 100), st.integers(0, 100))
def test_years_in_is_year_starts(text: str, a: int, b: int) -> None:
    low = _low(text)
    years: list[int] = []
    _triggers(text, low, years)
    years.sort()
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    assert _years_in(years, lo, hi) == _year_starts(low, lo, hi)
    assert _years_in(years, 0, len(low)) == _year_starts(low, 0, len(low))


def test_group_numbers_are_the_patterns() -> None:
    patterns = dict(_PERIOD_PATTERNS)
    for name, numbers in _GROUP_NUMBERS.items():
        assert patterns[name].groupindex == numbers, name


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_reading_by_number_is_reading_by_name(text: str) -> None:
    low = _low(text)
    patterns = dict(_PERIOD_PATTERNS)
    for name in _GROUP_NUMBERS:
        for start in range(len(low)):
            match = patterns[name].match(low, start)
            if match is not None:
                expected = _raw_by_name(name, match, text, *match.span())
                assert _raw(name, match, text) == expected, (name, low[start:])


def test_reading_by_number_reads_the_phrases() -> None:
    patterns = dict(_PERIOD_PATTERNS)
    for phrase, name in [
        ("January-June 2014", "range"),
        ("from March to May last year", "range"),
        ("June to March", "range"),
        ("January-June", "range"),
        ("by 2024", "deadline"),
        ("by the end of 2024 or 2025", "deadline"),
        ("by the end of this year", "deadline"),
        ("2019", "year"),
    ]:
        match = patterns[name].match(_low(phrase))
        assert match is not None, phrase
        assert _raw(name, match, phrase) == _raw_by_name(name, match, phrase, *match.span())


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aZz.AéK\u212a\u017f@[`{ \n.-1_", max_size=30), st.data())
def test_word_before_by_code_points_is_the_regex_search(text: str, data: st.DataObject) -> None:
    """``word_before`` reads code points: ASCII letters and "." only ("@", "[", "`",
    "{" border the letters; "é", the Kelvin sign and the long s are letters but not ASCII)."""
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    found = _WORD_BEFORE.search(text, lo, hi)
    assert word_before(text, lo, hi) == (found.group(1) if found else None)


_YEAR_PIECES = ["2019", "2020", "1949", "1950", "19", "20", "٢٠١٩", "20٢٣", "19٥", "²", "0"]
_YEAR_PIECES += ["5", "$", "€", "£", "¥", ".", ",", "/", "-", "%", " ", "\n", "x", "_", "٣"]


@settings(max_examples=5000, deadline=None)
@given(
    st.lists(st.sampled_from(_YEAR_PIECES), max_size=14).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_years_read_by_hand_are_the_matches_of_the_year_pattern(text: str, a: int, b: int) -> None:
    low = _low(text)
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    pattern = dict(_PERIOD_PATTERNS)["year"]
    starts = _year_starts(low, lo, hi)
    expected = [m.span() for m in _matches_at(pattern, low, starts, lo, hi)]
    assert [(s, s + 4) for s in _year_matches(low, starts, hi)] == expected, low[lo:hi]
    assert expected == [m.span() for m in pattern.finditer(low, lo, hi)]
    for start, _ in expected:
        match = pattern.match(low, start, hi)
        assert match is not None
        assert _raw_year(text, start) == _raw("year", match, text)


def test_after_end_by_code_points_is_the_set_or_white_space() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        expected = char in _AFTER_END or char.isspace()
        assert _after_end(char, 0) == expected, hex(code)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="a .!?…\n\"”’)]\t\u00a0»'\u2028\x1c“\u3000,", max_size=40))
def test_candidate_bounds_by_code_points_are_the_scan(text: str) -> None:
    assert candidate_bounds(text) == [m.span() for m in _CANDIDATE.finditer(text)]


def test_lower_case_letter_is_islower_for_every_character() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert _lower_case_letter(char) == char.islower(), hex(code)
