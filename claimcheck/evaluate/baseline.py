"""quantulum3 as a baseline extractor, scored side by side with ours.

:func:`quantulum_claims` turns quantulum3's quantities into
:class:`~claimcheck.model.Claim` records so that the fixture evaluation can
score it with exactly the same matching as claimcheck. Only what quantulum3
itself knows is filled in: value, span and unit. Its unit names are mapped to
claimcheck's unit codes where the two vocabularies name the same unit
(``dollar`` -> ``USD``, ``percentage`` -> ``percent``, ``tonne`` -> ``t``);
anything else keeps quantulum3's name and so cannot match a gold unit.
Metric, period, flow and kind stay empty, as quantulum3 has no notion of
them.
"""

from __future__ import annotations

import warnings
from typing import Any

from claimcheck.model import Claim, Document, Quantity, Span, Unresolved

__all__ = ["QUANTULUM_UNITS", "quantulum_claims"]

QUANTULUM_UNITS: dict[str, str] = {
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "japanese yen": "JPY",
    "russian ruble": "RUB",
    "ruble": "RUB",
    "indian rupee": "INR",
    "percentage": "percent",
    "percentage point": "percentage_point",
    "tonne": "t",
    "metric ton": "t",
    "kilogram": "kg",
    "cubic metre": "m**3",
    "barrel": "barrel",
    "barrel per day": "barrel/day",
    "kilometre": "km",
    "dimensionless": "count",
}
"""quantulum3 unit name -> claimcheck unit, for units both name alike."""

_UNRESOLVED = (Unresolved("metric", "quantulum3 does not read metrics"),)


def _parse(text: str) -> list[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns about its optional classifier
        from quantulum3 import parser  # slow import: only when asked for

        return list(parser.parse(text))


def quantulum_claims(document: Document) -> tuple[Claim, ...]:
    """quantulum3's quantities in ``document`` as bare level claims."""
    claims: list[Claim] = []
    for found in _parse(document.text):
        start, end = int(found.span[0]), int(found.span[1])
        value = float(found.value)
        spread = float(found.uncertainty or 0.0)
        unit = QUANTULUM_UNITS.get(str(found.unit.name), str(found.unit.name))
        quantity = Quantity(
            span=Span(start, end),
            text=document.text[start:end],
            value=value,
            unit=unit,
            interval=(value - spread, value + spread),
            precision=spread,
            low=value - spread,
            high=value + spread,
        )
        claims.append(
            Claim(
                id=f"{document.id}#{len(claims) + 1}",
                document_id=document.id,
                quantity=quantity,
                sentence=Span(start, end),
                kind="level",
                metric=None,
                value=value,
                interval=quantity.interval,
                unresolved=_UNRESOLVED,
            )
        )
    return tuple(claims)
