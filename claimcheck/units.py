"""The pint unit registry for claimcheck quantities, built lazily and once.

pint's default definitions file takes most of a second to load, so this
module defines only what the lexicon (``rules/units.toml``) uses: SI base
units and prefixes, news units (tonnes, barrels, bcm, kWh, mph, ...), and

* one base dimension per currency (``[currency_USD]``, ...): money is never
  dimensionless and never converts between currencies;
* ``percent`` (= 0.01, dimensionless) and ``percentage_point`` (its own base
  dimension ``[percentage_point]``, with ``basis_point`` = 0.01 of it), so
  that a change "by 3 percentage points" never compares equal to "by 3%";
* rarer units read from quantulum3's unit names ("fathom", "decibel"),
  each defined on first use as its own base dimension (:func:`as_pint`);
* ``count`` (= 1) for counted things and ``times`` (= 1) for multipliers
  ("3 times", "sixfold"); ``share`` (= 1 count) as a denominator ("$3
  per share").

Import cost: pint itself is imported only when :func:`registry` is first
called, never by the extraction code (``claimcheck.extract``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from claimcheck.extract.lexicon import lexicon
from claimcheck.model import Quantity

if TYPE_CHECKING:
    import pint

__all__ = ["DEFINITIONS", "as_pint", "registry"]

DEFINITIONS = """
meter = [length] = m = metre
second = [time] = s = sec
ampere = [current] = A = amp
kelvin = [temperature] = K
gram = [mass] = g
bit = [information]
radian = [] = rad
percentage_point = [percentage_point] = pp
basis_point = 0.01 * percentage_point = bp
percent = 0.01 = pct
count = 1
times = 1
share = count
ppm = 1e-6
ppb = 1e-9
TEU = 1
degree = 0.017453292519943295 * radian = deg
milli- = 1e-3 = m-
micro- = 1e-6 = u- = µ-
nano- = 1e-9 = n-
centi- = 1e-2 = c-
deci- = 1e-1 = d-
kilo- = 1e3 = k-
mega- = 1e6 = M-
giga- = 1e9 = G-
tera- = 1e12 = T-
minute = 60 * second = min
hour = 60 * minute = h = hr
day = 24 * hour
week = 7 * day
year = 365.25 * day = yr
month = year / 12
decade = 10 * year
century = 100 * year
liter = decimeter ** 3 = l = L = litre
tonne = 1000 * kilogram = t = metric_ton
pound = 0.45359237 * kilogram = lb
short_ton = 2000 * pound
long_ton = 2240 * pound
ounce = pound / 16 = oz
troy_ounce = 31.1034768 * gram
carat = 0.2 * gram
inch = 0.0254 * meter = in
foot = 12 * inch = ft
yard = 3 * foot = yd
mile = 1760 * yard = mi
nautical_mile = 1852 * meter = nmi
hectare = 10000 * meter ** 2 = ha
acre = 4046.8564224 * meter ** 2
barrel = 158.987294928 * liter = bbl
gallon = 3.785411784 * liter = gal
joule = kilogram * meter ** 2 / second ** 2 = J
watt = joule / second = W
watt_hour = watt * hour = Wh
btu = 1055.05585262 * joule = Btu = BTU
MMBtu = 1e6 * btu
calorie = 4.184 * joule = cal
horsepower = 745.69987158227022 * watt = hp
bhp = horsepower
volt = watt / ampere = V
farad = ampere * second / volt = F
ampere_hour = ampere * hour = Ah
hertz = 1 / second = Hz
rpm = 1 / minute
mph = mile / hour
kph = kilometer / hour
knot = nautical_mile / hour
mpg = mile / gallon
newton = kilogram * meter / second ** 2 = N
newton_meter = newton * meter = Nm
pound_force = 4.4482216152605 * newton = lbf
pound_foot = pound_force * foot
foot_pound = foot * pound_force
pascal = newton / meter ** 2 = Pa
psi = pound_force / inch ** 2
ksi = 1000 * psi
bar = 1e5 * pascal
byte = 8 * bit = B
kilobyte = 1000 * byte = KB
bps = bit / second
degree_Celsius = kelvin; offset: 273.15 = degC
degree_Fahrenheit = 5 / 9 * kelvin; offset: 255.37222222222223 = degF
"""
"""The unit definitions (pint syntax) beyond the currencies."""


@functools.cache
def registry() -> pint.UnitRegistry[Any]:
    """The one pint registry: our definitions plus one dimension per currency."""
    import pint

    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=True)
    for line in DEFINITIONS.strip().splitlines():
        ureg.define(line)
    for code in sorted(lexicon().currency_names):
        ureg.define(f"{code} = [currency_{code}]")
    return ureg


def as_pint(quantity: Quantity) -> pint.Quantity[Any]:
    """A :class:`~claimcheck.model.Quantity`'s value in its unit, as a pint quantity.

    ``count`` and ``dimensionless`` become dimensionless quantities.
    """
    ureg = registry()
    unit = quantity.unit
    if unit in {"count", "dimensionless"}:
        return ureg.Quantity(quantity.value, "count")
    for part in unit.split("/"):
        _ensure_defined(ureg, part)
    return ureg.Quantity(quantity.value, unit)


def _ensure_defined(ureg: pint.UnitRegistry[Any], name: str) -> None:
    """Give a unit outside our definitions (a rarer unit named from quantulum3's
    data, :mod:`claimcheck.extract.rare_units`: "fathom", "decibel") its own
    base dimension, so it never silently converts to anything else."""
    if name in ureg or not name.isidentifier():
        return
    ureg.define(f"{name} = [{name}]")
