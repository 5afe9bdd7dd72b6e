"""Throughput of find_quantities (MB/s, one core) against quantulum3 on the same text.

Reads the seed and real articles from ``../shared/corpus`` when present
(else generates synthetic news-like text), repeats them to about 5 MB, and
times find_quantities after a warm-up; quantulum3 is timed on a small
subset of the same text, because it is two to three orders of magnitude
slower.

    .venv/bin/python benchmarks/bench_quantities.py [--mb 5] [--quantulum-kb 20]
"""

from __future__ import annotations

import argparse
import random
import time
import warnings
from pathlib import Path

from claimcheck.extract.quantities import find_quantities

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus_text() -> tuple[str, str]:
    """The benchmark text and where it came from."""
    files = sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("real/*.md"))
    if files:
        return "\n\n".join(
            p.read_text(encoding="utf-8") for p in files
        ), f"{len(files)} shared articles"
    rng = random.Random(7)
    parts = []
    for _ in range(2000):
        parts.append(
            f"Trade between the two countries rose {rng.randint(1, 60)}.{rng.randint(0, 9)}% "
            f"to ${rng.randint(10, 300)}.{rng.randint(10, 99)} bln in {rng.randint(2000, 2024)}, "
            f"while exports of {rng.randint(1, 90)} mln tonnes of grain grew by about "
            f"{rng.randint(1, 20)} percent, officials said on November {rng.randint(1, 28)}."
        )
    return " ".join(parts), "synthetic text"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--quantulum-kb", type=float, default=20.0)
    args = parser.parse_args()
    base, origin = corpus_text()
    repeats = max(1, int(args.mb * 1e6 / len(base)))
    text = "\n\n".join([base] * repeats)
    find_quantities(base)  # warm-up: compile regexes, load the lexicon
    start, cpu = time.perf_counter(), time.process_time()
    found = find_quantities(text)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    size = len(text.encode("utf-8")) / 1e6
    print(f"text: {origin}, {size:.2f} MB ({repeats} repeats)")
    print(
        f"find_quantities: {len(found)} quantities; "
        f"wall {elapsed:.2f} s = {size / elapsed:.2f} MB/s;"
        f" CPU {cpu:.2f} s = {size / cpu:.2f} MB/s (one core)"
    )

    from quantulum3 import parser as qparser

    sample = base[: int(args.quantulum_kb * 1000)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        qparser.parse(sample[:200])  # warm-up
        start = time.perf_counter()
        qfound = qparser.parse(sample)
        qelapsed = time.perf_counter() - start
    qsize = len(sample.encode("utf-8")) / 1e6
    print(
        f"quantulum3: {len(qfound)} quantities in {qelapsed:.2f} s on {qsize * 1000:.0f} kB "
        f"= {qsize / qelapsed:.3f} MB/s"
    )
    start = time.perf_counter()
    find_quantities(sample)
    ours = time.perf_counter() - start
    print(
        f"find_quantities on the same {qsize * 1000:.0f} kB: {ours * 1000:.1f} ms "
        f"({qelapsed / ours:.0f}x faster)"
    )


if __name__ == "__main__":
    main()
