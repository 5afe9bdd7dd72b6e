"""``find_words``: its substring pre-test never changes what the patterns find."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

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
