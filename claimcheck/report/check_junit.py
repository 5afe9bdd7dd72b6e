"""``claimcheck check --format junit``: JUnit XML for CI test reports.

One ``<testsuite>`` per checked document (name = document id), in input
order, inside one ``<testsuites name="claimcheck">``. Every check is a
``<testcase>`` (``classname`` = document id, ``name`` = ``CODE rule-name:
claim, claim, ...`` and unique within its suite — a repeat gets ``#2``,
``#3``):

* a finding of severity error or warning has a ``<failure>`` (``type`` =
  severity, ``message`` = the finding's message; the text quotes the
  sentences and gives the arithmetic);
* an info finding passes, with the message in ``<system-out>``;
* a verified check passes, with what held in ``<system-out>``;
* a check that could not run is ``<skipped>`` with the reason;
* a document where nothing was checked gets one skipped test case named
  ``nothing checked``, so it never passes silently.

Inputs that were skipped or failed (binary, empty, malformed, ...) form one
more suite, ``inputs``, with a test case per input named after its path:
``<skipped>`` with the reason for a skipped input, ``<error>`` (counted in
``errors``) for a failed one. The suite is there only when such inputs are.

A finding citing several documents appears in the suite of the first one
checked. Times are ``0`` and no timestamp is written, so the output is
byte-identical across runs. Written with :mod:`xml.etree.ElementTree`, so
any text from the documents is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import TextIO

from claimcheck.findings import Finding, NotChecked, Report, Verified
from claimcheck.inputs import InputStatus, not_checked_inputs
from claimcheck.model import Document
from claimcheck.report.check_common import (
    Locator,
    claim_sentences,
    interval_line,
    one_line,
    printable,
    split_by_home,
)

__all__ = ["write_junit"]


def _case_name(result: Finding | Verified | NotChecked) -> str:
    claims = ", ".join(one_line(c.text) for c in result.claims)
    return f"{result.code} {result.name}: {claims}" if claims else f"{result.code} {result.name}"


def _details(
    result: Finding | Verified, documents: Mapping[str, Document], locator: Locator
) -> str:
    lines = [one_line(result.message)]
    for document_id, sentence, _ in claim_sentences(result.claims, documents):
        lines.append(f"> {one_line(sentence)}  [{printable(document_id)}]")
    for ref in result.claims:
        lines.append(f"  {one_line(ref.text)} at {locator.claim(ref).short()}")
    if result.arithmetic is not None:
        lines.append(one_line(result.arithmetic.expression))
        lines.append(interval_line(result.arithmetic, holds=isinstance(result, Verified)))
    return "\n".join(lines)


def _unique(name: str, used: dict[str, int]) -> str:
    count = used.get(name, 0) + 1
    used[name] = count
    return name if count == 1 else f"{name} #{count}"


def _inputs_suite(inputs: Sequence[InputStatus]) -> ET.Element | None:
    """The ``inputs`` suite: one case per skipped or failed input (none when all were read)."""
    items = not_checked_inputs(inputs)
    if not items:
        return None
    suite = ET.Element("testsuite", name="inputs")
    used: dict[str, int] = {}
    counts = {"tests": 0, "failures": 0, "skipped": 0, "errors": 0}
    for item in items:
        name = _unique(printable(item.where), used)
        case = ET.SubElement(suite, "testcase", classname="inputs", name=name, time="0")
        counts["tests"] += 1
        if item.status == "skipped":
            ET.SubElement(case, "skipped", message=one_line(f"skipped: {item.reason}"))
            counts["skipped"] += 1
        else:
            error = ET.SubElement(case, "error", message=one_line(item.reason), type="input")
            error.text = one_line(f"{item.where}: {item.reason}")
            counts["errors"] += 1
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", "0")
    return suite


Section = tuple[list[Finding], list[Verified], list[NotChecked]]


def _counts(
    findings: list[Finding], verified: list[Verified], not_checked: list[NotChecked]
) -> dict[str, int]:
    """The ``tests``, ``failures`` and ``skipped`` of one document's suite."""
    tests = len(findings) + len(verified) + len(not_checked)
    failures = sum(f.severity in ("error", "warning") for f in findings)
    if not tests:  # the "nothing checked" case
        return {"tests": 1, "failures": 0, "skipped": 1}
    return {"tests": tests, "failures": failures, "skipped": len(not_checked)}


def _document_suite(
    document_id: str, section: Section, documents: Mapping[str, Document], locator: Locator
) -> ET.Element:
    """One document's suite: a case per result shown under it."""
    findings, verified, not_checked = section
    label = printable(document_id)
    suite = ET.Element("testsuite", name=label)
    used: dict[str, int] = {}
    cases: list[Finding | Verified | NotChecked] = [*findings, *verified, *not_checked]
    for result in cases:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=label,
            name=_unique(_case_name(result), used),
            time="0",
        )
        if isinstance(result, Finding):
            text = _details(result, documents, locator)
            if result.severity in ("error", "warning"):
                failure = ET.SubElement(
                    case, "failure", message=one_line(result.message), type=result.severity
                )
                failure.text = text
            else:
                ET.SubElement(case, "system-out").text = text
        elif isinstance(result, NotChecked):
            ET.SubElement(case, "skipped", message=one_line(result.reason))
        else:
            ET.SubElement(case, "system-out").text = _details(result, documents, locator)
    if not cases:
        case = ET.SubElement(suite, "testcase", classname=label, name="nothing checked", time="0")
        ET.SubElement(case, "skipped", message="no check could run on this document")
    for key, value in _counts(findings, verified, not_checked).items():
        suite.set(key, str(value))
    suite.set("errors", "0")
    suite.set("time", "0")
    return suite


def _nested(suite: ET.Element) -> str:
    """A suite as it reads inside the indented ``testsuites`` element (without its tail)."""
    ET.indent(suite, space="  ", level=1)
    return ET.tostring(suite, encoding="unicode")


def write_junit(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write the JUnit XML document (UTF-8 declaration, final newline).

    The totals are counted first; then each suite is built, written and dropped in turn
    (the text is that of the whole tree indented at once).
    """
    locator = Locator(documents)
    sections = split_by_home(report)
    inputs_suite = _inputs_suite(inputs)
    totals = {"tests": 0, "failures": 0, "skipped": 0, "errors": 0}
    for section in sections.values():
        for key, value in _counts(*section).items():
            totals[key] += value
    if inputs_suite is not None:
        for key in totals:
            totals[key] += int(inputs_suite.get(key, "0"))
    root = ET.Element("testsuites", name="claimcheck")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    if not sections and inputs_suite is None:
        out.write(ET.tostring(root, encoding="unicode") + "\n")
        out.flush()
        return
    ET.SubElement(root, "placeholder")
    ET.indent(root, space="  ")
    head, tail = ET.tostring(root, encoding="unicode").split("<placeholder />")
    out.write(head)
    separator = ""
    for document_id, section in sections.items():
        out.write(separator + _nested(_document_suite(document_id, section, documents, locator)))
        separator = "\n  "
    if inputs_suite is not None:
        out.write(separator + _nested(inputs_suite))
    out.write(tail + "\n")
    out.flush()
