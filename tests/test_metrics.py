"""Metric terms and cue words from the rule packs."""

from __future__ import annotations

import pytest

from claimcheck.extract.entities import find_world_terms
from claimcheck.extract.metrics import (
    LAZY_CUES,
    cue_regex,
    find_cues,
    find_metric_mentions,
    find_terms,
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


@pytest.mark.parametrize(
    "text",
    [
        "Foreign trade turnover grew; economic growth slowed and total foreign trade fell.",
        "Exports fell by more than 5% year-on-year, while global trade is up 3%.",
        "Trade war talks stalled; imports expansion and an all-time high of shipments.",
        "It rose, said the trade ministry. Overall trade and the volume of foreign trade rose.",
        "A free-trade regime, non-global trade rules and anti-growth moves; up-to-date trade.",
    ],
)
def test_one_pass_term_scan_matches_the_separate_scans(text: str) -> None:
    terms = find_terms(text)
    assert terms.metrics == find_metric_mentions(text)
    assert terms.cues == find_cues(text)
    assert terms.worlds == find_world_terms(text)


def test_one_pass_term_scan_with_phrases_running_across_vocabularies() -> None:
    # "global trade" (whole world) runs into "trade balance" (a metric); "economic growth"
    # (a metric) holds "growth" (a cue).
    text = "The global trade balance improved as economic growth picked up; total trade surplus."
    terms = find_terms(text)
    assert terms.metrics == find_metric_mentions(text)
    assert terms.cues == find_cues(text)
    assert terms.worlds == find_world_terms(text)
    assert "trade balance" in [m.term for m in terms.metrics]
