"""Helpers for the parallel and Dask tests: a small synthetic corpus and CLI runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def gen_corpus() -> ModuleType:
    """``benchmarks/gen_corpus.py`` as a module."""
    path = ROOT / "benchmarks" / "gen_corpus.py"
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus(directory: Path, count: int, *, seed: int = 1, hot_share: float = 0.2) -> Path:
    """A synthetic JSONL corpus of ``count`` articles (5% with injected errors)."""
    out = directory / f"corpus-{count}-{seed}.jsonl"
    if not out.exists():
        gen_corpus().write(out, count, seed=seed, hot_share=hot_share)
    return out


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``claimcheck ARGS`` in process: ``(status, stdout, stderr)``."""
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err
