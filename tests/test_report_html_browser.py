"""The HTML report in a real headless browser (Debian's chromium).

Opens a report of the fixed scenario plus a document full of script
injections (in its text and in its title, source and URL, and in a rule's
name and message) and checks that the page loads without console errors,
exceptions or CSP violations; that every claim is highlighted; that a real
mouse click on a highlight shows its finding with the arithmetic in a visible
panel and Escape closes it; and that none of the injected code ran
(``window.__pwned`` unset, the title unchanged, no injected element in the
DOM). The same holds end to end for hostile inputs run through ``claimcheck
check -f html``: an article with markup and broken markup in its text and
front matter, input files named with markup (one skipped, one failed), a
rule pack with markup in its description and metric, and a reference table
with markup and ``javascript:`` in its sources. A report of the project's
fixtures, made by the real pipeline (extraction, rules, bundled reference
series), is opened too: no problems,
every claim highlighted, a click on an error shows that finding.
Screenshots go to ``$CLAIMCHECK_ARTIFACTS`` (default ``out/artifacts/``):
``report.png`` (the fixtures' report with a finding open),
``report-charts.png`` (its first charts), ``report-injection.png`` and
``report-injection-full.png`` (the hostile page), next to the HTML files.

The browser is driven over chromium's ``--remote-debugging-pipe`` with a
stdlib-only client (:mod:`browser_support`). The test is skipped when no
chromium is installed (``apt-get install chromium``; ``.ci/run`` installs it
in CI); ``CLAIMCHECK_CHROMIUM`` names another executable.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import Browser, Page, chromium_path
from check_scenario import DOCUMENTS, H_TOTAL, scenario_report
from test_report_check_html import scenario_claims, scenario_reference

from claimcheck.findings import ClaimRef, Finding, Report
from claimcheck.model import Document
from claimcheck.report.check_html import write_html

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = chromium_path()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium; or set CLAIMCHECK_CHROMIUM)",
)

INJECTED = (
    "<script>window.__pwned = 'script'; document.title = 'pwned';</script>"
    "<img src=x onerror=\"window.__pwned = 'img'\">"
    "<svg onload=\"window.__pwned = 'svg'\"></svg>"
    '<a id="evil" href="javascript:window.__pwned = \'link\'">click</a>'
    "\"'><script>window.__pwned = 'attribute'</script>"
    "</script><script>window.__pwned = 'breakout'</script>"
    "<iframe srcdoc=\"<script>parent.__pwned = 'iframe'</script>\"></iframe>"
    "<style>body { display: none }</style>"
)


def injection_document() -> tuple[Document, ClaimRef]:
    """A hostile article with one claim, and that claim."""
    text = f"Trade between Chile and Argentina reached $84.62 bln in 2023. {INJECTED}\n"
    document = Document(
        id="evil.md",
        text=text,
        path="news/evil.md",
        published=dt.date(2024, 1, 21),
        source=f"Wire {INJECTED}",
        url=f"javascript:window.__pwned='url'//{INJECTED}",
        title=f"Hostile {INJECTED}",
    )
    start = text.index("$84.62 bln")
    ref = ClaimRef(document.id, "evil.md#1", (start, start + 10), "$84.62 bln", text.strip())
    return document, ref


def report_with_injection() -> tuple[Report, dict[str, Document]]:
    document, ref = injection_document()
    base = scenario_report()
    hostile = Finding(
        code="CC401",
        name=f"conflicting-figures {INJECTED}",
        severity="error",
        message=f"Hostile message {INJECTED}",
        claims=(ref, H_TOTAL),
    )
    report = Report.build(
        [*base.findings, hostile, *base.verified, *base.not_checked],
        documents=[*base.documents, document.id],
        claims_count=base.claims_count + 1,
        rules=base.rules,
    )
    return report, {**DOCUMENTS, document.id: document}


def artifacts() -> Path:
    configured = os.environ.get("CLAIMCHECK_ARTIFACTS")
    path = Path(configured) if configured else PROJECT / "out" / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    report, documents = report_with_injection()
    stream = io.StringIO()
    write_html(report, documents, stream, claims=scenario_claims(), reference=scenario_reference())
    target = tmp_path_factory.mktemp("html") / "report.html"
    target.write_text(stream.getvalue(), encoding="utf-8")
    (artifacts() / "report-injection.html").write_text(stream.getvalue(), encoding="utf-8")
    assert CHROMIUM is not None
    with Browser.launch(CHROMIUM) as browser:
        opened = browser.new_page(width=1280, height=900)
        opened.goto(target.as_uri())
        yield opened


def test_loads_without_console_errors(page: Page) -> None:
    assert page.evaluate("document.readyState") == "complete"
    assert page.problems == []


def test_injected_code_does_not_run(page: Page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.title") == "claimcheck report"
    assert page.evaluate("document.scripts.length") == 2
    counts = page.evaluate(
        "JSON.stringify(['img', 'iframe', '#evil', 'a[href^=\"javascript\"]', 'body style']"
        ".map(s => document.querySelectorAll(s).length))"
    )
    assert json.loads(counts) == [0, 0, 0, 0, 0]
    assert page.evaluate("getComputedStyle(document.body).display") == "block"
    # the hostile text is on the page, as text
    shown = page.evaluate("document.getElementById('d-3').textContent")
    assert "<script>window.__pwned = 'script'" in shown
    assert "javascript:window.__pwned='url'" in shown


def test_every_claim_is_highlighted(page: Page) -> None:
    classes = json.loads(
        page.evaluate(
            "JSON.stringify([...document.querySelectorAll('mark.cc')].map(m => m.className))"
        )
    )
    assert len(classes) == 9
    assert sum("st-error" in c for c in classes) == 5
    assert sum("st-ok" in c for c in classes) == 2
    title = page.evaluate("document.getElementById('c-3-1').title")
    assert title.startswith("error CC401: Hostile message <script>")


def test_click_shows_the_finding_and_escape_closes_it(page: Page) -> None:
    assert page.evaluate("document.getElementById('cc-panel').hidden") is True
    box = json.loads(
        page.evaluate(
            "(() => { const m = document.getElementById('c-1-1');"
            " m.scrollIntoView({block: 'center'}); const r = m.getBoundingClientRect();"
            " return JSON.stringify([r.x + r.width / 2, r.y + r.height / 2]); })()"
        )
    )
    page.click(*box)
    state = json.loads(
        page.evaluate(
            "(() => { const p = document.getElementById('cc-panel');"
            " const r = p.getBoundingClientRect();"
            " return JSON.stringify({hidden: p.hidden, display: getComputedStyle(p).display,"
            " width: r.width, height: r.height, text: p.textContent,"
            " top: r.top, bottom: r.bottom, inner: innerHeight,"
            " active: document.querySelector('mark.active')?.id}); })()"
        )
    )
    assert not state["hidden"] and state["display"] == "block"
    assert state["width"] > 200 and state["height"] > 100
    assert state["top"] >= 0 and state["bottom"] <= state["inner"]  # in view
    assert state["active"] == "c-1-1"
    text = state["text"]
    assert "The two flows add up to 83.52 USD bln" in text  # the CC101 finding
    assert "42.17 + 41.35 = 83.52 (±0.01) vs stated 84.62 (±0.005)" in text
    assert "gap 1.085" in text
    assert "Hostile message <script>" in text  # shown as text, not run
    page.screenshot(artifacts() / "report-injection.png")
    page.send(
        "Input.dispatchKeyEvent",
        {"type": "keyDown", "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27},
    )
    page.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Escape", "code": "Escape"})
    assert page.evaluate("document.getElementById('cc-panel').hidden") is True
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.problems == []


def test_full_page_screenshot(page: Page) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    target = artifacts() / "report-injection-full.png"
    page.screenshot(target, full_page=True)
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert page.evaluate("document.querySelectorAll('svg.plot').length") >= 1
    assert page.problems == []


# --------------------------------------------------------------------------- the fixtures


def fixtures_report(target: Path) -> tuple[Report, int]:
    """Check ``fixtures/`` with the real pipeline; write the page; return the report and
    the number of claims."""
    from claimcheck.documents import LoadFailure, load_documents
    from claimcheck.engine import check
    from claimcheck.extract import extract_document
    from claimcheck.reference import default_reference_path, load_reference

    loaded = [
        d for d in load_documents([str(PROJECT / "fixtures")]) if not isinstance(d, LoadFailure)
    ]
    pairs = [(d, tuple(extract_document(d))) for d in loaded]
    report = check(pairs, reference=[default_reference_path()])
    with target.open("w", encoding="utf-8") as stream:
        write_html(
            report,
            {d.id: d for d in loaded},
            stream,
            claims={d.id: c for d, c in pairs},
            reference=load_reference(default_reference_path()),
        )
    return report, sum(len(c) for _, c in pairs)


def test_fixtures_report_in_the_browser() -> None:
    target = artifacts() / "report.html"
    report, claims = fixtures_report(target)
    assert report.findings
    assert CHROMIUM is not None
    with Browser.launch(CHROMIUM) as browser:
        page = browser.new_page(width=1280, height=900)
        page.goto(target.as_uri())
        assert page.problems == []
        marks = page.evaluate("document.querySelectorAll('mark.cc').length")
        data = json.loads(page.evaluate("document.getElementById('cc-data').textContent"))
        assert marks == len(data["claims"])
        assert claims * 0.95 <= marks <= claims  # overlapping claims share one highlight
        page.evaluate("document.getElementById('charts').scrollIntoView()")
        page.screenshot(artifacts() / "report-charts.png")
        first = page.evaluate(
            "(() => { const m = document.querySelector('#texts ~ section mark.st-error');"
            " m.scrollIntoView({block: 'center'}); const r = m.getBoundingClientRect();"
            " return JSON.stringify([m.id, r.x + r.width / 2, r.y + r.height / 2]); })()"
        )
        anchor, x, y = json.loads(first)
        page.click(x, y)
        text = page.evaluate("document.getElementById('cc-panel').textContent")
        messages = [
            data["results"][i]["message"]
            for i in data["claims"][anchor]["results"]
            if data["results"][i]["kind"] == "finding"
        ]
        assert messages and all(m in text for m in messages)
        assert page.evaluate("document.getElementById('cc-panel').hidden") is False
        page.screenshot(artifacts() / "report.png")
        assert page.problems == []


# ------------------------------------------------------------- hostile inputs, end to end

HOSTILE_NAME = "<img src=x onerror=\"window.__pwned='name'\">"
BROKEN_MARKUP = (
    "<div <b>unclosed <!-- ]]> <![CDATA[ </textarea></title></style></script>"
    "<svg/onload=window.__pwned='svg'><math><mi xlink:href=\"javascript:window.__pwned='m'\">"
    "&lt;already escaped&gt; &#60;script&#62; \u2028\u2029 \x1b[31m"
)


def write_hostile_project(root: Path) -> list[str]:
    """Articles, a rule pack and a reference table full of markup; the ``check`` arguments."""
    news = root / "news"
    news.mkdir()
    (news / "evil.md").write_text(
        "---\n"
        "published: 2024-02-01\n"
        f'title: "{INJECTED.replace(chr(34), chr(39))}"\n'
        "url: javascript:window.__pwned='url'\n"
        f"source: {HOSTILE_NAME}\n"
        "---\n"
        "Trade between China and Russia reached $240.11 bln in 2023 "
        f"{INJECTED}.\n"
        "China's exports to Russia were $110.97 bln and its imports from Russia $139.14 bln "
        "<a href=\"javascript:window.__pwned='a'\">details</a>.\n"
        f"Turnover grew by 26.3% year on year, officials said. {BROKEN_MARKUP}\n",
        encoding="utf-8",
    )
    (news / f"{HOSTILE_NAME}.pdf").write_bytes(b"%PDF-1.7\n")
    (news / f"{HOSTILE_NAME}.json").write_text('{"title": "<script>x</script>"}', encoding="utf-8")
    (root / "hostile.toml").write_text(
        "[pack]\n"
        'name = "hostile"\n'
        "version = 1\n"
        "description = \"<script>window.__pwned = 'pack'</script>\"\n"
        "[metrics.\"<script>window.__pwned='metric'</script>\"]\n"
        'label = "<img src=x onerror=\\"window.__pwned=\'label\'\\">"\n'
        'terms = ["zinc <b>shipments</b>"]\n',
        encoding="utf-8",
    )
    (root / "ref.csv").write_text(
        "metric,entities,flow,period,value,unit,scale,source\n"
        "trade_turnover,China;Russia,,2022,190.27,USD,bln,"
        "\"javascript:window.__pwned='ref'<script>window.__pwned='ref2'</script>\"\n"
        f'trade_turnover,China;Russia,,2023,240.11,USD,bln,"{HOSTILE_NAME.replace(chr(34), "")}"\n',
        encoding="utf-8",
    )
    return [
        "check",
        str(news),
        "--rules",
        str(root / "hostile.toml"),
        "--reference",
        str(root / "ref.csv"),
        "--no-default-reference",
        "--no-config",
        "-q",
        "-f",
        "html",
    ]


def test_hostile_inputs_render_inert_end_to_end(tmp_path: Path) -> None:
    from claimcheck.cli import main

    argv = write_hostile_project(tmp_path)
    target = tmp_path / "report.html"
    assert main([*argv, "-o", str(target)]) == 2  # the hostile JSON file fails to load
    source = target.read_text(encoding="utf-8")
    assert source.count("<script") == 2  # the data block and the page's own script
    assert "<img" not in source and "<svg/onload" not in source and "<iframe" not in source
    assert "&lt;img src=x onerror=" in source  # shown, escaped: the input names
    (artifacts() / "report-hostile.html").write_text(source, encoding="utf-8")
    assert CHROMIUM is not None
    with Browser.launch(CHROMIUM) as browser:
        page = browser.new_page(width=1280, height=900)
        page.goto(target.as_uri())
        assert page.evaluate("document.readyState") == "complete"
        for mark in json.loads(
            page.evaluate(
                "JSON.stringify([...document.querySelectorAll('mark.cc')].map(m => m.id))"
            )
        )[:6]:  # open every kind of panel: hostile text in descriptions and results
            page.evaluate(f"document.getElementById('{mark}').click()")
        assert page.problems == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.title") == "claimcheck report"
        assert page.evaluate("document.scripts.length") == 2
        counts = page.evaluate(
            "JSON.stringify(['img', 'iframe', 'svg[onload]', 'math', 'a[href^=\"javascript\"]',"
            " 'body style', 'textarea'].map(s => document.querySelectorAll(s).length))"
        )
        assert json.loads(counts) == [0, 0, 0, 0, 0, 0, 0]
        text = page.evaluate("document.body.textContent")
        assert "<script>window.__pwned = 'script'" in text  # the article, as text
        assert "javascript:window.__pwned='url'" in text
        assert f"{HOSTILE_NAME}.pdf" in text and "skipped" in text  # the inputs, as text
        assert "<div <b>unclosed <!-- ]]>" in text
        page.screenshot(artifacts() / "report-hostile.png", full_page=True)
