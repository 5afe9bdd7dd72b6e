"""Packed claims (what ``--jobs N`` workers send back) unpack to equal records."""

from __future__ import annotations

import pickle

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from record_strategies import claims

from claimcheck.documents import make_document
from claimcheck.extract import extract_document
from claimcheck.model import Claim, Flow, Period, Quantity, Span, Unresolved
from claimcheck.packing import pack_claims, unpack_claims


def _fields(record: object) -> list[tuple[str, type, object]]:
    """Every field, with its type, down through nested records (NaN compared by its text)."""
    out: list[tuple[str, type, object]] = []
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
            out.append((field.name, tuple, len(value)))
        else:
            out.append((field.name, type(value), repr(value)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(claims(), max_size=4).map(tuple))
def test_arbitrary_claims_unpack_to_the_same_fields(found: tuple[Claim, ...]) -> None:
    back = unpack_claims(pickle.loads(pickle.dumps(pack_claims(found))))
    assert [_fields(claim) for claim in back] == [_fields(claim) for claim in found]


def test_extracted_claims_round_trip() -> None:
    document = make_document(
        "Exports from Freedonia to Sylvania rose by over 12.7% to $110.97 bln in 2023, "
        "while imports fell 3% to between 40 and 45 million tonnes in January-March 2024.",
        id="doc",
    )
    found = tuple(extract_document(document))
    assert len(found) >= 3
    assert unpack_claims(pack_claims(found)) == found


def test_the_packed_layout_knows_every_field() -> None:
    # pack_claims writes these fields positionally: a new field must be added there too
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
