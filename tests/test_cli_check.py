"""``claimcheck check``, ``rules`` and ``explain`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.engine import all_rules

BROKEN = """---
published: 2024-03-05
---
Trade between Norway and Chile reached $9.84 bln in 2023, customs data showed.
Norway's exports to Chile were $5.37 bln and its imports from Chile $3.47 bln.
"""

CONSISTENT = """---
published: 2024-03-05
---
Trade between Norway and Chile reached $8.84 bln in 2023, customs data showed.
Norway's exports to Chile were $5.37 bln and its imports from Chile $3.47 bln.
"""

NO_FIGURES = "Ministers met in Oslo on Tuesday and praised their friendship.\n"


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out = capsys.readouterr().out
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_findings_fail_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "broken.md", BROKEN)
    assert main(["check", path, "--format", "json"]) == 1
    data = _json(capsys)
    rules = [f["rule"] for f in data["findings"]]  # type: ignore[index, union-attr]
    assert "CC101" in rules


def test_consistent_article_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "ok.md", CONSISTENT)
    assert main(["check", path, "--format", "json"]) == 0
    data = _json(capsys)
    assert data["findings"] == []
    assert data["verified"], "the parts-sum relation should be recorded as verified"


def test_exit_zero_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "broken.md", BROKEN)
    assert main(["check", path, "--format", "json", "--exit-zero"]) == 0
    assert main(["check", path, "--format", "json", "--fail-on", "never"]) == 0
    capsys.readouterr()


def test_select_and_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "broken.md", BROKEN)
    assert main(["check", path, "--format", "json", "--ignore", "CC101"]) == 0
    assert "CC101" not in json.dumps(_json(capsys)["findings"])
    assert main(["check", path, "--format", "json", "--select", "CC2,CC3"]) == 0
    capsys.readouterr()


def test_unknown_rule_code_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "ok.md", CONSISTENT)
    assert main(["check", path, "--select", "CC999"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no rule matches 'CC999'" in err
    assert "Traceback" not in err


def test_malformed_rule_pack_names_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "ok.md", CONSISTENT)
    pack = _write(tmp_path, "mine.toml", '[pack]\nname = "mine"\nversion = "one"\n')
    assert main(["check", path, "--rules", pack]) == 2
    err = capsys.readouterr().err
    assert "mine.toml" in err
    assert "version" in err
    assert "Traceback" not in err


def test_malformed_reference_names_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "ok.md", CONSISTENT)
    table = _write(tmp_path, "ref.csv", "year,value\n2023,1\n")
    assert main(["check", path, "--reference", table]) == 2
    err = capsys.readouterr().err
    assert "ref.csv" in err
    assert "missing column" in err


def test_bad_document_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path, "broken.md", BROKEN)
    missing = str(tmp_path / "missing.md")
    assert main(["check", good, missing, "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert "missing.md" in captured.err
    assert "CC101" in captured.out


def test_against_reports_only_new_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _write(tmp_path, "old.md", BROKEN)
    new = _write(tmp_path, "new.md", NO_FIGURES)
    status = main(["check", new, "--against", old, "--format", "json"])
    data = _json(capsys)
    assert status == 0
    assert data["findings"] == [], "a finding citing only --against documents is dropped"


def test_nothing_checked_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "none.txt", NO_FIGURES)
    assert main(["check", path, "--format", "json"]) == 0
    assert "nothing was checked" in capsys.readouterr().err


def test_invalid_published_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "ok.md", CONSISTENT)
    assert main(["check", path, "--published", "2024-13-45"]) == 2
    assert "--published" in capsys.readouterr().err


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [rule.code for rule in all_rules()]


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "cc101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CC101 parts-sum")
    assert "Fails:" in out
    assert main(["explain", "CC000"]) == 2
    assert "no rule 'CC000'" in capsys.readouterr().err


def test_config_and_no_config_exclude_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "ok.md", CONSISTENT)
    with pytest.raises(SystemExit) as exit_info:
        main(["check", path, "--config", "x.toml", "--no-config"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_help_names_configuration_baseline_and_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    for option in ("--config", "--no-config", "--baseline", "--write-baseline", "--quiet"):
        assert option in out
    assert "claimcheck.toml" in out


def test_cold_start_does_not_import_rich_or_the_check_machinery() -> None:
    import subprocess
    import sys

    lazy = ("rich", "pint", "claimcheck.config", "claimcheck.baseline", "claimcheck.progress")
    code = (
        "import sys; from claimcheck.cli import build_parser; build_parser(); "
        f"print(sorted(m for m in sys.modules if m.startswith({lazy!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_documented_rule_pack_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The full example of docs/rule-packs.md loads and runs as an extra pack."""
    text = (DOCS / "rule-packs.md").read_text(encoding="utf-8")
    pack = _write(tmp_path, "steel.toml", text.split("```toml\n", 1)[1].split("```", 1)[0])
    path = _write(tmp_path, "broken.md", BROKEN)
    assert main(["check", path, "--no-config", "--rules", pack, "--format", "json"]) == 1
    assert "CC101" in json.dumps(_json(capsys)["findings"])


def test_readme_documentation_links_exist() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Documentation", 1)[1].split("\n## ", 1)[0]
    links = [part.split(")", 1)[0] for part in section.split("](")[1:]]
    assert len(links) >= 6
    for link in links:
        assert (DOCS.parent / link).is_file(), link
