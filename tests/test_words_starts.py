"""The number-word scan's start positions of ASCII text, read from its runs of "a"-"z"
(``bytes.translate`` and ``split``), are those of the character loop, and the scan
finds what the plain pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import numbers


def _loop_positions(lowered: str) -> list[int]:
    """The character loop :func:`numbers._word_start_positions` runs on any text."""
    words = numbers._start_words()
    out: list[int] = []
    size = len(lowered)
    i = 0
    while i < size:
        if not "a" <= lowered[i] <= "z":
            i += 1
            continue
        start = i
        while i < size and "a" <= lowered[i] <= "z":
            i += 1
        if start > 0 and lowered[start - 1] in "0123456789'-’":
            continue
        if i < size and lowered[i] in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_":
            continue
        if lowered[start:i] in words:
            out.append(start)
    return out


_PIECES = st.sampled_from(
    [
        "a",
        "an",
        "one",
        "two",
        "twenty",
        "hundred",
        "million",
        "dozen",
        "dozens",
        "half",
        "tens",
        "thousands",
        "tenfold",
        "of",
        "and",
        "record",
        "x",
        "A",
        "Two",
        "5",
        "_",
        " ",
        "\n",
        "-",
        "'",
        ".",
        ",",
        "%",
        "$",
    ]
)
_TEXT = st.lists(_PIECES, max_size=16).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_ascii_start_positions_are_the_loop_ones(text: str) -> None:
    assert numbers._start_words()
    for lowered in (text, text.lower()):
        assert lowered.isascii()
        assert numbers._word_start_positions(lowered) == _loop_positions(lowered)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_any_ascii_text(text: str) -> None:
    assert numbers._word_start_positions(text) == _loop_positions(text)


@settings(max_examples=800, deadline=None)
@given(_TEXT)
def test_word_matches_are_the_plain_scan(text: str) -> None:
    lowered = text.lower()
    found = [(m.start(), m.end(), m.lastgroup) for m in numbers._word_matches(lowered)]
    plain = [(m.start(), m.end(), m.lastgroup) for m in numbers._word_scan().finditer(lowered)]
    assert found == plain


def test_non_ascii_text_keeps_the_loop() -> None:
    text = "é two million ’five and 3seven twenty"
    assert numbers._word_start_positions(text) == _loop_positions(text)
