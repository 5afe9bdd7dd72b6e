"""Claims normalised and indexed by what they measure, for whom and when.

Each claim becomes an :class:`Item` with a :class:`Key` (measure, scope,
direction, unit) and a period key, and is filed under ``(kind, key,
period)``. Cross-document rules look claims up by key instead of comparing
all pairs, so a run is near-linear in the number of claims.

Normalisation:

* ``exports`` A->B and ``imports`` A->B (and neutral ``supplies``) are one
  physical flow: measure :data:`FLOW` with ``flow=(A, B)``;
* a ``trade_balance`` with a known flow is re-signed to the point of view of
  the alphabetically first country of the pair; without a flow its sign is
  unknown and only its magnitude is used (``signed=False``);
* a milestone ("crossed $100 bln") without a hedge stands for "at least";
* a resolved period is keyed by its ISO dates; an unresolved one by its text
  *within one document* ("last year" means the same thing throughout an
  article even when the publication date is unknown).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import ClassVar, Final

from claimcheck.engine.config import EngineConfig
from claimcheck.engine.intervals import Interval
from claimcheck.findings import ClaimRef
from claimcheck.model import Claim, Document, Period
from claimcheck.rulepacks import MetricDef, metric_vocabulary

__all__ = [
    "BALANCE",
    "FLOW",
    "TURNOVER",
    "ClaimIndex",
    "Item",
    "Key",
    "PeriodKey",
    "filed_value",
    "iso_date",
    "kind_class",
    "lazy_item",
    "normal_key",
    "normalise",
    "scope_key",
]

FLOW: Final = "flow"
"""Measure of a directed flow of goods (exports / imports / supplies)."""
TURNOVER: Final = "trade_turnover"
BALANCE: Final = "trade_balance"

PeriodKey = tuple[str, ...]
"""``(start, end)`` ISO dates, ``("by", end)`` for a deadline, or
``("?", document id, text)`` for an unresolved period."""


class Key:
    """What a figure measures: ``measure`` for ``scope`` (sorted entities) in ``unit``.

    A value record and the dict key of every index and view look-up: equal fields make
    equal keys; the hash is computed once; treat it as immutable. A plain slotted class
    rather than an attrs one, so that mypyc compiles it into a native class.
    """

    __slots__ = ("_hash", "flow", "measure", "scope", "unit")
    __match_args__: ClassVar[tuple[str, ...]] = ("measure", "scope", "flow", "unit")

    measure: str
    scope: tuple[str, ...]
    flow: tuple[str, str] | None
    unit: str
    _hash: int

    def __init__(
        self, measure: str, scope: tuple[str, ...], flow: tuple[str, str] | None, unit: str
    ) -> None:
        self.measure = measure
        self.scope = scope
        self.flow = flow
        self.unit = unit
        self._hash = hash((measure, scope, flow, unit))

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Key):
            return NotImplemented
        return (
            self._hash == other._hash
            and self.measure == other.measure
            and self.scope == other.scope
            and self.flow == other.flow
            and self.unit == other.unit
        )

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return (
            f"Key(measure={self.measure!r}, scope={self.scope!r}, flow={self.flow!r}, "
            f"unit={self.unit!r})"
        )

    def __reduce__(self) -> tuple[type[Key], tuple[object, ...]]:
        # pickled by its fields (a compiled class is not rebuilt from its slots)
        return (Key, (self.measure, self.scope, self.flow, self.unit))

    def label(self) -> str:
        """Short human description ("China->Russia flow", "China-Russia trade_turnover")."""
        if self.measure == FLOW and self.flow is not None:
            return f"{self.flow[0]}→{self.flow[1]} trade"
        who = "–".join(self.scope) if self.scope else "unknown"
        return f"{who} {self.measure.replace('_', ' ')}"


class Item:
    """A claim as the engine sees it.

    A value record (equality and hash over every field); treat it as immutable. A plain
    slotted class rather than an attrs one, so that mypyc compiles it into a native
    class: the rules read its fields in every relation they try.
    """

    __slots__ = (
        "_claim",
        "_make",
        "basis",
        "cited",
        "cited_in",
        "document",
        "end",
        "id",
        "key",
        "kind",
        "order",
        "pair",
        "period",
        "record",
        "scale",
        "sentence_key",
        "shown",
        "signed",
        "start",
        "value",
    )
    __match_args__: ClassVar[tuple[str, ...]] = (
        "claim",
        "order",
        "key",
        "kind",
        "period",
        "start",
        "end",
        "value",
        "signed",
    )

    _claim: Claim | None
    """The claim, once made (:attr:`claim`)."""
    _make: Callable[[], Claim] | None
    """What makes the claim when it is first asked for (an item of claims held packed,
    :mod:`claimcheck.engine.packed`: most are never asked for), else ``None``."""
    order: int
    key: Key
    kind: str
    period: PeriodKey | None
    start: _dt.date | None
    end: _dt.date | None
    value: Interval
    signed: bool
    document: str
    """The claim's document id."""
    scale: float
    """The claim's printed scale (1e9 for "bln"), at least 1."""
    id: str
    """The claim's id."""
    basis: str | None
    """The comparison basis of a change ("yoy", "mom", "qoq" or None): the claim's."""
    record: bool
    """Whether the claim states a record: the claim's."""
    sentence_key: tuple[str, int, int]
    """The claim's document id and sentence span (the key :meth:`ClaimIndex.sentence_items`
    files it under): items of one sentence have equal keys."""
    cited: tuple[ClaimRef, str] | None
    """The claim's citation and id as the context whose cache is ``cited_in`` made them
    (:meth:`~claimcheck.engine.context.Context.refs`): read from the item, a native field,
    rather than looked up by the claim's id in every verdict. Not a field of the record
    (equality, hash, pickling)."""
    cited_in: dict[int, tuple[ClaimRef, str]] | None
    """The citation cache ``cited`` comes from (an index may serve several contexts)."""
    pair: tuple[str, str] | None
    """The claim's ``(document, id)`` (the ident of a relation citing it, see
    :func:`~claimcheck.engine.context.held`), ``None`` until asked. Not a field of the
    record."""
    shown: tuple[float, str] | None
    """The scale and label amounts are shown in when this item leads them
    (:func:`~claimcheck.engine.context.scale_label_of`, a function of the item's fields,
    asked for in every verdict); ``None`` until asked. Not a field of the record."""

    def __init__(  # noqa: PLR0917  (the fields in order, as the attrs class took them)
        self,
        claim: Claim | None,
        order: int,
        key: Key,
        kind: str,
        period: PeriodKey | None,
        start: _dt.date | None,
        end: _dt.date | None,
        value: Interval,
        signed: bool = True,
    ) -> None:
        self._claim = claim
        self._make = None
        self.order = order
        self.key = key
        self.kind = kind
        self.period = period
        self.start = start
        self.end = end
        self.value = value
        self.signed = signed
        # read once here, not from the claim (an interpreted record) at every use: the
        # rules and the citations ask for them in every relation
        if claim is None:  # (lazy_item sets them)
            self.document = ""
            self.scale = 1.0
            self.id = ""
            self.basis = None
            self.record = False
            self.sentence_key = ("", 0, 0)
        else:
            document = self.document = claim.document_id
            self.scale = max(1.0, claim.quantity.scale)
            self.id = claim.id
            self.basis = claim.basis
            self.record = claim.record
            sentence = claim.sentence
            self.sentence_key = (document, sentence.start, sentence.end)
        self.cited = None
        self.cited_in = None
        self.pair = None
        self.shown = None

    @property
    def claim(self) -> Claim:
        """The claim (made when first asked for, then kept: the same object)."""
        claim = self._claim
        if claim is None:
            make = self._make
            if make is None:
                raise AttributeError("an item without a claim")
            claim = self._claim = make()
            self._make = None
        return claim

    def _fields(self) -> tuple[object, ...]:
        return (
            self.claim,
            self.order,
            self.key,
            self.kind,
            self.period,
            self.start,
            self.end,
            self.value,
            self.signed,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Item):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{n}={v!r}" for n, v in zip(self.__match_args__, self._fields(), strict=True)
        )
        return f"Item({shown})"

    def __reduce__(self) -> tuple[type[Item], tuple[object, ...]]:
        # pickled by its fields (a compiled class is not rebuilt from its slots)
        return (Item, self._fields())


def lazy_item(  # noqa: PLR0917  (every field, in order)
    make: Callable[[], Claim],
    claim_id: str,
    document: str,
    sentence_start: int,
    sentence_end: int,
    basis: str | None,
    record: bool,
    scale: float,
    order: int,
    key: Key,
    kind: str,
    period: PeriodKey | None,
    start: _dt.date | None,
    end: _dt.date | None,
    value: Interval,
    signed: bool,
) -> Item:
    """The item of a claim that ``make`` makes when it is first asked for
    (:attr:`Item.claim`), with the claim's fields the item keeps given here: the claim's
    id, document id, sentence span, basis, record flag and printed ``scale``."""
    item = Item(None, order, key, kind, period, start, end, value, signed)
    item._make = make
    item.document = document
    item.scale = max(1.0, scale)
    item.id = claim_id
    item.basis = basis
    item.record = record
    item.sentence_key = (document, sentence_start, sentence_end)
    return item


def kind_class(claim: Claim) -> str:
    """The kind a claim is filed under: milestones count as levels."""
    return "level" if claim.kind == "milestone" else claim.kind


_ISO: Final[dict[_dt.date, str]] = {}
"""iso_date's texts: a run names few distinct days."""
_ISO_CAP: Final = 4096


def iso_date(day: _dt.date) -> str:
    """``day.isoformat()``, remembered: formatting a date takes ~3,400 instructions (C's
    printf), a dict look-up by a date (whose hash it caches) a small part of that, and
    period keys are worked out for every claim indexed and every reference row."""
    text = _ISO.get(day)
    if text is None:
        if len(_ISO) >= _ISO_CAP:
            _ISO.clear()
        text = _ISO[day] = day.isoformat()
    return text


def _period_key(
    period: Period, document: str
) -> tuple[PeriodKey | None, _dt.date | None, _dt.date | None]:
    """The period key, start and end of a claim of ``document`` in ``period``."""
    if period.kind == "deadline" and period.end is not None:
        return ("by", iso_date(period.end)), None, period.end
    if period.start is not None and period.end is not None:
        return (iso_date(period.start), iso_date(period.end)), period.start, period.end
    text = " ".join(period.text.lower().split())
    if not text:
        return None, None, None
    return ("?", document, text), None, None


def _sorted_scope(entities: tuple[str, ...]) -> tuple[str, ...]:
    """``tuple(sorted(set(entities)))``, without building the set and the sorted list for
    the one or two entities nearly every claim names."""
    if len(entities) == 2:
        first, second = entities
        if first < second:
            return entities
        if second < first:
            return (second, first)
        if first == second:
            return (first,)
    elif len(entities) <= 1:
        return entities
    return tuple(sorted(set(entities)))


def _with_flow(scope: tuple[str, ...], source: str, dest: str) -> tuple[str, ...]:
    """``tuple(sorted({*scope, source, dest}))`` of a sorted scope without repeats: the
    scope itself when it names both ends already (nearly always)."""
    if source in scope and dest in scope:
        return scope
    return tuple(sorted({*scope, source, dest}))


AS_IS: Final = 0
"""How :func:`normal_key` says a claim's value is filed: as it is, ..."""
NEGATED: Final = 1
"""... negated (a balance seen from the other country) ..."""
MAGNITUDE: Final = 2
"""... or its magnitude (a balance of unknown sign)."""


def normalise(claim: Claim, flow_metrics: frozenset[str]) -> tuple[Key, Interval, bool] | None:
    """A claim's key, value and whether the value's sign is known (``None``: not indexed)."""
    metric = claim.metric
    kind = claim.kind
    if metric is None or kind == "count":
        return None
    claim_flow = claim.flow
    flow = None if claim_flow is None else (claim_flow.source, claim_flow.dest)
    quantity = claim.quantity  # its fields: Claim.unit and .qualifier are interpreted calls
    value = Interval.of(claim.interval)
    normal = normal_key(metric, kind, claim.entities, flow, quantity.unit, flow_metrics)
    if normal is None:
        return None
    key, how = normal
    milestone = kind == "milestone" and quantity.qualifier is None
    return key, filed_value(value, milestone, how), how != MAGNITUDE


def normal_key(  # noqa: PLR0917  (a claim's fields)
    metric: str,
    kind: str,
    entities: tuple[str, ...],
    flow: tuple[str, str] | None,
    unit: str,
    flow_metrics: frozenset[str],
) -> tuple[Key, int] | None:
    """The key of a claim of ``metric`` and ``kind`` (not a count) about ``entities`` with
    ``flow`` in ``unit``, and how its value is filed (:data:`AS_IS`, :data:`NEGATED` or
    :data:`MAGNITUDE`, see :func:`filed_value`); ``None``: not indexed."""
    scope = _sorted_scope(entities)
    if flow is not None:
        scope = _with_flow(scope, flow[0], flow[1])
    if metric in flow_metrics:
        if flow is None:
            return None  # a flow of unknown direction
        return Key(FLOW, scope, flow, unit), AS_IS
    if metric == BALANCE and kind == "level":
        if flow is None or len(scope) != 2:
            return Key(BALANCE, scope, None, unit), MAGNITUDE
        canonical = (scope[0], scope[1])
        return Key(BALANCE, scope, canonical, unit), AS_IS if flow[0] == scope[0] else NEGATED
    if metric == TURNOVER:
        return Key(TURNOVER, scope, None, unit), AS_IS
    return Key(metric, scope, flow, unit), AS_IS


def filed_value(value: Interval, milestone: bool, how: int) -> Interval:
    """A claim's value (:meth:`Interval.of` its interval) as the index files it: a milestone
    without a hedge (``milestone``) stands for "at least", then ``how``
    (:func:`normal_key`)."""
    if milestone and value.lo >= 0:
        value = Interval(value.lo, math.inf)  # a threshold reached or crossed: at least
    if how == NEGATED:
        return -value
    if how == MAGNITUDE:
        return value.abs()
    return value


def scope_key(claim: Claim, flow_metrics: frozenset[str]) -> tuple[str, ...] | None:
    """The scope :func:`normalise` files a claim under (``None``: not indexed), cheaply."""
    metric = claim.metric
    if metric is None or claim.kind == "count":
        return None
    claim_flow = claim.flow
    if claim_flow is None:
        if metric in flow_metrics:
            return None  # a flow of unknown direction
        return _sorted_scope(claim.entities)
    return _with_flow(_sorted_scope(claim.entities), claim_flow.source, claim_flow.dest)


_FLOWS: Final[list[tuple[EngineConfig, tuple[MetricDef, ...], frozenset[str]]]] = []
"""flow_metrics' last answer with the configuration and vocabulary it was worked out from
(an index is built for every group of claims, all with the run's one configuration)."""


def flow_metrics(config: EngineConfig) -> frozenset[str]:
    """The identities' flow metrics plus neutral metrics that resolve to one of them."""
    vocabulary = metric_vocabulary()
    for cached_config, cached_vocabulary, flows in _FLOWS:
        if cached_config is config and cached_vocabulary is vocabulary:
            return flows
    neutral = {m.key for m in vocabulary if m.neutral and m.flow_of in config.flow_metrics}
    flows = config.flow_metrics | neutral
    _FLOWS[:] = [(config, vocabulary, flows)]
    return flows


class ClaimIndex:
    """Items filed by ``(kind, key, period)``, plus by document and sentence.

    Built from ``claims``, then from more claims (:meth:`add`) or items made elsewhere
    (:meth:`file`, :meth:`skip`: :meth:`~claimcheck.engine.packed.PackedClaims.index_into`),
    in input order.
    """

    def __init__(self, claims: Iterable[Claim], config: EngineConfig) -> None:
        self.items: list[Item] = []
        self._unindexed: list[Claim | Callable[[], Claim]] = []
        # plain dicts filled with get/insert: a defaultdict's factory is a call through
        # the interpreter for every new key
        # by kind, then key, then period: three look-ups by fields whose hashes are cached
        # or cheap, rather than one by a tuple built, hashed and freed for every item filed
        # and every look-up of the rules (get)
        self._periods: dict[str, dict[Key, dict[PeriodKey | None, list[Item]]]] = {}
        self._sentences: dict[tuple[str, int, int], list[Item]] = {}
        # by kind, filled as items are filed: of_kind and groups hand these lists out
        # instead of filtering every item or key again for each of the rules that ask
        self._of_kind: dict[str, list[Item]] = {}
        self._groups: dict[str, list[tuple[Key, dict[PeriodKey | None, list[Item]]]]] = {}
        self._related: dict[
            tuple[str, str, tuple[str, ...], tuple[str, str] | None], list[Key]
        ] = {}
        self.flows = flow_metrics(config)
        """:func:`flow_metrics` of the configuration."""
        # One Key object per distinct key: every later dict look-up by an item's key then
        # matches by identity before comparing fields. Period keys are worked out once per
        # Period object (stored claims share them; the claims keep them alive meanwhile).
        self._keys: dict[Key, Key] = {}
        self._period_keys: dict[int, tuple[PeriodKey | None, _dt.date | None, _dt.date | None]] = {}
        self._count = 0
        for claim in claims:
            self.add(claim)

    @property
    def unindexed(self) -> list[Claim]:
        """The claims not indexed, in input order."""
        return [c if isinstance(c, Claim) else c() for c in self._unindexed]

    def add(self, claim: Claim) -> None:
        """Index ``claim`` (the next in input order)."""
        order = self._count
        self._count = order + 1
        normal = normalise(claim, self.flows)
        if normal is None:
            self._unindexed.append(claim)
            return
        key, value, signed = normal
        key = self._keys.setdefault(key, key)
        period, start, end = self.period_key(claim.period, claim.document_id)
        kind = kind_class(claim)
        self.file(Item(claim, order, key, kind, period, start, end, value, signed))

    def next_order(self) -> int:
        """The order of the next claim in input order (counted as indexed or skipped)."""
        order = self._count
        self._count = order + 1
        return order

    def skip(self, claim: Claim | Callable[[], Claim]) -> None:
        """Count a claim that is not indexed (or what makes it) as :attr:`unindexed`
        (after :meth:`next_order`)."""
        self._unindexed.append(claim)

    def canonical(self, key: Key) -> Key:
        """The index's one Key object equal to ``key``."""
        return self._keys.setdefault(key, key)

    def period_key(
        self, period: Period | None, document: str
    ) -> tuple[PeriodKey | None, _dt.date | None, _dt.date | None]:
        """The period key, start and end of a claim of ``document`` in ``period`` (worked
        out once per Period object; the claims keep it alive meanwhile)."""
        if period is None:
            return None, None, None
        dated = self._period_keys.get(id(period))
        if dated is None:
            dated = _period_key(period, document)
            if dated[0] is not None and dated[0][0] != "?":  # "?" keys name the document
                self._period_keys[id(period)] = dated
        return dated

    def file(self, item: Item) -> None:
        """File ``item`` (made with :meth:`next_order` and a :meth:`canonical` key)."""
        self.items.append(item)
        kind = item.kind
        kind_items = self._of_kind.get(kind)
        if kind_items is None:
            self._of_kind[kind] = [item]
        else:
            kind_items.append(item)
        key = item.key
        period = item.period
        keyed = self._periods.get(kind)
        if keyed is None:
            keyed = self._periods[kind] = {}
        by_period = keyed.get(key)
        if by_period is None:
            by_period = keyed[key] = {}
            of_kind = self._groups.get(kind)
            if of_kind is None:
                self._groups[kind] = [(key, by_period)]
            else:
                of_kind.append((key, by_period))
            related = (kind, key.measure, key.scope, key.flow)
            same = self._related.get(related)
            if same is None:
                self._related[related] = [key]
            else:
                same.append(key)
        in_period = by_period.get(period)
        if in_period is None:
            by_period[period] = [item]
        else:
            in_period.append(item)
        sentence = item.sentence_key
        sentences = self._sentences
        in_sentence = sentences.get(sentence)
        if in_sentence is None:
            sentences[sentence] = [item]
        else:
            in_sentence.append(item)

    def __len__(self) -> int:
        return len(self.items)

    def of_kind(self, kind: str) -> list[Item]:
        """Items of one kind, in input order (the index's list: do not change it)."""
        items = self._of_kind.get(kind)
        return [] if items is None else items

    def get(self, kind: str, key: Key, period: PeriodKey | None) -> Sequence[Item]:
        """Items of ``kind`` for ``key`` in ``period``."""
        keyed = self._periods.get(kind)
        if keyed is None:
            return ()
        by_period = keyed.get(key)
        if by_period is None:
            return ()
        return by_period.get(period, ())

    def holds(self, kind: str, key: Key) -> bool:
        """Whether some item of ``kind`` has ``key`` (in any period)."""
        keyed = self._periods.get(kind)
        return keyed is not None and key in keyed

    def periods(self, kind: str, key: Key) -> Mapping[PeriodKey | None, list[Item]]:
        """All items of ``kind`` for ``key``, by period."""
        keyed = self._periods.get(kind)
        if keyed is None:
            return {}
        return keyed.get(key, {})

    def groups(self, kind: str) -> list[tuple[Key, dict[PeriodKey | None, list[Item]]]]:
        """``(key, {period: items})`` for every key of ``kind``, in first-seen order (the
        index's list and dictionaries: do not change them)."""
        groups = self._groups.get(kind)
        return [] if groups is None else groups

    def related(
        self, kind: str, measure: str, scope: tuple[str, ...], flow: tuple[str, str] | None
    ) -> Sequence[Key]:
        """Keys of ``kind`` for this measure, scope and flow, in any unit."""
        return self._related.get((kind, measure, scope, flow), ())

    def sentence_items(self, claim: Claim) -> Sequence[Item]:
        """Indexed items in the sentence of ``claim``."""
        return self._sentences.get(_sentence_key(claim), ())

    def items_in_sentence(self, item: Item) -> Sequence[Item]:
        """Indexed items in the sentence of ``item`` (:meth:`sentence_items` of its claim)."""
        return self._sentences.get(item.sentence_key, ())

    def sentences(self) -> Iterator[tuple[tuple[str, int, int], list[Item]]]:
        """``((document, start, end), items)`` for every sentence with indexed items."""
        return iter(self._sentences.items())


def _sentence_key(claim: Claim) -> tuple[str, int, int]:
    return (claim.document_id, claim.sentence.start, claim.sentence.end)


def documents_by_id(documents: Iterable[Document]) -> dict[str, Document]:
    """``{id: document}``."""
    return {d.id: d for d in documents}
