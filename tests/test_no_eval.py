"""Rule packs and configuration are data, never code.

The package never evaluates text: no ``eval``, ``exec``, ``compile`` or
``__import__``, no pickle, marshal, shelve or YAML loaders, and modules are
imported by name only from the package's own fixed tables (the lazy public
API and the report writers). Rule packs and configuration files are read
with :mod:`tomllib` only, reference tables with :mod:`csv`.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "claimcheck"
SOURCES = sorted(PACKAGE.rglob("*.py"))

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint", "input"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "yaml", "dill", "code", "codeop"}
IMPORT_BY_NAME = {
    "claimcheck/__init__.py",
    "claimcheck/report/check_writers.py",
    "claimcheck/dask_engine.py",  # the fixed name of the optional "distributed" package
}
# --jobs workers send results to their parent through multiprocessing, which pickles anyway;
# parallel.py only *serialises* (pickle.dumps, to test that an exception can travel). No module
# may *load* pickles: that is checked separately below.
SERIALISE_ONLY = {"claimcheck/parallel.py: pickle"}
# No module loads marshal data either (a local check holds claims packed by engine/packed.py
# with struct rows, not marshal): these stay empty unless a reviewed in-process use is added.
IN_PROCESS_ONLY: set[str] = set()
IN_PROCESS_LOADS: set[tuple[str, str, str]] = set()


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def _trees() -> list[tuple[str, ast.Module]]:
    return [(_relative(p), ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in SOURCES]


def test_the_package_has_sources() -> None:
    assert len(SOURCES) > 50


def test_no_code_is_evaluated() -> None:
    found = []
    for name, tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in FORBIDDEN_CALLS
            ):
                found.append(f"{name}:{node.lineno}: {node.func.id}()")
            if isinstance(node, ast.Attribute) and node.attr in {"literal_eval", "eval", "exec"}:
                found.append(f"{name}:{node.lineno}: .{node.attr}")
    assert found == []


def test_no_deserialiser_that_runs_code() -> None:
    found = []
    for name, tree in _trees():
        for node in ast.walk(tree):
            modules: list[str] = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            found += [f"{name}: {m}" for m in modules if m.split(".")[0] in FORBIDDEN_MODULES]
    assert sorted(set(found) - SERIALISE_ONLY - IN_PROCESS_ONLY) == []


def test_pickles_are_never_loaded() -> None:
    found = []
    allowed = []
    for name, tree in _trees():
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in FORBIDDEN_MODULES
                and node.attr in {"load", "loads", "Unpickler", "open"}
            ):
                inside = [f.name for f in functions if node in ast.walk(f)]
                where = (name, inside[0] if inside else "", f"{node.value.id}.{node.attr}")
                (allowed if where in IN_PROCESS_LOADS else found).append(where)
    assert found == []
    assert sorted(set(allowed)) == sorted(IN_PROCESS_LOADS)


def test_packed_claims_never_leave_the_process() -> None:
    import pickle

    import pytest

    from claimcheck.engine.packed import PackedClaims
    from claimcheck.extract import extract

    claims = extract("Exports rose 12% to $4.1 bln in 2023.")
    packed = PackedClaims(claims)
    assert tuple(packed) == tuple(claims)
    with pytest.raises(TypeError, match="within one process"):
        pickle.dumps(packed)


def test_modules_are_imported_by_name_only_from_fixed_tables() -> None:
    users = set()
    for name, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "import_module":
                users.add(name)
    assert users == IMPORT_BY_NAME


def test_packs_and_configuration_are_parsed_as_toml() -> None:
    for module in ("rulepacks.py", "config.py"):
        source = (PACKAGE / module).read_text(encoding="utf-8")
        assert "tomllib" in source, module
