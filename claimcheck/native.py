"""Which of claimcheck's modules run compiled (mypyc) in this installation.

A wheel built by ``hatch_build.py`` carries, beside the ``.py`` source of each
hot module, an extension module of the same name compiled by mypyc; Python
imports the extension first. Editable installs, ``CLAIMCHECK_PURE_PYTHON=1``
builds and machines without a C compiler run the same modules as pure Python.
``claimcheck --version`` and the benchmarks report which is in use.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

__all__ = ["compiled_modules", "describe"]

_PACKAGE = Path(__file__).resolve().parent


def compiled_modules() -> list[str]:
    """Dotted names of the modules that import from a compiled extension, sorted."""
    names = []
    for path in _PACKAGE.rglob("*"):
        suffix = next((s for s in EXTENSION_SUFFIXES if path.name.endswith(s)), None)
        if suffix is None:
            continue
        parts = path.relative_to(_PACKAGE).parts
        names.append(".".join(("claimcheck", *parts[:-1], path.name[: -len(suffix)])))
    return sorted(names)


def describe() -> str:
    """One line for ``--version`` and benchmark results: compiled or pure Python."""
    count = len(compiled_modules())
    if count:
        return f"compiled with mypyc: {count} module{'s' if count != 1 else ''}"
    return "pure Python"
