"""What a rule sees (:class:`Context`) and the shared verdict helper :func:`judge`.

:func:`judge` turns a computed and a stated interval into a result: a
:class:`~claimcheck.findings.Verified` when they overlap, a finding of the
rule's severity when the gap exceeds the pack tolerance, and a *small*
finding (``warning`` for error rules, ``info`` otherwise) when the gap is
beyond rounding but within the tolerance (typical of data revisions).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Final

from claimcheck.engine.config import EngineConfig, Tolerance
from claimcheck.engine.index import FLOW, ClaimIndex, Item, Key, PeriodKey
from claimcheck.engine.intervals import Interval, format_number
from claimcheck.engine.registry import Rule
from claimcheck.findings import (
    ClaimRef,
    Finding,
    NotChecked,
    Result,
    Severity,
    Tally,
    Verdict,
    Verified,
    claim_ref,
    key_of_pairs,
    key_of_three,
    key_of_two,
    make_arithmetic,
    make_finding,
    make_not_checked,
    make_verified,
)
from claimcheck.model import Claim, Document
from claimcheck.reference import ReferenceTable

__all__ = [
    "MAX_COMBINATIONS",
    "Context",
    "Text",
    "View",
    "best_of",
    "combination_groups",
    "combinations",
    "grouped",
    "held",
    "judge",
    "scale_label",
    "scale_label_of",
    "show",
    "tally_of",
]

Text = str | Callable[[], str]
"""A result's text, or a function giving it (built only when the result shows it)."""

MAX_COMBINATIONS: Final = 16
"""Cap on the claim combinations a rule tries for one relation (duplicated figures)."""

_SCALES: Final = ((1e12, "trn"), (1e9, "bln"), (1e6, "mln"), (1e3, "thousand"))
_UNIT_NAMES: Final = {"m**3": "m³", "t": "t", "barrel": "barrels", "barrel/day": "barrels/day"}
_LABELS: Final[dict[tuple[str, float], str]] = {}
"""scale_label's labels by (unit, scale): few units and scales, asked for every relation."""


_SHARED: Final[list[tuple[EngineConfig, dict[str, Tolerance], dict[str, bool]]]] = []
"""The last configuration's tolerance and cumulative-measure caches (see Context): each
relation group gets a Context, all with the run's one configuration."""


class View:
    """Items of one figure (kind, key, period): by document and distinct values.

    A plain slotted class (a native class when compiled by mypyc), built by :meth:`of`;
    treat it as immutable (a cache entry of :class:`Context`, compared by identity).
    """

    __slots__ = ("by_document", "items", "representatives")

    items: tuple[Item, ...]
    by_document: Mapping[str, Sequence[Item]]
    representatives: tuple[Item, ...]

    def __init__(
        self,
        items: tuple[Item, ...],
        by_document: Mapping[str, Sequence[Item]],
        representatives: tuple[Item, ...],
    ) -> None:
        self.items = items
        self.by_document = by_document
        self.representatives = representatives

    @classmethod
    def of(cls, items: Sequence[Item]) -> View:
        """Group ``items``."""
        by_document: dict[str, list[Item]] = {}
        distinct: dict[tuple[float, float], Item] = {}
        for item in items:
            by_document.setdefault(item.document, []).append(item)
            distinct.setdefault(item.value.pair(), item)
        return cls(tuple(items), by_document, tuple(distinct.values())[:MAX_COMBINATIONS])

    def near(self, document: str) -> Sequence[Item]:
        """The document's own items, else one item per distinct value from other documents."""
        return self.by_document.get(document) or self.representatives


class Context:
    """The run's documents, claim index, pack settings and reference table.

    ``primary`` holds the ids of the documents being checked when other documents only
    give context (``--against``, ``--store``): results citing none of their claims are
    not reported, so rules skip the relations that hold no claim of theirs
    (:meth:`concerns`) before working out a verdict. ``None``: every document is checked.

    With ``listed`` false the run only counts the checks that held
    (:class:`~claimcheck.findings.ReportBuilder` with ``listed=False``): :func:`judge`
    gives them no message or arithmetic (only their code, name and claims are read).

    A plain slotted class rather than an attrs one (mypyc, which compiles this module,
    cannot build attrs fields with factories); it holds caches and compares by identity.
    """

    __slots__ = (
        "_cumulative",
        "_refs",
        "_tolerances",
        "_views",
        "config",
        "documents",
        "index",
        "listed",
        "primary",
        "reference",
        "tally",
    )

    documents: Mapping[str, Document]
    index: ClaimIndex
    config: EngineConfig
    reference: ReferenceTable | None
    primary: frozenset[str] | None
    listed: bool
    tally: bool
    """Whether the built-in rules give a :class:`~claimcheck.findings.Tally` for a relation
    that holds (:func:`held`): only in a counting run of every document (``listed`` false,
    no ``primary``), whose builder keeps nothing else of it."""
    _views: dict[tuple[str, Key, PeriodKey | None], View]
    _refs: dict[int, tuple[ClaimRef, str]]
    _tolerances: dict[str, Tolerance]
    _cumulative: dict[str, bool]

    def __init__(  # noqa: PLR0917  (the fields in order, as the attrs class took them)
        self,
        documents: Mapping[str, Document],
        index: ClaimIndex,
        config: EngineConfig,
        reference: ReferenceTable | None = None,
        primary: frozenset[str] | None = None,
        listed: bool = True,
        *,
        tally: bool = False,
    ) -> None:
        self.documents = documents
        self.index = index
        self.config = config
        self.reference = reference
        self.primary = primary
        self.listed = listed
        self.tally = tally and not listed and primary is None
        self._views = {}
        self._refs = {}
        # pure functions of the (frozen) configuration: shared by the contexts of a run
        shared = _SHARED[0] if _SHARED else None
        if shared is not None and shared[0] is config:
            self._tolerances, self._cumulative = shared[1], shared[2]
        else:
            self._tolerances, self._cumulative = {}, {}
            _SHARED[:] = [(config, self._tolerances, self._cumulative)]

    def view(self, kind: str, key: Key, period: PeriodKey | None) -> View:
        """The items of ``(kind, key, period)`` by document, plus one representative per
        distinct value (cached: rules that look the same figures up for every claim stay
        linear)."""
        ident = (kind, key, period)
        cached = self._views.get(ident)
        if cached is None:
            cached = View.of(self.index.get(kind, key, period))
            self._views[ident] = cached
        return cached

    def concerns(self, items: Iterable[Item]) -> bool:
        """Whether a result citing ``items`` is reported: always without ``primary``, else
        when one of them is a claim of a checked document."""
        primary = self.primary
        return primary is None or any(i.document in primary for i in items)

    def concerns_any(self, groups: Iterable[Iterable[Item]]) -> bool:
        """Whether a result citing the items of any of ``groups`` is reported."""
        return self.primary is None or any(self.concerns(g) for g in groups)

    def _cited(self, claim: Claim) -> tuple[ClaimRef, str]:
        """A claim's citation and id, made once (a claim takes part in many relations)."""
        ident = id(claim)  # the index holds every claim for the context's lifetime
        cited = self._refs.get(ident)
        if cited is None:
            ref = claim_ref(claim, self.documents.get(claim.document_id))
            cited = self._refs[ident] = (ref, claim.id)
        return cited

    def ref(self, item: Item) -> ClaimRef:
        """Cite an item's claim (cached: a claim takes part in many relations)."""
        return self._cited(item.claim)[0]

    def refs(self, items: Iterable[Item]) -> tuple[ClaimRef, ...]:
        """Cite items in order, without repeats of a claim id (asked for every verdict, of
        two or three items: two compared directly, more with a list of the ids seen, not a
        set; the citation and id are kept on the item, see :meth:`_item_cited`)."""
        if isinstance(items, list):
            count = len(items)
            if count == 2:  # most verdicts: no lists built
                first = self._item_cited(items[0])
                second = self._item_cited(items[1])
                if first[1] == second[1]:
                    return (first[0],)
                return (first[0], second[0])
            if count == 3:  # (a change and its two levels)
                first = self._item_cited(items[0])
                second = self._item_cited(items[1])
                third = self._item_cited(items[2])
                if first[1] != second[1] and first[1] != third[1] and second[1] != third[1]:
                    return (first[0], second[0], third[0])
        seen: list[str] = []
        out: list[ClaimRef] = []
        for item in items:
            ref, claim_id = self._item_cited(item)
            if claim_id in seen:
                continue
            seen.append(claim_id)
            out.append(ref)
        return tuple(out)

    def _item_cited(self, item: Item) -> tuple[ClaimRef, str]:
        """An item's citation and claim id, kept on the item (two native fields: cheaper
        than a look-up by the claim's id, a boxed integer), made by :meth:`_cited` once per
        claim and context."""
        cache = self._refs
        if item.cited_in is cache:
            cited = item.cited
            if cited is not None:
                return cited
        claim = item.claim
        ident = id(claim)  # the index holds every claim meanwhile
        cited = cache.get(ident)
        if cited is None:
            ref = claim_ref(claim, self.documents.get(claim.document_id))
            cited = cache[ident] = (ref, claim.id)
        item.cited = cited
        item.cited_in = cache
        return cited

    def tolerance(self, rule: Rule | type[Rule]) -> Tolerance:
        """The rule's tolerance (cached: asked for every verdict; the configuration is
        frozen)."""
        return self.tolerance_of(rule.code)

    def tolerance_of(self, code: str) -> Tolerance:
        """The tolerance of the rule of ``code`` (cached, see :meth:`tolerance`)."""
        tolerance = self._tolerances.get(code)
        if tolerance is None:
            tolerance = self._tolerances[code] = self.config.tolerance_for(code)
        return tolerance

    def cumulative(self, measure: str) -> bool:
        """Whether figures of ``measure`` add up over time (pack ``cumulative``; a flow when
        one of the flow metrics is), cached: the configuration works the flow metrics out
        anew on every call."""
        known = self._cumulative.get(measure)
        if known is None:
            config = self.config
            if measure == FLOW:
                known = bool(config.cumulative & config.flow_metrics)
            else:
                known = measure in config.cumulative
            self._cumulative[measure] = known
        return known

    def severity(self, rule: Rule | type[Rule]) -> Severity:
        """The rule's severity (pack override or default)."""
        return self.config.severities.get(rule.code, rule.severity)

    def sentence(self, item: Item) -> str:
        """The text of an item's sentence."""
        document = self.documents.get(item.document)
        if document is None:
            return ""
        _, start, end = item.sentence_key
        return document.text[start:end]

    def not_checked(self, rule: Rule, reason: str, items: Iterable[Item]) -> NotChecked:
        """A :class:`NotChecked` for ``rule``."""
        return make_not_checked(rule.code, rule.name, reason, self.refs(items))


def scale_label(items: Sequence[Item]) -> tuple[float, str]:
    """The display scale of amounts (the first item's printed scale) and its label."""
    if not items:
        return 1.0, ""
    return scale_label_of(items[0])


def scale_label_of(item: Item) -> tuple[float, str]:
    """``scale_label([item])``, kept on the item (asked for in every verdict the item leads,
    and a function of its fields)."""
    shown = item.shown
    if shown is None:
        shown = item.shown = _scale_label(item)
    return shown


def _scale_label(first: Item) -> tuple[float, str]:
    """The display scale of amounts led by ``first`` (its printed scale) and its label."""
    unit = first.key.unit
    if unit in ("percent", "percentage_point"):
        return 1.0, "%" if unit == "percent" else "pp"
    scale = first.scale
    if scale <= 1.0:
        magnitude = abs(first.value.mid)
        scale = next((s for s, _ in _SCALES if magnitude >= s), 1.0)
    label = _LABELS.get((unit, scale))
    if label is None:
        word = next((w for s, w in _SCALES if s == scale), "")
        if unit in _UNIT_NAMES or not unit.isupper():
            label = f"{word} {_UNIT_NAMES.get(unit, unit)}".strip()
        else:
            label = f"{unit} {word}".strip()
        _LABELS[(unit, scale)] = label
    return scale, label


def show(value: Interval | float, scale: float = 1.0, digits: int = 4) -> str:
    """A figure for an expression: the midpoint in ``scale`` (``digits`` decimals at most)."""
    if isinstance(value, Interval):
        if value.bounded:
            return format_number(value.mid / scale, digits)
        return value.format(scale, digits)
    return format_number(value / scale, digits)


def judge(
    rule: Rule,
    ctx: Context,
    *,
    items: Sequence[Item],
    computed: Interval,
    stated: Interval,
    expression: Text,
    ok: Text,
    fail: Text,
    percent: bool = False,
    scale: float = 1.0,
    unit: str = "",
    tolerance: float | None = None,
    same_scope: bool = False,
    relation: Callable[[Sequence[Interval]], tuple[Interval, Interval]] | None = None,
) -> Result:
    """Compare ``computed`` with ``stated`` and return the verdict for ``items``.

    ``percent`` selects the absolute tolerance in percentage points, else the
    relative tolerance on the stated amount; ``tolerance`` overrides both.
    With ``same_scope``, amounts further apart than the pack's
    ``different_figure_ratio`` are taken to be figures of different scope
    (a commodity, a misread period): not checked, unless the ratio is near a
    at least ``scale_slip_ratio`` (a likely scale slip,
    reported as such), or unless ``relation`` (the items' values -> computed,
    stated) holds once one item is rescaled by a power of 1000 (that item is
    then reported as printed in the wrong scale) or once two adjacent digits
    of one item's printed figure are swapped back (a typo: 916.48 for 196.48).

    The texts may be given as functions (:data:`Text`), called only when the result
    shows them: in a counting run (``ctx.listed`` false) a check that holds shows none.
    """
    code = rule.code  # (an attribute of a class that plug-ins may subclass: read once)
    tol = ctx.tolerance_of(code)
    factor = _apart(computed, stated) if same_scope else 0.0
    if factor:
        limit = tol.different_figure_ratio
        if 0 < tol.scale_slip_ratio <= factor:
            slip = f": a figure is likely in the wrong scale (×{factor:.3g})."
            fail = _text(fail).rstrip(".") + slip
        elif limit > 0 and factor > limit:
            culprit = _rescaled(items, relation, tol.relative)
            typo = None if culprit is not None else _transposed(items, relation, tol.relative)
            if culprit is not None:
                item, by = culprit
                fail = (
                    _text(fail).rstrip(".") + f": “{item.claim.text}” is likely in the wrong scale "
                    f"(×{by:g})."
                )
            elif typo is not None:
                item, meant = typo
                fail = (
                    _text(fail).rstrip(".")
                    + f": {item.key.label()} {show(item.value, item.scale)} "
                    f"likely has two digits swapped ({meant} would fit)."
                )
            else:
                return ctx.not_checked(
                    rule, "the figures are too far apart to describe the same thing", items
                )
    gap = _gap(computed, stated)
    if gap == 0.0 and not ctx.listed:
        return make_verified(code, rule.name, "", ctx.refs(items), None)  # only counted
    if tolerance is None:  # (not needed by a check that holds in a counting run)
        if percent:
            tolerance = tol.absolute_percent_points
        else:
            reference = stated if stated.bounded else computed
            tolerance = tol.relative * abs(reference.mid)
    arithmetic = make_arithmetic(
        _text(expression),
        (computed.lo / scale, computed.hi / scale),
        (stated.lo / scale, stated.hi / scale),
        gap / scale,
        unit,
        tolerance / scale,
    )
    refs = ctx.refs(items)
    if gap == 0.0:
        return make_verified(code, rule.name, _text(ok), refs, arithmetic)
    severity = ctx.severity(rule)
    if gap <= tolerance:
        small: Severity = "warning" if severity == "error" else "info"
        note = " (a small gap, within the tolerance allowed for revisions)"
        return make_finding(code, rule.name, small, _text(fail) + note, refs, arithmetic)
    return make_finding(code, rule.name, severity, _text(fail), refs, arithmetic)


def held(
    rule: Rule,
    ctx: Context,
    items: list[Item],
    computed: Interval,
    stated: Interval,
    *,
    same_scope: bool = False,
) -> Tally | None:
    """The :class:`~claimcheck.findings.Tally` of the verdict :func:`judge` would give for
    these arguments when it is a :class:`~claimcheck.findings.Verified` and the context
    tallies those (:attr:`Context.tally`), else ``None`` (then :func:`judge` gives it).

    A rule asks before it builds the texts and labels of its verdict: most relations hold,
    and a counting run shows nothing of them. The tests are :func:`judge`'s: with
    ``same_scope``, amounts further apart than ``different_figure_ratio`` and not a likely
    scale slip may be a relation of another scope (``None``: :func:`judge` decides); else
    the relation holds when the gap is within rounding (``tolerance`` and ``percent`` do
    not matter to a relation that holds).
    """
    if not ctx.tally:
        return None
    code = rule.code
    factor = _apart(computed, stated) if same_scope else 0.0
    if factor:
        tol = ctx.tolerance_of(code)
        limit = tol.different_figure_ratio
        if not 0 < tol.scale_slip_ratio <= factor and limit > 0 and factor > limit:
            return None
    if _gap(computed, stated) != 0.0:
        return None
    return Tally(code, rule.name, _ident(code, items))


def _apart(computed: Interval, stated: Interval) -> float:
    """How many times larger one amount is than the other (``>= 1``), or ``0.0`` when
    either is unbounded or zero (:func:`judge` and :func:`held` then compare them as they
    are)."""
    if computed.bounded and stated.bounded and computed.mid and stated.mid:
        ratio = abs(stated.mid / computed.mid)
        return max(ratio, 1 / ratio)
    return 0.0


def _gap(computed: Interval, stated: Interval) -> float:
    """The distance between the two intervals, ``0.0`` within 1e-12 of their magnitude (the
    gap :func:`judge` reports, and whether :func:`held` tallies)."""
    gap = computed.gap(stated)
    # two-argument max of floats compiles to a comparison; the three-argument one is a
    # call of the builtin
    larger = max(abs(stated.mid), abs(computed.mid))
    magnitude = max(larger, 1e-300)
    if gap <= 1e-12 * magnitude:
        return 0.0
    return gap


def tally_of(rule: Rule, ctx: Context, items: list[Item]) -> Tally:
    """The :class:`~claimcheck.findings.Tally` of a result of ``rule`` citing ``items``
    that holds (for a rule that judges without :func:`judge`; ask :attr:`Context.tally`
    first)."""
    code = rule.code
    return Tally(code, rule.name, _ident(code, items))


def _ident(code: str, items: list[Item]) -> tuple[object, ...]:
    """The key (:func:`~claimcheck.findings._key_of`) of a result citing ``items``
    (:meth:`Context.refs`: repeated claim ids cited once), from their ``(document, id)``
    pairs."""
    count = len(items)
    if count == 2:
        first, second = _pair_of(items[0]), _pair_of(items[1])
        if first[1] != second[1]:
            return key_of_two(code, first, second)
    elif count == 3:
        first, second, third = _pair_of(items[0]), _pair_of(items[1]), _pair_of(items[2])
        if first[1] != second[1] and first[1] != third[1] and second[1] != third[1]:
            return key_of_three(code, first, second, third)
    pairs: list[tuple[str, str]] = []
    for item in items:
        pair = _pair_of(item)
        if not any(p[1] == pair[1] for p in pairs):
            pairs.append(pair)
    return key_of_pairs(code, pairs)


def _pair_of(item: Item) -> tuple[str, str]:
    """The item's ``(document, claim id)``, kept on the item (cited in many relations)."""
    pair = item.pair
    if pair is None:
        pair = item.pair = (item.document, item.id)
    return pair


def _text(text: Text) -> str:
    return text if isinstance(text, str) else text()


def combinations(roles: Sequence[Sequence[Item]], *, cross: bool = True) -> Iterator[list[Item]]:
    """Combinations of one item per role.

    First every combination inside a single document (at most
    :data:`MAX_COMBINATIONS` per document); when no document holds all roles
    and ``cross`` is true, combinations across documents (items of one role
    taken one per document; at most :data:`MAX_COMBINATIONS` in all).
    """
    if any(not r for r in roles):
        return
    if all(len(r) == 1 for r in roles):
        # one item a role (most relations): the one combination, when its items share a
        # document or may cross documents (what the general case below gives)
        single = [r[0] for r in roles]
        document = single[0].document
        if cross or all(i.document == document for i in single):
            yield single
        return
    per_role = _by_document(roles)
    shared = set(per_role[0]).intersection(*per_role[1:])
    # (plain loops over islice: mypyc would build a generator expression argument as a list,
    # the whole product)
    for document in sorted(shared):
        local = [r[document] for r in per_role]
        for combo in itertools.islice(itertools.product(*local), MAX_COMBINATIONS):
            yield list(combo)
    if shared or not cross:
        return
    firsts = [[items[0] for items in r.values()] for r in per_role]
    for combo in itertools.islice(itertools.product(*firsts), MAX_COMBINATIONS):
        yield list(combo)


def _by_document(roles: Sequence[Sequence[Item]]) -> list[dict[str, list[Item]]]:
    """Each role's items by document (in order)."""
    per_role: list[dict[str, list[Item]]] = []
    for role in roles:
        grouped_role: dict[str, list[Item]] = {}
        for item in role:
            grouped_role.setdefault(item.document, []).append(item)
        per_role.append(grouped_role)
    return per_role


def best_of(results: Iterable[Verdict]) -> Verdict | None:
    """The verdict on one relation tried with several readings (duplicated figures).

    A relation holds when any reading holds: an article that gives a total and,
    elsewhere, a smaller figure for one commodity of the same flow is not
    inconsistent. Otherwise the reading with the smallest gap is reported.
    ``results`` may be an iterator: it is not read beyond the first reading that holds
    (a :class:`~claimcheck.findings.Verified` or :class:`~claimcheck.findings.Tally`: the
    readings after it need not be judged). Callers pass ``map`` or a generator
    function, not a generator expression: mypyc, which compiles the rules, builds a
    generator expression given as an argument as a whole list.
    """
    tried: list[Verdict] = []
    for result in results:
        if isinstance(result, (Tally, Verified)):
            return result
        tried.append(result)
    if not tried:
        return None
    best: Finding | None = None
    best_gap = 0.0
    for result in tried:  # the first finding of the smallest gap
        if isinstance(result, Finding):
            gap = result.arithmetic.gap if result.arithmetic else 0.0
            if best is None or gap < best_gap:
                best, best_gap = result, gap
    return tried[0] if best is None else best


def combination_groups(roles: Sequence[Sequence[Item]]) -> list[list[list[Item]]]:
    """``list(grouped(combinations(roles)).values())``: the combinations across documents
    grouped by their stated figure, without the generator and the dictionary for the one
    combination of one item a role that most relations have."""
    if isinstance(roles, list):  # (what the rules pass: read as a list, not generically)
        single: list[Item] = []
        for role in roles:
            if len(role) != 1:
                return _combination_groups(roles)
            single.append(role[0])
        return [[single]]
    for role in roles:
        if len(role) != 1:
            return _combination_groups(roles)
    return [[[role[0] for role in roles]]]


def _combination_groups(roles: Sequence[Sequence[Item]]) -> list[list[list[Item]]]:
    """:func:`combination_groups` of roles of several items: when some document holds every
    role, the combinations of each such document (those :func:`combinations` gives) built
    in place, the one combination of a document with one item a role (most) without a
    product; else :func:`grouped` of :func:`combinations` (across documents)."""
    for role in roles:
        if not role:
            return []
    per_role = _by_document(roles)
    shared = set(per_role[0]).intersection(*per_role[1:])
    if not shared:
        return list(grouped(combinations(roles)).values())
    out: dict[str, list[list[Item]]] = {}
    for document in sorted(shared):
        local = [r[document] for r in per_role]
        single = True
        for items in local:
            if len(items) != 1:
                single = False
                break
        if single:
            combo = [items[0] for items in local]
            out.setdefault(combo[0].id, []).append(combo)
            continue
        for product in itertools.islice(itertools.product(*local), MAX_COMBINATIONS):
            out.setdefault(product[0].id, []).append(list(product))
    return list(out.values())


def grouped(combos: Iterable[list[Item]]) -> dict[str, list[list[Item]]]:
    """Combinations grouped by the claim id of their first item (the stated figure)."""
    out: dict[str, list[list[Item]]] = {}
    for combo in combos:
        out.setdefault(combo[0].id, []).append(combo)
    return out


def _rescaled(
    items: Sequence[Item],
    relation: Callable[[Sequence[Interval]], tuple[Interval, Interval]] | None,
    relative: float,
) -> tuple[Item, float] | None:
    """The item whose rescaling by a power of 1000 makes ``relation`` hold, and the factor."""
    if relation is None:
        return None
    values = [i.value for i in items]
    for index, item in enumerate(items):
        for factor in (1e-3, 1e3, 1e-6, 1e6):
            trial = list(values)
            trial[index] = values[index] * factor
            computed, stated = relation(trial)
            if computed.overlaps(stated, relative * abs(stated.mid)):
                return item, factor
    return None


def _digit_swaps(value: float, scale: float, precision: float) -> Iterator[tuple[float, str]]:
    """``value`` with two adjacent different digits of its printed figure swapped (in its
    printed ``scale``, to the decimals its ``precision`` shows), and the figure as printed."""
    if not math.isfinite(value) or value <= 0 or scale <= 0:
        return
    step = 2 * precision / scale if precision > 0 else 1.0
    decimals = max(0, min(6, round(-math.log10(step)))) if step < 1 else 0
    printed = f"{value / scale:.{decimals}f}"
    digits = [c for c in printed if c.isdigit()]
    point = printed.find(".")
    for i in range(len(digits) - 1):
        if digits[i] == digits[i + 1] or (i == 0 and digits[1] == "0"):
            continue
        swapped = [*digits]
        swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
        text = "".join(swapped)
        if point >= 0:
            text = text[:point] + "." + text[point:]
        yield float(text) * scale, text


def _transposed(
    items: Sequence[Item],
    relation: Callable[[Sequence[Interval]], tuple[Interval, Interval]] | None,
    relative: float,
) -> tuple[Item, str] | None:
    """The item whose printed figure, with two adjacent digits swapped back, makes
    ``relation`` hold within ``relative``, and that figure."""
    if relation is None:
        return None
    values = [i.value for i in items]
    for index, item in enumerate(items):
        if not item.value.bounded:
            continue
        sign = -1.0 if item.value.mid < 0 else 1.0
        precision = max(item.claim.quantity.precision, 0.0)
        for value, text in _digit_swaps(abs(item.value.mid), item.scale, precision):
            trial = list(values)
            half = (item.value.hi - item.value.lo) / 2
            trial[index] = Interval(sign * value - half, sign * value + half)
            computed, stated = relation(trial)
            if computed.overlaps(stated, relative * abs(stated.mid)):
                return item, text
    return None
