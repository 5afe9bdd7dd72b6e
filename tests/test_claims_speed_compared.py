"""_compared_before's test of the last two characters agrees with the pattern it skips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.claims import _COMPARED_BEFORE, _COMPARED_TAILS, _compared_before

# The words of the pattern, in several cases, and near misses: words ending with other
# letters ("reached", "amounted to"), pieces of words, one-letter tokens, marks.
_PIECES = ["from", "than", "compared", "with", "to", "versus", "vs", "vs.", ".", "x", "Vs."]
_PIECES += ["against", "about", "Around", "NEARLY", "almost", "over", "some", "just", "TO"]
_PIECES += ["roughly", " ", "  ", "\n", "\u00a0", "(", "_", "1", "ſ", "K", "ı", "Compared"]
_PIECES += ["reached", "amounted", "stood at", "ed", "o", "t", "s", "m", "-", "om", "ST"]


@settings(max_examples=6000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join), st.data())
def test_compared_before_with_its_tail_test_is_the_search(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    found = _COMPARED_BEFORE.search(text, lo, hi) is not None
    assert _compared_before(text, lo, hi) == found, (text, lo, hi)


def test_every_word_of_the_pattern_ends_with_a_tail() -> None:
    for word in ("from", "than", "with", "to", "versus", "vs", "vs.", "against"):
        assert word[-2:] in _COMPARED_TAILS
    for word in ("about", "around", "nearly", "almost", "over", "some", "just", "roughly"):
        assert word[-2:] in _COMPARED_TAILS
