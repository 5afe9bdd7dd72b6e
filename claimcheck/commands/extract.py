"""``claimcheck extract PATH...``: the numeric claims of articles, as a table or data."""

from __future__ import annotations

import argparse
import sys
import traceback

from claimcheck.commands._io import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    error,
    open_output,
    parse_max_size,
    parse_published,
    report_load_failure,
    wants_color,
)

__all__ = ["FORMATS", "run"]

FORMATS = ("table", "json", "jsonl", "csv")


def run(args: argparse.Namespace) -> int:
    """Extract and write the claims of ``args.paths``; return the exit status."""
    from claimcheck.documents import LoadFailure, load_documents
    from claimcheck.extract import extract_document
    from claimcheck.report import extract_writer

    try:
        published = parse_published(args.published)
    except ValueError as exc:
        error(f"--published: {exc}")
        return EXIT_BAD_INPUT
    try:
        max_bytes = parse_max_size(args.max_size)
    except ValueError as exc:
        error(f"--max-size: {exc}")
        return EXIT_BAD_INPUT
    to_file = args.output is not None and args.output != "-"
    fmt = args.format or ("table" if not to_file and sys.stdout.isatty() else "json")
    bad_input = internal = False
    try:
        with open_output(args.output) as stream:
            color = fmt == "table" and not to_file and wants_color(stream)
            writer = extract_writer(fmt, stream, color=color)
            for result in load_documents(args.paths, published=published, max_bytes=max_bytes):
                if isinstance(result, LoadFailure):
                    report_load_failure(result)
                    writer.failure(result)
                    bad_input = bad_input or not result.skipped or args.strict
                    continue
                try:
                    claims = extract_document(result)
                except Exception as exc:  # one document's bug must not stop the others
                    where = result.path or result.id
                    failure = LoadFailure(where, f"extraction failed ({type(exc).__name__}: {exc})")
                    error(failure.message + ("" if args.debug else "; rerun with --debug"))
                    if args.debug:
                        traceback.print_exc()
                    writer.failure(failure)
                    internal = True
                    continue
                writer.document(result, claims)
            writer.close()
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        error(f"{args.output or 'output'}: {(exc.strerror or str(exc)).lower()}")
        if args.debug:
            traceback.print_exc()
        return EXIT_BAD_INPUT
    if internal:
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT if bad_input else EXIT_OK
