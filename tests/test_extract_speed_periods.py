"""The period scan's shortcuts skip only what cannot match (the scan's own speed-ups)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.periods import _PATTERNS as _PERIOD_PATTERNS
from claimcheck.extract.periods import _STARTS_FROM, _may_open
from claimcheck.extract.sentences import (
    _PARA_BREAK,
    _append_start,
    _append_trimmed,
    _paragraph_starts,
)

_PIECES = ["2019", "2020", "1999", "1950", "19", "20", "٢٠١٩", "20٢٣", "²", "0", "5", "15"]
_PIECES += ["-", "–", "—", "/", " ", "  ", "\n", "\u00a0", "\u2028", "_", "x", ",", ".", "%"]
_PIECES += ["jan", "jan.", "january", "may", "mar.", "march", "sept", "sep.", "dec", "june"]
_PIECES += ["junto", "xjun", "to", "t", "o", "st", "th", "1st", "3rd", "é", "J", "Jan", "٣"]
_TEXTS = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=10).map(" ".join),
)


@settings(max_examples=4000, deadline=None)
@given(_TEXTS, st.integers(0, 90))
def test_patterns_taking_starts_are_skipped_only_where_they_cannot_match(text: str, b: int) -> None:
    """Wherever ``yrange`` or ``day`` matches (any start, any window end), ``_may_open``
    keeps the start."""
    low = text.lower()
    patterns = dict(_PERIOD_PATTERNS)
    hi = min(b, len(low))
    everywhere = list(range(hi))
    for name in _STARTS_FROM:
        kept = set(_may_open(name, low, everywhere, hi))
        for start in everywhere:
            if patterns[name].match(low, start, hi) is not None:
                assert start in kept, (name, low[start:hi])


def test_patterns_taking_starts_keep_the_phrases_they_read() -> None:
    patterns = dict(_PERIOD_PATTERNS)
    for phrase, name in [
        ("2019-2020", "yrange"),
        ("2019 to 2021", "yrange"),
        ("2019 –  2021 alone", "yrange"),
        ("june 5", "day"),
        ("jan.\u00a012, 2020", "day"),
        ("sept 30th", "day"),
    ]:
        low = phrase.lower()
        assert patterns[name].match(low, 0, len(low)) is not None, phrase
        assert _may_open(name, low, [0], len(low)) == [0], phrase
    assert _may_open("yrange", "2019, down", [0], 10) == []
    assert _may_open("day", "january-june", [0], 12) == []


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The slice-and-strip reading of a piece's bounds (what ``_append_trimmed`` was)."""
    piece = text[start:end]
    kept = piece.lstrip()
    if not kept:
        return []
    start += len(piece) - len(kept)
    return [(start, start + len(kept.rstrip()))]


_BLANKS = [" ", "\t", "\r", "\f", "\v", "\n", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85"]
_SPACED = st.lists(
    st.sampled_from([*_BLANKS, "a", "B.", "1", "x y", "\n\n", " \n \n "]), max_size=20
)


@settings(max_examples=3000, deadline=None)
@given(_SPACED.map("".join), st.integers(0, 60), st.integers(0, 60))
def test_trimming_in_place_is_strip(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    out: list[tuple[int, int]] = []
    _append_trimmed(text, start, end, out)
    assert out == _trimmed(text, start, end)
    starts: list[int] = []
    _append_start(text, start, end, starts)
    assert starts == [s for s, _ in out]


@settings(max_examples=3000, deadline=None)
@given(_SPACED.map("".join))
def test_paragraph_starts_are_those_of_the_break_pattern(text: str) -> None:
    expected: list[int] = []
    start = 0
    for match in _PARA_BREAK.finditer(text):
        expected += [s for s, _ in _trimmed(text, start, match.start())]
        start = match.end()
    expected += [s for s, _ in _trimmed(text, start, len(text))]
    assert _paragraph_starts(text) == expected
