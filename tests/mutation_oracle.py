"""Which figures the rest of a text determines: the mutation harness's checkability test.

A mutant changes one claim. It can be caught from the text only if the
*other* claims (of every document) pin down the figure the mutated claim now
states: the same figure stated elsewhere, or one computed from others through
the relations of the rule packs. This module decides that mechanically,
independently of the rules (it only reuses the engine's normalisation of a
claim into a key, :class:`~claimcheck.engine.index.ClaimIndex`):

* a **variable** is one figure: ``(kind, key, period)`` — kind ``level``
  (milestones included), ``change``, ``target``, ``share``...; key = measure,
  parties, direction and unit as the engine files it; period = the resolved
  dates (a deadline for targets);
* the variables the other claims state are **known** (figures stated only as
  bounds, "more than $63 bln", are not); the **relations** then
  make more known, until nothing changes: whenever every variable of a
  relation but one is known, so is the last one. The relations are
  - the trade identities of one pair, unit and period: turnover = flow one way
    + flow the other way; balance = flow one way − flow the other way (any
    two of the four figures give the other two);
  - growth: a level, the level of the period its change compares with, and the
    change (any two give the third); a change whose sentence gives a level of
    its figure and period applies to that level's unit only;
  - period sums of cumulative measures: two adjacent periods and the period
    they make up (any two give the third), over the periods that occur for
    that figure.

A mutant is **determined** when the mutated claim's variable is known from the
other claims. Relations that only bound a figure (a part within its whole, a
sub-period within its period, a verbal multiplier's band, a direction) do not
determine it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

from claimcheck.checks._common import adjacent, prior_period
from claimcheck.engine.config import EngineConfig, load_config
from claimcheck.engine.index import BALANCE, FLOW, TURNOVER, ClaimIndex, Item, Key
from claimcheck.model import Claim

Span = tuple[_dt.date, _dt.date]
Variable = tuple[str, Key, tuple[str, ...]]
"""``(kind, key, period key)``."""

_CONFIG: EngineConfig | None = None


def _config() -> EngineConfig:
    global _CONFIG  # noqa: PLW0603 (the default packs, loaded once)
    if _CONFIG is None:
        _CONFIG = load_config()
    return _CONFIG


def _span(item: Item) -> Span | None:
    if item.start is None or item.end is None or item.period is None or item.period[0] == "by":
        return None
    return item.start, item.end


def _pkey(span: Span) -> tuple[str, ...]:
    return (span[0].isoformat(), span[1].isoformat())


def variable(item: Item, sentence_items: Sequence[Item] = ()) -> Variable | None:
    """The figure an item states, or ``None`` when its period is unknown.

    A change is the change of the figure its sentence gives a level of ("31.2 bcm, up
    37%": gas in m³, not trade in dollars): the measure of its key then carries that
    level's unit (``"flow@m**3"``), so that it is not taken for a change of the same
    flow in another unit.
    """
    if item.period is None or item.period[0] == "?":
        return None
    key = item.key
    if item.kind == "change":
        units = sorted(
            {
                i.key.unit
                for i in sentence_items
                if i.kind == "level"
                and (i.key.measure, i.key.scope, i.key.flow) == (key.measure, key.scope, key.flow)
            }
        )
        if units:
            key = Key(f"{key.measure}@{units[0]}", key.scope, key.flow, key.unit)
    return (item.kind, key, item.period)


def _level(key: Key, span: Span) -> Variable:
    return ("level", key, _pkey(span))


def _identity_relations(keys: Iterable[Key], spans: Iterable[Span]) -> list[frozenset[Variable]]:
    """``{T, O, I}``, ``{B, O, I}``, ``{T, B, O}``, ``{T, B, I}`` for every pair, unit, period."""
    out: list[frozenset[Variable]] = []
    pairs = {(k.scope, k.unit) for k in keys if len(k.scope) == 2}
    span_list = sorted(set(spans))
    for (scope, unit), span in ((p, s) for p in sorted(pairs) for s in span_list):
        a, b = scope
        t = _level(Key(TURNOVER, scope, None, unit), span)
        o = _level(Key(FLOW, scope, (a, b), unit), span)
        i = _level(Key(FLOW, scope, (b, a), unit), span)
        bal = _level(Key(BALANCE, scope, (a, b), unit), span)
        out += [frozenset(r) for r in ((t, o, i), (bal, o, i), (t, bal, o), (t, bal, i))]
    return out


def _sentence(item: Item) -> tuple[str, int, int]:
    return (item.document, item.claim.sentence.start, item.claim.sentence.end)


def _by_sentence(items: Sequence[Item]) -> dict[tuple[str, int, int], list[Item]]:
    out: dict[tuple[str, int, int], list[Item]] = {}
    for item in items:
        out.setdefault(_sentence(item), []).append(item)
    return out


def _growth_relations(items: Sequence[Item]) -> list[frozenset[Variable]]:
    """``{level, earlier level, change}`` for every change and every unit of its figure."""
    sentences = _by_sentence(items)
    units: dict[tuple[str, tuple[str, ...], tuple[str, str] | None], set[str]] = {}
    for item in items:
        if item.kind == "level" and item.key.unit not in ("percent", "percentage_point"):
            units.setdefault((item.key.measure, item.key.scope, item.key.flow), set()).add(
                item.key.unit
            )
    out = []
    for item in items:
        span = _span(item)
        if item.kind != "change" or span is None or item.key.unit != "percent":
            continue
        prior = prior_period(*span, item.basis or "yoy")
        if prior is None:
            continue
        figure = (item.key.measure, item.key.scope, item.key.flow)
        # a change in a sentence that gives a level of its figure and period describes that
        # level ("shipped 580,000 vehicles, 8% fewer"): its unit only
        anchors = {
            i.key.unit
            for i in items
            if i.kind == "level"
            and i.claim.sentence == item.claim.sentence
            and i.document == item.document
            and i.period == item.period
            and (i.key.measure, i.key.scope, i.key.flow) == figure
        }
        for unit in sorted(anchors & units.get(figure, set()) or units.get(figure, ())):
            key = Key(item.key.measure, item.key.scope, item.key.flow, unit)
            change = variable(item, sentences.get(_sentence(item), ()))
            assert change is not None
            out.append(frozenset((_level(key, span), _level(key, prior), change)))
    return out


def _sum_relations(items: Sequence[Item], cumulative: frozenset[str]) -> list[frozenset[Variable]]:
    """``{first, second, whole}`` for adjacent periods of a cumulative figure."""
    spans: dict[Key, set[Span]] = {}
    for item in items:
        span = _span(item)
        measure_cumulative = item.key.measure in cumulative or item.key.measure == FLOW
        if item.kind == "level" and span is not None and measure_cumulative:
            spans.setdefault(item.key, set()).add(span)
    out = []
    for key, found in spans.items():
        for first in found:
            for second in found:
                if adjacent(first, second) and (first[0], second[1]) in found:
                    whole = (first[0], second[1])
                    out.append(
                        frozenset((_level(key, first), _level(key, second), _level(key, whole)))
                    )
    return out


def determined(claims: Sequence[Claim], target_id: str) -> bool:
    """Whether the claims other than ``target_id`` determine the figure it states."""
    config = _config()
    index = ClaimIndex(claims, config)
    target = next((i for i in index.items if i.claim.id == target_id), None)
    if target is None:
        return False
    sentences = _by_sentence(index.items)
    wanted = variable(target, sentences[_sentence(target)])
    if wanted is None:
        return False
    # figures stated only as bounds ("more than $63 bln") pin nothing down
    others = [i for i in index.items if i.claim.id != target_id and i.value.bounded]
    known = {v for v in (variable(i, sentences[_sentence(i)]) for i in others) if v is not None}
    if wanted in known:
        return True
    items = index.items
    spans = {s for s in (_span(i) for i in items) if s is not None}
    # growth relations reach the compared periods: they are periods of the text too
    growth = _growth_relations(items)
    spans |= {
        (_dt.date.fromisoformat(v[2][0]), _dt.date.fromisoformat(v[2][1]))
        for r in growth
        for v in r
    }
    relations = [
        *_identity_relations((i.key for i in items), spans),
        *growth,
        *_sum_relations(items, config.cumulative),
    ]
    changed = True
    while changed and wanted not in known:
        changed = False
        for relation in relations:
            unknown = relation - known
            if len(unknown) == 1:
                known |= unknown
                changed = True
    return wanted in known
