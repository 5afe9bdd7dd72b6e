"""End-to-end claim checks on the seed articles, and scoring against the reviewer annotations.

Reads ``../shared/corpus`` (skipped when absent). Run this file as a script
(``python tests/test_seed_claims.py``) to print claim-level accuracy of
metric, kind, entities, flow and period against ``corpus/real/*.annotations.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import pytest

from claimcheck.documents import load_documents
from claimcheck.extract import extract
from claimcheck.model import Claim, Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
REAL = SHARED / "corpus" / "real"

# Publication dates known from outside the texts (corpus/README.md).
SEED_DATES = {
    "000": dt.date(2023, 11, 8),
    "001": dt.date(2024, 10, 28),
    "002": dt.date(2022, 2, 4),
    "004": dt.date(2021, 12, 9),
}

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared corpus is absent")


def _seed(prefix: str) -> list[Claim]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract(
        path.read_text(encoding="utf-8"), published=SEED_DATES.get(prefix), document_id=prefix
    )


def _one(claims: Iterable[Claim], text: str) -> Claim:
    found = [c for c in claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims]}"
    return found[0]


def _dates(claim: Claim) -> tuple[dt.date | None, dt.date | None]:
    assert claim.period is not None, claim
    return claim.period.start, claim.period.end


Y2023 = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@needs_shared
@pytest.mark.shared
def test_seed_001_key_claims() -> None:
    claims = _seed("001")
    exports = _one(claims, "$110.97 bln")
    assert (exports.kind, exports.metric, exports.qualifier) == ("level", "exports", "about")
    assert exports.flow is not None
    assert (exports.flow.source, exports.flow.dest) == ("China", "Russia")
    assert _dates(exports) == Y2023
    turnover = _one(claims, "$240.11 bln")
    assert (turnover.metric, turnover.entities, turnover.record) == (
        "trade_turnover",
        ("China", "Russia"),
        True,
    )
    assert _dates(turnover) == Y2023
    growth = _one(claims, "26.3%")
    assert (growth.kind, growth.metric, growth.value) == ("change", "trade_turnover", 26.3)
    assert _dates(growth) == Y2023
    nine_months = _one(claims, "$180 bln")
    assert (nine_months.metric, nine_months.qualifier) == ("trade_turnover", "over")
    assert _dates(nine_months) == (dt.date(2024, 1, 1), dt.date(2024, 9, 30))
    imports = _one(claims, "$129.14 bln")
    assert imports.flow is not None
    assert (imports.metric, imports.flow.source, imports.flow.dest) == (
        "imports",
        "Russia",
        "China",
    )


@needs_shared
@pytest.mark.shared
def test_seed_000_key_claims() -> None:
    claims = _seed("000")
    level = _one(claims, "$196.48 billion")
    assert level.metric == "trade_turnover"
    assert _dates(level) == (dt.date(2023, 1, 1), dt.date(2023, 10, 31))
    growth = _one(claims, "27.7%")
    assert (growth.kind, growth.metric, growth.basis) == ("change", "trade_turnover", "yoy")
    targets = [c for c in claims if c.text == "$200 billion"]
    assert targets
    assert all(c.kind == "target" and c.metric == "trade_turnover" for c in targets)
    share = _one(claims, "22%")
    assert share.kind == "share"


@needs_shared
@pytest.mark.shared
def test_seed_002_and_004_targets_and_signs() -> None:
    claims_002 = _seed("002")
    assert _one(claims_002, "$250 bln").kind == "target"
    fell = _one(claims_002, "7%")
    assert (fell.kind, fell.value) == ("change", -7.0)
    claims_004 = _seed("004")
    target = _one(claims_004, "$200 billion")
    assert target.kind == "target"
    assert target.period is not None
    assert (target.period.kind, target.period.end) == ("deadline", dt.date(2024, 12, 31))


@needs_shared
@pytest.mark.shared
def test_seed_003_relative_periods_stay_unresolved() -> None:
    claims = _seed("003")  # publication date unknown: "last year" cannot be resolved
    growth = _one(claims, "55%")
    assert growth.kind == "change"
    assert growth.period is not None
    assert growth.period.start is None
    assert growth.period.unresolved
    passengers = _one(claims, "300 thousand passengers")
    assert passengers.kind == "count"


# --- scoring against the reviewer's annotations ---------------------------------------------


@attrs.frozen
class Score:
    """Matched claims and per-field correct counts."""

    annotated: int
    matched: int
    correct: dict[str, int]
    misses: tuple[str, ...]
    dated_matched: int = 0
    dated_period_correct: int = 0

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.matched if self.matched else 0.0


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _expected(annotation: dict[str, Any]) -> dict[str, object]:
    metric = str(annotation["metric"])
    growth_of = annotation.get("growth_of")
    period = annotation.get("period") or {}
    assert isinstance(period, dict)
    kind, expected_metric = {
        "growth": ("change", str(growth_of).split()[0] if growth_of else None),
        "share": ("share", None),
        "target": ("target", None),
        "threshold": ("milestone", None),
    }.get(metric, ("level", metric))
    direction = annotation.get("direction")
    return {
        "kind": kind,
        "metric": expected_metric,
        "entities": tuple(sorted(annotation.get("entities") or [])),
        "flow": direction,
        "period": (period.get("start"), period.get("end")),
    }


def _actual(claim: Claim) -> dict[str, object]:
    period = claim.period
    return {
        "kind": claim.kind,
        "metric": claim.metric,
        "entities": claim.entities,
        "flow": f"{claim.flow.source}->{claim.flow.dest}" if claim.flow else None,
        "period": (
            (period.start.isoformat() if period and period.start else None),
            (period.end.isoformat() if period and period.end else None),
        ),
    }


FIELDS = ("kind", "metric", "entities", "flow", "period")


def score_against_annotations(real_dir: Path = REAL, *, verbose: bool = False) -> Score:
    """Extract every ``real/*.md`` article and compare with its ``*.annotations.json``.

    Claims are matched to annotations by the digits of their surface text, in
    text order. ``metric`` is scored where the annotation names one (for a
    growth figure: the metric it is the growth of); the other fields always.
    """
    correct = dict.fromkeys(FIELDS, 0)
    annotated = matched = dated_matched = dated_period_correct = 0
    misses: list[str] = []
    for md in sorted(real_dir.glob("*.md")):
        documents = [d for d in load_documents([str(md)]) if isinstance(d, Document)]
        if not documents:
            continue
        claims = extract(documents[0])
        data = json.loads(md.with_suffix(".annotations.json").read_text(encoding="utf-8"))
        used: set[int] = set()
        for annotation in data["claims"]:
            annotated += 1
            digits = _digits(annotation["surface"])
            match = next(
                (i for i, c in enumerate(claims) if i not in used and _digits(c.text) == digits),
                None,
            )
            if match is None:
                misses.append(f"{md.stem} {annotation['surface']}: no claim")
                continue
            used.add(match)
            matched += 1
            want, got = _expected(annotation), _actual(claims[match])
            if documents[0].published is not None:
                dated_matched += 1
                dated_period_correct += want["period"] == got["period"]
            for name in FIELDS:
                if name == "metric" and want["metric"] is None:
                    ok = True
                else:
                    ok = want[name] == got[name]
                correct[name] += ok
                if not ok:
                    misses.append(
                        f"{md.stem} {annotation['surface']!r} {name}: "
                        f"want {want[name]} got {got[name]}"
                    )
    score = Score(annotated, matched, correct, tuple(misses), dated_matched, dated_period_correct)
    if verbose:
        print(f"annotated {annotated}, matched {matched}")
        for name in FIELDS:
            print(f"{name:9} {score.accuracy(name):.1%} ({correct[name]}/{matched})")
        if dated_matched:
            share = dated_period_correct / dated_matched
            print(
                f"period, articles with a known publication date: {share:.1%} "
                f"({dated_period_correct}/{dated_matched})"
            )
        for miss in misses:
            print("  ", miss)
    return score


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared corpus is absent")
@pytest.mark.shared
def test_accuracy_against_annotations() -> None:
    score = score_against_annotations()
    assert score.matched >= 0.9 * score.annotated
    assert score.accuracy("metric") >= 0.85
    # Without a publication date, relative periods ("last year") rightly stay unresolved.
    assert score.accuracy("period") >= 0.75
    assert score.dated_period_correct >= 0.9 * score.dated_matched
    assert score.accuracy("flow") >= 0.8


if __name__ == "__main__":
    if not REAL.is_dir():
        sys.exit("../shared corpus is absent")
    score_against_annotations(verbose=True)
