"""The shortcuts of the suffix and scale readers give what the code they replace gave.

Each test compares a shortcut with the code it replaced (kept here as the reference)
or with the regex it stands for, on generated inputs.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.candidate import Candidate
from claimcheck.extract.lexicon import Lexicon, Patterns, lexicon, patterns

scales: Any = importlib.import_module("claimcheck.extract.scales")
suffixes: Any = importlib.import_module("claimcheck.extract.suffixes")

_PIECES = [" ", "  ", "\u00a0", "-", " - ", "5", ".", ",", "%", "% ", "%\u00a0", "p", "P"]
_PIECES += ["points", "Pts", "pt", "point", "percent", "per cent", "pc", "bln", "Bn", "m", "M"]
_PIECES += ["b", "B", "k", "million", "hundred", "thousand", "and a half", " and ", "x", "ſ"]
_PIECES += ["\u212a", "İ", "ı", "people", "of", "in", "dollars", "/", "s", "é", "’", "\u2009"]


def test_only_p_and_capital_p_are_a_caseless_p() -> None:
    caseless_p = re.compile("(?i:p)")
    found = {chr(c) for c in range(0x110000) if caseless_p.fullmatch(chr(c))}
    assert found == {"p", "P"}


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join))
def test_percent_shortcut_is_the_post_pattern(tail: str) -> None:
    ctx = patterns()
    text = "5%" + tail
    if suffixes._points_may_follow(text, 2):
        return
    m = ctx.post.match(text, 1)
    assert m is not None
    assert m.lastgroup == "pct"
    assert m.group("sym") == "%"
    assert m.end() == 2


def _read_scale_before(text: str, pos: int, cand: Candidate, ctx: Patterns, lex: Lexicon) -> int:
    """:func:`scales.read_scale` as it was (set look-ups of sliced characters)."""
    openers = scales._SPACED_OPENERS
    if not cand.has_scale and scales._and_follows(text, pos):
        half = ctx.half.match(text, pos)
        if half:
            cand.number += 0.5
            cand.decimals = max(cand.decimals, 1)
            pos = half.end()
    if not cand.has_scale:
        start = end = -1
        alpha = scales._alpha_at(text, pos)
        if not alpha and text[pos : pos + 1] not in openers:
            return pos
        attached, spaced, table = scales._tables(lex.scales)
        if alpha:
            start, end = pos, scales._attached(text, pos, ctx, attached)
        if end < 0 and text[pos : pos + 1] in openers:
            start, end = scales._spaced(text, pos, ctx, spaced)
        if end >= 0:
            low = text[start:end].lower()
            factor = 100.0 if low == "hundred" else table.get(low, 1.0)
            ambiguous = low in {"m", "b"}
            if not ambiguous or scales.money_or_noun_follows(text, end, cand, ctx):
                cand.scale = factor
                cand.has_scale = True
                cand.exact = False
                pos = end
                if text[pos : pos + 1] in openers:
                    start, end = scales._spaced(text, pos, ctx, spaced)
                    if end >= 0:
                        more = table.get(text[start:end].lower(), 0.0)
                        if more > factor:
                            cand.scale *= more
                            pos = end
    return pos


def _fields(cand: Candidate) -> tuple[object, ...]:
    return tuple(getattr(cand, name) for name in Candidate.__slots__)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=7).map("".join),
    st.booleans(),
    st.booleans(),
)
def test_read_scale_is_unchanged(tail: str, has_scale: bool, currency: bool) -> None:
    ctx = patterns()
    lex = lexicon()
    text = "5" + tail
    cands = []
    for _ in range(2):
        cand = Candidate(0, 1, 5.0)
        cand.has_scale = has_scale
        cand.currency = currency
        cands.append(cand)
    got = scales.read_scale(text, 1, cands[0], ctx, lex)
    expected = _read_scale_before(text, 1, cands[1], ctx, lex)
    assert got == expected, text
    assert _fields(cands[0]) == _fields(cands[1]), text
