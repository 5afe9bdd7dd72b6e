"""What follows a number: scale, then one unit, then a per-denominator.

In priority order: percent forms ("%", "per cent", "percentage points"),
ages ("65-year-old"), cents/sen/pence (value in the currency, scale 0.01),
currency names, codes and symbols ("5 bln yuan", "1,200€"), multipliers
("3 times", "3-fold", "2x": unit ``times``), physical units from ``rules/units.toml``,
a hyphenated counted noun ("a four-cylinder engine"), "aged 25", and
rarer physical units named from quantulum3's data
(:mod:`claimcheck.extract.rare_units`: "5 drams", "3 fathoms"), counted
abbreviations ("15.3 ppg" -> "points per game", "0.5 WAR"), and
finally a counted noun phrase (:mod:`claimcheck.extract.nouns`). A
denominator may follow money and units ("$52 a barrel" -> ``USD/barrel``).
"""

from __future__ import annotations

import re
from typing import Final

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.context import prev_word
from claimcheck.extract.lexicon import NOT_NOUN, Lexicon, Patterns, lexicon
from claimcheck.extract.nouns import read_member, read_noun, read_share, read_whole
from claimcheck.extract.rare_units import rare_unit_at
from claimcheck.extract.scales import read_scale

__all__ = ["match_unit", "read_after", "read_denominator"]


_NO_UNIT_AFTER_SPACE: Final = frozenset("0123456789([-–—\"“'‘")
_PUNCT_AFTER: Final = frozenset(',;:)]!?"”’')


def read_after(text: str, cand: Candidate, ctx: Patterns, lex: Lexicon) -> bool:
    """Read scale, unit and denominator after the core; False if not a quantity.

    A number after "age of" is an age ("under the age of 5 years").
    """
    if not _read_unit(text, cand, ctx, lex):
        return False
    if (
        cand.unit in {None, "year"}
        and cand.start >= 3
        and text.startswith("of ", cand.start - 3)
        and not cand.has_scale
        and _AGE_OF.search(text, max(0, cand.start - 8), cand.start)
    ):
        cand.unit, cand.noun = "year", "age"
    return True


_AGE_OF: Final = re.compile(r"(?i:\bage[ \u00a0]of[ \u00a0])$")


def _read_unit(text: str, cand: Candidate, ctx: Patterns, lex: Lexicon) -> bool:
    pos = cand.core_end
    if cand.unit == "dimensionless":  # a fraction: read what it is a fraction of
        read_whole(text, pos, cand)
        return True
    if cand.unit == "times":  # "sixfold": nothing more to read
        return True
    if cand.is_range:  # "thousands of ...": the unit or noun follows "of"
        pos = cand.core_end + 3
        m = ctx.post.match(text, pos)
        if m is not None and m.lastgroup == "cur":
            code = lex.currency_suffix.get(m.group("curw").lower())
            if code is not None:
                cand.unit, cand.currency, cand.end = code, True, m.end()
                return True
        unit_match = match_unit(text, pos, ctx)
        entry = lex.unit(unit_match[0]) if unit_match else None
        if unit_match and entry is not None:
            cand.unit, cand.end = entry.pint, unit_match[1]
            return True
        read_noun(text, pos, cand, ctx)
        return cand.unit is not None
    pos = read_scale(text, pos, cand, ctx, lex)
    cand.end = pos
    following = text[pos : pos + 1]
    if following and following in _PUNCT_AFTER and not cand.currency:
        return True  # "5," "5." "5)": nothing more can follow
    if following == " " and not cand.currency and text[pos + 1 : pos + 2] in _NO_UNIT_AFTER_SPACE:
        return True  # "in 2023 300 tourists", "5 (five)": no unit after the number
    if cand.currency and following == "%" and not cand.has_scale:
        cand.unit, cand.currency, cand.end = "percent", False, pos + 1
        cand.start = cand.core_start if cand.sign > 0 else cand.core_start - 1
        return True  # "$34,4%": a stray currency sign before a percentage
    if cand.currency:
        # "$5 billion", "US$ 3.1 mln": a prefix currency; maybe a denominator.
        read_denominator(text, cand, ctx)
        return True
    if following == "%" and not _points_may_follow(text, pos + 1):
        cand.unit, cand.end = "percent", pos + 1
        return True  # "5%": what ``ctx.post`` reads there, without the regex and its groups
    # percent
    m = ctx.post.match(text, pos)
    kind = m.lastgroup if m else None
    if m is None or kind is None:
        pass
    elif kind == "pct":
        if m.group("sym"):
            cand.unit = "percentage_point" if len(m.group("sym")) > 1 else "percent"
        else:
            cand.unit = lex.percent[m.group("word").lower()]
        cand.end = m.end()
        return True
    elif kind == "age":
        cand.unit = {"yr": "year"}.get(m.group("u").lower(), m.group("u").lower())
        cand.noun = "age"
        cand.end = m.end()
        return True
    elif kind == "cent":
        word = (m.group("centw") or "pence").lower()  # attached "p": "164p" is pence
        code = {"sen": "MYR", "pence": "GBP"}.get(word, "USD")
        if word.startswith("euro"):
            code = "EUR"
        elif word.startswith("kope"):
            code = "RUB"
        cand.unit = code
        cand.currency = True
        cand.scale *= 0.01
        cand.end = m.end()
        read_denominator(text, cand, ctx)  # "63 cents per share"
        return True
    elif kind in {"cur", "code"}:
        surface = m.group("curw" if kind == "cur" else "codew")
        code = lex.currency_suffix.get(surface) or lex.currency_suffix.get(surface.lower())
        if code is not None:
            cand.unit = code
            cand.currency = True
            cand.end = m.end()
            read_denominator(text, cand, ctx)
            return True
    elif kind == "mult":  # "3 times", "3-fold", "2x": a multiplier
        cand.unit, cand.end = "times", m.end()
        read_denominator(text, cand, ctx)  # "78,000 times a minute"
        return True
    abbreviation = (
        ctx.count_abbreviation.match(text, pos)
        if text[pos + 1 : pos + 2] in ctx.count_abbreviation_firsts
        else None
    )
    if abbreviation is not None:  # "15.3 ppg", "0.5 WAR"
        cand.unit, cand.end = "count", abbreviation.end()
        cand.noun = lex.count_abbreviations[abbreviation.group("a")]
        return True
    unit_match = match_unit(text, pos, ctx)
    if unit_match is not None:
        surface, unit_end = unit_match
        entry = lex.unit(surface)
        if entry is not None:
            cand.unit = entry.pint
            if entry.factor != 1.0:
                cand.scale *= entry.factor
            cand.end = unit_end
            read_denominator(text, cand, ctx)
            return True
    if pos < len(text) and (text[pos].isalpha() or text[pos].isdigit()):
        return False  # "4th", "1990s", "5G", "3D": not a quantity
    if text.startswith((" of ", " in ", " out "), pos) and (
        read_share(text, pos, cand, lex) or read_member(text, pos, cand)
    ):
        return True  # "one in five Germans", "one of the best speakers"
    rare = rare_unit_at(text, pos) if text[pos : pos + 1] == " " else None
    if rare is not None:  # "5 drams", "0.5 roentgens": quantulum3's unit names
        cand.unit, cand.end = rare[0].replace(" ", "_"), rare[1]
        read_denominator(text, cand, ctx)
        return True
    # (The pattern opens with a literal "-": no regex call before anything else.)
    hyphenated = ctx.hyphen_noun.match(text, pos) if text[pos : pos + 1] == "-" else None
    if hyphenated and hyphenated.group("n").lower() not in NOT_NOUN and not cand.has_scale:
        cand.unit, cand.noun, cand.end = "count", hyphenated.group("n"), hyphenated.end()
        return True  # "a four-cylinder engine", "a five-member board"
    if prev_word(text, cand)[0].lower() == "aged":
        cand.unit, cand.noun = "year", "age"
        return True
    read_noun(text, pos, cand, ctx)
    return True


def _points_may_follow(text: str, pos: int) -> bool:
    """Whether "points" or "pts" may follow the "%" before ``pos`` in the percent branch
    of :attr:`~claimcheck.extract.lexicon.Patterns.post`: it opens with a space and a
    "p" of either case (the only characters ``(?i:p)`` matches). Where it cannot, that
    pattern reads a "%" at ``pos - 1`` as its first branch, ``percent``, ending at
    ``pos``: its optional space before the "%" is not written, and the "%" branch is
    tried before any other."""
    return text[pos : pos + 1] in _SPACES and text[pos + 1 : pos + 2] in _P


_SPACES: Final = frozenset((" ", "\u00a0"))
_P: Final = frozenset(("p", "P"))


def match_unit(text: str, pos: int, ctx: Patterns) -> tuple[str, int] | None:
    """The lexicon unit written at ``pos``: ``(surface, end)``, the longest reading."""
    best: tuple[str, int] | None = None
    m = ctx.unit_ci.match(text, pos)
    if m:
        best = (m.group("u") or m.group("sym"), m.end())
    c = ctx.unit_cs.match(text, pos)
    if c and (best is None or c.end() >= best[1]):
        best = (c.group("u"), c.end())
    return best


_DENOMINATOR_OPENERS: Final = frozenset((" ", "\u00a0", "/", "-"))
"""The characters :attr:`~claimcheck.extract.lexicon.Patterns.denominator` opens with."""
_DENOMINATOR_SECONDS: Final = frozenset(("/", "p", "a", "e"))
"""The characters a match of the denominator pattern holds second when it does not open
with "/": the slash after a space, or the first letter of "per", "a", "an", "each" or
"every" (lower-case only: these words are outside the pattern's ``(?i:...)``)."""


def _may_be_denominator(text: str, end: int) -> bool:
    """False where :attr:`~claimcheck.extract.lexicon.Patterns.denominator` cannot match
    at ``end``: a test of two characters, cheaper than the regex call ("5% of", "$5 bln
    in" are most figures)."""
    first = text[end : end + 1]
    if first == "/":
        return True
    return first in _DENOMINATOR_OPENERS and text[end + 1 : end + 2] in _DENOMINATOR_SECONDS


def read_denominator(text: str, cand: Candidate, ctx: Patterns) -> None:
    """A per-denominator after the unit: "$52 a barrel" -> ``USD/barrel``."""
    if not _may_be_denominator(text, cand.end):
        return  # no regex call where it cannot match ("5%,", "$5 bln.", "5% of")
    m = ctx.denominator.match(text, cand.end)
    if m:
        den = lexicon().denominators[m.group("d").lower()]
        cand.unit = f"{cand.unit}/{den}"
        cand.end = m.end()
