"""Numbers as printed: digits with separators and decimals, and number words.

This module knows nothing about units. It supplies

* regex fragments for numeric cores (``DIGITS``, :func:`words_pattern`),
  every repetition bounded so that no input can make them backtrack
  super-linearly;
* :func:`parse_digits` and :func:`parse_words`, turning a matched core into a
  value and the information needed for its rounding precision;
* :func:`half_unit`, the precision rule.

Separators: "1,234,567.5" (comma thousands, dot decimals), groups split
by a no-break or thin space ("5\u00a0700", "5\u202f700", with "," or "."
decimals), and a decimal comma when a comma is followed by just one or two
digits ("12,8%"). Groups split by
an ordinary space ("5 700") are *not* joined: in English news two numbers
separated by a space are far more often two figures ("in 2023 300 tourists")
than one.

Precision rule: half a unit of the last printed digit, times the scale
("240.11 bln" -> 0.005e9). Trailing zeros of integers count as printed
digits: "$180 bln" -> 0.5e9, "1,000 people" -> 0.5. Number words are exact
("two", "a dozen", "a quarter"); with a scale word they round like digits
("five million" -> 0.5e6).
"""

from __future__ import annotations

import re

from claimcheck.extract.lexicon import lexicon

__all__ = [
    "DIGITS",
    "half_unit",
    "parse_digits",
    "parse_words",
    "words_pattern",
]

_GROUP_SPACE = "\u00a0\u202f\u2009"

DIGITS = (
    r"(?:\d{1,3}(?:,\d{3}){1,6}(?!\d|,\d)(?:\.\d{1,12})?"
    rf"|\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}}){{1,6}}(?:[.,]\d{{1,12}})?"
    r"|\d{1,3},\d{1,2}(?![\d,])"
    r"|\d{1,30}(?:\.\d{1,12})?"
    r"|\.\d{1,12})"
)
"""A numeric core in digits (non-capturing, no anchors)."""

_SEPARATORS = re.compile(rf"[,{_GROUP_SPACE}]")


def parse_digits(core: str) -> tuple[float, int]:
    """Return ``(value, decimals)`` of a core matched by :data:`DIGITS`.

    A comma followed by one or two digits and nothing more is a decimal
    comma ("12,8%", "$190,27 billion"), as written in translated news.
    """
    comma = core.rfind(",")
    if comma >= 0 and "." not in core and len(core) - comma - 1 in {1, 2}:
        core = _SEPARATORS.sub("", core[:comma]) + "." + core[comma + 1 :]
    plain = _SEPARATORS.sub("", core)
    decimals = len(plain) - plain.index(".") - 1 if "." in plain else 0
    return float(plain), decimals


def half_unit(decimals: int, factor: float) -> float:
    """Half a unit of the last printed digit, in base units."""
    return 0.5 * factor / 10.0**decimals


def words_pattern() -> str:
    """Regex for a run of number words ("twenty-five", "a hundred", "two million")."""
    lex = lexicon()
    small = sorted(lex.number_words, key=len, reverse=True)
    big = sorted([*lex.multipliers, "dozen"], key=len, reverse=True)
    unit = "|".join(small)
    word = rf"(?:(?:{unit})(?:-(?:{unit}))?|{'|'.join(big)})"
    head = rf"(?:(?:a|an)\s+(?:{'|'.join(big)})|(?:{unit})(?:-(?:{unit}))?)"
    return rf"\b{head}(?:(?:\s+|-)(?:and\s+)?{word}){{0,6}}\b"


_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_words(words: str) -> tuple[float, float]:
    """Return ``(value, largest multiplier)`` of a run of number words.

    "twenty-five" -> (25, 1); "two hundred and fifty thousand" ->
    (250000, 1000); "a dozen" -> (12, 1). The multiplier is 1 when the run
    has no thousand/million/... word, so the value is exact.
    """
    lex = lexicon()
    total = 0.0
    current = 0.0
    largest = 1.0
    for token in _WORD_SPLIT.split(words.lower()):
        if token in {"and", "a", "an", ""}:
            continue
        if token in lex.number_words:
            current += lex.number_words[token]
        elif token == "dozen":
            current = (current or 1.0) * 12.0
        elif token == "hundred":
            current = (current or 1.0) * 100.0
        elif token in lex.multipliers:
            multiplier = lex.multipliers[token]
            total += (current or 1.0) * multiplier
            current = 0.0
            largest = max(largest, multiplier)
    return total + current, largest
