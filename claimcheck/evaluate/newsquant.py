"""Score quantity extraction on NewsQuant, with quantulum3 side by side.

NewsQuant (Almasian et al., EMNLP 2023) is read at run time from the
shared reference folder (``../shared/benchmarks/newsquant/`` next to the
project, or a path given on the command line); it is never copied into the
project. Matching follows the authors (see
:mod:`claimcheck.evaluate.matching`).

Usage::

    python -m claimcheck.evaluate.newsquant [PATH] [--errors N] [--no-quantulum]
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimcheck.evaluate.matching import (
    Counts,
    Prediction,
    match_sentence,
    parse_gold_value,
    predictions,
)
from claimcheck.extract.quantities import find_quantities

__all__ = ["default_path", "evaluate_newsquant", "main", "ours", "quantulum"]

_RELATIVE = Path("benchmarks/newsquant/formatted_test_set/NewsQuant.json")


def default_path() -> Path:
    """Where NewsQuant is expected: ``<project>/../shared/benchmarks/...``."""
    return Path(__file__).resolve().parents[3] / "shared" / _RELATIVE


def ours(text: str) -> list[Prediction]:
    """Our extractor's predictions for one sentence."""
    return predictions(find_quantities(text))


def quantulum(text: str) -> list[Prediction]:
    """quantulum3's predictions for one sentence (unit name as normalised unit)."""
    from quantulum3 import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = parser.parse(text)
    out: list[Prediction] = []
    for q in found:
        value = float(q.value)
        unc = float(q.uncertainty) if q.uncertainty else 0.0
        name = q.unit.name
        unit = "-" if name == "dimensionless" else name
        out.append(Prediction(value=(value - unc, value + unc), unit=unit))
    return out


def _gold(sentence: dict[str, Any]) -> list[Prediction]:
    out: list[Prediction] = []
    for q in sentence.get("quantities", ()):
        value = parse_gold_value(q["value"])
        if value is None:
            continue
        out.append(Prediction(value=value, unit=str(q.get("normalized_unit", "-"))))
    return out


System = Callable[[str], list[Prediction]]


def _score(sentences: Sequence[dict[str, Any]], system: System, errors: list[str] | None) -> Counts:
    counts = Counts()
    for sentence in sentences:
        text = sentence["text"]
        gold = _gold(sentence)
        predictions = system(text)
        value_tp, unit_tp, bad_pred, bad_gold = match_sentence(predictions, gold)
        counts.predicted += len(predictions)
        counts.gold += len(gold)
        counts.value_tp += value_tp
        counts.unit_tp += unit_tp
        if errors is not None and (bad_pred or bad_gold or unit_tp < value_tp):
            lines = [f"* {text}"]
            lines += [f"    FP {predictions[i].value} {predictions[i].unit!r}" for i in bad_pred]
            lines += [f"    FN {gold[j].value} {gold[j].unit!r}" for j in bad_gold]
            if unit_tp < value_tp:
                lines.append(
                    f"    UNIT pred={[p.unit for p in predictions]} gold={[g.unit for g in gold]}"
                )
            errors.append("\n".join(lines))
    return counts


def evaluate_newsquant(
    path: str | Path | None = None,
    *,
    with_quantulum: bool = True,
    errors: list[str] | None = None,
) -> dict[str, Any]:
    """Score our extractor (and quantulum3) on NewsQuant.

    Returns ``{"sentences": n, "gold": n, "systems": {name: {"value": {P, R,
    F1}, "value+unit": {...}, "predicted": n}}}``. Misses and false
    positives of our extractor are appended to ``errors`` when given.
    """
    source = Path(path) if path is not None else default_path()
    sentences = json.loads(source.read_text(encoding="utf-8"))
    systems: dict[str, System] = {"claimcheck": ours}
    if with_quantulum:
        systems["quantulum3"] = quantulum
    result: dict[str, Any] = {"sentences": len(sentences), "systems": {}}
    for name, system in systems.items():
        counts = _score(sentences, system, errors if name == "claimcheck" else None)
        result["gold"] = counts.gold
        result["systems"][name] = {**counts.scores(), "predicted": counts.predicted}
    return result


def format_table(result: dict[str, Any]) -> str:
    """The scores as a plain-text table."""
    lines = [
        f"NewsQuant: {result['sentences']} sentences, {result['gold']} gold quantities",
        f"{'system':<12} {'value P/R/F1':>20} {'value+unit P/R/F1':>22} {'predicted':>10}",
    ]
    for name, s in result["systems"].items():
        v, u = s["value"], s["value+unit"]
        lines.append(
            f"{name:<12} {v['P']:>6.1f}/{v['R']:>5.1f}/{v['F1']:>5.1f}"
            f"   {u['P']:>8.1f}/{u['R']:>5.1f}/{u['F1']:>5.1f} {s['predicted']:>10}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; prints the table (and errors on request)."""
    parser = argparse.ArgumentParser(prog="python -m claimcheck.evaluate.newsquant")
    parser.add_argument("path", nargs="?", help="NewsQuant.json (default: ../shared/...)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N error sentences")
    parser.add_argument("--no-quantulum", action="store_true", help="skip quantulum3")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    source = Path(args.path) if args.path else default_path()
    if not source.is_file():
        print(f"NewsQuant not found at {source}", file=sys.stderr)
        return 2
    errors: list[str] = []
    result = evaluate_newsquant(source, with_quantulum=not args.no_quantulum, errors=errors)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(format_table(result))
    for block in errors[: args.errors]:
        print(block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
