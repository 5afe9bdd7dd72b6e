"""``claimcheck check --format html``: one self-contained page for people.

The page holds, in this order: the verdict and the counts, a legend and a
table of the documents; the findings (most severe first) with the arithmetic
laid out, the quoted sentences and links to the claims they cite (across
documents too); a timeline chart (inline SVG, :mod:`.html_chart`) for every
metric stated several times — per period, per document, against the
reference series — ; every document's text with each claim highlighted by
status (a finding's severity, verified, not checked, or plain when no check
used it); then the verified checks and the checks that could not run, and
the inputs that were skipped or failed, with the reasons (also counted in
the tiles).
Clicking (or focusing and pressing Enter on) a highlight opens a panel with
what the claim was read as and every result citing it; hovering shows a
summary.

Safety: every piece of document, rule-pack and reference text is escaped
with :func:`html.escape` (quotes too), control characters are shown as
``\\xNN``, lone surrogates become U+FFFD. The script's data is JSON in a
``<script type="application/json">`` block with ``<``, ``>``, ``&``,
U+2028 and U+2029 escaped, and the script builds text with ``textContent``
only. A Content-Security-Policy (:mod:`.html_assets`) lets nothing but the
page's own style sheet and script run, and nothing load. Document URLs are
shown as text, never as links. The output is byte-identical across runs.

Claims: the writer highlights the claims cited by the report and, when
given, every claim of ``claims`` (document id -> claims, as extracted for the
check); with ``claims=None`` it extracts the documents again
(:func:`claimcheck.extract.extract_document`, deterministic; a document
whose extraction fails shows its cited claims only). ``reference`` is the
reference table for the charts; ``None`` uses the bundled series
(:func:`claimcheck.reference.default_reference_path`), an empty table none.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

import attrs

from claimcheck.findings import SEVERITIES, ClaimRef, Finding, NotChecked, Report, Verified
from claimcheck.inputs import InputStatus, input_counts, not_checked_inputs
from claimcheck.model import Claim, Document
from claimcheck.reference import ReferenceTable
from claimcheck.report.check_common import (
    claim_sentences,
    fmt_number,
    interval_line,
    not_checked_reasons,
    sentence_segments,
    tallies,
)
from claimcheck.report.html_assets import SCRIPT, STYLE, content_security_policy
from claimcheck.report.html_chart import (
    PALETTE,
    display_scale,
    month_end,
    render_timeline,
    shape_label,
    timelines,
)

__all__ = ["ClaimsByDocument", "escape_text", "json_for_script", "write_html"]

ClaimsByDocument = Mapping[str, Sequence[Claim]]
"""Document id -> the claims extracted from it."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028"}
_JSON_UNSAFE["\u2029"] = "\\u2029"
_STATUS_WORDS = {
    "error": "error",
    "warning": "warning",
    "info": "info",
    "ok": "verified",
    "skip": "not checked",
    "plain": "claim",
}
_LEGEND = (
    ("error", "error"),
    ("warning", "warning"),
    ("info", "info"),
    ("ok", "verified"),
    ("skip", "could not be checked"),
    ("plain", "claim no check used"),
)


# --------------------------------------------------------------------------- escaping


def clean(text: str) -> str:
    """``text`` with line breaks normalised, control characters as ``\\xNN``, no surrogates."""
    text = _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def escape_text(text: str) -> str:
    """Text (or an attribute value) safe in HTML: :func:`clean`, then escaped with quotes."""
    return html.escape(clean(text), quote=True)


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _e(text: str) -> str:
    return html.escape(_one_line(text), quote=True)


def json_for_script(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` block (no ``</script>`` possible)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, replacement in _JSON_UNSAFE.items():
        text = text.replace(char, replacement)
    return text


def _strings(value: Any) -> Any:
    """``value`` with every string :func:`clean`-ed (JSON-safe)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _strings(v) for k, v in value.items()}
    return value


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# --------------------------------------------------------------------------- model


Result = Finding | Verified | NotChecked


@attrs.define
class Mark:
    """A highlighted claim: where it is, what it is and which results cite it."""

    anchor: str
    document: str
    start: int
    end: int
    text: str
    claim: Claim | None = None
    results: list[int] = attrs.Factory(list)
    shown: bool = True
    """False when it overlaps an earlier highlight (links go to that one)."""

    def status(self, page: Page) -> str:
        """``error``/``warning``/``info`` (worst finding), ``ok``, ``skip`` or ``plain``."""
        kinds = [page.results[i] for i in self.results]
        severities = {r.severity for r in kinds if isinstance(r, Finding)}
        for severity in SEVERITIES:
            if severity in severities:
                return severity
        if any(isinstance(r, Verified) for r in kinds):
            return "ok"
        return "skip" if kinds else "plain"


@attrs.define
class Page:
    """What the page shows, with anchors resolved."""

    report: Report
    documents: Mapping[str, Document]
    order: list[str]
    """Document ids: the checked ones in report order, then the others sorted."""
    doc_anchor: dict[str, str]
    marks: dict[str, list[Mark]]
    by_span: dict[tuple[str, int, int], Mark]
    results: list[Result]
    finding_anchor: dict[int, str]

    def mark_of(self, ref: ClaimRef) -> Mark | None:
        """The highlight of a cited claim (``None`` when it cannot be highlighted)."""
        return self.by_span.get((ref.document, ref.span[0], ref.span[1]))

    def visible(self, mark: Mark) -> str:
        """The anchor of ``mark``, or of the highlight that covers it when it overlaps one."""
        if not mark.shown:
            for other in self.marks[mark.document]:
                if other.shown and other.start <= mark.start < other.end:
                    return other.anchor
        return mark.anchor

    def link(self, ref: ClaimRef) -> str | None:
        """The anchor of a cited claim's visible highlight (``None`` when there is none)."""
        mark = self.mark_of(ref)
        return None if mark is None else self.visible(mark)

    def label(self, document_id: str) -> str:
        """A document's title, else its id."""
        document = self.documents.get(document_id)
        if document is not None and document.title and document.title.strip():
            return document.title
        return document_id


def _extracted(documents: Mapping[str, Document]) -> dict[str, Sequence[Claim]]:
    from claimcheck.extract import extract_document

    out: dict[str, Sequence[Claim]] = {}
    for document_id, document in documents.items():
        try:
            out[document_id] = tuple(extract_document(document))
        except Exception:  # the report still shows the cited claims
            out[document_id] = ()
    return out


def _valid(document: Document | None, start: int, end: int, text: str) -> bool:
    if document is None or not 0 <= start < end <= len(document.text):
        return False
    return document.text[start:end] == text


def build_page(report: Report, documents: Mapping[str, Document], claims: ClaimsByDocument) -> Page:
    """Resolve highlights, anchors and the results citing each claim."""
    checked = list(dict.fromkeys(report.documents))
    order = checked + sorted(set(documents) - set(checked))
    results: list[Result] = [*report.findings, *report.verified, *report.not_checked]
    spans: dict[tuple[str, int, int], tuple[str, Claim | None]] = {}
    for document_id in order:
        document = documents.get(document_id)
        for claim in claims.get(document_id, ()):
            if _valid(document, claim.span.start, claim.span.end, claim.text):
                spans[(document_id, claim.span.start, claim.span.end)] = (claim.text, claim)
    for result in results:
        for ref in result.claims:
            key = (ref.document, ref.span[0], ref.span[1])
            if key not in spans and _valid(documents.get(ref.document), *ref.span, ref.text):
                spans[key] = (ref.text, None)
    doc_anchor = {d: f"d-{n}" for n, d in enumerate(order, start=1)}
    marks: dict[str, list[Mark]] = {d: [] for d in order}
    by_span: dict[tuple[str, int, int], Mark] = {}
    position = {d: n for n, d in enumerate(order, start=1)}
    for key in sorted(spans, key=lambda k: (position[k[0]], k[1], k[2])):
        document_id, start, end = key
        text, cited = spans[key]
        items = marks[document_id]
        anchor = f"c-{position[document_id]}-{len(items) + 1}"
        mark = Mark(anchor, document_id, start, end, text, cited)
        shown = [m for m in items if m.shown]
        mark.shown = not shown or start >= shown[-1].end
        items.append(mark)
        by_span[key] = mark
    for index, result in enumerate(results):
        for ref in result.claims:
            found = by_span.get((ref.document, ref.span[0], ref.span[1]))
            if found is not None and index not in found.results:
                found.results.append(index)
    page = Page(report, documents, order, doc_anchor, marks, by_span, results, {})
    ranked = sorted(range(len(report.findings)), key=lambda i: _finding_rank(results[i], i))
    page.finding_anchor = {index: f"f-{n}" for n, index in enumerate(ranked, start=1)}
    for items in marks.values():
        for mark in items:
            mark.results.sort(key=lambda i: _result_rank(results[i], i))
    return page


def _finding_rank(result: Result, index: int) -> tuple[int, int]:
    return (SEVERITIES.index(result.severity) if isinstance(result, Finding) else 9, index)


def _result_rank(result: Result, index: int) -> tuple[int, int, int]:
    if isinstance(result, Finding):
        return (0, SEVERITIES.index(result.severity), index)
    return (1 if isinstance(result, Verified) else 2, 0, index)


# --------------------------------------------------------------------------- descriptions


def _period(claim: Claim) -> str:
    period = claim.period
    if period is None:
        return "no period"
    if period.start is None or period.end is None:
        return f"period unresolved ({period.text})"
    start, end = period.start, period.end
    if period.kind == "deadline":
        return f"by {end.year}" if (end.month, end.day) == (12, 31) else f"by {end.isoformat()}"
    if start == end:
        return start.isoformat()
    if start.year == end.year and start.day == 1 and end == month_end(end):
        shape = shape_label(start, end)
        return str(start.year) if shape == "calendar years" else f"{shape} {start.year}"
    return f"{start.isoformat()} to {end.isoformat()}"


def claim_description(claim: Claim) -> str:
    """What the extractor read: ``level · trade turnover · China → Russia · 2023-01-01 to ...``."""
    parts = [claim.kind, claim.metric.replace("_", " ") if claim.metric else "metric unknown"]
    if claim.flow is not None:
        parts.append(f"{claim.flow.source} → {claim.flow.dest}")
    elif claim.entities:
        parts.append(", ".join(claim.entities))
    parts.append(_period(claim))
    unit = f"count:{claim.quantity.noun or ''}" if claim.unit == "count" else claim.unit
    lo, hi = claim.interval
    divisor, label = display_scale(unit, [claim.value])
    low, high = fmt_number(lo / divisor), fmt_number(hi / divisor)
    parts.append(f"{low} {label}" if low == high else f"[{low}, {high}] {label}")
    return " · ".join(parts)


def _result_message(result: Result) -> str:
    return result.reason if isinstance(result, NotChecked) else result.message


def _result_kind(result: Result) -> str:
    if isinstance(result, Finding):
        return "finding"
    return "verified" if isinstance(result, Verified) else "not_checked"


def _tooltip(mark: Mark, page: Page) -> str:
    lines = []
    for index in mark.results[:4]:
        result = page.results[index]
        word = result.severity if isinstance(result, Finding) else _result_kind(result)
        word = word.replace("_", " ")
        lines.append(f"{word} {result.code}: {_one_line(_result_message(result))}")
    if len(mark.results) > 4:
        lines.append(f"… {len(mark.results) - 4} more")
    if not lines:
        lines.append(
            claim_description(mark.claim) if mark.claim is not None else "no check used this"
        )
    lines.append("(click for details)")
    return "\n".join(lines)


def _data(page: Page) -> dict[str, Any]:
    claims: dict[str, Any] = {}
    for document_id in page.order:
        for mark in page.marks[document_id]:
            if not mark.shown:
                continue
            claims[mark.anchor] = {
                "text": mark.text,
                "document": document_id,
                "what": "" if mark.claim is None else claim_description(mark.claim),
                "results": mark.results,
            }
    results = []
    for index, result in enumerate(page.results):
        arithmetic = getattr(result, "arithmetic", None)
        results.append(
            {
                "kind": _result_kind(result),
                "severity": result.severity if isinstance(result, Finding) else "",
                "code": result.code,
                "name": result.name,
                "message": _result_message(result),
                "anchor": page.finding_anchor.get(index, ""),
                "arithmetic": None
                if arithmetic is None
                else {
                    "expression": arithmetic.expression,
                    "intervals": interval_line(arithmetic, holds=not isinstance(result, Finding)),
                },
                "claims": [
                    {"anchor": page.link(ref) or "", "text": ref.text, "document": ref.document}
                    for ref in result.claims
                ],
            }
        )
    data: dict[str, Any] = _strings({"claims": claims, "results": results})
    return data


# --------------------------------------------------------------------------- sections


def _headline(report: Report) -> tuple[str, str]:
    summary = report.summary()
    if not report.documents:
        return "none", "No documents were checked."
    if not report.findings and not report.verified:
        return "none", "Nothing was checked: no rule could relate the figures."
    if not report.findings:
        return "good", f"No findings — {_plural(summary['verified'], 'check')} held."
    parts = [
        _plural(summary[key], word)
        for key, word in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
        if summary[key]
    ]
    return ("bad" if summary["errors"] else "warn"), "Found " + ", ".join(parts) + "."


def _summary(page: Page, inputs: Sequence[InputStatus] = ()) -> list[str]:
    report = page.report
    summary = report.summary()
    counted = input_counts(inputs)
    tone, verdict = _headline(report)
    tiles = [
        ("error", summary["errors"], "errors"),
        ("warning", summary["warnings"], "warnings"),
        ("info", summary["infos"], "info"),
        ("ok", summary["verified"], "verified"),
        ("skip", summary["not_checked"], "not checked"),
        ("", summary["documents"], "documents"),
        ("", summary["claims"], "claims"),
        ("skip", counted["skipped"], "inputs skipped"),
        ("error", counted["failed"], "inputs failed"),
    ]
    out = [
        '<section id="summary">',
        f'<p class="verdict {tone}">{_e(verdict)}</p>',
        '<div class="tiles">',
        *(f'<div class="tile {cls}"><b>{n}</b><span>{word}</span></div>' for cls, n, word in tiles),
        "</div>",
        '<ul class="legend" aria-label="legend">',
        "<li>Highlights:</li>",
        *(f'<li><span class="swatch st-{cls}"></span>{_e(word)}</li>' for cls, word in _LEGEND),
        "</ul>",
        "</section>",
        '<h2 id="documents-table">Documents</h2>',
        '<div class="card"><table class="docs">',
        '<thead><tr><th>document</th><th>status</th><th class="n">errors</th>'
        '<th class="n">warnings</th><th class="n">info</th><th class="n">verified</th>'
        '<th class="n">not checked</th><th class="n">claims</th></tr></thead><tbody>',
    ]
    counts = tallies(report)
    for document_id in page.order:
        tally = counts.get(document_id)
        status = tally.status if tally is not None else "unchecked"
        if document_id not in report.documents:
            status_cell = '<span class="badge skip">compared against</span>'
        else:
            word = "ok" if status == "ok" else status
            status_cell = f'<span class="badge {status}">{_e(word)}</span>'
        numbers = (
            [tally.count(s) for s in SEVERITIES] + [tally.verified, tally.not_checked]
            if tally is not None
            else [0, 0, 0, 0, 0]
        )
        cells = "".join(f'<td class="n">{n}</td>' for n in numbers)
        claims = len(page.marks.get(document_id, ()))
        out.append(
            f'<tr><td><a href="#{page.doc_anchor[document_id]}">{_e(page.label(document_id))}'
            f"</a></td><td>{status_cell}</td>{cells}"
            f'<td class="n">{claims}</td></tr>'
        )
    out += ["</tbody></table></div>"]
    return out


def _inputs(inputs: Sequence[InputStatus]) -> list[str]:
    """The section listing the inputs that were skipped or failed (none: no section)."""
    items = not_checked_inputs(inputs)
    if not items:
        return []
    out = [
        '<h2 id="inputs">Inputs not checked</h2>',
        '<div class="card"><table class="docs">',
        "<thead><tr><th>input</th><th>status</th><th>reason</th></tr></thead><tbody>",
    ]
    for item in items:
        badge = "skip" if item.status == "skipped" else "error"
        out.append(
            f"<tr><td>{_e(item.where)}</td>"
            f'<td><span class="badge {badge}">{_e(item.status)}</span></td>'
            f"<td>{_e(item.reason)}</td></tr>"
        )
    out.append("</tbody></table></div>")
    return out


def _claim_links(refs: Sequence[ClaimRef], page: Page) -> str:
    """Links to the claims' highlights, naming the document when there are several."""
    several = len({ref.document for ref in refs}) > 1
    links = []
    for ref in refs:
        anchor = page.link(ref)
        text = _e(ref.text)
        link = f'<a href="#{anchor}">{text}</a>' if anchor else f"<span>{text}</span>"
        if several:
            link += f" ({_e(page.label(ref.document))})"
        links.append(link)
    return ", ".join(links)


def _quotes(refs: Sequence[ClaimRef], page: Page) -> list[str]:
    out = []
    for document_id, sentence, marks in claim_sentences(refs, page.documents):
        body = "".join(
            f"<b>{_e(text)}</b>" if claim else escape_text(text)
            for text, claim in sentence_segments(sentence, marks)
        )
        source = _e(page.label(document_id))
        out.append(f'<p class="quote">“{body}” <span class="cites">— {source}</span></p>')
    return out


def _arithmetic(result: Finding | Verified) -> list[str]:
    if result.arithmetic is None:
        return []
    holds = isinstance(result, Verified)
    return [
        '<div class="arith mono">',
        f"<div>{_e(result.arithmetic.expression)}</div>",
        f"<div>{_e(interval_line(result.arithmetic, holds=holds))}</div>",
        "</div>",
    ]


def _findings(page: Page) -> list[str]:
    out = [f'<h2 id="findings">Findings ({len(page.report.findings)})</h2>']
    if not page.report.findings:
        out.append('<p class="empty">No findings.</p>')
        return out
    for index, anchor in sorted(page.finding_anchor.items(), key=lambda item: int(item[1][2:])):
        finding = page.results[index]
        assert isinstance(finding, Finding)
        documents = list(dict.fromkeys(ref.document for ref in finding.claims))
        where = ", ".join(page.label(d) for d in documents)
        across = " (across documents)" if len(documents) > 1 else ""
        out += [
            f'<article class="card finding {finding.severity}" id="{anchor}">',
            '<div class="head">',
            f'<span class="badge {finding.severity}">{finding.severity}</span>',
            f"<strong>{_e(finding.name)}</strong>",
            f'<span class="rule"><code>{_e(finding.code)}</code> · {_e(where)}{across}</span>',
            "</div>",
            f"<p>{_e(finding.message)}</p>",
            *_arithmetic(finding),
            *_quotes(finding.claims, page),
            f'<p class="cites">claims: {_claim_links(finding.claims, page)}</p>',
            "</article>",
        ]
    return out


def _charts(page: Page, reference: ReferenceTable | None) -> list[str]:
    entries = []
    for document_id in page.order:
        for mark in page.marks[document_id]:
            if mark.claim is None:
                continue
            flagged = any(isinstance(page.results[i], Finding) for i in mark.results)
            entries.append((mark.claim, page.visible(mark), flagged))
    found = timelines(entries, reference)
    if not found:
        return []
    colours = {d: PALETTE[n % len(PALETTE)] for n, d in enumerate(page.order)}
    names = {d: page.label(d) for d in page.order}
    out = [
        '<h2 id="charts">Figures over time</h2>',
        '<p class="sub">Each point is a figure as one document states it; grey bars (joined '
        "from one period to the next) are the reference series where there is one; a red ring "
        "marks a figure cited by a finding. Click a point to go to its sentence.</p>",
    ]
    for number, timeline in enumerate(found, start=1):
        ident = f"t-{number}"
        documents = list(dict.fromkeys(f.document for f in timeline.figures))
        keys = [
            f'<li><svg class="dot" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
            f'<circle cx="6" cy="6" r="5.5" fill="{colours[d]}"/></svg>{_e(names[d])}</li>'
            for d in documents
        ]
        if timeline.reference:
            keys.append('<li><span class="refline"></span>reference</li>')
        if any(f.flagged for f in timeline.figures):
            keys.append('<li><span class="ring"></span>cited by a finding</li>')
        out += [
            f'<figure class="card chart" id="{ident}">',
            f"<h3>{_e(timeline.title)}</h3>",
            render_timeline(timeline, colours, names, ident=ident),
            f'<ul class="keys">{"".join(keys)}</ul>',
            "</figure>",
        ]
    return out


def _document(page: Page, document_id: str) -> list[str]:
    document = page.documents.get(document_id)
    anchor = page.doc_anchor[document_id]
    out = [f'<section class="card doc" id="{anchor}">', f"<h3>{_e(page.label(document_id))}</h3>"]
    if document is None:
        missing = '<p class="empty">The text of this document is not available.</p>'
        return [*out, missing, "</section>"]
    meta = [f"<span>{_e(document_id)}</span>"]
    if document.path and document.path not in (document_id, "-"):
        meta.append(f"<span>{_e(document.path)}</span>")
    if document.source:
        meta.append(f"<span>{_e(document.source)}</span>")
    if document.url:
        meta.append(f'<span class="mono">{_e(document.url)}</span>')
    meta.append(
        f"<span>published {document.published.isoformat()}</span>"
        if document.published is not None
        else "<span>publication date unknown</span>"
    )
    if document_id not in page.report.documents:
        meta.append("<span>compared against (its own inconsistencies are not reported)</span>")
    out.append(f'<p class="doc-meta">{"".join(meta)}</p>')
    text = document.text
    pieces: list[str] = []
    position = 0
    for mark in page.marks[document_id]:
        if not mark.shown:
            continue
        pieces.append(escape_text(text[position : mark.start]))
        status = mark.status(page)
        label = f"{_STATUS_WORDS[status]}: {mark.text}"
        pieces.append(
            f'<mark class="cc st-{status}" id="{mark.anchor}" data-claim="{mark.anchor}" '
            f'tabindex="0" role="button" aria-label="{_e(label)}" '
            f'title="{escape_text(_tooltip(mark, page))}">'
            f"{escape_text(text[mark.start : mark.end])}</mark>"
        )
        position = mark.end
    pieces.append(escape_text(text[position:]))
    out.append(f'<div class="doc-text">{"".join(pieces).strip()}</div>')
    out.append("</section>")
    return out


def _rest(page: Page) -> list[str]:
    report = page.report
    out = ['<h2 id="checks">Other checks</h2>', '<div class="card">']
    verified = [(i, r) for i, r in enumerate(page.results) if isinstance(r, Verified)]
    out.append(
        f'<details class="more"><summary>✓ {_plural(len(verified), "check")} held</summary><ul>'
    )
    for _, item in verified:
        expression = (
            f' <span class="mono">{_e(item.arithmetic.expression)}</span>'
            if item.arithmetic is not None
            else ""
        )
        out.append(
            f"<li><code>{_e(item.code)}</code> {_e(item.name)}: {_e(item.message)}{expression}"
            f' <span class="cites">({_claim_links(item.claims, page)})</span></li>'
        )
    out.append("</ul></details>")
    skipped = list(report.not_checked)
    out.append(
        f'<details class="more"><summary>{_plural(len(skipped), "check")} could not run'
        "</summary><ul>"
    )
    for reason, count in not_checked_reasons(skipped):
        items = [s for s in skipped if s.reason == reason]
        codes = ", ".join(f"<code>{_e(c)}</code>" for c in sorted({s.code for s in items}))
        refs = list({(r.document, r.span): r for s in items for r in s.claims}.values())
        out.append(
            f"<li>{_e(reason)} ({count}; {codes})"
            f' <span class="cites">{_claim_links(refs, page)}</span></li>'
        )
    out += ["</ul></details>", "</div>"]
    return out


# --------------------------------------------------------------------------- page


def _default_reference() -> ReferenceTable | None:
    from claimcheck.reference import ReferenceError, default_reference_path, load_reference

    try:
        return load_reference(default_reference_path())
    except (ReferenceError, OSError):
        return None


def render_html(
    report: Report,
    documents: Mapping[str, Document],
    *,
    claims: ClaimsByDocument | None = None,
    reference: ReferenceTable | None = None,
    inputs: Sequence[InputStatus] = (),
) -> str:
    """The page as a string (see :func:`write_html`)."""
    import claimcheck

    if claims is None:
        claims = _extracted(documents)
    if reference is None:
        reference = _default_reference()
    page = build_page(report, documents, claims)
    body = [
        "<main>",
        "<header>",
        "<h1>claimcheck report</h1>",
        f'<p class="sub">{_plural(len(report.documents), "document")} checked'
        + (
            f", {_plural(len(page.order) - len(report.documents), 'document')} compared against"
            if len(page.order) > len(report.documents)
            else ""
        )
        + "</p>",
        "</header>",
        *_summary(page, inputs),
        *_inputs(inputs),
        *_findings(page),
        *_charts(page, reference),
        '<h2 id="texts">Documents with their claims</h2>',
        '<p class="sub">Click a highlighted figure to see the checks that used it.</p>',
    ]
    for document_id in page.order:
        body += _document(page, document_id)
    body += _rest(page)
    body += [
        f"<footer>Generated by claimcheck {_e(claimcheck.__version__)}. "
        "This file works offline and loads nothing.</footer>",
        "</main>",
        '<aside id="cc-panel" hidden aria-live="polite">',
        '<button class="close" type="button" aria-label="Close">×</button>',
        '<div id="cc-panel-body"></div>',
        "</aside>",
        f'<script type="application/json" id="cc-data">{json_for_script(_data(page))}</script>',
        f"<script>{SCRIPT}</script>",
    ]
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>claimcheck report</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def write_html(
    report: Report,
    documents: Mapping[str, Document],
    out: TextIO,
    *,
    verbose: bool = False,
    color: bool = False,
    claims: ClaimsByDocument | None = None,
    reference: ReferenceTable | None = None,
    inputs: Sequence[InputStatus] = (),
) -> None:
    """Write the page to ``out`` (``verbose``/``color`` are ignored; see the module doc)."""
    out.write(render_html(report, documents, claims=claims, reference=reference, inputs=inputs))
    out.flush()
