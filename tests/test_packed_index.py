"""Packed claims are indexed without unpacking them (:func:`claimcheck.engine.packed.index_claims`):
exactly as their claims are indexed one by one (:meth:`ClaimIndex.add`)."""

from __future__ import annotations

import attrs
import record_strategies
from hypothesis import given, settings
from hypothesis import strategies as st
from test_packed import fixture_claims

from claimcheck.engine.config import load_config
from claimcheck.engine.index import ClaimIndex, Item
from claimcheck.engine.packed import PackedClaims, index_claims
from claimcheck.model import Claim

_CONFIG = load_config(None)


def _item_view(item: Item) -> tuple[object, ...]:
    """Every field of an item, its claim included (made now for a packed claim)."""
    return (
        *item._fields(),
        item.document,
        item.scale,
        item.id,
        item.basis,
        item.record,
        item.sentence_key,
    )


def _index_view(index: ClaimIndex) -> tuple[object, ...]:
    """What an index holds, items by their fields."""
    return (
        [_item_view(i) for i in index.items],
        index.unindexed,
        [(k, [i.order for i in items]) for k, items in index.sentences()],
        [
            (kind, key, period, [i.order for i in index.get(kind, key, period)])
            for kind in ("level", "change", "share", "target", "forecast")
            for key, by_period in index.groups(kind)
            for period in by_period
        ],
        [
            (
                i.kind,
                i.key.measure,
                i.key.scope,
                i.key.flow,
                index.related(i.kind, i.key.measure, i.key.scope, i.key.flow),
            )
            for i in index.items
        ],
    )


def _same_index(documents: list[tuple[Claim, ...]]) -> None:
    packed = [PackedClaims(claims) for claims in documents]
    expected = ClaimIndex([c for claims in documents for c in claims], _CONFIG)
    # packed and held as they are, mixed (as a run holds its first documents' claims)
    mixed: list[tuple[Claim, ...] | PackedClaims] = [
        p if n % 2 else c for n, (p, c) in enumerate(zip(packed, documents, strict=True))
    ]
    for held in (packed, mixed):
        index = index_claims(held, _CONFIG)
        assert repr(_index_view(index)) == repr(_index_view(expected))


def test_fixture_claims_index_alike_packed() -> None:
    _same_index(list(fixture_claims()))


def test_a_packed_item_makes_its_claim_once() -> None:
    claims = next(c for c in fixture_claims() if c)
    index = index_claims([PackedClaims(claims)], _CONFIG)
    item = index.items[0]
    assert item.claim is item.claim
    assert item.claim == claims[item.order]


_METRICS = st.sampled_from(
    [None, "exports", "imports", "supplies", "trade_balance", "trade_turnover", "gdp"]
)
_KINDS = st.sampled_from(["level", "change", "share", "target", "milestone", "count"])


@st.composite
def _document(draw: st.DrawFn, numbers: st.SearchStrategy[float]) -> tuple[Claim, ...]:
    """A document's claims, of the metrics and kinds the index tells apart."""
    document = draw(st.sampled_from(["a", "b", "c"]))
    claims = draw(
        st.lists(record_strategies.claims(numbers=numbers, document_id=document), max_size=4)
    )
    return tuple(
        attrs.evolve(c, metric=draw(_METRICS), kind=draw(_KINDS), entities=draw(_ENTITIES))
        for c in claims
    )


_ENTITIES = st.lists(st.sampled_from(["CN", "RU", "IN", "US"]), max_size=3).map(tuple)


def _check(documents: list[tuple[Claim, ...]]) -> None:
    try:
        expected = ClaimIndex([c for claims in documents for c in claims], _CONFIG)
    except ValueError:  # a NaN interval (of a claim normalise reads it of)
        expected = None
    try:
        index = index_claims([PackedClaims(c) for c in documents], _CONFIG)
    except ValueError:
        assert expected is None
        return
    assert expected is not None
    # (by their texts: a NaN is not equal to itself; -0.0 and 0.0 differ)
    assert repr(_index_view(index)) == repr(_index_view(expected))


@settings(max_examples=150, deadline=None)
@given(st.lists(_document(st.floats()), max_size=3))
def test_arbitrary_packed_claims_index_alike(documents: list[tuple[Claim, ...]]) -> None:
    _check(documents)


@settings(max_examples=50, deadline=None)
@given(st.lists(_document(record_strategies.numbers), max_size=3))
def test_claims_kept_as_they_are_index_alike(documents: list[tuple[Claim, ...]]) -> None:
    _check(documents)
