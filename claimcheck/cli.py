"""The ``claimcheck`` command line.

``claimcheck extract PATH...`` loads documents (files, directories, JSON,
JSONL, ``-`` for stdin), extracts their numeric claims and writes them as a
table (the default on a terminal), JSON (the default otherwise), JSONL or
CSV.

Exit status: 0 when every input was processed; 2 when an input could not be
loaded or an option is invalid (the other inputs are still processed and
written); 1 when extraction itself failed on a document (a bug: rerun with
``--debug`` for the traceback) or on another internal error.

Start-up is kept cheap: rich is imported only for tables, and nothing here
imports pint or quantulum3.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from claimcheck import __version__

__all__ = ["main"]

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``claimcheck`` command and its subcommands."""
    parser = _Parser(
        prog="claimcheck",
        description="Extract numeric claims from news articles and cross-check them.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    extract = commands.add_parser(
        "extract",
        help="extract the numeric claims of articles",
        description=(
            "Extract every numeric claim (value, unit, period, metric, trade partners) "
            "of the given articles."
        ),
        epilog=(
            "Inputs: .txt/.md files (optional front matter between '---' lines with "
            "published, source, url, title, id), .json (an object or a list of objects "
            "with 'text'), .jsonl (one object per line), directories (searched "
            "recursively) and '-' for stdin. Exit status: 0 ok, 2 bad input or option "
            "(other inputs still processed), 1 internal error."
        ),
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or '-'")
    extract.add_argument(
        "--format",
        "-f",
        choices=("table", "json", "jsonl", "csv"),
        help="output format (default: table on a terminal, json otherwise)",
    )
    extract.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    extract.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for documents that do not state their own",
    )
    extract.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    return parser


def _error(message: str) -> None:
    print(f"claimcheck: error: {message}", file=sys.stderr, flush=True)


def _wants_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty: Callable[[], bool] | None = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """stdout, or ``path`` written atomically (a temporary file, renamed)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp{os.getpid()}")
    with temporary.open("w", encoding="utf-8", newline="") as stream:
        try:
            yield stream
        except BaseException:
            stream.close()
            temporary.unlink(missing_ok=True)
            raise
    temporary.replace(target)


def _extract(args: argparse.Namespace) -> int:
    from claimcheck.documents import LoadFailure, load_documents, parse_date
    from claimcheck.report import extract_writer

    published = None
    if args.published is not None:
        try:
            published = parse_date(args.published)
        except ValueError as exc:
            _error(f"--published: {exc}")
            return EXIT_BAD_INPUT
    to_file = args.output is not None and args.output != "-"
    fmt = args.format or ("table" if not to_file and sys.stdout.isatty() else "json")
    bad_input = internal = False
    try:
        with _output(args.output) as stream:
            color = fmt == "table" and not to_file and _wants_color(stream)
            writer = extract_writer(fmt, stream, color=color)
            for result in load_documents(args.paths, published=published):
                if isinstance(result, LoadFailure):
                    _error(result.message)
                    writer.failure(result)
                    bad_input = True
                    continue
                try:
                    from claimcheck.extract import extract_document

                    claims = extract_document(result)
                except Exception as exc:  # one document's bug must not stop the others
                    where = result.path or result.id
                    failure = LoadFailure(where, f"extraction failed ({type(exc).__name__}: {exc})")
                    _error(failure.message + ("" if args.debug else "; rerun with --debug"))
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
        _error(f"{args.output or 'output'}: {(exc.strerror or str(exc)).lower()}")
        if args.debug:
            traceback.print_exc()
        return EXIT_BAD_INPUT
    if internal:
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT if bad_input else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    debug = bool(getattr(args, "debug", False))
    try:
        if args.command == "extract":
            return _extract(args)
        parser.error(f"unknown command {args.command!r}")  # pragma: no cover
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        _error(f"internal error ({type(exc).__name__}: {exc})")
        if debug:
            traceback.print_exc()
        return EXIT_INTERNAL
