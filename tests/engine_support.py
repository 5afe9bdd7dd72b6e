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

import attrs

from claimcheck.evaluate.fixtures import load_fixture_document
from claimcheck.extract.periods import _MONTHS as MONTH_NUMBERS
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


# --------------------------------------------------------------------------- hand-built claims

_MONTHS = MONTH_NUMBERS  # the extractor's own table of month abbreviations


def period(spec: str | None) -> Period | None:
    """``"2023"``, ``"2023-01..2023-10"``, ``"by 2024"``, ``"?last year"`` -> a Period."""
    import calendar

    if spec is None:
        return None
    if spec.startswith("by "):
        year = int(spec[3:])
        return Period(None, _dt.date(year, 12, 31), spec, kind="deadline")
    if spec.startswith("?"):
        return Period(None, None, spec[1:], unresolved="relative to an unknown date")
    if ".." in spec:
        first, last = spec.split("..")
        y1, m1 = (int(x) for x in first.split("-"))
        y2, m2 = (int(x) for x in last.split("-"))
        end = _dt.date(y2, m2, calendar.monthrange(y2, m2)[1])
        return Period(_dt.date(y1, m1, 1), end, spec)
    year = int(spec)
    return Period(_dt.date(year, 1, 1), _dt.date(year, 12, 31), spec)


def article(
    text: str,
    specs: list[dict[str, Any]],
    *,
    doc_id: str = "a",
    published: _dt.date | None = None,
) -> tuple[Document, tuple[Claim, ...]]:
    """A document and hand-described claims located in its text.

    Each spec: ``text`` (the surface, found in order of the specs), ``metric``,
    and optionally ``kind`` ("level"), ``flow`` ((src, dst)), ``entities``
    (defaults to the flow's ends), ``period`` (see :func:`period`), ``sign``
    (-1 for a fall or a deficit), ``basis``, ``record``. Value, unit and
    rounding interval come from the quantity extractor run on the surface.
    """
    from claimcheck.extract.quantities import find_quantities

    document = Document(id=doc_id, text=text, published=published)
    sentences = split_sentences(text)
    claims: list[Claim] = []
    cursor = 0
    for n, spec in enumerate(specs):
        surface = spec["text"]
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        isolated = find_quantities(surface)[0]  # the surface alone: no context effects
        quantity = attrs.evolve(
            isolated,
            span=Span(start + isolated.span.start, start + isolated.span.end),
        )
        sign = float(spec.get("sign", 1))
        lo, hi = quantity.interval
        interval_ = (lo, hi) if sign > 0 else (-hi, -lo)
        flow = spec.get("flow")
        entities = spec.get("entities") or (tuple(sorted(flow)) if flow else ())
        claims.append(
            Claim(
                id=f"{doc_id}#{n + 1}",
                document_id=doc_id,
                quantity=quantity,
                sentence=_sentence(sentences, start),
                kind=spec.get("kind", "level"),
                metric=spec.get("metric"),
                entities=tuple(sorted(entities)),
                flow=None if flow is None else Flow(*flow),
                period=period(spec.get("period")),
                value=sign * quantity.value,
                interval=interval_,
                basis=spec.get("basis"),
                record=bool(spec.get("record", False)),
            )
        )
    return document, tuple(claims)


def codes(report: Any, severity: str | None = None) -> list[str]:
    """The codes of a report's findings (of one severity)."""
    return [f.code for f in report.findings if severity is None or f.severity == severity]


def spec(**fields: Any) -> dict[str, Any]:
    """A claim description for :func:`article`."""
    return fields


Article = tuple[Document, tuple[Claim, ...]]
"""A document with its claims, as :func:`claimcheck.engine.check` accepts it."""
