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

from collections.abc import Sequence

from claimcheck.extract.candidate import Candidate, clean
from claimcheck.extract.coordination import inherit_forward
from claimcheck.extract.cores import read_core
from claimcheck.extract.exclusions import (
    is_age_apposition,
    is_label,
    is_name_number,
    is_year,
    keep_bare,
)
from claimcheck.extract.intervals import ABOUT_WIDTH, ALMOST_WIDTH, interval
from claimcheck.extract.lexicon import lexicon, patterns
from claimcheck.extract.numbers import scan
from claimcheck.extract.prefixes import read_before
from claimcheck.extract.ranges import merge_ranges
from claimcheck.extract.suffixes import read_after
from claimcheck.extract.transitions import link_transitions
from claimcheck.model import Quantity, Span

__all__ = ["ABOUT_WIDTH", "ALMOST_WIDTH", "find_quantities", "interval", "quantities_in"]


def _to_quantity(text: str, cand: Candidate) -> Quantity:
    precision = cand.precision
    if cand.is_range:
        low, high = cand.low, cand.high
        value = clean((low + high) / 2.0)
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
        transition=cand.transition,
    )


def _read_all(text: str) -> list[Candidate]:
    lex = lexicon()
    ctx = patterns()
    cands: list[Candidate] = []
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
            if is_label(text, start, match.end()) or (
                0 <= start - date_end <= 2 and text[date_end:start].strip() in {"-", "–", ""}
            ):
                date_end = match.end()
                continue
        cand = read_core(text, match, lex)
        if cand is None or not read_before(text, cand, ctx, lex):
            continue
        if cand.start < last_end:
            continue
        if not read_after(text, cand, ctx, lex):
            continue
        if cand.unit in {None, "count"} and not cand.is_word and is_year(text, cand):
            if cand.unit == "count":
                continue
            cand.is_year = True  # dropped unless a range gives it a unit ("2000 - 2500 Calories")
        if kind == "dfrac" and cand.unit is None and not text.startswith(" of ", cand.end):
            continue
        if cand.unit is None and is_age_apposition(text, cand):
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
    cands = merge_ranges(text, cands)
    link_transitions(text, cands)
    inherit_forward(text, cands)
    result: list[Quantity] = []
    for cand in cands:
        if cand.unit == "score":
            continue
        if cand.unit is None and not keep_bare(text, cand):
            continue
        if cand.unit == "count" and not cand.is_word and is_name_number(text, cand):
            continue
        if cand.unit == "count" and cand.is_word and cand.number * cand.scale == 0:
            continue
        result.append(_to_quantity(text, cand))
    return tuple(result)


def quantities_in(texts: Sequence[str]) -> list[tuple[Quantity, ...]]:
    """:func:`find_quantities` over several texts."""
    return [find_quantities(t) for t in texts]
