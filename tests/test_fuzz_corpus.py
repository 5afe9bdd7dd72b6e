"""Replay the fuzzing corpus: the seeds and every input that once crashed the harness.

``fuzz/fuzz_claimcheck.py`` checks, for one input, that loading and
extraction never raise and that every claim's span slices to its text; this
test runs that check on ``fuzz/corpus/*`` (seeds written for claimcheck) and
``fuzz/regressions/*`` (crashes found by fuzzing, kept once fixed), without
atheris.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
sys.path.insert(0, str(FUZZ))
from fuzz_claimcheck import test_one_input as replay  # noqa: E402  (fuzz/ is not a package)

INPUTS = sorted(
    p
    for d in ("corpus", "regressions")
    for p in (FUZZ / d).glob("*")
    if p.is_file() and not p.name.startswith(".")
)


def test_there_are_seeds() -> None:
    assert len([p for p in INPUTS if p.parent.name == "corpus"]) >= 8


@pytest.mark.parametrize("path", INPUTS, ids=[f"{p.parent.name}/{p.name}" for p in INPUTS])
def test_input_replays_cleanly(path: Path) -> None:
    replay(path.read_bytes())
