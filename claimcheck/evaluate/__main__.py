"""``python -m claimcheck.evaluate``: every evaluation in one run.

1. The project's fixtures (``fixtures/*.expected.json``): value F1, value+unit
   F1 and claim-level accuracy (metric, period, flow, ...) for claimcheck,
   then value F1 and value+unit F1 for quantulum3 on the same articles with
   the same matching.
2. NewsQuant (when ``../shared/benchmarks/newsquant`` is present): value and
   value+unit precision/recall/F1 for claimcheck and quantulum3.

``--no-quantulum`` skips the (slow) quantulum3 runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from claimcheck.evaluate import fixtures, newsquant
from claimcheck.evaluate.baseline import quantulum_claims


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fixture and NewsQuant evaluations; print their tables."""
    parser = argparse.ArgumentParser(
        prog="python -m claimcheck.evaluate",
        description="Score claimcheck (and quantulum3) on the fixtures and on NewsQuant.",
    )
    parser.add_argument("--fixtures", type=Path, default=None, help="fixtures folder")
    parser.add_argument("--newsquant", type=Path, default=None, help="NewsQuant.json path")
    parser.add_argument("--no-quantulum", action="store_true", help="skip quantulum3")
    parser.add_argument("-v", "--verbose", action="store_true", help="list mismatches")
    args = parser.parse_args(argv)
    out = sys.stdout

    out.write("== fixtures: claimcheck\n")
    ours = fixtures.evaluate_fixtures(args.fixtures)
    out.write(fixtures.format_table(ours, verbose=args.verbose) + "\n")
    if not args.no_quantulum:
        theirs = fixtures.evaluate_fixtures(args.fixtures, quantulum_claims)
        p, r, f = theirs.value_prf
        up, ur, uf = theirs.value_unit_prf
        out.write("\n== fixtures: quantulum3 (same matching)\n")
        out.write(f"value       P={p:.3f} R={r:.3f} F1={f:.3f}\n")
        out.write(f"value+unit  P={up:.3f} R={ur:.3f} F1={uf:.3f}\n")

    path = args.newsquant or newsquant.default_path()
    out.write("\n== NewsQuant\n")
    if not Path(path).is_file():
        out.write(f"skipped: {path} not found (the benchmark lives in ../shared)\n")
        return 0
    result = newsquant.evaluate_newsquant(path, with_quantulum=not args.no_quantulum)
    out.write(newsquant.format_table(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
