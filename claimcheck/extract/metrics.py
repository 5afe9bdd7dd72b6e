"""Metric terms and claim cues, read with the vocabularies of the rule packs.

:func:`find_metric_mentions` scans a text once for every term of the metric
vocabulary (``[metrics.*]`` of ``rules/trade.toml`` and
``rules/general.toml``), longest term first, case-insensitively, honouring
each metric's ``not_followed_by`` veto words. :func:`find_cues` does the
same for the cue lists of ``[cues]`` (change verbs, target and forecast
words, record words, comparison bases).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import attrs

from claimcheck.extract.phrases import (
    MultiScanner,
    Regions,
    finditer_in,
    lower_case,
    phrase_regex,
)
from claimcheck.model import Span
from claimcheck.rulepacks import MetricDef, cues, gazetteer, metric_vocabulary

__all__ = [
    "LAZY_CUES",
    "Cue",
    "MetricMention",
    "Terms",
    "cue_regex",
    "cue_regex_lower",
    "find_cues",
    "find_metric_mentions",
    "find_terms",
    "lowered",
    "metric_def",
    "term_may_hold",
    "term_parts",
]


class MetricMention(NamedTuple):
    """One occurrence of a metric term (a named tuple with plain offsets: cheap to build)."""

    start: int
    end: int
    metric: str
    term: str
    directional: bool = False
    neutral: bool = False

    @property
    def span(self) -> Span:
        """Where the mention is, as a :class:`~claimcheck.model.Span` (built on request)."""
        return Span(self.start, self.end)


class Cue(NamedTuple):
    """One occurrence of a cue phrase of the list ``name`` ("increase", "yoy", ...)."""

    start: int
    end: int
    name: str
    phrase: str

    @property
    def span(self) -> Span:
        """Where the mention is, as a :class:`~claimcheck.model.Span` (built on request)."""
        return Span(self.start, self.end)


def _alternation(phrases: list[str], before: str = "") -> str:
    return phrase_regex((p.lower() for p in phrases), before)


def lowered(text: str) -> str | None:
    """``text`` in lower case when that keeps every offset (it almost always does).

    Matching lower-case patterns against a lower-cased copy is about twice as
    fast as case-insensitive matching; ``None`` means some character changes
    length in lower case ("İ"), and callers fall back to case-insensitive matching.
    """
    low = lower_case(text)
    return low if len(low) == len(text) else None


class _MetricPattern:
    """The metric vocabulary's pattern and tables; the patterns are compiled on first use
    (the case-insensitive one is only needed for the rare text that lower-casing would
    shift, and each veto only when its metric is found)."""

    __slots__ = (
        "_pattern",
        "_veto_sources",
        "_vetoes",
        "by_term",
        "fields",
        "source",
        "veto_firsts",
    )

    def __init__(
        self,
        by_term: dict[str, MetricDef],
        veto_sources: dict[str, str],
        veto_firsts: dict[str, frozenset[str] | None],
    ) -> None:
        self.by_term = by_term
        self.fields: dict[str, tuple[str, bool, bool]] = {
            term: (metric.key, metric.directional, metric.neutral)
            for term, metric in by_term.items()
        }
        """Per term, the fields of its mentions (metric key, directional, neutral): one
        look-up, where reading them from the :class:`MetricDef` takes three more."""
        self.source = r"(?:" + _alternation(list(by_term), r"(?<!\w)") + r")(?!\w)"
        self._pattern: re.Pattern[str] | None = None
        self._veto_sources = veto_sources
        self._vetoes: dict[str, re.Pattern[str] | None] = {}
        self.veto_firsts = veto_firsts
        """Per metric with a veto, the first letters of its words (``None``: not all
        ASCII letters, no gate): see :func:`_may_be_vetoed`."""

    @property
    def pattern(self) -> re.Pattern[str]:
        """Case-insensitive: for text whose lower-cased copy would shift offsets."""
        if self._pattern is None:
            self._pattern = re.compile(self.source, re.IGNORECASE)
        return self._pattern

    @property
    def exact(self) -> re.Pattern[str]:
        """For lower-cased text (the same pattern as the term scanner's)."""
        return re.compile(self.source)

    def veto(self, key: str) -> re.Pattern[str] | None:
        """The ``not_followed_by`` words of metric ``key``, if it has any."""
        try:
            return self._vetoes[key]
        except KeyError:
            source = self._veto_sources.get(key)
            found = re.compile(source, re.IGNORECASE) if source is not None else None
            self._vetoes[key] = found
            return found


@functools.cache
def _metric_pattern() -> _MetricPattern:
    by_term: dict[str, MetricDef] = {}
    for metric in metric_vocabulary():
        for term in metric.terms:
            by_term.setdefault(term.lower(), metric)
    vetoes = {
        metric.key: r"\s+(?:" + _alternation(list(metric.not_followed_by)) + r")\b"
        for metric in metric_vocabulary()
        if metric.not_followed_by
    }
    firsts = {
        metric.key: _first_letters(metric.not_followed_by)
        for metric in metric_vocabulary()
        if metric.not_followed_by
    }
    return _MetricPattern(by_term, vetoes, firsts)


def _first_letters(words: Iterable[str]) -> frozenset[str] | None:
    """The lower-cased first letters of ``words``; ``None`` unless all are ASCII letters."""
    firsts = frozenset(word[:1].lower() for word in words)
    return firsts if all(f.isascii() and f.isalpha() for f in firsts) else None


def _may_be_vetoed(text: str, end: int, firsts: frozenset[str] | None) -> bool:
    """False where a veto (``\\s+(?:words)\\b``, case-insensitive) cannot match at
    ``end``: white space, then a character that is not an ASCII letter other than the
    first letters of the words (``firsts``, lower-case ASCII). Cheaper than the regex
    call; a non-ASCII character is let through (case-insensitive matching pairs some
    with ASCII letters: "K" with "k", "ſ" with "s")."""
    if firsts is None:
        return True
    n = len(text)
    i = end
    while i < n and text[i].isspace():
        i += 1
    if i in (end, n):
        return False
    char = text[i]
    return not char.isascii() or char.lower() in firsts


def metric_def(key: str) -> MetricDef | None:
    """The vocabulary entry of metric ``key``."""
    return _metric_defs().get(key)


@functools.cache
def _metric_defs() -> dict[str, MetricDef]:
    """The vocabulary by metric key (the first entry of a key wins)."""
    defs: dict[str, MetricDef] = {}
    for metric in metric_vocabulary():
        defs.setdefault(metric.key, metric)
    return defs


def find_metric_mentions(
    text: str, low: str | None = None, regions: Regions | None = None
) -> tuple[MetricMention, ...]:
    """Every metric term in ``text``, in text order.

    ``low`` may pass ``lowered(text)`` when the caller has it already;
    ``regions`` restricts the scan to parts of the text.
    """
    compiled = _metric_pattern()
    low = low if low is not None else lowered(text)
    matches = (
        finditer_in(compiled.exact, low, regions)
        if low is not None
        else finditer_in(compiled.pattern, text, regions)
    )
    found = ((m.start(), m.end(), _canonical(m.group().lower())) for m in matches)
    return _metric_mentions(text, compiled, found)


def _canonical(phrase: str) -> str:
    phrase = phrase.replace("’", "'")
    return phrase if phrase.isalpha() else " ".join(phrase.split())


def _metric_mentions(
    text: str, compiled: _MetricPattern, found: Iterable[tuple[int, int, str]]
) -> tuple[MetricMention, ...]:
    out: list[MetricMention] = []
    new = tuple.__new__  # skips the named tuple's ``__new__`` (Python code: ~60% of its cost)
    by_term = compiled.fields
    for start, end, term in found:
        key, directional, neutral = by_term[term]
        veto = compiled.veto(key)
        if (
            veto is not None
            and _may_be_vetoed(text, end, compiled.veto_firsts[key])
            and veto.match(text, end)
        ):
            continue
        fields = (start, end, key, term, directional, neutral)
        out.append(new(MetricMention, fields))  # every field, in order
    return tuple(out)


LAZY_CUES = frozenset({"anaphora"})
"""Cue lists too common to scan a whole text for ("it"); see :func:`cue_regex`."""


@functools.cache
def cue_regex(name: str) -> re.Pattern[str]:
    """A compiled pattern for one cue list, to search a sentence on demand."""
    return re.compile(
        r"(?:" + _alternation(list(cues()[name]), r"(?<![\w-])") + r")(?![\w-])", re.IGNORECASE
    )


@functools.cache
def cue_regex_lower(name: str) -> re.Pattern[str]:
    """:func:`cue_regex` without case folding, for searching lower-cased text (faster)."""
    return re.compile(r"(?:" + _alternation(list(cues()[name]), r"(?<![\w-])") + r")(?![\w-])")


@functools.cache
def _cue_table() -> tuple[str, dict[str, tuple[str, ...]]]:
    """The source of the cue pattern and, per phrase, the cue lists holding it."""
    table: Mapping[str, tuple[str, ...]] = cues()
    owners: dict[str, list[str]] = {}
    for name, phrases in table.items():
        if name in LAZY_CUES:
            continue
        for phrase in phrases:
            owners.setdefault(phrase.lower(), []).append(name)
    source = r"(?:" + _alternation(list(owners), r"(?<![\w-])") + r")(?![\w-])"
    return source, {k: tuple(v) for k, v in owners.items()}


@functools.cache
def _cue_pattern_ci() -> re.Pattern[str]:
    """The cue pattern, case-insensitive (only for text lower-casing would shift)."""
    return re.compile(_cue_table()[0], re.IGNORECASE)


_NOT_A_CHANGE = re.compile(r"\s+(?:than|to)\b", re.IGNORECASE)
_THAN_TO_FIRSTS = frozenset("t")
"""The first letters of the words of :data:`_NOT_A_CHANGE` (see :func:`_may_be_vetoed`)."""


def find_cues(text: str, low: str | None = None, regions: Regions | None = None) -> tuple[Cue, ...]:
    """Every cue phrase in ``text`` in text order (a phrase may serve several lists).

    The lists of :data:`LAZY_CUES` are left out: search them with :func:`cue_regex`.

    "more than", "less than" and "up to" are qualifiers, not changes: they are
    left out of the ``increase``/``decrease`` lists. ``low`` may pass
    ``lowered(text)`` when the caller has it already; ``regions`` restricts
    the scan to parts of the text.
    """
    source, owners = _cue_table()
    low = low if low is not None else lowered(text)
    matches = (
        finditer_in(re.compile(source), low, regions)
        if low is not None
        else finditer_in(_cue_pattern_ci(), text, regions)
    )
    found = ((m.start(), m.end(), _canonical(m.group().lower())) for m in matches)
    return _cues(text, owners, found)


def _cues(
    text: str, owners: Mapping[str, tuple[str, ...]], found: Iterable[tuple[int, int, str]]
) -> tuple[Cue, ...]:
    out: list[Cue] = []
    new = tuple.__new__  # skips the named tuple's ``__new__`` (Python code: ~60% of its cost)
    for start, end, phrase in found:
        qualifier = (
            phrase in ("more", "less", "up")
            and _may_be_vetoed(text, end, _THAN_TO_FIRSTS)
            and _NOT_A_CHANGE.match(text, end) is not None
        )
        for name in owners[phrase]:
            if qualifier and name in ("increase", "decrease"):
                continue
            out.append(new(Cue, (start, end, name, phrase)))  # every field, in order
    return tuple(out)


@attrs.frozen(slots=True)
class Terms:
    """Metric terms, cues and whole-world phrases of a text, from one scan."""

    metrics: tuple[MetricMention, ...]
    cues: tuple[Cue, ...]
    worlds: tuple[Span, ...]


@functools.cache
def _scanner() -> MultiScanner:
    table: Mapping[str, tuple[str, ...]] = cues()
    return MultiScanner(
        {
            "metric": list(_metric_pattern().by_term),
            "cue": [p for name, ps in table.items() if name not in LAZY_CUES for p in ps],
            "world": list(gazetteer().world_terms),
        },
        hyphen_bounded=("cue",),
    )


def find_terms(text: str, low: str | None = None, regions: Regions | None = None) -> Terms:
    """Metric terms, cues and whole-world phrases ("foreign trade", "the world") of ``text``.

    The same mentions as :func:`find_metric_mentions`, :func:`find_cues` and
    :func:`~claimcheck.extract.entities.find_world_terms`, in one pass over the
    lower-cased text (about three times faster).
    """
    metrics, found_cues, worlds = term_parts(text, low, regions)
    return Terms(metrics, found_cues, tuple(Span(start, end) for start, end in worlds))


def term_parts(
    text: str, low: str | None = None, regions: Regions | None = None
) -> tuple[tuple[MetricMention, ...], tuple[Cue, ...], list[tuple[int, int]]]:
    """:func:`find_terms` as a plain tuple, the whole-world phrases as ``(start, end)``
    pairs: no :class:`Terms` or :class:`~claimcheck.model.Span` records (attrs classes,
    built by interpreted code) for a caller that only reads offsets."""
    low = low if low is not None else lowered(text)
    if low is None:
        return (
            find_metric_mentions(text, None, regions),
            find_cues(text, None, regions),
            _world_spans(text, regions),
        )
    found = _scanner().scan(low, regions)
    return (
        _metric_mentions(text, _metric_pattern(), found["metric"]),
        _cues(text, _cue_table()[1], found["cue"]),
        [(start, end) for start, end, _ in found["world"]],
    )


def term_may_hold(char: str) -> bool:
    """Whether some metric term, cue or world phrase (as :func:`term_parts` scans for them)
    holds ``char``."""
    return _scanner().holds(char)


@functools.cache
def _world_pattern() -> re.Pattern[str]:
    phrases = [w.lower() for w in gazetteer().world_terms]
    return re.compile(r"(?:" + phrase_regex(phrases, r"(?<!\w)") + r")(?!\w)", re.IGNORECASE)


def _world_spans(text: str, regions: Regions | None) -> list[tuple[int, int]]:
    return [m.span() for m in finditer_in(_world_pattern(), text, regions)]
