"""Sentence and paragraph spans of article text.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) followed by white space and a plausible sentence start, unless the
full stop belongs to an abbreviation that never ends a sentence ("U.S.",
"Jan. 5", "Mr.", initials) or to a number ("1.5"). A paragraph break (a
blank line) always ends a sentence; a single line break does too, unless the
next line continues in lower case (hard-wrapped text).

A "sentence" longer than :data:`MAX_SENTENCE` characters (never seen in
news; text without punctuation, or machine output) is cut into pieces of at
most that length, at a ``,``/``;``/``:`` followed by a space where there is
one, else at white space, and never inside one of the ``keep`` spans (the
quantities: a figure stays in one sentence): the claim builder reads a
claim's whole sentence, so unbounded sentences would make extraction
quadratic.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

from claimcheck.extract.offsets import search_left, search_right
from claimcheck.extract.records import COMPILED
from claimcheck.model import Span

__all__ = [
    "MAX_SENTENCE",
    "Sentences",
    "sentence_bounds",
    "split_paragraphs",
    "split_sentences",
]

MAX_SENTENCE: Final = 1000
"""Longest sentence span, in characters (see the module documentation)."""

# Abbreviations after which a full stop does not end the sentence.
_NON_TERMINAL: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vol",
        "fig",
        "figs",
        "approx",
        "est",
        "inc",
        "ltd",
        "corp",
        "co",
        "dept",
        "univ",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "al",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
        "p.r.c",
        "u.a.e",
    ]
)
# After these a full stop ends the sentence only before a capitalised word that is not
# a name continuation; "U.S. officials" continues, "the U.S. The" is rare in news.
_MONTH_ABBR: Final = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)

# A line break, or a run of end punctuation with closing quotes before white space. The
# leading class lets the regex engine skip to candidates fast.
_CANDIDATE: Final = re.compile(r"[.!?…\n](?:(?<=\n)|(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?=\s))")
_CANDIDATE_CHARS: Final = (".", "\n", "!", "?", "…")
"""The characters a :data:`_CANDIDATE` match opens with."""
_AFTER_END: Final = frozenset(".!?…\"'”’»)]")
"""What may follow end punctuation in a :data:`_CANDIDATE` match, besides white space."""


def _candidate_starts(text: str) -> list[int]:
    """Where a sentence-break candidate can open, in order: each line break, and each
    end punctuation mark followed by more of it, a closing quote or bracket, or white
    space (not so after most full stops: "1.5", "U.S.")."""
    starts: list[int] = []
    last = len(text) - 1
    for char in _CANDIDATE_CHARS:
        line_break = char == "\n"
        at = text.find(char)
        while at >= 0:
            if line_break or (at < last and _after_end(text, at + 1)):
                starts.append(at)
            at = text.find(char, at + 1)
    starts.sort()
    return starts


def _after_end(text: str, at: int) -> bool:
    """Whether ``text[at]`` is in :data:`_AFTER_END` or white space: read as a code point
    (compiled, ``ord(text[i])`` reads it in place: no string, no set look-up)."""
    code = ord(text[at])
    if code < 128:
        # ".", "!", "?", '"', "'", ")", "]"; ASCII white space: "\t" to "\r", "\x1c" to " "
        return code in (46, 33, 63, 34, 39, 41, 93) or 9 <= code <= 13 or 28 <= code <= 32
    return code in (0x2026, 0x201D, 0x2019, 0xBB) or text[at].isspace()


def candidates(text: str) -> list[re.Match[str]]:
    """``list(_CANDIDATE.finditer(text))``, trying the pattern only where it can start.

    The scan's character class costs the regex engine a test of every character of
    the text; ``str.find`` goes through it for each opening character many times
    faster. A match of ``finditer`` is the first at or after the end of the previous
    one, and it opens on one of these characters: trying them in order, past the
    previous match, finds the same matches.
    """
    starts = _candidate_starts(text)
    match = _CANDIDATE.match
    out: list[re.Match[str]] = []
    taken = 0
    for start in starts:
        if start >= taken:
            found = match(text, start)
            if found is not None:
                out.append(found)
                taken = found.end()
    return out


def candidate_bounds(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in candidates(text)]``, read without the regex.

    At a line break the match is the break alone. At end punctuation it is the
    run of end punctuation, then the run of closing quotes and brackets, when white
    space follows; else there is none: the two runs hold disjoint characters, so
    backtracking either leaves a character that is not white space next. Spans,
    not match objects: a match's ``start()`` and ``end()`` are method calls.
    """
    starts = _candidate_starts(text)
    size = len(text)
    out: list[tuple[int, int]] = []
    taken = 0
    for start in starts:
        if start < taken:
            continue
        end = start + 1
        if ord(text[start]) != 10:  # not a line break
            # (code points: ".", "!", "?", "…"; '"', "'", "”", "’", "»", ")", "]")
            while end < size and ord(text[end]) in (46, 33, 63, 0x2026):
                end += 1
            while end < size and ord(text[end]) in (34, 39, 0x201D, 0x2019, 0xBB, 41, 93):
                end += 1
            if end >= size or not text[end].isspace():
                continue
        out.append((start, end))
        taken = end
    return out


_PARA_BREAK: Final = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_START: Final = re.compile(r"\s*([\"'“‘«(\[]?)(\S)")
_OPENERS: Final = frozenset("\"'“‘«([")
"""The characters of the optional group of :data:`_NEXT_START`."""


def next_start(text: str, pos: int) -> int:
    """``_NEXT_START.match(text, pos).start(2)``, or -1 for no match: the first
    character after the white space at ``pos``, or the one after it when that is an
    opening quote or bracket followed by a character that is not white space.
    Read without the regex (``\\s`` is ``str.isspace``)."""
    size = len(text)
    while pos < size and text[pos].isspace():
        pos += 1
    if pos >= size:
        return -1
    if text[pos] in _OPENERS and pos + 1 < size and not text[pos + 1].isspace():
        return pos + 1
    return pos


def _lower_case_letter(char: str) -> bool:
    """``char.islower()`` for one character: an ASCII one read as a code point ("a" to
    "z"; compiled, ``islower`` is a method call), the rest asked as before."""
    code = ord(char)
    if code < 128:
        return 97 <= code <= 122
    return char.islower()


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    """Decide whether the punctuation run ``text[dot:end]`` ends a sentence."""
    if text[dot] != ".":
        return True
    following = next_start(text, end)
    if following < 0:
        return True
    if "\n" in text[end:following]:
        return True
    nxt = text[following]
    if _lower_case_letter(nxt) or nxt in ",;:)":
        return False
    before = word_before(text, max(0, dot - 20), dot)
    if before is None:
        return True
    word = before.lower().rstrip(".")
    if word in _MONTH_ABBR:
        return not nxt.isdigit()
    if word in _NON_TERMINAL:
        return False
    # A single capital letter ("J. Smith") is an initial.
    return not (len(word) == 1 and before[0].isupper())


def word_before(text: str, lo: int, hi: int) -> str | None:
    """``_WORD_BEFORE.search(text, lo, hi).group(1)`` (``None`` for no match): the run of
    ASCII letters and dots ending at ``hi`` (or at a line break ending the range, where
    ``$`` matches too), from its first letter at or after ``lo``.

    Read backwards from ``hi``: the search tries every position of the range and runs
    each letter's word to the end of the range, many times the work.
    """
    end = hi
    if end > lo and text[end - 1] == "\n":
        end -= 1  # ``$`` also matches before a line break ending the range
    # Characters read as code points (compiled, ``ord(text[i])`` reads one in place: no
    # string, no set look-up): an ASCII letter or ".".
    start = end
    while start > lo:
        code = ord(text[start - 1])
        if not (97 <= code <= 122 or 65 <= code <= 90 or code == 46):
            break
        start -= 1
    while start < end and ord(text[start]) == 46:
        start += 1  # the match opens with a letter: the leftmost one of the run (no ".")
    return text[start:end] if start < end else None


def split_paragraphs(text: str) -> tuple[Span, ...]:
    """Return the spans of the paragraphs of ``text`` (blank-line separated), trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _PARA_BREAK.finditer(text):
        _append_trimmed(text, start, match.start(), bounds)
        start = match.end()
    _append_trimmed(text, start, len(text), bounds)
    return tuple(Span(start, end) for start, end in bounds)


_LINE_BLANKS: Final = frozenset(" \t\r\f\v")
"""The white space of ``[ \\t\\r\\f\\v]`` in :data:`_PARA_BREAK`."""


def _paragraph_starts(text: str) -> list[int]:
    """The starts of the spans of :func:`split_paragraphs`, without building the spans.

    The breaks are the matches of :data:`_PARA_BREAK`, read without the regex: each
    opens at a line break, and the line breaks are found with ``str.find``. At one, the
    pattern matches when the run of blanks after it (which holds no line break, so
    backtracking it leaves a blank next) ends at a line break; the match runs on over
    all white space (``\\s`` is ``str.isspace``). The next search starts after it.
    """
    starts: list[int] = []
    size = len(text)
    start = 0
    at = text.find("\n")
    while at >= 0:
        after = at + 1
        while after < size and text[after] in _LINE_BLANKS:
            after += 1
        if after < size and text[after] == "\n":
            end = after + 1
            while end < size and text[end].isspace():
                end += 1
            _append_start(text, start, at, starts)
            start = end
            at = text.find("\n", end)
        else:
            at = text.find("\n", after)
    _append_start(text, start, size, starts)
    return starts


def _append_start(text: str, start: int, end: int, out: list[int]) -> None:
    """The start :func:`_append_trimmed` gives ``text[start:end]``, if not blank."""
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        out.append(start)


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` stripped of white space, as its bounds, if not blank.

    ``str.strip()`` drops exactly the characters ``str.isspace()`` accepts: read in
    place, without the copies of the slice and of each strip."""
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        while text[end - 1].isspace():
            end -= 1
        out.append((start, end))


_CLAUSE_BREAK: Final = re.compile(r"[,;:]\s")
_SPACE: Final = re.compile(r"\s")


_KeptBounds = tuple[list[int], list[int]]
"""The starts and the ends of spans to keep whole, sorted by start, then end."""


class _Keep:
    """Sorted, non-overlapping spans a cut must not fall inside."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Sequence[Span], bounds: _KeptBounds | None = None) -> None:
        """``bounds``, when given, are the spans' starts and ends already in order
        (sorted by start, then end): no records read, nothing sorted."""
        if bounds is not None:
            self.starts, self.ends = bounds
            return
        ordered = sorted([(s.start, s.end) for s in spans])  # (a list: no generator)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]

    def outside(self, cut: int, piece_start: int) -> int:
        """``cut``, or moved to the start (else the end) of a span it falls inside."""
        i = (
            search_left(self.starts, cut) if COMPILED else bisect.bisect_left(self.starts, cut)
        ) - 1
        if i >= 0 and self.ends[i] > cut:
            return self.starts[i] if self.starts[i] > piece_start else self.ends[i]
        return cut


def _cut_long(text: str, start: int, end: int, out: list[tuple[int, int]], keep: _Keep) -> None:
    """Append ``text[start:end]`` trimmed, cut into pieces of at most :data:`MAX_SENTENCE`."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = -1
        for pattern in (_CLAUSE_BREAK, _SPACE):
            # the last break in the second half of the window (linear: one search each)
            for match in pattern.finditer(text, start + MAX_SENTENCE // 2, limit - 1):
                cut = match.start() + 1
            if cut > 0:
                break
        if cut <= start:
            cut = limit
        cut = min(keep.outside(cut, start), end)
        _append_trimmed(text, start, cut, out)
        start = cut
    _append_trimmed(text, start, end, out)


def split_sentences(text: str, keep: Sequence[Span] = ()) -> tuple[Span, ...]:
    """Return the sentence spans of ``text`` in order, trimmed of white space.

    A sentence too long is cut, never inside a span of ``keep`` (see the module
    documentation).
    """
    return tuple(Span(start, end) for start, end in sentence_bounds(text, keep))


def sentence_bounds(
    text: str, keep: Sequence[Span] = (), kept_bounds: _KeptBounds | None = None
) -> list[tuple[int, int]]:
    """:func:`split_sentences` as ``(start, end)`` pairs (no :class:`Span` built).

    ``kept_bounds`` may give the spans of ``keep`` as sorted starts and ends instead.
    """
    kept = _Keep(keep, kept_bounds)
    spans: list[tuple[int, int]] = []
    start = 0
    for found, found_end in candidate_bounds(text):
        end = found_end
        if text[found] == "\n":
            if end < len(text) and text[end] != "\n":  # else a blank line: always a break
                following = next_start(text, end)
                blank_line = "\n" in text[end:following] if following >= 0 else True
                if not blank_line and following >= 0 and _lower_case_letter(text[following]):
                    continue
            end = found
        elif not _ends_sentence(text, found, end):
            continue
        _cut_long(text, start, end, spans, kept)
        start = found_end
    _cut_long(text, start, len(text), spans, kept)
    return spans


class Sentences:
    """Sentences and paragraphs of one text, indexed for offset look-ups."""

    __slots__ = ("_para_starts", "_starts", "bounds")

    def __init__(
        self, text: str, keep: Sequence[Span] = (), kept_bounds: _KeptBounds | None = None
    ) -> None:
        """``kept_bounds`` may give the spans of ``keep`` as their starts and ends,
        sorted by start, then end (see :func:`sentence_bounds`)."""
        self.bounds = sentence_bounds(text, keep, kept_bounds)
        """The ``(start, end)`` of each sentence, in order (see :func:`split_sentences`)."""
        self._starts = [start for start, _ in self.bounds]
        self._para_starts = _paragraph_starts(text)

    @property
    def spans(self) -> tuple[Span, ...]:
        """The sentences as :class:`~claimcheck.model.Span` records (built on request)."""
        return tuple(Span(start, end) for start, end in self.bounds)

    def index_at(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) ``offset``; -1 if none."""
        return (
            search_right(self._starts, offset)
            if COMPILED
            else bisect.bisect_right(self._starts, offset)
        ) - 1

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph containing (or last starting before) ``offset``."""
        return (
            search_right(self._para_starts, offset)
            if COMPILED
            else bisect.bisect_right(self._para_starts, offset)
        ) - 1
