"""Mutation harness: break one figure of a consistent relation and see whether it is caught.

Starting from the gold claims of all fixtures, every claim that takes part in a
relation the engine verifies (a sum, a balance, a growth rate, a period sum,
a target...) is mutated in one of five ways:

* ``digit``: two adjacent digits of the printed figure are transposed (129.14 ->
  192.14, 26.3% -> 62.3%, 4.6 -> 6.4), the first two different ones;
* ``scale``: the figure is printed a thousand times too large ("bln" for "mln");
* ``sign``: a change or a signed balance changes sign (a rise reported as a fall);
* ``flow``: a directed flow is reported in the opposite direction;
* ``period``: the figure is attributed to the year before.

A mutant is caught when an *error* finding cites the mutated claim. The harness
reports the share caught per kind of mutation; the floors below are what the
engine meets today (the issue's goal of 95% overall is not reached: see FLOORS).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from collections.abc import Iterator

import attrs
from engine_support import fixture_paths, gold_fixture

from claimcheck.engine import check
from claimcheck.model import Claim, Document, Flow, Period

OVERALL_FLOOR = 0.79
"""Share of all mutants caught as errors (measured 79.9%: 222/278; 95.4% without period
shifts). The issue's goal of 95% overall is not met: most period shifts cannot be caught."""
FLOORS = {"digit": 0.9, "scale": 0.95, "sign": 0.95, "flow": 0.9, "period": 0.4}
"""Per-kind floors. Measured: digit 67/72, scale 68/70, sign 21/21, flow 32/34, period 34/81.
Misses:

* period: a figure moved to the previous year leaves the relations of its year; it is caught
  (CC402) only when the article implies a figure for the year it moves to (a growth rate, or
  an identity over that year's other figures) or a containing period. Otherwise the mutated
  article is consistent: the year has no other figure to contradict (a total, an export
  figure or a growth rate alone for the previous year; a deadline moved a year); a growth
  rate of 2% leaves a shifted level within revision tolerance (a warning);
* digit: transposed leading digits that make a figure 3-5 times larger are taken for a
  figure of another scope (a commodity within a total; the pack's different_figure_ratio),
  and a month figure moved within revision tolerance of a year-to-date sum is a warning;
* flow: gas exports reported in the opposite direction have no figure of that direction to
  contradict.
"""

Inputs = list[tuple[Document, tuple[Claim, ...]]]


def _shift(day: _dt.date | None) -> _dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _scaled(claim: Claim, factor: float, offset: float = 0.0) -> Claim:
    def move(x: float) -> float:
        return x * factor + offset if math.isfinite(x) else x

    lo, hi = claim.interval
    q = claim.quantity
    quantity = attrs.evolve(
        q,
        value=abs(move(claim.value)),
        low=abs(move(claim.value)),
        high=abs(move(claim.value)),
        interval=tuple(sorted((abs(move(q.interval[0])), abs(move(q.interval[1]))))),  # type: ignore[arg-type]
    )
    new = tuple(sorted((move(lo), move(hi))))
    return attrs.evolve(claim, quantity=quantity, value=move(claim.value), interval=new)  # type: ignore[arg-type]


def _transpose(value: float) -> float | None:
    """Swap the first two different adjacent significant digits (129.14 -> 192.14)."""
    if value <= 0 or not math.isfinite(value):
        return None
    exponent = math.floor(math.log10(value))
    digits = list(f"{value / 10**exponent:.6f}".replace(".", "").rstrip("0"))
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1] and not (i == 0 and digits[1] == "0"):
            digits[i], digits[i + 1] = digits[i + 1], digits[i]
            mantissa = float(digits[0] + "." + "".join(digits[1:]))
            return mantissa * 10**exponent
    return None


def mutate(claim: Claim, kind: str) -> Claim | None:
    """The claim with one mutation of ``kind``, or None when it does not apply."""
    if kind == "digit":
        transposed = _transpose(abs(claim.value))
        if transposed is None:
            return None
        factor = transposed / abs(claim.value)
        return _scaled(claim, factor)
    if kind == "scale":
        return None if claim.unit in ("percent", "percentage_point") else _scaled(claim, 1000.0)
    if kind == "sign":
        signed = claim.kind == "change" or (
            claim.metric == "trade_balance" and claim.flow is not None
        )
        return _scaled(claim, -1.0) if signed and claim.value != 0 else None
    if kind == "flow":
        if claim.flow is None or claim.metric not in ("exports", "imports"):
            return None
        return attrs.evolve(claim, flow=Flow(claim.flow.dest, claim.flow.source))
    if kind == "period":
        period = claim.period
        if period is None or period.end is None:
            return None
        shifted = Period(_shift(period.start), _shift(period.end), period.text, kind=period.kind)
        return attrs.evolve(claim, period=shifted)
    raise ValueError(kind)


def mutants(inputs: Inputs) -> Iterator[tuple[str, str, Inputs]]:
    """``(kind, claim id, mutated inputs)`` for every verified relation's claims."""
    baseline = check(inputs)
    related = sorted({c.id for v in baseline.verified for c in v.claims})
    by_id = {c.id: (i, j) for i, (_, cs) in enumerate(inputs) for j, c in enumerate(cs)}
    for claim_id in related:
        i, j = by_id[claim_id]
        document, claims = inputs[i]
        for kind in FLOORS:
            mutated = mutate(claims[j], kind)
            if mutated is None:
                continue
            changed = list(inputs)
            changed[i] = (document, (*claims[:j], mutated, *claims[j + 1 :]))
            yield kind, claim_id, changed


def test_mutants_are_caught() -> None:
    inputs: Inputs = [gold_fixture(p) for p in fixture_paths()]
    total: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    for kind, claim_id, changed in mutants(inputs):
        report = check(changed)
        total[kind] += 1
        if any(
            f.severity == "error" and claim_id in {c.id for c in f.claims} for f in report.findings
        ):
            caught[kind] += 1
    share = {k: caught[k] / total[k] for k in total}
    overall = sum(caught.values()) / sum(total.values())
    print("mutants caught as errors:", {k: f"{caught[k]}/{total[k]}" for k in total})
    rest = [k for k in total if k != "period"]
    without = sum(caught[k] for k in rest) / sum(total[k] for k in rest)
    print(f"overall {overall:.2%}, without period shifts {without:.2%}")
    assert overall >= OVERALL_FLOOR
    for kind, floor in FLOORS.items():
        assert share.get(kind, 0.0) >= floor, (kind, share)
