"""claimcheck.native: which modules run compiled (mypyc) in an installation."""

from __future__ import annotations

import importlib.util
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from claimcheck import native


def test_each_compiled_module_is_what_python_imports() -> None:
    for name in native.compiled_modules():
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None
        assert spec.origin.endswith(tuple(EXTENSION_SUFFIXES)), name


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
