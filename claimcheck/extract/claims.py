"""Read each quantity in context: kind, metric, entities, flow, period, basis, record.

:func:`build_claims` first indexes the document once (sentences, clauses,
period phrases, entity mentions, metric terms, cue words), then walks the
quantities in text order, looking everything up by offset with
:mod:`bisect`, and carries a small discourse state (the pair of countries,
the reporting country, the metric and the period in force) from claim to
claim. Nothing is guessed: a field that cannot be read stays empty with an
:class:`~claimcheck.model.Unresolved` reason.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence
from typing import Final, TypeVar

from claimcheck.extract.entities import EntityMention, find_entities, fiscal_year_starts
from claimcheck.extract.metrics import (
    Cue,
    MetricMention,
    cue_regex,
    cue_regex_lower,
    lowered,
    metric_def,
    term_may_hold,
    term_parts,
)
from claimcheck.extract.offsets import search_left, search_right
from claimcheck.extract.periods import PeriodMention, find_periods, implied_last_year
from claimcheck.extract.records import COMPILED
from claimcheck.extract.records import claim as new_claim
from claimcheck.extract.records import flow as new_flow
from claimcheck.extract.records import period as new_period
from claimcheck.extract.records import span as new_span
from claimcheck.extract.records import unresolved as new_unresolved
from claimcheck.extract.sentences import Sentences
from claimcheck.model import Claim, ClaimKind, Document, Flow, Period, Quantity, Span, Unresolved

__all__ = ["build_claims"]

_T = TypeVar("_T", EntityMention, MetricMention, Cue, PeriodMention)
_Bounds = tuple[int, int]
"""The ``(start, end)`` offsets of a clause: a plain pair, cheaper to build than a
:class:`~claimcheck.model.Span`, as it never leaves this module."""

_CLAUSE_BREAK: Final = re.compile(
    r"[;(),wW](?:(?<=[;()])|(?<=,)\s+(?i:while|whereas|but|and|with|so(?!\s+(?:far|much|many)\b))\b"
    r"|(?<=\s[wW])(?i:hile|hereas)\s+)"
)
"""";", "(", ")", ", while" (whereas, but, and, with, so — not "so far") or " while "
(whereas). The match starts with a case-sensitive character class, which the regex
engine skips to fast; look-behinds then tell the alternatives apart."""
_BREAK_CHARS: Final = ";(),wW"
"""The characters a :data:`_CLAUSE_BREAK` match opens with."""


def _clause_breaks(text: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``_CLAUSE_BREAK.finditer(text, lo, hi)`` over ``regions``.

    The pattern's leading class costs the regex engine a test of every character;
    ``str.find`` goes through the regions for each opening character many times
    faster. The pattern is then tried at those characters only, in order, past the
    previous match (as ``finditer`` goes on): at "w" or "W" only after white space,
    which its look-behind needs there (``\\s`` is ``str.isspace``).
    """
    out: list[tuple[int, int]] = []
    match = _CLAUSE_BREAK.match
    for lo, hi in regions:
        starts: list[int] = []
        for char in _BREAK_CHARS:
            at = text.find(char, lo, hi)
            while at >= 0:
                if _may_break_at(text, char, at, hi):
                    starts.append(at)
                at = text.find(char, at + 1, hi)
        starts.sort()
        taken = lo
        for start in starts:
            if start >= taken:
                if text[start] in ";()":
                    # The pattern's first alternative: the character alone.
                    taken = start + 1
                    out.append((start, taken))
                    continue
                found = match(text, start, hi)
                if found is not None:
                    taken = found.end()
                    out.append((start, taken))
    return out


_AFTER_COMMA_OPENERS: Final = frozenset("wWbBaAsSſ")
"""The letters "while", "whereas", "but", "and", "with" and "so" open with, in any case
as :data:`_CLAUSE_BREAK` matches them ignoring case ("ſ" is an "s" then)."""


def _may_break_at(text: str, char: str, at: int, hi: int) -> bool:
    """False where :data:`_CLAUSE_BREAK` cannot match at ``text[at] == char`` (within
    ``hi``): a "w" or "W" not after white space or not before an "h" of "hile"/"hereas",
    a "," not before white space and one of :data:`_AFTER_COMMA_OPENERS`. The test
    costs a fraction of the regex call (``\\s`` is ``str.isspace``)."""
    if char in "wW":
        return at > 0 and text[at - 1].isspace() and text[at + 1 : at + 2] in ("h", "H")
    if char == ",":
        pos = at + 1
        if pos >= hi or not text[pos].isspace():
            return False
        while pos < hi and text[pos].isspace():
            pos += 1
        return pos < hi and text[pos] in _AFTER_COMMA_OPENERS
    return True


_SHARE_AFTER: Final = re.compile(
    r"\s*(?:of\s+(?:the\s+|its\s+|their\s+|total\s+|all\s+|which\b|them\b|[A-Z])"
    r"|in\s+(?:the\s+)?total\b)"
)
_SHARE_OPENERS: Final = frozenset("oi")
"""What :data:`_SHARE_AFTER` opens with after white space ("of", "in")."""
_LEVEL_BEFORE: Final = re.compile(
    r"(?:\bfrom|\bto|\bat|\breached|\bamounted\s+to|\btotaled|\btotalled|\bstood\s+at)\s*$",
    re.IGNORECASE,
)
_COMPARATIVE_AFTER: Final = re.compile(
    r"\s*(?P<word>more|higher|up|less|fewer|lower|down)\b(?:\s+(?:than|from|on|compared|year))",
    re.IGNORECASE,
)
"""A change stated as a comparison: "2% more than a year earlier", "8% fewer than in 2022"."""
_COMPARATIVE_OPENERS: Final = frozenset("mhulfdMHULFD")
"""What :data:`_COMPARATIVE_AFTER` opens with after white space (no other character matches
these letters ignoring case)."""


def _after_space(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is not white space (``\\s``), or "":
    a pattern opening with ``\\s*`` then a word needs its first letter there, and the
    test costs a fraction of the regex call."""
    size = len(text)
    while pos < size and text[pos].isspace():
        pos += 1
    return text[pos : pos + 1]


_CHANGE_NOUN_BEFORE: Final = re.compile(
    r"\b(?P<noun>increase|rise|growth|gain|jump|decline|decrease|drop|fall|contraction)"
    r"\s+(?:\w+\s+)?(?:at|of|was|to|reached|amounted\s+to|stood\s+at)\s*$",
    re.IGNORECASE,
)
"""A change named by a noun right before its figure: "put the decline at 6.4%"."""
_DECREASE_NOUNS: Final = frozenset({"decline", "decrease", "drop", "fall", "contraction"})
_CHANGE_NOUN_ENDS: Final[tuple[str, ...]] = ("at", "of", "was", "to", "reached")
"""The last word of every match of :data:`_CHANGE_NOUN_BEFORE` (white space aside)."""
_LEVEL_ENDS: Final[tuple[str, ...]] = ("from", "to", "at", "reached", "totaled", "totalled")
"""The last word of every match of :data:`_LEVEL_BEFORE` (white space aside)."""


def _may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """False when ``text``, trailing white space aside, cannot end with one of ``words``
    (lower-case ASCII) in any case: a test cheaper than searching ``text`` for a pattern
    anchored at its end on one of them (at every position). An ASCII end is compared
    lower-cased (ASCII letters match those of ``words`` ignoring case exactly as the
    regex engine does); any other end is let through to the pattern."""
    tail = text.rstrip()[-8:]
    return not tail.isascii() or tail.lower().endswith(words)


_REALISED_AFTER: Final = re.compile(
    r"\s+(?:recorded|registered|achieved|posted|reported|seen|reached|logged)\b", re.IGNORECASE
)
"""A realised figure after its number ("the $240 bln recorded in 2023"): no target or forecast."""
_REALISED_GAP: Final = re.compile(
    r"\s+(?:recorded|registered|achieved|posted|reported|seen|reached|logged)"
    r"\s+(?:in|for|during|over)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_REALISED_SHORTEST: Final = 9
"""The length of the shortest match of :data:`_REALISED_GAP` (" seen in ")."""
_TO_GAP: Final = re.compile(
    r"\s+to\s+(?:(?:about|around|nearly|almost|over|some)\s+)?", re.IGNORECASE
)
_COMPARED_GAP: Final = re.compile(r"\s*(?:in|for|during|over)?\s*(?:the\s+)?", re.IGNORECASE)
_COMPARED_BEFORE: Final = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s+"
    r"(?:(?:about|around|nearly|almost|over|some|just|roughly)\s+)?$",
    re.IGNORECASE,
)
_COMPARED_ENDS: Final[tuple[str, ...]] = (
    *("from", "than", "with", "to", "versus", "vs", "vs."),
    *("against", "about", "around", "nearly", "almost", "over", "some", "just", "roughly"),
)
"""The last word of every match of :data:`_COMPARED_BEFORE` (white space aside)."""
_TARGET_AFTER: Final = re.compile(r"\s+(?:\w+\s+)?(?:target|goal)\b", re.IGNORECASE)
"""A figure followed by the word target ("the $10 billion target")."""
_BY_BEFORE: Final = re.compile(r"\bby(?:\s+[a-z]+){0,2}\s*$", re.IGNORECASE)
_CHANGE_AFTER: Final = 30
_CHANGE_BEFORE: Final = 60
_ADJACENT_BEFORE: Final = re.compile(
    r"(?:'s|’s)?(?:\s+(?!(?:and|or|but|to|from|with|of|in|for|by|as|than)\b)[a-z]+){0,2}\s*$"
)
"""Between a country and its flow word: "China's exports", "India's crude imports"."""
_FROM_BEFORE: Final = re.compile(
    r"\b(?:from|of)\s+(?:the\s+)?(?:goods\s+from\s+(?:the\s+)?)?$", re.IGNORECASE
)
_IN_BEFORE: Final = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
_TO_BEFORE: Final = re.compile(r"\b(?:to|into)\s+(?:the\s+)?$", re.IGNORECASE)
_GOODS_AFTER: Final = re.compile(r"\s+(?:goods|products|commodities|exports|supplies)\b")
_FROM_ENDS: Final[tuple[str, ...]] = ("from", "of", "the")
"""The last word of every match of :data:`_FROM_BEFORE` (white space aside)."""
_IN_ENDS: Final[tuple[str, ...]] = ("in", "the")
"""The last word of every match of :data:`_IN_BEFORE` (white space aside)."""
_TO_ENDS: Final[tuple[str, ...]] = ("to", "the")
"""The last word of every match of :data:`_TO_BEFORE` (white space aside; "into" ends
with "to")."""


def _ends_with_match(
    pattern: re.Pattern[str], ends: tuple[str, ...], text: str, lo: int, hi: int
) -> bool:
    """``pattern.search(text, lo, hi) is not None`` for a pattern anchored at the end
    (``$``) whose matches all end with one of ``ends``: skipped where
    :func:`_may_end_with` says ``text[lo:hi]`` cannot. (The search itself runs on
    ``text``: a ``\\b`` at ``lo`` sees the character before it.)"""
    return _may_end_with(text[lo:hi], ends) and pattern.search(text, lo, hi) is not None


_Runs = tuple[tuple[str, ...], ...]
"""The word runs a pattern anchored at the end matches, each read from its last word back
(lower case): the last word of the run is the first of the match, which may close a longer
token after a character that is not a word character (``\\b``)."""
_FROM_RUNS: Final[_Runs] = (
    *(("from",), ("of",), ("the", "from"), ("the", "of")),
    *(("from", "goods", "from"), ("from", "goods", "of")),
    *(("the", "from", "goods", "from"), ("the", "from", "goods", "of")),
    *(("from", "goods", "the", "from"), ("from", "goods", "the", "of")),
    *(("the", "from", "goods", "the", "from"), ("the", "from", "goods", "the", "of")),
)
"""The runs of :data:`_FROM_BEFORE`: "from|of", "the", then "goods from" and "the"."""
_IN_RUNS: Final[_Runs] = (("in",), ("the", "in"))
"""The runs of :data:`_IN_BEFORE`."""
_TO_RUNS: Final[_Runs] = (("to",), ("into",), ("the", "to"), ("the", "into"))
"""The runs of :data:`_TO_BEFORE`."""


def _is_word_char(char: str) -> bool:
    """Whether ``char`` is a ``\\w`` character (the regex engine's test, on str)."""
    return char.isalnum() or char == "_"


def _ends_with_words(pattern: re.Pattern[str], runs: _Runs, text: str, lo: int, hi: int) -> bool:
    """``pattern.search(text, lo, hi) is not None`` for a pattern anchored at the end that
    matches ``\\b`` then one of ``runs`` (its words ignoring case, each followed by
    ``\\s+``), read without the regex engine when ``text[lo:hi]`` is ASCII (no other
    character then matches a letter ignoring case, and ``\\s`` is ``str.isspace``).

    Every match ends with white space; its words are whole white-space separated tokens
    of the window, but for the first, which may close a token after a non-word character.
    ``\\b`` at ``lo`` sees the character before it, as the search does.
    """
    window = text[lo:hi]
    if not window.isascii():
        return pattern.search(text, lo, hi) is not None
    if not window or not window[-1].isspace():
        return False
    words = window.lower().split()
    return _words_end_with(words, len(words), runs, window, text, lo)


def _words_end_with(  # noqa: PLR0917 (what the two callers read once)
    words: list[str], n: int, runs: _Runs, window: str, text: str, lo: int
) -> bool:
    """Whether ``words[:n]`` (the lower-cased tokens of ``window = text[lo:...]``) end
    with one of ``runs`` (read from the end), its first word after ``\b``."""
    for run in runs:
        k = len(run)
        if k > n:
            continue
        matched = True
        for m in range(k - 1):
            if words[n - 1 - m] != run[m]:
                matched = False
                break
        if not matched:
            continue
        first, key = words[n - k], run[k - 1]
        if first == key:
            # A whole token: white space before it, or the character before the window.
            if n > k or window[0].isspace() or lo == 0 or not _is_word_char(text[lo - 1]):
                return True
        elif first.endswith(key) and not _is_word_char(first[-len(key) - 1]):
            return True
    return False


def _compared_gap(text: str, lo: int, hi: int) -> bool:
    """``_COMPARED_GAP.fullmatch(text, lo, hi) is not None``, read without the regex
    engine when the gap is ASCII: white space, one of "in", "for", "during", "over"
    (none opens with the "t" of "the", so the pattern takes it when there), white space,
    then nothing or "the" and white space."""
    gap = text[lo:hi]
    if not gap.isascii():
        return _COMPARED_GAP.fullmatch(text, lo, hi) is not None
    rest = gap.lstrip().lower()
    for word in ("in", "for", "during", "over"):
        if rest.startswith(word):
            rest = rest[len(word) :].lstrip()
            break
    return not rest or (rest.startswith("the") and rest[3:].isspace())


_COMPARED_QUALIFIERS: Final = frozenset(
    {"about", "around", "nearly", "almost", "over", "some", "just", "roughly"}
)
"""The optional word of :data:`_COMPARED_BEFORE` before the figure (none ends with one of
its comparison words, so the pattern takes it when it is the last word)."""
_COMPARED_RUNS: Final[_Runs] = (
    *(("from",), ("than",), ("versus",), ("vs",), ("vs.",), ("against",)),
    *(("with", "compared"), ("to", "compared")),
)
"""The comparison words of :data:`_COMPARED_BEFORE` (see :func:`_ends_with_words`)."""
_COMPARED_TAILS: Final = frozenset(
    [word[-2:] for word in (*_COMPARED_QUALIFIERS, *(run[0] for run in _COMPARED_RUNS))]
)
"""The last two characters of the last word of every match of :data:`_COMPARED_BEFORE`
(lower case): a qualifier, or the last word of a comparison."""


def _compared_before(text: str, lo: int, hi: int) -> bool:
    """``_COMPARED_BEFORE.search(text, lo, hi) is not None``, read without the regex
    engine when ``text[lo:hi]`` is ASCII: as :func:`_ends_with_words` reads its runs,
    after setting aside a last word of :data:`_COMPARED_QUALIFIERS`."""
    window = text[lo:hi]
    if not window.isascii():
        return _COMPARED_BEFORE.search(text, lo, hi) is not None
    if not window or not window[-1].isspace():
        return False
    # Every match ends with one of the words of _COMPARED_TAILS, then white space: test
    # the last two characters before that white space before splitting the window.
    last = len(window) - 2
    while last >= 0 and window[last].isspace():
        last -= 1
    if last < 1 or window[last - 1 : last + 1].lower() not in _COMPARED_TAILS:
        return False
    words = window.lower().split()
    n = len(words)
    if n and words[n - 1] in _COMPARED_QUALIFIERS:
        n -= 1
    return _words_end_with(words, n, _COMPARED_RUNS, window, text, lo)


def _owner_gap(text: str, lo: int, hi: int) -> bool:
    """``_OWNER_GAP.fullmatch(text, lo, hi) is not None`` without the regex engine: an
    optional "'s", then white space around at most three words of ASCII letters."""
    gap = text[lo:hi]
    if gap.startswith(("'s", "’s")):
        gap = gap[2:]  # a gap opening so cannot open with the white space that follows
    if not gap or not gap[0].isspace() or not gap[-1].isspace():
        return False
    words = gap.split()
    if len(words) > 3:
        return False
    return all(word.isascii() and word.isalpha() for word in words)


_ADJACENT_STOPS: Final = frozenset(
    {"and", "or", "but", "to", "from", "with", "of", "in", "for", "by", "as", "than"}
)
"""The words :data:`_ADJACENT_BEFORE` does not take (its negative look-ahead)."""


def _adjacent_gap(text: str, lo: int, hi: int) -> bool:
    """``_ADJACENT_BEFORE.fullmatch(text, lo, hi) is not None`` without the regex engine:
    an optional "'s", then at most two words of lower-case ASCII letters, each after white
    space and none of :data:`_ADJACENT_STOPS`, then white space. (A word of the pattern
    is a whole token: white space or the end follows it, so its look-ahead's ``\\b``
    after a stop word holds exactly when the token is that word.)"""
    gap = text[lo:hi]
    if gap.startswith(("'s", "’s")):
        gap = gap[2:]
    words = gap.split()
    if len(words) > 2 or (words and not gap[0].isspace()):
        return False
    for word in words:
        if not (word.isascii() and word.isalpha() and word.islower()) or word in _ADJACENT_STOPS:
            return False
    return True


_BARE_UNITS: Final = frozenset({"count", "dimensionless", "number", ""})
"""Units of figures that take no metric from the discourse unless scaled ("views 112",
but "the 100 bln mark")."""
_PERIOD_UNITS: Final = frozenset({"year", "month", "day", "week", "quarter", "a", "d", "h"})
# The reasons claims share (records are immutable: one instance serves every claim).
_IN_TIME_EXPRESSION: Final[tuple[Unresolved, ...]] = (
    Unresolved("metric", "the number is part of a time expression"),
)
_NO_METRIC: Final = Unresolved("metric", "no metric word in the sentence")
_NO_ENTITIES: Final = Unresolved("entities", "no country named in the sentence or before")
_NO_PERIOD: Final = Unresolved("period", "no time phrase in the sentence or before")


def _index(items: Sequence[_T]) -> tuple[tuple[_T, ...], list[int]]:
    # ``m[0]`` is ``m.start`` in each of the four mention tuples (tests/
    # test_claims_hand_readings.py holds it): an item of a tuple, where compiled code
    # reads a field of a value of a type variable by a generic attribute look-up.
    starts = [m[0] for m in items]
    # The scans give text order: nothing to sort (``starts == sorted(starts)``, without
    # the sorted copy).
    if all(starts[k - 1] <= starts[k] for k in range(1, len(starts))):
        return tuple(items), starts
    ordered = tuple(sorted(items, key=lambda m: m.start))
    return ordered, [m.start for m in ordered]


def _between(items: tuple[_T, ...], starts: list[int], lo: int, hi: int) -> tuple[_T, ...]:
    """Mentions starting in ``[lo, hi)``."""
    return items[
        (search_left(starts, lo) if COMPILED else bisect.bisect_left(starts, lo)) : (
            search_left(starts, hi) if COMPILED else bisect.bisect_left(starts, hi)
        )
    ]


class _Sentence:
    """What one sentence with figures holds, gathered once for all its figures.

    A plain class, not a named tuple: compiled (mypyc), reading a field is a load
    from the instance, where a named tuple's field is a generic attribute look-up
    (the claims read these fields some twenty times per figure).
    """

    __slots__ = (
        "cues",
        "has_milestone",
        "has_record",
        "has_share",
        "has_target",
        "hi",
        "lo",
        "metrics",
        "parties",
        "party_starts",
        "periods",
        "span",
    )

    def __init__(  # noqa: PLR0917 (every field, in order)
        self,
        span: Span,
        cues: tuple[Cue, ...],
        metrics: tuple[MetricMention, ...],
        parties: tuple[EntityMention, ...],
        periods: tuple[PeriodMention, ...],
        party_starts: list[int],
        lo: int,
        hi: int,
    ) -> None:
        self.span = span
        # The bounds of ``span`` as plain ints: reading a field of the Span record (an
        # attrs class) is a generic attribute look-up, compiled or not.
        self.lo = lo
        self.hi = hi
        self.cues = cues
        self.metrics = metrics
        self.parties = parties
        self.periods = periods
        # Whether ``cues`` holds one of the lists of these names: a cheap test before
        # looking for one (the only names asked so; four flags cost less than a set of
        # the names, built per sentence).
        self.has_target = False
        self.has_milestone = False
        self.has_share = False
        self.has_record = False
        for cue in cues:
            name = cue.name
            if name == "target":
                self.has_target = True
            elif name == "milestone":
                self.has_milestone = True
            elif name == "share":
                self.has_share = True
            elif name == "record":
                self.has_record = True
        self.party_starts = party_starts
        """The start of each of ``parties``, to find those in a range by bisection."""


def _in(cues: tuple[Cue, ...], lo: int, hi: int, name: str | None = None) -> list[Cue]:
    """The cues of a sentence starting in ``[lo, hi)`` (of list ``name`` when given)."""
    return [c for c in cues if lo <= c.start < hi and (name is None or c.name == name)]


class _Discourse:
    """What is in force as the reader goes through the document.

    A plain class (compiled by mypyc: its fields are loads and stores on the
    instance, where an attrs class's are generic attribute look-ups).
    """

    __slots__ = (
        "home",
        "lead_metric",
        "metric",
        "metric_paragraph",
        "metric_sentence",
        "pair",
        "period",
        "period_paragraph",
        "period_sentence",
        "visited",
    )

    def __init__(self) -> None:
        self.pair: tuple[str, ...] = ()
        self.home: str | None = None
        self.lead_metric: str | None = None
        self.visited: str | None = None
        self.metric: str | None = None
        self.metric_sentence = -10
        self.metric_paragraph = -10
        self.period: Period | None = None
        self.period_sentence = -10
        self.period_paragraph = -10


class _DocIndex:
    """Everything :func:`build_claims` looks up, computed once per document."""

    def __init__(self, document: Document, starts: list[int], ends: list[int]) -> None:
        """``starts`` and ``ends``: the offsets of the quantities, in order of start, then
        end (the sentences' keep bounds), read once by the caller (a record's fields are
        generic look-ups)."""
        text = document.text
        self.text = text
        self.published = document.published
        self.quantity_starts = starts
        self.quantity_ends = ends
        self.sentences = Sentences(text, (), (self.quantity_starts, self.quantity_ends))
        # Entities are read in the whole text: the document's main pair needs them all.
        self._all_entities = find_entities(text)
        self.periods, self.period_starts = _index(
            find_periods(
                text,
                document.published,
                self.sentences,
                fiscal_year_start=_fiscal_year_start(self._all_entities),
            )
        )
        # Metric terms, countries and cues only matter in sentences with figures (and the
        # sentence after each, for "It is a record"): scan just those.
        self.quantity_sentences: list[int] = []  # the sentence of each quantity, in order
        regions, term_regions = self._claim_regions()
        self.entities, self.entity_starts = _index(self._all_entities)
        self.low = lowered(text)
        metrics, cues, worlds = term_parts(text, self.low, term_regions)
        self.metrics, self.metric_starts = _index(metrics)
        self.cues, self.cue_starts = _index(cues)
        self.world_starts = [start for start, _ in worlds]
        self._default_pair: tuple[str, ...] | None = None
        breaks = _clause_breaks(text, regions)
        self.break_starts = [b[0] for b in breaks]
        self.break_ends = [b[1] for b in breaks]
        self._anaphoric: dict[int, bool] = {}
        self._sentence_cache: dict[int, _Sentence] = {}
        self._compared: dict[int, int | None] = {}

    def _claim_regions(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The sentences with figures and the sentence after each, merged into regions;
        and the regions of those whose terms can be read (see :meth:`_terms_unread`)."""
        sentences = self.sentences
        bounds = sentences.bounds
        wanted: set[int] = set()
        figures: set[int] = set()
        last = len(bounds) - 1
        for start in self.quantity_starts:
            i = sentences.index_at(start)
            self.quantity_sentences.append(i)
            if i >= 0:
                wanted.add(i)
                figures.add(i)
            if 0 <= i + 1 <= last:
                wanted.add(i + 1)
        regions: list[tuple[int, int]] = []
        terms: list[tuple[int, int]] = []
        previous = -2  # the last sentence of ``terms``
        for i in sorted(wanted):
            lo, hi = bounds[i]
            if regions and i - 1 in wanted:
                regions[-1] = (regions[-1][0], hi)
            else:
                regions.append((lo, hi))
            if i not in figures and self._terms_unread(i, wanted):
                continue
            if terms and previous == i - 1:
                terms[-1] = (terms[-1][0], hi)
            else:
                terms.append((lo, hi))
            previous = i
        return regions, terms

    def _terms_unread(self, i: int, wanted: set[int]) -> bool:
        """Whether no claim reads the metric terms, cues or world phrases of sentence ``i``
        (without figures, the sentence after one), and scanning the regions without it
        finds the same ones in the others.

        A sentence after a figure is only read for a record cue when it opens with "it "
        or "this " (:func:`_record`). Without it, the scan of the sentence before stops at
        that sentence's end, and that of the sentence after starts at its start: the same
        matches, when no match can run over either boundary: a boundary where a sentence
        ends with a mark no term contains, followed by white space (a term is one run of
        word characters, white space and marks, and cannot hold the mark).
        """
        lo, hi = self.sentences.bounds[i]
        text = self.text
        if text[lo : lo + 12].lower().startswith(("it ", "this ")):
            return False  # read by _record
        marks = _closing_marks()
        if i > 0 and not _closed_at(text, self.sentences.bounds[i - 1][1], marks):
            return False
        return i + 1 not in wanted or _closed_at(text, hi, marks)

    @property
    def dateline_country(self) -> str | None:
        """The country of a dateline capital opening the text ("NEW DELHI, July 10 -")."""
        for mention in self._all_entities[:3]:
            if mention.start > 40:
                break
            surface = self.text[mention.start : mention.end]
            if mention.form == "capital" and surface.isupper():
                return mention.entity
        return None

    @property
    def default_pair(self) -> tuple[str, ...]:
        """The document's two main entities (computed on first use, from the whole text)."""
        if self._default_pair is None:
            self._default_pair = _default_pair(self._all_entities)
        return self._default_pair

    def sentence_bounds(self, index: int) -> _Bounds:
        """The ``(start, end)`` of sentence ``index`` (``(0, 0)`` for none)."""
        if index < 0:
            return (0, 0)
        return self.sentences.bounds[index]

    def clause(self, s_start: int, s_end: int, q_start: int, q_end: int) -> _Bounds:
        """The clause of the sentence ``[s_start, s_end)`` around the quantity at
        ``[q_start, q_end)``."""
        # The last break ending before the quantity, and the first starting after it.
        i = (
            search_right(self.break_ends, q_start)
            if COMPILED
            else bisect.bisect_right(self.break_ends, q_start)
        ) - 1
        start = max(s_start, self.break_ends[i]) if i >= 0 else s_start
        j = (
            search_left(self.break_starts, q_end)
            if COMPILED
            else bisect.bisect_left(self.break_starts, q_end)
        )
        end = min(s_end, self.break_starts[j]) if j < len(self.break_starts) else s_end
        return (start, max(start, end))

    def sentence(self, index: int) -> _Sentence:
        """The mentions of sentence ``index``, gathered on first use."""
        found = self._sentence_cache.get(index)
        if found is None:
            lo, hi = self.sentence_bounds(index)
            cues = _between(self.cues, self.cue_starts, lo, hi)
            parties = [e for e in _between(self.entities, self.entity_starts, lo, hi) if e.party]
            # The sentence's Span is built here, once: claims hand it on (Claim.sentence).
            found = _Sentence(
                new_span(lo, hi),
                cues,
                _between(self.metrics, self.metric_starts, lo, hi),
                tuple(parties),
                _between(self.periods, self.period_starts, lo, hi),
                [e.start for e in parties],
                lo,
                hi,
            )
            self._sentence_cache[index] = found
        return found

    def anaphoric(self, sentence_no: int) -> bool:
        """Whether the sentence refers back to a figure ("this figure", "it"); cached."""
        found = self._anaphoric.get(sentence_no)
        if found is None:
            lo, hi = self.sentence_bounds(sentence_no)
            if self.low is not None:
                pattern, haystack = cue_regex_lower("anaphora"), self.low
            else:
                pattern, haystack = cue_regex("anaphora"), self.text
            found = pattern.search(haystack, lo, hi) is not None
            self._anaphoric[sentence_no] = found
        return found

    def compared_figure(self, mention: PeriodMention) -> int | None:
        """The start of the figure a period phrase dates as a comparison base, if it does.

        "up from $84.84 bln in 2022-23", "than 26.8% in 2022": the phrase right after a
        figure introduced by "from", "than", "compared with" belongs to that figure only.
        """
        found = self._compared.get(mention.start, -1)
        if found == -1:
            found = None
            start = mention.start
            i = (
                search_right(self.quantity_ends, start)
                if COMPILED
                else bisect.bisect_right(self.quantity_ends, start)
            ) - 1
            if i >= 0 and _compared_gap(self.text, self.quantity_ends[i], start):
                q_start = self.quantity_starts[i]
                lo = max(0, q_start - 40)
                if _compared_before(self.text, lo, q_start):
                    found = q_start
            self._compared[mention.start] = found
        return found

    def change_target_between(self, q_start: int, q_end: int, hi: int) -> bool:
        """Whether the only figure between ``quantity`` and ``hi`` is the level it changed to.

        "rose 38% to 1.2 mln tonnes in the nine months": the period is the change's too.
        """
        i = (
            search_right(self.quantity_starts, q_start)
            if COMPILED
            else bisect.bisect_right(self.quantity_starts, q_start)
        )
        if i >= len(self.quantity_starts) or self.quantity_ends[i] > hi:
            return False
        if i + 1 < len(self.quantity_starts) and self.quantity_starts[i + 1] < hi:
            return False
        return _TO_GAP.fullmatch(self.text, q_end, self.quantity_starts[i]) is not None

    def quantity_between(self, lo: int, hi: int) -> bool:
        """Whether some quantity lies entirely within ``[lo, hi)``."""
        i = (
            search_left(self.quantity_starts, lo)
            if COMPILED
            else bisect.bisect_left(self.quantity_starts, lo)
        )
        return i < len(self.quantity_starts) and self.quantity_ends[i] <= hi

    def cues_in(self, lo: int, hi: int, name: str | None = None) -> list[Cue]:
        found = _between(self.cues, self.cue_starts, lo, hi)
        return [c for c in found if name is None or c.name == name]

    def world_in(self, lo: int, hi: int) -> bool:
        i = (
            search_left(self.world_starts, lo)
            if COMPILED
            else bisect.bisect_left(self.world_starts, lo)
        )
        return i < len(self.world_starts) and self.world_starts[i] < hi


_CLOSING_MARKS: Final[list[frozenset[str]]] = []
"""The marks of ".!?" that no metric term, cue or world phrase holds, once read."""


def _closing_marks() -> frozenset[str]:
    """The marks of ".!?" that no term holds: no term runs over a sentence end on one."""
    if not _CLOSING_MARKS:
        _CLOSING_MARKS.append(frozenset([mark for mark in ".!?" if not term_may_hold(mark)]))
    return _CLOSING_MARKS[0]


def _closed_at(text: str, end: int, marks: frozenset[str]) -> bool:
    """Whether no term can run over the end of a sentence at ``end``: it closes on one
    of ``marks`` (no term holds them), and white space (or the end of the text) follows."""
    return (
        0 < end <= len(text)
        and text[end - 1] in marks
        and (end == len(text) or text[end].isspace())
    )


def _most_named(counts: dict[str, int], n: int) -> list[tuple[str, int]]:
    """``sorted(counts.items(), key=lambda item: -item[1])[:n]``: the ``n`` highest
    counts, ties in insertion order (the sort is stable), kept by insertion into a
    short list: no sort, no key function called per item."""
    top: list[tuple[str, int]] = []
    for name, count in counts.items():
        i = len(top)
        while i > 0 and top[i - 1][1] < count:
            i -= 1
        if i < n:
            top.insert(i, (name, count))
            if len(top) > n:
                top.pop()
    return top


def _fiscal_year_start(mentions: tuple[EntityMention, ...]) -> int | None:
    """The fiscal calendar of the article: that of its most named country of the two
    most named ones whose fiscal year does not start in January (India: April)."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.party:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    starts = fiscal_year_starts()
    for name, _ in _most_named(counts, 2):
        start = starts.get(name, 1)
        if start != 1:
            return start
    return None


def _default_pair(mentions: tuple[EntityMention, ...]) -> tuple[str, ...]:
    """The two entities the document is about: each named at least twice, most often first.

    Used only when no sentence has named the pair of a trade figure yet
    ("bilateral trade", "our trade turnover").
    """
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.reason in (None, "describes") and mention.entity != "World":
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    ranked = _most_named(counts, 3)
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] == ranked[1][1]):
        return ()
    return _sorted_names([ranked[0][0], ranked[1][0]])


def _sorted_names(names: list[str]) -> tuple[str, ...]:
    """``tuple(sorted(set(names)))``; without a set or a sort for two names or fewer
    (nearly every claim)."""
    if len(names) == 2:
        first, second = names[0], names[1]
        if first == second:
            return (first,)
        return (first, second) if first < second else (second, first)
    if len(names) < 2:
        return tuple(names)
    return tuple(sorted(set(names)))


def _ascending(values: list[int]) -> bool:
    """``all(a < b for a, b in itertools.pairwise(values))``, without the generic call of
    ``pairwise`` and the pairs it builds."""
    return all(values[k - 1] < values[k] for k in range(1, len(values)))


def build_claims(document: Document, quantities: Sequence[Quantity]) -> tuple[Claim, ...]:
    """One :class:`~claimcheck.model.Claim` per quantity, in text order."""
    spans = [q.span for q in quantities]
    starts = [span.start for span in spans]
    if _ascending(starts):
        ordered = list(quantities)  # find_quantities gives them in order, without overlaps
    else:
        ordered = sorted(quantities, key=lambda q: (q.span.start, q.span.end))
        spans = [q.span for q in ordered]
        starts = [span.start for span in spans]
    index = _DocIndex(document, starts, [span.end for span in spans])
    state = _Discourse()
    claims: list[Claim] = []
    document_id = document.id  # read once: a field of an attrs record is a generic look-up
    for n, quantity in enumerate(ordered, start=1):
        claims.append(_claim(document_id, index, state, quantity, n))
    return tuple(claims)


def _claim(
    document_id: str, index: _DocIndex, state: _Discourse, quantity: Quantity, n: int
) -> Claim:
    sentence_no = index.quantity_sentences[n - 1]  # index.sentences.index_at(its start)
    bundle = index.sentence(sentence_no)
    sentence = bundle.span
    # The figure's offsets from the index (quantity.span.start: two generic look-ups).
    q_start, q_end = index.quantity_starts[n - 1], index.quantity_ends[n - 1]
    unit = quantity.unit
    paragraph = index.sentences.paragraph_at(q_start)
    clause = index.clause(bundle.lo, bundle.hi, q_start, q_end)
    claim_id = f"{document_id}#{n}"

    inside_period = False
    for found in bundle.periods:
        if found.start <= q_start and q_end <= found.end:
            inside_period = True
            break
    if inside_period or unit in _PERIOD_UNITS:
        return new_claim(
            claim_id,
            document_id,
            quantity,
            sentence,
            "count" if unit == "count" else "level",
            None,
            (),
            None,
            None,
            _boxed_value(quantity),
            _boxed_interval(quantity),
            None,
            False,
            _IN_TIME_EXPRESSION,
        )

    unresolved: list[Unresolved] = []
    figure = (q_start, q_end)
    kind, sign = _kind(index, unit, figure, clause, bundle)
    mention = _metric_mention(index, figure, clause, bundle, kind)
    if kind == "count" and mention is not None and _is_trade(mention.metric):
        mention = None  # "two countries", "20 flights": counts of things, not of trade
    metric: str | None = mention.metric if mention is not None else None
    if (
        metric is None
        and state.metric is not None
        and (unit not in _BARE_UNITS or quantity.scale != 1.0)
        and (
            (paragraph == state.metric_paragraph and sentence_no - state.metric_sentence <= 1)
            or index.anaphoric(sentence_no)
        )
    ):
        metric = state.metric
    elif metric is None and kind == "target":
        metric = state.lead_metric  # "the $10 billion target": a goal for the article's lead figure
    if metric is None:
        unresolved.append(
            new_unresolved("metric", f"a count of {quantity.noun or 'things'}")
            if kind == "count"
            else _NO_METRIC
        )

    entities, flow, metric = _entities_and_flow(
        index,
        state,
        clause=clause,
        bundle=bundle,
        mention=mention,
        metric=metric,
        kind=kind,
        quantity_start=q_start,
    )
    if not entities:
        unresolved.append(_NO_ENTITIES)

    period = _period(
        index,
        state,
        figure,
        bundle=bundle,
        sentence_no=sentence_no,
        paragraph=paragraph,
        kind=kind,
    )
    if period is None:
        unresolved.append(_NO_PERIOD)
    elif period.unresolved:
        unresolved.append(new_unresolved("period", period.unresolved))

    basis = _basis(index, clause, bundle) if kind == "change" else None
    record = kind in ("level", "milestone") and _record(index, figure, clause, bundle, sentence_no)

    if metric is not None and mention is not None:
        if state.lead_metric is None:
            state.lead_metric = metric
        state.metric = metric
        state.metric_sentence = sentence_no
        state.metric_paragraph = paragraph

    if (
        metric == "trade_balance"
        and kind in ("level", "target", "forecast")
        and mention is not None
        and any(word in mention.term for word in ("deficit", "negative"))
    ):
        sign = -1  # a deficit is a negative balance of flow.from
        kind_sign_applies = True
    else:
        kind_sign_applies = kind == "change"
    value: object
    interval: object
    if kind_sign_applies and sign < 0:
        low, high = quantity.interval
        value = -quantity.value
        interval = (-high, -low)
    else:
        value, interval = _boxed_value(quantity), _boxed_interval(quantity)
    # Positional arguments, in the field order of Claim: this runs once per figure.
    return new_claim(
        claim_id,
        document_id,
        quantity,
        sentence,
        kind,
        metric,
        entities,
        flow,
        period,
        value,
        interval,
        basis,
        record,
        tuple(unresolved),
    )


def _boxed_value(quantity: Quantity) -> object:
    """``quantity.value``, the float object itself: ``getattr`` is typed ``Any``, where
    compiled code unboxes a field typed ``float`` (and the claim record would box a new
    float for it)."""
    return getattr(quantity, "value")  # noqa: B009 (see above)


def _boxed_interval(quantity: Quantity) -> object:
    """``quantity.interval``, the tuple itself (see :func:`_boxed_value`): compiled code
    unboxes a field typed ``tuple[float, float]`` into two floats."""
    return getattr(quantity, "interval")  # noqa: B009 (see above)


# --- kind and sign ----------------------------------------------------------------------------


def _kind(
    index: _DocIndex, unit: str, figure: _Bounds, clause: _Bounds, bundle: _Sentence
) -> tuple[ClaimKind, int]:
    """The claim kind and, for a change, its sign (+1/-1), of a quantity of ``unit``."""
    text = index.text
    start, end = figure  # (quantity.span: attribute look-ups on a record, not compiled)
    # The anchored look-backs only need the last few words before the figure.
    before_text = text[max(clause[0], start - 40) : start]
    by_before = "by" in before_text.lower() and _BY_BEFORE.search(before_text) is not None
    after_end = max(end, min(clause[1], end + _CHANGE_AFTER))
    # Cues between the previous quantity (or clause start) and this one.
    lo = max(clause[0], start - _CHANGE_BEFORE)
    i = (
        search_left(index.quantity_ends, start)
        if COMPILED
        else bisect.bisect_left(index.quantity_ends, start)
    ) - 1
    if i >= 0 and index.quantity_ends[i] <= start:
        lo = max(lo, index.quantity_ends[i])
    # What the claim reads of the cues, without lists of them: whether one stands in
    # [lo, start) ("before"); the last change cue ("increase", "decrease") there, and
    # the last one before the figure in the sentence (a verb); the first change cue
    # in [end, after_end) ("after").
    any_before = False
    change_before: Cue | None = None
    verb_before: Cue | None = None
    after_cue: Cue | None = None
    # Whether a target or forecast cue stands before the figure (the only names asked).
    target_before = forecast_before = False
    for cue in bundle.cues:
        cue_start = cue.start
        if cue_start < start:
            cue_name = cue.name
            if cue_name == "target":
                target_before = True
            elif cue_name == "forecast":
                forecast_before = True
            is_change = cue_name in ("increase", "decrease")
            if is_change:
                verb_before = cue
            if cue_start >= lo:
                any_before = True
                if is_change:
                    change_before = cue
        elif (
            after_cue is None
            and end <= cue_start < after_end
            and cue.name in ("increase", "decrease")
        ):
            after_cue = cue

    if (
        unit == "count"
        and not (by_before and any_before)
        and not _counted_metric(index, figure, bundle)
    ):
        return "count", 1
    target_after = (
        bundle.has_target
        and any(c.name == "target" and end <= c.start < end + 25 for c in bundle.cues)
        and bool(_TARGET_AFTER.match(text, end))
    )
    realised = (target_after or target_before or forecast_before) and bool(
        _REALISED_AFTER.match(text, end)
    )
    if target_after and not realised:
        return "target", 1
    if target_before and not realised and _target_governs(index, bundle.cues, start):
        return "target", 1
    deadline_after = False
    for period in bundle.periods:
        if period.role == "deadline" and end <= period.start < clause[1]:
            deadline_after = True
            break
    if deadline_after and not forecast_before:
        return "target", 1
    if forecast_before and not realised:
        return "forecast", 1
    if bundle.has_milestone and _milestone(figure, clause, bundle.cues):
        return "milestone", 1

    percent = unit in ("percent", "percentage_point")
    if percent:
        comparative = (
            _COMPARATIVE_AFTER.match(text, end)
            if _after_space(text, end) in _COMPARATIVE_OPENERS
            else None
        )
        if comparative is not None:
            word = comparative.group("word").lower()
            return "change", -1 if word in ("less", "fewer", "lower", "down") else 1
        noun = (
            _CHANGE_NOUN_BEFORE.search(before_text)
            if _may_end_with(before_text, _CHANGE_NOUN_ENDS)
            else None
        )
        if noun is not None and not by_before:
            return "change", -1 if noun.group("noun").lower() in _DECREASE_NOUNS else 1
        if (
            not by_before
            and _may_end_with(before_text, _LEVEL_ENDS)
            and _LEVEL_BEFORE.search(before_text)
        ):
            kind: ClaimKind = "share" if _share(index, figure, clause, bundle) else "level"
            return kind, 1
        if not by_before and _share(index, figure, clause, bundle):
            return "share", 1
        if after_cue is not None:
            return "change", _sign(after_cue)
        if change_before is not None:
            return "change", _sign(change_before)
        if by_before and verb_before is not None:
            # "in 2018 - by 27.1%": the verb stands earlier in the sentence.
            return "change", _sign(verb_before)
        return "level", 1
    if by_before and change_before is not None:
        return "change", _sign(after_cue if after_cue is not None else change_before)
    return "level", 1


_REALISED: Final = re.compile(
    r"\b(?:reached|amounted|stood|totall?ed|was|were|grew|rose|fell|increased|decreased"
    r"|declined|dropped|surged|hit)\b",
    re.IGNORECASE,
)


_VERB_TERMS: Final = frozenset(
    {
        "sold",
        "bought",
        "purchased",
        "exported",
        "imported",
        "exporting",
        "importing",
        "shipped",
        "shipping",
        "supplied",
        "supplying",
        "delivered",
        "delivering",
    }
)
"""Flow terms that are verbs: their subject is a party of the flow."""
_VERB_GAP: Final = re.compile(
    r"\s+(?:(?:about|around|nearly|almost|over|some|roughly|more\s+than)\s+)?"
)


def _counted_metric(index: _DocIndex, figure: _Bounds, bundle: _Sentence) -> bool:
    """Whether a count is the level of a metric, not a count of things.

    It is when its noun is a metric term ("14.9 million tourists") or a trade verb governs
    it ("shipped 580,000 vehicles").
    """
    start, end = figure
    for mention in bundle.metrics:
        if start <= mention.start and mention.end == end:
            return True
        if (
            mention.directional
            and mention.end <= start
            and mention.term in _VERB_TERMS
            and _VERB_GAP.fullmatch(index.text, mention.end, start)
        ):
            return True
    return False


def _target_governs(index: _DocIndex, cues: tuple[Cue, ...], start: int) -> bool:
    """Whether the last target cue before the figure (of the sentence's ``cues``, those
    starting before ``start``) is about it.

    Not when a crossing verb ("the goal ... was exceeded") or a verb of a realised
    figure ("despite the target, trade reached $190 bln") stands between.
    """
    last = -1
    for c in cues:
        if c.start < start and c.name == "target" and c.end > last:
            last = c.end
    for c in cues:
        if c.start < start and c.name == "milestone_verbs" and c.start >= last:
            return False
    return not _realised_between(index.text, last, start)


_REALISED_WORDS: Final[tuple[str, ...]] = (
    *("reached", "amounted", "stood", "totaled", "totalled", "was", "were", "grew", "rose"),
    *("fell", "increased", "decreased", "declined", "dropped", "surged", "hit"),
)
"""The words of :data:`_REALISED` ("totall?ed" spelled both ways)."""


def _realised_between(text: str, lo: int, hi: int) -> bool:
    """``_REALISED.search(text, lo, hi) is not None``, read without the regex engine when
    ``text[lo:hi]`` is ASCII (no other character matches a letter ignoring case): one of
    :data:`_REALISED_WORDS` between word boundaries (``\\b`` at ``lo`` sees the character
    before it; the end of the window is one, as for the search)."""
    lo = max(lo, 0)  # a negative start is the text's start, for the search
    window = text[lo:hi]
    if not window.isascii():
        return _REALISED.search(text, lo, hi) is not None
    low = window.lower()
    size = len(low)
    for word in _REALISED_WORDS:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if (end == size or not _is_word_char(low[end])) and (
                not _is_word_char(low[at - 1])
                if at > 0
                else lo == 0 or not _is_word_char(text[lo - 1])
            ):
                return True
            at = low.find(word, at + 1)
    return False


def _sign(cue: Cue) -> int:
    """The sign of a change cue: -1 for a decrease."""
    return -1 if cue.name == "decrease" else 1


def _share(index: _DocIndex, figure: _Bounds, clause: _Bounds, bundle: _Sentence) -> bool:
    if bundle.has_share and _in(bundle.cues, clause[0], figure[0], "share"):
        return True
    text, end = index.text, figure[1]
    return _after_space(text, end) in _SHARE_OPENERS and _SHARE_AFTER.match(text, end) is not None


def _milestone(figure: _Bounds, clause: _Bounds, cues: tuple[Cue, ...]) -> bool:
    end = figure[1]
    near_after = _in(cues, end, min(clause[1], end + 15), "milestone")
    if any(c.phrase != "for the first time" for c in near_after):
        return True
    first_time = any(
        c.phrase == "for the first time" for c in _in(cues, clause[0], clause[1], "milestone")
    )
    if not first_time:
        return False
    start = figure[0]
    return bool(_in(cues, max(clause[0], start - 40), start, "milestone_verbs"))


# --- metric -----------------------------------------------------------------------------------


def _metric_mention(
    index: _DocIndex, figure: _Bounds, clause: _Bounds, bundle: _Sentence, kind: ClaimKind
) -> MetricMention | None:
    start, end = figure
    for mention in bundle.metrics:
        if start <= mention.start and mention.end == end:
            return mention  # the counted noun names the metric: "14.9 million tourists"
    # In the clause, then the sentence (two calls: no pair of bounds built per figure).
    found = _metric_within(index, bundle.metrics, start, end, clause[0], clause[1], kind)
    if found is None:
        found = _metric_within(index, bundle.metrics, start, end, bundle.lo, bundle.hi, kind)
    return found


def _metric_within(  # noqa: PLR0917 (plain ints: cheaper than a pair per call)
    index: _DocIndex,
    metrics: tuple[MetricMention, ...],
    start: int,
    end: int,
    lo: int,
    hi: int,
    kind: ClaimKind,
) -> MetricMention | None:
    """The last term of ``[lo, hi)`` ending before the figure at ``[start, end)``, and
    the first one after it with no other figure between (first for a share)."""
    before: MetricMention | None = None
    after: MetricMention | None = None
    for m in metrics:
        m_start = m.start
        if not lo <= m_start < hi:
            continue
        if m.end <= start:
            before = m
        elif after is None and m_start >= end and not index.quantity_between(end, m_start):
            after = m
    if kind == "share" and after is not None:
        return after
    if before is not None:
        return before
    return after


# --- entities and flow ------------------------------------------------------------------------


def _is_trade(metric: str | None) -> bool:
    """Whether ``metric`` is of the trade pack (remembered per metric: one dict look-up
    instead of the vocabulary's and the definition's)."""
    if metric is None:
        return False
    found = _TRADE.get(metric)
    if found is None:
        definition = metric_def(metric)
        found = definition is not None and definition.pack == "trade"
        _TRADE[metric] = found
    return found


_TRADE: Final[dict[str, bool]] = {}


def _parties(index: _DocIndex, span: Span) -> list[EntityMention]:
    return [
        e for e in _between(index.entities, index.entity_starts, span.start, span.end) if e.party
    ]


def _parties_in(bundle: _Sentence, lo: int, hi: int) -> tuple[EntityMention, ...]:
    """The parties of the sentence starting in ``[lo, hi)`` (they are in text order)."""
    return _between(bundle.parties, bundle.party_starts, lo, hi)


def _distinct(mentions: tuple[EntityMention, ...]) -> list[str]:
    out: list[str] = []
    for mention in mentions:
        if mention.entity not in out:
            out.append(mention.entity)
    return out


def _other(pair: Sequence[str], known: str) -> str | None:
    others = [e for e in pair if e != known]
    return others[0] if len(pair) == 2 and len(others) == 1 else None


def _entities_and_flow(
    index: _DocIndex,
    state: _Discourse,
    *,
    clause: _Bounds,
    bundle: _Sentence,
    mention: MetricMention | None,
    metric: str | None,
    kind: ClaimKind,
    quantity_start: int,
) -> tuple[tuple[str, ...], Flow | None, str | None]:
    if metric == "tourist_arrivals":
        return (*_visitor_flow(index, state, clause, bundle, quantity_start), metric)
    trade = _is_trade(metric)
    # The pair in force, read only where needed (the document's default pair is computed
    # on first use; nothing below changes ``state.pair`` before its last use here).
    in_clause = _parties_in(bundle, clause[0], clause[1])
    parties = in_clause
    if not parties and not (trade and (state.pair or index.default_pair)):
        parties = bundle.parties
    names = _distinct(parties)
    world = index.world_in(clause[0], clause[1]) or (
        not in_clause and index.world_in(bundle.lo, bundle.hi)
    )
    explicit = len(names) >= 2
    if len(names) > 2:
        pair = state.pair or index.default_pair
        in_pair = [n for n in names if n in pair]
        names = in_pair if len(in_pair) == 2 else names[:2]
    elif len(names) == 1 and trade:
        if world:
            names = [names[0], "World"]
            explicit = True
        else:
            pair = state.pair or index.default_pair
            if names[0] in pair:
                names = list(pair)
            elif pair and state.home is not None and state.home in pair:
                names = [names[0], state.home] if names[0] != state.home else list(pair)
    elif not names and trade:
        names = list(state.pair or index.default_pair)
    if trade and explicit and len(names) == 2:
        first, second = names[0], names[1]
        ordered = (first, second) if first <= second else (second, first)  # sorted(names)
        if ordered != state.pair:
            state.home = None
        state.pair = ordered
        if world:
            state.home = next(n for n in names if n != "World")

    flow: Flow | None = None
    if mention is not None and mention.directional and metric is not None:
        flow, metric = _flow(index, state, clause, mention, metric, bundle=bundle)
    elif mention is not None and metric == "trade_balance" and kind != "milestone":
        flow = _balance_flow(index, state, bundle, mention)
    entities = _sorted_names([flow.source, flow.dest]) if flow else _sorted_names(names)
    return entities, flow, metric


_RECEIVED: Final = re.compile(
    r"\b(?:received|receives|welcomed|welcomes|hosted|hosts|attracted|attracts|drew|draws"
    r"|saw|sees|recorded|records)\b",
    re.IGNORECASE,
)


def _visitor_flow(
    index: _DocIndex, state: _Discourse, clause: _Bounds, bundle: _Sentence, start: int
) -> tuple[tuple[str, ...], Flow | None]:
    """Entities and flow of tourist arrivals: from the visitors' home to the destination.

    "Egypt received 14.9 million tourists": Egypt is the destination (and stays so for
    the article); "Germany sent 6.6 million tourists to Turkey", "Russia ... with 1.5 mn
    visitors": the country before the figure is where the visitors come from.
    """
    before = _parties_in(bundle, clause[0], start)
    after: list[EntityMention] = []
    for e in _parties_in(bundle, start, clause[1]):
        lo = max(start, e.start - 12)
        if _ends_with_words(_TO_BEFORE, _TO_RUNS, index.text, lo, e.start) or _ends_with_words(
            _IN_BEFORE, _IN_RUNS, index.text, lo, e.start
        ):
            after.append(e)
    if not before:
        home = after[0].entity if after else state.visited
        return ((home,) if home else ()), None
    origin = before[-1]
    if not after and _RECEIVED.search(index.text, origin.end, start):
        state.visited = origin.entity
        return (origin.entity,), None
    dest = after[0].entity if after else state.visited
    if dest is None or dest == origin.entity:
        return (origin.entity,), None
    return _sorted_names([origin.entity, dest]), new_flow(origin.entity, dest)


_OWNER_GAP: Final = re.compile(r"(?:'s|’s)?(?:\s+[A-Za-z]+){0,3}\s+")
"""Between a country and its balance: "China's trade deficit", "leaving Brazil with a surplus"."""
_PARTNER_BEFORE: Final = re.compile(r"\b(?:with|against|vis-a-vis)\s+(?:the\s+)?$", re.IGNORECASE)
_PARTNER_ENDS: Final[tuple[str, ...]] = ("with", "against", "vis", "the")
"""The last word of every match of :data:`_PARTNER_BEFORE` (white space aside;
"vis-a-vis" ends with "vis")."""
_PARTNER_RUNS: Final[_Runs] = (
    *(("with",), ("against",), ("vis-a-vis",)),
    *(("the", "with"), ("the", "against"), ("the", "vis-a-vis")),
)
"""The runs of :data:`_PARTNER_BEFORE` (see :func:`_ends_with_words`)."""


def _balance_flow(
    index: _DocIndex, state: _Discourse, bundle: _Sentence, mention: MetricMention
) -> Flow | None:
    """The flow of a surplus or deficit: from the country whose balance it is to its partner.

    The owner is the country right before the balance word ("China's deficit", "giving
    Brazil a surplus"), else the first country of the sentence (its subject); the
    partner is a country after "with" or the other country of the pair in force.
    """
    text = index.text
    owner: str | None = None
    partner: str | None = None
    before = [e for e in bundle.parties if e.end <= mention.start]
    if before and _owner_gap(text, before[-1].end, mention.start):
        owner = before[-1].entity
    elif bundle.parties and bundle.parties[0].end <= mention.start:
        owner = bundle.parties[0].entity
    for entity in bundle.parties:
        if entity.start >= mention.end and _ends_with_words(
            _PARTNER_BEFORE, _PARTNER_RUNS, text, max(mention.end, entity.start - 30), entity.start
        ):
            partner = entity.entity
            break
    pair = state.pair or index.default_pair
    if owner is None:
        return None
    if partner is None:
        partner = _other(pair, owner)
    if partner is None or partner == owner:
        return None
    return new_flow(owner, partner)


def _flow(
    index: _DocIndex,
    state: _Discourse,
    clause: _Bounds,
    mention: MetricMention,
    metric: str,
    *,
    bundle: _Sentence,
) -> tuple[Flow | None, str]:
    """Read source and destination around an exports/imports/supplies term."""
    text = index.text
    lo = min(clause[0], mention.start)
    premod: str | None = None
    near = _parties_in(bundle, max(lo, mention.start - 40), mention.start)
    if near and _adjacent_gap(text, near[-1].end, mention.start):
        premod = near[-1].entity
    verb = mention.term in _VERB_TERMS or mention.metric == "investment"
    if premod is None and verb:
        # "Russia stayed China's top supplier, shipping 89.4 mln tonnes": the subject.
        subject = [e for e in bundle.parties if e.end <= mention.start]
        if subject:
            premod = subject[0].entity
    source: str | None = None
    dest: str | None = None
    # Read up to the next flow term of the clause ("sold ... to B and bought ... from B").
    stop = max(clause[1], mention.end)
    for later in bundle.metrics:
        if later.directional and mention.end <= later.start < stop:
            stop = later.start
            break
    for entity in _parties_in(bundle, mention.end, stop):
        before = text[max(mention.end, entity.start - 30) : entity.start]
        if (
            verb
            and metric not in ("imports", "investment")
            and dest is None
            and entity.form in ("name", "alias")
            and entity.start - mention.end <= 1
        ):
            dest = entity.entity  # "Russia supplied India with ..."
        elif source is None and _ends_with_words(_FROM_BEFORE, _FROM_RUNS, before, 0, len(before)):
            source = entity.entity
        elif dest is None and (
            _ends_with_words(_TO_BEFORE, _TO_RUNS, before, 0, len(before))
            or (
                metric == "investment"
                and _ends_with_words(_IN_BEFORE, _IN_RUNS, before, 0, len(before))
            )
        ):
            dest = entity.entity
        elif source is None and entity.form == "demonym" and _GOODS_AFTER.match(text, entity.end):
            source = entity.entity
    if premod is not None and metric != "imports" and premod not in (source, dest):
        source = premod  # "Kazakhstan sold goods worth $2.7 bln to Uzbekistan"
    definition = metric_def(metric)
    neutral = definition is not None and definition.neutral
    trade_flow = neutral or metric in ("exports", "imports")
    if neutral:
        source = source or premod
    elif metric == "imports":
        if premod is not None and dest is None:
            dest = premod
            state.home = premod
    elif premod is not None and source in (None, premod):
        source = premod
        if trade_flow:
            state.home = premod
    pair = state.pair or index.default_pair
    if source is not None and dest is None:
        dest = _other(pair, source)
    elif dest is not None and source is None:
        source = _other(pair, dest)
    elif source is None and dest is None and state.home is not None and trade_flow:
        other = _other(pair, state.home)
        if other is not None:
            exports = metric == "exports" or (
                neutral and definition is not None and definition.flow_of == "exports"
            )
            source, dest = (state.home, other) if exports else (other, state.home)
    if neutral and definition is not None:
        # A neutral word ("supplies", "shipped") takes the reporting country's view: the
        # country named so far as the home of the flows, else the dateline's country.
        home = state.home or index.dateline_country
        if dest is not None and dest == home:
            metric = "imports"
        elif source is not None and source == home:
            metric = "exports"
        else:
            metric = definition.flow_of or "exports"
    if source is None or dest is None or source == dest:
        return None, metric
    if state.home is None and len(pair) == 2 and trade_flow:
        state.home = dest if metric == "imports" else source
    return new_flow(source, dest), metric


# --- period, basis, record --------------------------------------------------------------------


def _period(
    index: _DocIndex,
    state: _Discourse,
    figure: _Bounds,
    *,
    bundle: _Sentence,
    sentence_no: int,
    paragraph: int,
    kind: ClaimKind,
) -> Period | None:
    text = index.text
    q_start, q_end = figure
    best: PeriodMention | None = None
    best_distance = len(text) + 1
    best_compared = False
    for mention in bundle.periods:
        if mention.role not in ("period", "anaphoric", "deadline"):
            continue
        # "up from $X in 2022": 2022 is the period of $X alone.
        compared_of = index.compared_figure(mention)
        if compared_of is not None and compared_of != q_start:
            continue
        if mention.end <= q_start:
            distance = q_start - mention.end
        elif mention.start >= q_end:
            gap = text[q_end : mention.start]
            if any(ch in gap for ch in ",;") or (
                index.quantity_between(q_end, mention.start)
                and not index.change_target_between(q_start, q_end, mention.start)
            ):
                continue
            # "the $240 bln recorded in 2023": the phrase right after a realised figure.
            # (Every match is 9 characters long at least: " seen in ".)
            realised = len(gap) >= _REALISED_SHORTEST and _REALISED_GAP.fullmatch(gap) is not None
            distance = 0 if realised else len(gap) + 1
        else:
            continue
        if distance < best_distance or (distance == 0 and best_distance == 0):
            best, best_distance = mention, distance
            best_compared = compared_of is not None
    if best is not None:
        found_period = best.period
        if best.role == "anaphoric" and best.granularity == "year" and state.period is not None:
            # "over the year": the year of the period in force for the figures read so far
            # (comparison bases excluded, which the period scan cannot tell apart).
            end = state.period.end
            if end is not None:
                first, last = _dt.date(end.year, 1, 1), _dt.date(end.year, 12, 31)
                found_period = new_period(first, last, best.period.text)
        if best.role != "deadline" and kind not in ("target", "forecast") and not best_compared:
            state.period, state.period_sentence = found_period, sentence_no
            state.period_paragraph = paragraph
        if kind in ("target", "forecast") and best.role != "deadline":
            # Only a phrase after the figure dates a goal or an expectation ("expected to
            # exceed $250 bln this year"); "the $10 billion target set for 2030" is due by the
            # end of its year.
            found = best.period
            if best.start < q_end or found.end is None:
                return None
            if kind == "forecast":
                return found
            if best.granularity not in ("year", "years"):
                return None
            return new_period(None, found.end, found.text, "deadline", found.unresolved)
        return found_period
    # Periods named in sentences without figures still set the discourse period.
    # Walk back only as far as the sentence the discourse period was last set in.
    horizon = index.sentence_bounds(state.period_sentence)[1]
    i = (
        search_left(index.period_starts, bundle.lo)
        if COMPILED
        else bisect.bisect_left(index.period_starts, bundle.lo)
    ) - 1
    while i >= 0 and index.periods[i].start >= horizon:
        mention = index.periods[i]
        if mention.role in ("period", "anaphoric"):
            state.period = mention.period
            state.period_sentence = index.sentences.index_at(mention.start)
            state.period_paragraph = index.sentences.paragraph_at(mention.start)
            break
        i -= 1
    if state.period is None and kind == "level":
        return implied_last_year(text[bundle.lo : q_start], index.published)
    if kind in ("target", "forecast") or state.period is None:
        return None
    if (
        paragraph == state.period_paragraph
        or sentence_no - state.period_sentence <= 1
        or index.anaphoric(sentence_no)
    ):
        state.period_sentence = sentence_no
        state.period_paragraph = paragraph
        return state.period
    return None


def _basis(index: _DocIndex, clause: _Bounds, bundle: _Sentence) -> str | None:
    for lo, hi in (clause, (bundle.lo, bundle.hi)):
        for cue in _in(bundle.cues, lo, hi):
            if cue.name in ("yoy", "mom", "qoq"):
                return cue.name
        for mention in bundle.periods:
            if not lo <= mention.start < hi:
                continue
            if mention.role == "period" and mention.granularity in ("year", "fiscal"):
                if index.compared_figure(mention) is not None:
                    return "yoy"  # "up 37% from 22.7 bcm in 2023"
                continue
            if mention.role == "basis":
                return {"month": "mom", "quarter": "qoq"}.get(mention.granularity, "yoy")
    return None


def _record(
    index: _DocIndex, figure: _Bounds, clause: _Bounds, bundle: _Sentence, sentence_no: int
) -> bool:
    """A record cue right before the figure (no other figure between) or right after it."""
    start, end = figure
    if bundle.has_record:
        for cue in _in(bundle.cues, clause[0], start, "record"):
            if not index.quantity_between(cue.end, start):
                return True
        if _in(bundle.cues, end, min(clause[1], end + 25), "record"):
            return True
    # "... rose to $190 bln. It is an all-time record": the last figure of the sentence.
    following = sentence_no + 1
    bounds = index.sentences.bounds
    if following < len(bounds) and not index.quantity_between(end, bundle.hi):
        lo, hi = bounds[following]
        head = index.text[lo : lo + 12].lower()
        return head.startswith(("it ", "this ")) and bool(index.cues_in(lo, hi, "record"))
    return False
