"""Sentence and paragraph splitting."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.sentences import (
    _CANDIDATE,
    Sentences,
    split_paragraphs,
    split_sentences,
)


def _texts(text: str) -> list[str]:
    return [span.slice(text) for span in split_sentences(text)]


def test_abbreviations_decimals_and_scales() -> None:
    text = (
        "The U.S. share fell to 2.5% on Jan. 5 this year. Exports rose to $1.5 bln. "
        "Dr. Wang agreed. Imports reached 3.75 mln t!"
    )
    assert _texts(text) == [
        "The U.S. share fell to 2.5% on Jan. 5 this year.",
        "Exports rose to $1.5 bln.",
        "Dr. Wang agreed.",
        "Imports reached 3.75 mln t!",
    ]


def test_quotes_and_lower_case_continuations() -> None:
    text = '"Trade grew by 5%," he said. "It is a record." Sales e.g. of oil rose.'
    assert _texts(text) == [
        '"Trade grew by 5%," he said.',
        '"It is a record."',
        "Sales e.g. of oil rose.",
    ]


def test_line_breaks_and_paragraphs() -> None:
    text = "Headline without a stop\nFirst line of a body that\nwraps here. Next one.\n\nNew para"
    assert _texts(text) == [
        "Headline without a stop",
        "First line of a body that\nwraps here.",
        "Next one.",
        "New para",
    ]
    paragraphs = [p.slice(text) for p in split_paragraphs(text)]
    assert paragraphs[-1] == "New para"
    assert len(paragraphs) == 2


def test_index_lookups() -> None:
    text = "One is here. Two is there.\n\nThree."
    sentences = Sentences(text)
    assert sentences.index_at(text.index("Two")) == 1
    assert sentences.index_at(text.index("Three")) == 2
    assert sentences.paragraph_at(text.index("Two")) == 0
    assert sentences.paragraph_at(text.index("Three")) == 1


@given(st.text(alphabet="ab .\n$1%U.S", max_size=80))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for span in spans:
        assert last <= span.start < span.end <= len(text)
        assert not text[span.start].isspace()
        assert not text[span.end - 1].isspace()
        last = span.end


_PLAIN_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n")


@given(st.text(alphabet=".!?…\"'”’»)] \n\tAbz1", max_size=40))
def test_fast_candidate_pattern_matches_the_plain_one(text: str) -> None:
    fast = [m.span() for m in _CANDIDATE.finditer(text)]
    assert fast == [m.span() for m in _PLAIN_CANDIDATE.finditer(text)]
