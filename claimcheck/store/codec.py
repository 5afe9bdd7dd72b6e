"""A faithful, compact encoding of claims and documents for the claims store.

Unlike the public JSON contract (:mod:`claimcheck.serialize`), which is made
for readers and drops what a reader does not need (infinite bounds become
``null``, ``-0.0`` becomes ``0.0``), this encoding exists to rebuild the very
same records: ``decode_claims(encode_claims(cs), doc_id) == cs``. It is a
JSON array of positional arrays (small and quick to parse); infinities are
written as JSON ``Infinity`` (Python's ``json`` reads them back) and floats
use the shortest round-trip ``repr``, so every bit of a value survives.

The layout is versioned by :data:`CODEC_VERSION`, which is part of the
content hash of stored documents (:mod:`claimcheck.store.hashing`): changing
the layout makes the next ``claimcheck index`` re-extract everything.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import zlib
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

from claimcheck.model import Claim, Document, Flow, Period, Quantity, Span, Unresolved
from claimcheck.slots import Setter, slot_setters

__all__ = [
    "CODEC_VERSION",
    "decode_claim",
    "decode_claims",
    "decode_documents",
    "decode_metadata",
    "decode_text",
    "encode_claim",
    "encode_claim_json",
    "encode_claims",
    "encode_metadata",
    "encode_text",
]

CODEC_VERSION = 1
"""Bumped whenever the positional layout below changes."""


_ISO: dict[_dt.date, str] = {}
"""_date's texts: claims name few distinct days (as ``claimcheck.engine.index.iso_date``,
kept here so that the store does not import the engine)."""


def _date(value: _dt.date | None) -> str | None:
    """``value.isoformat()``, remembered (formatting a date costs ~3,400 instructions)."""
    if value is None:
        return None
    text = _ISO.get(value)
    if text is None:
        if len(_ISO) >= 4096:
            _ISO.clear()
        text = _ISO[value] = value.isoformat()
    return text


def _undate(value: str | None) -> _dt.date | None:
    return None if value is None else _dt.date.fromisoformat(value)


def _quantity(q: Quantity) -> list[Any]:
    return [
        q.span.start,
        q.span.end,
        q.text,
        q.value,
        q.unit,
        q.interval[0],
        q.interval[1],
        q.precision,
        q.low,
        q.high,
        q.noun,
        q.qualifier,
        q.scale,
        q.is_range,
        q.transition,
    ]


def _period(p: Period | None) -> list[Any] | None:
    if p is None:
        return None
    return [_date(p.start), _date(p.end), p.text, p.kind, p.unresolved]


@functools.lru_cache(maxsize=4096)
def _period_of(
    start: str | None, end: str | None, text: str, kind: str, unresolved: str | None
) -> Period:
    """One (immutable, shared) :class:`Period` per distinct encoding: a store's claims name
    few periods, and decoding them is a good part of reading claims."""
    return Period(_undate(start), _undate(end), text, kind, unresolved)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4096)
def _flow_of(source: str, dest: str) -> Flow:
    return Flow(source, dest)


_span_of = functools.lru_cache(maxsize=16384)(Span)
"""One (immutable, shared) :class:`Span` per offset pair: claims of a store repeat few
offsets (sentences start at 0, short articles), and spans are a quarter of a claim's objects."""


_new: Final[Callable[[type], Any]] = object.__new__
_R = TypeVar("_R")


_QUANTITY: Final = slot_setters(Quantity)
_CLAIM: Final = slot_setters(Claim)

COMPILED: Final = not __file__.endswith((".py", ".pyc"))
"""Whether this module runs compiled by mypyc (its file is then an extension module)."""


def _record(cls: type[_R], setters: tuple[Setter, ...], values: tuple[Any, ...]) -> _R:
    """``cls(*values)``, every field given in order.

    Compiled, the generated attrs ``__init__`` is interpreted code, most of the cost of
    decoding a claim: the record is then created with ``object.__new__`` and each field
    stored with its slot's setter (:func:`~claimcheck.slots.slot_setters`), the instance
    ``__init__`` would build (the fields have no validators, converters or post-init:
    ``tests/test_store_codec.py`` checks). Interpreted, that is slower than ``__init__``,
    which is then called.
    """
    if not COMPILED:
        return cls(*values)
    new: _R = _new(cls)
    setters[0](new, values[0])
    setters[1](new, values[1])
    setters[2](new, values[2])
    setters[3](new, values[3])
    setters[4](new, values[4])
    setters[5](new, values[5])
    setters[6](new, values[6])
    setters[7](new, values[7])
    setters[8](new, values[8])
    setters[9](new, values[9])
    setters[10](new, values[10])
    setters[11](new, values[11])
    setters[12](new, values[12])
    for index in range(13, len(values)):  # Claim's 14th
        setters[index](new, values[index])
    return new


def encode_claim(claim: Claim) -> list[Any]:
    """One claim as a positional array (its document id is stored beside it, not in it)."""
    return [
        claim.id,
        _quantity(claim.quantity),
        claim.sentence.start,
        claim.sentence.end,
        claim.kind,
        claim.metric,
        list(claim.entities),
        None if claim.flow is None else [claim.flow.source, claim.flow.dest],
        _period(claim.period),
        claim.value,
        claim.interval[0],
        claim.interval[1],
        claim.basis,
        claim.record,
        [[u.field, u.reason] for u in claim.unresolved],
    ]


def decode_claim(row: list[Any], document_id: str) -> Claim:
    """The claim of :func:`encode_claim`'s array, in document ``document_id``.

    Reading a store decodes thousands of claims per check: the fields are passed by
    position, the two records are built without their attrs ``__init__`` when
    compiled (:func:`_record`), and spans, flows and periods are shared objects (:func:`_span_of`,
    :func:`_flow_of`, :func:`_period_of`).
    """
    q = row[1]
    flow = row[7]
    period = row[8]
    unresolved = row[14]
    quantity = _record(  # _quantity's array, by position
        Quantity,
        _QUANTITY,
        (
            _span_of(q[0], q[1]),
            q[2],
            q[3],
            q[4],
            (q[5], q[6]),
            q[7],
            q[8],
            q[9],
            q[10],
            q[11],
            q[12],
            q[13],
            q[14],
        ),
    )
    return _record(
        Claim,
        _CLAIM,
        (
            row[0],
            document_id,
            quantity,
            _span_of(row[2], row[3]),
            row[4],
            row[5],
            tuple(row[6]),
            None if flow is None else _flow_of(flow[0], flow[1]),
            None if period is None else _period_of(*period),
            row[9],
            (row[10], row[11]),
            row[12],
            row[13],
            tuple([Unresolved(f, r) for f, r in unresolved]) if unresolved else (),
        ),
    )


def encode_claim_json(claim: Claim) -> str:
    """One claim as compact JSON (an element of :func:`encode_claims`'s array)."""
    return json.dumps(encode_claim(claim), ensure_ascii=False, separators=(",", ":"))


def encode_claims(claims: Sequence[Claim]) -> str:
    """A JSON array of encoded claims (compact, ``Infinity`` allowed)."""
    return json.dumps([encode_claim(c) for c in claims], ensure_ascii=False, separators=(",", ":"))


def decode_claims(data: str | bytes, document_id: str) -> tuple[Claim, ...]:
    """The claims of :func:`encode_claims`."""
    return tuple(decode_claim(row, document_id) for row in json.loads(data))


def encode_metadata(document: Document) -> str:
    """A document's fields other than ``id``, ``text`` and ``published`` (stored in columns)."""
    return json.dumps(
        [document.path, document.published_from, document.source, document.url, document.title],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode_metadata(document_id: str, text: str, published: str | None, metadata: str) -> Document:
    """The document whose columns and :func:`encode_metadata` string are given."""
    return _document(document_id, text, published, json.loads(metadata))


def decode_documents(rows: Sequence[tuple[str, str, str | None, str]]) -> list[Document]:
    """The documents of ``(id, text, published, metadata)`` rows, as :func:`decode_metadata`
    gives them one by one (the metadata strings are parsed in one go)."""
    if not rows:
        return []
    fields = json.loads("[" + ",".join(row[3] for row in rows) + "]")
    return [
        _document(document_id, text, published, metadata)
        for (document_id, text, published, _), metadata in zip(rows, fields, strict=True)
    ]


def _document(document_id: str, text: str, published: str | None, metadata: list[Any]) -> Document:
    path, published_from, source, url, title = metadata
    return Document(document_id, text, path, _undate(published), published_from, source, url, title)


def encode_text(text: str) -> bytes:
    """A document's text as the store keeps it: zlib-compressed UTF-8 (lone surrogates kept)."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def decode_text(blob: bytes) -> str:
    """The text of :func:`encode_text`."""
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")
