"""A quick run of the extraction benchmark (tiny budget, no quantulum3)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_extract.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_writes_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("claimcheck.extract.claims")
    bench = _load()
    output = tmp_path / "extract.json"
    assert (
        bench.main(["--seconds", "0.05", "--runs", "1", "--no-quantulum", "--output", str(output)])
        == 0
    )
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["claimcheck_extract"]["kb_per_s_per_core"] > 0
    assert results["claimcheck_extract"]["claims_per_pass"] > 0
    assert results["cold_start"]["exit_status"] == 0
    assert results["quantulum3"] is None
    assert "KB/s per core" in capsys.readouterr().out


def test_synthetic_corpus_when_shared_is_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _load()
    monkeypatch.setattr(bench, "SHARED", Path("/nonexistent/shared/corpus"))
    description, texts = bench.corpus()
    assert description.startswith("synthetic")
    assert len(texts) == 20 and all("$" in text for text in texts)
