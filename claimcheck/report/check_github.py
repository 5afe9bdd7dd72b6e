"""``claimcheck check --format github``: GitHub Actions workflow annotations.

One line per finding, at its first cited claim::

    ::error file=news/a.md,line=3,col=40,endLine=3,endColumn=49,title=CC101 parts-sum::message

error → ``::error``, warning → ``::warning``, info → ``::notice``. The
message is the finding's message, then (escaped newlines) its arithmetic and
the other claims with their positions (``also: $41.35 bln at news/b.md:2:7``).
``col``/``endColumn`` (inclusive: the column of the last character) are only
given when the claim lies on one line, as GitHub requires; positions are in
the file the document was read from (see
:class:`~claimcheck.report.check_common.Locator`); when they cannot be mapped
to the file (JSON input) only ``file`` is given.

Escaping follows GitHub's rules: in the message ``%``, ``\\r`` and ``\\n``
become ``%25``, ``%0D``, ``%0A``; in properties ``:`` and ``,`` also become
``%3A`` and ``%2C``. Control characters from documents are shown as
``\\xNN`` so no text can start another command. The last line is a plain
summary (not a command) that counts skipped and failed inputs too; a run
that checked nothing adds a ``::notice``. Each input that was skipped or
failed is a ``::warning`` (skipped) or ``::error`` (failed) annotation on
its file (and line), titled ``claimcheck: input skipped`` / ``failed``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TextIO

from claimcheck.findings import Finding, Report
from claimcheck.inputs import InputStatus, input_counts, not_checked_inputs
from claimcheck.model import Document
from claimcheck.report.check_common import Locator, interval_line, primary_claims, printable

__all__ = ["escape_data", "escape_property", "write_github"]

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR, LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: ``%``, CR, LF, ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(finding: Finding, report: Report, locator: Locator) -> str:
    properties: list[tuple[str, str]] = []
    lines = [finding.message]
    if finding.arithmetic is not None:
        lines.append(finding.arithmetic.expression)
        lines.append(interval_line(finding.arithmetic, holds=False))
    claims = primary_claims(finding, report)
    if claims:
        first, *others = claims
        where = locator.claim(first)
        properties.append(("file", where.uri))
        if where.positioned:
            properties.append(("line", str(where.start_line)))
            if where.start_line == where.end_line:
                properties.append(("col", str(where.start_column)))
            properties.append(("endLine", str(where.end_line)))
            if where.start_line == where.end_line:
                last = max(where.start_column, where.end_column - 1)
                properties.append(("endColumn", str(last)))
        for ref in others:
            other = locator.claim(ref)
            place = other.short() if other.positioned else other.uri
            lines.append(f"also: {ref.text} at {place}")
    properties.append(("title", f"{finding.code} {finding.name}"))
    props = ",".join(f"{key}={escape_property(printable(value))}" for key, value in properties)
    message = "\n".join(printable(line) for line in lines)
    return f"::{_COMMANDS.get(finding.severity, 'warning')} {props}::{escape_data(message)}"


def _input_annotation(item: InputStatus) -> str:
    """``::warning file=x.pdf,title=...::skipped: reason`` for a skipped or failed input."""
    properties = [("file", item.path)]
    if item.line is not None:
        properties.append(("line", str(item.line)))
    properties.append(("title", f"claimcheck: input {item.status}"))
    props = ",".join(f"{key}={escape_property(printable(value))}" for key, value in properties)
    command = "warning" if item.status == "skipped" else "error"
    return f"::{command} {props}::{escape_data(printable(f'{item.status}: {item.reason}'))}"


def write_github(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write one annotation per finding and a summary line."""
    locator = Locator(documents)
    for item in not_checked_inputs(inputs):
        out.write(_input_annotation(item) + "\n")
    for finding in report.findings:
        out.write(_annotation(finding, report, locator) + "\n")
    summary = report.summary()
    counted = input_counts(inputs)
    if not report.findings and not report.verified_count:
        message = (
            f"Nothing was checked: no rule could relate the {summary['claims']} claims "
            f"of {summary['documents']} documents ({summary['not_checked']} checks could not run)."
        )
        out.write(f"::notice title=claimcheck::{escape_data(message)}\n")
    counts = ", ".join(
        f"{summary[key]} {word}{'' if summary[key] == 1 or word == 'info' else 's'}"
        for key, word in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
    )
    out.write(
        f"claimcheck: {summary['documents']} documents, {summary['claims']} claims: {counts}; "
        f"{summary['verified']} verified, {summary['not_checked']} not checked; "
        f"inputs: {counted['skipped']} skipped, {counted['failed']} failed\n"
    )
    out.flush()
