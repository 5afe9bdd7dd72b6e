"""``claimcheck check PATH... [--against PATH...]``: cross-check the claims of articles.

Loads and extracts every document (one bad document never stops the others),
runs the selected rules of :mod:`claimcheck.checks` over the claims of the
checked documents together with those of the ``--against`` documents, and
writes the report in the chosen format (:mod:`claimcheck.report.check_writers`).
``--store FILE`` adds the related claims of a claims store
(:mod:`claimcheck.store`, written by ``claimcheck index``) to the
``--against`` documents, without re-extracting them.

Settings come from the command line, else the configuration file
(:mod:`claimcheck.config`; ``--config``, ``--no-config``), else the defaults.
``--baseline`` leaves out known findings and ``--write-baseline`` records
them (:mod:`claimcheck.baseline`); a progress bar goes to stderr when it is a
terminal (:mod:`claimcheck.progress`; ``--quiet`` turns it and the notes off).

Exit status: 0 when nothing at or above ``--fail-on`` was found (or with
``--exit-zero``, or after ``--write-baseline``), 1 when something was, 2 for
a usage, configuration or input error (unknown rule code, malformed rule
pack, reference table, configuration or baseline, unreadable document — the
other documents are still checked and reported).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.commands._io import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_OK,
    add_input_arguments,
    error,
    input_options,
    open_output,
    report_load_failure,
    wants_color,
    warn,
)
from claimcheck.commands._jobs import add_engine_arguments, add_jobs_argument
from claimcheck.model import Claim, Document

if TYPE_CHECKING:
    from claimcheck.config import Config
    from claimcheck.findings import Report
    from claimcheck.inputs import InputStatus, Role
    from claimcheck.progress import Progress
    from claimcheck.reference import ReferenceTable
    from claimcheck.rulepacks import RulePack

__all__ = ["FAIL_ON", "failing", "run"]

FAIL_ON = ("error", "warning", "info", "never")
"""Values of ``--fail-on``: the least severe finding that fails the run."""


def info(message: str) -> None:
    """Print a one-line note to stderr (``--quiet`` suppresses these)."""
    print(f"claimcheck: {message}", file=sys.stderr, flush=True)


def failing(report: Report, fail_on: str) -> bool:
    """Whether ``report`` has a finding at or above severity ``fail_on``."""
    if fail_on == "never":
        return False
    from claimcheck.findings import SEVERITIES

    worst = [str(s) for s in SEVERITIES].index(fail_on)
    return any(SEVERITIES.index(f.severity) <= worst for f in report.findings)


def _codes(values: Sequence[str] | None) -> list[str] | None:
    """``--select CC1,CC201 --select CC3`` -> ``["CC1", "CC201", "CC3"]``."""
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


Loaded = list[tuple[Document, Sequence[Claim]]]

UNPACKED_CLAIMS = 8192
"""Claims a counted run holds as they are before it packs the next documents' claims
(:class:`~claimcheck.engine.packed.PackedClaims`). Packing and unpacking a claim costs
~40,000 instructions and saves ~630 bytes: worth it for the hundreds of MB a large corpus
holds, not for the ~6 MB of this many claims (a run of a thousand articles)."""


COLLECT_EVERY = 32
"""Documents a local extraction takes between two collections of the young generation (the
collector is paused meanwhile: :func:`_extract`)."""


def _read(
    paths: Sequence[str], args: argparse.Namespace, role: Role
) -> tuple[list[Document], list[InputStatus]]:
    """Load the documents of ``paths``; report skipped and failed inputs on stderr and carry on."""
    from claimcheck.collector import collect_young, paused
    from claimcheck.documents import LoadFailure, load_documents
    from claimcheck.inputs import InputStatus

    documents: list[Document] = []
    statuses: list[InputStatus] = []
    # (paused: the collector's passes would walk every document read so far, again and
    # again, to find no garbage; the young generation is collected once at the end)
    with paused():
        for result in load_documents(
            paths, published=args.published_date, max_bytes=args.max_bytes
        ):
            if isinstance(result, LoadFailure):
                report_load_failure(result)
                statuses.append(InputStatus.of_failure(result, role))
            else:
                documents.append(result)
                statuses.append(InputStatus.of_document(result, role))
        collect_young()
    return documents, statuses


def _extract(
    documents: Sequence[Document],
    args: argparse.Namespace,
    progress: Progress,
    statuses: list[InputStatus],
) -> Loaded:
    """Extract the claims of ``documents`` (``--jobs`` processes or the Dask cluster; the
    order is kept); a document whose extraction fails is left out. With ``args.packed``
    the claims are held packed (:class:`~claimcheck.engine.packed.PackedClaims`) once
    ``args.unpacked`` claims (:data:`UNPACKED_CLAIMS` for the run) are held as they are.

    Its entry in ``statuses`` becomes ``failed`` with the reason.
    """
    from claimcheck.collector import collect_young, paused
    from claimcheck.commands._jobs import jobs_of
    from claimcheck.inputs import InputStatus
    from claimcheck.parallel import extract_documents

    local = False
    if args.dask is not None:
        extracted = iter(args.dask.extract(documents))
    else:
        jobs = jobs_of(args)
        local = jobs <= 1
        extracted = extract_documents(documents, jobs)
    hold: Callable[[Sequence[Claim]], Sequence[Claim]] | None = None
    unpacked = 0
    if getattr(args, "packed", False):
        from claimcheck.engine.packed import PackedClaims

        hold = PackedClaims
        unpacked = getattr(args, "unpacked", 0)
    done = progress.document_done
    loaded: Loaded = []
    append = loaded.append
    # Extracting here, the collector is paused and collects the young generation once every
    # COLLECT_EVERY documents instead: its automatic passes of the older generations walk
    # every document and claim held so far (~2% of a check). Not with worker processes,
    # which a pause would be inherited by (forked), nor with Dask.
    pause = paused() if local else contextlib.nullcontext()
    countdown = COLLECT_EVERY
    with pause:
        for document, claims in extracted:  # once per document: kept lean
            if local:
                countdown -= 1
                if not countdown:  # the cycles the last documents' extraction made
                    collect_young()
                    countdown = COLLECT_EVERY
            if isinstance(claims, Exception):  # one document's bug must not stop the others
                progress.close()
                reason = f"extraction failed ({type(claims).__name__}: {claims})"
                error(
                    f"{document.path or document.id}: {reason}"
                    + ("" if args.debug else "; rerun with --debug")
                )
                if args.debug:
                    print(getattr(claims, "worker_traceback", ""), end="", file=sys.stderr)
                for n, status in enumerate(statuses):
                    if status.document == document.id:
                        statuses[n] = InputStatus(
                            status.path, "failed", reason, document=document.id, role=status.role
                        )
                continue
            count = len(claims)
            if hold is None or count <= unpacked:
                append((document, claims))
                unpacked -= count
            else:
                append((document, hold(claims)))
            done(count)
        if local:
            collect_young()
    args.unpacked = max(unpacked, 0)
    return loaded


def _check_on_dask(
    args: argparse.Namespace, primary: Loaded, against: Loaded, reference: ReferenceTable
) -> Report:
    """The report of the documents extracted on the Dask cluster (the local one's findings)."""
    from claimcheck.engine.runner import Plan, report_of

    plan = Plan.of(
        select=args.select_codes,
        ignore=args.ignore_codes,
        packs=args.packs or None,
        reference=reference,
    )
    checked = frozenset(d.id for d, _ in primary) if against else None
    return report_of(plan, primary, args.dask.check(plan, checked))


LISTED_FORMATS = ("text", "json", "markdown", "junit", "html")
"""Formats that list verified or not-checked results one by one (the others write the
findings and counts: their run keeps only those, :class:`~claimcheck.findings.Counted`)."""


def _check_locally(
    args: argparse.Namespace, primary: Loaded, against: Loaded, reference: ReferenceTable
) -> Report:
    """The report of the rules run here, one relation group at a time
    (:func:`~claimcheck.engine.runner.check_by_group`); verified and not-checked results
    are only counted unless the format lists them."""
    from claimcheck.engine.runner import Plan, check_by_group

    plan = Plan.of(
        select=args.select_codes,
        ignore=args.ignore_codes,
        packs=args.packs or None,
        reference=reference,
    )
    return check_by_group(plan, primary, against, listed=args.format in LISTED_FORMATS)


def _stored(
    path: str,
    primary: Loaded,
    *,
    exclude: set[str],
    against: Loaded | None = None,
    packs: Sequence[RulePack | str | Path] | None = None,
) -> Loaded | None:
    """The stored documents and claims related to ``primary`` (None: the store is unusable).

    Only the claims the rules can relate to a new claim (or to a claim of the
    ``against`` documents) are read (:meth:`claimcheck.store.ClaimStore.related`,
    narrowed with the run's rule ``packs``); nothing is re-extracted.
    """
    from claimcheck.engine.config import EngineConfig, load_config
    from claimcheck.rulepacks import RulePackError
    from claimcheck.store import ClaimStore, StoreError

    against = against or []
    config: EngineConfig | None
    try:
        config = load_config(packs or None)
    except RulePackError:  # reported by the check itself; narrow conservatively meanwhile
        config = None
    try:
        with ClaimStore.open(path) as store:
            related = store.related(
                [c for _, claims in primary for c in claims],
                exclude=exclude,
                context=[c for _, claims in against for c in claims],
                config=config,
                texts={d.id: d.text for d, _ in [*primary, *against]},
            )
            return [(document, claims) for document, claims in related]
    except StoreError as exc:
        error(str(exc))
        return None


def _settings(args: argparse.Namespace) -> Config | None:
    """Read the configuration (:class:`ConfigError` when wrong) and merge it under ``args``.

    Afterwards ``args`` holds the effective ``format``, ``fail_on``, ``select``,
    ``ignore``, ``packs``, ``reference``, ``against`` and ``baseline``: a
    command-line option wins over the configuration, which wins over the default.
    """
    from claimcheck.config import discover, load_config_file

    if args.no_config:
        config = None
    elif args.config is not None:
        config = load_config_file(Path(args.config))
    else:
        config = discover()
    args.format = args.format or (config.format if config else None) or "text"
    args.fail_on = args.fail_on or (config.fail_on if config else None) or "error"
    select = _codes(args.select)
    ignore = _codes(args.ignore)
    if select is None and config is not None and config.select is not None:
        select = list(config.select)
    if ignore is None and config is not None and config.ignore is not None:
        ignore = list(config.ignore)
    args.select_codes, args.ignore_codes = select, ignore
    packs: list[RulePack | str | Path] = []
    if args.rules is None and config is not None:
        packs.extend(config.rules or ())
    if config is not None and (pack := config.pack()) is not None:
        packs.append(pack)
    packs.extend(args.rules or ())
    args.packs = packs
    references: list[Path] = []
    if args.reference is not None:
        references.extend(Path(p) for p in args.reference)
    elif config is not None:
        references.extend(config.reference or ())
    use_default = not args.no_default_reference and not (
        config is not None and config.default_reference is False
    )
    if use_default:
        from claimcheck.reference import default_reference_path

        references.insert(0, default_reference_path())
    args.reference_paths = references
    if args.against is None and config is not None and config.against:
        args.against = [str(p) for p in config.against]
    if args.baseline is None and config is not None and args.write_baseline is None:
        args.baseline = config.baseline
    args.strict = args.strict or bool(config is not None and config.strict)
    if args.max_size is None and config is not None and config.max_size is not None:
        args.max_size = str(config.max_size)
    return config


def _apply_baseline(report: Report, args: argparse.Namespace) -> Report:
    """Leave out the findings of ``--baseline`` (:class:`BaselineError` when it is bad)."""
    from claimcheck.baseline import apply_baseline, read_baseline

    if args.baseline is None:
        return report
    applied = apply_baseline(report, read_baseline(Path(args.baseline)))
    if not args.quiet:
        note = (
            f"{applied.suppressed} finding(s) suppressed by the baseline {args.baseline}; "
            f"{len(applied.report.findings)} new"
        )
        if applied.unmatched:
            note += f"; {applied.unmatched} baseline entry(ies) no longer found"
        info(note)
    return applied.report


def run(args: argparse.Namespace) -> int:
    """Check the documents of ``args.paths``; return the exit status."""
    from claimcheck.baseline import BaselineError, write_baseline
    from claimcheck.config import ConfigError
    from claimcheck.engine import RuleSelectionError, select_rules
    from claimcheck.progress import progress_for
    from claimcheck.reference import ReferenceError, load_reference
    from claimcheck.report.check_writers import check_writer
    from claimcheck.rulepacks import RulePackError

    try:
        _settings(args)
    except ConfigError as exc:
        error(str(exc))
        return EXIT_BAD_INPUT
    options = input_options(args)
    if options is None:
        return EXIT_BAD_INPUT
    args.published_date, args.max_bytes = options
    try:
        rule_count = len(select_rules(args.select_codes, args.ignore_codes))
    except RuleSelectionError as exc:
        try:  # name the option at fault
            select_rules(args.select_codes, None)
            option = "--ignore"
        except RuleSelectionError:
            option = "--select"
        error(f"{option}: {exc}")
        return EXIT_BAD_INPUT
    primary_documents, primary_statuses = _read(args.paths, args, "checked")
    against_documents, against_statuses = _read(args.against or [], args, "against")
    args.dask = None
    scheduler = getattr(args, "scheduler", None)
    if getattr(args, "engine", "local") == "dask":
        from claimcheck.commands._jobs import jobs_of
        from claimcheck.dask_engine import DaskEngine, DaskUnavailableError

        try:
            args.dask = DaskEngine(scheduler, jobs_of(args))
        except DaskUnavailableError as exc:
            error(str(exc))
            return EXIT_BAD_INPUT
    elif scheduler is not None:
        error("--scheduler needs --engine dask")
        return EXIT_BAD_INPUT
    progress = progress_for(
        sys.stderr, len(primary_documents) + len(against_documents), quiet=args.quiet
    )
    # a counted run holds claims encoded (PackedClaims) until their relation group is checked
    args.packed = args.dask is None and args.format not in LISTED_FORMATS
    args.unpacked = UNPACKED_CLAIMS
    try:
        primary = _extract(primary_documents, args, progress, primary_statuses)
        against = _extract(against_documents, args, progress, against_statuses)
        if getattr(args, "own_process", False):
            from claimcheck.collector import freeze_live

            # held to the end of the run: the collector need not walk them again (when it
            # resumes after the check, it would: ~0.4 s at 100,000 articles)
            freeze_live()
        if getattr(args, "store", None) is not None:
            stored = _stored(
                args.store,
                primary,
                exclude={d.id for d, _ in [*primary, *against]},
                against=against,
                packs=args.packs,
            )
            if stored is None:
                return EXIT_BAD_INPUT
            against.extend(stored)
            if args.dask is not None:
                args.dask.add(stored)
        progress.checking(rule_count)
        try:
            reference = load_reference(args.reference_paths)
            if args.dask is not None:
                report = _check_on_dask(args, primary, against, reference)
            else:
                report = _check_locally(args, primary, against, reference)
        except (RuleSelectionError, RulePackError, ReferenceError) as exc:
            progress.close()
            error(str(exc))
            return EXIT_BAD_INPUT
        progress.finished(len(report.findings))
    finally:
        progress.close()
        if args.dask is not None:
            args.dask.close()
    checked_anything = bool(report.findings or report.verified_count)
    try:
        if args.write_baseline is not None:
            write_baseline(Path(args.write_baseline), report.findings)
            if not args.quiet:
                info(
                    f"wrote {len(report.findings)} finding(s) to the baseline {args.write_baseline}"
                )
        report = _apply_baseline(report, args)
    except BaselineError as exc:
        error(str(exc))
        return EXIT_BAD_INPUT
    documents = {doc.id: doc for doc, _ in [*primary, *against]}
    inputs = (*primary_statuses, *against_statuses)
    to_file = args.output is not None and args.output != "-"
    try:
        with open_output(args.output) as stream:
            color = args.format == "text" and not to_file and wants_color(stream)
            if args.format == "html":  # the page highlights every claim and charts the reference
                from claimcheck.report.check_html import write_html

                claims = {doc.id: doc_claims for doc, doc_claims in [*primary, *against]}
                write_html(
                    report, documents, stream, claims=claims, reference=reference, inputs=inputs
                )
            else:
                writer = check_writer(args.format)
                writer(report, documents, stream, verbose=args.verbose, color=color, inputs=inputs)
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        error(f"{args.output or 'output'}: {(exc.strerror or str(exc)).lower()}")
        return EXIT_BAD_INPUT
    if not checked_anything:
        warn(
            f"nothing was checked: {len(primary)} document(s), {report.claims_count} claim(s), "
            "and no relation between figures could be tested"
        )
    if any(s.status == "failed" or (s.status == "skipped" and args.strict) for s in inputs):
        return EXIT_BAD_INPUT
    if args.write_baseline is not None:
        return EXIT_OK  # every current finding is now in the baseline
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
        "--store",
        metavar="FILE",
        help="also compare with the related claims of a claims store (see 'claimcheck index')",
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=CHECK_FORMATS,
        help="output format (default: the configuration's format, else text)",
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
        help="least severe finding that fails the run (exit 1; default: the configuration's "
        "fail-on, else error)",
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
    add_input_arguments(parser)
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="leave out the findings recorded in FILE (see --write-baseline)",
    )
    parser.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record every current finding in FILE (JSON, by fingerprint) and exit 0",
    )
    config = parser.add_mutually_exclusive_group()
    config.add_argument(
        "--config",
        metavar="FILE",
        help="read settings from FILE (claimcheck.toml, or a pyproject.toml with "
        "[tool.claimcheck]) instead of the nearest one found from the working directory up",
    )
    config.add_argument("--no-config", action="store_true", help="read no configuration file")
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress bar and no notes on stderr (errors and warnings still shown)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    add_jobs_argument(parser)
    add_engine_arguments(parser)
