"""Baselines: writing, reading, offset independence, and malformed files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.baseline import Baseline, BaselineError, apply_baseline, read_baseline
from claimcheck.cli import main
from claimcheck.documents import make_document
from claimcheck.engine import check

HEADER = "---\npublished: 2024-03-05\n---\n"
FIGURES = (
    "Trade between Norway and Chile reached $9.84 bln in 2023, customs data showed.\n"
    "Norway's exports to Chile were $5.37 bln and its imports from Chile $3.47 bln.\n"
)
# A second, independent error: 40.0 + 21.5 = 61.5, not 66.5.
SECOND = (
    "\nTrade between Peru and Kenya came to $66.5 mln in 2023. Peru's exports to Kenya "
    "were $40.0 mln and its imports from Kenya $21.5 mln.\n"
)
PARAGRAPH = (
    "Ministers from both countries met in Santiago on Monday to discuss fisheries, "
    "shipping routes and a new consular office; the talks lasted most of the day.\n\n"
)


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "article.md"
    path.write_text(HEADER + FIGURES, encoding="utf-8")
    return path


def _check(*args: str) -> int:
    return main(["check", "article.md", "--no-config", "--format", "json", *args])


def _findings(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert isinstance(findings, list)
    return findings


def test_round_trip(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check() == 1
    before = _findings(capsys)
    assert [f["rule"] for f in before] == ["CC101"]
    assert _check("--write-baseline", "baseline.json") == 0, "writing a baseline accepts all"
    captured = capsys.readouterr()
    assert "wrote 1 finding(s) to the baseline baseline.json" in captured.err
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == 1
    assert data["tool"] == "claimcheck"
    assert data["findings"] == [
        {
            "fingerprint": before[0]["fingerprint"],
            "rule": "CC101",
            "message": before[0]["message"],
            "documents": ["article.md"],
        }
    ]
    assert _check("--baseline", "baseline.json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["findings"] == []
    assert "1 finding(s) suppressed by the baseline baseline.json; 0 new" in captured.err
    assert "nothing was checked" not in captured.err


def test_written_baseline_is_deterministic(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article.write_text(HEADER + FIGURES + SECOND, encoding="utf-8")
    _check("--write-baseline", "one.json")
    _check("--write-baseline", "two.json")
    capsys.readouterr()
    one = Path("one.json").read_text(encoding="utf-8")
    assert one == Path("two.json").read_text(encoding="utf-8")
    assert one.endswith("}\n")
    fingerprints = [e["fingerprint"] for e in json.loads(one)["findings"]]
    assert len(fingerprints) == 2
    assert fingerprints == sorted(fingerprints)


def test_editing_elsewhere_keeps_findings_baselined(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _check("--write-baseline", "baseline.json")
    capsys.readouterr()
    # A paragraph inserted before the figures moves every offset and line.
    article.write_text(HEADER + PARAGRAPH + FIGURES, encoding="utf-8")
    assert _check("--baseline", "baseline.json") == 0
    assert _findings(capsys) == []
    # Sanity: without the baseline the finding is still there, at a new line.
    assert _check() == 1
    assert [f["rule"] for f in _findings(capsys)] == ["CC101"]


def test_new_finding_is_reported(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check("--write-baseline", "baseline.json")
    capsys.readouterr()
    article.write_text(HEADER + FIGURES + SECOND, encoding="utf-8")
    assert _check("--baseline", "baseline.json") == 1
    captured = capsys.readouterr()
    findings = json.loads(captured.out)["findings"]
    assert len(findings) == 1
    assert "$66.5 mln" in json.dumps(findings[0]["claims"])
    assert "1 finding(s) suppressed by the baseline baseline.json; 1 new" in captured.err


def test_changed_figure_is_new_and_old_entry_unmatched(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _check("--write-baseline", "baseline.json")
    capsys.readouterr()
    article.write_text(HEADER + FIGURES.replace("$9.84 bln", "$9.94 bln"), encoding="utf-8")
    assert _check("--baseline", "baseline.json") == 1
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["findings"]) == 1
    assert "0 finding(s) suppressed" in captured.err
    assert "1 baseline entry(ies) no longer found" in captured.err


def test_each_entry_absorbs_one_finding() -> None:
    text = HEADER + FIGURES
    documents = [
        make_document(text.split("---\n", 2)[2], id=name, published=None) for name in ("a", "b")
    ]
    report = check(documents, select=["CC101"])
    assert len(report.findings) == 2
    applied = apply_baseline(report, Baseline("memory", (report.findings[0].fingerprint,)))
    assert applied.suppressed == 1
    assert len(applied.report.findings) == 1
    assert applied.report.findings[0] == report.findings[1]


def test_baseline_from_configuration(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "article.md", "--no-config", "--write-baseline", "known.json", "-q"])
    assert capsys.readouterr().err == "", "--quiet drops the note"
    Path("claimcheck.toml").write_text('baseline = "known.json"\nformat = "json"\n')
    assert main(["check", "article.md"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    assert main(["check", "article.md", "--baseline", "other.json"]) == 2
    assert "other.json: baseline file not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not a baseline (invalid JSON"),
        ("[]", "not a baseline (expected an object with 'findings')"),
        ('{"schema": 2, "findings": []}', "unsupported baseline schema 2 (expected 1)"),
        ('{"schema": 1, "findings": {}}', "'findings' must be an array"),
        ('{"schema": 1, "findings": [{"rule": "CC101"}]}', "findings[0]: expected an object"),
    ],
)
def test_malformed_baseline(
    article: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    Path("bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError):
        read_baseline(Path("bad.json"))
    assert _check("--baseline", "bad.json") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"claimcheck: error: bad.json: {problem}")
    assert "Traceback" not in captured.err
