"""``claimcheck check PATH... [--against PATH...]``: cross-check the claims of articles.

Loads and extracts every document (one bad document never stops the others),
runs the selected rules of :mod:`claimcheck.checks` over the claims of the
checked documents together with those of the ``--against`` documents, and
writes the report in the chosen format (:mod:`claimcheck.report.check_writers`).

Exit status: 0 when nothing at or above ``--fail-on`` was found (or with
``--exit-zero``), 1 when something was, 2 for a usage, configuration or
input error (unknown rule code, malformed rule pack or reference table,
unreadable document — the other documents are still checked and reported).
"""

from __future__ import annotations

import argparse
import traceback
from collections.abc import Sequence
from pathlib import Path

from claimcheck.commands._io import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_OK,
    error,
    open_output,
    parse_published,
    wants_color,
    warn,
)
from claimcheck.findings import SEVERITIES, Report
from claimcheck.model import Claim, Document

__all__ = ["FAIL_ON", "failing", "run"]

FAIL_ON = (*SEVERITIES, "never")
"""Values of ``--fail-on``: the least severe finding that fails the run."""


def failing(report: Report, fail_on: str) -> bool:
    """Whether ``report`` has a finding at or above severity ``fail_on``."""
    if fail_on == "never":
        return False
    worst = [str(s) for s in SEVERITIES].index(fail_on)
    return any(SEVERITIES.index(f.severity) <= worst for f in report.findings)


def _codes(values: Sequence[str] | None) -> list[str] | None:
    """``--select CC1,CC201 --select CC3`` -> ``["CC1", "CC201", "CC3"]``."""
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _load(
    paths: Sequence[str], args: argparse.Namespace
) -> tuple[list[tuple[Document, tuple[Claim, ...]]], bool]:
    """Load and extract ``paths``; report bad documents on stderr and carry on."""
    from claimcheck.documents import LoadFailure, load_documents
    from claimcheck.extract import extract_document

    loaded: list[tuple[Document, tuple[Claim, ...]]] = []
    bad = False
    for result in load_documents(paths, published=args.published_date):
        if isinstance(result, LoadFailure):
            error(result.message)
            bad = True
            continue
        try:
            loaded.append((result, tuple(extract_document(result))))
        except Exception as exc:  # one document's bug must not stop the others
            error(
                f"{result.path or result.id}: extraction failed ({type(exc).__name__}: {exc})"
                + ("" if args.debug else "; rerun with --debug")
            )
            if args.debug:
                traceback.print_exc()
            bad = True
    return loaded, bad


def _references(args: argparse.Namespace) -> list[Path]:
    from claimcheck.reference import default_reference_path

    paths = [Path(p) for p in args.reference or ()]
    if not args.no_default_reference:
        paths.insert(0, default_reference_path())
    return paths


def run(args: argparse.Namespace) -> int:
    """Check the documents of ``args.paths``; return the exit status."""
    from claimcheck.engine import RuleSelectionError, check
    from claimcheck.reference import ReferenceError
    from claimcheck.report.check_writers import check_writer
    from claimcheck.rulepacks import RulePackError

    try:
        args.published_date = parse_published(args.published)
    except ValueError as exc:
        error(f"--published: {exc}")
        return EXIT_BAD_INPUT
    primary, bad_primary = _load(args.paths, args)
    against, bad_against = _load(args.against or [], args)
    try:
        report = check(
            primary,
            against=against,
            select=_codes(args.select),
            ignore=_codes(args.ignore),
            rules=args.rules or None,
            reference=_references(args),
        )
    except (RuleSelectionError, RulePackError, ReferenceError) as exc:
        error(str(exc))
        return EXIT_BAD_INPUT
    documents = {doc.id: doc for doc, _ in [*primary, *against]}
    to_file = args.output is not None and args.output != "-"
    try:
        with open_output(args.output) as stream:
            color = args.format == "text" and not to_file and wants_color(stream)
            check_writer(args.format)(report, documents, stream, verbose=args.verbose, color=color)
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        error(f"{args.output or 'output'}: {(exc.strerror or str(exc)).lower()}")
        return EXIT_BAD_INPUT
    if not report.findings and not report.verified:
        warn(
            f"nothing was checked: {len(primary)} document(s), {report.claims_count} claim(s), "
            "and no relation between figures could be tested"
        )
    if bad_primary or bad_against:
        return EXIT_BAD_INPUT
    if failing(report, args.fail_on) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``claimcheck check``."""
    from claimcheck.report.check_writers import CHECK_FORMATS

    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or '-'")
    parser.add_argument(
        "--against",
        nargs="+",
        metavar="PATH",
        help="earlier reporting to compare with (its own inconsistencies are not reported)",
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=CHECK_FORMATS,
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--select", action="append", metavar="CODES", help="only these rules (codes or prefixes)"
    )
    parser.add_argument(
        "--ignore", action="append", metavar="CODES", help="skip these rules (codes or prefixes)"
    )
    parser.add_argument(
        "--rules", action="append", metavar="PACK.toml", help="an extra rule pack (repeatable)"
    )
    parser.add_argument(
        "--reference",
        action="append",
        metavar="FILE.csv",
        help="a reference table of official figures (repeatable)",
    )
    parser.add_argument(
        "--no-default-reference",
        action="store_true",
        help="do not use the bundled China-Russia customs series",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="error",
        help="least severe finding that fails the run (exit 1; default: error)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) for documents that do not state their own",
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list verified and unchecked relations"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
