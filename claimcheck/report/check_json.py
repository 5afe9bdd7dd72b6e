"""``claimcheck check --format json``: one JSON object.

The engine's contract (:meth:`claimcheck.findings.Report.to_dict`) with a
``documents`` list inserted after ``schema``::

    {"schema": 1, "documents": [DOCUMENT, ...], "inputs": [INPUT, ...],
     "findings": [...], "verified": [...], "not_checked": [...], "summary": {...}}

DOCUMENT: ``id``, ``path``, ``published`` (ISO date or ``null``),
``published_from``, ``source``, ``url``, ``title``, ``role`` (``"checked"``
for the documents checked, in input order, then ``"against"`` for other
documents that results cite, by id), ``status`` (``"error"``, ``"warning"``,
``"info"``: the worst finding citing it; ``"ok"``: no finding and at least one
check held; ``"unchecked"``: nothing could be checked) and the counts
``findings``, ``verified``, ``not_checked`` of results citing it.

INPUT: how each input ended, in input order (checked documents, then the
``--against`` ones): ``path``, ``line``, ``document`` (id, when loaded),
``role`` (``"checked"`` or ``"against"``), ``status`` (``"checked"``,
``"skipped"`` or ``"failed"``) and ``reason`` (``null`` when checked). The
summary counts ``skipped`` and ``failed`` inputs after ``documents``.

Keys are always in this order, text is UTF-8 (not ``\\u``-escaped) and the
output ends with a newline: byte-identical across runs for the same input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from claimcheck.findings import SCHEMA, Finding, NotChecked, Report, Verified
from claimcheck.inputs import InputStatus
from claimcheck.model import Document
from claimcheck.report.check_common import document_positions, summary_with_inputs, tallies
from claimcheck.serialize import dumps

__all__ = ["documents_info", "report_to_dict", "write_json"]


def documents_info(report: Report, documents: Mapping[str, Document]) -> list[dict[str, Any]]:
    """The ``documents`` list of the JSON report."""
    out = []
    counts = tallies(report)
    checked = document_positions(report)
    against = sorted(d for d in counts if d not in checked)
    roles = [(d, "checked") for d in report.documents] + [(d, "against") for d in against]
    for document_id, role in roles:
        tally = counts[document_id]
        document = documents.get(document_id)
        out.append(
            {
                "id": document_id,
                "path": None if document is None else document.path,
                "published": (
                    document.published.isoformat()
                    if document is not None and document.published
                    else None
                ),
                "published_from": None if document is None else document.published_from,
                "source": None if document is None else document.source,
                "url": None if document is None else document.url,
                "title": None if document is None else document.title,
                "role": role,
                "status": tally.status,
                "findings": len(tally.findings),
                "verified": tally.verified,
                "not_checked": tally.not_checked,
            }
        )
    return out


def report_to_dict(
    report: Report, documents: Mapping[str, Document], inputs: Sequence[InputStatus] = ()
) -> dict[str, Any]:
    """The JSON object: ``schema``, ``documents``, ``inputs``, then :meth:`Report.to_dict`."""
    body = report.to_dict()
    out: dict[str, Any] = {
        "schema": body.pop("schema"),
        "documents": documents_info(report, documents),
        "inputs": [item.to_dict() for item in inputs],
    }
    out.update(body)
    out["summary"] = summary_with_inputs(report, inputs)
    return out


def write_json(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write the report as one indented JSON object (``verbose``/``color`` are ignored).

    The text is that of ``dumps(report_to_dict(...))``, written one result at a time: a
    large run's report is not also held as one dict and one string.
    """
    members: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("documents", documents_info(report, documents)),
        ("inputs", [item.to_dict() for item in inputs]),
        ("findings", report.findings),
        ("verified", report.verified),
        ("not_checked", report.not_checked),
        ("summary", summary_with_inputs(report, inputs)),
    ]
    if report.counted is not None:
        report.to_dict()  # refuses: a counted report cannot list its results
    out.write("{\n")
    for position, (key, value) in enumerate(members):
        out.write(f"{_STEP}{dumps(key)}: ")
        if isinstance(value, tuple):  # results: an indented list of objects, or []
            _write_results(value, out)
        else:
            out.write(_indented(dumps(value), _STEP))
        out.write(",\n" if position < len(members) - 1 else "\n")
    out.write("}\n")
    out.flush()


_STEP = "  "
"""The indentation step of :func:`claimcheck.serialize.dumps`."""


def _indented(text: str, indent: str) -> str:
    """``dumps`` text nested at ``indent`` (JSON strings hold no raw newlines)."""
    return text.replace("\n", "\n" + indent)


def _write_results(results: tuple[Finding | Verified | NotChecked, ...], out: TextIO) -> None:
    """A list of results as ``dumps`` nests it at the first level, one result at a time."""
    if not results:
        out.write("[]")
        return
    inner = _STEP * 2
    out.write("[\n")
    last = len(results) - 1
    for position, result in enumerate(results):
        out.write(inner + _indented(dumps(result.to_dict()), inner))
        out.write(",\n" if position < last else "\n")
    out.write(_STEP + "]")
