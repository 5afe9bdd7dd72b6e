"""The pint registry: every lexicon unit parses with the expected dimensionality."""

from __future__ import annotations

import pytest

from claimcheck.extract.lexicon import lexicon
from claimcheck.extract.quantities import find_quantities
from claimcheck.units import as_pint, registry

_ENTRIES = sorted(
    {(e.pint, e.dim) for e in [*lexicon().units.values(), *lexicon().cased_units.values()]}
)


@pytest.mark.parametrize(("name", "dim"), _ENTRIES, ids=[n for n, _ in _ENTRIES])
def test_every_lexicon_unit_parses_with_its_dimension(name: str, dim: str) -> None:
    ureg = registry()
    unit = ureg.parse_units(name)
    if dim == "[]":
        assert unit.dimensionless
    else:
        assert unit.dimensionality == ureg.get_dimensionality(dim)


@pytest.mark.parametrize("den", sorted(set(lexicon().denominators.values())))
def test_every_denominator_parses(den: str) -> None:
    assert registry().parse_units(f"USD/{den}") is not None


@pytest.mark.parametrize("code", sorted(lexicon().currency_names))
def test_currencies_are_their_own_dimensions(code: str) -> None:
    ureg = registry()
    unit = ureg.parse_units(code)
    assert not unit.dimensionless
    assert unit.dimensionality == ureg.get_dimensionality(f"[currency_{code}]")


def test_currencies_do_not_convert() -> None:
    import pint

    ureg = registry()
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, "USD").to("EUR")


def test_percent_and_percentage_point_are_distinct() -> None:
    ureg = registry()
    assert ureg.Quantity(5, "percent").to("dimensionless").magnitude == pytest.approx(0.05)
    assert not ureg.parse_units("percentage_point").dimensionless
    assert ureg.Quantity(25, "basis_point").to("percentage_point").magnitude == pytest.approx(0.25)


def test_tonne_and_short_ton_differ() -> None:
    ureg = registry()
    assert ureg.Quantity(1, "t").to("kg").magnitude == pytest.approx(1000)
    assert ureg.Quantity(1, "short_ton").to("kg").magnitude == pytest.approx(907.18474)


def test_bcm_is_cubic_metres() -> None:
    q = find_quantities("Deliveries reached 22 bcm.")[0]
    assert as_pint(q).to("m**3").magnitude == pytest.approx(22e9)


def test_extracted_units_convert() -> None:
    text = "It carried 325,000 barrels per day and 12 kg at $82 a barrel over 40 km, 26.3%."
    for q in find_quantities(text):
        as_pint(q)  # every emitted unit is a valid pint expression


def test_registry_is_small_and_cached() -> None:
    # pint's full default registry costs ~0.8 s to build; ours defines only what news needs
    # (start-up time itself is measured by benchmarks/bench_extract.py, not here).
    import pint

    assert len(registry()._units) < len(pint.UnitRegistry()._units) // 4
    assert registry() is registry()
