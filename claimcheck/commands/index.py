"""``claimcheck index PATH... --store claims.db [--prune]``: keep a claims store up to date.

Loads the documents of ``PATH...`` (streaming), re-extracts only those whose
content hash changed (:mod:`claimcheck.store.indexer`) and writes each in its
own transaction. Prints ``N added, N updated, N unchanged, N removed`` on
stderr. ``--prune`` deletes stored documents that are not among the inputs.

Exit status: 0 ok; 2 a bad option, an unusable store or a document that
failed to load or extract (reported one line each; the others are still
indexed). Skipped inputs (binary, empty, not UTF-8, above ``--max-size``) are
warned about and counted apart; ``--strict`` makes them exit 2 too.
"""

from __future__ import annotations

import argparse
import sys

from claimcheck.commands._io import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    add_input_arguments,
    error,
    input_options,
    report_load_failure,
)
from claimcheck.commands._jobs import add_jobs_argument, jobs_of

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``claimcheck index``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or '-'")
    parser.add_argument(
        "--store", required=True, metavar="FILE", help="the claims store (created if missing)"
    )
    parser.add_argument(
        "--prune",
        action="store_true",
        help="remove stored documents that are not among the given inputs",
    )
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for documents that do not state their own",
    )
    add_input_arguments(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary on stderr")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    add_jobs_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Index ``args.paths`` into ``args.store``; return the exit status."""
    import sqlite3

    from claimcheck.documents import load_documents
    from claimcheck.parallel import extract_documents
    from claimcheck.store import ClaimStore, StoreError, index_documents

    options = input_options(args)
    if options is None:
        return EXIT_BAD_INPUT
    published, max_bytes = options
    try:
        store = ClaimStore.open(args.store, create=True)
    except StoreError as exc:
        error(str(exc))
        return EXIT_BAD_INPUT
    try:
        with store:
            summary = index_documents(
                store,
                load_documents(args.paths, published=published, max_bytes=max_bytes),
                prune=args.prune,
                extractor=lambda documents: extract_documents(documents, jobs_of(args)),
                on_failure=report_load_failure,
            )
    except sqlite3.Error as exc:  # disk full, locked for too long, ...: committed work stays
        error(f"{args.store}: {exc}")
        return EXIT_BAD_INPUT
    if not args.quiet:
        print(f"claimcheck: {args.store}: {summary.line()}", file=sys.stderr, flush=True)
    if summary.failed or (summary.skipped and args.strict):
        return EXIT_BAD_INPUT
    return EXIT_OK
