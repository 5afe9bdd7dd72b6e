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
from claimcheck.extract.lexicon import NOT_NOUN, Lexicon, Patterns, lexicon, patterns
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
    if _no_unit_at(text, pos, ctx):
        return None  # "two countries": no regex call where neither pattern can match
    best: tuple[str, int] | None = None
    m = ctx.unit_ci.match(text, pos)
    if m:
        best = (m.group("u") or m.group("sym"), m.end())
    c = ctx.unit_cs.match(text, pos)
    if c and (best is None or c.end() >= best[1]):
        best = (c.group("u"), c.end())
    return best


def _no_unit_at(text: str, pos: int, ctx: Patterns) -> bool:
    """True where neither ``ctx.unit_ci`` nor ``ctx.unit_cs`` can match at ``pos``: a
    space, no-break space or hyphen there, then a run of ASCII letters that is not the
    run of ASCII letters opening any surface (:func:`_unit_heads`), ended by the text's
    end or an ASCII character. False where the patterns must tell.

    A surface read after the opener matches letters of the run from its start; the
    ASCII letters opening it match the run's letters only (a letter matches letters,
    and the character after the run, ASCII, is none); what follows them in the surface,
    if anything, is no ASCII letter and matches no ASCII letter (see
    :func:`_unit_heads`), so it must stand at the run's end: the opening letters are the
    whole run. A surface of letters only matches the whole run too, as the patterns
    forbid a letter after the unit. Read without the opener, a surface would open with
    a space or a hyphen, which none does; no symbol opens with either or with a letter.
    """
    size = len(text)
    if pos + 1 >= size or ord(text[pos]) not in (32, 160, 45):
        return False
    end = pos + 1
    while end < size:
        code = ord(text[end])
        if not (97 <= code <= 122 or 65 <= code <= 90):
            break
        end += 1
    if end == pos + 1 or (end < size and ord(text[end]) >= 128):
        return False
    caseless, cased, usable = _unit_heads(ctx)
    if not usable:
        return False
    run = text[pos + 1 : end]
    return run.lower() not in caseless and run not in cased


_UnitHeads = tuple[frozenset[str], frozenset[str], bool]
"""``(caseless, cased, usable)``: see :func:`_unit_heads`."""

_UNIT_HEADS: Final[list[tuple[Patterns, _UnitHeads]]] = []
"""The :data:`_UnitHeads` of the :class:`Patterns` in use (computed once)."""


def _ascii_head(surface: str) -> str:
    """The run of ASCII letters ``surface`` opens with ("sq" of "sq ft")."""
    end = 0
    while end < len(surface) and surface[end].isascii() and surface[end].isalpha():
        end += 1
    return surface[:end]


def _unit_heads(ctx: Patterns) -> _UnitHeads:
    """The runs of ASCII letters the unit surfaces of ``ctx.unit_ci`` (lower-case) and
    ``ctx.unit_cs`` (as written) open with, for :func:`_no_unit_at`. ``usable`` is False
    where its reasoning does not hold for the lexicon: a surface that opens with no ASCII
    letter (but for a non-ASCII one, in ``unit_ci``), a symbol that opens with an ASCII
    letter, a space or a hyphen, or a non-ASCII character in a surface of ``unit_ci``
    that its case-insensitive reading matches with an ASCII character or a no-break
    space (the Kelvin sign with "k", "ſ" with "s")."""
    if _UNIT_HEADS and _UNIT_HEADS[0][0] is ctx:
        return _UNIT_HEADS[0][1]
    lex = lexicon()
    words = [s for s in lex.units if s[0].isalpha() or s[0] in "µμ"]
    symbols = [s for s in lex.units if not (s[0].isalpha() or s[0] in "µμ")]
    usable = ctx is patterns() and not any(
        (s[0].isascii() and s[0].isalpha()) or s[0] in " \u00a0-" for s in symbols
    )
    caseless = set()
    for surface in words:
        head = _ascii_head(surface)
        if head:
            caseless.add(head.lower())
        elif surface[0].isascii():
            usable = False
    cased = set()
    for surface in lex.cased_units:
        head = _ascii_head(surface)
        if not head:
            usable = False
        cased.add(head)
    others = [chr(code) for code in range(128)] + ["\u00a0"]
    for char in {c for s in words for c in s if not c.isascii()}:
        caseless_char = re.compile("(?i:" + re.escape(char) + ")")
        if any(caseless_char.fullmatch(other) for other in others):
            usable = False
    heads = (frozenset(caseless), frozenset(cased), usable)
    _UNIT_HEADS[:] = [(ctx, heads)]
    return heads


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
