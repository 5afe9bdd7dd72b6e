"""Numeric cores: digits, separators, number words, precision."""

from __future__ import annotations

import re

import pytest

from claimcheck.extract.numbers import DIGITS, half_unit, parse_digits, parse_words, words_pattern


@pytest.mark.parametrize(
    ("core", "value", "decimals"),
    [
        ("1,234.5", 1234.5, 1),
        ("240.11", 240.11, 2),
        ("1,000,000", 1e6, 0),
        (".75", 0.75, 2),
        ("5\u00a0700", 5700.0, 0),
        ("5\u202f700.25", 5700.25, 2),
        ("180", 180.0, 0),
    ],
)
def test_parse_digits(core: str, value: float, decimals: int) -> None:
    assert re.fullmatch(DIGITS, core)
    assert parse_digits(core) == (value, decimals)


def test_plain_space_does_not_group() -> None:
    assert re.fullmatch(DIGITS, "5 700") is None


@pytest.mark.parametrize(
    ("words", "value", "largest"),
    [
        ("two", 2, 1),
        ("twenty-five", 25, 1),
        ("a dozen", 12, 1),
        ("a hundred", 100, 1),
        ("two hundred and fifty thousand", 250_000, 1e3),
        ("four million", 4e6, 1e6),
        ("ninety-nine", 99, 1),
    ],
)
def test_parse_words(words: str, value: float, largest: float) -> None:
    assert re.fullmatch(words_pattern(), words, re.IGNORECASE)
    assert parse_words(words) == (value, largest)


def test_words_pattern_needs_whole_words() -> None:
    assert re.search(words_pattern(), "someone often tense", re.IGNORECASE) is None


@pytest.mark.parametrize(
    ("decimals", "factor", "expected"),
    [(2, 1e9, 0.005e9), (0, 1e9, 0.5e9), (1, 1.0, 0.05), (0, 1.0, 0.5)],
)
def test_half_unit(decimals: int, factor: float, expected: float) -> None:
    assert half_unit(decimals, factor) == pytest.approx(expected)
