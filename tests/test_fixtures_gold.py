"""The fixture gold itself is self-consistent (independent of any extractor).

Checks every ``fixtures/*.expected.json`` against its article: spans slice to
the surface text of the body as loaded, values agree with the printed number
and scale, fields use the documented vocabularies, periods parse, and every
inconsistency points at existing claims (also across fixtures).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from claimcheck.evaluate.fixtures import load_fixture_document, load_gold, split_front_matter
from claimcheck.model import ClaimKind, PeriodKind, Qualifier

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD_PATHS = sorted(FIXTURES.glob("*.expected.json"))
ARTICLE_PATHS = sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.md"))

MIN_ARTICLES = 18
MIN_WORDS, MAX_WORDS = 150, 500

METRICS = {
    "trade_turnover",
    "exports",
    "imports",
    "trade_balance",
    "investment",
    "production",
    "cargo_traffic",
    "tourist_arrivals",
    "tourism_revenue",
}
UNITS = {
    "USD",
    "EUR",
    "CNY",
    "RUB",
    "AED",
    "percent",
    "percentage_point",
    "t",
    "m**3",
    "barrel/day",
    "TEU",
    "count",
}
KINDS = set(typing.get_args(ClaimKind))
QUALIFIERS = set(typing.get_args(Qualifier))
PERIOD_KINDS = set(typing.get_args(PeriodKind))
BASES = {None, "yoy", "mom", "qoq"}
INCONSISTENCY_KINDS = {
    "parts_sum",
    "balance",
    "growth_vs_levels",
    "implied_prior_parts",
    "direction_vs_parts",
    "subperiod_exceeds_whole",
    "ytd_plus_month",
    "duplicate_value",
    "scale_slip",
    "ratio_word",
    "percent_vs_points",
    "share_bounds",
    "record_contradicted",
    "target_conflict",
    "target_met_claim",
}
REQUIRED = (
    "text",
    "span",
    "value",
    "unit",
    "noun",
    "kind",
    "metric",
    "entities",
    "flow",
    "period",
    "qualifier",
    "basis",
    "record",
)

_SCALES = {
    "bln": Decimal("1e9"),
    "bn": Decimal("1e9"),
    "billion": Decimal("1e9"),
    "bcm": Decimal("1e9"),
    "mln": Decimal("1e6"),
    "mn": Decimal("1e6"),
    "million": Decimal("1e6"),
    "trln": Decimal("1e12"),
    "trillion": Decimal("1e12"),
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _body(gold_path: Path) -> str:
    raw = _raw(gold_path)
    return load_fixture_document(FIXTURES / raw["document"]).text


_FRACTIONS = {"a third": 100 / 3, "half": 50.0, "a quarter": 25.0}


def _surface_value(surface: str) -> float:
    if surface in _FRACTIONS:
        return _FRACTIONS[surface]
    match = _NUMBER.search(surface)
    assert match, surface
    number = Decimal(match.group(0).replace(",", ""))
    word = re.match(r"\s*([A-Za-z]+)", surface[match.end() :])
    scale = _SCALES.get(word.group(1), Decimal(1)) if word else Decimal(1)
    return float(number * scale)


def test_enough_articles_each_with_gold() -> None:
    assert len(ARTICLE_PATHS) >= MIN_ARTICLES
    assert {p.name.removesuffix(".md") for p in ARTICLE_PATHS} == {
        p.name.removesuffix(".expected.json") for p in GOLD_PATHS
    }


def test_split_front_matter_body_starts_after_closing_line() -> None:
    fields, body = split_front_matter("---\npublished: 2024-01-02\ntitle: T\n---\nBody\n")
    assert fields == {"published": "2024-01-02", "title": "T"}
    assert body == "Body\n"
    assert split_front_matter("No front matter\n") == ({}, "No front matter\n")


def test_some_articles_are_undated() -> None:
    undated = [p for p in GOLD_PATHS if _raw(p)["published"] is None]
    assert len(undated) >= 2


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_document_and_front_matter(gold_path: Path) -> None:
    raw = _raw(gold_path)
    assert raw["document"] == gold_path.name.replace(".expected.json", ".md")
    md = FIXTURES / raw["document"]
    fields, body = split_front_matter(md.read_text(encoding="utf-8"))
    assert fields.get("source") and fields.get("title")
    assert fields.get("published") == raw["published"]
    if raw["published"] is not None:
        dt.date.fromisoformat(raw["published"])
    words = len(body.split())
    assert MIN_WORDS <= words <= MAX_WORDS, words
    doc = load_fixture_document(md)
    assert doc.text == body
    assert (doc.published is None) == (raw["published"] is None)


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_claims_are_well_formed(gold_path: Path) -> None:
    raw = _raw(gold_path)
    text = _body(gold_path)
    assert raw["claims"], "every fixture has claims"
    previous_end = 0
    for n, claim in enumerate(raw["claims"]):
        where = f"{gold_path.name} claim {n} {claim.get('text')!r}"
        for key in REQUIRED:
            assert key in claim, f"{where}: missing {key}"
        start, end = claim["span"]
        assert text[start:end] == claim["text"], where
        assert start >= previous_end, f"{where}: claims out of text order or overlapping"
        previous_end = end
        assert claim["unit"] in UNITS, where
        assert (claim["unit"] == "count") == (claim["noun"] is not None), where
        assert claim["kind"] in KINDS, where
        assert claim["metric"] is None or claim["metric"] in METRICS, where
        assert claim["qualifier"] is None or claim["qualifier"] in QUALIFIERS, where
        assert claim["basis"] in BASES, where
        assert isinstance(claim["record"], bool), where
        assert claim["entities"] == sorted(claim["entities"]), where
        assert len(set(claim["entities"])) == len(claim["entities"]), where
        if claim["flow"] is not None:
            assert set(claim["flow"]) == {"from", "to"}, where
            assert claim["flow"]["from"] in claim["entities"], where
            assert claim["flow"]["to"] in claim["entities"], where
        # value in base units, consistent with the printed number and scale
        assert isinstance(claim["value"], float), where
        assert abs(claim["value"]) == pytest.approx(_surface_value(claim["text"]), rel=1e-12), where
        if claim["value"] < 0:
            assert claim["kind"] == "change" or claim["metric"] == "trade_balance", where
        if claim["unit"] == "percent" and claim["kind"] != "share":
            assert claim["kind"] in {"change", "target", "forecast"}, where
        period = claim["period"]
        if period is not None:
            assert period.get("kind", "interval") in PERIOD_KINDS, where
            start_d = None if period["start"] is None else dt.date.fromisoformat(period["start"])
            end_d = None if period["end"] is None else dt.date.fromisoformat(period["end"])
            if period.get("kind") == "deadline":
                assert start_d is None and end_d is not None, where
            else:
                assert start_d is not None and end_d is not None and start_d <= end_d, where
        if claim["kind"] == "target":
            assert period is None or period.get("kind") == "deadline", where


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_not_quantities_occur_outside_claims(gold_path: Path) -> None:
    raw = _raw(gold_path)
    text = _body(gold_path)
    spans = [tuple(c["span"]) for c in raw["claims"]]
    for surface in raw["not_quantities"]:
        hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
        free = [h for h in hits if all(min(h[1], e) <= max(h[0], s) for s, e in spans)]
        assert free, f"{gold_path.name}: not_quantity {surface!r} not found outside claims"


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=lambda p: p.name)
def test_inconsistencies_reference_existing_claims(gold_path: Path) -> None:
    raw = _raw(gold_path)
    n = len(raw["claims"])
    for inc in raw["inconsistencies"]:
        assert inc["kind"] in INCONSISTENCY_KINDS, inc
        assert inc["note"], inc
        assert inc["claims"] and all(0 <= k < n for k in inc["claims"]), inc
        other = inc.get("other")
        if other is not None:
            other_gold = FIXTURES / other["document"].replace(".md", ".expected.json")
            assert other_gold.is_file(), other
            m = len(_raw(other_gold)["claims"])
            assert other["claims"] and all(0 <= k < m for k in other["claims"]), other


def test_planted_inconsistency_kinds_are_all_covered() -> None:
    kinds = {inc["kind"] for p in GOLD_PATHS for inc in _raw(p)["inconsistencies"]}
    assert kinds == INCONSISTENCY_KINDS
    consistent = [p for p in GOLD_PATHS if not _raw(p)["inconsistencies"]]
    assert len(consistent) >= 4


def test_loader_agrees_with_raw_json() -> None:
    for path in GOLD_PATHS:
        gold = load_gold(path)
        raw = _raw(path)
        assert len(gold.claims) == len(raw["claims"])
        assert gold.published == (
            None if raw["published"] is None else dt.date.fromisoformat(raw["published"])
        )


def test_readme_lists_every_fixture_and_metric() -> None:
    readme = (FIXTURES.parent / "docs" / "fixtures.md").read_text(encoding="utf-8")
    for path in ARTICLE_PATHS:
        assert path.name.removesuffix(".md") in readme, path.name
    for metric in METRICS:
        assert f"`{metric}`" in readme, metric
