"""Test support for the engine: gold fixture claims as :class:`Claim` objects, and builders.

Running the checks on the hand-made gold claims isolates the engine from the
extractor: a miss there is the engine's fault. The same fixtures are also run
through the real extractor (end-to-end figures).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path
from typing import Any

from claimcheck.evaluate.fixtures import load_fixture_document
from claimcheck.extract.quantities import interval
from claimcheck.extract.sentences import split_sentences
from claimcheck.model import Claim, Document, Flow, Period, Quantity, Span

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _precision(text: str, value: float) -> float:
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return abs(value) * 0.05  # a number word ("half", "a third")
    match = numbers[-1]
    printed = float(match.group(0).replace(",", ""))
    decimals = len(match.group(1) or "")
    scale = abs(value) / printed if printed else 1.0
    return 0.5 * 10.0 ** (-decimals) * scale


def _sentence(sentences: tuple[Span, ...], start: int) -> Span:
    for span in sentences:
        if span.start <= start < span.end:
            return span
    return Span(start, start)


def _period(raw: dict[str, Any] | None) -> Period | None:
    if raw is None:
        return None
    start = raw.get("start")
    end = raw.get("end")
    return Period(
        start=None if start is None else _dt.date.fromisoformat(start),
        end=None if end is None else _dt.date.fromisoformat(end),
        text="gold",
        kind=raw.get("kind", "interval"),
    )


def gold_claim(
    document: Document, index: int, raw: dict[str, Any], sentences: tuple[Span, ...]
) -> Claim:
    """One gold claim as a :class:`Claim` (interval from the printed precision)."""
    value = float(raw["value"])
    magnitude = abs(value)
    precision = _precision(raw["text"], magnitude)
    lo, hi = interval(magnitude, magnitude, precision, raw.get("qualifier"))
    if value < 0:
        lo, hi = -hi, -lo
    start, end = (int(x) for x in raw["span"])
    quantity = Quantity(
        span=Span(start, end),
        text=raw["text"],
        value=magnitude,
        unit=raw["unit"],
        interval=interval(magnitude, magnitude, precision, raw.get("qualifier")),
        precision=precision,
        low=magnitude,
        high=magnitude,
        noun=raw.get("noun"),
        qualifier=raw.get("qualifier"),
        scale=1e9
        if magnitude >= 1e9 and raw["unit"] not in ("percent", "percentage_point")
        else 1.0,
    )
    flow = raw.get("flow")
    return Claim(
        id=f"{document.id}#g{index}",
        document_id=document.id,
        quantity=quantity,
        sentence=_sentence(sentences, start),
        kind=raw["kind"],
        metric=raw.get("metric"),
        entities=tuple(raw.get("entities", ())),
        flow=None if flow is None else Flow(flow["from"], flow["to"]),
        period=_period(raw.get("period")),
        value=value,
        interval=(lo, hi),
        basis=raw.get("basis"),
        record=bool(raw.get("record", False)),
    )


def gold_fixture(path: Path) -> tuple[Document, tuple[Claim, ...]]:
    """A fixture article and its gold claims."""
    document = load_fixture_document(path)
    gold = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    sentences = split_sentences(document.text)
    claims = tuple(gold_claim(document, i, c, sentences) for i, c in enumerate(gold["claims"]))
    return document, claims


def fixture_paths() -> list[Path]:
    """All fixture articles, sorted."""
    return sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.md"))


def gold_inconsistencies(path: Path) -> list[dict[str, Any]]:
    """The fixture's planted inconsistencies."""
    gold = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    return list(gold.get("inconsistencies", ()))
