"""Bounded work: no input makes extraction super-linear.

Every case of ``benchmarks/bench_pathological.py`` (digits, numbers on one
line, repeated scale words, runs of dashes and currency signs, one endless
sentence, nested brackets, ...) is measured at two sizes, four times apart,
and must

* take at most :data:`MAX_RATIO` times as long as normal news text of the
  same size, and
* grow at most :data:`MAX_GROWTH` times when its size grows four times
  (linear work grows about 4 times, quadratic 16 times).

The sizes are small so that the test is quick; cases too fast to time at
the smallest size are measured at larger ones; a case over a bound is
measured once more before it fails. Times are CPU seconds of the
test process, and the bounds are generous, because the machine may be busy.
Benchmark figures: docs/robustness.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_pathological as bench

MAX_RATIO = 20.0
MAX_GROWTH = 10.0
SIZES = (2_000, 8_000, 32_000, 128_000)
"""Base sizes tried in turn until a case takes :data:`MEASURABLE` CPU seconds."""
MEASURABLE = 0.02


@pytest.fixture(scope="module")
def normal_seconds() -> dict[int, float]:
    """Extraction time of normal text, by size (after a warm-up)."""
    bench.measure(bench.CASES["normal"](2_000), 1)
    return {}


def _normal(size: int, cache: dict[int, float]) -> float:
    if size not in cache:
        cache[size] = bench.measure(bench.CASES["normal"](size), 2)
    return cache[size]


def _measure_case(case: str, normal_seconds: dict[int, float]) -> tuple[int, float, float]:
    """(base size, ratio to normal text at 4x base, growth from base to 4x base)."""
    make = bench.CASES[case]
    for base in SIZES:
        small = bench.measure(make(base), 2)
        if small >= MEASURABLE:
            break
    large = bench.measure(make(4 * base), 2)
    ratio = large / _normal(4 * base, normal_seconds)
    growth = large / max(small, 1e-4) if large >= 2 * MEASURABLE else 0.0
    return base, ratio, growth


@pytest.mark.parametrize("case", [name for name in bench.CASES if name != "normal"])
def test_pathological_text_is_linear(case: str, normal_seconds: dict[int, float]) -> None:
    base, ratio, growth = _measure_case(case, normal_seconds)
    if ratio > MAX_RATIO or growth > MAX_GROWTH:  # measure once more: a busy machine is noisy
        normal_seconds.clear()
        base, ratio, growth = _measure_case(case, normal_seconds)
    assert ratio <= MAX_RATIO, f"{case}: {ratio:.1f} times normal text at {4 * base} chars"
    assert growth <= MAX_GROWTH, (
        f"{case}: {growth:.1f} times slower at {4 * base} chars than at {base} (super-linear)"
    )


def test_the_cases_have_their_size() -> None:
    for name, make in bench.CASES.items():
        assert abs(len(make(10_000)) - 10_000) <= 10, name


def test_a_very_long_sentence_is_cut() -> None:
    from claimcheck.extract.sentences import MAX_SENTENCE, split_sentences

    text = bench.CASES["one long sentence"](10 * MAX_SENTENCE)
    spans = split_sentences(text)
    assert all(len(span) <= MAX_SENTENCE for span in spans)
    assert len(spans) >= 10
    # pieces end at a clause break (", " here: none in this text) or white space
    assert all(text[span.end] == " " for span in spans[:-1])
    no_space = "5%" * MAX_SENTENCE
    assert [len(s) for s in split_sentences(no_space)] == [MAX_SENTENCE, MAX_SENTENCE]


@pytest.mark.parametrize("unit", ["$5.2 bln", "50 mln tonnes", "26.3 per cent", "€ 4.6 billion"])
def test_a_long_sentence_is_never_cut_inside_a_figure(unit: str) -> None:
    from claimcheck.documents import make_document
    from claimcheck.extract import extract_document
    from claimcheck.extract.sentences import MAX_SENTENCE

    for offset in range(0, 12, 3):  # figures straddle the cut points at every phase
        text = "x" * offset + f" and {unit}" * (3 * MAX_SENTENCE // len(unit))
        claims = extract_document(make_document(text, id="t"))
        assert claims
        for claim in claims:
            assert claim.sentence.start <= claim.span.start < claim.span.end <= claim.sentence.end
            assert len(claim.sentence) <= MAX_SENTENCE + len(unit)
