"""The extractor's internal records: plain offsets and pairs, the same places as spans.

Mentions (entities, metric terms, cues, period phrases) and sentences are kept
as ``start``/``end`` integers inside the extractor, where building a
:class:`~claimcheck.model.Span` per record cost more than the record itself;
these tests hold the offsets to the spans the public functions give, and the
records built with ``tuple.__new__`` to those their named tuples build.
"""

from __future__ import annotations

import bisect
import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract, records
from claimcheck.extract.entities import EntityMention, find_entities
from claimcheck.extract.metrics import Cue, MetricMention, find_terms
from claimcheck.extract.offsets import search_left, search_right
from claimcheck.extract.periods import PeriodMention, find_periods
from claimcheck.extract.sentences import Sentences, sentence_bounds, split_sentences
from claimcheck.model import Claim, Flow, Period, Quantity, Span, Unresolved

_TEXT = (
    "MOSCOW, May 3 - Russia's exports to China rose 12% year on year to $9.8 bln in "
    "January-March 2024, while imports from China fell to $7.1 bln. It is a record.\n\n"
    "Trade turnover between the two countries reached $240 bln in 2023, and the "
    "German trade surplus narrowed in the first quarter."
)


def test_mentions_give_their_span_and_text() -> None:
    entities = find_entities(_TEXT)
    assert [_TEXT[m.start : m.end] for m in entities][:3] == ["MOSCOW", "Russia", "China"]
    terms = find_terms(_TEXT)
    periods = find_periods(_TEXT, dt.date(2024, 5, 3))
    mentions: list[EntityMention | MetricMention | Cue | PeriodMention]
    mentions = [*entities, *terms.metrics, *terms.cues, *periods]
    assert terms.metrics and terms.cues and len(mentions) > len(entities)
    for mention in mentions:
        assert mention.span == Span(mention.start, mention.end)
        assert 0 <= mention.start < mention.end <= len(_TEXT)


def test_records_built_from_tuples_equal_their_named_tuples() -> None:
    entity = find_entities(_TEXT)[1]
    assert entity == EntityMention(*entity) and type(entity) is EntityMention
    assert entity.entity == "Russia" and entity.party and entity.reason is None
    terms = find_terms(_TEXT)
    metric, cue = terms.metrics[0], terms.cues[0]
    assert metric == MetricMention(*metric) and type(metric) is MetricMention
    assert cue == Cue(*cue) and type(cue) is Cue
    assert _TEXT[metric.start : metric.end] == metric.term == "exports"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab .\n$1%U.S,;", max_size=120))
def test_sentence_bounds_are_the_sentence_spans(text: str) -> None:
    bounds = sentence_bounds(text)
    assert split_sentences(text) == tuple(Span(s, e) for s, e in bounds)
    assert Sentences(text).bounds == bounds
    assert Sentences(text).spans == split_sentences(text)


def test_public_records_have_nothing_their_init_would_run() -> None:
    """:mod:`claimcheck.extract.records` bypasses the attrs ``__init__`` when compiled:
    exact only while no field has a validator, a converter or a factory, and no class
    has ``__attrs_post_init__``."""
    for cls in (Span, Flow, Unresolved, Period, Quantity, Claim):
        assert not hasattr(cls, "__attrs_post_init__")
        assert not hasattr(cls, "__attrs_pre_init__")
        for field in attrs.fields(cls):
            assert field.validator is None and field.converter is None, (cls, field.name)
            assert not isinstance(field.default, attrs.Factory), (cls, field.name)  # type: ignore[arg-type]
        assert set(cls.__slots__) <= {f.name for f in attrs.fields(cls)} | {"__weakref__"}


def _fast(cls: type, *values: object) -> object:
    """Build ``cls`` as the compiled path of :mod:`~claimcheck.extract.records` does."""
    new = object.__new__(cls)
    for field, value in zip(attrs.fields(cls), values, strict=True):
        vars(cls)[field.name].__set__(new, value)
    return new


def test_records_built_without_init_equal_the_classes() -> None:
    claims = extract(_TEXT, published=dt.date(2024, 5, 3))
    assert claims
    for claim in claims:
        quantity = claim.quantity
        values = [getattr(quantity, f.name) for f in attrs.fields(Quantity)]
        assert records.quantity(*values) == quantity == _fast(Quantity, *values)
        assert records.span(quantity.span.start, quantity.span.end) == quantity.span
        assert _fast(Span, quantity.span.start, quantity.span.end) == quantity.span
        values = [getattr(claim, f.name) for f in attrs.fields(Claim)]
        built = _fast(Claim, *values)
        assert records.claim(*values) == claim == built and hash(built) == hash(claim)
        assert repr(built) == repr(claim)
        if claim.period is not None:
            values = [getattr(claim.period, f.name) for f in attrs.fields(Period)]
            assert records.period(*values) == claim.period == _fast(Period, *values)
        if claim.flow is not None:
            assert records.flow(claim.flow.source, claim.flow.dest) == claim.flow
            assert _fast(Flow, claim.flow.source, claim.flow.dest) == claim.flow
        for reason in claim.unresolved:
            assert records.unresolved(reason.field, reason.reason) == reason
            assert _fast(Unresolved, reason.field, reason.reason) == reason
    assert any(c.flow for c in claims) and any(c.period for c in claims)
    assert any(c.unresolved for c in claims)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-5, 60), max_size=40), st.integers(-8, 64))
def test_offset_search_is_bisect(items: list[int], x: int) -> None:
    offsets = sorted(items)
    assert search_left(offsets, x) == bisect.bisect_left(offsets, x)
    assert search_right(offsets, x) == bisect.bisect_right(offsets, x)
