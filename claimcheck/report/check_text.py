"""``claimcheck check --format text``: the report for people on a terminal (rich).

Per checked document (in input order): a heading with its id, path and
publication date; its findings by severity (error, warning, info), each with
the rule, where its first claim is (``path:line:column``), the message, the
quoted sentence(s) with the claims marked in place (``«$84.62 bln»`` without
colour, highlighted with colour), the arithmetic as the rule computed it and
the intervals compared, so the sum can be redone by hand; a finding citing
several documents is shown in full under the first one checked, names the
others, and the others point to it. Then what held (``✓``: a count, listed
one by one with ``verbose``) and what could not be checked (counts by reason,
listed with ``verbose``). Then the inputs that were skipped or failed, each
with the reason, and last a summary table (counting them too). A run that
checked nothing says so.

Without ``color`` there are no ANSI codes and no box drawing, lines are not
wrapped and trailing spaces are removed, so the output is stable for tests
and pipes. Document text is never parsed as rich markup, and control
characters in it are shown escaped.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from claimcheck.findings import SEVERITIES, ClaimRef, Finding, NotChecked, Report, Verified
from claimcheck.inputs import InputStatus, not_checked_inputs
from claimcheck.model import Document
from claimcheck.report.check_common import (
    Locator,
    claim_sentences,
    document_label,
    home_document,
    interval_line,
    not_checked_reasons,
    one_line,
    primary_claims,
    printable,
    result_documents,
    sentence_segments,
    split_by_home,
    summary_with_inputs,
    tallies,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["write_text"]

_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_MARK = {"error": "✗", "warning": "!", "info": "i"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class _Printer:
    """Builds rich Text lines for one report."""

    def __init__(
        self,
        console: Console,
        report: Report,
        documents: Mapping[str, Document],
        *,
        verbose: bool,
        color: bool,
        inputs: Sequence[InputStatus] = (),
    ) -> None:
        self.inputs = inputs
        self.console = console
        self.report = report
        self.documents = documents
        self.verbose = verbose
        self.color = color
        self.locator = Locator(documents)
        self.tallies = tallies(report)

    def emit(self, text: Text) -> None:
        """Print one line: unwrapped without colour; wrapped with its indent kept with colour."""
        if not self.color:
            self.console.print(text, soft_wrap=True)
            return
        from rich.padding import Padding

        indent = len(text.plain) - len(text.plain.lstrip(" "))
        body = text[indent:] if indent else text
        self.console.print(Padding(body, (0, 0, 0, indent), expand=False))

    def line(self, *parts: str | tuple[str, str]) -> None:
        from rich.text import Text

        text = Text()
        for part in parts:
            if isinstance(part, tuple):
                text.append(part[0], style=part[1] if self.color else None)
            else:
                text.append(part)
        self.emit(text)

    def quote(self, claims: Sequence[ClaimRef], home: str, indent: str) -> None:
        from rich.text import Text

        for document_id, sentence, marks in claim_sentences(claims, self.documents):
            text = Text(f"{indent}│ ")
            if document_id != home:
                text.append(f"[{printable(document_id)}] ", style="dim" if self.color else None)
            for piece, claim in sentence_segments(sentence, marks):
                if not claim:
                    text.append(piece)
                elif self.color:
                    text.append(piece, style="bold reverse")
                else:
                    text.append(f"«{piece}»")
            self.emit(text)

    def arithmetic(self, result: Finding | Verified, indent: str) -> None:
        if result.arithmetic is None:
            return
        self.line(indent + "= ", (one_line(result.arithmetic.expression), "cyan"))
        holds = isinstance(result, Verified)
        self.line(indent + "  ", (interval_line(result.arithmetic, holds=holds), "dim"))

    def finding(self, finding: Finding, home: str) -> None:
        style = _STYLES.get(finding.severity, "bold")
        claims = primary_claims(finding, self.report)
        first = claims[0] if claims else None
        where = f" at {printable(self.locator.claim(first).short())}" if first else ""
        self.line(
            "  ",
            (f"{_MARK.get(finding.severity, '?')} {finding.severity}", style),
            " ",
            (finding.code, "bold"),
            f" {finding.name}{where}",
        )
        others = [d for d in result_documents(finding) if d != home]
        if others:
            self.line("    ", ("across documents: " + ", ".join(map(printable, others)), "magenta"))
        self.line("    ", one_line(finding.message))
        self.quote(claims, home, "    ")
        self.arithmetic(finding, "    ")

    def pointer(self, finding: Finding) -> None:
        home = home_document(finding, self.report)
        self.line(
            "  ",
            (f"{_MARK.get(finding.severity, '?')} {finding.severity}", _STYLES[finding.severity]),
            " ",
            (finding.code, "bold"),
            f" {finding.name}: shown under {printable(home)}",
        )

    def verified(self, items: Sequence[Verified]) -> None:
        if not items:
            return
        if not self.verbose:
            self.line("  ", ("✓", "green"), f" {_plural(len(items), 'check')} held (-v lists them)")
            return
        for item in items:
            self.line(
                "  ",
                ("✓", "green"),
                " ",
                (item.code, "bold"),
                f" {item.name}: ",
                one_line(item.message),
            )
            if item.arithmetic is not None:
                self.line("      ", (one_line(item.arithmetic.expression), "dim"))

    def not_checked(self, items: Sequence[NotChecked]) -> None:
        if not items:
            return
        self.line("  ", ("?", "yellow"), f" {_plural(len(items), 'check')} could not run:")
        for reason, count in not_checked_reasons(items):
            self.line(f"      {count} × ", one_line(reason))
            if self.verbose:
                for item in items:
                    if item.reason != reason:
                        continue
                    claims = ", ".join(
                        f"{one_line(c.text)} at {printable(self.locator.claim(c).short())}"
                        for c in item.claims
                    )
                    self.line(f"          {item.code} {item.name}: {claims}")

    def document(
        self,
        document_id: str,
        findings: Sequence[Finding],
        verified: Sequence[Verified],
        not_checked: Sequence[NotChecked],
    ) -> None:
        label = printable(document_label(self.documents.get(document_id), document_id))
        self.line((label, "bold underline"))
        ordered = sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
        for finding in ordered:
            self.finding(finding, document_id)
        shown = set(map(id, findings))
        cited = self.tallies[document_id].findings if document_id in self.tallies else []
        for finding in cited:
            if id(finding) not in shown:
                self.pointer(finding)
        self.verified(verified)
        self.not_checked(not_checked)
        if not (findings or verified or not_checked):
            self.line("  ", ("–", "dim"), " nothing could be checked in this document")
        elif not cited and verified:
            self.line("  ", ("✓", "green"), " no findings")
        self.console.print()

    def skipped_and_failed(self) -> None:
        items = not_checked_inputs(self.inputs)
        if not items:
            return
        self.line(("Inputs not checked", "bold underline"))
        for item in items:
            style = "yellow" if item.status == "skipped" else "bold red"
            self.line(
                "  ", (item.status, style), f" {printable(item.where)}: ", printable(item.reason)
            )
        self.console.print()

    def summary(self) -> None:
        from rich import box
        from rich.table import Table

        summary = summary_with_inputs(self.report, self.inputs)
        table = Table(
            box=box.SIMPLE_HEAD if self.color else None,
            show_edge=False,
            pad_edge=False,
            title=None,
        )
        for header in (
            "documents",
            "skipped",
            "failed",
            "claims",
            "errors",
            "warnings",
            "info",
            "verified",
            "not checked",
        ):
            table.add_column(header, justify="right")
        keys = (
            "documents",
            "skipped",
            "failed",
            "claims",
            "errors",
            "warnings",
            "infos",
            "verified",
            "not_checked",
        )
        table.add_row(*(str(summary[k]) for k in keys))
        self.console.print(table)
        if not self.report.documents:
            self.line(("No documents were checked.", "bold"))
        elif not self.report.findings and not self.report.verified:
            self.line(
                ("Nothing was checked: ", "bold yellow"),
                f"no rule could relate the {_plural(summary['claims'], 'claim')} of "
                f"{_plural(summary['documents'], 'document')}, so nothing was confirmed "
                "or contradicted.",
            )
        elif not self.report.findings:
            self.line(
                ("No findings: ", "bold green"), f"{_plural(summary['verified'], 'check')} held."
            )

    def run(self) -> None:
        for document_id, (findings, verified, not_checked) in split_by_home(self.report).items():
            self.document(document_id, findings, verified, not_checked)
        self.skipped_and_failed()
        self.summary()


def write_text(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Print the report for people (see the module documentation)."""
    from rich.console import Console

    width = None if color else int(os.environ.get("COLUMNS", "0") or 0) or 120
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        width=width,
    )
    with console.capture() as capture:
        _Printer(console, report, documents, verbose=verbose, color=color, inputs=inputs).run()
    output = capture.get()
    if not color:
        output = "".join(line.rstrip() + "\n" for line in output.splitlines())
    out.write(output)
    out.flush()
