"""The index's per-kind lists (:meth:`ClaimIndex.of_kind`, :meth:`ClaimIndex.groups`), filled
as items are filed, hold what filtering every item and key by kind gives (the old scans,
kept here as the oracle)."""

from __future__ import annotations

import math

import attrs
import record_strategies
from hypothesis import given, settings
from hypothesis import strategies as st
from test_packed import fixture_claims

from claimcheck.engine.config import load_config
from claimcheck.engine.index import ClaimIndex
from claimcheck.engine.packed import PackedClaims, index_claims
from claimcheck.model import Claim

_CONFIG = load_config(None)
_ALL_KINDS = ("level", "change", "share", "target", "forecast", "milestone", "count", "other")


def _same_as_scans(index: ClaimIndex) -> None:
    for kind in _ALL_KINDS:
        assert index.of_kind(kind) == [i for i in index.items if i.kind == kind]
        # (the index files by kind, then key: every (kind, key) filed, in order of kind)
        filed = [((k, key), by) for k, keyed in index._periods.items() for key, by in keyed.items()]
        expected = [(key, by) for (k, key), by in filed if k == kind]
        got = index.groups(kind)
        assert [k for k, _ in got] == [k for k, _ in expected]
        assert all(a is b for (_, a), (_, b) in zip(got, expected, strict=True))


def test_fixture_index_kinds() -> None:
    documents = list(fixture_claims())
    _same_as_scans(ClaimIndex([c for claims in documents for c in claims], _CONFIG))
    _same_as_scans(index_claims([PackedClaims(c) for c in documents], _CONFIG))


_METRICS = st.sampled_from([None, "exports", "imports", "trade_balance", "trade_turnover"])
_KINDS = st.sampled_from(["level", "change", "share", "target", "milestone", "count"])
_ENTITIES = st.lists(st.sampled_from(["CN", "RU", "IN"]), max_size=3).map(tuple)
_NUMBERS = record_strategies.numbers.filter(lambda x: not math.isnan(x))


@st.composite
def _document(draw: st.DrawFn) -> tuple[Claim, ...]:
    document = draw(st.sampled_from(["a", "b", "c"]))
    claims = draw(
        st.lists(
            # (no NaN: an interval bound must be a number, and the extractor gives none)
            record_strategies.claims(numbers=_NUMBERS, document_id=document),
            max_size=5,
        )
    )
    return tuple(
        attrs.evolve(c, metric=draw(_METRICS), kind=draw(_KINDS), entities=draw(_ENTITIES))
        for c in claims
    )


@settings(max_examples=80, deadline=None)
@given(st.lists(_document(), max_size=4))
def test_arbitrary_index_kinds(documents: list[tuple[Claim, ...]]) -> None:
    _same_as_scans(ClaimIndex([c for claims in documents for c in claims], _CONFIG))
    _same_as_scans(index_claims([PackedClaims(c) for c in documents], _CONFIG))
