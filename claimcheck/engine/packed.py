"""A document's claims held compactly until its relation group is checked.

A run extracts every document before it can group them
(:mod:`claimcheck.engine.groups`), then checks one group at a time. In
between, claims as objects take ~770 bytes each (a claim, its quantity, spans,
period and tuples). :class:`PackedClaims` holds them in ~150 bytes, and gives
them back, as new objects each time, when their group is checked: a group's
claim objects are freed with it.

The layout is made to cost few instructions both ways, since every claim of a
local check is packed once and unpacked once (it was ~10% of a document's cost
as the store's positional arrays in :mod:`marshal` form):

* each claim is one fixed-size row of a :class:`struct.Struct` (:data:`ROW`): its
  ten floats (bit for bit: ``-0.0``, infinities, NaN), its four offsets, the lengths of
  its id and quantity text, and five codes;
* the ids and quantity texts of a document are one string, sliced back by length;
* what claims repeat, the few distinct (unit, noun, qualifier, range flag, transition,
  kind, metric, basis, record flag) combinations, entity tuples, flows, periods and
  unresolved items, are kept once for the process in :class:`Table` s (bounded:
  values past :data:`TABLE_SIZE` are kept with their document) and coded by position;
  unpacked claims share those (immutable) values.

Claims whose fields do not have their declared types (an ``int`` where a ``float``
belongs, which pure Python allows) would not come back exactly: they, and claims of
several documents, are kept as they are. Nothing here is written to disk or sent to
another process (``PackedClaims`` refuses to be pickled).
"""

from __future__ import annotations

import datetime as _dt
import math
import struct
from collections.abc import Iterator, Sequence
from typing import Any, Final, overload

from claimcheck.engine.config import EngineConfig
from claimcheck.engine.index import (
    MAGNITUDE,
    ClaimIndex,
    Key,
    PeriodKey,
    filed_value,
    lazy_item,
    normal_key,
    scope_key,
)
from claimcheck.engine.intervals import Interval
from claimcheck.extract.records import claim as _claim
from claimcheck.extract.records import quantity as _quantity
from claimcheck.extract.records import span as _span
from claimcheck.model import Claim, Span

__all__ = [
    "ROW",
    "TABLES",
    "TABLE_SIZE",
    "IndexCache",
    "PackedClaims",
    "Table",
    "Tables",
    "index_claims",
    "pack_claims",
    "unpack_claims",
]

Scope = tuple[str, ...]
ScopeEntry = tuple[str, Scope, bool]
"""A claim's metric, scope (:func:`~claimcheck.engine.index.scope_key`, no flow metrics)
and whether it has no flow."""

ROW: Final = struct.Struct("<10d6I5i")
"""One claim: quantity value, interval (2), precision, low, high, scale; claim value,
interval (2); quantity span (2), sentence span (2), id and text lengths; the codes of
its shape, entities, flow, period and unresolved items (negative: kept with the
document)."""

_ROW_SIZE: Final[int] = ROW.size

TABLE_SIZE: Final = 1 << 16
"""Values a :class:`Table` keeps (a 100,000-article corpus has a few thousand flows)."""

_NO_FLOWS: Final[frozenset[str]] = frozenset()


class Table:
    """Distinct values coded by position, for the process (append-only: a code stays
    valid while any packed claims hold it); at most ``size`` values."""

    def __init__(self, first: object, size: int = TABLE_SIZE) -> None:
        self.codes: dict[object, int] = {first: 0}
        """Code of each value's key (equal keys: the same value)."""
        self.values: list[Any] = [first]
        self.size = size

    def code(self, key: object, value: object, extras: list[object]) -> int:
        """The code of ``value`` (whose key is ``key``); a new value is added, or, the
        table being full, appended to ``extras`` (code ``-1 - its position``)."""
        found = self.codes.get(key)
        if found is not None:
            return found
        if len(self.values) < self.size:
            code = len(self.values)
            self.codes[key] = code
            self.values.append(value)
            return code
        extras.append(value)
        return -len(extras)


class Tables:
    """The tables claims are coded with, and the scope entries of code triples."""

    def __init__(self, size: int = TABLE_SIZE) -> None:
        self.shapes = Table((None,) * 9, size)
        """(unit, noun, qualifier, is_range, transition, kind, metric, basis, record); the
        first is never a claim's (the unit is a string)."""
        self.entities = Table((), size)
        self.flows = Table(None, size)
        self.periods = Table(None, size)
        self.unresolved = Table((), size)
        self.scopes: dict[int, Scope] = {}
        """The scope of each (entities, flow) code pair (a cache: cleared when it holds
        ``size`` entries)."""
        self.size = size


TABLES: Final = Tables()
"""The tables of the process (:class:`PackedClaims`)."""


def _value(table: Table, code: int, extras: tuple[Any, ...]) -> Any:
    return table.values[code] if code >= 0 else extras[-1 - code]


def _pair(interval: object) -> bool:
    """Whether ``interval`` is a pair of floats (that comes back as it is)."""
    return (
        type(interval) is tuple
        and len(interval) == 2
        and type(interval[0]) is float
        and type(interval[1]) is float
    )


_PACK_INTO: Final = ROW.pack_into
"""(bound once: compiled, ``ROW.pack_into(...)`` looks the method up at every call)"""


class _Unset:
    """What a claim's fields are compared with before the first claim (no field is it)."""


_UNSET: Final = _Unset()


def _declared(  # noqa: PLR0917  (a claim's fields)
    value: object,
    precision: object,
    low: object,
    high: object,
    scale: object,
    claim_value: object,
    claim_id: object,
    text: object,
    start: object,
    end: object,
) -> bool:
    """Whether these fields of a claim have their declared types (pure Python lets an int
    into a float field). A function of objects: compiled, a local narrowed to ``float`` or
    ``int`` by such a test is unboxed, and boxed anew to be packed."""
    return (
        type(value) is float
        and type(precision) is float
        and type(low) is float
        and type(high) is float
        and type(scale) is float
        and (claim_value is value or type(claim_value) is float)
        and type(claim_id) is str
        and type(text) is str
        and type(start) is int
        and type(end) is int
    )


def _ints(start: object, end: object) -> bool:
    """Whether ``start`` and ``end`` are ints (see :func:`_declared`)."""
    return type(start) is int and type(end) is int


def pack_claims(
    claims: Sequence[Claim],
    scopes: set[ScopeEntry] | None = None,
    tables: Tables = TABLES,
    document: str | None = None,
) -> tuple[bytes, str, tuple[Any, ...]] | None:
    """The rows, strings and extras that :func:`unpack_claims` rebuilds ``claims`` from
    (with their document id and the same ``tables``), or ``None`` when a field does not
    have its declared type, an offset does not fit or (``document`` given) a claim is of
    another document; with ``scopes``, the claims' scope entries are added to it.

    Claims of a document share objects (a sentence's span, a period, a flow; a claim its
    quantity's value and interval) and equal entities: what the previous claim had is not
    worked out again.
    """
    rows = bytearray(ROW.size * len(claims))
    strings: list[str] = []
    extras: list[object] = []
    periods: dict[int, int] = {}  # code by id(): claims of a document share Period objects
    flows: dict[int, int] = {}  # (and Flow objects)
    # the previous claim's objects and what was worked out of them
    last_sentence: object = _UNSET
    sentence_start: Any = 0
    sentence_end: Any = 0
    last_entities: object = _UNSET
    entities_code = 0
    last_unresolved: object = _UNSET
    unresolved_code = 0
    offset = 0
    for claim in claims:
        # typed Any: read as they are (compiled, a field typed float would be converted)
        c: Any = claim
        if document is not None:
            document_id = c.document_id
            if document_id is not document and document_id != document:
                return None
        q: Any = c.quantity
        claim_id = c.id
        text = q.text
        interval = q.interval
        claim_interval = c.interval
        span = q.span
        start = span.start
        end = span.end
        sentence = c.sentence
        if sentence is not last_sentence:
            sentence_start = sentence.start
            sentence_end = sentence.end
            if not _ints(sentence_start, sentence_end):
                return None
            last_sentence = sentence
        value = q.value
        precision = q.precision
        low = q.low
        high = q.high
        scale = q.scale
        claim_value = c.value
        if not (
            _declared(value, precision, low, high, scale, claim_value, claim_id, text, start, end)
            and _pair(interval)
            and (claim_interval is interval or _pair(claim_interval))
        ):
            return None
        is_range = q.is_range
        record = c.record
        entities = c.entities
        unresolved = c.unresolved
        if not (
            type(is_range) is bool
            and type(record) is bool
            and type(entities) is tuple
            and type(unresolved) is tuple
        ):
            return None
        kind = c.kind
        metric = c.metric
        shape = (
            q.unit,
            q.noun,
            q.qualifier,
            is_range,
            q.transition,
            kind,
            metric,
            c.basis,
            record,
        )
        shape_code = tables.shapes.code(shape, shape, extras)
        # equal entities (not the same tuple) are the rule in a document: one comparison
        if entities is not last_entities and entities != last_entities:
            entities_code = 0 if not entities else tables.entities.code(entities, entities, extras)
            last_entities = entities
        flow = c.flow
        if flow is None:
            flow_code = 0
        else:
            found = flows.get(id(flow))
            if found is None:
                pair_key = (flow.source, flow.dest)
                found = flows[id(flow)] = tables.flows.code(pair_key, flow, extras)
            flow_code = found
        period = c.period
        if period is None:
            period_code = 0
        else:
            found = periods.get(id(period))
            if found is None:
                key = (period.start, period.end, period.text, period.kind, period.unresolved)
                found = periods[id(period)] = tables.periods.code(key, period, extras)
            period_code = found
        if unresolved is not last_unresolved:
            unresolved_code = (
                0
                if not unresolved
                else tables.unresolved.code(
                    tuple([(u.field, u.reason) for u in unresolved]), unresolved, extras
                )
            )
            last_unresolved = unresolved
        pair: tuple[Any, ...] = interval
        claim_pair: tuple[Any, ...] = claim_interval
        try:
            _PACK_INTO(
                rows,
                offset,
                value,
                pair[0],
                pair[1],
                precision,
                low,
                high,
                scale,
                claim_value,
                claim_pair[0],
                claim_pair[1],
                start,
                end,
                sentence_start,
                sentence_end,
                len(claim_id),
                len(text),
                shape_code,
                entities_code,
                flow_code,
                period_code,
                unresolved_code,
            )
        except struct.error:  # an offset past 2**32: keep the claims as they are
            return None
        offset += _ROW_SIZE
        strings.append(claim_id)
        strings.append(text)
        if scopes is not None and metric is not None and kind != "count":
            scopes.add(
                (
                    metric,
                    _scope(claim, entities_code, flow_code, tables),
                    flow is None,
                )
            )
    return bytes(rows), "".join(strings), tuple(extras) if extras else ()


def _scope(claim: Claim, entities_code: int, flow_code: int, tables: Tables) -> Scope:
    """The scope of ``claim`` (of a metric, not a count), whose entities and flow have these
    codes in ``tables``: :func:`~claimcheck.engine.index.scope_key` without flow metrics,
    worked out once per pair of codes (but those of extras) and kept in ``tables``."""
    if entities_code < 0 or flow_code < 0:
        scope = scope_key(claim, _NO_FLOWS)
        assert scope is not None  # (a metric, not a count)
        return scope
    key = entities_code << 20 | flow_code
    found = tables.scopes.get(key)
    if found is not None:
        return found
    scope = scope_key(claim, _NO_FLOWS)
    assert scope is not None
    if len(tables.scopes) >= tables.size:
        tables.scopes.clear()
    tables.scopes[key] = scope
    return scope


def _scope_entry(claim: Claim) -> ScopeEntry | None:
    """What grouping needs of ``claim`` (``None``: not indexed)."""
    scope = scope_key(claim, _NO_FLOWS)
    metric = claim.metric
    return None if scope is None or metric is None else (metric, scope, claim.flow is None)


def unpack_claims(
    rows: bytes, strings: str, extras: tuple[Any, ...], document_id: str, tables: Tables = TABLES
) -> tuple[Claim, ...]:
    """The claims :func:`pack_claims` packed, in document ``document_id`` (new objects,
    equal to those packed, field by field and type by type), built as the extractor builds
    them (:mod:`claimcheck.extract.records`): every field packed has its declared type
    (:func:`pack_claims` keeps claims with others as they are)."""
    claims: list[Claim] = []
    sentences: dict[int, Span] = {}  # claims of a sentence share its span
    position = 0
    for unpacked in ROW.iter_unpack(rows):
        row: tuple[Any, ...] = unpacked
        id_length: int = row[14]
        text_length: int = row[15]
        id_end = position + id_length
        text_end = id_end + text_length
        sentence_start: int = row[12]
        sentence_end: int = row[13]
        sentence_key = sentence_start << 32 | sentence_end  # both below 2**32 ("I")
        sentence = sentences.get(sentence_key)
        if sentence is None:
            sentence = sentences[sentence_key] = _span(row[12], row[13])
        claims.append(
            _claim_of(
                row,
                strings[position:id_end],
                strings[id_end:text_end],
                document_id,
                sentence,
                extras,
                tables,
            )
        )
        position = text_end
    return tuple(claims)


def _claim_of(  # noqa: PLR0917  (a row's parts)
    row: tuple[Any, ...],
    claim_id: str,
    text: str,
    document_id: str,
    sentence: Span,
    extras: tuple[Any, ...],
    tables: Tables,
) -> Claim:
    """The claim of a row (:data:`ROW`) with its id and quantity text, in document
    ``document_id`` and ``sentence``."""
    shape: tuple[Any, ...] = _value(tables.shapes, row[16], extras)
    quantity = _quantity(
        _span(row[10], row[11]),
        text,
        row[0],
        shape[0],
        (row[1], row[2]),
        row[3],
        row[4],
        row[5],
        shape[1],
        shape[2],
        row[6],
        shape[3],
        shape[4],
    )
    return _claim(
        claim_id,
        document_id,
        quantity,
        sentence,
        shape[5],
        shape[6],
        _value(tables.entities, row[17], extras),
        _value(tables.flows, row[18], extras),
        _value(tables.periods, row[19], extras),
        row[7],
        (row[8], row[9]),
        shape[7],
        shape[8],
        _value(tables.unresolved, row[20], extras),
    )


class _LazyClaim:
    """What an item of a packed claim makes its claim with when it is asked for
    (:func:`_claim_of` of the row at ``offset`` in ``rows``, whose quantity text starts at
    ``start`` in ``strings``).

    A plain slotted class (native when compiled): made for every packed claim indexed and
    called for few, it costs a small part of a ``functools.partial`` (whose constructor is
    an interpreted call building an argument tuple and a keyword dictionary). It unpacks
    the row when called: indexing reads only some of its fields (:data:`_INDEXED`).
    """

    __slots__ = (
        "claim_id",
        "document_id",
        "extras",
        "offset",
        "rows",
        "start",
        "strings",
        "tables",
    )

    rows: bytes
    offset: int
    claim_id: str
    strings: str
    start: int
    document_id: str
    extras: tuple[Any, ...]
    tables: Tables

    def __init__(  # noqa: PLR0917  (the fields in order)
        self,
        rows: bytes,
        offset: int,
        claim_id: str,
        strings: str,
        start: int,
        document_id: str,
        extras: tuple[Any, ...],
        tables: Tables,
    ) -> None:
        self.rows = rows
        self.offset = offset
        self.claim_id = claim_id
        self.strings = strings
        self.start = start
        self.document_id = document_id
        self.extras = extras
        self.tables = tables

    def __call__(self) -> Claim:
        row: tuple[Any, ...] = ROW.unpack_from(self.rows, self.offset)
        start = self.start
        text = self.strings[start : start + row[15]]
        return _claim_of(
            row,
            self.claim_id,
            text,
            self.document_id,
            _span(row[12], row[13]),
            self.extras,
            self.tables,
        )


Normal = tuple[Key, int, str, bool] | None
"""What the index needs of a claim's shape, entities and flow: its key, how its value is
filed (:func:`~claimcheck.engine.index.normal_key`), the kind it is filed under and whether
it is a milestone without a hedge; ``None``: not indexed."""

_NORMALS: Final[dict[int, Normal]] = {}
"""The :data:`Normal` of each (shape, entities, flow) code triple of :data:`TABLES` for the
flow metrics in ``_NORMALS_OF`` (a cache, cleared when it holds :data:`TABLE_SIZE` entries)."""
_NORMALS_OF: Final[list[frozenset[str]]] = []


def _normal(shape: tuple[Any, ...], entities: Any, flow: Any, flows: frozenset[str]) -> Normal:
    """The :data:`Normal` of a claim of ``shape`` (:class:`Tables`) about ``entities`` with
    ``flow``, as :func:`~claimcheck.engine.index.normalise` works it out."""
    metric: str | None = shape[6]
    kind: str = shape[5]
    if metric is None or kind == "count":
        return None
    pair = None if flow is None else (flow.source, flow.dest)
    normal = normal_key(metric, kind, entities, pair, shape[0], flows)
    if normal is None:
        return None
    key, how = normal
    filed = "level" if kind == "milestone" else kind  # (kind_class)
    return key, how, filed, kind == "milestone" and shape[2] is None


def _normal_of(
    codes: int, shape: tuple[Any, ...], entities: Any, flow: Any, flows: frozenset[str]
) -> Normal:
    """:func:`_normal`, kept by the code triple ``codes`` (``-1``: codes of extras, not
    kept)."""
    if codes < 0:
        return _normal(shape, entities, flow, flows)
    if not _NORMALS_OF or _NORMALS_OF[0] is not flows:
        _NORMALS.clear()
        _NORMALS_OF[:] = [flows]
    found = _NORMALS.get(codes, _UNSET)
    if not isinstance(found, _Unset):  # (one look-up: a Normal may be None)
        return found
    normal = _normal(shape, entities, flow, flows)
    if len(_NORMALS) >= TABLE_SIZE:
        _NORMALS.clear()
    _NORMALS[codes] = normal
    return normal


_INDEXED: Final = struct.Struct("<48xd8x2d8x4I4i4x")
"""What :func:`index_packed` reads of a row (:data:`ROW`, the other fields skipped): the
quantity's scale; the claim's interval; the sentence span, the id and text lengths; the
codes of the shape, entities, flow and period."""

Dated = tuple[PeriodKey | None, _dt.date | None, _dt.date | None]
"""A period key, start and end (:meth:`ClaimIndex.period_key`)."""


class IndexCache:
    """What :func:`index_packed` worked out for one index, by code (of :data:`TABLES`)."""

    __slots__ = ("periods",)

    def __init__(self) -> None:
        self.periods: dict[int, Dated] = {}
        """Period keys by period code (but those of unresolved periods, which name their
        document)."""


def index_packed(  # noqa: PLR0917  (as unpack_claims)
    index: ClaimIndex,
    rows: bytes,
    strings: str,
    extras: tuple[Any, ...],
    document_id: str,
    tables: Tables = TABLES,
    cache: IndexCache | None = None,
) -> None:
    """Add the claims :func:`pack_claims` packed, of document ``document_id``, to ``index``
    as :meth:`ClaimIndex.add` would, without unpacking them: an item makes its claim when
    it is first asked for (:func:`~claimcheck.engine.index.lazy_item`), and so does each
    claim of :attr:`ClaimIndex.unindexed`. What is worked out by code is kept in ``cache``
    (given: that of ``index``, for all the documents added to it)."""
    own = tables is TABLES
    if cache is None or not own:
        cache = IndexCache()
    dated_by = cache.periods
    flows = index.flows
    position = 0
    offset = 0
    last_period = -1
    dated: Dated = (None, None, None)
    for unpacked in _INDEXED.iter_unpack(rows):
        row: tuple[Any, ...] = unpacked
        id_length: int = row[5]
        text_length: int = row[6]
        id_end = position + id_length
        claim_id = strings[position:id_end]
        make = _LazyClaim(rows, offset, claim_id, strings, id_end, document_id, extras, tables)
        order = index.next_order()
        position = id_end + text_length
        offset += _ROW_SIZE
        shape: tuple[Any, ...] = _value(tables.shapes, row[7], extras)
        shape_code: int = row[7]
        entities_code: int = row[8]
        flow_code: int = row[9]
        codes = (
            (shape_code << 40) | (entities_code << 20) | flow_code
            if own and shape_code >= 0 and entities_code >= 0 and flow_code >= 0
            else -1
        )
        normal = _normal_of(
            codes,
            shape,
            _value(tables.entities, entities_code, extras),
            _value(tables.flows, flow_code, extras),
            flows,
        )
        lo: float = row[1]
        hi: float = row[2]
        if normal is None:
            if (math.isnan(lo) or math.isnan(hi)) and shape[6] is not None and shape[5] != "count":
                Interval.of((lo, hi))  # raises, as normalise does for this claim
            index.skip(make)
            continue
        key, how, kind, milestone = normal
        value = filed_value(Interval(min(lo, hi), max(lo, hi)), milestone, how)
        period_code: int = row[10]
        if period_code != last_period:
            kept = dated_by.get(period_code) if own and period_code >= 0 else None
            if kept is None:
                kept = index.period_key(_value(tables.periods, period_code, extras), document_id)
                if own and period_code >= 0 and (kept[0] is None or kept[0][0] != "?"):
                    dated_by[period_code] = kept  # ("?" keys name the document)
            dated = kept
            last_period = period_code
        period, start, end = dated
        index.file(
            lazy_item(
                make,
                claim_id,
                document_id,
                row[3],
                row[4],
                shape[7],
                shape[8],
                row[0],
                order,
                index.canonical(key),
                kind,
                period,
                start,
                end,
                value,
                how != MAGNITUDE,
            )
        )


def index_claims(claims: Sequence[Sequence[Claim]], config: EngineConfig) -> ClaimIndex:
    """The index of the claims of ``claims`` (one sequence a document, in order), those held
    packed (:class:`PackedClaims`) added without unpacking them (:func:`index_packed`)."""
    index = ClaimIndex((), config)
    cache = IndexCache()
    for held in claims:
        if isinstance(held, PackedClaims):
            held.index_into(index, cache)
        else:
            for claim in held:
                index.add(claim)
    return index


class PackedClaims(Sequence[Claim]):
    """The claims of one document, packed; a read-only sequence that unpacks on access
    (iterate once and keep the result: every access unpacks anew). Claims of several
    documents, or with fields of other types than declared, are kept as they are."""

    __slots__ = ("_claims", "_count", "_document", "_extras", "_rows", "_scopes", "_strings")

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._count = len(claims)
        self._claims: tuple[Claim, ...] | None = None
        self._rows = b""
        self._strings = ""
        self._extras: tuple[Any, ...] = ()
        self._document = ""
        scopes: set[ScopeEntry] = set()
        packed = None
        if claims:
            document: str = claims[0].document_id
            # (of claims of several documents: None)
            packed = pack_claims(claims, scopes, TABLES, document) if document else None
            if packed is not None:
                self._document = document
        if packed is None:
            self._claims = tuple(claims)
            scopes = set()
            for claim in claims:
                entry = _scope_entry(claim)
                if entry is not None:
                    scopes.add(entry)
        else:
            self._rows, self._strings, self._extras = packed
        self._scopes = frozenset(scopes)

    def unpack(self) -> tuple[Claim, ...]:
        """The claims (new objects, equal to those packed)."""
        if self._claims is not None:
            return self._claims
        return unpack_claims(self._rows, self._strings, self._extras, self._document)

    def index_into(self, index: ClaimIndex, cache: IndexCache | None = None) -> None:
        """Add the claims to ``index`` (:func:`index_packed`: items of packed claims make
        their claims when asked for; ``cache``: that of ``index``)."""
        if self._claims is not None:
            for claim in self._claims:
                index.add(claim)
        else:
            index_packed(
                index, self._rows, self._strings, self._extras, self._document, TABLES, cache
            )

    def scopes(self, flows: frozenset[str]) -> frozenset[Scope]:
        """The scopes of the indexed claims, as :func:`~claimcheck.engine.groups.document_scopes`
        gives them for the flow metrics ``flows`` (without unpacking)."""
        return frozenset(
            scope for metric, scope, flowless in self._scopes if not (flowless and metric in flows)
        )

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.unpack())

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        return self.unpack()[index]

    def __reduce__(self) -> tuple[object, ...]:
        """Refuse to be pickled: the codes refer to this process's tables (``unpack()``
        the claims to send them elsewhere)."""
        raise TypeError(
            "PackedClaims are held within one process (coded by its tables): unpack() them "
            "to send them"
        )

    def __repr__(self) -> str:
        size = len(self._rows) + len(self._strings)
        return f"PackedClaims({self._count} claims, {size} bytes)"
