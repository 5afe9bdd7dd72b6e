"""Writers of ``claimcheck check`` results against golden files.

Every format renders the fixed scenario of :mod:`check_scenario` (two short
articles; a parts-sum error, a conflict across the articles, a warning, an
info, verified and not-checked results). Set ``CLAIMCHECK_UPDATE_GOLDEN=1``
to rewrite ``tests/golden/check/*`` after an intended change of the output,
then review the diff.

The golden files do not depend on the rule docstrings or the package
version: both are replaced by fixed values here (the real ones are tested in
``test_report_check_formats.py``).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from check_scenario import DOCUMENTS, INPUTS, scenario_report

from claimcheck.report import check_common, check_sarif
from claimcheck.report.check_writers import CHECK_FORMATS, write_check_report

GOLDEN = Path(__file__).parent / "golden" / "check"

CASES = [
    ("text", False, "report.txt"),
    ("text", True, "report-verbose.txt"),
    ("json", False, "report.json"),
    ("jsonl", False, "report.jsonl"),
    ("sarif", False, "report.sarif"),
    ("junit", False, "report.junit.xml"),
    ("markdown", False, "report.md"),
    ("github", False, "report.github.txt"),
]


def fixed_rule_info(code: str, name: str = "") -> check_common.RuleInfo:
    """Rule metadata that does not change when a rule's docstring does."""
    return check_common.RuleInfo(
        code, name or code, "error", f"Summary of {code}.", f"Summary of {code}.\n\nDetails."
    )


@pytest.fixture
def stable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No files to read (positions are in the document text), fixed version and rule docs."""
    import claimcheck

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(claimcheck, "__version__", "0.0.0+golden")
    monkeypatch.setattr(check_sarif, "rule_info", fixed_rule_info)


def render(fmt: str, verbose: bool) -> str:
    stream = io.StringIO()
    write_check_report(
        fmt, scenario_report(), DOCUMENTS, stream, verbose=verbose, color=False, inputs=INPUTS
    )
    return stream.getvalue()


def test_every_format_has_a_golden_file() -> None:
    # html (report.html) needs the claims and a reference table: test_report_check_html.py
    assert {fmt for fmt, _, _ in CASES} | {"html"} == set(CHECK_FORMATS)


@pytest.mark.usefixtures("stable")
@pytest.mark.parametrize(("fmt", "verbose", "name"), CASES, ids=[c[2] for c in CASES])
def test_golden(fmt: str, verbose: bool, name: str) -> None:
    golden = GOLDEN / name
    output = render(fmt, verbose)
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        with golden.open("w", encoding="utf-8", newline="") as stream:
            stream.write(output)
    with golden.open(encoding="utf-8", newline="") as stream:
        assert output == stream.read(), f"{golden} differs (CLAIMCHECK_UPDATE_GOLDEN=1 rewrites it)"
    assert output == render(fmt, verbose), "output differs between two runs"
