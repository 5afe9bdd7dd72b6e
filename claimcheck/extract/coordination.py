"""Coordination: bare numbers take the unit of a coordinated neighbour.

"$100 billion by 2015, and 200 billion by 2020" -> both USD; "from $5 to
7" -> 7 is USD; "rose 64 points to 4,577" -> 4,577 points; "435 homes by
open sale and 187 by tender" -> 187 homes.
"""

from __future__ import annotations

import re

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.context import gap_between, prev_word, same_sentence

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
    range/backward rules; "from $5 to 7" -> 7 is USD.
    """
    previous: Candidate | None = None
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
        if cand.unit not in {None, "score"}:
            previous = cand
