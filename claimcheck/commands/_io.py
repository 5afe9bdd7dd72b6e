"""What every subcommand shares: exit codes, error lines, colour, output files."""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

if TYPE_CHECKING:
    import argparse

    from claimcheck.documents import LoadFailure

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "InputOptions",
    "add_input_arguments",
    "error",
    "input_options",
    "open_output",
    "parse_max_size",
    "parse_published",
    "report_load_failure",
    "wants_color",
    "warn",
]

EXIT_OK = 0
"""Everything was processed and nothing at or above ``--fail-on`` was found."""
EXIT_FINDINGS = 1
"""``check``: findings at or above ``--fail-on``."""
EXIT_INTERNAL = 1
"""``extract``: extraction itself failed on a document (a bug; see ``--debug``)."""
EXIT_BAD_INPUT = 2
"""A usage, configuration or input error (other inputs were still processed)."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C, SIGINT): 128 + the signal number, as shells report it."""


def error(message: str) -> None:
    """Print a one-line error to stderr."""
    print(f"claimcheck: error: {message}", file=sys.stderr, flush=True)


def warn(message: str) -> None:
    """Print a one-line warning to stderr."""
    print(f"claimcheck: warning: {message}", file=sys.stderr, flush=True)


def wants_color(stream: TextIO) -> bool:
    """Colour and boxes only on a terminal, and never with ``NO_COLOR`` set."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty: Callable[[], bool] | None = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def parse_published(value: str | None) -> _dt.date | None:
    """The ``--published`` date; :class:`ValueError` with a readable reason."""
    if value is None:
        return None
    from claimcheck.documents import parse_date

    return parse_date(value)


def parse_max_size(value: str | None) -> int:
    """The ``--max-size`` limit in bytes (the default when ``None``); :class:`ValueError`."""
    from claimcheck.documents import DEFAULT_MAX_BYTES, parse_size

    return DEFAULT_MAX_BYTES if value is None else parse_size(value)


class InputOptions(NamedTuple):
    """How the commands that read documents load them."""

    published: _dt.date | None
    max_bytes: int


def input_options(args: argparse.Namespace) -> InputOptions | None:
    """``--published`` and ``--max-size`` of ``args``; ``None`` once the bad one is reported."""
    try:
        published = parse_published(args.published)
    except ValueError as exc:
        error(f"--published: {exc}")
        return None
    try:
        max_bytes = parse_max_size(args.max_size)
    except ValueError as exc:
        error(f"--max-size: {exc}")
        return None
    return InputOptions(published, max_bytes)


def report_load_failure(failure: LoadFailure) -> None:
    """One line on stderr: an error for a failed input, a warning for a skipped one."""
    if failure.skipped:
        where = failure.path if failure.line is None else f"{failure.path}:{failure.line}"
        warn(f"{where}: skipped: {failure.reason}")
    else:
        error(failure.message)


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """``--max-size`` and ``--strict``, shared by the commands that read documents."""
    parser.add_argument(
        "--max-size",
        metavar="SIZE",
        help="skip input files larger than SIZE (bytes, or with KB, MB, GB; default: 10 MB)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat skipped inputs (binary, empty, not UTF-8, too large) as errors: exit 2",
    )


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout, or ``path`` written atomically (a temporary file, renamed at the end).

    On any failure or interruption the temporary file is removed and ``path``
    is left as it was.
    """
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", path)
    temporary = target.with_name(f".{target.name}.tmp{os.getpid()}")
    with temporary.open("w", encoding="utf-8", newline="") as stream:
        try:
            yield stream
        except BaseException:
            stream.close()
            temporary.unlink(missing_ok=True)
            raise
    try:
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
