"""Ranges: "10-12%", "$10 to $15 billion", "between 5 and 7 percent".

Two adjacent candidates join into one range when the gap is a dash, "to",
"through", "and" (after "between") or "or" (a bare first number), the
units agree (the first may inherit the second's unit and scale), and the
low bound is below the high one. Not ranges:

* "from A to B" and "A to B" after a change verb ("rose", "fell",
  "widened", ...) or after "by": two figures, the levels before and after a
  change ("exports rose from $5 bln to $7 bln");
* "2-2", "3-1": a score;
* "between 1600 and 1900": years.
"""

from __future__ import annotations

import re

from claimcheck.extract.candidate import Candidate, clean
from claimcheck.extract.context import gap_between, prev_word
from claimcheck.extract.coordination import inherit
from claimcheck.extract.transitions import mark_transition

__all__ = ["change_before", "merge_ranges"]


_RANGE_GAP = re.compile(
    r"[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]{1,2}(?:to|through|and|or)(?:-|[ \u00a0]{1,2})|-to-"
)


_RANGE_WORDS = frozenset(("to", "through", "and", "or"))


def _may_be_range_gap(gap: str) -> bool:
    """Whether :data:`_RANGE_GAP` may match all of ``gap``: each of its matches holds a
    dash or is one of :data:`_RANGE_WORDS` between spaces (" " or no-break). Most gaps
    (", ", " ", ", up from ") are neither, and the test costs a fraction of the regex
    call."""
    return "-" in gap or "–" in gap or "—" in gap or gap.strip(" \u00a0") in _RANGE_WORDS


_LONGEST_GAP = 11
"""The longest text :data:`_RANGE_GAP` or :data:`_FROM_GAP` matches ("  through  "): figures
further apart are neither a range nor a transition, and their gap is not even sliced."""


def merge_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join adjacent candidates that form a range; mark "to B from A" transitions."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if (
            i + 1 < len(cands)
            and not a.is_range
            and not cands[i + 1].is_range
            and cands[i + 1].start - a.end <= _LONGEST_GAP
        ):
            b = cands[i + 1]
            gap = gap_between(text, a, b)
            m = _RANGE_GAP.fullmatch(gap) if _may_be_range_gap(gap) else None
            if m and _try_range(text, a, b, gap):
                out.append(a)
                i += 2
                continue
            if (
                len(gap) < 9
                and "from" in gap
                and _FROM_GAP.fullmatch(gap)
                and prev_word(text, a)[0].lower() == "to"
            ):
                mark_transition(b, a)  # "narrowed to 138,285 lots from 212,577 lots"
        out.append(a)
        i += 1
    return out


_FROM_GAP = re.compile(r"[ \u00a0]{1,2}from[ \u00a0]{1,2}")


def _try_range(text: str, a: Candidate, b: Candidate, gap: str) -> bool:
    """Join ``a`` and ``b`` into a range kept in ``a``; True if joined."""
    word = gap.strip(" \u00a0").lower()
    hyphen = word in {"-", "–", "—"}
    word = word if hyphen else word.strip("-")
    before = prev_word(text, a)[0].lower()
    if word == "and" and before != "between":
        return False
    if word == "or":
        # "8 or $9", "five or six people": two figures; the first takes the unit.
        if a.unit is None and b.unit == "count" and not a.has_scale:
            a.unit, a.noun = b.unit, b.noun
        elif a.unit is None and b.unit is not None and not a.has_scale:
            inherit(a, b, backward=True)
        return False
    if a.is_year and not hyphen:
        return False  # "rose 60% in 2018 to 3.9 million headsets"
    from_to = word in {"to", "through"} and before == "from"
    if from_to and change_before(text, a.start):
        # "rose from 5 to 7 percent": a change, two figures; the first inherits the unit.
        inherit(a, b, backward=True)
        mark_transition(a, b)
        return False
    scale_shared = a.currency and not a.has_scale and b.has_scale and a.unit == b.unit
    if (
        word in {"to", "through"}
        and a.unit is not None
        and (before == "by" or (change_before(text, a.start) and not scale_shared))
    ):
        return False  # "increased by $43.6 bln to $419.2 bln", "rose 18 sen to RM23.50"
    if (a.is_year and b.unit is None) or (b.is_year and a.unit is None):
        return False  # "between 1600 and 1900"
    if b.unit is None and a.unit == "year" and a.noun == "age" and word in {"to", "-", "–"}:
        b.unit, b.noun = a.unit, a.noun  # "aged 25 to 54"
    if a.unit is not None and b.unit is not None and b.unit.startswith(a.unit + "/"):
        a.unit = b.unit  # "between $62 and $68 per share": the denominator is shared
    if a.unit is not None and a.unit != b.unit:
        return False
    if a.noun is not None and a.noun != b.noun:
        return False
    if b.qualifier is not None or (b.unit is None and a.unit is not None):
        return False
    if hyphen and a.unit is None and b.unit is None and not (a.has_scale or b.has_scale):
        if a.decimals == 0 and b.decimals == 0 and a.number >= b.number and a.sign > 0:
            a.unit = b.unit = "score"  # "2-2", "3-1": a score, not a quantity
        return False
    scale = a.scale if a.has_scale or not b.has_scale else b.scale
    low = clean(a.sign * a.number * scale)
    high = b.value
    if not low < high and scale != a.scale:
        scale = a.scale
        low = clean(a.sign * a.number * scale)
    if not low < high:
        if from_to:
            mark_transition(a, b)  # "from $75 to $45.88": a fall, two levels
        return False
    a.scale = scale if scale == b.scale else a.scale
    a.is_range = True
    a.low, a.high = low, high
    a.unit, a.noun, a.currency = b.unit, b.noun, b.currency
    a.decimals = max(a.decimals, b.decimals) if a.scale == b.scale else b.decimals
    a.scale = b.scale
    a.exact = a.exact and b.exact
    a.end = b.end
    a.has_scale = a.has_scale or b.has_scale
    return True


_CHANGE_WORDS = re.compile(
    r"(?i:\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|grew|grow|grows|growing|"
    r"grown|increas\w*|decreas\w*|declin\w*|dropp\w*|drops?|jump\w*|climb\w*|slid|slide|"
    r"slides|sliding|plung\w*|soar\w*|surg\w*|gain\w*|lost|los(?:e|es|ing)|rais\w*|cut|cuts|"
    r"cutting|lower\w*|boost\w*|revis\w*|slow\w*|accelerat\w*|expand\w*|shrank|shrink\w*|"
    r"narrow\w*|widen\w*|upgrad\w*|downgrad\w*|changed?|went|go(?:es|ing)?|moved?|"
    r"up|down|improv\w*|doubl\w*|tripl\w*|halv\w*|reduc\w*|dipp\w*|dips?|tumbl\w*|"
    r"rall\w*|rebound\w*|recover\w*|swung|swing\w*|shift\w*)\b)"
)


_CHANGE_WINDOW = 36
"""How far before a figure (in characters, about five words) a change verb
still governs it: "exports rose sharply from 5 to 7 percent", but not "the
improvements were delayed, we were told to expect 5% to 10%"."""


def change_before(text: str, start: int) -> bool:
    """Whether a change verb stands in the few words before "from" at ``start``."""
    window = text[max(0, start - _CHANGE_WINDOW) : start]
    cut = max(window.rfind(". "), window.rfind(";"), window.rfind("\n"))
    return _CHANGE_WORDS.search(window[cut + 1 :]) is not None
