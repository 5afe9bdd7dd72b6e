"""The ``claimcheck`` command line: the parser and the dispatch to subcommands.

* ``claimcheck extract PATH...`` — the numeric claims of articles
  (:mod:`claimcheck.commands.extract`);
* ``claimcheck check PATH... [--against PATH...]`` — cross-check them
  (:mod:`claimcheck.commands.check`);
* ``claimcheck rules`` / ``claimcheck explain CODE`` — what the checks do
  (:mod:`claimcheck.commands.rules`);
* ``claimcheck index PATH... --store FILE`` / ``claimcheck store stats`` — the
  claims store (:mod:`claimcheck.commands.index`, :mod:`claimcheck.commands.store`).

``check`` reads its settings from the nearest ``claimcheck.toml`` or
``pyproject.toml`` ``[tool.claimcheck]`` (:mod:`claimcheck.config`); its
options override them. ``--baseline``/``--write-baseline``:
:mod:`claimcheck.baseline`; the progress bar on stderr: :mod:`claimcheck.progress`.

Inputs are files, directories, JSON, JSONL or ``-`` for stdin. Exit status:
0 clean; 1 findings at or above ``--fail-on`` (``check``) or an internal
error; 2 a usage, configuration or input error (the other inputs are still
processed and written; with ``--strict`` also a skipped input); 130
interrupted. No traceback unless ``--debug``. Every input ends checked,
skipped or failed (:mod:`claimcheck.inputs`, docs/robustness.md).

Start-up is kept cheap: rich is imported only for tables, and nothing here
imports pint or quantulum3.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import NoReturn

from claimcheck import __version__
from claimcheck.commands import check, extract, index, rules, store
from claimcheck.commands._io import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    add_input_arguments,
    error,
)
from claimcheck.commands._jobs import add_jobs_argument

__all__ = ["main"]

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": extract.run,
    "check": check.run,
    "rules": rules.run_rules,
    "explain": rules.run_explain,
    "index": index.run,
    "store": store.run,
}


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """``--version``: the version and whether the compiled modules are in use (looked up
    only when asked, not on every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from claimcheck.native import describe

        print(f"claimcheck {__version__} ({describe()})")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``claimcheck`` command and its subcommands."""
    parser = _Parser(
        prog="claimcheck",
        description="Extract numeric claims from news articles and cross-check them.",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    extract_parser = commands.add_parser(
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
            "recursively) and '-' for stdin. Binary, empty, non-UTF-8 and oversized inputs "
            "are skipped and listed. Exit status: 0 ok (skips included unless --strict), 2 bad "
            "input or option (other inputs still processed), 1 internal error, 130 interrupted."
        ),
    )
    extract_parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or '-'")
    extract_parser.add_argument(
        "--format",
        "-f",
        choices=extract.FORMATS,
        help="output format (default: table on a terminal, json otherwise)",
    )
    extract_parser.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE instead of stdout"
    )
    extract_parser.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for documents that do not state their own",
    )
    add_input_arguments(extract_parser)
    extract_parser.add_argument(
        "--debug", action="store_true", help="show tracebacks of internal errors"
    )
    add_jobs_argument(extract_parser)
    check.add_arguments(
        commands.add_parser(
            "check",
            help="cross-check the figures of articles",
            description=(
                "Cross-check the numeric claims of articles against each other, against "
                "earlier reporting (--against) and against reference figures: parts adding "
                "up to totals, growth rates against levels, periods, targets, records."
            ),
            epilog=(
                "Settings come from the nearest claimcheck.toml, or pyproject.toml with "
                "[tool.claimcheck], found from the working directory up; options given here "
                "override them. Every input is reported as checked, skipped or failed. Exit "
                "status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, "
                "configuration or input error (other inputs still checked; skipped inputs too "
                "with --strict), 130 interrupted."
            ),
        )
    )
    commands.add_parser("rules", help="list the checks: code, name, severity, what they do")
    explain = commands.add_parser("explain", help="show the documentation of one check")
    explain.add_argument("code", metavar="CODE", help="a rule code such as CC101")
    index.add_arguments(
        commands.add_parser(
            "index",
            help="extract articles into a claims store (incremental)",
            description=(
                "Extract the claims of articles into a claims store (SQLite). Re-running only "
                "re-extracts documents whose content changed; --prune removes stored documents "
                "that are no longer among the inputs."
            ),
            epilog="Exit status: 0 ok, 2 bad input, option or store (other inputs still indexed).",
        )
    )
    store.add_arguments(
        commands.add_parser(
            "store",
            help="inspect a claims store",
            description="Inspect a claims store written by 'claimcheck index'.",
        )
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if argv is None:  # the claimcheck process itself (not a caller running main([...]))
        import gc

        gc.freeze()  # what start-up loaded lives as long as the process: no pass walks it again
    parser = build_parser()
    args = parser.parse_args(argv)
    args.own_process = argv is None  # (what a command loads may be frozen too: freeze_live)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    debug = bool(getattr(args, "debug", False))
    try:
        return _COMMANDS[args.command](args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:
        error(f"internal error ({type(exc).__name__}: {exc})")
        if debug:
            traceback.print_exc()
        return EXIT_INTERNAL
