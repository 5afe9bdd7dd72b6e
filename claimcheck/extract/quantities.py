"""Find every quantity in a text: the orchestrator of the quantity pipeline.

:func:`find_quantities` runs these stages, one module each:

1. :mod:`~claimcheck.extract.numbers` -- scan numeric cores: digits with
   separators, scientific notation, number words, fractions, vague plurals
   ("thousands of"), and digit-led look-alikes to skip (dates, clock times,
   phone numbers, year ranges);
2. :mod:`~claimcheck.extract.exclusions` -- drop labels ("Section 427",
   "November 8", "#3", list markers);
3. :mod:`~claimcheck.extract.cores` -- turn each core into a
   :class:`~claimcheck.extract.candidate.Candidate`;
4. :mod:`~claimcheck.extract.prefixes` -- what stands before it: currency
   prefix (:mod:`~claimcheck.extract.currencies`), sign, qualifier
   (:mod:`~claimcheck.extract.qualifiers`);
5. :mod:`~claimcheck.extract.suffixes` -- what follows it: scale word
   (:mod:`~claimcheck.extract.scales`), then one unit -- percent, age,
   cents, currency, multiplier, lexicon unit, rarer unit
   (:mod:`~claimcheck.extract.rare_units`), or a counted noun phrase, share
   or group member (:mod:`~claimcheck.extract.nouns`) -- then a
   per-denominator;
6. :mod:`~claimcheck.extract.ranges` -- join ranges ("10-12%", "$10 to $15
   billion"); :mod:`~claimcheck.extract.transitions` -- mark "from A to B"
   levels of a change; :mod:`~claimcheck.extract.coordination` -- let bare
   numbers take a coordinated neighbour's unit;
7. :mod:`~claimcheck.extract.exclusions` again -- drop bare years, bare
   number words, numbers in names ("Boeing 737", "S&P 500") and scores;
   then freeze each candidate into a :class:`~claimcheck.model.Quantity`
   with its rounding interval (:mod:`~claimcheck.extract.intervals`).

Conventions: spans cover number, scale and unit, never the qualifier;
values are in base units (240.11e9 for "$240.11 bln"); bare numbers get
the unit ``dimensionless``, fractions and "one in five" are exact
``dimensionless`` shares with the whole in ``noun``; multipliers ("3
times", "sixfold") have the unit ``times``. Parentheses never make a
figure negative; a leading minus sign ("-1.3%", "minus 5", "$-50.8bn")
does.

This package imports neither pint nor quantulum3 (quantulum3's unit list is
read as data by :mod:`~claimcheck.extract.rare_units`).
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
from claimcheck.extract.numbers import scan_spans
from claimcheck.extract.prefixes import read_before
from claimcheck.extract.ranges import merge_ranges
from claimcheck.extract.records import quantity, span
from claimcheck.extract.suffixes import read_after
from claimcheck.extract.transitions import link_transitions
from claimcheck.model import Quantity

__all__ = ["ABOUT_WIDTH", "ALMOST_WIDTH", "find_quantities", "interval", "quantities_in"]


def _to_quantity(text: str, cand: Candidate) -> Quantity:
    precision = cand.precision
    if cand.is_range:
        low, high = cand.low, cand.high
        value = clean((low + high) / 2.0)
    else:
        value = low = high = cand.value
    qualifier = cand.qualifier
    if qualifier is None and precision == 0:
        bounds = (low, high)  # exact and unqualified: no rounding to add
    else:
        bounds = interval(low, high, precision, qualifier)
    # Positional arguments, in the field order of Quantity: this runs once per figure.
    return quantity(
        span(cand.start, cand.end),
        text[cand.start : cand.end],
        value,
        cand.unit or "dimensionless",
        bounds,
        precision,
        low,
        high,
        cand.noun,
        qualifier,
        cand.scale,
        cand.is_range,
        cand.transition,
    )


def _or_at(text: str, pos: int) -> bool:
    """``text[pos : pos + 2].lower() == "or"``, without the slice and ``lower`` where the
    first character rules it out (most numbers): ``str.lower`` maps each character on its
    own and only "o" and "O" to a string opening with "o" (the one mapping that
    lengthens, "İ" to "i̇", holds neither letter)."""
    if pos >= len(text) or ord(text[pos]) not in (79, 111):
        return False
    return text[pos : pos + 2].lower() == "or"


def _read_all(text: str) -> list[Candidate]:
    lex = lexicon()
    ctx = patterns()
    cands: list[Candidate] = []
    last_end = 0
    date_end = -10  # end of the last date or label (none yet)
    scanned = scan_spans(text)
    kinds, starts, ends = scanned.kinds, scanned.starts, scanned.ends
    for index, match in enumerate(scanned.matches):
        kind = kinds[index]
        end = ends[index]
        if kind == "block":
            date_end = end
            continue
        start = starts[index]
        if start < last_end:
            continue
        if kind in {"num", "dfrac"}:
            if start > 0 and text[start - 1] in "0123456789.":
                continue
            if is_label(text, start, end) or (
                0 <= start - date_end <= 2 and text[date_end:start].strip() in {"-", "–", ""}
            ):
                date_end = end
                continue
        cand = read_core(text, match, kind, start, end, lex=lex)
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
        # "5 or more": the pattern opens with a space and "or" (tested first: cheaper).
        post = (
            ctx.post_qualifier.match(text, cand.end)
            if cand.qualifier is None and _or_at(text, cand.end + 1)
            else None
        )
        if post:
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
