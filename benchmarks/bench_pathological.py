"""Extraction time on pathological texts, as a ratio to normal text of the same size.

No input may make extraction super-linear: each case below (a megabyte of
digits, 100,000 numbers on one line, scale words repeated without end, runs
of dashes and currency signs, one endless sentence, deeply nested brackets,
...) must finish within a fixed multiple of the time normal news text of the
same size takes. ``tests/test_pathological.py`` guards every case with a
generous bound at a small size; this script measures them at a larger one.

Usage (from the project root)::

    .venv/bin/python benchmarks/bench_pathological.py [--size 1000000] [--repeat 3]
        [--cases "digits,dashes"] [--json OUT]

Prints one line per case: its size, the best time of ``--repeat`` runs, and
the ratio to the normal text. Times are the CPU seconds of this process
(``time.process_time``, so that other work on the machine does not blur
them) spent in :func:`claimcheck.extract.extract_document` (quantities and
claims).
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path

from claimcheck.documents import make_document
from claimcheck.extract import extract_document

NORMAL = (
    "Trade between Freedonia and Sylvania reached $48.2 bln in 2023, up 6.1% year on year, "
    "customs data showed on Tuesday. Freedonia's exports to Sylvania rose to $30.5 bln, while "
    "imports from Sylvania fell 2% to $17.7 bln, so Freedonia ran a surplus of $12.8 bln. "
    "In January-October 2024 turnover grew by a further 4.3% to 41.9 billion dollars, and "
    "both governments aim to lift it to $100 bln by 2030. Grain shipments doubled to 5.2 mln "
    "tonnes, about a third of the harvest.\n\n"
)
"""A paragraph of news text written for this benchmark (figures of a made-up country pair)."""


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _numbers_on_one_line(size: int) -> str:
    out: list[str] = []
    length = 0
    for n in itertools.count(1):
        piece = f"{n % 1000} "
        if length + len(piece) > size:
            break
        out.append(piece)
        length += len(piece)
    return _fill("".join(out) or "1 ", size)


def _nested(size: int) -> str:
    depth = max(1, (size - 4) // 2)
    return ("(" * depth + "$5 bln" + ")" * depth)[:size]


CASES: dict[str, Callable[[int], str]] = {
    "normal": lambda n: _fill(NORMAL, n),
    "digits": lambda n: _fill("1234567890", n),
    "numbers on one line": _numbers_on_one_line,
    "thousands groups": lambda n: "1" + _fill(",000", n - 1),
    "decimal points": lambda n: _fill("1.2", n),
    "scale words": lambda n: "$5 " + _fill("billion ", n - 3),
    "scale abbreviations": lambda n: "5 " + _fill("bln mln trn ", n - 2),
    "dashes": lambda n: _fill("-", n),
    "dash-digit chains": lambda n: _fill("1-", n),
    "currency signs": lambda n: _fill("$€£¥₽", n),
    "currency and dashes": lambda n: _fill("$-", n),
    "currency codes": lambda n: _fill("USD ", n),
    "percent signs": lambda n: _fill("5%", n),
    "one long sentence": lambda n: _fill("exports to Sylvania rose 5% and ", n),
    "nested brackets": _nested,
    "transitions": lambda n: "from $1 bln " + _fill("to $2 bln ", n - 12),
    "qualifiers": lambda n: _fill("about nearly over almost ", n - 6) + "$5 bln",
    "country names": lambda n: _fill("Freedonia China Russia India ", n - 6) + " $5 bln",
    "month names": lambda n: _fill("January-October ", n - 6) + " $5 bln",
    "years": lambda n: _fill("2023 ", n),
    "no spaces": lambda n: _fill("abc", n),
    "newlines": lambda n: _fill("5\n", n),
    "whitespace": lambda n: _fill(" \t", n - 6) + "$5 bln",
}
"""Name -> a text of exactly (about) the given size."""


def measure(text: str, repeat: int) -> float:
    """The best CPU time of ``repeat`` extractions of ``text``."""
    document = make_document(text, id="bench")
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        extract_document(document)
        best = min(best, time.process_time() - start)
    return best


def ratios(
    size: int, repeat: int, cases: list[str] | None = None
) -> dict[str, tuple[float, float]]:
    """Case -> (seconds, ratio to the normal text of the same size), for ``cases`` (all)."""
    measure(CASES["normal"](2000), 1)  # warm up: rule packs, lexicons, compiled patterns
    normal = measure(CASES["normal"](size), repeat)
    out: dict[str, tuple[float, float]] = {"normal": (normal, 1.0)}
    for name in cases or list(CASES):
        if name != "normal":
            seconds = measure(CASES[name](size), repeat)
            out[name] = (seconds, seconds / normal)
            print(f"{name:<22} {size:>9} {seconds:>9.3f} {seconds / normal:>7.2f}", flush=True)
    return out


def main() -> None:
    """Measure every case and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per text")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (best is kept)")
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    cases = args.cases.split(",") if args.cases else None
    unknown = sorted(set(cases or ()) - set(CASES))
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}")
    print(f"{'case':<22} {'size':>9} {'seconds':>9} {'ratio':>7}")
    results = ratios(args.size, args.repeat, cases)
    print(f"{'normal':<22} {args.size:>9} {results['normal'][0]:>9.3f} {1.0:>7.2f}")
    if args.json is not None:
        data = {
            "size": args.size,
            "repeat": args.repeat,
            "cases": {n: {"seconds": s, "ratio": r} for n, (s, r) in results.items()},
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
