"""``benchmarks/scaling.py``: the interleaved ratio and its verdict (not timings)."""

from __future__ import annotations

from types import ModuleType

from bench_support import load_benchmark


def _scaling() -> ModuleType:
    return load_benchmark("scaling")


def test_each_size_keeps_its_least_cpu_time() -> None:
    scaling = _scaling()
    runs = {
        "check": {"small": [6.0, 5.0, 7.5], "large": [60.0, 58.0, 70.0]},
        "extract": {"small": [4.0, 4.4], "large": [41.0, 40.0]},
    }
    assert scaling.ratios(runs) == {"check": 11.6, "extract": 10.0}


def test_the_verdict_allows_ten_percent_above_linear() -> None:
    scaling = _scaling()
    assert scaling.verdict(10.99, 10_000, 100_000).startswith("PASS  time(100,000) <= 11x")
    assert scaling.verdict(11.2, 10_000, 100_000).startswith("FAIL")
    assert scaling.verdict(5.4, 1_000, 5_000).startswith("PASS  time(5,000) <= 5.5x")
    assert scaling.verdict(5.6, 1_000, 5_000).startswith("FAIL")
