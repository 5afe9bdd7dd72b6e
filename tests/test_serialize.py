"""The JSON contract (schema 1): keys, numbers, determinism."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from conftest import fake_claims

from claimcheck.documents import LoadFailure, make_document
from claimcheck.model import Claim, Document, Period, Quantity, Span
from claimcheck.serialize import (
    SCHEMA_VERSION,
    claim_to_dict,
    document_to_dict,
    dumps,
    extract_to_dict,
    failure_to_dict,
    number,
)

TEXT = "Exports rose over 26.3% to $110.97 bln. Turnover was $240.11 bln in 2023."

CLAIM_KEYS = [
    "id",
    "text",
    "span",
    "sentence",
    "sentence_span",
    "kind",
    "metric",
    "entities",
    "flow",
    "period",
    "value",
    "unit",
    "noun",
    "interval",
    "qualifier",
    "basis",
    "record",
    "unresolved",
    "quantity",
]


@pytest.fixture
def document() -> Document:
    return make_document(TEXT, id="doc", published=dt.date(2024, 10, 28))


def test_number_is_json_safe() -> None:
    assert number(float("inf")) is None
    assert number(float("-inf")) is None
    assert number(float("nan")) is None
    value = number(-0.0)
    assert value == 0.0 and value is not None and math.copysign(1.0, value) == 1.0
    assert number(240.11e9) == 240110000000.0


def test_claim_keys_and_values(document: Document) -> None:
    claims = fake_claims(document)
    data = [claim_to_dict(claim, document.text) for claim in claims]
    assert [list(item) for item in data] == [CLAIM_KEYS] * 3
    change, exports, turnover = data
    assert change["text"] == "26.3%"
    assert change["interval"] == [26.3, None]
    assert change["qualifier"] == "over"
    assert change["unresolved"] == {"metric": "no metric word in the sentence"}
    assert turnover["value"] == 240110000000.0
    assert turnover["quantity"]["interval"] == [240105000000.0, 240115000000.0]
    assert turnover["period"] == {
        "start": "2023-01-01",
        "end": "2023-12-31",
        "text": "in 2023",
        "kind": "interval",
        "unresolved": None,
    }
    assert exports["flow"] == {"from": "Russia", "to": "China"}
    for item in data:
        start, end = item["span"]
        assert TEXT[start:end] == item["text"]
        s_start, s_end = item["sentence_span"]
        assert TEXT[s_start:s_end] == item["sentence"]
        assert item["text"] in item["sentence"]


def test_unresolved_period_and_range(document: Document) -> None:
    quantity = Quantity(
        span=Span(0, 7),
        text="Exports",
        value=11.0,
        unit="percent",
        interval=(9.95, 12.05),
        precision=0.5,
        low=10.0,
        high=12.0,
        is_range=True,
    )
    claim = Claim(
        id="doc#9",
        document_id="doc",
        quantity=quantity,
        sentence=Span(0, 10),
        kind="forecast",
        metric=None,
        period=Period(None, None, "next year", unresolved="relative to an unknown date"),
        value=11.0,
        interval=(9.95, 12.05),
    )
    data = claim_to_dict(claim, TEXT)
    assert data["period"]["start"] is None
    assert data["period"]["unresolved"] == "relative to an unknown date"
    assert data["quantity"]["range"] == [10.0, 12.0]
    assert data["flow"] is None
    assert data["entities"] == []


def test_document_and_failure(document: Document) -> None:
    data = document_to_dict(document, fake_claims(document))
    assert list(data) == [
        "id",
        "path",
        "published",
        "published_from",
        "source",
        "url",
        "title",
        "claims",
    ]
    assert (data["published"], data["published_from"]) == ("2024-10-28", "option")
    failure = failure_to_dict(LoadFailure("a.md", "bad thing", 3))
    assert failure == {
        "path": "a.md",
        "line": 3,
        "status": "failed",
        "reason": "bad thing",
        "message": "a.md:3: bad thing",
    }


def test_dumps_is_deterministic_and_strict(document: Document) -> None:
    obj = extract_to_dict([(document, fake_claims(document))], [LoadFailure("x", "y")])
    assert obj["schema"] == SCHEMA_VERSION == 1
    first = dumps(obj)
    assert first == dumps(json.loads(first))
    assert "Infinity" not in first and "NaN" not in first
    assert dumps({"a": "\u2014"}, indent=None) == '{"a": "\u2014"}'
    with pytest.raises(ValueError, match="Out of range float"):
        dumps({"x": float("inf")})
