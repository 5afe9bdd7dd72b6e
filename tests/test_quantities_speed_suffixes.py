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


def _unit_pieces() -> list[str]:
    lex = lexicon()
    surfaces = sorted({*lex.units, *lex.cased_units})
    pieces = [*surfaces, *(s.upper() for s in surfaces), *(s.title() for s in surfaces)]
    pieces += [s[:-1] for s in surfaces if len(s) > 2]
    pieces += [" ", "\u00a0", "-", "5", ".", "/", "²", "countries", "s", "ſ", "\u212a"]
    return pieces


_UNIT_PIECES = _unit_pieces()


def test_unit_gate_is_in_use() -> None:
    assert suffixes._unit_heads(patterns())[2]


@settings(max_examples=3000, deadline=None)
@given(
    st.sampled_from([" ", "\u00a0", "-"]),
    st.lists(st.sampled_from(_UNIT_PIECES), min_size=1, max_size=4).map("".join),
)
def test_no_unit_gate_holds_wherever_a_unit_pattern_matches(opener: str, tail: str) -> None:
    ctx = patterns()
    text = "5" + opener + tail
    for pos in range(len(text)):
        if suffixes._no_unit_at(text, pos, ctx):
            assert ctx.unit_ci.match(text, pos) is None, (text, pos)
            assert ctx.unit_cs.match(text, pos) is None, (text, pos)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=" \u00a0-abcdefghijklmnopqrstuvwxyzKMTGW²³/.ſ\u212aİı", max_size=12))
def test_no_unit_gate_holds_on_any_letters(text: str) -> None:
    ctx = patterns()
    for pos in range(len(text)):
        if suffixes._no_unit_at(text, pos, ctx):
            assert ctx.unit_ci.match(text, pos) is None, (text, pos)
            assert ctx.unit_cs.match(text, pos) is None, (text, pos)


currencies: Any = importlib.import_module("claimcheck.extract.currencies")
rare: Any = importlib.import_module("claimcheck.extract.rare_units")


def _prefix_currency_before(
    text: str, start: int, ctx: Patterns, lex: Lexicon
) -> tuple[int, str] | None:
    """:func:`currencies.prefix_currency` as it was (tails sliced and looked up)."""
    if start == 0:
        return None
    end = start
    spaced = text[start - 1] in " \u00a0"
    if spaced:
        end -= 1
        if end == 0:
            return None
    if text[end - 1] not in ctx.prefixes_by_last:
        return None
    tails = ctx.prefix_tails
    written: tuple[str, ...] = ()
    longest = min(ctx.prefix_max - 1, end)
    k = 1
    while k <= longest:
        found = tails.get(text[end - k : end])
        if found is None:
            break
        written = found
        k += 1
    for prefix in written:
        pos = end - len(prefix)
        if currencies.is_letter(prefix[0]):
            if pos > 0 and text[pos - 1].isalnum():
                continue
            if spaced and prefix in currencies._ATTACHED_ONLY:
                continue
        return pos, lex.currency_prefix[prefix]
    return None


def _currency_pieces() -> list[str]:
    prefixes = sorted(lexicon().currency_prefix)
    pieces = [*prefixes, *(p.lower() for p in prefixes), *(p[1:] for p in prefixes)]
    pieces += [" ", "\u00a0", "to ", "of ", "x", "5", ".", "$", "S", "U", "€", "¥"]
    return pieces


_CURRENCY_PIECES = _currency_pieces()


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_CURRENCY_PIECES), max_size=5).map("".join))
def test_prefix_currency_is_unchanged(head: str) -> None:
    ctx = patterns()
    lex = lexicon()
    text = head + "5"
    for start in range(len(text) + 1):
        expected = _prefix_currency_before(text, start, ctx, lex)
        assert currencies.prefix_currency(text, start, ctx, lex) == expected, (text, start)


def _rare_unit_at_before(text: str, pos: int) -> tuple[str, int] | None:
    """:func:`rare.rare_unit_at` as it was (no first-word look-up)."""
    if text[pos + 1 : pos + 4].lower() not in rare._prefixes():
        return None
    m = rare._WORDS.match(text, pos)
    if m is None:
        return None
    table = rare.rare_units()
    words = [w for w in m.groups() if w is not None]
    for n in range(len(words), 0, -1):
        name = table.get(" ".join(words[:n]).lower())
        if name is not None:
            return name, m.end(n)
    return None


def _rare_pieces() -> list[str]:
    names = sorted(rare.rare_units())[::7]
    pieces = [*names, *(n.upper() for n in names), *(n[:-2] for n in names if len(n) > 5)]
    pieces += [" ", "\u00a0", "-", "countries", "cou", "a" * 24, "b" * 3, "5", "."]
    return pieces


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_rare_pieces()), max_size=4).map("".join))
def test_rare_unit_at_is_unchanged(tail: str) -> None:
    text = "5 " + tail
    for pos in range(len(text)):
        if text[pos] == " ":
            assert rare.rare_unit_at(text, pos) == _rare_unit_at_before(text, pos), (text, pos)
