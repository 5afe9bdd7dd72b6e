"""Derived figures: values an article implies but does not state.

For one pair of countries, one currency and one document, the four trade
figures of a period — turnover ``T``, the flow out of the first country ``O``
(its exports), the flow into it ``I`` (its imports) and its balance
``B = O − I`` — are tied by the pack identities ``T = O + I`` and
``B = O − I``. Any two of them give the other two. A stated growth rate ties
a level to the level of the period it compares with: ``prior = level / (1 +
g)`` and ``level = prior × (1 + g)``.

:func:`derive` computes, in three stages and in interval arithmetic:

1. *identity*: each figure of a period from two other figures the document
   states for it (also a figure it states with another value: the stated one
   may be of another scope, such as one commodity);
2. *growth*: each figure of the compared period from a stated or stage-1
   figure and a stated growth rate (both ways);
3. *identity again*: each figure of a period from stated, stage-1 and
   stage-2 figures.

Every :class:`Figure` carries the stated claims it was computed from (its
``inputs``) and a readable ``expression``. A figure is never derived from a
claim for the same figure and period (no circular derivations).
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import ClassVar, Final

import attrs

from claimcheck.engine.index import BALANCE, FLOW, TURNOVER, Item, Key
from claimcheck.engine.intervals import Interval, format_number

__all__ = ["ROLES", "Figure", "Growth", "Span", "derive", "role_of"]

Span = tuple[_dt.date, _dt.date]

ROLES: Final = ("T", "O", "I", "B")
"""Turnover, flow out of the first country, flow into it, its balance."""

_PER_ROLE: Final = 4
"""Cap on the figures kept for one role and period at each stage (duplicated figures)."""

# target -> ((first role, second role, expression template), ...); values in _OPERATIONS
_FORMULAS: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "T": (("O", "I", "{O} + {I}"), ("I", "B", "2×{I} + {B}"), ("O", "B", "2×{O} − {B}")),
    "O": (("T", "I", "{T} − {I}"), ("I", "B", "{I} + {B}"), ("T", "B", "({T} + {B}) / 2")),
    "I": (("T", "O", "{T} − {O}"), ("O", "B", "{O} − {B}"), ("T", "B", "({T} − {B}) / 2")),
    "B": (("O", "I", "{O} − {I}"), ("T", "I", "{T} − 2×{I}"), ("T", "O", "2×{O} − {T}")),
}


_OPERATIONS: Final[dict[tuple[str, str, str], Callable[[Interval, Interval], Interval]]] = {
    ("T", "O", "I"): lambda x, y: x + y,
    ("T", "I", "B"): lambda x, y: 2 * x + y,
    ("T", "O", "B"): lambda x, y: 2 * x - y,
    ("O", "T", "I"): lambda x, y: x - y,
    ("O", "I", "B"): lambda x, y: x + y,
    ("O", "T", "B"): lambda x, y: (x + y) / 2,
    ("I", "T", "O"): lambda x, y: x - y,
    ("I", "O", "B"): lambda x, y: x - y,
    ("I", "T", "B"): lambda x, y: (x - y) / 2,
    ("B", "O", "I"): lambda x, y: x - y,
    ("B", "T", "I"): lambda x, y: x - 2 * y,
    ("B", "T", "O"): lambda x, y: 2 * y - x,
}
"""The value of the target from the values ``x`` and ``y`` of the two source roles, by
``(target, first role, second role)`` of :data:`_FORMULAS`."""


def _combine(target: str, a: str, b: str, x: Interval, y: Interval) -> Interval:
    """The value of ``target`` from roles ``a`` (value ``x``) and ``b`` (value ``y``)."""
    return _OPERATIONS[(target, a, b)](x, y)


Slot = tuple[str | None, Span | None]
"""The role and period of a stated claim."""


class Figure:
    """A stated or derived value of one role in one period.

    ``inputs`` are the stated claims it rests on (itself, for a stated
    figure); ``steps`` counts the derivations applied; ``derived_inputs`` says
    whether a derived intermediate was used (the relations between stated
    figures only are the other rules' business); ``signed`` is false for a
    balance whose side is unknown (only its size is meaningful).

    The readable :attr:`expression` is ``formula`` with the expressions of
    ``operands`` filled in for the placeholders ``names`` (built only when a
    result shows it: most derived figures are compared and dropped).

    A value record (equality and hash over the fields but ``input_ids`` and ``slots``,
    which are worked out from ``inputs`` unless given); treat it as immutable. A plain
    slotted class rather than an attrs one: mypyc, which compiles this module, cannot
    build attrs fields with computed defaults.
    """

    __slots__ = (
        "derived_inputs",
        "formula",
        "growth",
        "input_ids",
        "inputs",
        "names",
        "operands",
        "role",
        "signed",
        "slots",
        "span",
        "steps",
        "value",
        "weight",
    )
    __match_args__: ClassVar[tuple[str, ...]] = (
        "role",
        "span",
        "value",
        "formula",
        "inputs",
        "steps",
        "derived_inputs",
        "signed",
        "growth",
        "weight",
        "operands",
        "names",
    )

    role: str
    span: Span
    value: Interval
    formula: str
    inputs: tuple[Item, ...]
    steps: int
    derived_inputs: bool
    signed: bool
    growth: bool
    weight: float
    operands: tuple[Figure, ...]
    names: tuple[str, ...]
    input_ids: frozenset[str]
    slots: frozenset[Slot]

    def __init__(  # noqa: PLR0917  (the fields in order, as the attrs class took them)
        self,
        role: str,
        span: Span,
        value: Interval,
        formula: str,
        inputs: tuple[Item, ...],
        steps: int = 0,
        derived_inputs: bool = False,
        signed: bool = True,
        growth: bool = False,
        weight: float = 0.0,
        operands: tuple[Figure, ...] = (),
        names: tuple[str, ...] = (),
        input_ids: frozenset[str] | None = None,
        slots: frozenset[Slot] | None = None,
    ) -> None:
        self.role = role
        self.span = span
        self.value = value
        self.formula = formula
        self.inputs = inputs
        self.steps = steps
        self.derived_inputs = derived_inputs
        self.signed = signed
        self.growth = growth
        self.weight = weight
        self.operands = operands
        self.names = names
        self.input_ids = frozenset([i.id for i in inputs]) if input_ids is None else input_ids
        self.slots = (
            frozenset([(role_of(i.key), _span(i)) for i in inputs]) if slots is None else slots
        )

    def _fields(self) -> tuple[object, ...]:
        return (
            self.role,
            self.span,
            self.value,
            self.formula,
            self.inputs,
            self.steps,
            self.derived_inputs,
            self.signed,
            self.growth,
            self.weight,
            self.operands,
            self.names,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Figure):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = self.__match_args__
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
        return f"Figure({shown})"

    def __reduce__(self) -> tuple[type[Figure], tuple[object, ...]]:
        # pickled by its fields (a compiled class is not rebuilt from its slots)
        return (Figure, (*self._fields(), self.input_ids, self.slots))

    @property
    def expression(self) -> str:
        """The readable derivation ("110.97 + 129.14", "(240.11 − 129.14) / 1.469")."""
        if not self.operands:
            return self.formula
        return self.formula.format(
            **{n: _wrap(o) for n, o in zip(self.names, self.operands, strict=True)}
        )

    @property
    def magnitude(self) -> float:
        """The size of the amounts the figure was computed from (the sum of the inputs'
        sizes times their coefficients): a revision of every input by a share ``r`` moves
        the figure by at most ``r × magnitude``."""
        return self.weight or abs(self.value.mid)

    @property
    def stated(self) -> bool:
        """Whether this is a stated claim."""
        return self.steps == 0


def role_of(key: Key) -> str | None:
    """The role of a level key within its pair scope (``None`` for other measures)."""
    if len(key.scope) != 2:
        return None
    if key.measure == TURNOVER:
        return "T"
    if key.measure == FLOW and key.flow is not None:
        return "O" if key.flow == (key.scope[0], key.scope[1]) else "I"
    if key.measure == BALANCE:
        return "B"
    return None


def _leaf(item: Item, span: Span, scale: float) -> list[Figure]:
    role = role_of(item.key)
    if role is None or not item.value.bounded:
        return []
    text = _number(item.value.mid / scale)
    if role == "B" and not item.signed:
        # a balance whose side is unknown: either sign
        size = item.value.abs()
        plain = _number(size.mid / scale)
        return [
            Figure(role, span, size, plain, (item,), signed=False),
            Figure(role, span, -size, f"(−{plain})", (item,), signed=False),
        ]
    return [Figure(role, span, item.value, text, (item,))]


def _number(value: float) -> str:
    """A figure for an expression; negative ones in parentheses with a minus sign."""
    text = format_number(abs(value), 4)
    return f"(−{text})" if value < 0 else text


class _Table:
    """Figures by ``(role, span)``."""

    def __init__(self) -> None:
        self.by: dict[tuple[str, Span], list[Figure]] = {}

    def add(self, figure: Figure) -> None:
        bucket = self.by.setdefault((figure.role, figure.span), [])
        if len(bucket) < _PER_ROLE * 2:
            bucket.append(figure)

    def get(self, role: str, span: Span) -> list[Figure]:
        return self.by.get((role, span), [])

    def spans(self) -> set[Span]:
        return {span for _, span in self.by}


def _avoids(figure: Figure, role: str, span: Span) -> bool:
    """Whether ``figure`` uses no stated claim of ``role`` in ``span`` (no circularity)."""
    return (role, span) not in figure.slots


def _span(item: Item) -> Span | None:
    if item.start is None or item.end is None:
        return None
    return item.start, item.end


_DIRECT: Final = (frozenset("TOI"), frozenset("BOI"))
"""Relations between three stated figures that CC101 and CC102 check."""


def _coefficients(target: str, a: str, b: str) -> tuple[float, float]:
    """The sizes of the coefficients of ``a`` and ``b`` in the formula for ``target``."""
    one, zero = Interval.point(1.0), Interval.point(0.0)
    return (
        abs(_combine(target, a, b, one, zero).mid),
        abs(_combine(target, a, b, zero, one).mid),
    )


_COEFFICIENTS: Final = {
    (t, a, b): _coefficients(t, a, b) for t, fs in _FORMULAS.items() for a, b, _ in fs
}

_DIRECT_FORMULAS: Final = {
    (t, a, b): frozenset((t, a, b)) in _DIRECT for t, fs in _FORMULAS.items() for a, b, _ in fs
}
"""Whether the formula relates three figures that CC101 or CC102 check (see _DIRECT)."""

_FOURTH: Final = {
    (t, a, b): next(r for r in ROLES if r not in (t, a, b))
    for t, fs in _FORMULAS.items()
    for a, b, _ in fs
}
"""The role a formula leaves out."""


def _identity(
    target: str,
    span: Span,
    sources: Mapping[str, Sequence[Figure]],
    *,
    derived_only: bool = False,
    keep: Callable[[Interval], bool] | None = None,
    stated_roles: frozenset[str] | None = None,
) -> Iterator[Figure]:
    """``target`` in ``span`` from every pair of source roles (with ``derived_only``, not
    from two stated figures when CC101 or CC102 relate the three; with ``keep``, only the
    figures whose value it accepts).

    With ``stated_roles`` (the roles stated for ``span``; with ``derived_only``), not from
    two stated figures when the fourth role is stated too: the four stated figures of a
    period are related by CC101 and CC102 (whose sources are then ``sources`` of stated
    figures only, so such a formula is skipped whole).
    """
    slot = (target, span)  # a source using a stated claim of it would be circular (_avoids)
    for a, b, template in _FORMULAS[target]:
        formula = (target, a, b)
        direct = derived_only and _DIRECT_FORMULAS[formula]
        if derived_only and stated_roles is not None and _FOURTH[formula] in stated_roles:
            if a in stated_roles and b in stated_roles:
                continue  # only stated sources: nothing new
            direct = True
        xs = sources.get(a, ())[:_PER_ROLE]
        ys = sources.get(b, ())[:_PER_ROLE]
        if not xs or not ys:
            continue
        operation = _OPERATIONS[formula]
        ca, cb = _COEFFICIENTS[formula]
        names = (a, b)
        for x in xs:  # every pair (x, y) resting on different claims, none circular
            if slot in x.slots:
                continue
            x_ids, x_stated = x.input_ids, x.steps == 0
            for y in ys:
                if direct and x_stated and y.steps == 0:
                    continue
                if not x_ids.isdisjoint(y.input_ids) or slot in y.slots:
                    continue
                value = operation(x.value, y.value)
                if keep is not None and not keep(value):
                    continue
                weight = ca * x.magnitude + cb * y.magnitude
                yield Figure(
                    target,
                    span,
                    value,
                    template,
                    x.inputs + y.inputs,
                    steps=max(x.steps, y.steps) + 1,
                    derived_inputs=not (x_stated and y.steps == 0),
                    signed=x.signed and y.signed,
                    weight=weight,
                    operands=(x, y),
                    names=names,
                    input_ids=x_ids | y.input_ids,
                    slots=x.slots | y.slots,
                )


def _wrap(figure: Figure) -> str:
    return figure.expression if figure.stated else f"({figure.expression})"


@attrs.frozen(slots=True)
class Growth:
    """A stated growth rate in percent of ``role`` in ``span`` over ``prior``.

    ``anchors``: ids of the stated levels it describes (its sentence's level of
    the same figure: "rose 5% to $38.9 bln"); it is then applied to those only,
    not to figures derived for the same period (the anchor may be one commodity).
    """

    change: Item
    role: str
    span: Span
    prior: Span
    anchors: frozenset[str] = frozenset()


class _FirstStage:
    """Stage 1, computed per role and period when asked for: each figure of a period
    from two figures the document states (a pure function of the stated figures of
    that period, so the figures asked for are those of computing every one)."""

    def __init__(self, stated: _Table) -> None:
        self.stated = stated
        self.spans = stated.spans()
        self.by: dict[tuple[str, Span], list[Figure]] = {}

    def get(self, role: str, span: Span) -> list[Figure]:
        key = (role, span)
        figures = self.by.get(key)
        if figures is None:
            figures = self.by[key] = self._compute(role, span)
        return figures

    def _compute(self, role: str, span: Span) -> list[Figure]:
        if span not in self.spans:
            return []
        stated = self.stated
        sources = {r: stated.get(r, span) for r in ROLES}
        # also where the document states the figure but differently: the stated one
        # may be of another scope (a commodity within the total); a derived figure
        # that agrees with a stated one adds nothing to it
        same = [s.value for s in stated.get(role, span)]
        # a partial, not a nested function: compiled by mypyc, a nested function and its
        # environment form a reference cycle that only the cyclic collector frees
        table = _Table()
        for figure in _identity(role, span, sources, keep=functools.partial(_new, same)):
            table.add(figure)
        return table.get(role, span)


def _new(same: list[Interval], value: Interval) -> bool:
    """Whether ``value`` overlaps none of the stated figures ``same``."""
    return not any(value.overlaps(s) for s in same)


def derive(
    levels: Iterable[tuple[Item, Span]],
    changes: Iterable[Growth],
    scale: float,
    *,
    new_relations: bool = False,
) -> list[Figure]:
    """Every derived figure of one document, pair of countries and unit.

    ``levels`` are the stated levels with their periods; ``changes`` the stated
    growth rates. Returns the derived figures of stage 2 and 3 (stage-1
    figures are intermediates only: they restate what the other rules check).
    With ``new_relations``, stage 3 leaves out the figures computed from two
    stated figures of a period that states all four roles' figures (relations
    between stated figures only: CC101's and CC102's, see ``_identity``).
    """
    stated = _Table()
    for item, span in levels:
        for leaf in _leaf(item, span, scale):
            stated.add(leaf)
    stated_keys = set(stated.by)
    # stage 1: each figure of a period from two figures the document states
    first = _FirstStage(stated)
    # stage 2: growth rates, both ways
    second = _Table()
    out: list[Figure] = []
    for rate in changes:
        change, role, span, prior = rate.change, rate.role, rate.span, rate.prior
        growth = change.value
        if growth.lo <= -100:
            continue
        factor = 1.0 + growth / 100.0
        factor_text = format_number(factor.mid, 4)
        moves = ((span, prior, "/", factor), (prior, span, "×", factor))
        for source_span, target_span, op, by in moves:
            pool = stated.get(role, source_span) + first.get(role, source_span)
            if source_span == span and rate.anchors:
                pool = [f for f in pool if f.stated and f.inputs[0].id in rate.anchors]
            for source in pool:
                if not source.signed or role == "B":
                    continue  # the growth of a balance is a change of its size
                if change.id in source.input_ids:
                    continue
                if not _avoids(source, role, target_span):
                    continue
                value = source.value / by if op == "/" else source.value * by
                ratio = 1.0 / factor.mid if op == "/" else factor.mid
                figure = Figure(
                    role,
                    target_span,
                    value,
                    f"{{S}} {op} {factor_text}",
                    (*source.inputs, change),
                    steps=source.steps + 1,
                    derived_inputs=not source.stated,
                    growth=True,
                    weight=source.magnitude * abs(ratio),
                    operands=(source,),
                    names=("S",),
                    input_ids=source.input_ids | {change.id},
                    slots=source.slots | {(role_of(change.key), _span(change))},
                )
                second.add(figure)
                out.append(figure)
    # stage 3: identities again, over stated, stage-1 and (unstated) stage-2 figures
    for span in sorted(stated.spans() | second.spans()):
        mixed: dict[str, list[Figure]] = {}
        for role in ROLES:
            if (role, span) in stated_keys:
                mixed[role] = stated.get(role, span)
            else:
                mixed[role] = first.get(role, span) + second.get(role, span)
        known = frozenset(r for r in ROLES if (r, span) in stated_keys) if new_relations else None
        for role in ROLES:
            if (role, span) not in stated_keys:
                continue
            out.extend(_identity(role, span, mixed, derived_only=True, stated_roles=known))
    return out
