"""Shared test fixtures.

* ``shared_dir``: the read-only reference material in ``../shared`` beside
  the project; tests using it are skipped when it is absent.
* ``fake_extract``: replaces :mod:`claimcheck.extract` with a tiny, fully
  predictable extractor, so that loading, the CLI and the output formats are
  tested independently of the real (evolving) extraction rules.
* ``hatch_build``: the build hook (``hatch_build.py``) as a module, for the tests of
  which modules mypyc compiles.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimcheck.model import Claim, Document, Flow, Period, Quantity, Span, Unresolved

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """``../shared``; skips the test when it is absent."""
    if not (SHARED_DIR / "corpus").is_dir():
        pytest.skip("../shared (reference corpus) is not present")
    return SHARED_DIR


_FAKE_MONEY = re.compile(r"\$(\d+(?:\.\d+)?) (bln|mln)")
_FAKE_PERCENT = re.compile(r"(over )?(\d+(?:\.\d+)?)%")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")


def _sentence(text: str, start: int, end: int) -> Span:
    stop_before = text.rfind(". ", 0, start)
    left = max(stop_before + 2 if stop_before >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stop = _SENTENCE_END.search(text, end)
    return Span(left, len(text) if stop is None else stop.start() + 1)


def fake_claims(document: Document) -> tuple[Claim, ...]:
    """Claims for "$N bln|mln" (turnover levels) and "N%" (changes).

    A document containing ``EXPLODE`` raises :class:`RuntimeError`.
    """
    text = document.text
    if "EXPLODE" in text:
        raise RuntimeError("synthetic extraction failure")
    found: list[tuple[int, Claim]] = []
    for match in _FAKE_MONEY.finditer(text):
        scale = 1e9 if match[2] == "bln" else 1e6
        digits = match[1].split(".")[1] if "." in match[1] else ""
        half = 0.5 * 10.0 ** -len(digits) * scale
        value = float(match[1]) * scale
        quantity = Quantity(
            span=Span(match.start(), match.end()),
            text=match[0],
            value=value,
            unit="USD",
            interval=(value - half, value + half),
            precision=half,
            low=value,
            high=value,
            scale=scale,
        )
        period = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "in 2023")
        claim = Claim(
            id="",
            document_id=document.id,
            quantity=quantity,
            sentence=_sentence(text, match.start(), match.end()),
            kind="level",
            metric="trade_turnover",
            entities=("China", "Russia"),
            flow=Flow("Russia", "China") if "exports" in text.lower() else None,
            period=period,
            value=value,
            interval=quantity.interval,
        )
        found.append((match.start(), claim))
    for match in _FAKE_PERCENT.finditer(text):
        start = match.start(2)
        value = float(match[2])
        over = match[1] is not None
        interval = (value, float("inf")) if over else (value - 0.05, value + 0.05)
        quantity = Quantity(
            span=Span(start, match.end()),
            text=text[start : match.end()],
            value=value,
            unit="percent",
            interval=interval,
            precision=0.05,
            low=value,
            high=value,
            qualifier="over" if over else None,
        )
        claim = Claim(
            id="",
            document_id=document.id,
            quantity=quantity,
            sentence=_sentence(text, start, match.end()),
            kind="change",
            metric=None,
            value=value,
            interval=interval,
            basis="yoy",
            unresolved=(Unresolved("metric", "no metric word in the sentence"),),
        )
        found.append((start, claim))
    found.sort(key=lambda item: item[0])
    return tuple(
        Claim(
            id=f"{document.id}#{n}",
            document_id=claim.document_id,
            quantity=claim.quantity,
            sentence=claim.sentence,
            kind=claim.kind,
            metric=claim.metric,
            entities=claim.entities,
            flow=claim.flow,
            period=claim.period,
            value=claim.value,
            interval=claim.interval,
            basis=claim.basis,
            unresolved=claim.unresolved,
        )
        for n, (_, claim) in enumerate(found, start=1)
    )


@pytest.fixture
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Install :func:`fake_claims` as ``claimcheck.extract.extract_document``."""
    module = types.ModuleType("claimcheck.extract")
    module.extract_document = fake_claims  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "claimcheck.extract", module)
    yield


@pytest.fixture
def hatch_build(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The build hook module, with hatchling's base class stood in for when hatchling
    (a build dependency) is not installed."""
    if importlib.util.find_spec("hatchling") is None:
        interface = types.ModuleType("hatchling.builders.hooks.plugin.interface")
        interface.BuildHookInterface = type("BuildHookInterface", (), {})  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, interface.__name__, interface)
    spec = importlib.util.spec_from_file_location(
        "hatch_build_under_test", Path(__file__).resolve().parents[1] / "hatch_build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
