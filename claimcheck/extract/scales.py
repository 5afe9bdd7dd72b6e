"""Scale words after a number: "bln", "m", "mil", "million", "thousand million".

"and a half" before the scale adds 0.5 ("two and a half million"). The
single letters are ambiguous: "M"/"B" always scale; "m" scales unless a
length reading is signalled ("100m sprint", "2m tall", "3m-high", "10m/s");
"b" only before money or a counted noun.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.lexicon import METRE_CONTEXT, Lexicon, Patterns
from claimcheck.extract.nouns import plural_like

__all__ = ["attached_scale", "money_or_noun_follows", "read_scale", "spaced_scale"]


_SPACED_OPENERS: Final = frozenset((" ", "\u00a0", "-"))
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


_NONE: Final = (-1, -1)
"""No scale word: what :func:`spaced_scale` returns when its pattern does not match."""

_REGEX: Final = -1
"""What :func:`_word_end` returns when only the regex can tell."""

_NO_WORD: Final = -2
"""What :func:`_word_end` returns when no scale word is written there."""

_Tables = tuple[frozenset[str], frozenset[str], dict[str, float]]
"""``(attached, spaced, scales)``: the words of the two scale patterns (see
:data:`_WORD_SETS`) and the lexicon's ``scales`` as a dict (a look-up in a ``dict`` is
a primitive of the compiled build, one in a ``Mapping`` a method call)."""

_WORD_SETS: Final[list[tuple[Mapping[str, float], _Tables]]] = []
"""The scale words the two scale patterns read, lower-case, for the lexicon's ``scales``
(computed once): ``(scales, (attached, spaced, dict(scales)))``; both sets empty when a
word is not all ASCII letters (then the patterns alone read scales)."""


def _tables(scales: Mapping[str, float]) -> _Tables:
    """The :data:`_Tables` of ``scales`` (see :data:`_WORD_SETS`); the tuple is built
    once, not at each call."""
    if _WORD_SETS and _WORD_SETS[0][0] is scales:
        return _WORD_SETS[0][1]
    long = [s for s in scales if len(s) > 1]
    # The letters the patterns match outside their word lists: "[kKmMbB]", "hundred".
    attached = frozenset([*long, "k", "m", "b"])
    spaced = frozenset([*long, "hundred"])
    if not all(w.isascii() and w.isalpha() for w in attached | spaced):
        attached = spaced = frozenset()
    tables = (attached, spaced, dict(scales))
    _WORD_SETS[:] = [(scales, tables)]
    return tables


def _word_sets(scales: Mapping[str, float]) -> tuple[frozenset[str], frozenset[str]]:
    """The words of ``scale_attached`` and ``scale_spaced`` (see :data:`_WORD_SETS`)."""
    tables = _tables(scales)
    return tables[0], tables[1]


def _word_end(text: str, start: int, words: frozenset[str]) -> int:
    """The end of the word of ``words`` (any case) written at ``start`` and followed by
    no ASCII letter or digit, as the scale patterns read it; :data:`_NO_WORD` when there
    is none; :data:`_REGEX` when a non-ASCII character ends the ASCII letters at
    ``start`` (it may be one a pattern reads case-insensitively as a letter: "ſ", "K").

    Every word is ASCII letters, so a pattern's word is the whole run of ASCII letters
    at ``start``: a shorter one would be followed by a letter.
    """
    if not words:
        return _REGEX
    end = start
    size = len(text)
    while end < size:
        code = ord(text[end])
        if not (97 <= code <= 122 or 65 <= code <= 90):
            break
        end += 1
    if end < size:
        code = ord(text[end])
        if code >= 128:
            return _REGEX
        if 48 <= code <= 57:
            return _NO_WORD  # "5 bln2": a digit after the word
    if end > start and text[start:end].lower() in words:
        return end
    return _NO_WORD


def attached_scale(text: str, pos: int, ctx: Patterns, lex: Lexicon) -> int:
    """The end of ``ctx.scale_attached.match(text, pos)`` ("5bn", "5K"), -1 for none;
    read with str operations where the pattern's answer is certain."""
    return _attached(text, pos, ctx, _word_sets(lex.scales)[0])


def _attached(text: str, pos: int, ctx: Patterns, words: frozenset[str]) -> int:
    """:func:`attached_scale` with its words (``_word_sets(lex.scales)[0]``)."""
    end = _word_end(text, pos, words)
    if end == _REGEX:
        found = ctx.scale_attached.match(text, pos)
        return found.end() if found is not None else -1
    return end if end >= 0 else -1


def spaced_scale(text: str, pos: int, ctx: Patterns, lex: Lexicon) -> tuple[int, int]:
    """``(start, end)`` of the scale word of ``ctx.scale_spaced.match(text, pos)`` ("5
    million", "5-bln", "5 - bn"), :data:`_NONE` for none; read with str operations where
    the pattern's answer is certain. ``text[pos]`` is one of :data:`_SPACED_OPENERS`."""
    return _spaced(text, pos, ctx, _word_sets(lex.scales)[1])


def _spaced(text: str, pos: int, ctx: Patterns, words: frozenset[str]) -> tuple[int, int]:
    """:func:`spaced_scale` with its words (``_word_sets(lex.scales)[1]``)."""
    end = _word_end(text, pos + 1, words)
    if end >= 0:
        return pos + 1, end
    if end == _NO_WORD and (
        text[pos] == "-" or text[pos + 1 : pos + 2] != "-" or text[pos + 2 : pos + 3] not in _SPACES
    ):
        return _NONE  # the pattern's third opener, " - ", is not written there
    if end == _NO_WORD:
        end = _word_end(text, pos + 3, words)
        if end >= 0:
            return pos + 3, end
        if end == _NO_WORD:
            return _NONE
    found = ctx.scale_spaced.match(text, pos)
    return (found.start("s"), found.end()) if found is not None else _NONE


_SPACES: Final = frozenset((" ", "\u00a0"))


def _and_follows(text: str, pos: int) -> bool:
    """``text[pos : pos + 5].lower() == " and "``, without the slice and ``lower`` where
    the first two characters rule it out (most numbers): ``str.lower`` maps each
    character on its own, only " " to a string opening with " " and only "a" and "A" to
    one opening with "a" (the one mapping that lengthens, "İ" to "i̇", holds no letter
    of "and", so a shorter slice never lowers to the five characters)."""
    if pos + 5 > len(text) or ord(text[pos]) != 32:
        return False
    second = ord(text[pos + 1])
    if second not in (97, 65):
        return False
    return text[pos : pos + 5].lower() == " and "


def _alpha_at(text: str, pos: int) -> bool:
    """``text[pos : pos + 1].isalpha()``: compiled, ``isalpha`` is a method call, and an
    ASCII character is a letter exactly when it is one of "a"-"z" or "A"-"Z"."""
    if pos >= len(text):
        return False
    code = ord(text[pos])
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90
    return text[pos].isalpha()


def read_scale(text: str, pos: int, cand: Candidate, ctx: Patterns, lex: Lexicon) -> int:
    """Read "and a half" and scale words at ``pos``; return the new end."""
    if cand.has_scale:
        return pos  # the core has its scale already ("two million", "2.998×10−8")
    if _and_follows(text, pos):
        half = ctx.half.match(text, pos)
        if half:
            cand.number += 0.5
            cand.decimals = max(cand.decimals, 1)
            pos = half.end()
    # scale words
    # Each pattern opens with what the next character is tested for (``scale_attached``
    # with a letter, ``scale_spaced`` with a space or hyphen, never both): most numbers
    # are followed by neither ("5%", "5,").
    if pos >= len(text):
        return pos
    spaced_at = _spaced_opener_at(text, pos)
    if not spaced_at and not _alpha_at(text, pos):
        return pos
    attached, spaced, scales = _tables(lex.scales)
    if spaced_at:
        start, end = _spaced(text, pos, ctx, spaced)
    else:
        start, end = pos, _attached(text, pos, ctx, attached)
    if end < 0:
        return pos
    low = text[start:end].lower()
    factor = 100.0 if low == "hundred" else scales.get(low, 1.0)
    ambiguous = low in {"m", "b"}
    if not ambiguous or money_or_noun_follows(text, end, cand, ctx):
        cand.scale = factor
        cand.has_scale = True
        cand.exact = False
        pos = end
        if pos < len(text) and _spaced_opener_at(text, pos):
            start, end = _spaced(text, pos, ctx, spaced)
            if end >= 0:
                more = scales.get(text[start:end].lower(), 0.0)
                if more > factor:
                    cand.scale *= more
                    pos = end
    return pos


def _spaced_opener_at(text: str, pos: int) -> bool:
    """``text[pos] in _SPACED_OPENERS`` (``pos < len(text)``), without the set look-up:
    the openers are " " (32), the no-break space (160) and "-" (45)."""
    code = ord(text[pos])
    return code in (32, 160, 45)
