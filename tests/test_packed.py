"""Packed claims (:mod:`claimcheck.engine.packed`) unpack to the very claims packed."""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from pathlib import Path

import attrs
import pytest
import record_strategies
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.documents import load_documents
from claimcheck.engine.index import scope_key
from claimcheck.engine.packed import PackedClaims, Table, Tables, pack_claims, unpack_claims
from claimcheck.extract import extract_document
from claimcheck.model import Claim, Document, Flow, Period, Quantity, Span, Unresolved

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@cache
def fixture_claims() -> tuple[tuple[Claim, ...], ...]:
    """The claims of every ``fixtures/*.md``, by document."""
    documents = [
        d
        for d in load_documents([str(p) for p in sorted(FIXTURES.glob("*.md"))])
        if isinstance(d, Document)
    ]
    return tuple(tuple(extract_document(d)) for d in documents)


def _fields(record: object) -> list[tuple[str, type, str]]:
    """Every field, with its type, down through nested records (floats by their text)."""
    out: list[tuple[str, type, str]] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if attrs.has(type(value)):
            out.extend((f"{field.name}.{n}", t, v) for n, t, v in _fields(value))
        elif isinstance(value, tuple):
            for position, item in enumerate(value):
                if attrs.has(type(item)):
                    nested = _fields(item)
                    out.extend((f"{field.name}[{position}].{n}", t, v) for n, t, v in nested)
                else:
                    out.append((f"{field.name}[{position}]", type(item), repr(item)))
            out.append((field.name, tuple, str(len(value))))
        else:
            out.append((field.name, type(value), repr(value)))
    return out


def _same(back: tuple[Claim, ...], claims: tuple[Claim, ...]) -> None:
    assert [type(c) for c in back] == [Claim] * len(claims)
    assert [_fields(c) for c in back] == [_fields(c) for c in claims]


def test_fixture_claims_round_trip_with_their_types() -> None:
    documents = fixture_claims()
    assert sum(len(c) for c in documents) > 100
    for claims in documents:
        packed = PackedClaims(claims)
        assert packed._claims is None  # extracted claims are packed
        back = packed.unpack()
        assert back == claims
        _same(back, claims)
        assert back[0] is not claims[0] if claims else True


_one_document = record_strategies.claims(document_id="doc", max_start=10_000)


@settings(max_examples=300, deadline=None)
@given(st.lists(_one_document, max_size=5).map(tuple))
def test_arbitrary_claims_come_back_as_they_were(claims: tuple[Claim, ...]) -> None:
    """NaN, infinities, -0.0, ints in float fields (kept as they are), odd strings."""
    back = tuple(PackedClaims(claims))
    _same(back, claims)


_FLOATS_ONLY = record_strategies.claims(
    numbers=st.floats(),
    dates=st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    document_id="doc",
    max_start=10_000,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FLOATS_ONLY, min_size=1, max_size=5).map(tuple))
def test_claims_with_declared_types_are_packed_bit_for_bit(claims: tuple[Claim, ...]) -> None:
    packed = pack_claims(claims)
    assert packed is not None
    back = unpack_claims(*packed, "doc")
    _same(back, claims)
    for a, b in zip(back, claims, strict=True):
        assert math.copysign(1.0, a.value) == math.copysign(1.0, b.value)


def test_claims_are_unpacked_into_the_document_given() -> None:
    claims = fixture_claims()[0]
    packed = pack_claims(claims)
    assert packed is not None
    back = unpack_claims(*packed, "other")
    assert list(back) == [attrs.evolve(c, document_id="other") for c in claims]


def test_an_int_in_a_float_field_keeps_the_claims_as_they_are() -> None:
    claim = fixture_claims()[0][0]
    odd = attrs.evolve(claim, value=5)
    assert pack_claims((claim, odd)) is None
    packed = PackedClaims((claim, odd))
    assert packed.unpack()[1].value == 5 and type(packed.unpack()[1].value) is int
    flagged = attrs.evolve(claim, record=1)  # equal to True, but not a bool
    assert pack_claims((flagged,)) is None


def test_offsets_past_four_billion_keep_the_claims_as_they_are() -> None:
    claim = fixture_claims()[0][0]
    far = attrs.evolve(claim, sentence=Span(2**32, 2**32 + 5))
    assert pack_claims((far,)) is None
    assert PackedClaims((far,)).unpack() == (far,)


def test_claims_of_several_documents_are_kept_as_they_are() -> None:
    first, second = fixture_claims()[:2]
    mixed = (*first[:2], *second[:2])
    packed = PackedClaims(mixed)
    assert packed.unpack() == mixed and len(packed) == 4


def test_values_past_full_tables_are_kept_with_their_document() -> None:
    tables = Tables(size=2)
    documents = [c for c in fixture_claims() if len(c) > 3]
    held = [(claims, pack_claims(claims, tables=tables)) for claims in documents]
    assert any(packed is not None and packed[2] for _, packed in held)
    for claims, packed in held:
        assert packed is not None
        _same(unpack_claims(*packed, claims[0].document_id, tables), claims)
    assert len(tables.flows.values) == 2


def test_a_table_codes_equal_values_alike() -> None:
    table = Table(None, size=3)
    extras: list[object] = []
    assert table.code(("a", "b"), Flow("a", "b"), extras) == 1
    assert table.code(("a", "b"), Flow("a", "b"), extras) == 1
    assert table.code(("c", "d"), Flow("c", "d"), extras) == 2
    assert table.code(("e", "f"), Flow("e", "f"), extras) == -1
    assert table.code(("g", "h"), Flow("g", "h"), extras) == -2
    assert extras == [Flow("e", "f"), Flow("g", "h")]


def test_scopes_are_those_of_the_claims() -> None:
    flows = frozenset({"exports", "imports"})
    for claims in fixture_claims():
        expected = set()
        for claim in claims:
            scope = scope_key(claim, flows)
            if scope is not None:
                expected.add(scope)
        assert PackedClaims(claims).scopes(flows) == expected
        assert PackedClaims(claims).scopes(flows) == expected  # cached alike


def test_unpacked_claims_share_their_repeated_values() -> None:
    claims = next(c for c in fixture_claims() if sum(x.period is not None for x in c) > 1)
    back = PackedClaims(claims).unpack()
    periods = {id(c.period) for c in back if c.period is not None}
    assert len(periods) == len({c.period for c in back if c.period is not None})


def test_the_packed_layout_knows_every_field() -> None:
    # pack_claims reads these fields by name and rebuilds them by position
    names = {
        cls: [field.name for field in attrs.fields(cls)]
        for cls in (Claim, Quantity, Span, Flow, Period, Unresolved)
    }
    assert names == {
        Claim: [
            "id",
            "document_id",
            "quantity",
            "sentence",
            "kind",
            "metric",
            "entities",
            "flow",
            "period",
            "value",
            "interval",
            "basis",
            "record",
            "unresolved",
        ],
        Quantity: [
            "span",
            "text",
            "value",
            "unit",
            "interval",
            "precision",
            "low",
            "high",
            "noun",
            "qualifier",
            "scale",
            "is_range",
            "transition",
        ],
        Span: ["start", "end"],
        Flow: ["source", "dest"],
        Period: ["start", "end", "text", "kind", "unresolved"],
        Unresolved: ["field", "reason"],
    }


def test_packed_claims_refuse_to_be_pickled() -> None:
    import pickle

    with pytest.raises(TypeError, match="within one process"):
        pickle.dumps(PackedClaims(fixture_claims()[0]))
