"""``claimcheck extract PATH...``: the numeric claims of articles, as a table or data."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from claimcheck.commands._io import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    error,
    input_options,
    open_output,
    report_load_failure,
    wants_color,
)

if TYPE_CHECKING:
    from claimcheck.model import Document

__all__ = ["FORMATS", "run"]

FORMATS = ("table", "json", "jsonl", "csv")


def run(args: argparse.Namespace) -> int:
    """Extract and write the claims of ``args.paths``; return the exit status."""
    from claimcheck.commands._jobs import jobs_of
    from claimcheck.documents import LoadFailure, load_documents
    from claimcheck.parallel import extract_stream, render_stream
    from claimcheck.report import extract_writer
    from claimcheck.report.extract_render import Prerendering

    options = input_options(args)
    if options is None:
        return EXIT_BAD_INPUT
    published, max_bytes = options
    to_file = args.output is not None and args.output != "-"
    fmt = args.format or ("table" if not to_file and sys.stdout.isatty() else "json")
    bad_input = internal = False
    try:
        with open_output(args.output) as stream:
            color = fmt == "table" and not to_file and wants_color(stream)
            writer = extract_writer(fmt, stream, color=color)
            loaded = load_documents(args.paths, published=published, max_bytes=max_bytes)
            results: Iterator[LoadFailure | tuple[Document, Any]]
            write: Callable[[Document, Any], None]
            if isinstance(writer, Prerendering):  # workers send each document's text back
                results = render_stream(loaded, jobs_of(args), writer.render)
                write = writer.rendered
            else:
                results = extract_stream(loaded, jobs_of(args))
                write = writer.document
            for result in results:
                if isinstance(result, LoadFailure):
                    report_load_failure(result)
                    writer.failure(result)
                    bad_input = bad_input or not result.skipped or args.strict
                    continue
                document, outcome = result  # claims, or their text
                if isinstance(outcome, Exception):  # one document's bug must not stop the others
                    where = document.path or document.id
                    failure = LoadFailure(
                        where, f"extraction failed ({type(outcome).__name__}: {outcome})"
                    )
                    error(failure.message + ("" if args.debug else "; rerun with --debug"))
                    if args.debug:
                        print(getattr(outcome, "worker_traceback", ""), end="", file=sys.stderr)
                    writer.failure(failure)
                    internal = True
                    continue
                write(document, outcome)
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
