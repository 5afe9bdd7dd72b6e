"""claimcheck.native: which modules run compiled (mypyc) in an installation."""

from __future__ import annotations

import importlib.util
import pkgutil
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import claimcheck
from claimcheck import native

COMPILED_PACKAGES = ("claimcheck.extract", "claimcheck.engine", "claimcheck.checks")
"""Packages whose every module but ``__init__`` a compiled wheel runs compiled."""
COMPILED_MODULES = ("claimcheck.findings", "claimcheck.store.codec")
INTERPRETED = ("claimcheck.packing", "claimcheck.model", "claimcheck.engine._mypyc")
"""Never compiled (packing: mypyc would store an int given to a float field as a float;
_mypyc: its fallback import would be compiled as unreachable)."""


def _expected_compiled() -> set[str]:
    names = set(COMPILED_MODULES)
    for package in COMPILED_PACKAGES:
        path = Path(claimcheck.__file__).parent.joinpath(*package.split(".")[1:])
        names.update(f"{package}.{m.name}" for m in pkgutil.iter_modules([str(path)]))
    return names - set(INTERPRETED)


def test_each_compiled_module_is_what_python_imports() -> None:
    for name in native.compiled_modules():
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None
        assert spec.origin.endswith(tuple(EXTENSION_SUFFIXES)), name


def test_a_compiled_install_runs_the_extractor_and_the_rule_engine_compiled() -> None:
    compiled = set(native.compiled_modules())
    if not compiled:
        pytest.skip("a pure-Python install (editable or CLAIMCHECK_PURE_PYTHON)")
    assert compiled == _expected_compiled()
    assert not compiled & set(INTERPRETED)
    from claimcheck.engine.registry import all_rules

    for rule in all_rules():  # mypyc drops class docstrings: read from the sources
        assert "Fails:" in rule.doc(), rule.code


def test_the_compiled_set_names_real_modules() -> None:
    expected = _expected_compiled()
    assert {"claimcheck.engine.context", "claimcheck.checks.cc201_growth_vs_levels"} <= expected
    assert {"claimcheck.extract.claims", "claimcheck.findings"} <= expected
    assert not {n for n in expected if n.endswith(".__init__")}
    for name in expected:
        assert importlib.util.find_spec(name) is not None, name


def test_an_extension_beside_a_source_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "claimcheck"
    (package / "extract").mkdir(parents=True)
    (package / "extract" / "claims.py").write_text("")
    (package / "extract" / f"claims{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (package / "model.py").write_text("")
    monkeypatch.setattr(native, "_PACKAGE", package)
    assert native.compiled_modules() == ["claimcheck.extract.claims"]
    assert native.describe() == "compiled with mypyc: 1 module"


def test_no_extension_is_pure_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "claimcheck").mkdir()
    (tmp_path / "claimcheck" / "model.py").write_text("")
    monkeypatch.setattr(native, "_PACKAGE", tmp_path / "claimcheck")
    assert native.compiled_modules() == []
    assert native.describe() == "pure Python"
