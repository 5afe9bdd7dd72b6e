"""``find_words``: its substring pre-test never changes what the patterns find, and the
word lists it keeps prepared by the tuple's identity find what the patterns find, for tuples
seen again, lists and tuples that are new objects."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from claimcheck.checks import _common
from claimcheck.checks._common import _any_word_pattern, _by_length, _word_pattern, find_words

_WORDS = ("doubled", "Halved", "more than", "x-fold", "k", "ſix", "tripled", "i")


def _reference(text: str, words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """``find_words`` without the pre-test: the patterns alone."""
    ordered = _by_length(words)
    if not ordered or _any_word_pattern(ordered).search(text) is None:
        return []
    out: list[tuple[int, int, str]] = []
    for word in ordered:
        for match in _word_pattern(word).finditer(text):
            if not any(s < match.end() and match.start() < e for s, e, _ in out):
                out.append((match.start(), match.end(), word.lower()))
    return sorted(out)


_pieces = st.sampled_from(
    [*_WORDS, "DOUBLED", "Doubled", "six", "SIX", "K", "İ", "ı", "\u212a", "-", " ", ".", "a", "ed"]
)


@given(
    st.lists(_pieces, max_size=12).map("".join),
    st.lists(st.sampled_from(_WORDS), max_size=4).map(tuple),
)
@example("Six times", ("ſix",))
@example("\u212a-fold", ("k",))
@example("x-fold rise, DOUBLED", ("doubled", "x-fold"))
def test_find_words_finds_what_the_patterns_find(text: str, words: tuple[str, ...]) -> None:
    assert find_words(text, words) == _reference(text, words)


def test_ascii_and_unicode_case_folding() -> None:
    assert find_words("Exports DOUBLED.", ["doubled"]) == [(8, 15, "doubled")]
    assert find_words("Exports re-doubled.", ["doubled"]) == []
    # a non-ASCII word matches ASCII text case-insensitively: no substring shortcut
    assert find_words("six", ["ſix"]) == [(0, 3, "ſix")]
    # non-ASCII text: the Kelvin sign matches "k"
    assert find_words("\u212a", ["k"]) == [(0, 1, "k")]


_pieces = st.sampled_from([*_WORDS, "DOUBLED", "Six", "K", "\u212a", "-", " ", "a", "ed"])
_TEXTS = st.lists(_pieces, max_size=12).map("".join)
_TUPLES = st.lists(st.sampled_from(_WORDS), max_size=4).map(tuple)


@given(st.lists(st.tuples(_TEXTS, st.integers(0, 3)), max_size=8), st.lists(_TUPLES, min_size=4))
def test_prepared_words_find_what_the_oracle_finds(
    calls: list[tuple[str, int]], tuples: list[tuple[str, ...]]
) -> None:
    for text, which in calls:  # the same tuple objects asked again and again
        words = tuples[which]
        assert find_words(text, words) == _reference(text, words)
        assert find_words(text, list(words)) == _reference(text, words)
        assert find_words(text, (*words,)) == _reference(text, words)  # a new tuple


def test_the_cache_stays_bounded() -> None:
    for n in range(3 * _common._PREPARED_CAP):
        words = (f"w{n}", "doubled")
        assert find_words("it doubled", words) == [(3, 10, "doubled")]
    assert len(_common._PREPARED) <= _common._PREPARED_CAP
