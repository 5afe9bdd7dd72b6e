"""Bounded work: no input makes extraction super-linear.

Every case of ``benchmarks/bench_pathological.py`` (digits, numbers on one
line, repeated scale words, runs of dashes and currency signs, one endless
sentence, nested brackets, ...) is extracted at two sizes, four times apart,
and its work is *counted*, not timed: the calls extraction makes, to Python
functions and to built-ins (``sys.setprofile`` events), in steady state (the
lazily built patterns and lexicons built first). The count is exact and
repeatable (the cyclic collector is paused while counting, so that finalizers of
objects other tests left behind are not counted), so these tests cannot flake on a
busy machine or with another test order. Each case must

* grow at most :data:`MAX_GROWTH` times when its size grows four times
  (linear work grows 4 times, quadratic 16 times), and
* make at most :data:`MAX_RATIO` times as many calls as normal news text of
  the same size.

What a count of calls cannot see is work inside one call: a regular
expression that backtracks is one call however long it runs. That part is
timed by the benchmark (``benchmarks/bench_pathological.py``, a megabyte per
case; figures in docs/robustness.md). The counts need the pure-Python
modules (an editable install, as the test command uses): against a compiled
build, whose functions do not report to the profiler, the tests skip.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.documents import make_document
from claimcheck.extract import extract_document
from claimcheck.native import compiled_modules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_pathological as bench

MAX_GROWTH = 5.0
"""Linear work grows 4 times with a text four times longer; 5 leaves room for fixed
costs that a short text does not reach (the count is exact: no room for noise)."""
MAX_RATIO = 25.0
"""The densest cases (a figure every two characters: ``5\\n`` repeated, ``5%`` repeated)
make ~17 and ~11 times the calls of news text, which holds a figure every ~50 characters."""
SMALL, LARGE = 4_000, 16_000

compiled = pytest.mark.skipif(
    "claimcheck.extract.claims" in compiled_modules(),
    reason="extraction is compiled: its calls do not reach sys.setprofile",
)


def calls(text: str) -> int:
    """The calls (Python functions and built-ins) one extraction of ``text`` makes."""
    document = make_document(text, id="count")
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    # The cyclic collector may run inside the counted call and finalize what earlier tests
    # left behind (a generator's close, a weakref callback): calls that are not extraction's
    # and depend on the order the tests ran in. Collect first and keep it off while counting.
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    sys.setprofile(profile)
    try:
        extract_document(document)
    finally:
        sys.setprofile(None)
        if was_enabled:
            gc.enable()
    return count


def steady_calls(text: str) -> int:
    """:func:`calls` once the patterns ``text`` needs are built (lazily, on the texts that
    need them): the least of two counts after a first extraction."""
    extract_document(make_document(text, id="count"))
    return min(calls(text), calls(text))


@pytest.fixture(scope="module")
def normal_calls() -> Callable[[int], int]:
    """Calls for normal news text of a given size, after a warm-up: some patterns are
    built only once a few texts have been read (``claimcheck.extract.entities``)."""
    for _ in range(5):
        extract_document(make_document(bench.CASES["normal"](2_000), id="warm-up"))
    cache: dict[int, int] = {}

    def get(size: int) -> int:
        if size not in cache:
            cache[size] = steady_calls(bench.CASES["normal"](size))
        return cache[size]

    return get


@compiled
def test_the_count_is_repeatable(normal_calls: Callable[[int], int]) -> None:
    text = bench.CASES["years"](SMALL)
    assert steady_calls(text) == steady_calls(text) > 0
    assert normal_calls(SMALL) == steady_calls(bench.CASES["normal"](SMALL))


@compiled
def test_normal_text_is_linear(normal_calls: Callable[[int], int]) -> None:
    growth = normal_calls(LARGE) / normal_calls(SMALL)
    assert 3.0 <= growth <= MAX_GROWTH


@compiled
@pytest.mark.parametrize("case", [name for name in bench.CASES if name != "normal"])
def test_pathological_text_is_linear(case: str, normal_calls: Callable[[int], int]) -> None:
    make = bench.CASES[case]
    small, large = steady_calls(make(SMALL)), steady_calls(make(LARGE))
    growth = large / small
    ratio = large / normal_calls(LARGE)
    assert growth <= MAX_GROWTH, (
        f"{case}: {growth:.2f} times the calls at {LARGE} chars as at {SMALL} (super-linear)"
    )
    assert ratio <= MAX_RATIO, f"{case}: {ratio:.1f} times the calls of news text at {LARGE} chars"


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
