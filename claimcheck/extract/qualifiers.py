"""Hedge words before a number ("about", "more than", "up to", "~", ">").

The phrases and their :data:`~claimcheck.model.Qualifier` are listed in
``rules/units.toml``; the qualifier is recorded but never inside the span.
"""

from __future__ import annotations

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
    if text[cut + 1 : start - 1].lower() not in ctx.qualifier_last_words:
        return None
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


_QUALIFIERS: dict[str, Qualifier] = {
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
