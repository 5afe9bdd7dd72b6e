"""Coordination: bare numbers take the unit of a coordinated neighbour.

"$100 billion by 2015, and 200 billion by 2020" -> both USD; "from $5 to
7" -> 7 is USD; "rose 64 points to 4,577" -> 4,577 points; "435 homes by
open sale and 187 by tender" -> 187 homes.
"""

from __future__ import annotations

import re

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.context import SENTENCE_BREAK, gap_between, prev_word, same_sentence

__all__ = ["inherit", "inherit_forward"]


def inherit(a: Candidate, b: Candidate, *, backward: bool) -> None:
    """Let the bare one of ``a``/``b`` take the other's unit (and, backward, scale)."""
    src, dst = (b, a) if backward else (a, b)
    if dst.unit is not None or src.unit is None or src.unit in {"count", "score"}:
        return
    dst.unit = src.unit
    dst.currency = src.currency
    if backward and not dst.has_scale and src.has_scale:
        dst.scale = src.scale
        dst.has_scale = True


_COORDINATION = re.compile(
    r"[ \u00a0]?(?:,[ \u00a0]{1,2}|(?:,[ \u00a0]{1,2})?(?:and|or|vs\.?|versus)[ \u00a0]{1,2})"
    r"(?:(?:about|around|over|more than|nearly|almost|some|under|less than|just over|"
    r"just under|roughly|up to)[ \u00a0]{1,2})?"
)


def inherit_forward(text: str, cands: list[Candidate]) -> None:
    """Bare numbers coordinated with a figure take its unit.

    "$100 billion by 2015, and 200 billion by 2020": both scaled, the first
    money -> the second is USD too. "5 bln and 6 bln yuan" is handled by the
    range/backward rules; "from $5 to 7" -> 7 is USD. After an index move
    in points, a bare level reached "to"/"at" is in points too ("lost 162.31
    points, or 2.14%, to fall to 7,425.81"; "1,463.87 points, while the
    TA-125 climbed 0.1% to 1,333.18").
    """
    previous: Candidate | None = None
    points: Candidate | None = None
    for cand in cands:
        if (
            previous is not None
            and cand.unit is None
            and previous.unit is not None
            and not cand.is_year
        ):
            gap = gap_between(text, previous, cand)
            if same_sentence(gap) and previous.unit not in {"count", "score"}:
                short = (
                    _COORDINATION.fullmatch(gap) is not None
                    and previous.currency
                    and cand.has_scale == previous.has_scale
                    and "/" not in previous.unit
                )
                from_to = gap.strip(" \u00a0").lower() == "to" and (
                    prev_word(text, previous)[0].lower() == "from"
                )
                scaled = cand.has_scale and previous.has_scale and previous.currency
                if short or from_to or scaled:
                    cand.unit = previous.unit
                    cand.currency = previous.currency
            elif (
                same_sentence(gap)
                and previous.unit == "count"
                and previous.noun
                and gap.strip(" \u00a0,").lower() in {"to", "and", "or", ""}
            ):
                # "rose 64 points to 4,577", "435 homes by open sale and 187 by tender"
                cand.unit, cand.noun = "count", previous.noun
        if cand.unit is None and points is not None and _index_level(text, points, cand):
            cand.unit, cand.noun = "count", points.noun
        if cand.unit == "count" and cand.noun in {"points", "pts"}:
            points = cand
        if cand.unit not in {None, "score"}:
            previous = cand


_LEVEL_WORDS = frozenset({"to", "at"})


def _index_level(text: str, points: Candidate, cand: Candidate) -> bool:
    """A bare index level after a move in points, in the same sentence."""
    if cand.has_scale or cand.is_year or cand.is_word:
        return False
    gap = gap_between(text, points, cand)
    if len(gap) > 160 or SENTENCE_BREAK.search(gap):
        return False
    return prev_word(text, cand)[0].lower() in _LEVEL_WORDS
