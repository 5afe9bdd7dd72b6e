"""Time expressions: find period phrases and resolve them to dates.

:func:`find_periods` scans a text once and returns every period phrase in
text order as a :class:`PeriodMention` with a *role*:

* ``period``: the time a figure covers ("in 2023", "January-October",
  "the first 9 months of this year", "Q1 2020", "in July", "last year");
* ``deadline``: a target date ("by 2024", "by the end of the year");
* ``basis``: the comparison period of a change ("compared to June", "the
  same period last year"); it says ``mom``/``qoq``/``yoy``, never a period;
* ``event``: a calendar date of an event ("on November 8", datelines);
* ``anaphoric``: "during this period", "in the reporting period" -- resolved
  to the period in force in the discourse.

Years missing from a phrase come, in order, from an explicit year in the same
or the previous sentence of the paragraph, from the publication date (the
latest such period that has begun by then), or from an earlier explicit
year of the document. Relative phrases need the publication date; without
it they stay unresolved (``Period.unresolved`` says why), never guessed.

:func:`implied_last_year` dates a figure that has no time phrase at all but
is stated as a running total reached by now ("trade has already reached $140
bln") early in a year: the latest full year (see its docstring).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import Final, Literal, NamedTuple

from claimcheck.extract.offsets import search_left, search_right
from claimcheck.extract.phrases import lower_case
from claimcheck.extract.records import COMPILED
from claimcheck.extract.records import period as new_period
from claimcheck.extract.sentences import Sentences
from claimcheck.model import Period, Span

__all__ = ["PeriodMention", "PeriodRole", "find_periods", "implied_last_year"]

PeriodRole = Literal["period", "deadline", "basis", "event", "anaphoric"]


class PeriodMention(NamedTuple):
    """One period phrase: where it is, what role it plays and what it resolves to.

    ``granularity`` is "year", "half", "quarter", "month", "months" (a range
    of months) or "day"; ``explicit_year`` is the year printed in the phrase.
    (A named tuple: cheap to build.)
    """

    start: int
    end: int
    role: PeriodRole
    period: Period
    granularity: str
    explicit_year: int | None = None
    narrow: bool = False
    """A sub-period singled out ("October alone"): "the same period" later does not mean it."""

    @property
    def span(self) -> Span:
        """Where the mention is, as a :class:`~claimcheck.model.Span` (built on request)."""
        return Span(self.start, self.end)


_MONTHS: Final = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:January|Jan\.?|February|Feb\.?|March|Mar\.?|April|Apr\.?|May|June|Jun\.?|July|Jul\.?"
    r"|August|Aug\.?|September|Sept\.?|Sep\.?|October|Oct\.?|November|Nov\.?|December|Dec\.?)"
)
_YEAR = r"(?<![\d$€£¥.,/-])(?:19[5-9]\d|20\d\d)(?![\d%]|[.,]\d)"
_ORD: Final = {
    "first": 1,
    "1st": 1,
    "i": 1,
    "second": 2,
    "2nd": 2,
    "ii": 2,
    "third": 3,
    "3rd": 3,
    "iii": 3,
    "fourth": 4,
    "4th": 4,
    "iv": 4,
    "final": 4,
    "last": 4,
}
_NUMBER_WORDS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_REL = r"(?:this|last|the\s+current|current|the\s+previous|previous|the\s+past|past|next)\s+year"
_YREF = rf"(?:,?\s+(?:of\s+|in\s+)?(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>{_REL})))?"
_ORDINAL = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|IV|III|II|I|final|last)"

# Patterns that start with a word boundary or a look-behind are written below to start
# with their first character instead (a literal or a class), which lets the regex
# engine skip fast to candidate positions; the boundary or look-behind follows that
# character and looks back over it: after the first letter, ``(?<!\w.)`` is a word
# boundary before it, and after the four digits of a year, ``(?<![...]....)`` is
# ``(?<![...])`` before them.
_AFTER_FIRST = r"(?<!\w.)"
_MONTH_AT_START = (
    rf"(?:j{_AFTER_FIRST}(?:anuary|an\.?|une|un\.?|uly|ul\.?)|f{_AFTER_FIRST}(?:ebruary|eb\.?)"
    rf"|m{_AFTER_FIRST}(?:arch|ar\.?|ay)|a{_AFTER_FIRST}(?:pril|pr\.?|ugust|ug\.?)"
    rf"|s{_AFTER_FIRST}(?:eptember|ept\.?|ep\.?)|o{_AFTER_FIRST}(?:ctober|ct\.?)"
    rf"|n{_AFTER_FIRST}(?:ovember|ov\.?)|d{_AFTER_FIRST}(?:ecember|ec\.?))"
)
"""``\b{_MONTH}`` (lower-cased), starting with the month's first letter."""
_YEAR_AT_START = r"(?:19[5-9]\d|20\d\d)(?<![\d$€£¥.,/-]....)(?![\d%]|[.,]\d)"
"""``_YEAR``, starting with its digits."""

# The characters each other pattern can start with: a leading look-ahead on them lets
# the regex engine reject other positions quickly ("": the pattern starts with them).
_FIRST = {
    "iso": "",
    "fyend": "tf",
    "fysplit": "12tf",
    "fyyear": "f",
    "anaphoric": "diofwt",
    "theyear": "",
    "deadline": "",
    "range": "fjmasond",
    "months": "tf",
    "quarter": "tfs1234il",
    "qcode": "q",
    "half": "tfs",
    "hcode": "h",
    "day": "",
    "dayfirst": "",
    "month": "",
    "yrange": "",
    "relyear": "tlcpn",
    "year": "",
}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    # The patterns run on lower-cased text (see _scan): lower-case them too.
    (
        name,
        re.compile(
            ((f"(?=[{_FIRST[name]}])" if _FIRST[name] else "") + pattern)
            .lower()
            .replace("(?p<", "(?P<")
        ),
    )
    for name, pattern in (
        ("iso", r"(?P<y>(?:20\d\d|19\d\d)(?<!\w....))-(?P<m>\d\d)-(?P<d>\d\d)\b"),
        (
            "fyend",
            rf"\b(?:the\s+)?(?:fiscal|financial)\s+year\s+(?:that\s+|which\s+)?(?:end(?:ed|ing|s)"
            rf"|closing|closed|to)\s+(?:in\s+|on\s+)?(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?!\d))?"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        (
            "fysplit",
            r"(?:\b(?:the\s+)?(?:(?:fiscal|financial)\s+year\s+|fy\s?))?(?<![\d$€£¥.,/-])"
            r"(?P<y>(?:19|20)\d\d)\s*[-–/]\s*(?P<yy>\d\d)(?![\d%])"
            r"(?:\s+(?:fiscal|financial)(?:\s+year)?)?",
        ),
        (
            "fyyear",
            r"\b(?:fy\s?'?|(?:fiscal|financial)\s+(?:year\s+)?)"
            r"(?:(?P<y>(?:19|20)\d\d)|(?P<yy>\d\d))(?![\d%-])",
        ),
        (
            "anaphoric",
            r"\b(?:(?:during|in|over|for|within)\s+)?(?:this|that|the\s+same|the\s+reporting"
            r"|the\s+reported|the\s+specified|the\s+said|the\s+indicated|the\s+review)"
            r"\s+(?:period|time)(?P<last>\s+(?:of\s+)?(?:last|the\s+previous|a)\s+year"
            r"|\s+(?:of|in)\s+(?:19|20)\d\d(?![\d%]))?",
        ),
        (
            "deadline",
            rf"(?:b{_AFTER_FIRST}(?:y|efore)|u{_AFTER_FIRST}ntil|t{_AFTER_FIRST}ill)"
            rf"\s+(?:the\s+end\s+of\s+)?(?:(?P<y>{_YEAR})"
            rf"(?:\s+or\s+(?P<y2>{_YEAR}))?|(?P<drel>this|the|the\s+current)\s+year)",
        ),
        (
            "range",
            rf"\b(?:from\s+)?(?P<m1>{_MONTH})\s*(?:-|–|—|to|through|till|until|and)\s*"
            rf"(?P<m2>{_MONTH}){_YREF}",
        ),
        (
            "months",
            r"\b(?:the\s+(?:first\s+)?|first\s+)(?P<n>\d{1,2}|one|two|three|four|five|six|seven"
            rf"|eight|nine|ten|eleven)\s+months(?!\s+(?:to|through|until|ending|ended)\b)"
            rf"{_YREF}",
        ),
        (
            "theyear",
            rf"(?:o{_AFTER_FIRST}ver|d{_AFTER_FIRST}uring|t{_AFTER_FIRST}hroughout"
            rf"|f{_AFTER_FIRST}or|i{_AFTER_FIRST}n)\s+the\s+(?:whole\s+|entire\s+|full\s+)?year"
            r"(?![\w-]|\s+(?:of|to|before|after|earlier|ago|end|ending|ended)\b)",
        ),
        ("quarter", rf"\b(?:the\s+)?{_ORDINAL}\s+quarter{_YREF}"),
        ("qcode", rf"\bQ(?P<q>[1-4])(?:\s*(?P<y>{_YEAR})|'?(?P<yy>\d\d)\b)?"),
        ("half", rf"\b(?:the\s+)?(?P<h>first|second)\s+half{_YREF}"),
        ("hcode", rf"\bH(?P<h>[12])(?:\s*(?P<y>{_YEAR}))?\b"),
        (
            "day",
            rf"(?P<m>{_MONTH_AT_START})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*%)"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
        ),
        ("dayfirst", rf"(?P<d>\d{_AFTER_FIRST}\d?)\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?"),
        ("month", rf"(?P<m>{_MONTH_AT_START}){_YREF}"),
        (
            "yrange",
            rf"(?P<y>{_YEAR_AT_START})\s*(?:-|–|—|to)\s*(?P<y2>(?:19|20)\d\d)(?![\d%])",
        ),
        ("relyear", rf"\b(?:the\s+)?(?P<rel>{_REL})"),
        ("year", rf"(?P<y>{_YEAR_AT_START})"),
    )
)
_BASIS_BEFORE: Final = re.compile(
    r"(?:compared\s+(?:to|with)|than(?:\s+in)?|versus|vs\.?|against|relative\s+to|from)"
    r"\s+(?:the\s+(?:level\s+of\s+)?)?$",
    re.IGNORECASE,
)
_GATE_WORDS: Final = frozenset(
    {
        "compared",
        "to",
        "with",
        "than",
        "versus",
        "vs",
        "vs.",
        "against",
        "relative",
        "from",
        "since",
        "force",
        "effect",
        "signed",
        "started",
        "began",
        "operating",
        "operations",
        "work",
        "launched",
        "founded",
        "established",
        "inaugurated",
        "commissioned",
    }
)
"""Words one of which ends (but for "in", "on", "the", "level of") every basis or event cue."""
_EVENT_BEFORE: Final = re.compile(
    r"\b(?:since|(?:entered|came|went)\s+into\s+(?:force|effect)|took\s+effect|signed"
    r"|(?:started|began)(?:\s+operating|\s+operations|\s+work)?|launched|founded|established"
    r"|inaugurated|commissioned)\s+(?:in\s+|on\s+)?$",
    re.IGNORECASE,
)
"""Dates of events, not periods of figures: "since May 2022", "entered into force in 2019"."""
_END_OF: Final = re.compile(r"(?:end|results|close)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _month(token: str) -> int | None:
    """Month number of a month token; ``None`` for a lower-case word ("may", "march")."""
    if not token[0].isupper():
        return None
    return _MONTHS[token[:3].lower()]


_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(year: int, month: int) -> _dt.date:
    """The last day of a month (``calendar.monthrange`` computes a weekday too)."""
    if not 1 <= month <= 12:
        return _dt.date(year, month, calendar.monthrange(year, month)[1])  # raises
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return _dt.date(year, 2, 29)
    return _dt.date(year, month, _MONTH_DAYS[month])


class _Raw(NamedTuple):
    """A matched phrase before its year is resolved."""

    start: int
    end: int
    kind: str
    role: PeriodRole
    granularity: str
    first_month: int = 1
    last_month: int = 12
    year: int | None = None
    last_year: int | None = None
    relative: int | None = None  # years relative to publication: 0 this, -1 last, +1 next
    day: int | None = None
    same_period_last_year: bool = False


def _raw_of(  # noqa: PLR0917 (the fields of _Raw, in order)
    start: int,
    end: int,
    kind: str,
    role: PeriodRole,
    granularity: str,
    first_month: int = 1,
    last_month: int = 12,
    year: int | None = None,
    last_year: int | None = None,
    relative: int | None = None,
    day: int | None = None,
    same_period_last_year: bool = False,
) -> _Raw:
    """``_Raw(...)``, the same defaults: the same record, built with ``tuple.__new__``
    (compiled, calling the named tuple runs its ``__new__``, interpreted Python)."""
    new = tuple.__new__
    return new(
        _Raw,
        (
            start,
            end,
            kind,
            role,
            granularity,
            first_month,
            last_month,
            year,
            last_year,
            relative,
            day,
            same_period_last_year,
        ),
    )


def _mention_of(  # noqa: PLR0917 (the fields of PeriodMention, in order)
    start: int,
    end: int,
    role: PeriodRole,
    period: Period,
    granularity: str,
    explicit_year: int | None = None,
    narrow: bool = False,
) -> PeriodMention:
    """``PeriodMention(...)``, built with ``tuple.__new__`` (see :func:`_raw_of`)."""
    new = tuple.__new__
    return new(PeriodMention, (start, end, role, period, granularity, explicit_year, narrow))


def _relative_offset(rel: str) -> int:
    word = rel.lower().split()[-2]
    if word in ("last", "previous", "past"):
        return -1
    if word == "next":
        return 1
    return 0


_CASED_GROUPS: Final = ("m", "m1", "m2", "ord")


def _fiscal(name: str, groups: dict[str, str], base: _Raw) -> _Raw | None:
    """A fiscal year: "the financial year that ended in March", "2023-24", "FY24".

    ``year`` is the year the fiscal year ends in. A fiscal year named without its
    end month gets ``first_month=0``: the country's fiscal calendar decides (see
    :func:`find_periods`).
    """
    fiscal = base._replace(kind="fiscal", role="period", granularity="fiscal")
    if name == "fyend":
        last = _month(groups["m"])
        if last is None:
            return None
        return fiscal._replace(first_month=last % 12 + 1, last_month=last, relative=None)
    if name == "fysplit":
        first_year = int(groups["y"])
        if (first_year + 1) % 100 != int(groups["yy"]):
            return None  # "2010-15", "2023/08": not a split year
        return fiscal._replace(year=first_year + 1, first_month=0, last_month=0)
    year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
    return fiscal._replace(year=year, first_month=0, last_month=0)


_GROUP_NUMBERS: Final[dict[str, dict[str, int]]] = {
    "year": {"y": 1},
    "deadline": {"y": 1, "y2": 2, "drel": 3},
    "range": {"m1": 1, "m2": 2, "y": 3, "rel": 4},
}
"""The groups of the patterns :func:`_raw` reads by number (checked at import)."""


def _check_group_numbers() -> None:
    """Fail at import if a pattern :func:`_raw` reads by number has other groups."""
    for name, pattern in _PATTERNS:
        if name in _GROUP_NUMBERS and pattern.groupindex != _GROUP_NUMBERS[name]:
            raise ValueError(f"the groups of {name!r} are not {_GROUP_NUMBERS[name]}")


_check_group_numbers()


def _raw(name: str, match: re.Match[str], text: str) -> _Raw | None:
    """Read one match; the patterns ran on a lower-cased copy, so case checks use ``text``.

    The commonest phrases are read by group number (see :data:`_GROUP_NUMBERS`): a
    dictionary of every group, and a look-up of each group by its name, cost several
    times that. They read as :func:`_raw_by_name` reads them.
    """
    start, end = match.span()
    if name == "year":  # the whole match is the year (group 1)
        return _raw_of(start, end, name, "period", "year", 1, 12, int(text[start:end]))
    if name == "deadline":
        found, found_last, drel = match.groups("")
        year = int(found) if found else None
        last_year = int(found_last) if found_last else None
        relative = 0 if drel else None
        return _raw_of(start, end, name, "deadline", "year", 1, 12, year, last_year, relative)
    if name == "range":
        first_start, first_end = match.span(1)
        last_start, last_end = match.span(2)
        first = _month(text[first_start:first_end])
        last = _month(text[last_start:last_end])
        if first is None or last is None or last < first:
            return None
        # ``groups("")``: an unmatched group reads as "", never None (compiled, a value typed
        # as a string must be one)
        _, _, found, rel = match.groups("")
        year = int(found) if found else None
        relative = _relative_offset(rel) if rel else None
        return _raw_of(start, end, name, "period", "months", first, last, year, None, relative)
    return _raw_by_name(name, match, text, start, end)


def _raw_year(text: str, start: int) -> _Raw:
    """:func:`_raw` of a match of ``year`` at ``start`` (read by :func:`_year_matches`)."""
    end = start + 4
    return _raw_of(start, end, "year", "period", "year", 1, 12, int(text[start:end]))


def _raw_by_name(name: str, match: re.Match[str], text: str, start: int, end: int) -> _Raw | None:
    """:func:`_raw` of the other patterns, their groups read by name."""
    # Unmatched groups read as "" (falsy), so that every value is a plain string. Month
    # names and roman numerals are case-sensitive: read them from the original text.
    groups: dict[str, str] = match.groupdict("")
    for key in _CASED_GROUPS:
        if groups.get(key):
            groups[key] = text[match.start(key) : match.end(key)]
    year = int(groups["y"]) if groups.get("y") else None
    relative = _relative_offset(groups["rel"]) if groups.get("rel") else None
    # Each reading builds its record at once, positionally (field order of ``_Raw``):
    # ``NamedTuple._replace`` runs as interpreted Python, several times the cost.
    if name == "iso":
        month = int(groups["m"])
        if not 1 <= month <= 12:
            return None
        day = int(groups["d"])
        return _raw_of(start, end, name, "event", "day", month, month, year, None, relative, day)
    if name == "anaphoric":
        return _raw_of(
            start=start,
            end=end,
            kind=name,
            role="basis" if groups.get("last") else "anaphoric",
            granularity="same",
            same_period_last_year=bool(groups.get("last")),
        )
    if name == "theyear":
        return _raw_of(start=start, end=end, kind=name, role="anaphoric", granularity="year")
    if name == "deadline":
        if groups.get("drel"):
            relative = 0
        last_year = int(groups["y2"]) if groups.get("y2") else None
        return _raw_of(start, end, name, "deadline", "year", 1, 12, year, last_year, relative)
    if name == "range":
        first, last = _month(groups["m1"]), _month(groups["m2"])
        if first is None or last is None or last < first:
            return None
        return _raw_of(start, end, name, "period", "months", first, last, year, None, relative)
    if name == "months":
        n = groups["n"].lower()
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        if not 1 <= count <= 12:
            return None
        return _raw_of(start, end, name, "period", "months", 1, count, year, None, relative)
    if name in ("fyend", "fysplit", "fyyear"):
        return _fiscal(
            name, groups, _raw_of(start, end, name, "period", "year", 1, 12, year, None, relative)
        )
    if name in ("quarter", "qcode"):
        token = groups.get("ord") or groups.get("q") or "1"
        if token.lower() == "last" and not (groups.get("y") or groups.get("rel")):
            return None  # "last quarter" alone is the quarter before publication
        if token in ("i", "ii", "iii", "iv"):  # roman numerals only in capitals
            return None
        quarter = int(token) if token.isdigit() else _ORD[token.lower()]
        if groups.get("yy"):
            year = 2000 + int(groups["yy"])
        first, last = 3 * quarter - 2, 3 * quarter
        return _raw_of(start, end, name, "period", "quarter", first, last, year, None, relative)
    if name in ("half", "hcode"):
        half = 1 if groups["h"].lower() in ("first", "1") else 2
        first, last = 6 * half - 5, 6 * half
        return _raw_of(start, end, name, "period", "half", first, last, year, None, relative)
    if name in ("day", "dayfirst"):
        day_month = _month(groups["m"])
        day = int(groups["d"])
        if day_month is None or not 1 <= day <= 31:
            return None
        return _raw_of(
            start, end, name, "event", "day", day_month, day_month, year, None, relative, day
        )
    if name == "month":
        single = _month(groups["m"])
        if single is None:
            return None
        if groups["m"] in ("May", "March") and not (groups.get("y") or groups.get("rel")):
            # "May" and "March" are also words; accept them only after a time preposition.
            before = text[max(0, start - 12) : start].lower().split()
            if not before or before[-1] not in ("in", "for", "during", "since", "of", "until"):
                return None
        return _raw_of(start, end, name, "period", "month", single, single, year, None, relative)
    if name == "yrange":
        last_year = int(groups["y2"])
        if year is None or last_year <= year:
            return None
        return _raw_of(start, end, name, "period", "years", 1, 12, year, last_year, relative)
    return _raw_of(start, end, name, "period", "year", 1, 12, year, None, relative)  # a year


# Every period phrase contains one of these triggers; each pattern only runs in windows
# around the triggers it needs (a year in digits, a code such as "Q1" or "H2", a month
# name, a keyword). Years, codes and month names are the matches of _TRIGGER_SCAN that
# pass a word-boundary check. Every character of a trigger is a letter or a digit, so a
# trigger that passes its boundary check is never hidden by an overlapping one (that
# would end on the character before it): the triggers are every place where a branch of
# the pattern matches and the check passes, which :func:`_triggers` finds with
# ``str.find`` of single characters (the regex engine tests a character set at every
# character, several times the cost). Keywords are found by ``str.find`` too.
_CODED_MONTHS: tuple[str, ...] = ("Jan", "Jun", "Jul", "Feb", "Mar", "May", "Apr", "Aug")
_CODED_MONTHS += ("Sep", "Oct", "Nov", "Dec")
_TRIGGER_SCAN = re.compile(
    "|".join(
        [
            r"19\d\d",
            r"20\d\d",
            *(f"{c}[1-4]" for c in "qQhH"),
            *_CODED_MONTHS,
            *(m.upper() for m in _CODED_MONTHS),
        ]
    )
)
"""Years, codes and month names: on the text, not lower-cased (codes either case)."""
# Keywords, looked for in the lower-cased text: (word, only the start needs a boundary).
# "FY2024", "FY24": only the start of "fy" needs a word boundary.
_KEYWORDS: Final[tuple[tuple[str, bool], ...]] = (
    *((word, False) for word in ("year", "quarter", "half", "months", "period", "time")),
    *((word, True) for word in ("fy", "fiscal", "financial")),
)
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("digits",),
    "fyend": ("fiscal", "financial"),
    "fysplit": ("digits", "fy", "fiscal", "financial"),
    "fyyear": ("fy", "fiscal", "financial"),
    "anaphoric": ("period", "time"),
    "theyear": ("year",),
    "deadline": ("digits", "year"),
    "range": ("month",),
    "months": ("months",),
    "quarter": ("quarter",),
    "qcode": ("code",),
    "half": ("half",),
    "hcode": ("code",),
    "day": ("month",),
    "dayfirst": ("month",),
    "month": ("month",),
    "yrange": ("digits",),
    "relyear": ("year",),
    "year": ("digits",),
}
_WINDOW: Final = 45
# Text every match of a pattern contains (one of these): a window without any cannot
# hold a match, and a substring search is much cheaper than running the pattern.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "fysplit": ("-", "–", "/"),
    "deadline": ("by", "until", "till", "before"),
    "yrange": ("-", "–", "—", "to"),
    "relyear": ("this", "last", "current", "previous", "past", "next"),
    # "over the year": a window around "year" often holds no "the" at all.
    "theyear": ("the",),
    # "this period", "that time", "the same period", ...: every reading opens with "th".
    "anaphoric": ("th",),
}


_STARTS_FROM: dict[str, str] = {"yrange": "year", "day": "month"}
"""Patterns that open with the whole of another pattern of their group, which needs no
required word: ``yrange`` with ``year``'s ``_YEAR_AT_START``, ``day`` with ``month``'s
``_MONTH_AT_START`` (``month``'s ``_YREF`` is optional). Every match of one starts where
the other's ``finditer`` finds a match in the same window (a start inside an earlier
match of the other cannot open one: a year's look-behind rejects a digit before it, a
month's first letter a letter before it, and ``_YREF`` holds no month name), so
:func:`_scan` tries the pattern with ``match`` at those starts only, in order, past its
own last match: what its ``finditer`` finds, without running it over the window."""

# Patterns tried with ``match`` at the places a match can start (see :func:`_starts`)
# instead of searched for over their windows: a search tries a match at nearly every
# character (their first characters are digits or common letters), a few ``str.find``
# calls and a few ``match`` calls cost a fraction of that.
_NO_ANCHOR: Final = 0
_AT_YEARS: Final = 1
"""At "19" or "20" followed by two digits: every match opens with a year in digits."""
_AT_ISO: Final = 2
"""At those years followed by "-"."""
_AT_MONTHS: Final = 3
"""At a month name's first three letters at the start of a word."""
_AT_RANGE: Final = 4
"""At those month names and at "from" at the start of a word."""
_AT_DAYFIRST: Final = 5
"""At the one or two digits before white space before those month names."""
_AT_DEADLINE: Final = 6
"""At "by", "before", "until", "till" at the start of a word."""
_GATE_FYSPLIT: Final = 7
"""Searched as before, but only in a window with a year followed by white space and a
dash or slash: every match holds one."""
_ANCHORS: dict[str, int] = {
    "iso": _AT_ISO,
    "year": _AT_YEARS,
    "month": _AT_MONTHS,
    "range": _AT_RANGE,
    "dayfirst": _AT_DAYFIRST,
    "deadline": _AT_DEADLINE,
    "fysplit": _GATE_FYSPLIT,
}
_MONTH_STEMS: Final[tuple[str, ...]] = tuple(month.lower() for month in _CODED_MONTHS)
"""The first three letters of every month name of ``_MONTH`` (lower case)."""
_DEADLINE_WORDS: Final = ("by", "before", "until", "till")
_FYSPLIT_DASHES: Final = "-–/"


def _decimal(char: str) -> bool:
    """``char.isdecimal()`` for one character: ``isdigit`` runs natively (compiled) where
    ``isdecimal`` is a method call, and every decimal character is a digit; a digit up
    to "9" is an ASCII digit, a decimal one (the rest are rare: asked as before)."""
    return char.isdigit() and (char <= "9" or char.isdecimal())


def _word_start(low: str, start: int) -> bool:
    """Whether ``start`` is not preceded by a word character (``\\w``)."""
    if start == 0:
        return True
    before = low[start - 1]
    return not (before.isalnum() or before == "_")


def _word_starts(low: str, words: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """Ascending starts of ``words`` inside ``low[lo:hi]`` at the start of a word."""
    out: list[int] = []
    for word in words:
        start = low.find(word, lo, hi)
        while start >= 0:
            if _word_start(low, start):
                out.append(start)
            start = low.find(word, start + 1, hi)
    if len(words) > 1:
        out.sort()
    return out


def _year_starts(low: str, lo: int, hi: int) -> list[int]:
    """Ascending starts of "19" or "20" followed by two digits inside ``low[lo:hi]``."""
    out: list[int] = []
    if hi - lo < 4:  # (a negative end would count from the end of the text)
        return out
    for century in ("19", "20"):
        start = low.find(century, lo, hi - 2)
        while start >= 0:
            if _decimal(low[start + 2]) and _decimal(low[start + 3]):
                out.append(start)
            start = low.find(century, start + 1, hi - 2)
    out.sort()
    return out


def _years_in(years: list[int], lo: int, hi: int) -> list[int]:
    """``_year_starts(low, lo, hi)`` read from ``years``, the ascending year starts of the
    whole text: those from ``lo`` to ``hi - 4`` (the text's digits and decimal
    characters are ``low``'s: no character changes to or from one in lower case)."""
    first = search_left(years, lo) if COMPILED else bisect.bisect_left(years, lo)
    last = search_right(years, hi - 4) if COMPILED else bisect.bisect_right(years, hi - 4)
    return years[first:last] if first < last else []


_BEFORE_YEAR: Final = "$€£¥.,/-"
"""The characters but decimal digits ``_YEAR_AT_START``'s look-behind rejects before it."""


def _year_at(low: str, start: int, hi: int) -> bool:
    """Whether the pattern ``year`` matches ``low[start:start + 4]`` (searched up to
    ``hi``), ``start`` a start of :func:`_year_starts` (so ``start + 4 <= hi``).

    ``_YEAR_AT_START`` read by hand: "19" then "5" to "9", or "20" (then decimal
    digits, already checked); no decimal digit nor one of :data:`_BEFORE_YEAR` before
    it (the look-behind sees the text before the window; its four "." are the digits,
    no line break); neither a decimal digit or "%", nor "." or "," and a decimal digit,
    after it, before ``hi``.
    """
    if low[start] == "1" and not 53 <= ord(low[start + 2]) <= 57:  # "5" to "9"
        return False
    if start > 0:
        before = low[start - 1]
        if before in _BEFORE_YEAR or _decimal(before):
            return False
    at = start + 4
    if at < hi:
        after = low[at]
        if after == "%" or _decimal(after):
            return False
        if (after in (".", ",")) and at + 1 < hi and _decimal(low[at + 1]):
            return False
    return True


def _year_matches(low: str, years: list[int], hi: int) -> list[int]:
    """The starts of ``_matches_at(year pattern, low, years, lo, hi)`` (each match is the
    four digits), read by :func:`_year_at`: no regex call, no match object."""
    out: list[int] = []
    taken = -1
    for start in years:
        if start >= taken and _year_at(low, start, hi):
            out.append(start)
            taken = start + 4
    return out


def _dayfirst_starts(low: str, months: list[int], lo: int) -> list[int]:
    """Where "15 June" can start: the digits before the white space before a month."""
    out: list[int] = []
    for month in months:
        at = month - 1
        while at >= lo and low[at].isspace():
            at -= 1
        if lo <= at < month - 1 and _decimal(low[at]):
            if at > lo and _decimal(low[at - 1]):
                out.append(at - 1)
            out.append(at)
    return out


def _fysplit_may_match(low: str, years: list[int], hi: int) -> bool:
    """Whether a year of ``years`` is followed by white space and a dash or slash."""
    for year in years:
        at = year + 4
        while at < hi and low[at].isspace():
            at += 1
        if at < hi and low[at] in _FYSPLIT_DASHES:
            return True
    return False


def _starts(
    anchor: int, low: str, lo: int, hi: int, *, years: list[int], months: list[int]
) -> list[int]:
    """Ascending places inside ``low[lo:hi]`` where a pattern tried at ``anchor`` can
    start a match; ``years`` and ``months`` are :func:`_year_starts` and the month
    starts (:data:`_MONTH_STEMS` by :func:`_word_starts`) of the window."""
    if anchor == _AT_YEARS:
        return years
    if anchor == _AT_ISO:
        return [year for year in years if year + 4 < hi and low[year + 4] == "-"]
    if anchor == _AT_MONTHS:
        return months
    if anchor == _AT_RANGE:
        froms = _word_starts(low, ("from",), lo, hi)
        return sorted(months + froms) if froms else months
    if anchor == _AT_DAYFIRST:
        return _dayfirst_starts(low, months, lo)
    return _word_starts(low, _DEADLINE_WORDS, lo, hi)


def anchor_starts(name: str, low: str, lo: int, hi: int) -> list[int] | None:
    """:func:`_starts` of the pattern ``name`` (for tests); ``None`` when the pattern is
    searched for (``[]`` for a gated pattern whose gate is shut)."""
    anchor = _ANCHORS.get(name, _NO_ANCHOR)
    if anchor == _NO_ANCHOR:
        return None
    years = _year_starts(low, lo, hi)
    if anchor == _GATE_FYSPLIT:
        return None if _fysplit_may_match(low, years, hi) else []
    months = _word_starts(low, _MONTH_STEMS, lo, hi)
    return _starts(anchor, low, lo, hi, years=years, months=months)


_Step = tuple[int, str, re.Pattern[str], tuple[str, ...], int, bool, int]
"""``(order, name, pattern, required words, the plan index of the step whose starts it
takes or -1, whether a later step takes this one's starts, its anchor)``."""


def _plan() -> tuple[tuple[tuple[str, ...], tuple[_Step, ...]], ...]:
    """The patterns grouped by the triggers they need (their windows are the same), each
    with its place in :data:`_PATTERNS` and its required words; in each group the steps
    of :data:`_STARTS_FROM` come after the steps they take their starts from."""
    groups: dict[tuple[str, ...], list[tuple[int, str, re.Pattern[str]]]] = {}
    for order, (name, pattern) in enumerate(_PATTERNS):
        groups.setdefault(_NEEDS[name], []).append((order, name, pattern))
    plans: list[tuple[tuple[str, ...], tuple[_Step, ...]]] = []
    for needs, members in groups.items():
        members.sort(key=lambda member: member[1] in _STARTS_FROM)  # stable: order kept
        names = [name for _, name, _ in members]
        sources = {_STARTS_FROM[name] for name in names if name in _STARTS_FROM}
        if any(name in _REQUIRED for name in sources):
            raise ValueError("a pattern giving its starts to another needs no required word")
        steps = tuple(
            (
                order,
                name,
                pattern,
                _REQUIRED.get(name, ()),
                names.index(_STARTS_FROM[name]) if name in _STARTS_FROM else -1,
                name in sources,
                _ANCHORS.get(name, _NO_ANCHOR),
            )
            for order, name, pattern in members
        )
        plans.append((needs, steps))
    return tuple(plans)


_PLAN: Final = _plan()


_DASHES: Final = "-–—"
_MONTH_RUN: Final = frozenset("abcdefghijklmnopqrstuvwxyz.")
"""The characters of a month name of ``_MONTH_AT_START`` (lower case): letters and "."."""


def _yrange_may_open(low: str, start: int, hi: int) -> bool:
    """Whether ``yrange`` can match at the year at ``start``: the four digits, white space,
    a dash or "to", white space, then "19" or "20" and two digits, all before ``hi``."""
    at = start + 4
    while at < hi and low[at].isspace():
        at += 1
    if at < hi and low[at] in _DASHES:
        at += 1
    elif low.startswith("to", at, hi):
        at += 2
    else:
        return False
    while at < hi and low[at].isspace():
        at += 1
    return (
        at + 4 <= hi
        and (low.startswith("19", at) or low.startswith("20", at))
        and _decimal(low[at + 2])
        and _decimal(low[at + 3])
    )


def _day_may_open(low: str, start: int, hi: int) -> bool:
    """Whether ``day`` can match at the month name at ``start``: its month name is all
    letters and dots, and white space follows it, so it ends where the run of letters and
    dots from ``start`` ends; white space, then a digit, follow, all before ``hi``."""
    at = start
    while at < hi and low[at] in _MONTH_RUN:
        at += 1
    if at == start or at >= hi or not low[at].isspace():
        return False
    while at < hi and low[at].isspace():
        at += 1
    return at < hi and _decimal(low[at])


def _may_open(name: str, low: str, starts: list[int], hi: int) -> list[int]:
    """The starts of ``starts`` where the pattern ``name`` of :data:`_STARTS_FROM` can match
    (the others cannot: trying them there finds nothing, and they are skipped)."""
    if name == "yrange":
        return [start for start in starts if _yrange_may_open(low, start, hi)]
    if name == "day":
        return [start for start in starts if _day_may_open(low, start, hi)]
    return starts


def _matches_at(
    pattern: re.Pattern[str], low: str, starts: list[int], lo: int, hi: int
) -> list[re.Match[str]]:
    """``list(pattern.finditer(low, lo, hi))`` when every match starts at one of ``starts``
    (ascending, within the window): the pattern tried there, past its last match."""
    out: list[re.Match[str]] = []
    taken = lo
    for start in starts:
        if start >= taken:
            found = pattern.match(low, start, hi)
            if found is not None:
                out.append(found)
                taken = found.end()
    return out


def _merge(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge windows, widened to white space so that no token is cut.

    Each search for white space stops where the previous window ends, so that the
    total work stays linear in the length of the text (one long line included).
    """
    size = len(text)
    if len(windows) == 1:  # the commonest case: the loops below, once, without the lists
        start, stop = windows[0]
        lo = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        space = text.find(" ", stop)
        newline = text.find("\n", stop, space if space >= 0 else size)
        hi = newline if newline >= 0 else space
        return [(lo, hi if hi >= 0 else size)]
    # Merge first (most windows overlap), then widen and merge again.
    merged: list[tuple[int, int]] = []
    windows.sort()  # in place: the caller's list, not read again (no copy)
    for start, stop in windows:
        if merged and start <= merged[-1][1]:
            if stop > merged[-1][1]:
                merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    out: list[tuple[int, int]] = []
    blank_from, blank_at = -1, -1  # the last forward search: from where, what it found
    for start, stop in merged:
        # The last blank before the window: only one after the previous window matters
        # (else the two merge whatever it is).
        bound = out[-1][1] if out else 0
        lo = max(text.rfind(" ", bound, start), text.rfind("\n", bound, start)) + 1
        # The first blank at or after ``stop``; stops only grow, so a blank found from an
        # earlier stop is still the first one when it is at or after this stop.
        if not (0 <= blank_from <= stop <= blank_at):
            space = text.find(" ", stop)
            newline = text.find("\n", stop, space if space >= 0 else size)
            blank_from, blank_at = stop, newline if newline >= 0 else space
            if blank_at < 0:
                blank_at = size
        hi = blank_at
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


_MONTH_TRIGGERS: Final = frozenset(_CODED_MONTHS + tuple(m.upper() for m in _CODED_MONTHS))
_MONTH_INITIALS: Final = "".join(dict.fromkeys(m[0] for m in _CODED_MONTHS))
_CODE_LETTERS: Final = "qQhH"
_TRIGGER_DIGITS: Final = (("1", "9"), ("2", "0"), ("3", ""), ("4", ""))
"""The digits of years and codes, each with the digit that follows it in a year ("19",
"20"; "" for none): a string compared once per digit found costs a generic call."""


def _bounded(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` has no letter or digit on either side."""
    return not ((start > 0 and low[start - 1].isalnum()) or (end < len(low) and low[end].isalnum()))


def _triggers(
    text: str, low: str, years: list[int] | None = None
) -> dict[str, list[tuple[int, int]]]:
    """The windows around the years, codes and month names of ``text`` (see
    :data:`_TRIGGER_SCAN`), by kind, in no particular order.

    ``years``, when given, receives the start of every "19" or "20" followed by two
    decimal digits, bounded or not, in two ascending runs ("19", then "20"): what
    :func:`_year_starts` finds in any window (see :func:`_years_in`)."""
    size = len(text)
    digits: list[tuple[int, int]] = []
    codes: list[tuple[int, int]] = []
    months: list[tuple[int, int]] = []
    # Years ("19" or "20" and two digits) and codes ("Q1", "h4") hold a digit 1 to 4.
    # They need a boundary at both ends, checked in ``low``.
    for digit, century in _TRIGGER_DIGITS:
        at = text.find(digit)
        while at >= 0:
            if (
                century
                and at + 3 < size
                and text[at + 1] == century
                and _decimal(text[at + 2])
                and _decimal(text[at + 3])
            ):
                if years is not None:
                    years.append(at)
                if _bounded(low, at, at + 4):
                    digits.append((max(0, at - _WINDOW), min(size, at + 4 + _WINDOW)))
            if at > 0 and text[at - 1] in _CODE_LETTERS and _bounded(low, at - 1, at + 1):
                codes.append((max(0, at - 1 - _WINDOW), min(size, at + 1 + _WINDOW)))
            at = text.find(digit, at + 1)
    # "Jan." and "January" both start a month name: only the start is checked.
    for initial in _MONTH_INITIALS:
        at = text.find(initial)
        while at >= 0:
            if text[at : at + 3] in _MONTH_TRIGGERS and not (at > 0 and text[at - 1].isalnum()):
                months.append((max(0, at - _WINDOW), min(size, at + 3 + _WINDOW)))
            at = text.find(initial, at + 1)
    return {"digits": digits, "code": codes, "month": months}


def _regions(
    text: str, low: str, years: list[int] | None = None
) -> dict[str, list[tuple[int, int]]]:
    """For each kind of trigger, the merged windows around its occurrences.

    Keywords are looked for in ``low`` (the lower-cased text), the rest in ``text``.
    ``years`` receives the year starts of the text (see :func:`_triggers`).
    """
    size = len(text)
    found = _triggers(text, low, years)
    regions = {kind: _merge(text, windows) for kind, windows in found.items() if windows}
    first_fi = -2  # where "fi" first occurs (-2: not looked for yet)
    for word, prefix_only in _KEYWORDS:
        # Non-overlapping occurrences, as a scan with the literal pattern finds them.
        if word == "quarter":
            start = low.find("q")  # (one character: a fast scan; most texts hold none)
            if start >= 0:
                start = low.find(word, start)
        elif prefix_only and len(word) > 2:  # "fiscal", "financial": both open with "fi"
            if first_fi == -2:
                first_fi = low.find("fi")
            start = low.find(word, first_fi) if first_fi >= 0 else -1
        else:
            start = low.find(word)
        if start < 0:
            continue  # (most words, most texts: no list)
        windows: list[tuple[int, int]] = []
        width = len(word)
        while start >= 0:
            end = start + width
            if not (
                (start > 0 and low[start - 1].isalnum())
                or (not prefix_only and end < size and low[end].isalnum())
            ):
                windows.append((max(0, start - _WINDOW), min(size, end + _WINDOW)))
            start = low.find(word, end)
        if windows:
            regions[word] = _merge(text, windows)
    return regions


def _union(groups: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Merge sorted lists of windows into one sorted list of disjoint windows."""
    if len(groups) <= 1:
        return groups[0] if groups else []
    windows: list[tuple[int, int]] = []
    for group in groups:
        windows.extend(group)
    windows.sort()  # (a list sorted in place: no generator, no copy)
    out: list[tuple[int, int]] = []
    for lo, hi in windows:
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _scan(text: str) -> list[_Raw]:
    """All phrases, earliest first, longer phrases winning overlaps."""
    low = lower_case(text)
    if len(low) != len(text):  # a character changes length in lower case ("İ")
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    text_years: list[int] = []
    regions = _regions(text, low, text_years)
    text_years.sort()  # (two ascending runs)
    # A pattern with several triggers runs once over the union of their windows.
    # (start, start - end, order, name, the match; None for a year read by hand)
    candidates: list[tuple[int, int, int, str, re.Match[str] | None]] = []
    for needs, plan in _PLAN:
        group_windows: list[tuple[int, int]] | None
        if len(needs) == 1:  # most groups: their one trigger's windows, no list of them
            group_windows = regions.get(needs[0])  # (one look-up, not a test and a look-up)
        else:
            groups: list[list[tuple[int, int]]] = []
            for need in needs:
                windows = regions.get(need)
                if windows is not None:
                    groups.append(windows)
            group_windows = (groups[0] if len(groups) == 1 else _union(groups)) if groups else None
        if group_windows is None:
            continue  # none of the triggers in the text: most groups, most texts
        for lo, hi in group_windows:
            kept: dict[int, list[int]] = {}  # the match starts of steps others take
            years: list[int] | None = None  # the window's year starts, once needed
            months: list[int] | None = None  # its month starts, once needed
            for index, (order, name, pattern, required, source, keep, anchor) in enumerate(plan):
                if required:
                    for word in required:
                        if low.find(word, lo, hi) >= 0:
                            break
                    else:
                        continue  # none of the words every match contains
                if source >= 0:  # see _STARTS_FROM
                    at = _may_open(name, low, kept[source], hi)
                    for found in _matches_at(pattern, low, at, lo, hi):
                        start, end = found.span()
                        candidates.append((start, start - end, order, name, found))
                    continue
                matches: Iterable[re.Match[str]]
                if anchor == _NO_ANCHOR:
                    matches = pattern.finditer(low, lo, hi)
                else:
                    if years is None and anchor in (_AT_YEARS, _AT_ISO, _GATE_FYSPLIT):
                        years = _years_in(text_years, lo, hi)
                    if months is None and anchor in (_AT_MONTHS, _AT_RANGE, _AT_DAYFIRST):
                        months = _word_starts(low, _MONTH_STEMS, lo, hi)
                    if anchor == _GATE_FYSPLIT:
                        if years is None or not _fysplit_may_match(low, years, hi):
                            continue
                        matches = pattern.finditer(low, lo, hi)
                    elif name == "year":  # read without the regex (see _year_matches)
                        read = _year_matches(low, years or [], hi)
                        for start in read:
                            candidates.append((start, -4, order, name, None))
                        kept[index] = read  # (``yrange`` takes the starts of ``year``)
                        continue
                    else:
                        at = _starts(anchor, low, lo, hi, years=years or [], months=months or [])
                        matches = _matches_at(pattern, low, at, lo, hi)
                starts: list[int] = []
                for found in matches:
                    start, end = found.span()
                    candidates.append((start, start - end, order, name, found))
                    if keep:
                        starts.append(start)
                if keep:
                    kept[index] = starts
    # Earliest first, then longest, then in pattern order (a pattern's matches all start
    # apart, so the matches themselves are never compared); a candidate that does not
    # read as a period (``_raw`` is None) leaves the place to shorter ones.
    candidates.sort()
    out: list[_Raw] = []
    last_end = -1
    for start, _, _, name, match in candidates:
        if start >= last_end:
            raw = _raw(name, match, text) if match is not None else _raw_year(text, start)
            if raw is not None:
                out.append(raw)
                last_end = raw.end
    return out


def _blank(text: str, at: int) -> bool:
    """``text[at].isspace()``, an ASCII character read as a code point (compiled,
    ``ord(text[i])`` reads it in place: no string, no method call)."""
    code = ord(text[at])
    if code < 128:
        return 9 <= code <= 13 or 28 <= code <= 32
    return text[at].isspace()


_FILLERS: Final = ("the", "level", "of")
"""Words of the cues that may follow their gate word (see :func:`_gate_word_before`)."""


def _gate_word_before(text: str, lo: int, hi: int) -> bool:
    """Whether one of the last two words of the last three of ``text[lo:hi]`` that are not
    :data:`_FILLERS` is a word of :data:`_GATE_WORDS` (words split at white space, lower
    case): ``_GATE_WORDS.intersection(last)`` of ``last``, the list of those words.

    Read backwards from ``hi``, a word at a time: no copy of the range, no split list.
    (Lower-casing neither makes nor removes white space: the words of the lower-cased
    range are the lower-cased words of the range.)
    """
    at = hi
    seen = 0  # words read
    kept = 0  # of which not fillers
    while seen < 3:
        while at > lo and _blank(text, at - 1):
            at -= 1
        if at <= lo:
            return False
        end = at
        while at > lo and not _blank(text, at - 1):
            at -= 1
        seen += 1
        word = text[at:end].lower()
        if word in _FILLERS:
            continue
        kept += 1
        if word in _GATE_WORDS:
            return True
        if kept == 2:
            return False
    return False


def _basis_role(text: str, raw: _Raw) -> _Raw:
    """Mark phrases after "compared to", "than", "from" as comparison bases."""
    if raw.role != "period" or (
        raw.kind == "range" and text[raw.start : raw.start + 4].lower() == "from"
    ):
        return raw
    lo = max(0, raw.start - 40)
    # Both patterns end in a few known words: check the last two before running them.
    if not _gate_word_before(text, lo, raw.start):
        return raw
    before = text[lo : raw.start]
    if _BASIS_BEFORE.search(before) and not _END_OF.search(before):
        return raw._replace(role="basis")
    if _EVENT_BEFORE.search(before):
        return raw._replace(role="event")
    return raw


def find_periods(
    text: str,
    published: _dt.date | None,
    sentences: Sentences | None = None,
    *,
    fiscal_year_start: int | None = None,
) -> tuple[PeriodMention, ...]:
    """Find and resolve every period phrase of ``text`` in text order.

    ``fiscal_year_start`` is the month the fiscal year of the article's country
    starts in (4 for India); without it a fiscal year named without its end month
    ("2023-24", "FY24") stays unresolved.
    """
    sentences = sentences if sentences is not None else Sentences(text)
    mentions: list[PeriodMention] = []
    year_marks: list[tuple[int, int, int]] = []  # (sentence, paragraph, year) of explicit years
    discourse: Period | None = None
    for scanned in _scan(text):  # (a loop, not a generator: no generator object)
        raw = _basis_role(text, scanned)
        if raw.granularity == "fiscal":
            found = _fiscal_period(raw, text, published, fiscal_year_start)
            mentions.append(found)
            if found.explicit_year is not None:
                year_marks.append(
                    (
                        sentences.index_at(raw.start),
                        sentences.paragraph_at(raw.start),
                        raw.year or 0,
                    )
                )
            if found.role == "period":
                discourse = found.period
            continue
        sentence = sentences.index_at(raw.start)
        paragraph = sentences.paragraph_at(raw.start)
        phrase = text[raw.start : raw.end]
        if raw.role == "anaphoric":
            if discourse is None:
                period = new_period(
                    None, None, phrase, unresolved="refers back to a period that was not found"
                )
            elif raw.granularity == "year":
                period = _year_of(discourse, phrase)
            else:
                period = new_period(
                    discourse.start, discourse.end, phrase, discourse.kind, discourse.unresolved
                )
            granularity = "year" if raw.granularity == "year" else "same"
            mentions.append(_mention_of(raw.start, raw.end, "anaphoric", period, granularity))
            continue
        if raw.kind == "anaphoric":  # "the same period last year"
            mentions.append(
                _mention_of(raw.start, raw.end, "basis", new_period(None, None, phrase), "same")
            )
            continue
        year, reason = _resolve_year(raw, published, sentence, paragraph, year_marks)
        period = _period(raw, phrase, year, reason)
        role = raw.role
        if role == "event" and _AS_OF_BEFORE.search(text, max(0, raw.start - 12), raw.start):
            role = "period"  # "as of Dec. 31": the date a stock figure is measured at
        narrow = (
            role == "period"
            and text[raw.end : raw.end + 1].isspace()  # what the pattern opens with
            and _ALONE_AFTER.match(text, raw.end) is not None
        )
        mention = _mention_of(raw.start, raw.end, role, period, raw.granularity, raw.year, narrow)
        mentions.append(mention)
        if raw.year is not None:
            year_marks.append((sentence, paragraph, raw.year))
        if role == "period" and not narrow:
            discourse = period
    return tuple(mentions)


def _year_of(period: Period, phrase: str) -> Period:
    """ "over the year": the calendar year of the period in force."""
    if period.end is None:
        return new_period(None, None, phrase, unresolved=period.unresolved or "no year in force")
    year = period.end.year
    return new_period(_dt.date(year, 1, 1), _dt.date(year, 12, 31), phrase)


_AS_OF_BEFORE: Final = re.compile(r"\bas\s+(?:of|at|on)\s+$", re.IGNORECASE)
_ALONE_AFTER: Final = re.compile(r"\s+alone\b", re.IGNORECASE)


def _fiscal_period(
    raw: _Raw, text: str, published: _dt.date | None, fiscal_year_start: int | None
) -> PeriodMention:
    """Resolve a fiscal-year phrase (see :func:`_fiscal`)."""
    phrase = text[raw.start : raw.end]
    explicit = raw.year
    if raw.first_month == 0:
        if fiscal_year_start is None or fiscal_year_start == 1:
            period = new_period(None, None, phrase, unresolved="fiscal year of an unknown calendar")
            return _mention_of(raw.start, raw.end, raw.role, period, "fiscal", explicit)
        raw = raw._replace(
            first_month=fiscal_year_start, last_month=(fiscal_year_start + 10) % 12 + 1
        )
    year = raw.year
    if year is None:
        if published is None:
            period = new_period(
                None, None, phrase, unresolved="relative to an unknown publication date"
            )
            return _mention_of(raw.start, raw.end, raw.role, period, "fiscal")
        # "the financial year that ended in March": the latest such year by publication.
        year = published.year if raw.last_month < published.month else published.year - 1
    return _mention_of(
        raw.start, raw.end, raw.role, _period(raw, phrase, year, None), "fiscal", explicit
    )


def _resolve_year(
    raw: _Raw,
    published: _dt.date | None,
    sentence: int,
    paragraph: int,
    year_marks: Sequence[tuple[int, int, int]],
) -> tuple[int | None, str | None]:
    if raw.year is not None:
        return raw.year, None
    if raw.relative is not None:
        if published is None:
            return None, "relative to an unknown publication date"
        return published.year + raw.relative, None
    if raw.kind in ("relyear", "year", "yrange", "deadline"):
        return None, "no year"
    if year_marks:
        mark_sentence, mark_paragraph, mark_year = year_marks[-1]
        if mark_paragraph == paragraph and sentence - mark_sentence <= 1:
            return mark_year, None
    if published is not None:
        started = (raw.first_month, raw.day or 1) <= (published.month, published.day)
        return (published.year if started else published.year - 1), None
    if year_marks:
        return year_marks[-1][2], None
    return None, "year not stated and publication date unknown"


def _period(raw: _Raw, phrase: str, year: int | None, reason: str | None) -> Period:
    kind: Literal["interval", "deadline", "point"] = "interval"
    if raw.role == "deadline":
        kind = "deadline"
    elif raw.role == "event":
        kind = "point"
    if year is None:
        return new_period(None, None, phrase, kind, reason)
    if raw.role == "deadline":
        return new_period(None, _dt.date(raw.last_year or year, 12, 31), phrase, kind)
    if raw.role == "event" and raw.day is not None:
        try:
            day = _dt.date(year, raw.first_month, raw.day)
        except ValueError:
            return new_period(None, None, phrase, kind, "not a calendar date")
        return new_period(day, day, phrase, kind)
    if raw.granularity == "years":
        return new_period(_dt.date(year, 1, 1), _dt.date(raw.last_year or year, 12, 31), phrase)
    if raw.granularity == "fiscal":
        first_year = year - 1 if raw.first_month > raw.last_month else year
        return new_period(
            _dt.date(first_year, raw.first_month, 1), _last_day(year, raw.last_month), phrase
        )
    first, last = _month_span(year, raw.first_month, raw.last_month)
    return new_period(first, last, phrase)


_SPANS: dict[int, tuple[_dt.date, _dt.date]] = {}
"""The dates of :func:`_month_span` met so far, by year and months (a few hundred at most
in a corpus: a date built from the type costs several dictionary look-ups)."""


def _month_span(year: int, first: int, last: int) -> tuple[_dt.date, _dt.date]:
    """``(date(year, first, 1), _last_day(year, last))``, each pair built once (dates are
    values: sharing them changes nothing); it raises as they do."""
    if not (1 <= first <= 12 and 1 <= last <= 12):
        return _dt.date(year, first, 1), _last_day(year, last)
    key = year * 256 + first * 16 + last  # (one key per year and months: both below 16)
    found = _SPANS.get(key)
    if found is None:
        found = (_dt.date(year, first, 1), _last_day(year, last))
        _SPANS[key] = found
    return found


IMPLIED_YEAR_MONTHS = 3
"""A figure "reached by now" in an article published in the first this-many months of a
year is the previous year's: the last full year, whose figures are just out."""

_REACHED_BEFORE: Final = re.compile(
    r"\b(?:has|have)\s+(?:already\s+|now\s+|just\s+)?"
    r"(?:reached|exceeded|surpassed|topped|amounted\s+to|totall?ed|hit)\s+"
    r"(?:(?:about|around|almost|nearly|over|more\s+than|some|roughly)\s+)?$",
    re.IGNORECASE,
)


def implied_last_year(before: str, published: _dt.date | None) -> Period | None:
    """The period a figure without any time phrase implies, if its wording implies one.

    ``before`` is the text of the figure's sentence up to the figure. A level
    stated in the present perfect right before the figure ("the volume of trade
    has already reached $140 bln") is the running total at publication. Early in
    a year (the first :data:`IMPLIED_YEAR_MONTHS` months) that is the figure of
    the year just ended, the latest full year: an article published on 4
    February 2022 dates it 2021. Otherwise (other wording, later in the year,
    unknown publication date) the figure stays without a period.
    """
    if published is None or published.month > IMPLIED_YEAR_MONTHS:
        return None
    match = _REACHED_BEFORE.search(before)
    if match is None:
        return None
    year = published.year - 1
    phrase = " ".join(match.group(0).split())
    return new_period(
        _dt.date(year, 1, 1),
        _dt.date(year, 12, 31),
        f"{phrase} (the last full year before publication)",
    )
