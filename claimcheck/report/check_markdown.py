"""``claimcheck check --format markdown``: a pull-request comment (GitHub-flavoured).

A heading with the verdict, a summary table (one row per document: status
and counts, then the totals), then per document with results its findings
by severity (severity, code and name, the message, the quoted sentences with
the claims in bold, the arithmetic in code spans and the claims' positions),
the verified checks in a collapsed ``<details>`` block and the checks that
could not run, counted by reason, in another. Inputs that were skipped or
failed are listed in a table with the reason, under the summary table (which
counts them). A finding citing several
documents is shown under the first one checked and names the others.

Text from documents is escaped: HTML (``<``, ``>``, ``&``), Markdown
punctuation, ``$`` (GitHub renders ``$...$`` as maths) and ``@`` (no
mentions from quoted articles); code spans use a fence longer than any
backtick run inside them. The output is byte-identical across runs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TextIO

from claimcheck.findings import SEVERITIES, ClaimRef, Finding, NotChecked, Report, Verified
from claimcheck.inputs import InputStatus, input_counts, not_checked_inputs
from claimcheck.model import Document
from claimcheck.report.check_common import (
    Locator,
    claim_sentences,
    home_document,
    interval_line,
    not_checked_reasons,
    one_line,
    primary_claims,
    result_documents,
    sentence_segments,
    split_by_home,
    tallies,
)

__all__ = ["code_span", "escape_markdown", "write_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")
_LINE_START = re.compile(r"^(\d*)([-+=.)])")
_ICONS = {
    "error": "❌",
    "warning": "⚠️",
    "info": "ℹ️",
    "ok": "✅",
    "unchecked": "➖",
}


def escape_markdown(text: str, *, strip: bool = True, line_start: bool = True) -> str:
    """Inline text safe to embed in Markdown and HTML (whitespace collapsed).

    With ``line_start``, a leading ``-``, ``+``, ``=`` or ``1.`` is escaped too
    (it would start a list or a heading underline).
    """
    text = one_line(text, strip=strip)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text).replace("@", "&#64;")
    return _LINE_START.sub(r"\1\\\2", text) if line_start else text


def code_span(text: str) -> str:
    """``text`` in a code span whose fence is longer than any backtick run inside."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _quote(claims: Sequence[ClaimRef], home: str, documents: Mapping[str, Document]) -> list[str]:
    lines = []
    for document_id, sentence, marks in claim_sentences(claims, documents):
        pieces = sentence_segments(sentence, marks)
        body = "".join(
            f"**{escape_markdown(text, line_start=False)}**"
            if claim
            else escape_markdown(text, strip=False, line_start=n == 0)
            for n, (text, claim) in enumerate(pieces)
        )
        if document_id != home:
            body += f" — {code_span(document_id)}"
        lines.append(f"> {body}")
    return lines


def _finding(
    finding: Finding,
    report: Report,
    documents: Mapping[str, Document],
    locator: Locator,
) -> list[str]:
    home = home_document(finding, report)
    claims = primary_claims(finding, report)
    others = [d for d in result_documents(finding) if d != home]
    head = f"**{finding.severity}** {code_span(finding.code)} {escape_markdown(finding.name)}"
    if others:
        head += " — across documents: " + ", ".join(code_span(d) for d in others)
    lines = [head, "", escape_markdown(finding.message), "", *_quote(claims, home, documents), ""]
    if finding.arithmetic is not None:
        lines.append(f"- {code_span(finding.arithmetic.expression)}")
        lines.append(f"- {code_span(interval_line(finding.arithmetic, holds=False))}")
    places = ", ".join(
        f"{code_span(ref.text)} at {code_span(locator.claim(ref).short())}"
        for ref in finding.claims
    )
    if places:
        lines.append(f"- claims: {places}")
    lines.append("")
    return lines


def _verified(items: Sequence[Verified]) -> list[str]:
    if not items:
        return []
    lines = [f"<details><summary>✓ {_plural(len(items), 'check')} held</summary>", ""]
    for item in items:
        name, message = escape_markdown(item.name), escape_markdown(item.message)
        line = f"- ✓ {code_span(item.code)} {name}: {message}"
        if item.arithmetic is not None:
            line += f" {code_span(item.arithmetic.expression)}"
        lines.append(line)
    return [*lines, "", "</details>", ""]


def _not_checked(items: Sequence[NotChecked]) -> list[str]:
    if not items:
        return []
    lines = [f"<details><summary>{_plural(len(items), 'check')} could not run</summary>", ""]
    for reason, count in not_checked_reasons(items):
        codes = sorted({i.code for i in items if i.reason == reason})
        lines.append(
            f"- {escape_markdown(reason)} ({count}; {', '.join(code_span(c) for c in codes)})"
        )
    return [*lines, "", "</details>", ""]


def _table(report: Report) -> list[str]:
    lines = [
        "| document | status | errors | warnings | info | verified | not checked |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    counts = tallies(report)
    for document_id in report.documents:
        tally = counts[document_id]
        status = tally.status
        severities = [str(tally.count(s)) for s in SEVERITIES]
        cells = [code_span(document_id), f"{_ICONS[status]} {status}", *severities]
        lines.append(
            "| " + " | ".join([*cells, str(tally.verified), str(tally.not_checked)]) + " |"
        )
    summary = report.summary()
    total = [summary[k] for k in ("errors", "warnings", "infos", "verified", "not_checked")]
    label = f"{_plural(summary['documents'], 'document')}, {_plural(summary['claims'], 'claim')}"
    lines.append(f"| **{label}** | " + " | ".join(["", *map(str, total)]) + " |")
    return lines


def _inputs(inputs: Sequence[InputStatus]) -> list[str]:
    """The inputs line (counts) and the table of skipped and failed inputs."""
    if not inputs:
        return []
    counts = input_counts(inputs)
    lines = [
        f"Inputs: {counts['checked']} checked, {counts['skipped']} skipped, "
        f"{counts['failed']} failed.",
        "",
    ]
    items = not_checked_inputs(inputs)
    if items:
        lines += ["| input | status | reason |", "|---|---|---|"]
        for item in items:
            icon = _ICONS["warning"] if item.status == "skipped" else _ICONS["error"]
            lines.append(
                f"| {code_span(item.where)} | {icon} {item.status} | "
                f"{escape_markdown(item.reason).replace('|', '&#124;')} |"
            )
        lines.append("")
    return lines


def _headline(report: Report) -> str:
    summary = report.summary()
    if not report.documents:
        return "## claimcheck: no documents were checked"
    if not report.findings and not report.verified:
        return "## ➖ claimcheck: nothing was checked"
    if not report.findings:
        return f"## ✅ claimcheck: no findings, {_plural(summary['verified'], 'check')} held"
    parts = [
        _plural(summary[key], word)
        for key, word in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
        if summary[key]
    ]
    icon = _ICONS["error"] if summary["errors"] else _ICONS["warning"]
    return f"## {icon} claimcheck: {', '.join(parts)}"


def write_markdown(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write the Markdown comment (``verbose``/``color`` are ignored)."""
    locator = Locator(documents)
    lines = [_headline(report), ""]
    if report.documents and not report.findings and not report.verified:
        summary = report.summary()
        lines += [
            f"No rule could relate the {_plural(summary['claims'], 'claim')} of "
            f"{_plural(summary['documents'], 'document')}: nothing was confirmed or contradicted.",
            "",
        ]
    lines += [*_table(report), ""]
    lines += _inputs(inputs)
    for home, (findings, verified, not_checked) in split_by_home(report).items():
        if not (findings or verified or not_checked):
            continue
        lines += [f"### {code_span(home)}", ""]
        ordered = sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
        for finding in ordered:
            lines += _finding(finding, report, documents, locator)
        lines += _verified(verified)
        lines += _not_checked(not_checked)
    while lines and not lines[-1]:
        lines.pop()
    out.write("\n".join(lines) + "\n")
    out.flush()
