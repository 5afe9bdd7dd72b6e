"""Check benchmark: time of ``claimcheck.engine.check`` at 1k and 10k documents.

Usage (from the project root)::

    .venv/bin/python benchmarks/bench_check.py [--sizes 1000 10000]

Synthetic, already extracted articles (no extraction cost): each has a
turnover, exports, imports and a balance for one of 40 country pairs and one
of 10 years (the same figures in every article on that pair and year) and,
in every tenth article, a deliberately wrong total. Cross-document relations
therefore involve large groups (about 25 articles on each pair and year at 10k).
``--one-pair`` puts every article on one pair, with growth rates, prior-year
levels and records (the worst case).
Prints seconds per size and the ratio
of the per-document times; near-linear scaling keeps that ratio near 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from claimcheck.engine import check
from claimcheck.model import Claim, Document, Flow, Period, Quantity, Span

COUNTRIES = ["China", "Russia", "India", "Brazil", "Turkey", "Germany", "Japan", "Vietnam", "Egypt"]


def _claim(doc: str, n: int, text: str, value: float, **fields: object) -> Claim:
    half = 0.005e9
    quantity = Quantity(
        span=Span(n * 20, n * 20 + 10),
        text=text,
        value=abs(value),
        unit=str(fields.pop("unit", "USD")),
        interval=(abs(value) - half, abs(value) + half),
        precision=half,
        low=abs(value),
        high=abs(value),
        scale=1e9,
    )
    return Claim(
        id=f"{doc}#{n}",
        document_id=doc,
        quantity=quantity,
        sentence=Span(0, 200),
        value=value,
        interval=(value - half, value + half),
        **fields,  # type: ignore[arg-type]
    )


def article(i: int) -> tuple[Document, tuple[Claim, ...]]:
    """One synthetic article with its claims."""
    pairs = [(a, b) for a in COUNTRIES for b in COUNTRIES if a < b][:40]
    a, b = pairs[i % len(pairs)]
    year = 2015 + (i // len(pairs)) % 10
    period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))
    doc = f"doc{i:05d}"
    k = i % len(pairs)
    exports = 10.0 + (k % 7) + year - 2015
    imports = 12.5 + (k % 5)
    total = exports + imports + (1.0 if i % 10 == 0 else 0.0)
    common = {"entities": (a, b), "period": period}
    claims = (
        _claim(
            doc,
            1,
            f"${total:.2f} bln",
            total * 1e9,
            kind="level",
            metric="trade_turnover",
            **common,
        ),
        _claim(
            doc,
            2,
            f"${exports:.2f} bln",
            exports * 1e9,
            kind="level",
            metric="exports",
            flow=Flow(a, b),
            **common,
        ),
        _claim(
            doc,
            3,
            f"${imports:.2f} bln",
            imports * 1e9,
            kind="level",
            metric="imports",
            flow=Flow(b, a),
            **common,
        ),
        _claim(
            doc,
            4,
            f"${exports - imports:.2f} bln",
            (exports - imports) * 1e9,
            kind="level",
            metric="trade_balance",
            flow=Flow(a, b),
            **common,
        ),
    )
    document = Document(id=doc, text="x" * 200, published=dt.date(year + 1, 1, 15))
    return document, claims


def one_pair_article(i: int) -> tuple[Document, tuple[Claim, ...]]:
    """Worst case: every article on the same pair, with a growth rate, a prior-year level
    and (every third) a "record": cross-document groups grow with the corpus."""
    document, claims = article(i * 40)
    period = claims[0].period
    assert period is not None and period.start is not None
    year = period.start.year
    entities = claims[0].entities
    prior = Period(dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31), str(year - 1))
    extra = (
        _claim(
            document.id,
            5,
            "26.3%",
            26.3,
            kind="change",
            metric="trade_turnover",
            entities=entities,
            period=period,
            unit="percent",
        ),
        _claim(
            document.id,
            6,
            "$190 bln",
            190e9,
            kind="level",
            metric="trade_turnover",
            entities=entities,
            period=prior,
            record=i % 3 == 0,
        ),
    )
    return document, claims + extra


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--one-pair", action="store_true", help="all articles on one pair (worst case)"
    )
    args = parser.parse_args()
    make = one_pair_article if args.one_pair else article
    results: dict[int, dict[str, float]] = {}
    for size in args.sizes:
        inputs = [make(i) for i in range(size)]
        start = time.perf_counter()
        report = check(inputs)
        seconds = time.perf_counter() - start
        results[size] = {
            "seconds": round(seconds, 3),
            "claims": sum(len(c) for _, c in inputs),
            "findings": len(report.findings),
            "verified": len(report.verified),
        }
        print(f"{size:>6} documents: {seconds:7.2f} s  {results[size]}")
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        per_small = results[small]["seconds"] / small
        per_large = results[large]["seconds"] / large
        print(f"per-document time ratio {large} vs {small}: {per_large / per_small:.2f}")
    name = "check_one_pair.json" if args.one_pair else "check.json"
    out = Path(__file__).resolve().parent / "results" / name
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
