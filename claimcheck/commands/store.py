"""``claimcheck store stats --store claims.db``: what a claims store holds.

Prints the schema version, size, numbers of documents and claims, claims by
metric and by period year, and the span of periods covered, as text or
(``--format json``) as one JSON object. Exit status 2 when the store is
missing, not a store or of a newer schema.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from claimcheck.commands._io import EXIT_BAD_INPUT, EXIT_OK, error

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``store`` subcommands and their options."""
    actions = parser.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    stats = actions.add_parser(
        "stats", help="documents, claims, metrics, periods, size and schema of a store"
    )
    stats.add_argument("--store", required=True, metavar="FILE", help="the claims store")
    stats.add_argument(
        "--format", "-f", choices=("text", "json"), default="text", help="output format"
    )


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def run(args: argparse.Namespace) -> int:
    """Run ``claimcheck store ACTION``; return the exit status."""
    from claimcheck.store import ClaimStore, StoreError

    try:
        with ClaimStore.open(args.store) as store:
            stats = store.stats()
    except StoreError as exc:
        error(str(exc))
        return EXIT_BAD_INPUT
    if args.format == "json":
        data: dict[str, Any] = {
            "store": stats.path,
            "schema_version": stats.schema_version,
            "size_bytes": stats.size_bytes,
            "documents": stats.documents,
            "claims": stats.claims,
            # JSON keys cannot be null: claims without a metric or period go under "none".
            "by_metric": {m or "none": n for m, n in stats.by_metric},
            "by_year": {y or "none": n for y, n in stats.by_year},
            "periods": {"first": stats.first_period, "last": stats.last_period},
            "last_indexed": stats.last_indexed,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    lines = [
        f"store:          {stats.path}",
        f"schema version: {stats.schema_version}",
        f"size:           {_size(stats.size_bytes)}",
        f"documents:      {stats.documents}",
        f"claims:         {stats.claims}",
        f"periods:        {stats.first_period or '-'} .. {stats.last_period or '-'}",
        f"last indexed:   {stats.last_indexed or '-'}",
        "claims by metric:",
        *(f"  {m or '(none)':<24} {n:>9}" for m, n in stats.by_metric),
        "claims by period year:",
        *(f"  {y or '(none)':<24} {n:>9}" for y, n in stats.by_year),
    ]
    print("\n".join(lines))
    return EXIT_OK
