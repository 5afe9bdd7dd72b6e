"""The scans' shortcuts for ASCII text give what the patterns they stand for give.

* The digit scan of an ASCII text tries :func:`_digit_starts` only where
  :func:`_may_start_digits` lets it (found with ``str.find``): every place the
  pattern matches passes that test, and the matches are the digit scan's; at a
  first digit it tries :func:`_digit_first`, which matches there as the pattern does.
* The number-word scan told that its text is lower-cased skips a test that cannot
  change its result there.
* The entity scan reads the lower-cased text's runs and tests them against the
  lower-cased shapes of the forms' words.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import entities
from claimcheck.extract.numbers import (
    _DIGIT_MARKS,
    Scanned,
    _digit_first,
    _digit_scan,
    _digit_starts,
    _may_start_digits,
    _scan_ascii_digits,
    _word_start_positions,
)

_PIECES = [
    "1",
    "12",
    "2023",
    "5",
    ".",
    ". ",
    ".5",
    ",",
    ",000",
    "+",
    "+7 ",
    "(",
    "(555) ",
    ")",
    "-",
    "/",
    ":",
    " ",
    "\n",
    "%",
    "$",
    "x",
    "x10^",
    "*10**",
    " pm",
    " a.m.",
    " GMT",
    " November",
    "th",
    "Up. ",
    "bln",
    "a",
    "Jan",
]
_ASCII_TEXTS = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=16).map("".join),
    st.text(alphabet="0123456789.,+(-/: aN\nx%", max_size=40),
)


@settings(max_examples=1500, deadline=None)
@given(_ASCII_TEXTS)
def test_digit_starts_match_only_where_the_test_lets_them(text: str) -> None:
    marks = text.encode("ascii").translate(_DIGIT_MARKS)
    pattern = _digit_starts(True)
    for position in range(len(text)):
        if pattern.match(text, position) is not None:
            # A "." is found as the digit after it.
            at = position + 1 if text[position] == "." else position
            assert marks[at] == ord("0"), (text, position)
            assert _may_start_digits(text, position), (text, position)


@settings(max_examples=1500, deadline=None)
@given(_ASCII_TEXTS)
def test_digit_first_is_the_starts_pattern_at_a_first_digit(text: str) -> None:
    pattern = _digit_starts(True)
    for position, char in enumerate(text):
        if char.isdigit() and _may_start_digits(text, position):
            found = _digit_first().match(text, position)
            expected = pattern.match(text, position)
            assert found is not None
            assert expected is not None
            assert (found.span(), found.lastgroup) == (expected.span(), expected.lastgroup)


@settings(max_examples=1500, deadline=None)
@given(_ASCII_TEXTS)
def test_ascii_digit_scan_is_the_digit_scan(text: str) -> None:
    found = Scanned()
    _scan_ascii_digits(text, found)
    expected = [(m.span(), m.lastgroup, m.group()) for m in _digit_scan().finditer(text)]
    assert [(m.span(), m.lastgroup, m.group()) for m in found.matches] == expected
    assert found.kinds == [m.lastgroup for m in found.matches]
    assert found.starts == [m.start() for m in found.matches]
    assert found.ends == [m.end() for m in found.matches]


def test_ascii_digit_scan_examples() -> None:
    text = "Call +7 495 123,456. Trade rose 5.5% to $42.54 bln (3) at 5 pm on 8 Nov. .5"
    found = Scanned()
    _scan_ascii_digits(text, found)
    expected = [(m.span(), m.lastgroup) for m in _digit_scan().finditer(text)]
    assert [(m.span(), m.lastgroup) for m in found.matches] == expected
    assert "num" in found.kinds
    assert "block" in found.kinds


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="abcdefghinorstuvwxyz0123456789_ -'.,\n", max_size=60))
def test_word_starts_of_lower_cased_text_skip_no_place(text: str) -> None:
    lowered = text.lower()
    assert _word_start_positions(lowered, True) == _word_start_positions(lowered)


def test_word_starts_of_text_without_letters() -> None:
    assert _word_start_positions("12 - 3.5, 7", True) == _word_start_positions("12 - 3.5, 7")


def test_every_lower_cased_first_word_of_a_form_passes_the_lower_gate() -> None:
    _, runs, _ = entities._word_roots()
    shapes = entities._lower_shapes()
    assert runs
    for run in runs:
        if run.isascii():
            low = run.lower()
            size = len(low)
            assert (shapes[low[0] * 128 + low[-1]] >> (min(size, 8) - 1)) & 1, run


def test_entity_scan_reads_the_lower_cased_runs() -> None:
    text = "CHINA and China. Trade between the U.S. and Russia; US exports, us."
    root = entities._word_root()
    assert root is not None
    expected = entities._one_pattern_mentions(entities._one_pattern(), text, None)
    assert entities._word_mentions(root, text, None) == expected
    assert expected
