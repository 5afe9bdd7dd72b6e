"""Numeric cores: a scanned match turned into a :class:`Candidate`.

Digits ("1,234.5"), number words ("twenty-five", "two million": their
largest multiplier becomes the scale, so they round like digits), digit
fractions ("1/2", not "24/7"), word fractions ("a third of", "half of",
but not "the first half of 2023") and vague plurals ("thousands of" ->
[1e3, 1e4], "tens of thousands of" -> [1e4, 1e5], "dozens of" -> [12, 120]).
"""

from __future__ import annotations

import re
from typing import Final

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.context import previous_word
from claimcheck.extract.lexicon import Lexicon
from claimcheck.extract.numbers import VAGUE_BASE, parse_digits, parse_scientific, parse_words

__all__ = ["read_core"]


_ORDINAL_CONTEXT: Final = frozenset(
    """
    first second third fourth last next latter former other the 1st 2nd 3rd 4th
    """.split()  # noqa: SIM905
)


def read_core(
    text: str, match: re.Match[str], kind: str | None, start: int, end: int, *, lex: Lexicon
) -> Candidate | None:
    """A scanned match as a :class:`Candidate`, or None when it is not a number.

    ``kind``, ``start`` and ``end`` are ``match.lastgroup`` and ``match.span()``, which
    the scan has read already (compiled, each ``Match`` method or attribute is a call
    through the Python API)."""
    if kind == "num":
        number, decimals = parse_digits(text[start:end])
        cand = Candidate(start, end, number)
        cand.decimals = decimals
        return cand
    if kind == "words":
        number, largest = parse_words(match.group())
        cand = Candidate(start, end, number)
        cand.is_word = True
        if largest > 1.0:
            cand.number = number / largest
            cand.scale = largest
            cand.has_scale = True
            cand.decimals = _decimals_needed(cand.number)
        else:
            cand.exact = True
        return cand
    if kind == "sci":  # "2.998×10−8": the power of ten is the scale
        mantissa, decimals, exponent = parse_scientific(match.group())
        cand = Candidate(start, end, mantissa)
        cand.decimals = decimals
        cand.scale = 10.0**exponent
        cand.has_scale = True
        return cand
    if kind == "fold":  # "sixfold": a multiplier, exact
        word = match.group()[: -len("fold")]
        cand = Candidate(start, end, 100.0 if word == "hundred" else lex.number_words.get(word, 0))
        if word == "thousand":
            cand.number = 1000.0
        cand.exact = cand.is_word = True
        cand.unit = "times"
        return cand
    if kind == "dfrac":
        num, den = (int(x) for x in re.split("[/⁄]", match.group()))
        if not 0 < num < den:
            return None  # "24/7", "9/11": not a fraction
        cand = Candidate(start, end, num / den)
        cand.exact = True
        return cand
    if kind == "vague":
        # "thousands of" -> [1e3, 1e4]; "tens of thousands of" -> [1e4, 1e5]; "dozens" -> [12, 120]
        words = match.group().split()
        low = VAGUE_BASE[words[-1]] * (
            10.0 if words[0] == "tens" else 100.0 if len(words) > 1 else 1.0
        )
        cand = Candidate(start, end, low)
        cand.is_range = cand.exact = cand.is_word = cand.has_scale = True
        cand.low, cand.high = low, low * 10.0
        return cand
    if kind == "frac":
        if previous_word(text, start)[0].lower() in _ORDINAL_CONTEXT:
            return None  # "the first half of 2023": a period, not a share
        words = match.group().lower().replace("-", " ").split()
        if len(words) == 1:
            num, den = 1, 2
        else:
            num = 1 if words[0] in {"a", "an"} else lex.number_words.get(words[0], 1)
            den = lex.fractions.get(words[1], 1)
        cand = Candidate(start, end, num / den)
        cand.exact = True
        cand.is_word = True
        cand.unit = "dimensionless"
        return cand
    return None


def _decimals_needed(number: float) -> int:
    for decimals in range(4):
        if abs(round(number, decimals) - number) < 1e-9:
            return decimals
    return 4
