"""The claims store's codec rebuilds claims and documents exactly."""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from pathlib import Path

import attrs
import record_strategies
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.documents import load_documents
from claimcheck.extract import extract_document
from claimcheck.model import Claim, Document
from claimcheck.store.codec import (
    decode_claims,
    decode_documents,
    decode_metadata,
    encode_claims,
    encode_metadata,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@cache
def fixture_claims() -> tuple[Claim, ...]:
    """Every claim of every ``fixtures/*.md``."""
    documents = [
        d
        for d in load_documents([str(p) for p in sorted(FIXTURES.glob("*.md"))])
        if isinstance(d, Document)
    ]
    return tuple(c for d in documents for c in extract_document(d))


def _round_trip(claims: tuple[Claim, ...], document_id: str) -> tuple[Claim, ...]:
    return decode_claims(encode_claims(claims), document_id)


def test_fixtures_have_claims_to_test() -> None:
    claims = fixture_claims()
    assert len(claims) > 100
    assert any(c.period is not None for c in claims)
    assert any(c.flow is not None for c in claims)
    assert any(c.unresolved for c in claims)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(fixture_claims()), min_size=1, max_size=6))
def test_fixture_claims_round_trip(claims: list[Claim]) -> None:
    for claim in claims:
        assert _round_trip((claim,), claim.document_id) == (claim,)


def test_every_fixture_claim_round_trips() -> None:
    for claim in fixture_claims():
        (back,) = _round_trip((claim,), claim.document_id)
        assert back == claim
        assert math.copysign(1.0, back.value) == math.copysign(1.0, claim.value)


_text = st.text(max_size=12)
_dates = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
_ROUND_TRIPPABLE = record_strategies.claims(
    numbers=st.floats(allow_nan=False),
    texts=_text,
    dates=_dates,
    document_id="doc",
    max_start=10_000,
)
"""Arbitrary claims the codec must keep: infinities, -0.0, unicode, every optional field set
or not (floats only: the store keeps no NaN and no ints)."""


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROUND_TRIPPABLE, max_size=4))
def test_arbitrary_claims_round_trip(generated: list[Claim]) -> None:
    back = _round_trip(tuple(generated), "doc")
    assert back == tuple(generated)
    for a, b in zip(back, generated, strict=True):
        assert repr(a.value) == repr(b.value)  # -0.0 stays -0.0


_documents = record_strategies.documents


@settings(max_examples=100, deadline=None)
@given(_documents)
def test_document_metadata_round_trips(document: Document) -> None:
    published = document.published.isoformat() if document.published else None
    back = decode_metadata(document.id, document.text, published, encode_metadata(document))
    assert back == document


@settings(max_examples=50, deadline=None)
@given(st.lists(_documents, max_size=5))
def test_documents_decoded_together_are_those_decoded_one_by_one(
    documents: list[Document],
) -> None:
    rows = [
        (
            d.id,
            d.text,
            d.published.isoformat() if d.published else None,
            encode_metadata(d),
        )
        for d in documents
    ]
    assert decode_documents(rows) == [decode_metadata(*row) for row in rows] == documents


def test_decoded_claims_share_equal_spans_but_stay_equal_to_the_originals() -> None:
    claims = fixture_claims()
    back = decode_claims(encode_claims(claims), claims[0].document_id)
    assert [attrs.evolve(c, document_id=claims[0].document_id) for c in claims] == list(back)
    first = [c for c in back if c.sentence == back[0].sentence]
    assert len(first) > 1 and all(c.sentence is first[0].sentence for c in first)


def test_decoded_records_are_built_as_their_init_builds_them() -> None:
    """:func:`decode_claim` stores the fields with the slot setters, bypassing the attrs
    ``__init__``: exact only while that ``__init__`` runs nothing else (no validator,
    converter or post-init), and the decoded records are then equal to (and hash as)
    those ``__init__`` builds from the same fields."""
    from claimcheck.model import Quantity

    for cls in (Quantity, Claim):
        assert not hasattr(cls, "__attrs_post_init__")
        assert not hasattr(cls, "__attrs_pre_init__")
        for field in attrs.fields(cls):
            assert field.validator is None and field.converter is None, (cls, field.name)
            assert field.on_setattr in (None, attrs.setters.NO_OP), (cls, field.name)
    claims = fixture_claims()[:50]
    for back in _round_trip(claims, claims[0].document_id):
        rebuilt = attrs.evolve(back, quantity=attrs.evolve(back.quantity))  # by __init__
        assert type(back) is Claim and type(back.quantity) is Quantity
        assert back == rebuilt and hash(back) == hash(rebuilt)
