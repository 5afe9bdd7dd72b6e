"""The shortcuts of the quantity reader give what the plain code they replace gave.

Each test compares a shortcut (a test of a character or two before a slice, a
look-up before a split) with the code it replaced, kept here as the reference, on
generated inputs.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.lexicon import Lexicon, lexicon, patterns

numbers: Any = importlib.import_module("claimcheck.extract.numbers")
qualifiers: Any = importlib.import_module("claimcheck.extract.qualifiers")
scales: Any = importlib.import_module("claimcheck.extract.scales")

_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009]")


def _parse_digits_before(core: str) -> tuple[float, int]:
    """:func:`numbers.parse_digits` as it was (``in`` and ``index``)."""
    comma = core.rfind(",")
    if comma >= 0 and "." not in core and len(core) - comma - 1 in {1, 2}:
        core = _SEPARATORS.sub("", core[:comma]) + "." + core[comma + 1 :]
    has_separator = "," in core or "\u00a0" in core or "\u202f" in core or "\u2009" in core
    plain = _SEPARATORS.sub("", core) if has_separator else core
    decimals = len(plain) - plain.index(".") - 1 if "." in plain else 0
    return float(plain), decimals


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789.,\u00a0\u202f\u2009", min_size=1, max_size=14))
def test_parse_digits_is_unchanged(text: str) -> None:
    for match in re.finditer(numbers.DIGITS, text):
        core = match.group()
        assert numbers.parse_digits(core) == _parse_digits_before(core)


def test_parse_digits_examples() -> None:
    for core in ("1,234,567.5", "12,8", "5\u00a0700,25", "190,27", ".5", "42", "3.000"):
        assert numbers.parse_digits(core) == _parse_digits_before(core)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" aAnNdDİiıK\u00a0x", max_size=7), st.integers(0, 8))
def test_and_follows_is_the_lowered_slice_test(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert scales._and_follows(text, pos) == (text[pos : pos + 5].lower() == " and ")


@given(st.text(max_size=3), st.integers(0, 4))
def test_alpha_at_is_isalpha_of_the_slice(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert scales._alpha_at(text, pos) == text[pos : pos + 1].isalpha()


def _qualifier_before_before(text: str, start: int, lex: Lexicon) -> str | None:
    """:func:`qualifiers.qualifier_before` as it was (no second-to-last word look-up)."""
    ctx = patterns()
    if start == 0:
        return None
    last = text[start - 1]
    if last in "~<>≤≥":
        return "about" if last == "~" else qualifiers.as_qualifier(lex.qualifiers.get(last))
    if not last.isspace() or start < 2:
        return None
    cut = text.rfind(" ", max(0, start - 25), start - 1)
    if text[cut + 1 : start - 1].lower() not in ctx.qualifier_last_words:
        return None
    tokens = text[max(0, start - 40) : start].split()
    if not tokens:
        return None
    for n in ctx.qualifier_lengths.get(tokens[-1].lower(), ()):
        if len(tokens) < n:
            continue
        found = lex.qualifiers.get(" ".join(tokens[-n:]).lower())
        if found is not None:
            return qualifiers.as_qualifier(found)  # type: ignore[no-any-return]
    return None


_WORDS = sorted(
    {w for q in lexicon().qualifiers for w in q.split()}
    | {"The", "trade", "Up", "MORE", "amounted", "surplus", "Close", "IN", "xxxxxxxxxxxx"}
)
_GAPS = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", " \n "]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), min_size=1, max_size=7),
    st.sampled_from([" ", "\u00a0", "\n", "  "]),
)
def test_qualifier_before_is_unchanged(pieces: list[tuple[str, str]], last_gap: str) -> None:
    text = "".join(word + gap for word, gap in pieces[:-1]) + pieces[-1][0] + last_gap + "5"
    start = len(text) - 1
    lex = lexicon()
    for begin in range(len(text) - 1):
        sub = text[begin:]
        at = len(sub) - 1
        assert qualifiers.qualifier_before(sub, at, lex) == _qualifier_before_before(sub, at, lex)
    assert qualifiers.qualifier_before(text, start, lex) == _qualifier_before_before(
        text, start, lex
    )


def test_penultimates_cover_every_phrase() -> None:
    table = qualifiers._penultimates(lexicon().qualifiers)
    for phrase in lexicon().qualifiers:
        words = phrase.split(" ")
        allowed = table[words[-1]]
        assert allowed is None or (len(words) > 1 and words[-2] in allowed)


currencies: Any = importlib.import_module("claimcheck.extract.currencies")
prefixes: Any = importlib.import_module("claimcheck.extract.prefixes")
quantities: Any = importlib.import_module("claimcheck.extract.quantities")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" mMiInNuUsSİı\u00a0x", min_size=6, max_size=9), st.integers(6, 9))
def test_minus_before_is_the_lowered_slice_test(text: str, start: int) -> None:
    start = min(start, len(text))
    assert prefixes._minus_before(text, start) == (text[start - 6 : start].lower() == "minus ")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" oOrRİı\u00a0x", max_size=4), st.integers(0, 5))
def test_or_at_is_the_lowered_slice_test(text: str, pos: int) -> None:
    assert quantities._or_at(text, pos) == (text[pos : pos + 2].lower() == "or")


@given(st.characters())
def test_is_letter_is_isalpha(char: str) -> None:
    assert currencies.is_letter(char) == char.isalpha()
