# mypy: disable-error-code="comparison-overlap"
"""NewsQuant scoring: the matcher, and the full evaluation when ../shared is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.evaluate.matching import (
    Prediction,
    from_quantity,
    match_sentence,
    normalise_unit,
    parse_gold_value,
    predictions,
    unit_name,
)
from claimcheck.extract.quantities import find_quantities

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWSQUANT = SHARED / "benchmarks/newsquant/formatted_test_set/NewsQuant.json"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It cost $5 bln.", "dollar"),
        ("It cost 5 bln yen.", "japanese yen"),
        ("It rose 5%.", "percentage"),
        ("It rose 5 percentage points.", "percentage point"),
        ("The car does 60 mph.", "mile per hour"),
        ("It cost $52 a barrel.", "dollar per barrel"),
        ("The firm has 1,000 customers.", "customer"),
        ("There were 13 people.", "people"),
        ("The 40-year-old won.", "year of age"),
        ("The index closed at 7,425.81, flat.", "-"),
        ("Shares fell 19 cents.", "cent"),
        ("The pipe is 40 km long.", "kilometre"),
    ],
)
def test_unit_names(text: str, name: str) -> None:
    (q,) = find_quantities(text)
    assert unit_name(q) == name


def test_cents_compare_as_printed() -> None:
    (q,) = find_quantities("Shares fell 19 cents.")
    assert from_quantity(q).value == (pytest.approx(19.0), pytest.approx(19.0))


def test_parse_gold_value() -> None:
    assert parse_gold_value("240.11") == (240.11, 240.11)
    assert parse_gold_value("10-12") == (10.0, 12.0)
    assert parse_gold_value("3.0 - 4.0") == (3.0, 4.0)
    assert parse_gold_value("-1.3") == (-1.3, -1.3)
    assert parse_gold_value("n/a") is None


def test_greedy_one_to_one_matching() -> None:
    gold = [Prediction((5.0, 5.0), "percentage"), Prediction((5.0, 5.0), "dollar")]
    preds = [
        Prediction((5.0, 5.0), "dollar"),
        Prediction((5.0, 5.0), "dollar"),
        Prediction((7.0, 7.0), "-"),
    ]
    value_tp, unit_tp, bad_pred, bad_gold = match_sentence(preds, gold)
    assert (value_tp, unit_tp, bad_pred, bad_gold) == (2, 1, [2], [])


@pytest.mark.shared
@pytest.mark.skipif(not NEWSQUANT.is_file(), reason="../shared NewsQuant not present")
def test_newsquant_scores_beat_quantulum_baseline() -> None:
    from claimcheck.evaluate.newsquant import evaluate_newsquant

    result = evaluate_newsquant(NEWSQUANT, with_quantulum=False)
    ours = result["systems"]["claimcheck"]
    assert result["gold"] == 904
    assert ours["value"]["F1"] >= 92.0
    assert ours["value+unit"]["F1"] >= 86.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("categories of products", "category product"),
        ("Kia and Hyundai vehicles", "Kia Hyundai vehicle"),
        ("best wireless speakers", "good wireless speaker"),
        ("realest conversations", "real conversation"),
        ("foot pound-force", "pound-foot"),
    ],
)
def test_unit_names_compare_lemmatised(a: str, b: str) -> None:
    assert normalise_unit(a) == normalise_unit(b)


def test_unit_normalisation_keeps_different_units_apart() -> None:
    assert normalise_unit("dollar per share") != normalise_unit("dollar")
    assert normalise_unit("rushing yards") != normalise_unit("yard")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares rose to 164p.", "point"),
        ("It lost 63 cents per share.", "cent per share"),
        ("A third of the US population voted.", "% US population"),
        ("Sales grew sixfold.", "count"),
        ("It shipped 12.3m tonnes of fuel.", "metric ton"),
        ("Trailers can weigh 10 tons.", "ton"),
        ("Her 18-month-old daughter slept.", "month of age"),
    ],
)
def test_more_unit_names(text: str, name: str) -> None:
    (q,) = find_quantities(text)
    assert unit_name(q) == name


def test_from_to_pair_is_one_prediction() -> None:
    preds = predictions(find_quantities("Prices fell from $75 to $45.88 in a month."))
    assert [(p.value, p.unit) for p in preds] == [((75.0, 45.88), "dollar")]
    preds = predictions(find_quantities("Revenue rose to $7.36 billion from $6.78 billion."))
    assert len(preds) == 2
