"""The extractor's internal records: plain offsets and pairs, the same places as spans.

Mentions (entities, metric terms, cues, period phrases) and sentences are kept
as ``start``/``end`` integers inside the extractor, where building a
:class:`~claimcheck.model.Span` per record cost more than the record itself;
these tests hold the offsets to the spans the public functions give, and the
records built with ``tuple.__new__`` to those their named tuples build.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.entities import EntityMention, find_entities
from claimcheck.extract.metrics import Cue, MetricMention, find_terms
from claimcheck.extract.periods import PeriodMention, find_periods
from claimcheck.extract.sentences import Sentences, sentence_bounds, split_sentences
from claimcheck.model import Span

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
