"""The period patterns tried only where a match can start find what a search finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.periods import _ANCHORS, _matches_at, anchor_starts
from claimcheck.extract.periods import _PATTERNS as _PERIOD_PATTERNS

_PIECES = ["2019", "2020", "1999", "1950", "19", "20", "٢٠١٩", "20٢٣", "²", "0", "5", "15"]
_PIECES += ["-", "–", "—", "/", " ", "  ", "\n", "\u00a0", "_", "x", ",", ".", "%", "$"]
_PIECES += ["jan", "jan.", "january", "may", "mar.", "march", "sept", "dec", "june", "xjun"]
_PIECES += ["from", "by", "before", "until", "till", "the end of ", "this", "the", "current"]
_PIECES += ["year", "fiscal", "financial", "fy", " of ", " in ", "last", "or", "1st", "to"]
_TEXTS = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=10).map(" ".join),
)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS, st.integers(0, 90), st.integers(0, 90))
def test_anchored_patterns_find_what_their_search_finds(text: str, a: int, b: int) -> None:
    low = text.lower()
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    patterns = dict(_PERIOD_PATTERNS)
    for name in _ANCHORS:
        pattern = patterns[name]
        expected = [m.span() for m in pattern.finditer(low, lo, hi)]
        starts = anchor_starts(name, low, lo, hi)
        if starts is None:  # a gated pattern whose gate is open: searched as before
            continue
        assert starts == sorted(starts), (name, starts)
        assert all(lo <= start < hi for start in starts), (name, starts)
        found = [m.span() for m in _matches_at(pattern, low, starts, lo, hi)]
        assert found == expected, (name, low[lo:hi])


def test_anchored_patterns_find_the_phrases_they_read() -> None:
    patterns = dict(_PERIOD_PATTERNS)
    for phrase, name in [
        ("in 2019 and 2020-05-03", "iso"),
        ("in 2019 and 2020-05-03", "year"),
        ("since 15 june 2020", "dayfirst"),
        ("from january to march 2020", "range"),
        ("in march, 2020", "month"),
        ("by the end of 2024", "deadline"),
        ("the year 2023-24", "fysplit"),
    ]:
        low = phrase.lower()
        expected = [m.span() for m in patterns[name].finditer(low)]
        assert expected, (name, phrase)
        starts = anchor_starts(name, low, 0, len(low))
        if starts is None:
            continue
        found = [m.span() for m in _matches_at(patterns[name], low, starts, 0, len(low))]
        assert found == expected
