"""Throughput of the claims layer against the quantity stage and the whole pipeline.

Usage (from the project root, with the project installed)::

    .venv/bin/python benchmarks/bench_claims.py [--seconds 2] [--repeats 5] [--corpus DIR]

Loads the seed and real articles of ``../shared/corpus`` as documents (a
synthetic corpus when ``../shared`` is absent) and times, per document and
after a warm-up pass, three stages separately:

* ``find_quantities(text)``;
* ``build_claims(document, quantities)`` with the quantities found beforehand;
* ``extract_document(document)`` (both stages).

Each stage is repeated over the corpus for about ``--seconds`` of CPU time,
``--repeats`` times; the best run is printed in MB of article text per
second of CPU time of one core (the machine is shared, so the best run is
the one least disturbed). The last line says whether the whole pipeline
meets the target of 1 MB/s per core. ``--corpus`` names ``../shared/corpus``
when it is elsewhere (e.g. from a git worktree).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from claimcheck.documents import load_documents
from claimcheck.extract import extract_document
from claimcheck.extract.claims import build_claims
from claimcheck.extract.quantities import find_quantities
from claimcheck.model import Document, Quantity

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SYNTHETIC = (
    "Trade between Freedonia and Sylvania rose by 12.5% year-on-year to $84.3 bln in 2023, "
    "customs data showed. Exports to Sylvania grew 8.1% to $40.2 bln, while imports fell "
    "3.4% to $44.1 bln. In January-October 2023 turnover reached $70.05 billion. The two "
    "governments aim to lift trade to $100 bln by 2026.\n\n"
)


TARGET_MB_PER_S = 1.048576
"""1 MB/s (1024 KB/s, as ``bench_extract.py`` counts) of article text per core."""


def corpus(shared: Path | None = None) -> tuple[str, list[Document]]:
    """(description, documents): the shared corpus, or a synthetic one."""
    shared = shared if shared is not None else SHARED
    if shared.is_dir():
        paths = [str(shared / "seeds"), str(shared / "real")]
        documents = [r for r in load_documents(paths) if isinstance(r, Document)]
        if documents:
            return f"../shared/corpus seeds+real ({len(documents)} documents)", documents
    documents = [Document(id=f"s{n}", text=SYNTHETIC * (n % 5 + 1)) for n in range(20)]
    return f"synthetic ({len(documents)} documents)", documents


def best_rate(run: Callable[[], object], size: int, seconds: float, repeats: int) -> float:
    """Best MB/s (CPU time) of ``repeats`` runs, each repeating ``run`` for ``seconds``."""
    best = 0.0
    for _ in range(repeats):
        rounds = 0
        start = time.process_time()
        while True:
            run()
            rounds += 1
            cpu = time.process_time() - start
            if cpu >= seconds:
                break
        best = max(best, size * rounds / cpu / 1e6)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=None, help="../shared/corpus elsewhere")
    args = parser.parse_args(argv)
    origin, documents = corpus(args.corpus)
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    found: list[tuple[Quantity, ...]] = [tuple(find_quantities(d.text)) for d in documents]
    claims = sum(len(extract_document(d)) for d in documents)  # warm-up

    def quantities() -> None:
        for document in documents:
            find_quantities(document.text)

    def claims_only() -> None:
        for document, quantities_of in zip(documents, found, strict=True):
            build_claims(document, quantities_of)

    def pipeline() -> None:
        for document in documents:
            extract_document(document)

    print(f"corpus: {origin}, {size / 1e3:.1f} KB, {claims} claims per pass")
    for name, run in (
        ("find_quantities", quantities),
        ("build_claims", claims_only),
        ("extract", pipeline),
    ):
        rate = best_rate(run, size, args.seconds, args.repeats)
        print(f"{name:16s} {rate:6.2f} MB/s per core (best of {args.repeats})")
    verdict = "met" if rate >= TARGET_MB_PER_S else "MISSED"
    print(f"target: extract >= {TARGET_MB_PER_S:.2f} MB/s per core (1024 KB/s): {verdict}")


if __name__ == "__main__":
    main()
