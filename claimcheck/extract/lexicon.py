"""The unit, currency, scale and qualifier lexicon, loaded from ``rules/units.toml``.

The data lives in TOML so that it can be reviewed and extended without
touching code; this module turns it into lookup tables and compiled,
bounded regular expressions for :mod:`claimcheck.extract.quantities`.
It imports neither pint nor quantulum3: it is on the extraction hot path.

Lookups are case-insensitive unless a surface is listed as ``cased`` (short
symbols such as "t", "m", "W" whose meaning depends on case) or is a
currency prefix (``"RM"``, ``"Rs"``, ``"USD"`` are matched as written).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Lexicon", "UnitEntry", "alternation", "lexicon", "rules_path"]


def rules_path(name: str) -> Path:
    """Return the path of rule file ``name``, in the wheel or in the source tree."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_rules" / name, here.parent / "rules" / name):
        if candidate.is_file():
            return candidate
    msg = f"rule file {name!r} not found next to the claimcheck package"
    raise FileNotFoundError(msg)


@attrs.frozen(slots=True)
class UnitEntry:
    """A physical unit: its pint name, multiplier to that unit and long name."""

    pint: str
    factor: float
    name: str
    dim: str


def alternation(surfaces: Iterable[str]) -> str:
    """A regex alternation of ``surfaces``, longest first, each escaped."""
    unique = sorted(set(surfaces), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) for s in unique)


@attrs.frozen(slots=True)
class Lexicon:
    """Lookup tables built from ``rules/units.toml``.

    ``currency_prefix``/``currency_suffix`` map a surface to an ISO 4217
    code; ``units`` maps a lower-case surface to a :class:`UnitEntry`
    (``cased_units`` the case-sensitive ones); ``percent`` maps a lower-case
    surface to ``percent``, ``percentage_point`` or ``basis_point``;
    ``qualifiers`` maps a lower-case phrase to a ``Qualifier`` literal.
    """

    scales: Mapping[str, float]
    number_words: Mapping[str, int]
    multipliers: Mapping[str, float]
    fractions: Mapping[str, int]
    currency_prefix: Mapping[str, str]
    currency_suffix: Mapping[str, str]
    currency_names: Mapping[str, str]
    cent_names: Mapping[str, str]
    percent: Mapping[str, str]
    units: Mapping[str, UnitEntry]
    cased_units: Mapping[str, UnitEntry]
    unit_names: Mapping[str, str]
    denominators: Mapping[str, str]
    qualifiers: Mapping[str, str]

    def unit(self, surface: str) -> UnitEntry | None:
        """The unit a surface names, trying the exact case first."""
        return self.cased_units.get(surface) or self.units.get(surface.lower())


def _build(data: Mapping[str, Any]) -> Lexicon:
    currency_prefix: dict[str, str] = {}
    currency_suffix: dict[str, str] = {}
    currency_names: dict[str, str] = {}
    cent_names: dict[str, str] = {}
    for code, entry in data["currencies"].items():
        currency_names[code] = entry["name"]
        if "cent" in entry:
            cent_names[code] = entry["cent"]
        for surface in entry.get("prefixes", ()):
            currency_prefix.setdefault(surface, code)
        for surface in entry.get("suffixes", ()):
            key = surface if surface.isupper() else surface.lower()
            currency_suffix.setdefault(key, code)
    percent: dict[str, str] = {}
    for unit, surfaces in data["percent"].items():
        for surface in surfaces:
            percent.setdefault(surface.lower(), unit)
    units: dict[str, UnitEntry] = {}
    cased: dict[str, UnitEntry] = {}
    unit_names: dict[str, str] = {}
    for key, entry in data["units"].items():
        unit = UnitEntry(
            pint=entry.get("pint", key),
            factor=float(entry.get("factor", 1.0)),
            name=entry["name"],
            dim=entry["dim"],
        )
        unit_names.setdefault(unit.pint, unit.name)
        for surface in entry.get("surfaces", ()):
            units.setdefault(surface.lower(), unit)
        for surface in entry.get("cased", ()):
            cased.setdefault(surface, unit)
    qualifiers: dict[str, str] = {}
    for qualifier, phrases in data["qualifiers"].items():
        for phrase in phrases:
            qualifiers.setdefault(phrase.lower(), qualifier)
    return Lexicon(
        scales={k.lower(): float(v) for k, v in data["scales"].items()},
        number_words={k: int(v) for k, v in data["number_words"].items()},
        multipliers={k: float(v) for k, v in data["number_words_multipliers"].items()},
        fractions={k: int(v) for k, v in data["fractions"].items()},
        currency_prefix=currency_prefix,
        currency_suffix=currency_suffix,
        currency_names=currency_names,
        cent_names=cent_names,
        percent=percent,
        units=units,
        cased_units=cased,
        unit_names=unit_names,
        denominators={k.lower(): v for k, v in data["denominators"].items()},
        qualifiers=qualifiers,
    )


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon of ``rules/units.toml``, parsed once per process."""
    with rules_path("units.toml").open("rb") as handle:
        return _build(tomllib.load(handle))
