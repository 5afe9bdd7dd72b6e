"""Small look-arounds shared by the reader stages: the word before a number,
the gap between two numbers, sentence breaks and signs."""

from __future__ import annotations

import re

from claimcheck.extract.candidate import Candidate

__all__ = ["SENTENCE_BREAK", "SIGNS", "gap_between", "prev_word", "previous_word", "same_sentence"]


SIGNS = frozenset("-−–")
SENTENCE_BREAK = re.compile(r"[.!?][\s\"'”’)]|\n")


def previous_word(text: str, start: int) -> tuple[str, int]:
    """The word before ``start`` and its start offset ("" when none).

    Only a word separated from ``start`` by whitespace counts.
    """
    end = start
    while end > 0 and end > start - 4 and text[end - 1] in " \u00a0\t\n":
        end -= 1
    if end in (start, 0):
        return "", start
    lo = max(0, end - 30)
    # The last of the three separators, two at a time: compiled, a ``max`` of two ints is
    # a comparison, one of three a generic call.
    idx = max(text.rfind(" ", lo, end), text.rfind("\n", lo, end))
    idx = max(idx, text.rfind("\u00a0", lo, end))
    if idx < 0:
        idx = lo - 1
    return text[idx + 1 : end], idx + 1


def prev_word(text: str, cand: Candidate) -> tuple[str, int]:
    """:func:`previous_word` before ``cand``'s span, computed once."""
    if cand.prev is None or cand.prev[1] > cand.start:
        cand.prev = previous_word(text, cand.start)
    return cand.prev


def gap_between(text: str, a: Candidate, b: Candidate) -> str:
    """The text between two candidates."""
    return text[a.end : b.start]


def same_sentence(gap: str) -> bool:
    """Whether a gap between two figures stays inside one sentence (and is short)."""
    return SENTENCE_BREAK.search(gap) is None and len(gap) <= 120
