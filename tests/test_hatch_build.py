"""hatch_build.py's choice of the modules mypyc compiles, and their groups."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _tree(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")


def test_a_list_is_one_group_and_a_table_names_its_groups(hatch_build: Any, tmp_path: Path) -> None:
    _tree(tmp_path, "p/a/__init__.py", "p/a/x.py", "p/a/y.py", "p/b/z.py", "p/b/notes.txt")
    single = hatch_build.compile_groups(
        tmp_path, {"compile": ["p/a/*.py", "p/b/*"], "exclude": ["p/a/__init__.py"]}
    )
    files = [str(tmp_path / f) for f in ("p/a/x.py", "p/a/y.py", "p/b/z.py")]
    assert single == [(files, "claimcheck")]
    named = hatch_build.compile_groups(
        tmp_path,
        {"compile": {"one": ["p/a/*.py"], "two": ["p/b/*.py"], "none": ["p/c/*.py"]}},
    )
    assert named == [
        ([str(tmp_path / f) for f in ("p/a/__init__.py", "p/a/x.py", "p/a/y.py")], "one"),
        ([str(tmp_path / "p/b/z.py")], "two"),
    ]


def test_the_project_compiles_the_extractor_and_the_rule_engine(hatch_build: Any) -> None:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        wheel = tomllib.load(stream)["tool"]["hatch"]["build"]["targets"]["wheel"]
    config = wheel["hooks"]["custom"]
    groups = {name: sources for sources, name in hatch_build.compile_groups(ROOT, config)}
    assert set(groups) == {"claimcheck_extract", "claimcheck_rules"}
    modules = {Path(s).relative_to(ROOT).as_posix() for sources in groups.values() for s in sources}
    assert {"claimcheck/engine/context.py", "claimcheck/checks/cc203_direction.py"} <= modules
    assert {"claimcheck/findings.py", "claimcheck/store/codec.py"} <= modules
    assert "claimcheck/extract/claims.py" in {
        Path(s).relative_to(ROOT).as_posix() for s in groups["claimcheck_extract"]
    }
    assert not modules & {
        "claimcheck/packing.py",
        "claimcheck/model.py",
        "claimcheck/engine/_mypyc.py",
        "claimcheck/checks/__init__.py",
        "claimcheck/engine/__init__.py",
        "claimcheck/extract/__init__.py",
    }


def test_the_profile_guided_build_is_switched_off_by_the_environment(
    hatch_build: Any, monkeypatch: Any
) -> None:
    for value in ("0", "false", "No", " off "):
        monkeypatch.setenv("CLAIMCHECK_PGO", value)
        assert not hatch_build._pgo()
    for value in ("1", "yes", ""):
        monkeypatch.setenv("CLAIMCHECK_PGO", value)
        assert hatch_build._pgo()
    monkeypatch.delenv("CLAIMCHECK_PGO")
    assert hatch_build._pgo()


def test_the_build_flags_go_after_the_callers_own(
    hatch_build: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    seen: list[tuple[list[str], dict[str, str]]] = []

    def run(command: list[str], **options: Any) -> Any:
        seen.append((command, options["env"]))
        return type("Done", (), {"returncode": 0, "stdout": ""})()

    monkeypatch.setattr(hatch_build.subprocess, "run", run)
    monkeypatch.setenv("CFLAGS", "-O2 -g")
    monkeypatch.delenv("LDFLAGS", raising=False)
    hatch_build._run_setup(tmp_path / "setup.py", tmp_path, ("-fa", "-fb"), "--force")
    (command, env) = seen[0]
    assert command[1:] == [str(tmp_path / "setup.py"), "--force"]
    assert env["CFLAGS"] == "-O2 -g -fa -fb"
    assert env["LDFLAGS"] == "-fa -fb"


def test_a_failing_build_step_raises_with_the_end_of_its_output(
    hatch_build: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    def run(command: list[str], **options: Any) -> Any:
        return type("Failed", (), {"returncode": 1, "stdout": "line 1\nerror: no compiler\n"})()

    monkeypatch.setattr(hatch_build.subprocess, "run", run)
    try:
        hatch_build._run_setup(tmp_path / "setup.py", tmp_path, ())
    except RuntimeError as exc:
        assert "exit status 1" in str(exc)
        assert "error: no compiler" in str(exc)
    else:
        raise AssertionError("a failed build step must raise")


def test_a_training_run_without_compiled_modules_is_refused(
    hatch_build: Any, tmp_path: Path
) -> None:
    # a tree whose modules are plain Python: training it would profile nothing
    root, lib = tmp_path / "root", tmp_path / "lib"
    _tree(root, "claimcheck/__init__.py", "claimcheck/extract/__init__.py", "rules/x.toml")
    (root / "claimcheck/extract/claims.py").write_text("", encoding="utf-8")
    lib.mkdir()
    reason = hatch_build._train(root, lib, tmp_path / "train")
    assert reason is not None
    assert "exit status 1" in reason
    assert "not imported" in reason


def test_the_training_script_is_valid_python(hatch_build: Any) -> None:
    compile(hatch_build._TRAIN, "<training>", "exec")
    assert "seed=7" in hatch_build._TRAIN  # not the benchmarks' seed (1)


def test_a_tree_without_its_rule_files_gives_a_reason_not_an_error(
    hatch_build: Any, tmp_path: Path
) -> None:
    root, lib = tmp_path / "root", tmp_path / "lib"
    _tree(root, "claimcheck/__init__.py")
    lib.mkdir()
    reason = hatch_build._train(root, lib, tmp_path / "train")
    assert reason is not None
    assert reason.startswith("no tree to train in")
