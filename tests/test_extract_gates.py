"""Cheap tests that let the extractor skip a regex search: never wrong when they skip."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.claims import (
    _CHANGE_NOUN_BEFORE,
    _CHANGE_NOUN_ENDS,
    _CLAUSE_BREAK,
    _COMPARATIVE_AFTER,
    _COMPARATIVE_OPENERS,
    _COMPARED_BEFORE,
    _COMPARED_ENDS,
    _LEVEL_BEFORE,
    _LEVEL_ENDS,
    _SHARE_AFTER,
    _SHARE_OPENERS,
    _after_space,
    _clause_breaks,
    _may_end_with,
)
from claimcheck.extract.entities import (
    _CURRENCY_AFTER,
    _capitalised_pattern,
    _currency_may_follow,
    _one_pattern,
    find_entities,
)
from claimcheck.extract.lexicon import patterns
from claimcheck.extract.numbers import (
    _DIGIT_GATE,
    _GATE_AFTER_DIGIT,
    _GATE_CHARS,
    _ascii_digits,
    _digit_matches,
    _digit_scan,
    _digit_starts,
)
from claimcheck.extract.periods import _ALONE_AFTER, _REQUIRED, _STARTS_FROM, _matches_at
from claimcheck.extract.periods import _PATTERNS as _PERIOD_PATTERNS
from claimcheck.extract.ranges import _RANGE_GAP, _may_be_range_gap
from claimcheck.extract.scales import _SPACED_OPENERS
from claimcheck.extract.sentences import _CANDIDATE, _WORD_BEFORE, candidates, word_before
from claimcheck.extract.suffixes import _DENOMINATOR_OPENERS

_PIECES = [
    "increase",
    "Rise",
    "GROWTH",
    "decline",
    "at",
    "AT",
    "of",
    "Was",
    "to",
    "reached",
    "amounted",
    "stood",
    "from",
    "totaled",
    "TOTALLED",
    "put",
    "the",
    "than",
    "compared",
    "with",
    "versus",
    "vs.",
    "VS",
    "against",
    "roughly",
    "about",
    "juſt",
    "waſ",
    "ſtood",
    "’",
    " ",
    "  ",
    "\n",
    "\u00a0",
    "\u2009",
    ",",
    "-",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_gates_pass_every_text_the_patterns_match(text: str) -> None:
    if _COMPARED_BEFORE.search(text):
        assert _may_end_with(text, _COMPARED_ENDS)
    if _CHANGE_NOUN_BEFORE.search(text):
        assert _may_end_with(text, _CHANGE_NOUN_ENDS)
    if _LEVEL_BEFORE.search(text):
        assert _may_end_with(text, _LEVEL_ENDS)


def test_gates_skip_texts_ending_otherwise() -> None:
    assert _CHANGE_NOUN_BEFORE.search("put the increase at ")
    assert _may_end_with("put the increase at ", _CHANGE_NOUN_ENDS)
    assert _may_end_with("the rise WAS\n", _CHANGE_NOUN_ENDS)
    assert not _may_end_with("trade turnover grew by ", _CHANGE_NOUN_ENDS)
    assert not _may_end_with("exports, ", _LEVEL_ENDS)
    assert _may_end_with("amounted to ", _LEVEL_ENDS)
    assert _may_end_with("stood ’at ", _LEVEL_ENDS)  # not ASCII: left to the pattern


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ.é \n,’-", max_size=30), st.data())
def test_word_before_is_the_regex_search(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    found = _WORD_BEFORE.search(text, lo, hi)
    assert word_before(text, lo, hi) == (found.group(1) if found else None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='a .!?…\n"”’)]\t', max_size=40))
def test_sentence_candidates_are_the_scan(text: str) -> None:
    assert [m.span() for m in candidates(text)] == [m.span() for m in _CANDIDATE.finditer(text)]


_DIGIT_PIECES = [
    *"0123456789.,+()-/:– \n\u00a0xX*×⁄aApPmMJNoOsStThdGUC%",
    "2023",
    "123,456",
    "+7 495 ",
    "(555) ",
    "8th of ",
    "November",
    " Nov",
    " pm",
    "a.m.",
    " GMT",
    "10^",
    "5\u00a0700",
    "٣",
    "١٢",
    "é",
]
_DIGIT_TEXTS = st.lists(st.sampled_from(_DIGIT_PIECES), max_size=16).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_DIGIT_TEXTS, st.text(alphabet="0123456789.,+(-/: a\u00a0٣x", max_size=40)))
def test_digit_matches_are_the_digit_scan(text: str) -> None:
    expected = [(m.span(), m.lastgroup, m.group()) for m in _digit_scan().finditer(text)]
    assert [(m.span(), m.lastgroup, m.group()) for m in _digit_matches(text)] == expected
    if text.isascii():  # the ASCII variant agrees on ASCII text
        assert [m.span() for m in _digit_starts(True).finditer(text)] == [
            m.span() for m in _digit_starts(False).finditer(text)
        ]


@settings(max_examples=1500, deadline=None)
@given(_DIGIT_TEXTS)
def test_digit_gate_passes_every_match_but_num(text: str) -> None:
    gate = re.compile(r"[+(]|" + _DIGIT_GATE)
    for position in range(len(text)):
        found = _digit_scan().match(text, position)
        if found is not None and found.lastgroup != "num":
            assert gate.match(text, position), (text, position)


def test_capitalised_entity_pattern_is_the_full_one_without_its_key_words() -> None:
    full = _one_pattern()
    capitalised, keys = _capitalised_pattern()
    assert keys and all(key[:1].isalpha() for key in keys)
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("fixtures").glob("*.md"))]
    texts.append("Trade with the UAE, the  Emirates and the rest of the\nworld rose; CHINA fell.")
    checked = 0
    for text in texts:
        spans = [m.span() for m in full.finditer(text)]
        if any(key in text for key in keys):
            continue
        checked += 1
        assert spans == [m.span() for m in capitalised.finditer(text)]
    assert checked >= 5
    last = texts[-1]
    assert [m.span() for m in full.finditer(last)] != [m.span() for m in capitalised.finditer(last)]
    found = find_entities(texts[-1]) + find_entities(texts[-1])  # both scans run
    assert {m.entity for m in found} >= {"United Arab Emirates", "World", "China"}


def test_digit_matches_after_a_match_ending_inside_a_number() -> None:
    text = "+7 495 123,456 and 8 November 2023, 10:30 pm, 1/2 of 1.5×10^3"
    spans = [(m.span(), m.lastgroup) for m in _digit_matches(text)]
    assert spans[:2] == [((0, 10), "block"), ((11, 14), "num")]  # "456" after the phone
    assert spans == [(m.span(), m.lastgroup) for m in _digit_scan().finditer(text)]


_PERIOD_PIECES = [
    "over the year",
    "in the whole year",
    "during this period",
    "the same time",
    "that period of last year",
    "by 2024",
    "until the end of this year",
    "FY 2023-24",
    "1999–2001",
    "2023-11-08",
    "last year",
    "over",
    "during",
    "throughout",
    "for",
    "in",
    "the",
    "The",
    "whole",
    "full",
    "year",
    "Year",
    "this",
    "that",
    "same",
    "reporting",
    "period",
    "time",
    "of",
    "last",
    "a",
    "by",
    "until",
    "till",
    "before",
    "2023",
    "1999",
    "24",
    "07",
    "to",
    "fiscal",
    "financial",
    "FY",
    "current",
    "previous",
    "past",
    "next",
    "end",
    " ",
    "  ",
    "\n",
    "-",
    "–",
    "—",
    "/",
    ",",
    "x",
]
_PERIOD_TEXTS = st.one_of(
    st.lists(st.sampled_from(_PERIOD_PIECES), max_size=14).map("".join),
    st.lists(st.sampled_from(_PERIOD_PIECES), max_size=8).map(" ".join),
)


@settings(max_examples=500, deadline=None)
@given(_PERIOD_TEXTS)
def test_period_matches_hold_one_of_their_required_words(text: str) -> None:
    """The period scan skips a window without any required word of a pattern: every
    match of the pattern (on lower-cased text, as the scan runs it) holds one."""
    low = text.lower()
    for name, pattern in _PERIOD_PATTERNS:
        required = _REQUIRED.get(name)
        if required is None:
            continue
        for match in pattern.finditer(low):
            assert any(word in match.group() for word in required), (name, match.group())


def test_period_required_words_cover_the_phrases_they_gate() -> None:
    for phrase, name in [
        ("over the year", "theyear"),
        ("during the whole year", "theyear"),
        ("in this period", "anaphoric"),
        ("the same period last year", "anaphoric"),
        ("that time", "anaphoric"),
    ]:
        match = dict(_PERIOD_PATTERNS)[name].search(phrase)
        assert match is not None
        assert any(word in match.group() for word in _REQUIRED[name])


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_DIGIT_TEXTS, st.text(alphabet="0123456789.,:/-+ aApPsthxX×*\u00a0JMG")))
def test_digit_gate_characters_hold_wherever_the_gate_does(text: str) -> None:
    gate = re.compile(r"(?<=\d)(?=" + _GATE_AFTER_DIGIT + ")")
    chars = re.compile(r"(?<=\d)" + _GATE_CHARS)
    for position in range(len(text)):
        if gate.match(text, position):
            assert chars.match(text, position), (text, position)


def test_ascii_digits_rewrites_only_the_digit_class() -> None:
    assert _ascii_digits(r"[\d.+(]\d{1,3}(?<![\d.][\s\S])\.\\") == (
        r"[0-9.+(][0-9]{1,3}(?<![0-9.][\s\S])\.\\"
    )


_BREAK_PIECES = ["while", "While", "WHILE", "whereas", "w", "W", " ", "\n", "\u00a0", ",", ";"]
_BREAK_PIECES += ["(", ")", "but", "and", "so", "so far", "with", "x", "whıle", "whereaſ"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(_BREAK_PIECES), max_size=14).map("".join),
    st.lists(st.integers(0, 60), max_size=6),
)
def test_clause_breaks_are_the_pattern_matches(text: str, cuts: list[int]) -> None:
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    regions = list(itertools.pairwise(bounds))
    expected = [m.span() for lo, hi in regions for m in _CLAUSE_BREAK.finditer(text, lo, hi)]
    assert _clause_breaks(text, regions) == expected


_PERIOD_PIECES = ["2019", "2020", "1999", "1950", "19", "20", "-", "–", " to ", " ", "  ", "\n"]
_PERIOD_PIECES += ["jan", "jan.", "january", "may", "mar.", "march", "sept", "dec", "x", "5"]
_PERIOD_PIECES += ["15", "1st", ",", " of ", " in ", " the ", "this year", "last", "%", "$", "."]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(_PERIOD_PIECES), max_size=14).map("".join),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_period_patterns_take_their_starts_from_the_pattern_they_open_with(
    low: str, a: int, b: int
) -> None:
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    patterns = dict(_PERIOD_PATTERNS)
    for name, source in _STARTS_FROM.items():
        starts = [m.start() for m in patterns[source].finditer(low, lo, hi)]
        expected = [m.span() for m in patterns[name].finditer(low, lo, hi)]
        assert [m.span() for m in _matches_at(patterns[name], low, starts, lo, hi)] == expected


_SUFFIX_PIECES = [" ", "\u00a0", "-", "/", ",", ".", "%", "bln", "B", "m", "K", "million", "Mln"]
_SUFFIX_PIECES += ["per", "a", "barrel", "year", "tonne", "or", "OR", "more", "less", "so", "5"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SUFFIX_PIECES), max_size=10).map("".join))
def test_suffix_patterns_open_only_with_what_their_callers_test_first(text: str) -> None:
    ctx = patterns()
    for pos in range(len(text) + 1):
        following = text[pos : pos + 1]
        if ctx.scale_attached.match(text, pos):
            assert following.isalpha()
        if ctx.scale_spaced.match(text, pos):
            assert following in _SPACED_OPENERS
        if ctx.denominator.match(text, pos):
            assert following in _DENOMINATOR_OPENERS
        if ctx.post_qualifier.match(text, pos):
            assert text[pos + 1 : pos + 3].lower() == "or"


_AFTER_MENTION_PIECES = [" ", "  ", "\n", "\u00a0", "$", "5", "٣", "dollars", "Dollar", "DOLLARS"]
_AFTER_MENTION_PIECES += ["cents", "cent", "d", "c", "x", "'s", ".", ","]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_MENTION_PIECES), max_size=8).map("".join))
def test_currency_test_passes_wherever_the_currency_pattern_matches(text: str) -> None:
    for end in range(len(text) + 1):
        if _CURRENCY_AFTER.match(text, end):
            assert _currency_may_follow(text, end)


_GAP_PIECES = [" ", "  ", "\u00a0", "-", "–", "—", "to", "through", "and", "or", "from", ",", "x"]
_GAP_PIECES += ["\t", "To", "an", "up"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_GAP_PIECES), max_size=6).map("".join))
def test_range_gap_test_passes_every_gap_the_pattern_matches(gap: str) -> None:
    if _RANGE_GAP.fullmatch(gap):
        assert _may_be_range_gap(gap)


_AFTER_FIGURE_PIECES = [" ", "\n", "\u00a0", "of", "in", "the", "total", "its", "more", "UP"]
_AFTER_FIGURE_PIECES += [
    "Less",
    "fewer",
    "down",
    "higher",
    "than",
    "from",
    "year",
    "alone",
    "ALONE",
]
_AFTER_FIGURE_PIECES += [",", "x", "China"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_FIGURE_PIECES), max_size=8).map("".join))
def test_after_figure_tests_pass_wherever_the_patterns_match(text: str) -> None:
    for pos in range(len(text) + 1):
        if _SHARE_AFTER.match(text, pos):
            assert _after_space(text, pos) in _SHARE_OPENERS
        if _COMPARATIVE_AFTER.match(text, pos):
            assert _after_space(text, pos) in _COMPARATIVE_OPENERS
        if _ALONE_AFTER.match(text, pos):
            assert text[pos : pos + 1].isspace()
