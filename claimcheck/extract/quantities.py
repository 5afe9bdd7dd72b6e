"""Find every quantity in a text: numbers with units, scales and qualifiers.

:func:`find_quantities` scans the text with two compiled, bounded regexes
(:func:`_scan`): one for digits -- which also matches digit-led look-alikes
that are *not* quantities: ISO and numeric dates, "8 November 2023", clock
times, phone numbers, year ranges ("2022-2023", "2022/23") -- and one, over
the lower-cased text, for number words ("twenty-five", "a dozen", "two
million"), fractions ("a third of", "half of") and vague plurals ("thousands
of", "tens of thousands of" -> a range [1e4, 1e5]). Labels are recognised
from the word before the number ("November 8", "Section 427", "Row 21",
"No. 5", "#3", "(4)") and list markers from the line start. Each remaining
core is read in its local context with anchored regexes and look-ups:

* before it: a currency prefix ("$", "US$", "HK$", "RM", "USD "), a sign,
  a qualifier ("about", "more than", "up to", ...; not inside the span);
* after it: "and a half", scale words ("bln", "m", "mil", "million"), then
  one unit: percent forms, ages ("65-year-old", "aged 25", "Jane Doe, 45,"),
  currency names, codes and symbols ("5 bln yuan", "1,200€"),
  cents/sen/pence (value in the currency, ``scale`` 0.01), physical units
  from ``rules/units.toml``, or a counted noun phrase up to its plural head
  ("150 mln doses" -> unit ``count``, noun "doses"; "300 Chinese tourists";
  "a four-cylinder engine"); then a per-denominator ("$52 a barrel" ->
  ``USD/barrel``, "325,000 barrels per day" -> ``barrel/day``).

A second pass joins ranges ("10-12%", "$10 to $15 billion", "between 5 and
7 percent", "four to five thousand people", "aged 25 to 54"), lets bare
numbers inherit the unit and scale of a coordinated neighbour ("$100
billion by 2015, and 200 billion by 2020"; "rose 64 points to 4,577"), and
drops what is not a quantity: bare years (1900-2100, or 1000-2199 after
"in", "since", "between", ...), bare number words ("one of"), numbers in
names ("Boeing 737", "S&P 500", "iPhone 11", "787 Dreamliner"), ordinals
and attached letters ("4th", "1990s", "5G"), scores ("2-2") and multipliers
("2 times", "3-fold": deliberately *not* quantities here; the claims layer
reads them as words).

"from A to B" and "A to B" after a change verb ("rose", "fell", "widened",
...) or after "by" are two figures, not a range: "exports rose from $5 bln
to $7 bln" must yield both levels. Elsewhere ("prices range from $5 to $7")
"from A to B" is a range.

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
third of", "half of") and small number words are exact; fractions are given
as a ``dimensionless`` share of 1 (0.333...). Bare numbers without any unit
get the unit ``dimensionless``. "¥" is JPY unless "yuan", "RMB" or
"renminbi" is written within 200 characters (then CNY). "$" alone is USD.
Parentheses never make a figure negative; a leading minus sign ("-1.3%",
"minus 5", "$-50.8bn") does. A comma followed by one or two digits is a
decimal comma ("12,8%").

This module imports neither pint nor quantulum3.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from claimcheck.extract.lexicon import (
    IRREGULAR_PLURALS,
    METRE_CONTEXT,
    NOT_NOUN,
    REFS,
    SENTENCE_OPENERS,
    YEAR_PREPOSITIONS,
    Lexicon,
    Patterns,
    lexicon,
    patterns,
)
from claimcheck.extract.numbers import (
    MONTHS,
    VAGUE_BASE,
    half_unit,
    parse_digits,
    parse_words,
    scan,
)
from claimcheck.model import Qualifier, Quantity, Span

__all__ = ["ABOUT_WIDTH", "ALMOST_WIDTH", "find_quantities", "interval"]

ABOUT_WIDTH = 0.05
"""Relative half-width of the interval of an "about" figure."""

ALMOST_WIDTH = 0.10
"""How far below the printed value an "almost"/"nearly" figure may lie."""

_INF = math.inf


_NO_UNIT_AFTER_SPACE = frozenset("0123456789([-–—\"“'‘")
_PUNCT_AFTER = frozenset(',;:)]!?"”’')
_SIGNS = frozenset("-−–")
_SENTENCE_BREAK = re.compile(r"[.!?][\s\"'”’)]|\n")

_ORDINAL_CONTEXT = frozenset(
    """
    first second third fourth last next latter former other the 1st 2nd 3rd 4th
    """.split()  # noqa: SIM905
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
        "is_year",
        "low",
        "noun",
        "number",
        "prev",
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
        self.prev: tuple[str, int] | None = None
        self.is_year = False

    @property
    def value(self) -> float:
        if self.scale == 1.0:
            return self.sign * self.number
        return _clean(self.sign * self.number * self.scale)

    @property
    def precision(self) -> float:
        if self.exact:
            return 0.0
        return half_unit(self.decimals, self.scale)


def _clean(x: float) -> float:
    """Round away binary noise: 4.1 * 1e9 -> 4.1e9, not 4099999999.9999995."""
    if x.is_integer() or not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


def interval(
    low: float, high: float, precision: float, qualifier: Qualifier | None
) -> tuple[float, float]:
    """The interval a printed figure stands for (see the module docstring)."""
    lo, hi = (low, high) if precision == 0 else (_clean(low - precision), _clean(high + precision))
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


def _prefix_currency(text: str, start: int, ctx: Patterns, lex: Lexicon) -> tuple[int, str] | None:
    """A currency written right before ``start``: ``(prefix start, ISO code)``."""
    if start == 0:
        return None
    end = start
    spaced = text[start - 1] in " \u00a0"
    if spaced:
        end -= 1
        if end == 0:
            return None
    candidates = ctx.prefixes_by_last.get(text[end - 1])
    if not candidates:
        return None
    for prefix in candidates:
        pos = end - len(prefix)
        if pos >= 0 and text.startswith(prefix, pos, end):
            if prefix[0].isalpha():
                if pos > 0 and text[pos - 1].isalnum():
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
    last = text[start - 1]
    if last in "~<>≤≥":
        return "about" if last == "~" else _as_qualifier(lex.qualifiers.get(last))
    if not last.isspace() or start < 2:
        return None
    cut = text.rfind(" ", max(0, start - 25), start - 1)
    if text[cut + 1 : start - 1].lower() not in patterns().qualifier_last_words:
        return None
    tokens = text[max(0, start - 40) : start].split()
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
    if low in IRREGULAR_PLURALS:
        return True
    return (
        len(low) > 2
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in NOT_NOUN
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
    if kind == "dfrac":
        num, den = (int(x) for x in re.split("[/⁄]", match.group()))
        if not 0 < num < den:
            return None  # "24/7", "9/11": not a fraction
        cand = _Cand(start, end, num / den)
        cand.exact = True
        return cand
    if kind == "vague":
        # "thousands of" -> [1e3, 1e4]; "tens of thousands of" -> [1e4, 1e5]; "dozens" -> [12, 120]
        words = match.group().split()
        low = VAGUE_BASE[words[-1]] * (
            10.0 if words[0] == "tens" else 100.0 if len(words) > 1 else 1.0
        )
        cand = _Cand(start, end, low)
        cand.is_range = cand.exact = cand.is_word = cand.has_scale = True
        cand.low, cand.high = low, low * 10.0
        return cand
    if kind == "frac":
        if _previous_word(text, start)[0].lower() in _ORDINAL_CONTEXT:
            return None  # "the first half of 2023": a period, not a share
        words = match.group().lower().replace("-", " ").split()
        if len(words) == 1:
            num, den = 1, 2
        else:
            num = 1 if words[0] in {"a", "an"} else lex.number_words.get(words[0], 1)
            den = lex.fractions.get(words[1], 1)
        cand = _Cand(start, end, num / den)
        cand.exact = True
        cand.is_word = True
        cand.unit = "dimensionless"
        return cand
    return None


def _decimals_needed(number: float) -> int:
    for decimals in range(4):
        if abs(round(number, decimals) - number) < 1e-9:
            return decimals
    return 4


def _read_after(text: str, cand: _Cand, ctx: Patterns, lex: Lexicon) -> bool:
    """Read scale, unit and denominator after the core; False if not a quantity."""
    pos = cand.core_end
    if cand.unit == "dimensionless":  # a fraction: nothing more to read
        return True
    if cand.is_range:  # "thousands of ...": the unit or noun follows "of"
        pos = cand.core_end + 3
        m = ctx.post.match(text, pos)
        if m is not None and m.lastgroup == "cur":
            code = lex.currency_suffix.get(m.group("curw").lower())
            if code is not None:
                cand.unit, cand.currency, cand.end = code, True, m.end()
                return True
        unit_match = _match_unit(text, pos, ctx)
        entry = lex.unit(unit_match[0]) if unit_match else None
        if unit_match and entry is not None:
            cand.unit, cand.end = entry.pint, unit_match[1]
            return True
        _read_noun(text, pos, cand, ctx)
        return cand.unit is not None
    if not cand.has_scale and text[pos : pos + 5].lower() == " and ":
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
                cand.exact = False
                pos = scale_match.end()
                nxt = ctx.scale_spaced.match(text, pos)
                if nxt and lex.scales.get(nxt.group("s").lower(), 0.0) > factor:
                    cand.scale *= lex.scales[nxt.group("s").lower()]
                    pos = nxt.end()
    cand.end = pos
    following = text[pos : pos + 1]
    if following and following in _PUNCT_AFTER and not cand.currency:
        return True  # "5," "5." "5)": nothing more can follow
    if following == " " and not cand.currency and text[pos + 1 : pos + 2] in _NO_UNIT_AFTER_SPACE:
        return True  # "in 2023 300 tourists", "5 (five)": no unit after the number
    if cand.currency and following == "%" and not cand.has_scale:
        cand.unit, cand.currency, cand.end = "percent", False, pos + 1
        cand.start = cand.core_start if cand.sign > 0 else cand.core_start - 1
        return True  # "$34,4%": a stray currency sign before a percentage
    if cand.currency:
        # "$5 billion", "US$ 3.1 mln": a prefix currency; maybe a denominator.
        _read_denominator(text, cand, ctx)
        return True
    # percent
    m = ctx.post.match(text, pos)
    kind = m.lastgroup if m else None
    if m is None or kind is None:
        pass
    elif kind == "pct":
        if m.group("sym"):
            cand.unit = "percentage_point" if len(m.group("sym")) > 1 else "percent"
        else:
            cand.unit = lex.percent[m.group("word").lower()]
        cand.end = m.end()
        return True
    elif kind == "age":
        cand.unit = {"yr": "year"}.get(m.group("u").lower(), m.group("u").lower())
        cand.noun = "age"
        cand.end = m.end()
        return True
    elif kind == "cent":
        word = (m.group("centw") or "pence").lower()  # attached "p": "164p" is pence
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
    elif kind in {"cur", "code"}:
        surface = m.group("curw" if kind == "cur" else "codew")
        code = lex.currency_suffix.get(surface) or lex.currency_suffix.get(surface.lower())
        if code is not None:
            cand.unit = code
            cand.currency = True
            cand.end = m.end()
            _read_denominator(text, cand, ctx)
            return True
    elif kind == "mult":
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
    hyphenated = ctx.hyphen_noun.match(text, pos)
    if hyphenated and hyphenated.group("n").lower() not in NOT_NOUN and not cand.has_scale:
        cand.unit, cand.noun, cand.end = "count", hyphenated.group("n"), hyphenated.end()
        return True  # "a four-cylinder engine", "a five-member board"
    if _prev(text, cand)[0].lower() == "aged":
        cand.unit, cand.noun = "year", "age"
        return True
    _read_noun(text, pos, cand, ctx)
    return True


def _money_or_noun_follows(text: str, pos: int, cand: _Cand, ctx: Patterns) -> bool:
    """Whether an attached "m"/"b" after ``cand`` means million/billion.

    "M"/"B" always do; "m" does unless a length reading is signalled ("100m
    sprint", "2m tall", "3m-high", "5m x 3m", "10m/s"); "b" only before money or
    a counted noun.
    """
    letter = text[pos - 1]
    if cand.currency or letter in "MB":
        return True
    if letter == "m":
        if text[pos : pos + 1] in {"/", "-", "²", "³"}:
            return False
        after = ctx.noun.match(text, pos)
        return after is not None and after.group("w1").lower() not in METRE_CONTEXT
    if ctx.currency_words.match(text, pos) or ctx.currency_codes.match(text, pos):
        return True
    m = ctx.noun.match(text, pos)
    if m is None:
        return False
    word = m.group("w1")
    return word.lower() == "of" or _plural_like(word)


def _match_unit(text: str, pos: int, ctx: Patterns) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    m = ctx.unit_ci.match(text, pos)
    if m:
        best = (m.group("u") or m.group("sym"), m.end())
    c = ctx.unit_cs.match(text, pos)
    if c and (best is None or c.end() >= best[1]):
        best = (c.group("u"), c.end())
    return best


def _read_denominator(text: str, cand: _Cand, ctx: Patterns) -> None:
    m = ctx.denominator.match(text, cand.end)
    if m:
        den = lexicon().denominators[m.group("d").lower()]
        cand.unit = f"{cand.unit}/{den}"
        cand.end = m.end()


def _read_noun(text: str, pos: int, cand: _Cand, ctx: Patterns) -> None:
    """A counted noun after the number: "1000 customers", "300 Chinese tourists".

    The noun phrase runs up to its head, the first plural-looking word among
    the next three ("135 unicorn startups"); after a 1 ("one solution") a
    singular head is accepted.
    """
    m = ctx.noun.match(text, pos)
    if m is None:
        return
    words = [w for w in m.group("w1", "w2", "w3") if w is not None]
    ends = [m.end(g) for g in ("w1", "w2", "w3") if m.group(g) is not None]
    head: int | None = None
    for k, word in enumerate(words):
        if word.lower() in NOT_NOUN:
            break
        if _plural_like(word) and ((k == 0 and word[0].islower()) or k > 0):
            head = k
            break
        if k == 0 and word[0].islower() and cand.number == 1 and cand.scale == 1:
            head = 0
            break
    if head is None:
        return
    end = ends[head]
    noun = text[pos + 1 : end]
    stripped = noun.rstrip("'’-")
    end -= len(noun) - len(stripped)
    noun = " ".join(stripped.split())
    per = ctx.noun_per.match(text, end)
    if per and per.group("d") != "cent":
        noun = f"{noun} per {per.group('d')}"
        end = per.end()
    cand.unit = "count"
    cand.noun = noun
    cand.end = end


_HYPHEN_WORDS = frozenset(
    {"minus", "sub", "about", "around", "over", "under", "nearly", "almost", "to", "now", "then"}
)


def _read_before(text: str, cand: _Cand, ctx: Patterns, lex: Lexicon) -> bool:
    """Read currency prefix, sign and qualifier; False if not a quantity."""
    start = cand.core_start
    negative = False
    if start > 1 and text[start - 1] in _SIGNS and text[start - 2] in "$€£¥":
        negative = True  # "$-50.8bn"
        start -= 1
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
    elif negative:
        start += 1
        negative = False
    elif start > 0:
        before = text[start - 1]
        if before.isalpha() or before == "_":
            return False  # "A320", "G20", "MP3"
        if before in _SIGNS and start > 1 and text[start - 2].isalpha():
            head = text[max(0, start - 8) : start - 1].split()
            lead = head[-1].lower() if head else ""
            if lead not in _HYPHEN_WORDS:
                return False  # "COVID-19", "F-35", "TA-125"
            if lead == "minus":
                negative = True
    # sign
    if negative:
        cand.sign = -1.0
    elif (
        start > 0
        and text[start - 1] in "-−"
        and (start == 1 or text[start - 2] in " \u00a0([:\n\t")
    ):
        cand.sign = -1.0
        cand.start = start - 1
        start -= 1
    elif start >= 6 and text[start - 6 : start].lower() == "minus ":
        cand.sign = -1.0
    cand.qualifier = _qualifier_before(text, start, lex)
    if cand.qualifier is None and start > 1 and text[start - 1] in _SIGNS:
        head = text[max(0, start - 8) : start - 1].split()
        if head:
            cand.qualifier = _as_qualifier(lex.qualifiers.get(head[-1].lower()))
    return True


def _previous_word(text: str, start: int) -> tuple[str, int]:
    """The word before ``start`` and its start offset ("" when none).

    Only a word separated from ``start`` by whitespace counts.
    """
    end = start
    while end > 0 and end > start - 4 and text[end - 1] in " \u00a0\t\n":
        end -= 1
    if end in {start, 0}:
        return "", start
    lo = max(0, end - 30)
    idx = max(text.rfind(" ", lo, end), text.rfind("\n", lo, end), text.rfind("\u00a0", lo, end))
    if idx < 0:
        idx = lo - 1
    return text[idx + 1 : end], idx + 1


def _prev(text: str, cand: _Cand) -> tuple[str, int]:
    """:func:`_previous_word` before ``cand``'s span, computed once."""
    if cand.prev is None or cand.prev[1] > cand.start:
        cand.prev = _previous_word(text, cand.start)
    return cand.prev


def _is_name_number(text: str, cand: _Cand) -> bool:
    """A plain integer that is part of a name: "S&P 500", "iPhone 11", "787 Dreamliner"."""
    core = text[cand.core_start : cand.core_end]
    if not core.isdigit() or cand.is_word or cand.has_scale or cand.qualifier is not None:
        return False
    word, word_start = _prev(text, cand)
    if word and word.rstrip(",;:.)") == word and (any(c.isupper() for c in word) or "&" in word):
        before = text[max(0, word_start - 3) : word_start]
        starts_sentence = word_start == 0 or bool(_SENTENCE_BREAK.search(before))
        starts_sentence = starts_sentence or before.strip() == ""
        low = word.lower()
        if not starts_sentence or (
            low not in NOT_NOUN and low not in YEAR_PREPOSITIONS and low not in SENTENCE_OPENERS
        ):
            return True  # a capitalised name right before the number
    after = text[cand.end : cand.end + 3]
    return cand.unit is None and len(after) > 1 and after[0] == " " and after[1].isupper()


def _is_age_apposition(text: str, cand: _Cand) -> bool:
    """ "Jane Doe, 45, said": an age in apposition to a name."""
    core = text[cand.core_start : cand.core_end]
    if not core.isdigit() or not 1 <= int(core) <= 120 or cand.start < 3:
        return False
    if text[cand.start - 2 : cand.start] != ", " or text[cand.end : cand.end + 1] != ",":
        return False
    word, _ = _prev(text, cand)
    return bool(word) and word[0].isupper() and word.endswith(",")


def _keep_bare(text: str, cand: _Cand) -> bool:
    """Whether a number with no unit at all is still a quantity."""
    if cand.is_word and not cand.has_scale:
        return False
    return not _is_name_number(text, cand) and not _is_year(text, cand)


def _is_year(text: str, cand: _Cand) -> bool:
    """A plain 1900..2100 ("in 2023"), or 1000..2199 after "in", "since", "by", ..."""
    core = text[cand.core_start : cand.core_end]
    if len(core) != 4 or not core.isdigit() or cand.sign < 0:
        return False
    year = int(core)
    if not 1000 <= year <= 2199:
        return False
    if not 1900 <= year <= 2100 or cand.unit == "count":
        word, _ = _prev(text, cand)
        return word.lower().strip("(,") in YEAR_PREPOSITIONS or word == ""
    return True


def _gap(text: str, a: _Cand, b: _Cand) -> str:
    return text[a.end : b.start]


_RANGE_GAP = re.compile(
    r"[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]{1,2}(?:to|through|and|or)(?:-|[ \u00a0]{1,2})"
)
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
        if i + 1 < len(cands) and not a.is_range and not cands[i + 1].is_range:
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
    before = _prev(text, a)[0].lower()
    if word == "and" and before != "between":
        return False
    if word == "or" and not (a.unit is None and b.unit is not None and not a.has_scale):
        return False
    if word in {"to", "through"} and before == "from" and _change_before(text, a.start):
        # "rose from 5 to 7 percent": a change, two figures; the first inherits the unit.
        _inherit(a, b, backward=True)
        return False
    if (
        word in {"to", "through"}
        and a.unit is not None
        and (before == "by" or _change_before(text, a.start))
    ):
        return False  # "increased by $43.6 bln to $419.2 bln", "rose 18 sen to RM23.50"
    if (a.is_year and b.unit is None) or (b.is_year and a.unit is None):
        return False  # "between 1600 and 1900"
    if b.unit is None and a.unit == "year" and a.noun == "age" and word in {"to", "-", "–"}:
        b.unit, b.noun = a.unit, a.noun  # "aged 25 to 54"
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


_CHANGE_WORDS = re.compile(
    r"(?i:\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|grew|grow|grows|growing|"
    r"grown|increas\w*|decreas\w*|declin\w*|dropp\w*|drops?|jump\w*|climb\w*|slid|slide|"
    r"slides|sliding|plung\w*|soar\w*|surg\w*|gain\w*|lost|los(?:e|es|ing)|rais\w*|cut|cuts|"
    r"cutting|lower\w*|boost\w*|revis\w*|slow\w*|accelerat\w*|expand\w*|shrank|shrink\w*|"
    r"narrow\w*|widen\w*|upgrad\w*|downgrad\w*|changed?|went|go(?:es|ing)?|moved?|"
    r"up|down|improv\w*|doubl\w*|tripl\w*|halv\w*|reduc\w*|dipp\w*|dips?|tumbl\w*|"
    r"rall\w*|rebound\w*|recover\w*|swung|swing\w*|shift\w*)\b)"
)


def _change_before(text: str, start: int) -> bool:
    """Whether a change verb stands in the few words before "from" at ``start``."""
    window = text[max(0, start - 60) : start]
    cut = max(window.rfind(". "), window.rfind(";"), window.rfind("\n"))
    return _CHANGE_WORDS.search(window[cut + 1 :]) is not None


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
        if (
            previous is not None
            and cand.unit is None
            and previous.unit is not None
            and not cand.is_year
        ):
            gap = _gap(text, previous, cand)
            if _same_sentence(gap) and previous.unit not in {"count", "score"}:
                short = (
                    _COORDINATION.fullmatch(gap) is not None
                    and previous.currency
                    and cand.has_scale == previous.has_scale
                    and "/" not in previous.unit
                )
                from_to = gap.strip(" \u00a0").lower() == "to" and (
                    _prev(text, previous)[0].lower() == "from"
                )
                scaled = cand.has_scale and previous.has_scale and previous.currency
                if short or from_to or scaled:
                    cand.unit = previous.unit
                    cand.currency = previous.currency
            elif (
                _same_sentence(gap)
                and previous.unit == "count"
                and previous.noun
                and gap.strip(" \u00a0,").lower() in {"to", "and", "or", ""}
            ):
                # "rose 64 points to 4,577", "435 homes by open sale and 187 by tender"
                cand.unit, cand.noun = "count", previous.noun
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


def _is_label(text: str, start: int, end: int) -> bool:
    """Dates, references and list markers recognised from the words around a number."""
    if start == 0:
        return text[end : end + 1] in {".", ")"} and text[end + 1 : end + 2] in {" ", "\t"}
    before = text[start - 1]
    if before in "#'’":
        return True
    if before == "(" and text[end : end + 1] == ")":
        return True  # "Prescott (4)": a shirt or list number
    if text[end : end + 1] in {".", ")"}:
        lead = text[max(0, start - 10) : start]
        line_start = lead.rfind("\n") + 1
        if (line_start > 0 or start <= 10) and lead[line_start:].strip(" \t(") == "":
            return text[end + 1 : end + 2] in {" ", "\t"}
    if before not in " \u00a0":
        return False
    word, _ = _previous_word(text, start)
    if word:
        bare = word.rstrip(",")
        if bare in REFS or bare.rstrip(".") in MONTHS:
            core = text[start:end]
            if bare in REFS or (core.isdigit() and len(core) <= 2):
                return True
    return False


def _read_all(text: str) -> list[_Cand]:
    lex = lexicon()
    ctx = patterns()
    cands: list[_Cand] = []
    last_end = 0
    date_end = -10  # end of the last date or label (none yet)
    for match in scan(text):
        kind = match.lastgroup
        if kind == "block":
            date_end = match.end()
            continue
        start = match.start()
        if start < last_end:
            continue
        if kind in {"num", "dfrac"}:
            if start > 0 and text[start - 1] in "0123456789.":
                continue
            if _is_label(text, start, match.end()) or (
                0 <= start - date_end <= 2 and text[date_end:start].strip() in {"-", "–", ""}
            ):
                date_end = match.end()
                continue
        cand = _read_core(text, match, lex)
        if cand is None or not _read_before(text, cand, ctx, lex):
            continue
        if cand.start < last_end:
            continue
        if not _read_after(text, cand, ctx, lex):
            continue
        if cand.unit in {None, "count"} and not cand.is_word and _is_year(text, cand):
            if cand.unit == "count":
                continue
            cand.is_year = True  # dropped unless a range gives it a unit ("2000 - 2500 Calories")
        if kind == "dfrac" and cand.unit is None and not text.startswith(" of ", cand.end):
            continue
        if cand.unit is None and _is_age_apposition(text, cand):
            cand.unit, cand.noun = "year", "age"
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
        if cand.unit == "count" and not cand.is_word and _is_name_number(text, cand):
            continue
        if cand.unit == "count" and cand.is_word and cand.number * cand.scale == 0:
            continue
        result.append(_to_quantity(text, cand))
    return tuple(result)


def quantities_in(texts: Sequence[str]) -> list[tuple[Quantity, ...]]:
    """:func:`find_quantities` over several texts."""
    return [find_quantities(t) for t in texts]
