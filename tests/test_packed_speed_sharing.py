"""Packing takes what a claim shares with the previous one (the very same objects, equal
entities) as worked out already (:mod:`claimcheck.engine.packed`): claims that share
objects, or not, come back and index exactly."""

from __future__ import annotations

from typing import Any

import attrs
import record_strategies
from hypothesis import given, settings
from hypothesis import strategies as st
from test_packed import _same, fixture_claims
from test_packed_index import _CONFIG, _check, _index_view

from claimcheck.engine.index import ClaimIndex
from claimcheck.engine.packed import PackedClaims, index_claims, pack_claims
from claimcheck.model import Claim, Quantity

_FLOATS = record_strategies.claims(numbers=st.floats(), document_id="doc", max_start=10_000)
_ANY = record_strategies.claims(document_id="doc", max_start=10_000)
_METRICS = st.sampled_from([None, "exports", "imports", "trade_balance", "gdp"])
_KINDS: st.SearchStrategy[Any] = st.sampled_from(["level", "change", "milestone", "count"])


def _sharing(claim: Claim, previous: Claim, shares: list[bool], metric: str | None) -> Claim:
    """``claim`` with some fields the very objects of ``previous`` (as a document's claims
    share them), and its value and interval its quantity's own ones or not."""
    quantity: Quantity = claim.quantity
    if shares[0]:  # the shape's strings and flags
        quantity = attrs.evolve(
            quantity,
            unit=previous.quantity.unit,
            noun=previous.quantity.noun,
            qualifier=previous.quantity.qualifier,
            is_range=previous.quantity.is_range,
            transition=previous.quantity.transition,
        )
    changes: dict[str, Any] = {"quantity": quantity, "metric": metric}
    if shares[0]:
        changes.update(kind=previous.kind, basis=previous.basis, record=previous.record)
    for share, name in zip(
        shares[1:], ("sentence", "entities", "flow", "period", "unresolved"), strict=False
    ):
        if share:
            changes[name] = getattr(previous, name)
    if shares[6]:
        changes.update(value=quantity.value, interval=quantity.interval)
    return attrs.evolve(claim, **changes)


@st.composite
def _document(draw: st.DrawFn, claims: st.SearchStrategy[Claim]) -> tuple[Claim, ...]:
    """A document's claims, each sharing some objects with the one before."""
    drawn = draw(st.lists(claims, max_size=12))
    out: list[Claim] = []
    for drawn_claim in drawn:
        metric = draw(_METRICS)
        shared = drawn_claim if not out else out[-1]
        shares = draw(st.lists(st.booleans(), min_size=7, max_size=7))
        claim = attrs.evolve(drawn_claim, kind=draw(_KINDS))
        out.append(_sharing(claim, shared, shares, metric if not shares[0] else shared.metric))
    return tuple(out)


@settings(max_examples=60, deadline=None)
@given(_document(_FLOATS))
def test_claims_sharing_objects_come_back_exactly(claims: tuple[Claim, ...]) -> None:
    packed = pack_claims(claims)
    assert packed is not None
    back = PackedClaims(claims).unpack()
    _same(back, claims)


@settings(max_examples=60, deadline=None)
@given(_document(_ANY))
def test_claims_sharing_objects_of_any_field_types_come_back(claims: tuple[Claim, ...]) -> None:
    """Ints in float fields (a claim's value its quantity's: checked once) keep them all."""
    _same(PackedClaims(claims).unpack(), claims)


@settings(max_examples=40, deadline=None)
@given(st.lists(_document(_FLOATS), max_size=3))
def test_claims_sharing_objects_index_alike(documents: list[tuple[Claim, ...]]) -> None:
    _check(documents)


def test_claims_repeated_in_a_document_come_back_and_index_alike() -> None:
    claims = max(fixture_claims(), key=len)
    long = tuple(claims * 3)
    packed = PackedClaims(long)
    assert packed._claims is None
    _same(packed.unpack(), long)
    index = index_claims([packed], _CONFIG)
    assert repr(_index_view(index)) == repr(_index_view(ClaimIndex(long, _CONFIG)))


def test_a_claim_of_another_document_keeps_them_as_they_are() -> None:
    claims = next(c for c in fixture_claims() if len(c) > 2)
    mixed = (*claims[:-1], attrs.evolve(claims[-1], document_id="other"))
    assert pack_claims(mixed, document=claims[0].document_id) is None
    packed = PackedClaims(mixed)
    assert packed._claims == mixed
    assert packed.unpack() == mixed
