"""Hedge words before a number ("about", "more than", "up to", "~", ">").

The phrases and their :data:`~claimcheck.model.Qualifier` are listed in
``rules/units.toml``; the qualifier is recorded but never inside the span.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from claimcheck.extract.lexicon import Lexicon, Patterns, patterns
from claimcheck.model import Qualifier

__all__ = ["as_qualifier", "qualifier_before"]


def qualifier_before(
    text: str, start: int, lex: Lexicon, ctx: Patterns | None = None
) -> Qualifier | None:
    """The qualifier phrase ending right before ``start`` (spaces allowed).

    ``ctx`` is :func:`~claimcheck.extract.lexicon.patterns`, when the caller holds it:
    a call of the cached function costs more than the rest of most calls here."""
    if start == 0:
        return None
    last = text[start - 1]
    if last in "~<>≤≥":
        return "about" if last == "~" else as_qualifier(lex.qualifiers.get(last))
    if not last.isspace() or start < 2:
        return None
    if ctx is None:
        ctx = patterns()
    cut = text.rfind(" ", max(0, start - 25), start - 1)
    last_word = text[cut + 1 : start - 1].lower()
    if last_word not in ctx.qualifier_last_words:
        return None
    # Here ``text[cut + 1 : start - 1]`` is the last token of the split below (a last
    # word has no white space, a space is before it and white space after it).
    penults = _penultimates(lex.qualifiers).get(last_word)
    if penults is not None and _previous_token(text, cut, start).lower() not in penults:
        return None  # "amounted to", "surplus of": no phrase of two or more words there
    tokens = text[max(0, start - 40) : start].split()
    if not tokens:
        return None
    # Only the word counts of the phrases ending in the last word can match.
    for n in ctx.qualifier_lengths.get(tokens[-1].lower(), ()):
        if len(tokens) < n:
            continue
        phrase = " ".join(tokens[-n:]).lower()
        found = lex.qualifiers.get(phrase)
        if found is not None:
            return as_qualifier(found)
    return None


_PENULTIMATES: Final[list[tuple[Mapping[str, str], dict[str, frozenset[str] | None]]]] = []
"""See :func:`_penultimates` (computed once per qualifier table)."""


def _penultimates(qualifiers: Mapping[str, str]) -> dict[str, frozenset[str] | None]:
    """For each last word of the phrases of ``qualifiers``, the second-to-last words of
    the phrases of two or more words ending in it; ``None`` when a one-word phrase is
    that word (then any token before it may do).

    A phrase of two or more words matches the last tokens before a number only if its
    second-to-last word is the lower-cased token before the last one (``str.lower``
    maps each character on its own and never writes a space, so the lower-cased join
    of the tokens is the join of the lower-cased tokens)."""
    if _PENULTIMATES and _PENULTIMATES[0][0] is qualifiers:
        return _PENULTIMATES[0][1]
    before: dict[str, set[str]] = {}
    single: set[str] = set()
    for phrase in qualifiers:
        words = phrase.split(" ")
        if len(words) == 1:
            single.add(words[0])
        else:
            before.setdefault(words[-1], set()).add(words[-2])
    table: dict[str, frozenset[str] | None] = {
        last: None if last in single else frozenset(words) for last, words in before.items()
    }
    for last in single:
        table[last] = None
    _PENULTIMATES[:] = [(qualifiers, table)]
    return table


def _previous_token(text: str, cut: int, start: int) -> str:
    """The token before the last one of ``text[max(0, start - 40) : start].split()``,
    "" when there is none, where the last token starts after the space at ``cut`` (-1:
    the text's start): the white space before ``cut`` skipped, then the characters up
    to the white space or window start before them."""
    low = max(0, start - 40)
    end = cut
    while end > low and text[end - 1].isspace():
        end -= 1
    if end <= low:
        return ""
    begin = end - 1
    while begin > low and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


_QUALIFIERS: Final[dict[str, Qualifier]] = {
    "about": "about",
    "over": "over",
    "at_least": "at_least",
    "under": "under",
    "at_most": "at_most",
    "almost": "almost",
    "up_to": "up_to",
}


def as_qualifier(name: str | None) -> Qualifier | None:
    """The :data:`~claimcheck.model.Qualifier` literal named ``name``, if any."""
    return _QUALIFIERS.get(name) if name is not None else None
