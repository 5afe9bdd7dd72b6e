"""``claimcheck check --format jsonl``: one finding per line, then one summary line.

Each finding line is ``{"schema": 1, "type": "finding", <finding fields>}``
with the fields of :meth:`claimcheck.findings.Finding.to_dict` (``rule``,
``name``, ``severity``, ``message``, ``claims``, ``arithmetic``,
``fingerprint``) plus ``document``, the document the finding is shown under
(its first cited document that was checked). The last line is always
``{"schema": 1, "type": "summary", <summary fields>}`` (the counts of
:meth:`claimcheck.findings.Report.summary`, including verified and not
checked), so a consumer knows the output is complete and an empty run is not
an empty file. Before it, each input that was skipped or failed has a line
``{"schema": 1, "type": "input", <INPUT fields>}`` (see
:mod:`claimcheck.report.check_json`), and the summary counts ``skipped``
and ``failed`` inputs. Verified and not-checked results are only counted
here; the ``json`` format lists them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TextIO

from claimcheck.findings import SCHEMA, Report
from claimcheck.inputs import InputStatus, not_checked_inputs
from claimcheck.model import Document
from claimcheck.report.check_common import home_document, summary_with_inputs
from claimcheck.serialize import dumps

__all__ = ["write_jsonl"]


def write_jsonl(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write one compact JSON object per finding and a final summary line."""
    for finding in report.findings:
        line = {"schema": SCHEMA, "type": "finding", "document": home_document(finding, report)}
        line.update(finding.to_dict())
        out.write(dumps(line, indent=None) + "\n")
    for item in not_checked_inputs(inputs):
        out.write(dumps({"schema": SCHEMA, "type": "input", **item.to_dict()}, indent=None) + "\n")
    summary = summary_with_inputs(report, inputs)
    out.write(dumps({"schema": SCHEMA, "type": "summary", **summary}, indent=None) + "\n")
    out.flush()
