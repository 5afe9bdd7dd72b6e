"""Scale words after a number: "bln", "m", "mil", "million", "thousand million".

"and a half" before the scale adds 0.5 ("two and a half million"). The
single letters are ambiguous: "M"/"B" always scale; "m" scales unless a
length reading is signalled ("100m sprint", "2m tall", "3m-high", "10m/s");
"b" only before money or a counted noun.
"""

from __future__ import annotations

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.lexicon import METRE_CONTEXT, Lexicon, Patterns
from claimcheck.extract.nouns import plural_like

__all__ = ["money_or_noun_follows", "read_scale"]


_SPACED_OPENERS = frozenset((" ", "\u00a0", "-"))
"""The characters :attr:`~claimcheck.extract.lexicon.Patterns.scale_spaced` opens with."""


def money_or_noun_follows(text: str, pos: int, cand: Candidate, ctx: Patterns) -> bool:
    """Whether an attached "m"/"b" after ``cand`` means million/billion.

    "M"/"B" always do; "m" does unless a length reading is signalled ("100m
    sprint", "2m tall", "3m-high", "5m x 3m", "10m/s"); "b" only before money or
    a counted noun.
    """
    letter = text[pos - 1]
    if cand.currency or letter in "MB":
        return True
    if letter == "m":
        if text[pos : pos + 1] in {"/", "-", "²", "³"}:
            return False
        after = ctx.noun.match(text, pos)
        return after is not None and after.group("w1").lower() not in METRE_CONTEXT
    if ctx.currency_words.match(text, pos) or ctx.currency_codes.match(text, pos):
        return True
    m = ctx.noun.match(text, pos)
    if m is None:
        return False
    word = m.group("w1")
    return word.lower() == "of" or plural_like(word)


def read_scale(text: str, pos: int, cand: Candidate, ctx: Patterns, lex: Lexicon) -> int:
    """Read "and a half" and scale words at ``pos``; return the new end."""
    if not cand.has_scale and text[pos : pos + 5].lower() == " and ":
        half = ctx.half.match(text, pos)
        if half:
            cand.number += 0.5
            cand.decimals = max(cand.decimals, 1)
            pos = half.end()
    # scale words
    if not cand.has_scale:
        # Each pattern opens with what ``following`` is tested for (``scale_attached``
        # with a letter, ``scale_spaced`` with a space or hyphen): a regex call is many
        # times the test, and most numbers are followed by neither ("5%", "5,").
        following = text[pos : pos + 1]
        scale_match = ctx.scale_attached.match(text, pos) if following.isalpha() else None
        if scale_match is None and following in _SPACED_OPENERS:
            scale_match = ctx.scale_spaced.match(text, pos)
        if scale_match:
            word = scale_match.group("s")
            low = word.lower()
            factor = 100.0 if low == "hundred" else lex.scales.get(low, 1.0)
            ambiguous = low in {"m", "b"}
            if ambiguous and not money_or_noun_follows(text, scale_match.end(), cand, ctx):
                scale_match = None
            else:
                cand.scale = factor
                cand.has_scale = True
                cand.exact = False
                pos = scale_match.end()
                nxt = (
                    ctx.scale_spaced.match(text, pos)
                    if text[pos : pos + 1] in _SPACED_OPENERS
                    else None
                )
                if nxt and lex.scales.get(nxt.group("s").lower(), 0.0) > factor:
                    cand.scale *= lex.scales[nxt.group("s").lower()]
                    pos = nxt.end()
    return pos
