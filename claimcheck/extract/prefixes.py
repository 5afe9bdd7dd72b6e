"""What stands before a number: currency prefix, sign and qualifier.

A letter glued to the digits makes a name, not a quantity ("A320", "G20",
"COVID-19", "F-35"); "$-50.8bn", "-1.3%" and "minus 5" are negative;
parentheses never are.
"""

from __future__ import annotations

import re
from typing import Final

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.context import SIGNS
from claimcheck.extract.currencies import currency_before, is_letter
from claimcheck.extract.lexicon import Lexicon, Patterns
from claimcheck.extract.qualifiers import as_qualifier, qualifier_before

__all__ = ["read_before"]


_HYPHEN_WORDS: Final = frozenset(
    {"minus", "sub", "about", "around", "over", "under", "nearly", "almost", "to", "now", "then"}
)


_SIGNS: Final = SIGNS
"""``SIGNS``, bound here as a constant: compiled, a module global is a dict look-up."""

_NUMBER_TO: Final = re.compile(r"[\d.,]{1,12}-to")


def _minus_before(text: str, start: int) -> bool:
    """``text[start - 6 : start].lower() == "minus "`` (``start >= 6``), without the slice
    and ``lower`` where the first and last characters rule it out (most numbers):
    ``str.lower`` maps each character on its own, only " " to " " and only "m" and "M"
    to a string opening with "m" (the one mapping that lengthens, "İ" to "i̇", would
    make the lowered slice longer than six characters)."""
    if ord(text[start - 1]) != 32 or ord(text[start - 6]) not in (77, 109):
        return False
    return text[start - 6 : start].lower() == "minus "


def read_before(text: str, cand: Candidate, ctx: Patterns, lex: Lexicon) -> bool:
    """Read currency prefix, sign and qualifier; False if not a quantity."""
    start = cand.core_start
    negative = False
    if start > 1 and text[start - 1] in _SIGNS and text[start - 2] in "$€£¥":
        negative = True  # "$-50.8bn"
        start -= 1
    prefix = currency_before(text, start, ctx, lex)
    if prefix is not None:
        pos, code = prefix
        cand.unit = code
        cand.currency = True
        cand.start = pos
        start = pos
    elif negative:
        start += 1
        negative = False
    elif start > 0:
        before = text[start - 1]
        if before == "_" or is_letter(before):
            return False  # "A320", "G20", "MP3"
        if before in _SIGNS and start > 1 and text[start - 2].isalpha():
            head = text[max(0, start - 8) : start - 1].split()
            lead = head[-1].lower() if head else ""
            if _NUMBER_TO.fullmatch(lead):
                lead = "to"  # "0-to-60-mph"
            if lead not in _HYPHEN_WORDS:
                return False  # "COVID-19", "F-35", "TA-125"
            if lead == "minus":
                negative = True
    # sign
    if negative:
        cand.sign = -1.0
    elif (
        start > 0
        and text[start - 1] in "-−"
        and (start == 1 or text[start - 2] in " \u00a0([:\n\t")
    ):
        cand.sign = -1.0
        cand.start = start - 1
        start -= 1
    elif start >= 6 and _minus_before(text, start):
        cand.sign = -1.0
    cand.qualifier = qualifier_before(text, start, lex, ctx)
    if cand.qualifier is None and start > 1 and text[start - 1] in _SIGNS:
        head = text[max(0, start - 8) : start - 1].split()
        if head:
            cand.qualifier = as_qualifier(lex.qualifiers.get(head[-1].lower()))
    return True
