"""Metric terms and cue words from the rule packs."""

from __future__ import annotations

from claimcheck.extract.metrics import (
    LAZY_CUES,
    cue_regex,
    find_cues,
    find_metric_mentions,
    metric_def,
)


def _metrics(text: str) -> list[tuple[str, str]]:
    return [(m.metric, m.term) for m in find_metric_mentions(text)]


def test_longest_term_wins_and_synonyms_map_to_keys() -> None:
    assert _metrics("Trade turnover and the volume of bilateral trade rose") == [
        ("trade_turnover", "trade turnover"),
        ("trade_turnover", "volume of bilateral trade"),
    ]
    assert _metrics("a trade surplus, a positive balance, India's trade deficit") == [
        ("trade_balance", "trade surplus"),
        ("trade_balance", "positive balance"),
        ("trade_balance", "trade deficit"),
    ]
    assert _metrics("Exports rose; imports fell; supplies grew") == [
        ("exports", "exports"),
        ("imports", "imports"),
        ("supplies", "supplies"),
    ]


def test_vetoed_terms_are_not_metrics() -> None:
    assert _metrics("the trade war and trade partners; a trade representative") == []


def test_directional_and_neutral_flags() -> None:
    exports, supplies = find_metric_mentions("exports and supplies")
    assert exports.directional
    assert not exports.neutral
    assert supplies.neutral
    definition = metric_def("supplies")
    assert definition is not None
    assert definition.flow_of == "exports"
    assert metric_def("nonsense") is None


def test_cues() -> None:
    found = [(c.name, c.phrase) for c in find_cues("Exports fell by more than 5% year-on-year")]
    assert found == [("decrease", "fell"), ("yoy", "year-on-year")]
    names = {c.name for c in find_cues("an all-time high; aiming for a goal; expected")}
    assert {"record", "target", "forecast"} <= names
    assert [c.phrase for c in find_cues("this is up to 5 and down")] == ["down"]


def test_lazy_cues_are_searched_on_demand() -> None:
    assert all(c.name not in LAZY_CUES for c in find_cues("In 2017 it grew; this figure rose."))
    pattern = cue_regex("anaphora")
    assert pattern.search("In 2017, this figure increased") is not None
    assert pattern.search("Items and iterations") is None
