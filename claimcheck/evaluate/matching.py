"""Matching extracted quantities against name-based gold (NewsQuant).

NewsQuant normalises units to English names ("percentage", "dollar",
"japanese yen", "mile per hour", "year of age", lemmatised counted nouns
such as "customer", and "-" for no unit). Our quantities use ISO 4217
codes, pint names and ``count`` + noun; :func:`unit_name` maps them:

* ISO code -> the currency's ``name`` in ``rules/units.toml`` ("USD" ->
  "dollar", "JPY" -> "japanese yen"); a figure in cents (scale 0.01, e.g.
  "19 cents") -> the currency's ``cent`` name ("cent", "sen"; "cent per
  share" with a denominator), and its value is compared as printed (19, not
  0.19), as the gold writes it;
* ``percent`` -> "percentage", ``percentage_point`` -> "percentage point",
  ``basis_point`` -> "basis point";
* a pint unit -> its ``name`` in the lexicon ("km" -> "kilometre");
  a compound "A/B" -> "<name A> per <name B>" ("USD/barrel" -> "dollar per
  barrel");
* ``count`` with a noun -> the noun singularised word by word ("customers"
  -> "customer", "points per game" -> "point per game"); a time unit with
  noun "age" -> "<unit> of age" ("year of age", "month of age");
* ``dimensionless`` -> "-", except an exact share below 1 ("a third of the
  population", "one in five Germans"), which NewsQuant names "% <whole>"
  ("% population", or "% -" when the whole is not named);
* ``times`` (a multiplier: "3 times", "sixfold") -> "count";
* GBP in pence written with a bare "p" ("164p", UK share prices) ->
  "point", as NewsQuant annotates them;
* ``t`` -> "metric ton" when written "tonne(s)", "ton" when written
  "ton(s)" (NewsQuant names the surface).

:func:`predictions` turns a sentence's quantities into predictions: a
"from A to B" pair (:attr:`~claimcheck.model.Quantity.transition`) becomes
one range prediction, as NewsQuant annotates it.

Matching is one-to-one and greedy per sentence, in prediction order: a
prediction takes the first unmatched gold quantity with an equal value
(ranges: both bounds equal); for value+unit the normalised units must be
equal too. Unit names are compared after :func:`normalise_unit`, applied to
gold and predictions alike: lower-cased, spelling aliases resolved
("tonne" = "metric ton", "foot pound-force" = "pound-foot",
"parts-per-million" = "part per million", "touchdown" = "touch down"),
function words dropped ("of", "the", "and", ...), every word singularised
and superlatives reduced to their positive ("best" -> "good"), because
NewsQuant's normalised nouns are lemmatised content words ("categories of
products" -> "category product", "Kia and Hyundai vehicles" -> "Kia
Hyundai vehicle").
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

import attrs

from claimcheck.extract.lexicon import lexicon
from claimcheck.model import Quantity

__all__ = [
    "Counts",
    "Prediction",
    "from_quantity",
    "match_sentence",
    "normalise_unit",
    "parse_gold_value",
    "predictions",
    "singular",
    "unit_name",
]

Value = tuple[float, float]
"""A value as (low, high); low == high for a single number."""


@attrs.frozen(slots=True)
class Prediction:
    """A system's quantity reduced to what the gold records."""

    value: Value
    unit: str


@attrs.define
class Counts:
    """True positives and totals for one system."""

    predicted: int = 0
    gold: int = 0
    value_tp: int = 0
    unit_tp: int = 0

    def scores(self) -> dict[str, dict[str, float]]:
        """Precision, recall and F1 (in percent) for value and value+unit."""
        return {
            "value": _prf(self.value_tp, self.predicted, self.gold),
            "value+unit": _prf(self.unit_tp, self.predicted, self.gold),
        }


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = 100.0 * tp / predicted if predicted else 0.0
    r = 100.0 * tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 1), "R": round(r, 1), "F1": round(f, 1)}


_SPECIAL = {
    "percent": "percentage",
    "percentage_point": "percentage point",
    "basis_point": "basis point",
    "times": "count",
    "dimensionless": "-",
}


@functools.cache
def _inflect() -> object:
    import inflect

    return inflect.engine()


_KEEP = frozenset({"people", "staff", "personnel", "police", "news", "series", "species"})
"""Nouns kept as written: NewsQuant lemmatises "people" to "people"."""


@functools.cache
def singular(word: str) -> str:
    """The singular of an English noun ("customers" -> "customer")."""
    if word.lower() in _KEEP:
        return word
    engine = _inflect()
    result = engine.singular_noun(word)  # type: ignore[attr-defined]
    return result if isinstance(result, str) and result else word


def _simple_unit(unit: str) -> str:
    lex = lexicon()
    if unit in _SPECIAL:
        return _SPECIAL[unit]
    if unit in lex.currency_names:
        return lex.currency_names[unit]
    return lex.unit_names.get(unit, unit.replace("_", " "))


def _tonne_or_ton(quantity: Quantity) -> str:
    """NewsQuant names "tonnes" "metric ton" and "tons" "ton", after the surface."""
    return "metric ton" if "tonne" in quantity.text.lower() else "ton"


def unit_name(quantity: Quantity) -> str:
    """The NewsQuant-style normalised unit name of one of our quantities."""
    unit = quantity.unit
    lex = lexicon()
    if unit == "dimensionless" and quantity.precision == 0 and 0 < quantity.value < 1:
        return f"% {quantity.noun or '-'}"  # a share: "a third of the population"
    if unit == "count":
        if quantity.noun is None:
            return "-"
        words = quantity.noun.split()
        heads = {len(words) - 1} | {i - 1 for i, w in enumerate(words) if w == "per"}
        return " ".join(singular(w) if i in heads else w for i, w in enumerate(words))
    if unit == "t":
        return _tonne_or_ton(quantity)
    if quantity.noun == "age":
        return f"{_simple_unit(unit)} of age"  # "year of age", "month of age"
    num, _, den = unit.partition("/")
    if num in lex.cent_names and math.isclose(quantity.scale, 0.01):
        if num == "GBP" and quantity.text.rstrip().endswith("p"):
            return "point"  # "164p": NewsQuant's name for pence quoted with "p"
        cent = lex.cent_names[num]
        return f"{cent} per {_simple_unit(den)}" if den else cent
    if den and unit not in lex.unit_names:
        return f"{_simple_unit(num)} per {_simple_unit(den)}"
    return _simple_unit(unit)


def from_quantity(quantity: Quantity) -> Prediction:
    """Reduce one of our quantities to a :class:`Prediction`."""
    low, high = quantity.low, quantity.high
    in_cents = quantity.unit.partition("/")[0] in lexicon().cent_names
    if in_cents and math.isclose(quantity.scale, 0.01):
        low, high = low * 100.0, high * 100.0
    return Prediction(value=(low, high), unit=unit_name(quantity))


def predictions(quantities: Sequence[Quantity]) -> list[Prediction]:
    """Our quantities of one sentence as NewsQuant-style predictions.

    NewsQuant annotates a change stated as "from A to B" as one quantity
    with the value "A-B"; we extract the two levels, marked by
    :attr:`~claimcheck.model.Quantity.transition`. A "from" level directly
    followed by its "to" level is therefore joined into one prediction
    ``(A, B)`` with the unit of the "to" level. The reverse order ("rose to
    $7.36 billion from $6.78 billion") is annotated both ways in NewsQuant
    and stays two predictions. Everything else maps one to one
    (:func:`from_quantity`).
    """
    out: list[Prediction] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        pair = (
            nxt is not None
            and q.transition == "from"
            and nxt.transition == "to"
            and not q.is_range
            and not nxt.is_range
        )
        if pair and nxt is not None:
            a, b = from_quantity(q), from_quantity(nxt)
            out.append(Prediction(value=(a.value[0], b.value[0]), unit=b.unit))
            i += 2
            continue
        out.append(from_quantity(q))
        i += 1
    return out


_RANGE = re.compile(r"\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*-\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*")


def parse_gold_value(value: str | float) -> Value | None:
    """A gold value: "240.11" -> (240.11, 240.11); "10-12" -> (10, 12)."""
    if isinstance(value, int | float):
        return float(value), float(value)
    text = str(value).strip().replace(",", "")
    try:
        number = float(text)
    except ValueError:
        match = _RANGE.fullmatch(text)
        if match is None:
            return None
        return float(match.group(1)), float(match.group(2))
    return number, number


def _equal(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_value(a: Value, b: Value) -> bool:
    return _equal(a[0], b[0]) and _equal(a[1], b[1])


_ALIASES = {
    "per cent": "percentage",
    "percent": "percentage",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degree angle": "degree",
    "foot pound-force": "pound-foot",
    "tonne": "metric ton",
    "parts-per-million": "part per million",
    "touchdown": "touch down",
    "parts-per-billion": "part per billion",
}
"""Spellings of one unit name that differ between systems (quantulum3 says
"per cent" for "per cent" and "percentage" for "%"; NewsQuant names the
torque unit "lb-ft" both "pound-foot" and "foot pound-force"): compared as
equal."""

FUNCTION_WORDS = frozenset(
    """
    a an the of and or to in on at for by with from into ever its their his her our my
    your this that these those which who most more
    """.split()  # noqa: SIM905
)
"""Words dropped when comparing unit names: NewsQuant's normalised nouns are
lemmatised content words ("categories of products" -> "category product",
"Kia and Hyundai vehicles" -> "Kia Hyundai vehicle")."""


@functools.cache
def normalise_unit(unit: str) -> str:
    """A unit name reduced for comparison (the documented matching rule).

    Lower-cased; aliases resolved (:data:`_ALIASES`); function words
    (:data:`FUNCTION_WORDS`) dropped and every remaining word singularised,
    so "categories of products" and "category product" compare equal, as do
    "Kia and Hyundai vehicles" and "Kia Hyundai vehicle"; superlatives are
    reduced to their positive ("best" -> "good", "realest" -> "real"), as
    NewsQuant lemmatises them. Applied to gold and predictions alike.
    """
    name = " ".join(unit.lower().split())
    name = _ALIASES.get(name, name)
    words = [_positive(singular(w)) for w in name.split() if w not in FUNCTION_WORDS]
    return " ".join(words) if words else name


_IRREGULAR_SUPERLATIVES = {"best": "good", "worst": "bad", "most": "many", "least": "little"}


def _positive(word: str) -> str:
    """The positive of a superlative adjective: "best" -> "good", "realest" -> "real",
    "hottest" -> "hot", "earliest" -> "early" (NewsQuant lemmatises adjectives)."""
    if word in _IRREGULAR_SUPERLATIVES:
        return _IRREGULAR_SUPERLATIVES[word]
    if len(word) < 6 or not word.endswith("est"):
        return word
    stem = word[:-3]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    return stem


def match_sentence(
    predictions: Sequence[Prediction], gold: Sequence[Prediction]
) -> tuple[int, int, list[int], list[int]]:
    """Greedy one-to-one matching in one sentence.

    Returns ``(value_tp, unit_tp, unmatched prediction indexes, unmatched
    gold indexes)``, the unmatched lists being those of the value matching.
    """
    value_used: set[int] = set()
    unit_used: set[int] = set()
    value_tp = unit_tp = 0
    unmatched_pred: list[int] = []
    for i, pred in enumerate(predictions):
        hit = next(
            (
                j
                for j, g in enumerate(gold)
                if j not in value_used and _same_value(pred.value, g.value)
            ),
            None,
        )
        if hit is None:
            unmatched_pred.append(i)
        else:
            value_used.add(hit)
            value_tp += 1
        hit = next(
            (
                j
                for j, g in enumerate(gold)
                if j not in unit_used
                and _same_value(pred.value, g.value)
                and normalise_unit(pred.unit) == normalise_unit(g.unit)
            ),
            None,
        )
        if hit is not None:
            unit_used.add(hit)
            unit_tp += 1
    unmatched_gold = [j for j in range(len(gold)) if j not in value_used]
    return value_tp, unit_tp, unmatched_pred, unmatched_gold
