"""The look-up tables and shortcuts of the extractor give what the plain searches give.

Each shortcut (a table built once from the lexicon, a bound on a gap, a
character class) replaces a search that was run in full before; these tests
compare the two on generated inputs, so that a change of the rule packs or
of a pattern cannot make them drift apart unnoticed.
"""

from __future__ import annotations

import importlib
import re
import re._parser as sre_parse
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.lexicon import Lexicon, lexicon, patterns
from claimcheck.extract.sentences import _paragraph_starts, split_paragraphs

currencies: Any = importlib.import_module("claimcheck.extract.currencies")
qualifiers: Any = importlib.import_module("claimcheck.extract.qualifiers")
ranges: Any = importlib.import_module("claimcheck.extract.ranges")
phrases: Any = importlib.import_module("claimcheck.extract.phrases")


def _prefix_by_trying(text: str, start: int) -> tuple[int, str] | None:
    """:func:`currencies.prefix_currency` as it tried every prefix ending in the last
    character, longest first."""
    lex = lexicon()
    if start == 0:
        return None
    end = start
    spaced = text[start - 1] in " \u00a0"
    if spaced:
        end -= 1
        if end == 0:
            return None
    for prefix in sorted(lex.currency_prefix, key=len, reverse=True):
        pos = end - len(prefix)
        if pos >= 0 and text.startswith(prefix, pos, end):
            if prefix[0].isalpha():
                if pos > 0 and text[pos - 1].isalnum():
                    continue
                if spaced and prefix in {"TL", "SR", "LE", "Dh", "Dhs", "Rp"}:
                    continue
            return pos, lex.currency_prefix[prefix]
    return None


_PREFIX_PIECES = sorted({*lexicon().currency_prefix, " ", "\u00a0", "a", "US", "1", "S", "$"})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PREFIX_PIECES), max_size=5))
def test_prefix_tails_find_what_trying_every_prefix_finds(pieces: list[str]) -> None:
    text = "".join(pieces) + "5"
    start = len(text) - 1
    expected = _prefix_by_trying(text, start)
    assert currencies.prefix_currency(text, start, patterns(), lexicon()) == expected


def _qualifier_by_trying(text: str, start: int, lex: Lexicon) -> str | None:
    """The phrase look-up of :func:`qualifiers.qualifier_before`, trying 4 to 1 words."""
    tokens = text[max(0, start - 40) : start].split()
    for n in (4, 3, 2, 1):
        if len(tokens) < n:
            continue
        found = lex.qualifiers.get(" ".join(tokens[-n:]).lower())
        if found is not None:
            return qualifiers.as_qualifier(found)  # type: ignore[no-any-return]
    return None


_QUALIFIER_WORDS = sorted(
    {w for q in lexicon().qualifiers for w in q.split()} | {"The", "trade", "Up", "MORE"}
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_QUALIFIER_WORDS), min_size=1, max_size=6))
def test_qualifier_lengths_find_what_trying_every_length_finds(words: list[str]) -> None:
    text = " ".join(words) + " 5"
    start = len(text) - 1
    lex = lexicon()
    found = qualifiers.qualifier_before(text, start, lex)
    cut = text.rfind(" ", max(0, start - 25), start - 1)
    if text[cut + 1 : start - 1].lower() in patterns().qualifier_last_words:
        assert found == _qualifier_by_trying(text, start, lex)
    else:
        assert found is None


def test_longest_gap_bounds_the_range_gap_patterns() -> None:
    for pattern in (ranges._RANGE_GAP, ranges._FROM_GAP):
        assert sre_parse.parse(pattern.pattern).getwidth()[1] <= ranges._LONGEST_GAP


def test_non_word_class_is_not_alnum_nor_underscore() -> None:
    non_word: re.Pattern[str] = phrases._NON_WORD
    for code in range(0x3000):  # Latin, Greek, Cyrillic, ..., general punctuation
        char = chr(code)
        assert (non_word.match(char) is not None) == (not (char.isalnum() or char == "_"))


@given(st.text(alphabet=" \t\n\rab.", max_size=40))
def test_paragraph_starts_are_the_starts_of_the_paragraphs(text: str) -> None:
    assert _paragraph_starts(text) == [p.start for p in split_paragraphs(text)]
