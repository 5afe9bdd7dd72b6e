"""The HTML report (``claimcheck check --format html``): structure, escaping, determinism.

The page is parsed with the standard library's :mod:`html.parser` (the same
tokenisation rules a browser uses for tags and attributes), so the tests see
the elements and attributes a browser would build. The golden file
``tests/golden/check/report.html`` renders the fixed scenario of
:mod:`check_scenario` with hand-built claims and reference rows (set
``CLAIMCHECK_UPDATE_GOLDEN=1`` to rewrite it, then review the diff). The
headless-browser test is ``test_report_html_browser.py``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from check_scenario import (
    DOCUMENTS,
    H_EXPORTS,
    H_GROWTH,
    H_HUNDRED,
    H_IMPORTS,
    H_TOTAL,
    HARBOUR,
    INPUTS,
    P_EXPORTS,
    P_IMPORTS,
    P_TOTAL,
    PAMPAS,
    scenario_report,
)

from claimcheck.documents import make_document
from claimcheck.engine.intervals import Interval
from claimcheck.findings import ClaimRef, Finding, NotChecked, Report, Verified
from claimcheck.inputs import InputStatus
from claimcheck.model import Claim, ClaimKind, Document, Flow, Period, Quantity, Span
from claimcheck.reference import ReferenceRow, ReferenceTable
from claimcheck.report.check_html import json_for_script, render_html, write_html
from claimcheck.report.check_writers import check_writer
from claimcheck.report.html_assets import SCRIPT, STYLE, content_security_policy
from claimcheck.report.html_chart import axis_ticks, display_scale, inliers

GOLDEN = Path(__file__).parent / "golden" / "check" / "report.html"
YEAR_2023 = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "in 2023")
YEAR_2022 = Period(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "in 2022")

# --------------------------------------------------------------------------- helpers


def make_claim(
    ref: ClaimRef,
    *,
    metric: str | None = "trade_turnover",
    kind: ClaimKind = "level",
    value: float | None = None,
    unit: str = "USD",
    period: Period | None = YEAR_2023,
    flow: Flow | None = None,
) -> Claim:
    """A claim at a cited position (value parsed from "$N bln" / "N%" unless given)."""
    number = float(re.sub(r"[^\d.]", "", ref.text))
    if value is None:
        value = number * (1e9 if "bln" in ref.text else 1.0)
    quantity = Quantity(
        span=Span(*ref.span),
        text=ref.text,
        value=value,
        unit=unit if "%" not in ref.text else "percent",
        interval=(value, value),
        precision=0.0,
        low=value,
        high=value,
    )
    document = {HARBOUR.id: HARBOUR, PAMPAS.id: PAMPAS}.get(ref.document)
    start = 0 if document is None else document.text.rfind("\n", 0, ref.span[0]) + 1
    return Claim(
        id=ref.id,
        document_id=ref.document,
        quantity=quantity,
        sentence=Span(start, ref.span[1]),
        kind=kind,
        metric=metric,
        entities=("Argentina", "Chile"),
        flow=flow,
        period=period,
        value=value,
        interval=(value, value),
    )


def scenario_claims() -> dict[str, tuple[Claim, ...]]:
    """Claims of the scenario's two articles as an extractor would give them."""
    chile_argentina = Flow("Chile", "Argentina")
    argentina_chile = Flow("Argentina", "Chile")
    return {
        HARBOUR.id: (
            make_claim(H_TOTAL),
            make_claim(H_EXPORTS, metric="exports", flow=chile_argentina),
            make_claim(H_IMPORTS, metric="imports", flow=argentina_chile),
            make_claim(H_GROWTH, kind="change", period=None),
            make_claim(H_HUNDRED, kind="change", metric=None, period=None),
        ),
        PAMPAS.id: (
            make_claim(P_TOTAL),
            make_claim(P_EXPORTS, metric="exports", flow=chile_argentina),
            make_claim(P_IMPORTS, metric="imports", flow=argentina_chile),
        ),
    }


def scenario_reference() -> ReferenceTable:
    """Two official turnover figures (2022, 2023) for the scenario's countries."""
    rows = tuple(
        ReferenceRow(
            metric="trade_turnover",
            entities=("Argentina", "Chile"),
            flow=None,
            start=dt.date(year, 1, 1),
            end=dt.date(year, 12, 31),
            text=text,
            value=Interval(float(text) * 1e9 - 5e6, float(text) * 1e9 + 5e6),
            unit="USD",
            source="https://stats.example/trade",
        )
        for year, text in ((2022, "80.10"), (2023, "83.52"))
    )
    return ReferenceTable(rows, ("reference.csv",))


def render(
    report: Report | None = None,
    documents: Mapping[str, Document] = DOCUMENTS,
    claims: Mapping[str, Sequence[Claim]] | None = None,
    reference: ReferenceTable | None = None,
    inputs: Sequence[InputStatus] = (),
) -> str:
    stream = io.StringIO()
    write_html(
        scenario_report() if report is None else report,
        documents,
        stream,
        claims=scenario_claims() if claims is None else claims,
        reference=scenario_reference() if reference is None else reference,
        inputs=inputs,
    )
    return stream.getvalue()


@attrs.define
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class Page(HTMLParser):
    """Every element with its attributes; the text of marks, scripts and titles."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attributes})
        self.elements.append(element)
        if tag in ("mark", "script", "title", "article", "a", "div", "section", "aside"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def all(self, tag: str, **match: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in match.items())
        ]

    def marks(self) -> dict[str, Element]:
        return {e.attrs["id"]: e for e in self.all("mark")}

    def mark_of(self, text: str, document_index: int) -> Element:
        found = [
            e
            for e in self.all("mark")
            if e.text == text and e.attrs["id"].startswith(f"c-{document_index}-")
        ]
        assert len(found) == 1, (text, document_index, found)
        return found[0]


def status(element: Element) -> str:
    classes = element.attrs["class"].split()
    assert "cc" in classes
    (found,) = [c for c in classes if c.startswith("st-")]
    return found[3:]


# --------------------------------------------------------------------------- structure


def test_registered_as_html() -> None:
    assert check_writer("html") is write_html


def test_every_claim_is_highlighted_with_its_status() -> None:
    page = Page(render())
    marks = page.marks()
    assert len(marks) == 8
    expected = {
        (H_TOTAL.text, 1): "error",  # CC101 and CC401 errors
        (H_EXPORTS.text, 1): "error",  # part of the CC101 error (and a verified CC401)
        (H_IMPORTS.text, 1): "error",
        (H_GROWTH.text, 1): "warning",  # CC201 warning, CC301 not checked
        (H_HUNDRED.text, 1): "warning",  # CC201 warning beats the CC603 info
        (P_TOTAL.text, 2): "error",  # the other side of the CC401 conflict
        (P_EXPORTS.text, 2): "ok",  # verified only
        (P_IMPORTS.text, 2): "ok",  # verified, and a CC302 not checked
    }
    for (text, document_index), want in expected.items():
        assert status(page.mark_of(text, document_index)) == want, text
    for mark in marks.values():
        assert mark.attrs["tabindex"] == "0"
        assert mark.attrs["data-claim"] == mark.attrs["id"]
        assert mark.attrs["title"].endswith("(click for details)")
    hundred = page.mark_of(H_HUNDRED.text, 1)
    assert "warning CC201" in hundred.attrs["title"]
    assert "finding CC603" not in hundred.attrs["title"]


def test_not_checked_and_plain_claims() -> None:
    document = make_document("Exports were $5 bln in 2023, and imports $3 bln.\n", id="x")
    five, three = (
        ClaimRef("x", f"x#{n}", (document.text.index(s), document.text.index(s) + len(s)), s, "")
        for n, s in ((1, "$5 bln"), (2, "$3 bln"))
    )
    report = Report.build(
        [NotChecked("CC302", "period-sum", "no period stated", (five,))],
        documents=["x"],
        claims_count=2,
    )
    claims = {"x": (make_claim(five), make_claim(three))}
    page = Page(render(report, {"x": document}, claims))
    assert status(page.mark_of("$5 bln", 1)) == "skip"
    assert status(page.mark_of("$3 bln", 1)) == "plain"
    assert "level · trade turnover" in page.mark_of("$3 bln", 1).attrs["title"]
    # without claims, only the cited claim is highlighted
    bare = Page(render(report, {"x": document}, claims={}))
    assert [m.text for m in bare.all("mark")] == ["$5 bln"]


def test_findings_list_links_to_the_highlights() -> None:
    page = Page(render())
    marks = page.marks()
    findings = page.all("article")
    assert [a.attrs["id"] for a in findings] == ["f-1", "f-2", "f-3", "f-4"]
    severities = [a.attrs["class"].split()[-1] for a in findings]
    assert severities == ["error", "error", "warning", "info"]
    conflict = next(a for a in findings if "CC401" in a.text)
    assert "across documents" in conflict.text
    links = [e.attrs["href"] for e in page.all("a") if e.attrs.get("href", "").startswith("#c-")]
    assert links
    for href in links:
        assert href[1:] in marks, href
    # the cross-document finding links into both documents
    in_conflict = re.findall(r'href="#(c-\d+-\d+)"', _article(render(), "CC401"))
    assert {marks[a].attrs["id"].split("-")[1] for a in in_conflict} == {"1", "2"}
    # every finding's arithmetic is laid out
    assert "42.17 + 41.35 = 83.52" in findings[0].text + findings[1].text
    assert "gap 1.085" in findings[0].text + findings[1].text


def test_quotes_mark_the_claims_in_their_sentences() -> None:
    quote = re.search(r'<p class="quote">“A spokesman.*?</p>', _article(render(), "CC201"))
    assert quote is not None
    assert re.findall(r"<b>(.*?)</b>", quote.group()) == ["50%", "100%"]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in quote.group()
    assert "\\x1b[2J" in quote.group()


def _article(source: str, code: str) -> str:
    for match in re.finditer(r"<article .*?</article>", source, re.S):
        if code in match.group():
            return match.group()
    raise AssertionError(code)


def test_summary_counts_and_legend() -> None:
    source = render()
    page = Page(source)
    tiles = re.findall(r'<div class="tile[^"]*"><b>(\d+)</b><span>([^<]+)</span>', source)
    assert {word: int(n) for n, word in tiles} == {
        "errors": 2,
        "warnings": 1,
        "info": 1,
        "verified": 3,
        "not checked": 3,
        "documents": 2,
        "claims": 8,
        "inputs skipped": 0,
        "inputs failed": 0,
    }
    legend = [e.attrs["class"] for e in page.all("span") if "swatch" in e.attrs.get("class", "")]
    assert legend == [f"swatch st-{s}" for s in ("error", "warning", "info", "ok", "skip", "plain")]
    assert "Found 2 errors, 1 warning, 1 info." in source


def test_timeline_chart_for_a_metric_with_several_figures() -> None:
    source = render()
    charts = re.findall(r'<figure class="card chart" id="t-\d+">.*?</figure>', source, re.S)
    # turnover, exports and imports for 2023 in both articles; the conflict first
    assert len(charts) == 3
    turnover = charts[0]
    assert "Trade turnover · Argentina–Chile · calendar years · USD bln" in turnover
    points = re.findall(r'<a href="#(c-\d-\d)"><circle[^>]*r="9.5"', turnover)
    assert sorted(points) == ["c-1-1", "c-2-1"]  # both cited by a finding: ringed
    assert turnover.count("<polyline") == 1  # the reference line, 2022 to 2023
    assert "reference 2022: 80.1" in turnover
    assert ">84.62<" in turnover and ">83.52<" in turnover
    assert "Exports · Chile → Argentina · calendar years · USD bln" in charts[1]
    assert "Imports · Argentina → Chile · calendar years · USD bln" in charts[2]
    assert "<polyline" not in charts[1] + charts[2]  # no reference series for the flows


def test_no_chart_for_a_single_figure() -> None:
    claims = {HARBOUR.id: (make_claim(H_TOTAL),), PAMPAS.id: ()}
    source = render(claims=claims)
    assert '<svg class="plot"' not in source
    assert 'id="charts"' not in source


def test_chart_helpers() -> None:
    assert display_scale("USD", [240.11e9, 6.16e12, 190e9]) == (1e9, "USD bln")
    assert display_scale("t", [1.5e6, 2.5e6]) == (1e6, "mln t")
    assert display_scale("percent", [5.0]) == (1.0, "%")
    assert display_scale("count:tourists", [15e6, 14e6]) == (1e6, "mln tourists")
    assert inliers([240.11, 6160.0, 190.27, 244.81]) == (190.27, 244.81)
    assert inliers([-5.0, 5.0]) == (-5.0, 5.0)
    assert axis_ticks(83.52, 84.62) == [83.5, 84.0, 84.5, 85.0]
    assert axis_ticks(0.0, 9.0) == [0.0, 2.5, 5.0, 7.5, 10.0]
    ticks = axis_ticks(7.0, 7.0)
    assert ticks[0] < 7.0 < ticks[-1]


# --------------------------------------------------------------------------- safety

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "\"'><b>bold</b><",
    "</script><script>alert(2)</script>",
    "<!-- comment --> ]]> <![CDATA[ x ]]>",
    "\u2028\u2029\x00\x1b[2J",
)
NASTY = "".join(PAYLOADS)


def nasty_case() -> tuple[Report, dict[str, Document], dict[str, tuple[Claim, ...]]]:
    """A document, its metadata and a finding full of markup and script."""
    text = f"Trade reached $84.62 bln in 2023. {NASTY}\nImports were $42.17 bln {NASTY} in 2023.\n"
    document = Document(
        id=f"evil{NASTY}.md",
        text=text,
        path=f"news/{NASTY}.md",
        published=dt.date(2024, 1, 2),
        source=f"Source {NASTY}",
        url=f"javascript:alert(1)//{NASTY}",
        title=f"Title {NASTY}",
    )
    refs = [
        ClaimRef(document.id, f"{document.id}#{n}", (start, start + len(s)), s, NASTY)
        for n, (s, start) in enumerate(
            (("$84.62 bln", text.index("$84.62 bln")), ("$42.17 bln", text.index("$42.17 bln"))),
            start=1,
        )
    ]
    results: list[Finding | Verified | NotChecked] = [
        Finding(
            code=f"CC9{NASTY}",
            name=f"pack-rule {NASTY}",
            severity="error",
            message=f"Message {NASTY}",
            claims=tuple(refs),
            arithmetic=None,
        ),
        Verified("CC101", f"name {NASTY}", f"verified {NASTY}", (refs[1],)),
        NotChecked("CC302", "period-sum", f"reason {NASTY}", (refs[0],)),
    ]
    report = Report.build(results, documents=[document.id], claims_count=2)
    claims = {document.id: tuple(make_claim(r) for r in refs)}
    return report, {document.id: document}, claims


def test_document_and_rule_text_is_escaped_everywhere() -> None:
    report, documents, claims = nasty_case()
    source = render(report, documents, claims)
    for payload in ("<script>alert", "<img", "<svg onload", "<b>bold", "</script><script>"):
        assert payload not in source, payload
    assert "\x00" not in source and "\x1b" not in source
    page = Page(source)
    scripts = page.all("script")
    assert [s.attrs for s in scripts] == [{"type": "application/json", "id": "cc-data"}, {}]
    assert scripts[1].text == SCRIPT
    assert not page.all("img") and not page.all("iframe") and not page.all("b", id="x")
    for element in page.elements:
        for name, value in element.attrs.items():
            assert not name.startswith("on"), (element.tag, name)
            if name in ("href", "src", "action", "formaction"):
                assert value.startswith("#"), (element.tag, name, value)
    # the text is shown (escaped), not dropped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&quot;&#x27;&gt;&lt;b&gt;bold" in source
    assert "Title &lt;script&gt;" in source
    assert "javascript:alert(1)//&lt;script&gt;" in source  # the URL is text, never a link


def test_script_data_is_inert_json() -> None:
    report, documents, claims = nasty_case()
    source = render(report, documents, claims)
    block = re.search(r'<script type="application/json" id="cc-data">(.*?)</script>', source, re.S)
    assert block is not None
    raw = block.group(1)
    assert not set(raw) & {"<", ">", "&", "\u2028", "\u2029"}
    data = json.loads(raw)
    message = data["results"][0]["message"]
    assert message.startswith("Message <script>alert(1)</script><img src=x onerror=alert(1)>")
    assert "\\x00\\x1b" in message  # control characters shown, not passed on
    assert json_for_script({"a": "</script>\u2028"}) == '{"a":"\\u003c/script\\u003e\\u2028"}'


def test_content_security_policy_allows_only_the_page_assets() -> None:
    source = render()
    policy = content_security_policy()
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}">' in source
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    for text in (SCRIPT, STYLE):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert f"<style>{STYLE}</style>" in source
    # nothing to load: every link is an anchor in the page, no style fetches anything
    targets = re.findall(
        r"\s(?:href|src|xlink:href|action|srcset|poster|data)=\"([^\"]*)\"", source
    )
    assert targets and all(t.startswith("#") for t in targets)
    assert "url(" not in STYLE and "@import" not in STYLE
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|eval\(|document\.write", SCRIPT)


def test_lone_surrogates_and_crlf() -> None:
    document = make_document("Trade hit $5 bln\r\nin 2023 \ud800.\r\n", id="s")
    report = Report.build([], documents=["s"], claims_count=0)
    source = render(report, {"s": document}, claims={})
    assert "\ufffd" in source and "\r" not in source
    source.encode("utf-8")  # writable as UTF-8


# --------------------------------------------------------------------------- determinism


def test_deterministic_and_independent_of_mapping_order() -> None:
    first = render()
    assert render() == first
    claims = dict(reversed(list(scenario_claims().items())))
    documents = dict(reversed(list(DOCUMENTS.items())))
    assert render(documents=documents, claims=claims) == first


def test_without_claims_the_documents_are_extracted(fake_extract: None) -> None:
    stream = io.StringIO()
    check_writer("html")(scenario_report(), DOCUMENTS, stream)
    page = Page(stream.getvalue())
    # the fake extractor finds every "$N bln" and "N%": all eight claims
    assert len(page.marks()) == 8
    assert render_html(scenario_report(), DOCUMENTS) == stream.getvalue()


@pytest.fixture
def fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck

    monkeypatch.setattr(claimcheck, "__version__", "0.0.0+golden")


@pytest.mark.usefixtures("fixed_version")
def test_golden() -> None:
    output = render(inputs=INPUTS)
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        with GOLDEN.open("w", encoding="utf-8", newline="") as stream:
            stream.write(output)
    with GOLDEN.open(encoding="utf-8", newline="") as stream:
        assert output == stream.read(), f"{GOLDEN} differs (CLAIMCHECK_UPDATE_GOLDEN=1 rewrites it)"


def test_empty_report_and_unknown_documents() -> None:
    empty = render(Report.build([], documents=[], claims_count=0), {}, claims={})
    assert "No documents were checked." in empty
    assert "<mark" not in empty and "Findings (0)" in empty
    # a finding citing a document whose text is not available: listed, not linked
    ghost = ClaimRef("ghost.md", "ghost.md#1", (0, 6), "$5 bln", "")
    report = Report.build(
        [Finding("CC401", "conflicting-figures", "error", "Differs.", (ghost, H_TOTAL))],
        documents=[HARBOUR.id, "ghost.md"],
        claims_count=1,
    )
    source = render(report, {HARBOUR.id: HARBOUR}, claims={})
    page = Page(source)
    assert [m.text for m in page.all("mark")] == [H_TOTAL.text]
    assert "<span>$5 bln</span> (ghost.md)" in source
    assert "The text of this document is not available." in source
