"""Cheap readings of the quantity reader that stand for a regex call: always its answer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.lexicon import lexicon, patterns
from claimcheck.extract.numbers import (
    _GATE_AFTER_DIGIT,
    _GATE_CHARS,
    _word_scan,
    _word_start_positions,
)
from claimcheck.extract.scales import _SPACED_OPENERS, attached_scale, spaced_scale

_DECIMAL_PIECES = ["5", "12", "1999", ".", ".5", ".30", ",", ":", "/", " ", "\u00a0", "-"]
_DECIMAL_PIECES += ["pm", "a.m.", "P", "x", "×", "*", "10^", "bln", "%", "st", "Jan", "GMT"]


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_DECIMAL_PIECES), max_size=10).map("".join),
        st.text(alphabet="0123456789.:/ aApPxX×*\u00a0-", max_size=24),
    )
)
def test_digit_gate_characters_hold_after_decimals_wherever_the_gate_does(text: str) -> None:
    gate = re.compile(r"(?<=\d)(?=" + _GATE_AFTER_DIGIT + ")")
    chars = re.compile(r"(?<=\d)" + _GATE_CHARS)
    for position in range(len(text)):
        if gate.match(text, position):
            assert chars.match(text, position), (text, position)


_SCALE_PIECES = [" ", "  ", "\u00a0", "-", " - ", "\u00a0-\u00a0", " -", "5", ".", ",", "%"]
_SCALE_PIECES += ["bln", "BLN", "Bn", "m", "M", "k", "K", "b", "B", "mn", "million", "Million"]
_SCALE_PIECES += ["millions", "hundred", "HUNDRED", "thousand", "trillion", "tr", "lakh"]
_SCALE_PIECES += ["crores", "mil", "mio", "milli", "billionaire", "people", "s", "x", "é"]
# Non-ASCII letters a case-insensitive pattern reads as ASCII ones ("ſ" as "s", "ı" as
# "i", the Kelvin sign as "k"), and other non-ASCII characters.
_SCALE_PIECES += ["ſ", "ı", "İ", "\u212a", "thouſand", "bıllion", "\u212a", "ß", "’", "\u2009"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SCALE_PIECES), max_size=8).map("".join))
def test_scale_readers_are_the_scale_patterns(text: str) -> None:
    ctx = patterns()
    lex = lexicon()
    for pos in range(len(text) + 1):
        following = text[pos : pos + 1]
        if following in _SPACED_OPENERS:
            found = ctx.scale_spaced.match(text, pos)
            expected = (found.start("s"), found.end()) if found else (-1, -1)
            assert spaced_scale(text, pos, ctx, lex) == expected, (text, pos)
        if following.isalpha():
            attached = ctx.scale_attached.match(text, pos)
            assert attached_scale(text, pos, ctx, lex) == (attached.end() if attached else -1), (
                text,
                pos,
            )


def test_scale_readers_read_the_usual_scales() -> None:
    ctx = patterns()
    lex = lexicon()
    assert spaced_scale("5 bln,", 1, ctx, lex) == (2, 5)
    assert spaced_scale("5 - million", 1, ctx, lex) == (4, 11)
    assert spaced_scale("5-Trillion.", 1, ctx, lex) == (2, 10)
    assert spaced_scale("5 billionaires", 1, ctx, lex) == (-1, -1)
    assert spaced_scale("5 thouſand", 1, ctx, lex) == (2, 10)  # the pattern's reading
    assert attached_scale("5bn.", 1, ctx, lex) == 3
    assert attached_scale("5K ", 1, ctx, lex) == 2
    assert attached_scale("5G ", 1, ctx, lex) == -1
    assert attached_scale("5\u212a ", 1, ctx, lex) == -1  # the Kelvin sign: not in "[kK]"


_WORD_PIECES = [" ", "\n", "-", "'", "’", "_", "5", ".", ",", "(", "é", "\u00a0", "a", "an", "A"]
_WORD_PIECES += ["one", "twenty", "five", "tenfold", "fold", "half", "dozens", "of", "the"]
_WORD_PIECES += ["thousands", "million", "hundred", "and", "zero", "ones", "aX", "a_", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=12).map("".join))
def test_word_start_positions_hold_every_word_scan_match(text: str) -> None:
    positions = set(_word_start_positions(text))
    for pos in range(len(text) + 1):
        if _word_scan().match(text, pos):
            assert pos in positions, (text, pos)


def test_word_start_positions_skip_what_the_scan_cannot_match() -> None:
    assert _word_start_positions("a dozen, twenty-five and 5million") == [0, 2, 9]
    assert _word_start_positions("ones x_one one_ one5 the") == [7]  # after "_": a start
