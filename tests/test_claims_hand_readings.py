"""Claim building's hand readings of short gaps agree with the patterns they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.claims import (
    _ADJACENT_BEFORE,
    _COMPARED_BEFORE,
    _COMPARED_GAP,
    _FROM_BEFORE,
    _FROM_RUNS,
    _IN_BEFORE,
    _IN_RUNS,
    _OWNER_GAP,
    _PARTNER_BEFORE,
    _PARTNER_RUNS,
    _REALISED,
    _TO_BEFORE,
    _TO_RUNS,
    _adjacent_gap,
    _compared_before,
    _compared_gap,
    _ends_with_words,
    _owner_gap,
    _realised_between,
)
from claimcheck.extract.entities import EntityMention
from claimcheck.extract.metrics import Cue, MetricMention
from claimcheck.extract.periods import PeriodMention

_END_PIECES = ["from", "FROM", "of", "the", "The", "to", "into", "in", "with", "against"]
_END_PIECES += ["vis-a-vis", "goods", "Goods", " ", "  ", "\n", "\u00a0", "\x1c", "x", "ſ"]
_END_PIECES += ["K", "Russia", "(", "-", "_", "1", "é", "İ", "ı", "tHe", "vis", "a-vis", "INTO"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_END_PIECES), max_size=10).map("".join), st.data())
def test_end_words_are_the_pattern_search(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    for pattern, runs in (
        (_FROM_BEFORE, _FROM_RUNS),
        (_IN_BEFORE, _IN_RUNS),
        (_TO_BEFORE, _TO_RUNS),
        (_PARTNER_BEFORE, _PARTNER_RUNS),
    ):
        found = pattern.search(text, lo, hi) is not None
        assert _ends_with_words(pattern, runs, text, lo, hi) == found, (pattern, text, lo, hi)


_COMPARED_PIECES = ["from", "than", "compared", "with", "to", "versus", "vs", "vs.", ".", "x"]
_COMPARED_PIECES += ["against", "about", "Around", "NEARLY", "almost", "over", "some", "just"]
_COMPARED_PIECES += ["roughly", " ", "  ", "\n", "\u00a0", "(", "_", "1", "ſ", "K", "ı", "Compared"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_COMPARED_PIECES), max_size=10).map("".join), st.data())
def test_compared_before_is_the_pattern_search(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    found = _COMPARED_BEFORE.search(text, lo, hi) is not None
    assert _compared_before(text, lo, hi) == found, (text, lo, hi)


def test_compared_before_examples() -> None:
    assert _compared_before("up from about ", 0, 14)
    assert _compared_before("as compared  to ", 0, 16)
    assert _compared_before("(vs. ", 0, 5)
    assert not _compared_before("up from about", 0, 13)
    assert not _compared_before("over ", 0, 5)


def test_end_words_examples() -> None:
    assert _ends_with_words(_FROM_BEFORE, _FROM_RUNS, "imports of the goods from the ", 8, 30)
    assert _ends_with_words(_TO_BEFORE, _TO_RUNS, "exports (to ", 0, 12)
    assert not _ends_with_words(_TO_BEFORE, _TO_RUNS, "exports into ", 10, 13)  # "\b" at 10
    assert _ends_with_words(_TO_BEFORE, _TO_RUNS, "exports into ", 8, 13)
    assert _ends_with_words(_PARTNER_BEFORE, _PARTNER_RUNS, "surplus vis-a-vis the ", 0, 22)
    assert not _ends_with_words(_IN_BEFORE, _IN_RUNS, "in the", 0, 6)


_GAP_PIECES = [" ", "  ", "\n", "\u00a0", "\x1f", "in", "IN", "for", "during", "over", "the"]
_GAP_PIECES += ["The", "x", "'s", "’s", "China", "top", "and", "or", "to", "toy", "ı", "İ", "ſ"]
_GAP_PIECES += ["crude", "Crude", "é", "-", "'", "s", "by", "than", "as"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_GAP_PIECES), max_size=8).map("".join), st.data())
def test_gap_readings_are_the_pattern_fullmatch(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    assert _compared_gap(text, lo, hi) == (_COMPARED_GAP.fullmatch(text, lo, hi) is not None)
    assert _owner_gap(text, lo, hi) == (_OWNER_GAP.fullmatch(text, lo, hi) is not None)
    assert _adjacent_gap(text, lo, hi) == (_ADJACENT_BEFORE.fullmatch(text, lo, hi) is not None)


def test_gap_reading_examples() -> None:
    assert _compared_gap(" in the ", 0, 8)
    assert _compared_gap(" inthe ", 0, 7)
    assert not _compared_gap(" in the", 0, 7)
    assert _owner_gap("'s trade ", 0, 9)
    assert not _owner_gap("'s trade", 0, 8)
    assert _adjacent_gap("'s crude", 0, 8)
    assert not _adjacent_gap(" and", 0, 4)


_REALISED_PIECES = ["reached", "Amounted", "stood", "totaled", "TOTALLED", "was", "were", "x"]
_REALISED_PIECES += ["grew", "rose", "fell", "increased", "hit", "hitS", " ", "'", "_", "1", "é"]
_REALISED_PIECES += ["ſ", "K", "İ", "ı", "-", "\n", "wa", "s"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_REALISED_PIECES), max_size=10).map("".join), st.data())
def test_realised_between_is_the_pattern_search(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(-1, hi))
    found = _REALISED.search(text, lo, hi) is not None
    assert _realised_between(text, lo, hi) == found, (text, lo, hi)


def test_mention_tuples_open_with_their_start() -> None:
    # claims._index reads ``m[0]`` for ``m.start``.
    for mention in (EntityMention, MetricMention, Cue, PeriodMention):
        assert mention._fields[0] == "start"
