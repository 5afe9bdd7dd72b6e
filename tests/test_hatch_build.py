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
