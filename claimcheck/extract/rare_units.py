"""Rarer physical units, named from quantulum3's unit data ("roentgen", "fathom").

The lexicon (``rules/units.toml``) covers the units news writes every day.
For the long tail ("5 drams", "3 fathoms", "120 decibels", "2 bushels"),
this module reads the unit list that quantulum3 ships as data
(``quantulum3/units.json`` and ``quantulum3/_lang/en_US/units.json``) and
maps each unit's written names to quantulum3's unit name, which is also the
name NewsQuant-style gold uses. quantulum3 is *not* imported and its parser
never runs: the JSON files are located with :func:`importlib.util.find_spec`,
read once on first use and cached.

Only full written names are used, never symbols ("R", "b", "kn" are far
more often something else), and only for measured entities (length,
radiation exposure, ...): dimensionless counts ("dozen", "pair"),
currencies and typographical units are left to the other readers. A
single-word name that is a common English word in quantulum3's own
common-words list ("cup", "gross") or in :data:`_ORDINARY_WORDS`
("quarter", "league", "henry") is skipped as well, so "three cups of
flour" and "two quarters" stay counted nouns. Names are matched lower-cased,
singular or with a plural "-s"/"-es" on the last word, up to three words.

The unit of such a quantity is the quantulum3 name with spaces written as
underscores ("fluid_ounce"); :mod:`claimcheck.units` gives every such unit
its own dimension on demand.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

__all__ = ["rare_unit_at", "rare_units"]

_SKIPPED_ENTITIES = frozenset(
    {"dimensionless", "currency", "typographical element", "instance frequency", "unknown"}
)

_ORDINARY_WORDS = frozenset(
    """
    quarter drop league shake span gray henry quad peck barn kip darcy maxwell langley
    stokes rhe nibble poise stere twip gal quantum bit speed of light lustrum year month
    week day hour minute second decade century millennium ton tonne pound foot yard
    """.split()  # noqa: SIM905
)
"""Unit names that are, in news, far more often ordinary words ("three
quarters", "two leagues", "Henry") or are read by the lexicon already."""

_WORDS = re.compile(
    r"[ \u00a0]([A-Za-z][A-Za-z-]{2,24})(?:[ \u00a0]([A-Za-z][A-Za-z-]{1,24}))?"
    r"(?:[ \u00a0]([A-Za-z][A-Za-z-]{1,24}))?"
)


def _quantulum_dir() -> Path | None:
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _load(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


@functools.cache
def rare_units() -> dict[str, str]:
    """Lower-case written name (singular and plural) -> quantulum3 unit name."""
    root = _quantulum_dir()
    if root is None:
        return {}
    units: dict[str, dict[str, Any]] = {}
    for path in (root / "units.json", root / "_lang" / "en_US" / "units.json"):
        for name, entry in _load(path).items():
            units.setdefault(name, {}).update(entry)
    common_data = _load(root / "_lang" / "en_US" / "common-words.json")
    common = {w for words in common_data.values() for w in words} if common_data else set()
    table: dict[str, str] = {}
    for name, entry in units.items():
        if entry.get("entity", "unknown") in _SKIPPED_ENTITIES or name in _ORDINARY_WORDS:
            continue
        for surface in {name, *entry.get("surfaces", ())}:
            low = " ".join(surface.lower().split())
            if len(low) < 4 or (" " not in low and (low in common or low in _ORDINARY_WORDS)):
                continue
            for form in (low, low + "s", low + "es"):
                table.setdefault(form, name)
    return table


@functools.cache
def _prefixes() -> frozenset[str]:
    """The first three letters of every name in :func:`rare_units`."""
    return frozenset(name[:3] for name in rare_units())


@functools.cache
def _first_words() -> frozenset[str]:
    """The first words of the names in :func:`rare_units` (words joined by one space)."""
    return frozenset(name.split(" ")[0] for name in rare_units())


def _first_word(text: str, start: int) -> str:
    """What the first group of :data:`_WORDS` reads at ``start`` where it matches: the
    run of ASCII letters and hyphens there, 25 characters at most (the group is greedy
    and nothing after it is required). A name found by :func:`rare_unit_at` is the
    lower-cased words of the match joined by spaces, so its first word is this one,
    lower-cased."""
    end = start
    limit = min(len(text), start + 25)
    while end < limit:
        code = ord(text[end])
        if not (97 <= code <= 122 or 65 <= code <= 90 or code == 45):
            break
        end += 1
    return text[start:end]


def rare_unit_at(text: str, pos: int) -> tuple[str, int] | None:
    """The rare unit written right after ``pos``: ``(quantulum3 name, end)``.

    Tries three, two and one words (longest first).
    """
    if text[pos + 1 : pos + 4].lower() not in _prefixes():
        return None  # a cheap test first: most words after numbers are not units
    if _first_word(text, pos + 1).lower() not in _first_words():
        return None  # "two countries": no name opens with the word there
    m = _WORDS.match(text, pos)
    if m is None:
        return None
    table = rare_units()
    words = [w for w in m.groups() if w is not None]
    for n in range(len(words), 0, -1):
        name = table.get(" ".join(words[:n]).lower())
        if name is not None:
            return name, m.end(n)
    return None
