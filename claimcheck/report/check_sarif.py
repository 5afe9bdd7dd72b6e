"""``claimcheck check --format sarif``: a SARIF 2.1.0 log for code-scanning tools.

One run whose ``tool.driver`` lists the rules that ran (``id`` = code,
``name``, ``shortDescription`` = first line of the rule's documentation,
``fullDescription`` and ``help`` = the whole documentation,
``defaultConfiguration.level``). One result per finding: ``ruleId`` and
``ruleIndex``, ``level`` (error → ``error``, warning → ``warning``, info →
``note``), ``message.text`` (the finding's message and its arithmetic), the
first cited claim as ``locations[0]`` and the other claims as
``relatedLocations``, and ``partialFingerprints["claimcheck/v1"]`` (the
finding's content fingerprint, stable when text elsewhere in the article
changes).

Regions: ``startLine``/``startColumn``/``endLine``/``endColumn`` (1-based,
end column exclusive) and ``charOffset``/``charLength``, counted in Unicode
code points (``run.columnKind`` is ``unicodeCodePoints``) in the file the
document was read from (front matter included); ``snippet.text`` is the
claim as printed. ``artifactLocation.uri`` is the document's path as given
(relative paths stay relative), else its id. Verified and not-checked counts
are in ``run.properties``, with the counts of ``skipped`` and ``failed``
inputs. Each input that was skipped or failed is a
``toolExecutionNotification`` of ``run.invocations[0]`` (``descriptor.id``
``input-skipped`` at level ``warning``, or ``input-failed`` at level
``error``, located at the file and line); ``executionSuccessful`` is false
when an input failed. The output is byte-identical across runs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from claimcheck.findings import ClaimRef, Finding, Report
from claimcheck.inputs import InputStatus, input_counts, not_checked_inputs
from claimcheck.model import Document
from claimcheck.report.check_common import (
    Locator,
    primary_claims,
    rule_info,
    rules_used,
)

__all__ = ["SARIF_SCHEMA_URI", "SARIF_VERSION", "report_to_sarif", "write_sarif"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "claimcheck/v1"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, absolute ones get ``file://``."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix, safe="/")
    if len(posix) > 1 and posix[1] == ":":  # a Windows drive letter
        return "file:///" + quote(posix, safe="/:")
    return quote(posix, safe="/")


def _physical(locator: Locator, ref: ClaimRef) -> dict[str, Any]:
    where = locator.claim(ref)
    return {
        "artifactLocation": {"uri": _uri(where.uri)},
        "region": {
            "startLine": where.start_line,
            "startColumn": where.start_column,
            "endLine": where.end_line,
            "endColumn": where.end_column,
            "charOffset": where.char_offset,
            "charLength": where.char_length,
            "snippet": {"text": ref.text},
        },
    }


def _message(finding: Finding) -> str:
    if finding.arithmetic is None:
        return finding.message
    return f"{finding.message} ({finding.arithmetic.expression})"


def _result(finding: Finding, index: int, report: Report, locator: Locator) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVELS.get(finding.severity, "warning"),
        "message": {"text": _message(finding)},
    }
    claims = primary_claims(finding, report)
    if claims:
        first, *others = claims
        result["locations"] = [
            {
                "physicalLocation": _physical(locator, first),
                "message": {"text": f"{first.text} in {first.document}"},
            }
        ]
        if others:
            result["relatedLocations"] = [
                {
                    "id": number,
                    "physicalLocation": _physical(locator, ref),
                    "message": {"text": f"{ref.text} in {ref.document}"},
                }
                for number, ref in enumerate(others, start=1)
            ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    properties: dict[str, Any] = {"severity": finding.severity}
    if finding.arithmetic is not None:
        properties["arithmetic"] = finding.arithmetic.to_dict()
    result["properties"] = properties
    return result


def _notification(item: InputStatus) -> dict[str, Any]:
    """A skipped or failed input as a tool execution notification."""
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(item.path)}}
    if item.line is not None:
        location["region"] = {"startLine": item.line}
    return {
        "descriptor": {"id": f"input-{item.status}"},
        "level": "warning" if item.status == "skipped" else "error",
        "message": {"text": f"{item.status}: {item.reason}"},
        "locations": [{"physicalLocation": location}],
    }


def report_to_sarif(
    report: Report,
    documents: Mapping[str, Document],
    *,
    read_files: bool = True,
    inputs: Sequence[InputStatus] = (),
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    from claimcheck import __version__

    codes = rules_used(report)
    names = report.result_names()
    rules = []
    for code in codes:
        info = rule_info(code, names.get(code, ""))
        rules.append(
            {
                "id": info.code,
                "name": info.name,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.doc},
                "help": {"text": info.doc},
                "defaultConfiguration": {"level": _LEVELS.get(info.severity, "warning")},
            }
        )
    index = {code: n for n, code in enumerate(codes)}
    locator = Locator(documents, read_files=read_files)
    summary = report.summary()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code], report, locator) for f in report.findings],
        "invocations": [
            {
                "executionSuccessful": not any(i.status == "failed" for i in inputs),
                "toolExecutionNotifications": [
                    _notification(item) for item in not_checked_inputs(inputs)
                ],
            }
        ],
        "properties": {
            "documents": list(report.documents),
            "skipped": input_counts(inputs)["skipped"],
            "failed": input_counts(inputs)["failed"],
            "claims": summary["claims"],
            "verified": summary["verified"],
            "not_checked": summary["not_checked"],
        },
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def write_sarif(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write the SARIF log (indented JSON, UTF-8, final newline)."""
    log = report_to_sarif(report, documents, inputs=inputs)
    out.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")
    out.flush()
