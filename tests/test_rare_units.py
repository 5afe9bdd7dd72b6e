"""Rarer physical units named from quantulum3's unit data (never its parser)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimcheck.extract.quantities import find_quantities
from claimcheck.extract.rare_units import rare_unit_at, rare_units
from claimcheck.units import as_pint


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The wreck lies at 30 fathoms.", "fathom"),
        ("Engines reached 120 decibels at take-off.", "decibel"),
        ("Farmers sold 12 bushels of wheat.", "bushel"),
        ("Staff got 0.5 roentgens per day.", "roentgen/day"),
    ],
)
def test_rare_units_are_named(text: str, unit: str) -> None:
    (q,) = find_quantities(text)
    assert q.unit == unit


@pytest.mark.parametrize(
    "text",
    ["Profits rose for three quarters.", "They won two leagues.", "Add 5 cups of flour."],
)
def test_ordinary_words_stay_counted_nouns(text: str) -> None:
    assert all(q.unit in {"count", "dimensionless"} for q in find_quantities(text))


def test_lookup_prefers_the_longest_name() -> None:
    assert rare_unit_at(" cubic yards of sand", 0) == ("cubic yard", len(" cubic yards"))
    assert rare_unit_at(" apples", 0) is None


def test_table_has_no_symbols_or_common_words() -> None:
    table = rare_units()
    assert "fathoms" in table
    assert all(len(surface) >= 4 for surface in table)
    assert "cup" not in table and "quarter" not in table


def test_rare_units_get_their_own_dimension() -> None:
    (q,) = find_quantities("The wreck lies at 30 fathoms.")
    value = as_pint(q)
    assert value.magnitude == 30.0
    assert value.dimensionality != as_pint(find_quantities("It is 30 m long.")[0]).dimensionality


def test_quantulum_is_not_imported() -> None:
    code = (
        "import sys; from claimcheck.extract.quantities import find_quantities;"
        "find_quantities('The wreck lies at 30 fathoms.');"
        "assert 'quantulum3' not in sys.modules, 'quantulum3 imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
