"""Helpers shared by the writers of ``claimcheck check`` results.

* :class:`Locator` turns a claim's span (offsets into ``Document.text``) into
  1-based line/column positions **in the file the document came from**: when
  ``Document.path`` names a readable text file whose content ends with the
  document text (a ``.md``/``.txt`` file, possibly with front matter before
  the body), positions are shifted past that prefix; otherwise (JSON input,
  stdin, documents built in memory, files that changed since) they are
  positions in the document text itself. When the file can be read but
  does not contain the text as loaded (a JSON or JSONL input), the positions
  cannot be mapped to the file and :attr:`Location.positioned` is false.
  Columns count Unicode code points; lines end at ``\\n``, ``\\r\\n`` or a
  lone ``\\r``; ``end_column`` is exclusive (one past the last character).
* :func:`result_documents`, :func:`home_document`, :func:`tallies`:
  which documents a result cites, where a report shows it, and per document
  what cites it (counts and status, computed in one pass).
* :func:`interval_line`, :func:`fmt_number`: arithmetic laid out for people.
* :func:`printable`, :func:`one_line`: text from documents made safe to show
  (control characters escaped, whitespace collapsed).
* :func:`summary_with_inputs`: the report's summary counts with the
  ``skipped`` and ``failed`` inputs added.
* :func:`rule_info`: a rule's name, severity and documentation from the
  registry (falling back to what a result says when the rule is unknown).
"""

from __future__ import annotations

import bisect
import codecs
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.findings import (
    SEVERITIES,
    Arithmetic,
    ClaimRef,
    Finding,
    NotChecked,
    Report,
    Verified,
)
from claimcheck.inputs import InputStatus, input_counts
from claimcheck.model import Document

__all__ = [
    "Location",
    "Locator",
    "Result",
    "RuleInfo",
    "Tally",
    "all_results",
    "claim_sentences",
    "document_label",
    "fmt_number",
    "home_document",
    "interval_line",
    "not_checked_reasons",
    "one_line",
    "primary_claims",
    "printable",
    "result_documents",
    "rule_info",
    "rules_used",
    "sentence_segments",
    "split_by_home",
    "summary_with_inputs",
    "tallies",
]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SPACE = re.compile(r"\s+")


@attrs.frozen(slots=True)
class Location:
    """Where a span is: 1-based lines and columns (end column exclusive), 0-based offset."""

    uri: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    char_offset: int
    char_length: int
    positioned: bool = True
    """False when the file named by ``uri`` exists but does not hold the text as loaded."""

    def short(self) -> str:
        """``path:line:column``."""
        return f"{self.uri}:{self.start_line}:{self.start_column}"


class _LineTable:
    """Offsets of line starts in a text, for offset -> (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def _read_source(path: str) -> str | None:
    """The decoded file at ``path`` (as the loader decodes it), or ``None``."""
    if not path or path == "-":
        return None
    file = Path(path)
    try:
        if not file.is_file():
            return None
        data = file.read_bytes()
    except OSError:
        return None
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


class Locator:
    """Line/column positions of spans, per document (file contents read once)."""

    def __init__(self, documents: Mapping[str, Document], *, read_files: bool = True) -> None:
        self._documents = documents
        self._read_files = read_files
        self._cache: dict[str, tuple[str, int, _LineTable, bool]] = {}
        """Per document: uri, offset of the text in the file, line table, positioned."""

    def uri(self, document_id: str) -> str:
        """The document's path as given, else its id."""
        document = self._documents.get(document_id)
        if document is not None and document.path and document.path != "-":
            return document.path
        return document_id

    def _prepare(self, document_id: str) -> tuple[str, int, _LineTable, bool]:
        cached = self._cache.get(document_id)
        if cached is not None:
            return cached
        document = self._documents.get(document_id)
        text = "" if document is None else document.text
        prefix, base, positioned = 0, text, True
        if self._read_files and document is not None and document.path:
            source = _read_source(document.path)
            if source is not None:
                if source.endswith(text):
                    prefix, base = len(source) - len(text), source
                else:
                    positioned = False
        entry = (self.uri(document_id), prefix, _LineTable(base), positioned)
        self._cache[document_id] = entry
        return entry

    def locate(self, document_id: str, span: tuple[int, int]) -> Location:
        """The location of ``span`` (offsets into the document text)."""
        uri, prefix, table, positioned = self._prepare(document_id)
        start, end = prefix + span[0], prefix + max(span[1], span[0])
        start_line, start_column = table.position(start)
        end_line, end_column = table.position(end)
        return Location(
            uri=uri,
            start_line=start_line,
            start_column=start_column,
            end_line=end_line,
            end_column=end_column,
            char_offset=start,
            char_length=end - start,
            positioned=positioned,
        )

    def claim(self, ref: ClaimRef) -> Location:
        """The location of a cited claim."""
        return self.locate(ref.document, ref.span)


# --------------------------------------------------------------------------- documents


Result = Finding | Verified | NotChecked


def all_results(report: Report) -> list[Result]:
    """Findings, verified and not-checked results, in that order."""
    return [*report.findings, *report.verified, *report.not_checked]


def result_documents(result: Result) -> tuple[str, ...]:
    """The documents a result cites, in citation order, without repeats."""
    return tuple(dict.fromkeys(c.document for c in result.claims))


_POSITIONS: list[tuple[tuple[str, ...], dict[str, int]]] = []
"""The positions of the last report's documents (at most one entry)."""


def document_positions(report: Report) -> Mapping[str, int]:
    """``{document id: its first position among the report's checked documents}``.

    Built once per report (the last one asked about is kept): looking a
    document up in ``report.documents`` for every result would make writing a
    report quadratic in the number of documents (36,000 findings over 100,000
    documents).
    """
    if _POSITIONS and _POSITIONS[0][0] is report.documents:
        return _POSITIONS[0][1]
    positions: dict[str, int] = {}
    for position, document in enumerate(report.documents):
        positions.setdefault(document, position)
    _POSITIONS[:] = [(report.documents, positions)]
    return positions


def home_document(result: Result, report: Report) -> str:
    """Where a report shows a result: of the documents it cites, the first checked one
    (in input order); a result citing only other documents goes under the first cited."""
    cited = result_documents(result)
    positions = document_positions(report)
    checked = [positions[d] for d in cited if d in positions]
    if checked:
        return report.documents[min(checked)]
    return cited[0] if cited else ""


Sections = dict[str, tuple[list[Finding], list[Verified], list[NotChecked]]]


def primary_claims(result: Result, report: Report) -> tuple[ClaimRef, ...]:
    """The result's claims with the first one in its home document moved to the front.

    Writers point at the first claim (SARIF ``locations``, annotations, "at
    path:line:col") and list the rest as related locations.
    """
    home = home_document(result, report)
    claims = result.claims
    for index, ref in enumerate(claims):
        if ref.document == home:
            return (ref, *claims[:index], *claims[index + 1 :])
    return claims


def split_by_home(report: Report) -> Sections:
    """Findings, verified and not-checked results per home document (report order)."""
    out: Sections = {d: ([], [], []) for d in report.documents}
    for finding in report.findings:
        out.setdefault(home_document(finding, report), ([], [], []))[0].append(finding)
    for verified in report.verified:
        out.setdefault(home_document(verified, report), ([], [], []))[1].append(verified)
    for skipped in report.not_checked:
        out.setdefault(home_document(skipped, report), ([], [], []))[2].append(skipped)
    return out


@attrs.define
class Tally:
    """What cites one document: its findings (report order) and the other counts."""

    findings: list[Finding] = attrs.Factory(list)
    verified: int = 0
    not_checked: int = 0

    @property
    def status(self) -> str:
        """``error``/``warning``/``info`` (worst finding citing it), ``ok`` or ``unchecked``.

        ``ok``: no finding cites the document and at least one check on it held;
        ``unchecked``: nothing could be checked (only not-checked results, or none).
        """
        severities = {f.severity for f in self.findings}
        for severity in SEVERITIES:
            if severity in severities:
                return severity
        return "ok" if self.verified else "unchecked"

    def count(self, severity: str) -> int:
        """Findings of one severity."""
        return sum(f.severity == severity for f in self.findings)


def tallies(report: Report) -> dict[str, Tally]:
    """Per document (checked ones first, in input order): what cites it; one pass."""
    out: dict[str, Tally] = {d: Tally() for d in report.documents}
    for finding in report.findings:
        for document in result_documents(finding):
            out.setdefault(document, Tally()).findings.append(finding)
    for verified in report.verified:
        for document in result_documents(verified):
            out.setdefault(document, Tally()).verified += 1
    for skipped in report.not_checked:
        for document in result_documents(skipped):
            out.setdefault(document, Tally()).not_checked += 1
    return out


def document_label(document: Document | None, document_id: str) -> str:
    """``id (path, published 2024-01-15)`` with what is known."""
    if document is None:
        return document_id
    details = []
    if document.path and document.path not in (document_id, "-"):
        details.append(document.path)
    if document.published is not None:
        details.append(f"published {document.published.isoformat()}")
    else:
        details.append("publication date unknown")
    return f"{document_id} ({', '.join(details)})"


def not_checked_reasons(items: Iterable[NotChecked]) -> list[tuple[str, int]]:
    """``(reason, count)`` sorted by count (descending), then reason."""
    counts = Counter(item.reason for item in items)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


# --------------------------------------------------------------------------- sentences


def claim_sentences(
    claims: Sequence[ClaimRef], documents: Mapping[str, Document]
) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """Quoted sentences with the claims' positions in them.

    Returns ``(document id, sentence, [(start, end), ...])`` per distinct
    sentence, in citation order; positions are offsets into the sentence
    string. A claim whose sentence cannot be found in the document text is
    located by searching its surface text in the sentence.
    """
    out: list[tuple[str, str, list[tuple[int, int]]]] = []
    index: dict[tuple[str, str, int], int] = {}
    for ref in claims:
        sentence = ref.sentence or ref.text
        document = documents.get(ref.document)
        base = -1
        if document is not None and sentence:
            base = document.text.rfind(sentence, 0, ref.span[0] + len(sentence))
            if base < 0 or base + len(sentence) < ref.span[1]:
                base = -1
        if base >= 0:
            marks = (ref.span[0] - base, ref.span[1] - base)
        else:
            found = sentence.find(ref.text) if ref.text else -1
            marks = (found, found + len(ref.text)) if found >= 0 else (0, 0)
        key = (ref.document, sentence, base)
        if key not in index:
            index[key] = len(out)
            out.append((ref.document, sentence, []))
        if marks[1] > marks[0]:
            out[index[key]][2].append(marks)
    for _, _, found_marks in out:
        found_marks.sort()
        merged: list[tuple[int, int]] = []
        for start, end in found_marks:
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        found_marks[:] = merged
    return out


def sentence_segments(sentence: str, marks: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Split ``sentence`` into ``(text, is_claim)`` pieces, each made printable.

    Whitespace runs become one space and control characters are escaped per
    piece, so the claim marks stay on the claims' text.
    """
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in marks:
        if start > position:
            pieces.append((sentence[position:start], False))
        pieces.append((sentence[start:end], True))
        position = end
    if position < len(sentence):
        pieces.append((sentence[position:], False))
    cleaned = [(printable(_SPACE.sub(" ", text)), claim) for text, claim in pieces]
    if cleaned:
        first, flag = cleaned[0]
        cleaned[0] = (first.lstrip(), flag)
        last, flag = cleaned[-1]
        cleaned[-1] = (last.rstrip(), flag)
    return [(text, claim) for text, claim in cleaned if text]


# --------------------------------------------------------------------------- text


def printable(text: str) -> str:
    """``text`` with control characters (ANSI escapes, NUL, ...) shown as ``\\xNN``."""
    return _CONTROL.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def one_line(text: str, *, strip: bool = True) -> str:
    """:func:`printable` with runs of whitespace (newlines too) collapsed to one space."""
    collapsed = _SPACE.sub(" ", text)
    return printable(collapsed.strip() if strip else collapsed)


def fmt_number(value: float) -> str:
    """A float for people: up to 7 significant digits, ``∞`` for infinities."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if math.isnan(value):
        return "nan"
    text = f"{value:.7g}"
    return "0" if text == "-0" else text


def _interval(bounds: tuple[float, float]) -> str:
    lo, hi = bounds
    if lo == hi:
        return fmt_number(lo)
    return f"[{fmt_number(lo)}, {fmt_number(hi)}]"


def interval_line(arithmetic: Arithmetic, *, holds: bool) -> str:
    """``computed [83.51, 83.53] ≠ stated [84.615, 84.625] USD bln; gap 1.085 (tolerance 0.42)``."""
    relation = "overlaps" if holds or arithmetic.gap == 0 else "≠"
    unit = f" {arithmetic.unit}" if arithmetic.unit else ""
    line = (
        f"computed {_interval(arithmetic.computed)} {relation} "
        f"stated {_interval(arithmetic.stated)}{unit}"
    )
    extras = []
    if arithmetic.gap:
        extras.append(f"gap {fmt_number(arithmetic.gap)}")
    if arithmetic.tolerance:
        extras.append(f"tolerance {fmt_number(arithmetic.tolerance)}")
    if extras:
        line += "; " + ", ".join(extras)
    return line


# --------------------------------------------------------------------------- rules


@attrs.frozen(slots=True)
class RuleInfo:
    """What a report says about a rule."""

    code: str
    name: str
    severity: str
    summary: str
    doc: str


def rule_info(code: str, name: str = "") -> RuleInfo:
    """Metadata of rule ``code`` from :mod:`claimcheck.engine.registry`."""
    from claimcheck.engine.registry import all_rules

    for rule in all_rules():
        if rule.code == code:
            return RuleInfo(rule.code, rule.name, rule.severity, rule.summary(), rule.doc())
    label = name or code
    return RuleInfo(code, label, "warning", label, label)


def rules_used(report: Report) -> list[str]:
    """Codes of the rules that ran or produced a result, sorted."""
    codes = set(report.rules)
    codes.update(report.result_names())
    return sorted(codes)


def summary_with_inputs(report: Report, inputs: Sequence[InputStatus]) -> dict[str, Any]:
    """:meth:`Report.summary` with ``skipped`` and ``failed`` (inputs) after ``documents``."""
    counts = input_counts(inputs)
    out: dict[str, Any] = {}
    for key, value in report.summary().items():
        out[key] = value
        if key == "documents":
            out["skipped"] = counts["skipped"]
            out["failed"] = counts["failed"]
    return out
