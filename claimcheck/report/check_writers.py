"""Writers of ``claimcheck check`` results, by format name.

Every writer is a function with the same signature (:class:`CheckWriter`)::

    write(report, documents, out, *, verbose=False, color=False) -> None

``report`` is the :class:`~claimcheck.findings.Report` of
:func:`claimcheck.engine.check`; ``documents`` maps document ids to the
:class:`~claimcheck.model.Document` objects checked (include the
``--against`` documents too: their sentences are quoted and located); ``out``
is a text stream the writer writes to (it does not close it). ``inputs``
lists how every input ended (:class:`~claimcheck.inputs.InputStatus`):
every writer lists the skipped and failed ones and counts all of them, so
nothing is dropped silently. ``verbose``
lists verified and not-checked results one by one in the human formats
(text); ``color`` allows ANSI colour and box drawing (text only; the CLI
passes it when stdout is a terminal and ``NO_COLOR`` is unset). Machine
formats ignore both and are byte-identical across runs for the same input.

Formats (:data:`CHECK_FORMATS`):

``text``      for people on a terminal (rich) — :mod:`.check_text`
``json``      one object, the engine's contract plus documents — :mod:`.check_json`
``jsonl``     one finding per line, then a summary line — :mod:`.check_jsonl`
``sarif``     SARIF 2.1.0 for code-scanning tools — :mod:`.check_sarif`
``junit``     JUnit XML, one test suite per document — :mod:`.check_junit`
``markdown``  a pull-request comment — :mod:`.check_markdown`
``github``    GitHub Actions workflow annotations — :mod:`.check_github`
``html``      one self-contained page with highlights and charts — :mod:`.check_html`

Writers are imported only when asked for (rich is loaded by ``text`` alone).
Positions (line, column) are in the file a document was read from: see
:class:`claimcheck.report.check_common.Locator`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Protocol, TextIO, cast

from claimcheck.findings import Report
from claimcheck.inputs import InputStatus
from claimcheck.model import Document

__all__ = ["CHECK_FORMATS", "CheckWriter", "check_writer", "write_check_report"]


class CheckWriter(Protocol):
    """Writes one report to ``out``."""

    def __call__(
        self,
        report: Report,
        documents: Mapping[str, Document],
        out: TextIO,
        *,
        verbose: bool = False,
        color: bool = False,
        inputs: Sequence[InputStatus] = (),
    ) -> None:
        """Write ``report`` (quoting and locating claims in ``documents``) to ``out``."""


_WRITERS: dict[str, str] = {
    "text": "claimcheck.report.check_text:write_text",
    "json": "claimcheck.report.check_json:write_json",
    "jsonl": "claimcheck.report.check_jsonl:write_jsonl",
    "sarif": "claimcheck.report.check_sarif:write_sarif",
    "junit": "claimcheck.report.check_junit:write_junit",
    "markdown": "claimcheck.report.check_markdown:write_markdown",
    "github": "claimcheck.report.check_github:write_github",
    "html": "claimcheck.report.check_html:write_html",
}

CHECK_FORMATS: tuple[str, ...] = tuple(_WRITERS)
"""Format names accepted by :func:`check_writer`, the default (``text``) first."""


def check_writer(fmt: str) -> CheckWriter:
    """The writer function of format ``fmt``; :class:`ValueError` for an unknown name."""
    target = _WRITERS.get(fmt)
    if target is None:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(CHECK_FORMATS)}")
    module_name, function = target.split(":")
    module = importlib.import_module(module_name)
    return cast(CheckWriter, getattr(module, function))


def write_check_report(
    fmt: str,
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write ``report`` in format ``fmt`` to ``out`` (see :func:`check_writer`)."""
    check_writer(fmt)(report, documents, out, verbose=verbose, color=color, inputs=inputs)
