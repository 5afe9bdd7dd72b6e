"""Helpers shared by the checks: periods, labels and key look-ups."""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

from claimcheck.engine.context import Context
from claimcheck.engine.index import BALANCE, FLOW, TURNOVER, Item, Key, PeriodKey, iso_date

__all__ = [
    "adjacent",
    "anchored_levels",
    "apart",
    "by_document",
    "contains",
    "describes",
    "find_words",
    "flow_identity_roles",
    "flow_pair",
    "is_cumulative",
    "levels_for",
    "months",
    "period_label",
    "period_of",
    "plausibly_same",
    "prior_period",
    "same_shape",
    "scale_slip",
    "shift_year",
    "slip_note",
    "span_label",
]

_MONTHS: Final = [calendar.month_abbr[i] for i in range(13)]


def flow_identity_roles(ctx: Context, measure: str) -> Iterator[tuple[Key, list[Sequence[Item]]]]:
    """For every dated level of ``measure`` (turnover or balance) between two parties,
    the stated wholes and the two directed flows of the same period and unit:
    ``(key, [wholes, flows one way, flows the other way])``."""
    for key, by_period in ctx.index.groups("level"):
        if key.measure != measure:
            continue
        pair = flow_pair(key.scope)
        if pair is None:
            continue
        there = Key(FLOW, key.scope, pair[0], key.unit)
        back = Key(FLOW, key.scope, pair[1], key.unit)
        for period, wholes in by_period.items():
            if period is None:
                continue
            yield (
                key,
                [
                    wholes,
                    ctx.index.get("level", there, period),
                    ctx.index.get("level", back, period),
                ],
            )


def period_of(item: Item) -> tuple[_dt.date, _dt.date] | None:
    """The resolved ``(start, end)`` of an interval period, else ``None``."""
    if item.start is None or item.end is None or item.period is None or item.period[0] == "by":
        return None
    return item.start, item.end


def key_of(start: _dt.date, end: _dt.date) -> PeriodKey:
    """The period key of resolved dates."""
    return (iso_date(start), iso_date(end))


@functools.lru_cache(maxsize=8192)
def _month_end(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_year(day: _dt.date, years: int = -1) -> _dt.date:
    """The same day ``years`` later (28 Feb for 29 Feb in a non-leap year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _shift_months(start: _dt.date, end: _dt.date, n: int) -> tuple[_dt.date, _dt.date]:
    sy, sm = _move(start.year, start.month, n)
    ey, em = _move(end.year, end.month, n)
    return _dt.date(sy, sm, 1), _month_end(ey, em)


def _move(year: int, month: int, n: int) -> tuple[int, int]:
    """The (year, month) ``n`` months later (not nested in :func:`_shift_months`: compiled,
    a nested function and its environment would form a reference cycle per call)."""
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


@functools.lru_cache(maxsize=8192)
def months(start: _dt.date, end: _dt.date) -> int | None:
    """Number of whole calendar months covered, or ``None`` when not month-aligned."""
    if start.day != 1 or end != _month_end(end.year, end.month):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


@functools.lru_cache(maxsize=8192)
def prior_period(start: _dt.date, end: _dt.date, basis: str) -> tuple[_dt.date, _dt.date] | None:
    """The period a change with ``basis`` compares with ("yoy", "mom", "qoq")."""
    if basis == "yoy":
        if months(start, end) is not None:
            prior_start = shift_year(start)
            return prior_start, _month_end(prior_start.year + (end.year - start.year), end.month)
        return shift_year(start), shift_year(end)
    n = months(start, end)
    if basis == "mom" and n == 1:
        return _shift_months(start, end, -1)
    if basis == "qoq" and n == 3 and start.month in (1, 4, 7, 10):
        return _shift_months(start, end, -3)
    return None


def contains(outer: tuple[_dt.date, _dt.date], inner: tuple[_dt.date, _dt.date]) -> bool:
    """Whether ``inner`` lies within ``outer`` and differs from it."""
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


def adjacent(first: tuple[_dt.date, _dt.date], second: tuple[_dt.date, _dt.date]) -> bool:
    """Whether ``second`` starts the day after ``first`` ends."""
    return first[1] + _dt.timedelta(days=1) == second[0]


def same_shape(a: tuple[_dt.date, _dt.date], b: tuple[_dt.date, _dt.date]) -> bool:
    """Same calendar span in different years (2023 vs 2022, Jan–Oct 2023 vs Jan–Oct 2022)."""
    return (
        (a[0].month, a[0].day) == (b[0].month, b[0].day)
        and (a[1].month, a[1].day) == (b[1].month, b[1].day)
        and (a[1].year - a[0].year) == (b[1].year - b[0].year)
    )


def period_label(item: Item) -> str:
    """A short human label: "2023", "Jan–Oct 2023", "by 2030" or the period's text."""
    if item.period is None:
        return "an unstated period"
    if item.period[0] == "by":
        return f"by {item.period[1][:4]}"
    if item.period[0] == "?":
        return f"“{item.period[2]}”"
    span = period_of(item)
    if span is None:
        return "an unstated period"
    return span_label(*span)


@functools.lru_cache(maxsize=8192)
def span_label(start: _dt.date, end: _dt.date) -> str:
    """A short human label of resolved dates: "2023", "Jan–Oct 2023", "Apr 2023–Mar 2024"."""
    n = months(start, end)
    if n == 12 and start.month == 1:
        return str(start.year)
    if n is not None:
        if n == 1:
            return f"{_MONTHS[start.month]} {start.year}"
        if start.year == end.year:
            return f"{_MONTHS[start.month]}–{_MONTHS[end.month]} {end.year}"
        return f"{_MONTHS[start.month]} {start.year}–{_MONTHS[end.month]} {end.year}"
    return f"{start.isoformat()}–{end.isoformat()}"


def is_cumulative(ctx: Context, key: Key) -> bool:
    """Whether the key's metric adds up over time (pack ``cumulative``)."""
    return ctx.cumulative(key.measure)


def flow_pair(scope: tuple[str, ...]) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The two directed flows of a pair scope, from the first country's point of view."""
    if len(scope) != 2:
        return None
    a, b = scope
    return (a, b), (b, a)


def levels_for(
    ctx: Context, measure: str, scope: tuple[str, ...], flow: tuple[str, str] | None, kind: str
) -> list[Key]:
    """Keys of ``kind`` with this measure/scope/flow in any unit (percent units excluded)."""
    return [
        k
        for k in ctx.index.related(kind, measure, scope, flow)
        if k.unit not in ("percent", "percentage_point")
    ]


def anchored_levels(
    ctx: Context, change: Item, kinds: tuple[str, ...] = ("level",), percent: bool = False
) -> list[Item]:
    """Levels in the change's sentence for the same measure, scope and period: the figure
    the change most likely describes ("rose 1.3% to 108.5 mln tonnes")."""
    out = []
    for item in ctx.index.items_in_sentence(change):
        if item.kind not in kinds or item.period != change.period:
            continue
        if item.key.measure != change.key.measure or item.key.scope != change.key.scope:
            continue
        if change.key.measure == FLOW and item.key.flow != change.key.flow:
            continue
        if not percent and item.key.unit in ("percent", "percentage_point"):
            continue
        out.append(item)
    return out


def by_document(items: Iterable[Item]) -> dict[str, list[Item]]:
    """Items grouped by document, in order."""
    out: dict[str, list[Item]] = {}
    for item in items:
        out.setdefault(item.document, []).append(item)
    return out


@functools.lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """The compiled whole-word, case-insensitive pattern of ``word`` (rules look the same
    word lists up in every sentence)."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _by_length(words: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct words, longest first (the order :func:`find_words` claims matches in)."""
    return tuple(sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1024)
def _any_word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching where any of ``words`` matches as a whole word."""
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _ascii_lowered(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words in lower case when all are ASCII (else ``None``: a non-ASCII word may
    match ASCII text case-insensitively, "ſ" matches "s")."""
    if not all(w.isascii() for w in words):
        return None
    return tuple(w.lower() for w in words)


_PREPARED: Final[dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...] | None]]] = {}
""":func:`find_words`' :func:`_by_length` and :func:`_ascii_lowered` of a tuple of words, by
the tuple's ``id`` (with the tuple, which keeps it alive and its id its own): the rules pass
the same few tuples (a pack's word lists) for every sentence, and an ``lru_cache`` call
hashes the whole tuple each time (~900 instructions)."""
_PREPARED_CAP: Final = 256


def _prepared(words: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """``(_by_length(tuple(words)), _ascii_lowered(...))``, kept by identity for a tuple
    (immutable; other sequences are worked out each time: they may change)."""
    if type(words) is not tuple:
        ordered = _by_length(tuple(words))
        return ordered, _ascii_lowered(ordered)
    entry = _PREPARED.get(id(words))
    if entry is not None and entry[0] is words:
        return entry[1], entry[2]
    ordered = _by_length(words)
    lowered = _ascii_lowered(ordered)
    if len(_PREPARED) >= _PREPARED_CAP:
        _PREPARED.clear()
    _PREPARED[id(words)] = (words, ordered, lowered)
    return ordered, lowered


def find_words(text: str, words: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every whole-word, case-insensitive occurrence."""
    ordered, lowered = _prepared(words)
    if not ordered:
        return []
    if lowered is not None and text.isascii():
        # in ASCII text a case-insensitive match of an ASCII word is that word in lower
        # case in the lower-cased text: substring tests rule most sentences out, far
        # cheaper than the pattern's attempt at every position
        low = text.lower()
        if not any(w in low for w in lowered):
            return []
    if _any_word_pattern(ordered).search(text) is None:
        return []  # none of the words occurs (most sentences): one scan instead of one a word
    out: list[tuple[int, int, str]] = []
    for word in ordered:
        for match in _word_pattern(word).finditer(text):
            if not any(s < match.end() and match.start() < e for s, e, _ in out):
                out.append((match.start(), match.end(), word.lower()))
    return sorted(out)


MEASURE_TOTAL = TURNOVER
MEASURE_BALANCE = BALANCE


def plausibly_same(ratio: float, limit: float) -> bool:
    """Whether two figures whose values differ by ``ratio`` may describe the same thing.

    ``limit`` is the pack's ``different_figure_ratio`` (0 disables the test).
    """
    if limit <= 0 or ratio <= 0:
        return True
    factor = ratio if ratio >= 1 else 1 / ratio
    return factor <= limit


def describes(ctx: Context, change: Item, unit: str) -> bool:
    """Whether ``change`` may describe a figure in ``unit``: false when its sentence holds a
    level of the same metric and period only in other units."""
    anchors = anchored_levels(ctx, change)
    return not anchors or any(a.key.unit == unit for a in anchors)


def scale_slip(a: float, b: float, threshold: float) -> int | None:
    """``k`` (the nearest power of 1000, ``a / b ≈ 1000**k``) when ``a`` and ``b`` are at
    least ``threshold`` times apart (the pack's ``scale_slip_ratio``: one of them is likely
    printed in the wrong scale, "mln" for "bln"), else ``None``."""
    if threshold <= 0 or a == 0 or b == 0 or (a < 0) != (b < 0):
        return None
    ratio = a / b
    if max(ratio, 1 / ratio) < threshold:
        return None
    k = round(math.log(ratio) / math.log(1000.0))
    return k or (1 if ratio > 1 else -1)


def apart(ctx: Context, code: str, a: float, b: float) -> str | None:
    """How implausibly far apart two magnitudes of one relation are.

    ``"slip"`` when their ratio is near a power of 1000 or at least the pack's
    ``scale_slip_ratio`` (one figure is in the wrong scale); ``"far"`` when it
    exceeds ``different_figure_ratio`` (they likely describe different things);
    ``None`` otherwise.
    """
    if a == 0 or b == 0 or not (math.isfinite(a) and math.isfinite(b)):
        return None
    tol = ctx.tolerance_of(code)  # (cached: the configuration's, asked for every relation)
    factor = max(abs(a / b), abs(b / a))
    if scale_slip(abs(a), abs(b), tol.scale_slip_ratio) is not None:
        return "slip"
    if 0 < tol.different_figure_ratio < factor:
        return "far"
    return None


def slip_note(a: float, b: float) -> str:
    """A message suffix for a relation whose figures are a likely scale slip apart."""
    factor = max(abs(a / b), abs(b / a)) if a and b else 0.0
    return f": a figure is likely in the wrong scale (×{factor:.3g})"
