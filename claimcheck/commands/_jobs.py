"""The execution options shared by ``extract``, ``check`` and ``index``: ``--jobs``,
``--engine`` and ``--scheduler``."""

from __future__ import annotations

import argparse

__all__ = ["ENGINES", "add_engine_arguments", "add_jobs_argument", "jobs_of", "positive_int"]

ENGINES = ("local", "dask")
"""Values of ``--engine``: this machine (``--jobs`` processes) or a Dask cluster."""


def positive_int(value: str) -> int:
    """An integer of at least 1 (for ``argparse``)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {number}")
    return number


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    """``--jobs N``: extraction processes (default: the cores available)."""
    parser.add_argument(
        "--jobs",
        "-j",
        type=positive_int,
        default=None,
        metavar="N",
        help="extract in N worker processes (default: the cores available; output is "
        "identical whatever N)",
    )


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """``--engine local|dask`` and ``--scheduler ADDRESS``."""
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where to extract and check: this machine (default) or a Dask cluster "
        "(needs claimcheck-numeric[dask]; same findings)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of an existing cluster (tcp://host:8786); "
        "default: a local cluster of --jobs workers",
    )


def jobs_of(args: argparse.Namespace) -> int:
    """The effective ``--jobs``."""
    from claimcheck.parallel import available_cores

    jobs = getattr(args, "jobs", None)
    return available_cores() if jobs is None else int(jobs)
