"""``benchmarks/run_all.py``: the verdicts and the table it prints (not timings)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

from bench_support import load_benchmark


def _runner() -> ModuleType:
    return load_benchmark("run_all")


def _size(documents: int, check_cpu: float, rss: float, hot: float) -> dict[str, Any]:
    kb = documents * 0.5
    return {
        "documents": documents,
        "extract": {"kb_per_s_per_core": kb / (check_cpu / 4), "wall_s": 1.0},
        "check": {
            "kb_per_s_per_core": kb / check_cpu,
            "cpu_s": check_cpu,
            "wall_s": check_cpu * 2,
            "peak_rss_mb": rss,
        },
        "check_jobs2": {"identical": True},
        "check_dask": {"identical": True},
        "reindex_share_of_full": 0.04,
        "check_new_store_hot": {"median_s": hot},
        "check_new_store_ordinary": {"median_s": 0.5},
        "quantulum3": {"kb_per_s_per_core": 10.0},
    }


def test_targets_pass_and_fail_on_the_figures() -> None:
    runner = _runner()
    sizes = {"10000": _size(10_000, 10.0, 300.0, 0.8), "100000": _size(100_000, 120.0, 1500.0, 3)}
    verdicts = {target: passed for target, passed, _ in runner.targets(sizes)}
    assert verdicts["100k peak RSS < 1 GiB"] is False
    assert verdicts["time(100k) <= 11x time(10k)"] is False  # x12 CPU
    assert verdicts["re-index 1% <= 5% of full"] is True
    assert verdicts["check NEW --store < 1 s (hot pair, 100000 docs)"] is False
    assert verdicts["check NEW --store < 1 s (ordinary pair, 100000 docs)"] is True
    assert verdicts["--jobs / dask findings identical"] is True
    # extraction and check together against quantulum3's extraction: 417 KB/s vs 10
    assert verdicts["extraction+check >= 40x quantulum3 extraction"] is True
    assert verdicts["extraction+check >= 1 MB/s per core"] is False  # 417 KB/s
    table = runner.table(sizes)
    assert "10,000" in table
    assert "100,000" in table


def test_the_quantulum3_ratio_counts_the_check_not_extraction_alone() -> None:
    runner = _runner()
    sizes = {"10000": _size(10_000, 10.0, 300.0, 0.8)}
    sizes["10000"]["quantulum3"]["kb_per_s_per_core"] = 13.0  # x38 with the check, x154 alone
    results = {target: (passed, text) for target, passed, text in runner.targets(sizes)}
    passed, text = results["extraction+check >= 40x quantulum3 extraction"]
    assert passed is False
    assert text.startswith("x38.5 (extraction alone x153.8")


def test_sizes_not_measured_are_reported_as_such() -> None:
    runner = _runner()
    sizes = {"1000": _size(1000, 1.0, 50.0, 0.5)}
    sizes["1000"]["check_dask"]["identical"] = False
    verdicts = {target: passed for target, passed, _ in runner.targets(sizes)}
    assert verdicts["100k peak RSS < 1 GiB"] is None
    assert verdicts["time(100k) <= 11x time(10k)"] is None
    assert verdicts["--jobs / dask findings identical"] is False


def test_rates_count_the_article_text_not_the_jsonl_around_it(tmp_path: Path) -> None:
    runner = _runner()
    shard = tmp_path / "part-00000.jsonl"
    lines = [
        {"id": "a1", "published": "2024-01-02", "title": "Trade", "text": "Exports rose 5%."},
        {"id": "a2", "text": "Côte d’Ivoire: $1 bln."},
    ]
    shard.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    expected = sum(len(str(line["text"]).encode("utf-8")) for line in lines) / 1024
    assert runner.text_kilobytes(tmp_path) == expected
    assert expected * 1024 < shard.stat().st_size
