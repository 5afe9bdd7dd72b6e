"""Claim building's regex-free readings agree with the patterns they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.claims import (
    _AFTER_COMMA_OPENERS,
    _CLAUSE_BREAK,
    _FROM_BEFORE,
    _FROM_ENDS,
    _IN_BEFORE,
    _IN_ENDS,
    _PARTNER_BEFORE,
    _PARTNER_ENDS,
    _TO_BEFORE,
    _TO_ENDS,
    _clause_breaks,
    _ends_with_match,
    _most_named,
    _sorted_names,
)
from claimcheck.extract.metrics import find_terms, term_parts
from claimcheck.extract.phrases import _canonical, _canonical_cached
from claimcheck.extract.sentences import (
    _CANDIDATE,
    _NEXT_START,
    candidate_bounds,
    next_start,
    sentence_bounds,
)


def test_comma_openers_are_every_case_of_the_words_first_letters() -> None:
    # What the ignoring-case words after ", " can open with, over all of Unicode.
    opener = re.compile(r"(?i:[wbas])")
    found = {chr(c) for c in range(0x110000) if opener.fullmatch(chr(c))}
    assert found == set(_AFTER_COMMA_OPENERS)
    letter_h = re.compile(r"(?i:h)")
    assert {chr(c) for c in range(0x110000) if letter_h.fullmatch(chr(c))} == {"h", "H"}


_BREAK_PIECES = [",", ", ", ",\u00a0", " ", "w", "W", "hile", "Hereas", "HILE", "ſo", "So far"]
_BREAK_PIECES += ["but", "And", "with", "so", "x", ";", "(", ")", "\n", "ſ", "s", "while "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_BREAK_PIECES), max_size=12).map("".join), st.data())
def test_clause_breaks_are_the_pattern_matches(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    expected = [m.span() for m in _CLAUSE_BREAK.finditer(text, lo, hi)]
    assert _clause_breaks(text, [(lo, hi)]) == expected


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="a .!?…\n\"”’)]\t\u00a0»'", max_size=40))
def test_candidate_bounds_are_the_scan(text: str) -> None:
    assert candidate_bounds(text) == [m.span() for m in _CANDIDATE.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="aA .\n\t\u00a0\"'“‘«([)x", max_size=12), st.data())
def test_next_start_is_the_regex(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    found = _NEXT_START.match(text, pos)
    assert next_start(text, pos) == (found.start(2) if found else -1)


def _sentence_bounds_by_regex(text: str) -> list[tuple[int, int]]:
    """The sentence bounds as the regex reading gave them (the earlier code)."""
    from claimcheck.extract import sentences as s

    kept = s._Keep([])
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if text[match.start()] == "\n":
            if end < len(text) and text[end] != "\n":
                following = _NEXT_START.match(text, end)
                blank_line = "\n" in text[end : following.start(2)] if following else True
                if not blank_line and following is not None and following.group(2).islower():
                    continue
            end = match.start()
        elif not _ends_by_regex(text, match.start(), end):
            continue
        s._cut_long(text, start, end, spans, kept)
        start = match.end()
    s._cut_long(text, start, len(text), spans, kept)
    return spans


def _ends_by_regex(text: str, dot: int, end: int) -> bool:
    from claimcheck.extract import sentences as s

    if text[dot] != ".":
        return True
    following = _NEXT_START.match(text, end)
    if following is None:
        return True
    if "\n" in text[end : following.start(2)]:
        return True
    nxt = following.group(2)
    if nxt.islower() or nxt in ",;:)":
        return False
    before = s.word_before(text, max(0, dot - 20), dot)
    if before is None:
        return True
    word = before.lower().rstrip(".")
    if word in s._MONTH_ABBR:
        return not nxt.isdigit()
    if word in s._NON_TERMINAL:
        return False
    return not (len(word) == 1 and before[0].isupper())


_SENTENCE_PIECES = ["Trade", " rose", ". ", ".", "\n", "\n\n", " U.S. ", "Jan. 5", '"', "(", "x"]
_SENTENCE_PIECES += ["! ", "?", "…", " a", "J. Smith", "’", "« ", "\t", "5.1", ") ", "Mr. "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=16).map("".join))
def test_sentence_bounds_are_the_regex_reading(text: str) -> None:
    assert sentence_bounds(text) == _sentence_bounds_by_regex(text)


@given(st.text(alphabet="ab ’'\t\n", max_size=12))
def test_canonical_cached_is_canonical(surface: str) -> None:
    assert _canonical_cached(surface) == _canonical(surface)
    assert _canonical_cached(surface) == _canonical(surface)


_END_PIECES = ["from", "FROM", "of", "the", "The", "to", "into", "in", "with", "against"]
_END_PIECES += ["vis-a-vis", "goods", " ", "  ", "\n", "\u00a0", "x", "ſ", "K", "Russia", "("]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_END_PIECES), max_size=10).map("".join), st.data())
def test_end_gates_keep_every_match(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    for pattern, ends in (
        (_FROM_BEFORE, _FROM_ENDS),
        (_IN_BEFORE, _IN_ENDS),
        (_TO_BEFORE, _TO_ENDS),
        (_PARTNER_BEFORE, _PARTNER_ENDS),
    ):
        found = pattern.search(text, lo, hi) is not None
        assert _ends_with_match(pattern, ends, text, lo, hi) == found, (pattern, text, lo, hi)


def test_term_parts_are_find_terms() -> None:
    text = "Global trade balance rose; foreign trade and exports to the world grew 5% y/y."
    terms = find_terms(text)
    metrics, cues, worlds = term_parts(text)
    assert (metrics, cues) == (terms.metrics, terms.cues)
    assert worlds == [(w.start, w.end) for w in terms.worlds]
    shifting = "İstanbul: foreign trade grew"  # lower-casing shifts offsets: the other scans
    terms = find_terms(shifting)
    metrics, cues, worlds = term_parts(shifting)
    assert (metrics, cues) == (terms.metrics, terms.cues)
    assert worlds == [(w.start, w.end) for w in terms.worlds] != []


@given(st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(1, 4)), st.integers(1, 4))
def test_most_named_is_the_stable_sort(counts: dict[str, int], n: int) -> None:
    assert _most_named(counts, n) == sorted(counts.items(), key=lambda item: -item[1])[:n]


@given(st.lists(st.sampled_from(["China", "India", "World", "Chile", "chile"]), max_size=4))
def test_sorted_names_is_the_sorted_set(names: list[str]) -> None:
    assert _sorted_names(names) == tuple(sorted(set(names)))
