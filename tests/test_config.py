"""Configuration: discovery, precedence of the command line, and errors naming key and file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.config import ConfigError, discover, find_config, load_config_file

# Parts add up (5.37 + 3.47 = 8.84); the stated total 9.84 does not: a CC101 error.
BROKEN = """---
published: 2024-03-05
---
Trade between Norway and Chile reached $9.84 bln in 2023, customs data showed.
Norway's exports to Chile were $5.37 bln and its imports from Chile $3.47 bln.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with one broken article; the working directory is a subfolder."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "broken.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path


def _run(project: Path, *extra: str) -> int:
    return main(["check", str(project / "articles" / "broken.md"), *extra])


def _rules(capsys: pytest.CaptureFixture[str]) -> list[str]:
    data = json.loads(capsys.readouterr().out)
    return [f["rule"] for f in data["findings"]]


# --- discovery -----------------------------------------------------------------------------


def test_nearest_configuration_wins(project: Path) -> None:
    (project / "claimcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert find_config(project / "work") == project / "claimcheck.toml"
    (project / "work" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claimcheck]\nformat = "json"\n', encoding="utf-8"
    )
    assert find_config(project / "work") == project / "work" / "pyproject.toml"
    config = discover()
    assert config is not None
    assert config.format == "json"
    assert config.fail_on is None, "files are not merged: the nearer one alone applies"


def test_pyproject_without_table_is_passed_over(project: Path) -> None:
    (project / "work" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "claimcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    assert find_config(project / "work") == project / "claimcheck.toml"


def test_claimcheck_toml_wins_over_pyproject_in_one_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.claimcheck]\nformat = "sarif"\n')
    (project / "claimcheck.toml").write_text('format = "json"\n')
    assert find_config(project) == project / "claimcheck.toml"


def test_configuration_applies_and_command_line_overrides(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "claimcheck.toml").write_text('format = "json"\nfail-on = "never"\n')
    assert _run(project) == 0, "fail-on = never from the configuration"
    assert "CC101" in _rules(capsys), "format = json from the configuration"
    assert _run(project, "--fail-on", "error") == 1, "--fail-on overrides the configuration"
    capsys.readouterr()
    assert _run(project, "--format", "github") == 0
    assert capsys.readouterr().out.startswith("::error ")


def test_select_ignore_and_severity(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "claimcheck.toml"
    config.write_text('format = "json"\nignore = ["CC101"]\n')
    assert _run(project) == 0
    assert "CC101" not in _rules(capsys)
    assert _run(project, "--ignore", "CC603") == 1, "--ignore replaces the configured list"
    assert "CC101" in _rules(capsys)
    config.write_text('format = "json"\n[severity]\nCC101 = "info"\n')
    assert _run(project) == 0, "an info finding does not fail at fail-on = error"
    data = json.loads(capsys.readouterr().out)
    assert {f["severity"] for f in data["findings"] if f["rule"] == "CC101"} == {"info"}


def test_tolerances_from_configuration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A 12% gap is beyond the default tolerance but within a 20% one: the finding drops
    # from an error to the milder warning.
    (project / "claimcheck.toml").write_text(
        'format = "json"\nselect = ["CC101"]\n[tolerances.CC101]\nrelative = 0.2\n'
    )
    _run(project)
    data = json.loads(capsys.readouterr().out)
    assert [f["severity"] for f in data["findings"]] == ["warning"]
    assert _run(project, "--no-config", "--format", "json", "--select", "CC101") == 1
    assert [f["severity"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["error"]


def test_paths_are_relative_to_the_configuration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "packs").mkdir()
    (project / "packs" / "mine.toml").write_text(
        '[pack]\nname = "mine"\nversion = 1\n[severities]\nCC101 = "warning"\n'
    )
    (project / "claimcheck.toml").write_text('format = "json"\nrules = ["packs/mine.toml"]\n')
    assert _run(project) == 0
    data = json.loads(capsys.readouterr().out)
    assert {f["severity"] for f in data["findings"]} == {"warning"}


def test_explicit_config_and_no_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = project / "elsewhere.toml"
    elsewhere.write_text('format = "json"\nfail-on = "never"\n')
    (project / "claimcheck.toml").write_text('fail-on = "warning"\nformat = "nonsense"\n')
    assert _run(project, "--config", str(elsewhere)) == 0
    assert "CC101" in _rules(capsys)
    assert _run(project, "--no-config", "--format", "json") == 1
    assert "CC101" in _rules(capsys)


# --- errors --------------------------------------------------------------------------------


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    return captured.err


def test_unknown_key_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "claimcheck.toml"
    config.write_text('selct = ["CC1"]\n')
    assert _run(project) == 2
    assert _error(capsys) == (
        f"claimcheck: error: {config}: unknown key 'selct' (allowed: against, baseline, "
        "default-reference, fail-on, format, ignore, max-size, reference, rules, select, "
        "severity, strict, tolerances)\n"
    )


def test_unknown_key_in_pyproject_names_the_table(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text("[tool.claimcheck]\nexit-zero = true\n")
    assert _run(project) == 2
    err = _error(capsys)
    assert err.startswith(
        f"claimcheck: error: {pyproject}: unknown key 'tool.claimcheck.exit-zero'"
    )


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('fail-on = "fatal"', "'fail-on' must be one of error, warning, info, never (got 'fatal')"),
        ("fail-on = 1", "'fail-on' must be one of error, warning, info, never (got an integer)"),
        ('select = "CC101"', "'select' must be an array of non-empty strings (got a string)"),
        ('select = ["CC9"]', "'select[0]': no rule matches 'CC9' (see claimcheck rules)"),
        ('default-reference = "no"', "'default-reference' must be true or false (got a string)"),
        ("[severity]\nCC101 = 'fatal'", "'severity.CC101' must be one of error, warning, info"),
        ("[severity]\nCC999 = 'error'", "'severity.CC999': no rule 'CC999' (see claimcheck rules)"),
        ("[tolerances]\nrelative = -1", "'tolerances.relative' must be a number >= 0 (got -1)"),
        ("[tolerances]\nwide = 1", "unknown key 'tolerances.wide'"),
        ('rules = ["missing.toml"]', "'rules[0]': no such file or directory"),
        ("format = [", "invalid TOML"),
    ],
)
def test_wrong_values_are_errors(
    project: Path, capsys: pytest.CaptureFixture[str], toml: str, message: str
) -> None:
    config = project / "claimcheck.toml"
    config.write_text(toml + "\n")
    assert _run(project) == 2
    assert _error(capsys).startswith(f"claimcheck: error: {config}: {message}")


def test_explicit_pyproject_needs_the_table(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml: no \[tool\.claimcheck\] table"):
        load_config_file(pyproject)


def test_missing_explicit_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(project, "--config", "nowhere.toml") == 2
    assert "nowhere.toml: configuration file not found" in _error(capsys)


def test_documented_example_is_valid(project: Path) -> None:
    """The configuration shown in docs/getting-started.md is accepted as it stands."""
    docs = Path(__file__).resolve().parent.parent / "docs" / "getting-started.md"
    text = docs.read_text(encoding="utf-8")
    example = text[text.index("### Configuration") :].split("```toml\n", 1)[1].split("```", 1)[0]
    (project / "packs").mkdir()
    (project / "packs" / "strict.toml").write_text('[pack]\nname = "strict"\nversion = 1\n')
    (project / "data").mkdir()
    (project / "data" / "official.csv").write_text("")
    (project / "corpus").mkdir()
    (project / "claimcheck.toml").write_text(example, encoding="utf-8")
    config = discover()
    assert config is not None
    assert config.fail_on == "warning"
    assert config.severity == (("CC501", "error"),)
    assert config.rule_tolerances == (("CC201", (("absolute_percent_points", 0.5),)),)
    assert config.rules == ((project / "packs" / "strict.toml").resolve(),)
    assert config.against == ((project / "corpus").resolve(),)
    pack = config.pack()
    assert pack is not None
    assert pack.tolerances == (("relative", 0.01),)
