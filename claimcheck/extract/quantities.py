"""Find every quantity in a text: numbers with units, scales and qualifiers.

:func:`find_quantities` makes one pass of a compiled regex over the text.
The regex matches, in this order of preference, things that look numeric
but are *not* quantities (dates, clock times, phone numbers, ISO dates,
year ranges, list markers, section/row/page references) and numeric cores
(digits, number words, fractions such as "a third of"). Each core is then
read in its local context with anchored regexes and dictionary look-ups:

* before it: a currency prefix ("$", "US$", "HK$", "RM", "USD "), a sign,
  a qualifier ("about", "more than", "up to", ...; not inside the span);
* after it: "and a half", scale words ("bln", "m", "million"), then one
  unit: percent forms, "-year-old" ages, currency names and codes,
  cents/sen/pence, physical units from ``rules/units.toml``, or a counted
  noun ("150 mln doses" -> unit ``count``, noun "doses"); then a
  per-denominator ("$52 a barrel" -> ``USD/barrel``).

A second pass joins ranges ("10-12%", "$10 to $15 billion", "between 5 and
7 percent", "four to five thousand people"), lets bare numbers inherit the
unit and scale of a coordinated neighbour ("$100 billion by 2015, and 200
billion by 2020"), and drops what is not a quantity: bare years, bare
number words, model numbers ("Boeing 737", "S&P 500"), ordinals ("4th"),
multipliers ("2 times", "3-fold": deliberately not quantities here).

Intervals (see :func:`interval`): the rounding interval is ``value ± precision``
(half a unit of the last printed digit times the scale, see
:mod:`claimcheck.extract.numbers`), widened by the qualifier:

=========  ===========================================
about      ± max(precision, 5 % of the value)
over       (v, +inf)
at_least   (v, +inf)  (closed at v)
under      (floor, v)
at_most    (floor, v)
up_to      (floor, v)
almost     (v - 10 % of v, v)
=========  ===========================================

``floor`` is 0 for non-negative values and -inf otherwise. Fractions ("a
third of", "half of") are exact and given in ``percent`` (33.33...), as a
share of what follows. Bare numbers without any unit get the unit
``dimensionless``. "¥" is JPY unless "yuan", "RMB" or "renminbi" is written
within 200 characters (then CNY). "$" alone is USD. Parentheses never make
a figure negative; a leading minus sign ("-1.3%", "minus 5") does.

This module imports neither pint nor quantulum3.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

from claimcheck.extract.lexicon import Lexicon, alternation, lexicon
from claimcheck.extract.numbers import DIGITS, half_unit, parse_digits, parse_words, words_pattern
from claimcheck.model import Qualifier, Quantity, Span

__all__ = ["ABOUT_WIDTH", "ALMOST_WIDTH", "find_quantities", "interval"]

ABOUT_WIDTH = 0.05
"""Relative half-width of the interval of an "about" figure."""

ALMOST_WIDTH = 0.10
"""How far below the printed value an "almost"/"nearly" figure may lie."""

_INF = math.inf

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_REFS = (
    r"(?:Section|Sections|Row|Rows|No\.|Nos\.|Number|Article|Articles|Art\.|Chapter|Page|"
    r"Paragraph|Para\.|Clause|Item|Table|Figure|Fig\.|Room|Flight|Route|Highway|Interstate|"
    r"Gate|Platform|Seat|Resolution|Level|Grade|Phase|Stage|Round|Game|Week|Episode|Season|"
    r"Volume|Vol\.|Issue|Part|Version|Model|Block|Building|Floor|Suite|Lot|Plot|Case|Line|"
    r"Region|District|Zone|Rule|Sec\.|Ch\.|Exhibit|Annex|Appendix|Step|Day|Act|Title|"
    r"section|row|article|chapter|page|paragraph|clause|item|no\.|nos\.|room|flight|gate|"
    r"platform|seat|version|model|pp\.|p\.|#)"
)
_BLOCK = "|".join(
    (
        # ISO dates, numbered dates, phone-like hyphen chains
        r"(?<!\w)\d{4}-\d{1,2}-\d{1,2}(?!\w)",
        r"(?<![\w.])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?![\w.]|/\d)",
        r"(?<![\w.])\d{1,4}(?:-\d{1,4}){2,6}(?![\w.])",
        # month-name dates: "November 8", "Nov. 8, 2023", "8 November 2023", "May 2023"
        rf"\b(?:{_MONTHS})\.?\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{{1,3}}\d{{4}})?(?![\d,.]\d)\b",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?(?:{_MONTHS})\b\.?(?:,?\s{{1,3}}\d{{4}}\b)?",
        rf"\b(?:{_MONTHS})\.?,?\s{{1,3}}\d{{4}}\b",
        # clock times: "10:30", "12:01 a.m.", "5 pm", "1.56pm", "0401 GMT"
        r"(?<![\w.])\d{1,2}(?::\d{2}){1,2}(?:\s?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b))?",
        r"(?<![\w.])\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)",
        r"(?<![\w.])\d{4}\s?(?:GMT|UTC|EDT|EST|BST|CET|CEST|MSK|PST|PDT)\b",
        # phone numbers
        r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\d)",
        r"\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?!\d)",
        # year ranges and fiscal years: "2022-2023", "2022/23", "FY2023"
        r"(?<![\w.$€£¥])(?:1[89]|20)\d{2}\s?[-–/]\s?(?:(?:1[89]|20)\d{2}|\d{2})(?![\w%])",
        r"\b(?:FY|Q[1-4]|H[12])\s?'?\d{2,4}\b",
        # references: "Section 427", "Row 21", "No. 5", "#3", "page 12"
        rf"(?<![\w]){_REFS}\s?\d{{1,6}}(?:[.-]\d{{1,4}})?(?![\d%])",
        # list markers at the start of a line: "1. ", "2) ", "(3) "
        r"(?m:^[ \t]{0,8}\(?\d{1,3}[.)](?=[ \t]))",
        # apostrophe years and decades: "'90s", "'22"
        r"'\d{2}s?\b",
    )
)

_FRACTION = (
    r"\b(?:(?:a|an|one|two|three|four)\s+(?:half|halves|third|thirds|quarter|quarters|fifth|fifths)"
    r"|half)(?=\s+(?:of|the|a|an|their|its|his|her|our|all|that|those|these)\b)"
)


@functools.cache
def _master() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<block>{_BLOCK})"
        rf"|(?<![\d.])(?P<num>{DIGITS})(?!\d)"
        rf"|(?i:(?P<frac>{_FRACTION}))"
        rf"|(?i:(?P<words>{words_pattern()}))"
    )


class _Context:
    """Compiled context regexes derived from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        scales_long = [s for s in lex.scales if len(s) > 1]
        self.scale_attached = re.compile(
            rf"(?P<s>(?i:{alternation(scales_long)})|[kKmMbB])(?![A-Za-z0-9])"
        )
        self.scale_spaced = re.compile(
            rf"(?:[ \u00a0]|-|[ \u00a0]-[ \u00a0])(?P<s>(?i:{alternation([*scales_long, 'hundred'])}))"
            r"(?![A-Za-z0-9])"
        )
        self.half = re.compile(r"(?i:[ \u00a0]and\s{1,3}a\s{1,3}half\b)")
        self.percent = re.compile(
            rf"(?:[ \u00a0]?(?P<sym>%(?:[ \u00a0](?i:points?|pts?)\b)?)"
            rf"|(?:[ \u00a0-]|)(?i:(?P<word>{alternation(w for w in lex.percent if w[0].isalpha())}))"
            r"(?![A-Za-z]))"
        )
        self.age = re.compile(
            r"(?i:[ \u00a0]?-?[ \u00a0]?(?:years?|yrs?)(?:[ \u00a0]|-){1,2}old(?:s)?\b)"
        )
        word_suffixes = [s for s in lex.currency_suffix if not s.isupper()]
        code_suffixes = [s for s in lex.currency_suffix if s.isupper()]
        self.currency_words = re.compile(
            rf"[ \u00a0-](?i:(?P<c>{alternation(word_suffixes)}))(?![A-Za-z])"
        )
        self.currency_codes = re.compile(rf"[ \u00a0]?(?P<c>{alternation(code_suffixes)})(?![A-Za-z])")
        self.cents = re.compile(
            r"[ \u00a0-]?(?i:(?P<c>euro[ \u00a0]cents?|cents?|sen|pence|kopecks?|kopeks?))"
            r"(?![A-Za-z])"
        )
        unit_words = [s for s in lex.units if s[0].isalpha() or s[0] in "µμ"]
        unit_symbols = [s for s in lex.units if not (s[0].isalpha() or s[0] in "µμ")]
        self.unit_ci = re.compile(
            rf"(?:[ \u00a0]|-|)(?i:(?P<u>{alternation(unit_words)}))(?![A-Za-z0-9²³])"
            rf"|[ \u00a0]?(?P<sym>{alternation(unit_symbols)})(?![A-Za-z0-9])"
        )
        self.unit_cs = re.compile(
            rf"(?:[ \u00a0]|)(?P<u>{alternation(lex.cased_units)})(?![A-Za-z0-9²³])"
        )
        self.denominator = re.compile(
            rf"(?:[ \u00a0]?/[ \u00a0]?|[ \u00a0](?:per|a|an|each|every)[ \u00a0])"
            rf"(?i:(?P<d>{alternation(lex.denominators)}))(?![A-Za-z])"
        )
        self.noun = re.compile(
            r"[ \u00a0](?P<w1>[A-Za-z][A-Za-z'’-]{0,30})"
            r"(?:[ \u00a0](?P<w2>[a-z][a-z'’-]{1,30}))?"
        )
        self.noun_per = re.compile(r"[ \u00a0]per[ \u00a0](?P<d>[a-z]{2,20})\b")
        self.post_qualifier = re.compile(r"(?i:[ \u00a0]or[ \u00a0](?P<q>more|less|fewer|so))\b")
        self.multiplier = re.compile(r"(?i:[ \u00a0-]?(?:times|fold|x)\b)")
        self.yuan = re.compile(r"(?i:yuan|\bRMB\b|renminbi)")
        prefixes = sorted(lex.currency_prefix, key=len, reverse=True)
        self.prefixes_by_last: dict[str, list[str]] = {}
        for prefix in prefixes:
            self.prefixes_by_last.setdefault(prefix[-1], []).append(prefix)
        self.prefix_max = max(len(p) for p in prefixes) + 1


@functools.cache
def _context() -> _Context:
    return _Context(lexicon())


_SIGNS = frozenset("-−–")  # noqa: RUF001 (hyphen, minus, en dash)
_SENTENCE_BREAK = re.compile(r"[.!?][\s\"'”’)]|\n")

_NOT_NOUN = frozenset(
    """
    a an the this that these those its his her their our your my of in on at to for from by with
    and or but nor so yet as than then per via into onto over under about around after before
    between during since until till up down out off is was are were be been being has have had
    will would can could may might must should shall do does did not no yes also only just
    more less most least much many few fewer each every all both either neither some any
    such own same other another last next first second third here there where when while
    which who whom whose what why how if because though although whereas unless whether
    year years month months week weeks day days hour hours minute minutes second seconds
    times time fold percent per-cent pct bps points point pts vs versus plus minus against
    including excluding compared according amid among across above below under within without
    toward towards through throughout upon worth
    rose fell rises falls rising falling grew grows increased decreased dropped jumped climbed
    declined gained lost added says said reported remains remained stands stood reached
    reaches totaled totalled totals amounted amounts compares compares equals means shows
    seems comes goes makes gets takes gives becomes looks
    is isn't wasn't aren't weren't has hasn't have haven't
    always perhaps thus news series species whereas towards besides sometimes
    us yes plus bus gas its this his has was
    """.split()
)
_IRREGULAR_PLURALS = frozenset(
    """
    people children men women staff personnel police cattle sheep fish deer aircraft
    crew livestock poultry swine offspring teeth mice geese spacecraft
    """.split()
)
_YEAR_PREPOSITIONS = frozenset(
    """
    in since by of from until till to for during before after between and through
    year early late mid end start beginning fiscal spring summer autumn fall winter
    the around circa than or vs versus
    """.split()
)


_ORDINAL_CONTEXT = frozenset(
    "first second third fourth last next latter former other the 1st 2nd 3rd 4th".split()
)


class _Cand:
    """A number read in context, before ranges and inheritance are resolved."""

    __slots__ = (
        "core_end",
        "core_start",
        "currency",
        "decimals",
        "end",
        "exact",
        "has_scale",
        "high",
        "is_range",
        "is_word",
        "low",
        "noun",
        "number",
        "qualifier",
        "scale",
        "sign",
        "start",
        "unit",
    )

    def __init__(self, start: int, end: int, number: float) -> None:
        self.start = start
        self.end = end
        self.core_start = start
        self.core_end = end
        self.number = number
        self.decimals = 0
        self.exact = False
        self.is_word = False
        self.has_scale = False
        self.scale = 1.0
        self.sign = 1.0
        self.unit: str | None = None
        self.noun: str | None = None
        self.currency = False
        self.qualifier: Qualifier | None = None
        self.low = 0.0
        self.high = 0.0
        self.is_range = False

    @property
    def value(self) -> float:
        return _clean(self.sign * self.number * self.scale)

    @property
    def precision(self) -> float:
        if self.exact:
            return 0.0
        return _clean(half_unit(self.decimals, self.scale))


def _clean(x: float) -> float:
    """Round away binary noise: 4.1 * 1e9 -> 4.1e9, not 4099999999.9999995."""
    if math.isfinite(x):
        return float(f"{x:.12g}")
    return x


def interval(
    low: float, high: float, precision: float, qualifier: Qualifier | None
) -> tuple[float, float]:
    """The interval a printed figure stands for (see the module docstring)."""
    lo, hi = _clean(low - precision), _clean(high + precision)
    floor = 0.0 if low >= 0 else -_INF
    if qualifier is None:
        return lo, hi
    if qualifier == "about":
        width = ABOUT_WIDTH * max(abs(low), abs(high))
        return min(lo, _clean(low - width)), max(hi, _clean(high + width))
    if qualifier == "over":
        return high, _INF
    if qualifier == "at_least":
        return low, _INF
    if qualifier == "almost":
        width = ALMOST_WIDTH * abs(high)
        return _clean(high - width), high
    # under, at_most, up_to
    return min(floor, low), high


def _prefix_currency(text: str, start: int, ctx: _Context, lex: Lexicon) -> tuple[int, str] | None:
    """A currency written right before ``start``: ``(prefix start, ISO code)``."""
    if start == 0:
        return None
    window_start = max(0, start - ctx.prefix_max - 1)
    window = text[window_start:start]
    stripped = window.rstrip(" \u00a0")
    if not stripped or len(window) - len(stripped) > 1:
        return None
    candidates = ctx.prefixes_by_last.get(stripped[-1])
    if not candidates:
        return None
    spaced = len(window) != len(stripped)
    for prefix in candidates:
        if stripped.endswith(prefix):
            pos = window_start + len(stripped) - len(prefix)
            if prefix[0].isalpha():
                before = text[pos - 1] if pos > 0 else " "
                if before.isalnum():
                    continue
                if spaced and prefix in _ATTACHED_ONLY:
                    continue
            return pos, lex.currency_prefix[prefix]
    return None


_ATTACHED_ONLY = frozenset({"TL", "SR", "LE", "Dh", "Dhs", "Rp"})


def _qualifier_before(text: str, start: int, lex: Lexicon) -> Qualifier | None:
    """The qualifier phrase ending right before ``start`` (spaces allowed)."""
    if start == 0:
        return None
    window = text[max(0, start - 40) : start]
    if window and window[-1] in "~<>≤≥":
        sym = window[-1]
        return "about" if sym == "~" else _as_qualifier(lex.qualifiers.get(sym))
    if not window or not window[-1].isspace():
        return None
    tokens = window.split()
    if not tokens:
        return None
    for n in (4, 3, 2, 1):
        if len(tokens) < n:
            continue
        phrase = " ".join(tokens[-n:]).lower()
        found = lex.qualifiers.get(phrase)
        if found is not None:
            return _as_qualifier(found)
    return None


_QUALIFIERS: dict[str, Qualifier] = {
    "about": "about",
    "over": "over",
    "at_least": "at_least",
    "under": "under",
    "at_most": "at_most",
    "almost": "almost",
    "up_to": "up_to",
}


def _as_qualifier(name: str | None) -> Qualifier | None:
    return _QUALIFIERS.get(name) if name is not None else None


def _plural_like(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    return (
        len(low) > 2
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in _NOT_NOUN
    )


def _read_core(text: str, match: re.Match[str], lex: Lexicon) -> _Cand | None:
    kind = match.lastgroup
    start, end = match.span()
    if kind == "num":
        number, decimals = parse_digits(match.group())
        cand = _Cand(start, end, number)
        cand.decimals = decimals
        return cand
    if kind == "words":
        number, largest = parse_words(match.group())
        cand = _Cand(start, end, number)
        cand.is_word = True
        if largest > 1.0:
            cand.number = number / largest
            cand.scale = largest
            cand.has_scale = True
            cand.decimals = _decimals_needed(cand.number)
        else:
            cand.exact = True
        return cand
    if kind == "frac":
        if _previous_word(text, start)[0].lower() in _ORDINAL_CONTEXT:
            return None  # "the first half of 2023": a period, not a share
        words = match.group().lower().split()
        if len(words) == 1:
            num, den = 1, 2
        else:
            num = 1 if words[0] in {"a", "an"} else lex.number_words.get(words[0], 1)
            den = lex.fractions.get(words[1], 1)
        cand = _Cand(start, end, 100.0 * num / den)
        cand.exact = True
        cand.is_word = True
        cand.unit = "percent"
        return cand
    return None


def _decimals_needed(number: float) -> int:
    for decimals in range(4):
        if abs(round(number, decimals) - number) < 1e-9:
            return decimals
    return 4


def _read_after(text: str, cand: _Cand, ctx: _Context, lex: Lexicon) -> bool:
    """Read scale, unit and denominator after the core; False if not a quantity."""
    pos = cand.core_end
    if cand.unit == "percent":  # a fraction: nothing more to read
        return True
    if not cand.is_word:
        half = ctx.half.match(text, pos)
        if half:
            cand.number += 0.5
            cand.decimals = max(cand.decimals, 1)
            pos = half.end()
    # scale words
    if not cand.has_scale:
        scale_match = ctx.scale_attached.match(text, pos) or ctx.scale_spaced.match(text, pos)
        if scale_match:
            word = scale_match.group("s")
            low = word.lower()
            factor = 100.0 if low == "hundred" else lex.scales.get(low, 1.0)
            ambiguous = low in {"m", "b"}
            if ambiguous and not _money_or_noun_follows(text, scale_match.end(), cand, ctx):
                scale_match = None
            else:
                cand.scale = factor
                cand.has_scale = True
                pos = scale_match.end()
                nxt = ctx.scale_spaced.match(text, pos)
                if nxt and lex.scales.get(nxt.group("s").lower(), 0.0) > factor:
                    cand.scale *= lex.scales[nxt.group("s").lower()]
                    pos = nxt.end()
    cand.end = pos
    if cand.currency:
        # "$5 billion", "US$ 3.1 mln": a prefix currency; maybe a denominator.
        _read_denominator(text, cand, ctx)
        return True
    # percent
    m = ctx.percent.match(text, pos)
    if m:
        if m.group("sym"):
            cand.unit = "percentage_point" if len(m.group("sym")) > 1 else "percent"
        else:
            cand.unit = lex.percent[m.group("word").lower()]
        cand.end = m.end()
        return True
    m = ctx.age.match(text, pos)
    if m:
        cand.unit = "year"
        cand.noun = "age"
        cand.end = m.end()
        return True
    m = ctx.cents.match(text, pos)
    if m:
        word = m.group("c").lower()
        code = {"sen": "MYR", "pence": "GBP"}.get(word, "USD")
        if word.startswith("euro"):
            code = "EUR"
        elif word.startswith("kope"):
            code = "RUB"
        cand.unit = code
        cand.currency = True
        cand.scale *= 0.01
        cand.end = m.end()
        return True
    m = ctx.currency_words.match(text, pos) or ctx.currency_codes.match(text, pos)
    if m:
        surface = m.group("c")
        code = lex.currency_suffix.get(surface) or lex.currency_suffix.get(surface.lower())
        if code is not None:
            cand.unit = code
            cand.currency = True
            cand.end = m.end()
            _read_denominator(text, cand, ctx)
            return True
    if ctx.multiplier.match(text, pos):
        return False
    unit_match = _match_unit(text, pos, ctx)
    if unit_match is not None:
        surface, unit_end = unit_match
        entry = lex.unit(surface)
        if entry is not None:
            cand.unit = entry.pint
            if entry.factor != 1.0:
                cand.scale *= entry.factor
            cand.end = unit_end
            _read_denominator(text, cand, ctx)
            return True
    if pos < len(text) and (text[pos].isalpha() or text[pos].isdigit()):
        return False  # "4th", "1990s", "5G", "3D": not a quantity
    if _previous_word(text, cand.start)[0].lower() == "aged":
        cand.unit, cand.noun = "year", "age"
        return True
    _read_noun(text, pos, cand, ctx)
    return True


def _money_or_noun_follows(text: str, pos: int, cand: _Cand, ctx: _Context) -> bool:
    """Whether an attached "m"/"b" after ``cand`` means million/billion."""
    if cand.currency:
        return True
    if ctx.currency_words.match(text, pos) or ctx.currency_codes.match(text, pos):
        return True
    m = ctx.noun.match(text, pos)
    if m is None:
        return False
    word = m.group("w1")
    return word.lower() == "of" or _plural_like(word)


def _match_unit(text: str, pos: int, ctx: _Context) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    m = ctx.unit_ci.match(text, pos)
    if m:
        best = (m.group("u") or m.group("sym"), m.end())
    c = ctx.unit_cs.match(text, pos)
    if c and (best is None or c.end() >= best[1]):
        best = (c.group("u"), c.end())
    return best


def _read_denominator(text: str, cand: _Cand, ctx: _Context) -> None:
    m = ctx.denominator.match(text, cand.end)
    if m:
        den = lexicon().denominators[m.group("d").lower()]
        cand.unit = f"{cand.unit}/{den}"
        cand.end = m.end()


def _read_noun(text: str, pos: int, cand: _Cand, ctx: _Context) -> None:
    m = ctx.noun.match(text, pos)
    if m is None:
        return
    w1, w2 = m.group("w1"), m.group("w2")
    low1 = w1.lower()
    if low1 in _NOT_NOUN:
        return
    noun: str | None = None
    end = pos
    if w1[0].islower() and _plural_like(w1):
        noun, end = w1, m.end("w1")
    elif w2 is not None and _plural_like(w2) and not _plural_like(w1) and w2 not in _NOT_NOUN:
        noun, end = w2, m.end("w2")
    elif w1[0].islower() and cand.number == 1 and cand.scale == 1:
        noun, end = w1, m.end("w1")
    if noun is None:
        return
    stripped = noun.rstrip("'’-")
    end -= len(noun) - len(stripped)
    noun = stripped
    per = ctx.noun_per.match(text, end)
    if per and per.group("d") not in _NOT_NOUN:
        noun = f"{noun} per {per.group('d')}"
        end = per.end()
    cand.unit = "count"
    cand.noun = noun
    cand.end = end


def _read_before(text: str, cand: _Cand, ctx: _Context, lex: Lexicon) -> bool:
    """Read currency prefix, sign and qualifier; False if not a quantity."""
    start = cand.core_start
    prefix = _prefix_currency(text, start, ctx, lex)
    if prefix is not None:
        pos, code = prefix
        if code == "JPY" and text[pos] in "¥￥":
            window = text[max(0, pos - 200) : pos + 200]
            if ctx.yuan.search(window):
                code = "CNY"
        cand.unit = code
        cand.currency = True
        cand.start = pos
        start = pos
    elif start > 0:
        before = text[start - 1]
        if before.isalpha() or before == "_":
            return False  # "A320", "G20", "MP3"
        if before in _SIGNS and start > 1 and text[start - 2].isalpha():
            return False  # "COVID-19", "F-35", "TA-125"
    # sign
    if start > 0 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " \u00a0([:\n\t"):
        cand.sign = -1.0
        cand.start = start - 1
        start -= 1
    elif start >= 6 and text[start - 6 : start].lower() == "minus ":
        cand.sign = -1.0
    elif start >= 6 and text[start - 6 : start].lower() == "minus-":
        cand.sign = -1.0
    cand.qualifier = _qualifier_before(text, start, lex)
    return True


def _previous_word(text: str, start: int) -> tuple[str, int]:
    """The word before ``start`` and its start offset ("" when none)."""
    window = text[max(0, start - 30) : start]
    stripped = window.rstrip()
    if len(stripped) != len(window) and stripped:
        idx = max(stripped.rfind(" "), stripped.rfind("\n"), stripped.rfind("\t"))
        word = stripped[idx + 1 :]
        return word, start - len(window) + idx + 1
    return "", start


def _keep_bare(text: str, cand: _Cand) -> bool:
    """Whether a number with no unit at all is still a quantity."""
    if cand.is_word and not cand.has_scale:
        return False
    word, word_start = _previous_word(text, cand.start)
    if word and (word[0].isupper() or word[0] == "&" or "&" in word) and word.rstrip(",;:") == word:
        # "S&P 500", "Boeing 737", "Stoxx 50": a name, unless it starts a sentence
        before = text[max(0, word_start - 3) : word_start]
        if word_start > 0 and not _SENTENCE_BREAK.search(before) and before.strip() != "":
            return False
    return not _is_year(text, cand)


def _is_year(text: str, cand: _Cand) -> bool:
    core = text[cand.core_start : cand.core_end]
    if len(core) != 4 or not core.isdigit() or cand.sign < 0:
        return False
    if not 1900 <= int(core) <= 2100:
        return False
    if cand.unit == "count":
        word, _ = _previous_word(text, cand.start)
        return word.lower().strip("(,") in _YEAR_PREPOSITIONS or word == ""
    return True


def _gap(text: str, a: _Cand, b: _Cand) -> str:
    return text[a.end : b.start]


_RANGE_GAP = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]{1,2}(?:to|through|and|or)-?[ \u00a0]{1,2}")
_INHERIT_GAP = re.compile(
    r"[ \u00a0]?(?:,|;|/)?[ \u00a0]{0,2}(?:and|or|to|vs\.?|versus|from|against|compared with)?"
    r"[ \u00a0]{0,2}(?:(?:about|around|over|more than|nearly|almost|some|under|less than|"
    r"just over|just under|roughly|up to)[ \u00a0]{1,2})?"
)


def _same_sentence(gap: str) -> bool:
    return _SENTENCE_BREAK.search(gap) is None and len(gap) <= 120


def _merge_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            gap = _gap(text, a, b)
            m = _RANGE_GAP.fullmatch(gap)
            if m and _try_range(text, a, b, gap):
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_range(text: str, a: _Cand, b: _Cand, gap: str) -> bool:
    """Join ``a`` and ``b`` into a range kept in ``a``; True if joined."""
    word = gap.strip(" \u00a0").lower()
    hyphen = word in {"-", "–", "—"}
    word = word if hyphen else word.rstrip("-")
    before = _previous_word(text, a.start)[0].lower()
    if word == "and" and before != "between":
        return False
    if word == "or" and not (a.unit is None and b.unit is not None and not a.has_scale):
        return False
    if word in {"to", "through"} and before == "from":
        # "from 5 to 7 percent": two figures; the first inherits the unit.
        _inherit(a, b, backward=True)
        return False
    if a.unit is not None and a.unit != b.unit:
        return False
    if a.noun is not None and a.noun != b.noun:
        return False
    if b.qualifier is not None or (b.unit is None and a.unit is not None):
        return False
    if hyphen and a.unit is None and b.unit is None and not (a.has_scale or b.has_scale):
        if a.decimals == 0 and b.decimals == 0 and a.number >= b.number and a.sign > 0:
            a.unit = b.unit = "score"  # "2-2", "3-1": a score, not a quantity
        return False
    scale = a.scale if a.has_scale or not b.has_scale else b.scale
    low = _clean(a.sign * a.number * scale)
    high = b.value
    if not low < high and scale != a.scale:
        scale = a.scale
        low = _clean(a.sign * a.number * scale)
    if not low < high:
        return False
    a.scale = scale if scale == b.scale else a.scale
    a.is_range = True
    a.low, a.high = low, high
    a.unit, a.noun, a.currency = b.unit, b.noun, b.currency
    a.decimals = max(a.decimals, b.decimals) if a.scale == b.scale else b.decimals
    a.scale = b.scale
    a.exact = a.exact and b.exact
    a.end = b.end
    a.has_scale = a.has_scale or b.has_scale
    return True


def _inherit(a: _Cand, b: _Cand, *, backward: bool) -> None:
    """Let the bare one of ``a``/``b`` take the other's unit (and, backward, scale)."""
    src, dst = (b, a) if backward else (a, b)
    if dst.unit is not None or src.unit is None or src.unit in {"count", "score"}:
        return
    dst.unit = src.unit
    dst.currency = src.currency
    if backward and not dst.has_scale and src.has_scale:
        dst.scale = src.scale
        dst.has_scale = True


_COORDINATION = re.compile(
    r"[ \u00a0]?(?:,[ \u00a0]{1,2}|(?:,[ \u00a0]{1,2})?(?:and|or|vs\.?|versus)[ \u00a0]{1,2})"
    r"(?:(?:about|around|over|more than|nearly|almost|some|under|less than|just over|"
    r"just under|roughly|up to)[ \u00a0]{1,2})?"
)


def _inherit_forward(text: str, cands: list[_Cand]) -> None:
    """Bare numbers coordinated with a figure take its unit.

    "$100 billion by 2015, and 200 billion by 2020": both scaled, the first
    money -> the second is USD too. "5 bln and 6 bln yuan" is handled by the
    range/backward rules; "from $5 to 7" -> 7 is USD.
    """
    previous: _Cand | None = None
    for cand in cands:
        if previous is not None and cand.unit is None and previous.unit is not None:
            gap = _gap(text, previous, cand)
            if _same_sentence(gap) and previous.unit not in {"count", "score"}:
                short = (
                    _COORDINATION.fullmatch(gap) is not None
                    and previous.currency
                    and cand.has_scale == previous.has_scale
                    and "/" not in previous.unit
                )
                from_to = gap.strip(" \u00a0").lower() == "to" and (
                    _previous_word(text, previous.start)[0].lower() == "from"
                )
                scaled = cand.has_scale and previous.has_scale and previous.currency
                if short or from_to or scaled:
                    cand.unit = previous.unit
                    cand.currency = previous.currency
        if cand.unit not in {None, "score"}:
            previous = cand


def _to_quantity(text: str, cand: _Cand) -> Quantity:
    precision = cand.precision
    if cand.is_range:
        low, high = cand.low, cand.high
        value = _clean((low + high) / 2.0)
    else:
        value = cand.value
        low = high = value
    if cand.sign < 0 and not cand.is_range:
        low = high = value
    return Quantity(
        span=Span(cand.start, cand.end),
        text=text[cand.start : cand.end],
        value=value,
        unit=cand.unit or "dimensionless",
        interval=interval(low, high, precision, cand.qualifier),
        precision=precision,
        low=low,
        high=high,
        noun=cand.noun,
        qualifier=cand.qualifier,
        scale=cand.scale,
        is_range=cand.is_range,
    )


def _read_all(text: str) -> list[_Cand]:
    lex = lexicon()
    ctx = _context()
    cands: list[_Cand] = []
    last_end = 0
    for match in _master().finditer(text):
        if match.lastgroup == "block":
            continue
        cand = _read_core(text, match, lex)
        if cand is None or not _read_before(text, cand, ctx, lex):
            continue
        if cand.start < last_end:
            continue
        if not _read_after(text, cand, ctx, lex):
            continue
        post = ctx.post_qualifier.match(text, cand.end)
        if post and cand.qualifier is None:
            cand.qualifier = {"more": "at_least", "so": "about"}.get(
                post.group("q").lower(), "at_most"
            )  # type: ignore[assignment]
        cands.append(cand)
        last_end = cand.end
    return cands


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, sorted by start, non-overlapping.

    ``text[q.span.start:q.span.end] == q.text`` for each result. See the
    module docstring for what is and is not a quantity.
    """
    cands = _read_all(text)
    cands = _merge_ranges(text, cands)
    _inherit_forward(text, cands)
    result: list[Quantity] = []
    for cand in cands:
        if cand.unit == "score":
            continue
        if cand.unit is None and not _keep_bare(text, cand):
            continue
        if cand.unit == "count" and cand.is_word is False and _is_year(text, cand):
            continue
        if cand.unit == "count" and cand.is_word and cand.number * cand.scale == 0:
            continue
        result.append(_to_quantity(text, cand))
    return tuple(result)


def quantities_in(texts: Sequence[str]) -> list[tuple[Quantity, ...]]:
    """:func:`find_quantities` over several texts."""
    return [find_quantities(t) for t in texts]
