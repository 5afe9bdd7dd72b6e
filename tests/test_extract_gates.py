"""Cheap tests that let the extractor skip a regex search: never wrong when they skip."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.claims import (
    _CHANGE_NOUN_BEFORE,
    _CHANGE_NOUN_ENDS,
    _LEVEL_BEFORE,
    _LEVEL_ENDS,
    _may_end_with,
)
from claimcheck.extract.entities import _capitalised_pattern, _one_pattern, find_entities
from claimcheck.extract.numbers import _ASCII_DIGIT_STARTS, _DIGIT_STARTS
from claimcheck.extract.sentences import _CANDIDATE, _WORD_BEFORE, candidates, word_before

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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.+(a ,\n", max_size=40))
def test_ascii_digit_starts_are_the_unicode_ones_on_ascii_text(text: str) -> None:
    assert [m.span() for m in _ASCII_DIGIT_STARTS.finditer(text)] == [
        m.span() for m in _DIGIT_STARTS.finditer(text)
    ]


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
