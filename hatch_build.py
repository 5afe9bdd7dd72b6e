"""Build hook: compile the extractor (and other hot modules) with mypyc.

hatchling runs this when it builds a wheel (``pip install .``, ``python -m
build``). The modules listed under ``compile`` in
``[tool.hatch.build.targets.wheel.hooks.custom]`` of ``pyproject.toml`` are
translated to C by mypyc (which ships with mypy) and built into extension
modules that sit beside their ``.py`` sources in the wheel; Python imports an
extension module in preference to the source of the same name. The code is
the same code: it is ``mypy --strict`` clean, and CI checks that a compiled
install extracts and checks byte for byte what the pure-Python one does
(``benchmarks/extract_identity.py``). ``claimcheck --version`` tells which
one is installed.

The wheel stays pure Python

* for editable installs (``pip install -e .``: the working tree is what runs),
* when ``CLAIMCHECK_PURE_PYTHON=1`` is set,
* when the compilation fails (no C compiler or no Python headers): a warning
  names the reason and the build goes on, unless ``CLAIMCHECK_REQUIRE_COMPILED=1``
  is set, which makes it an error (CI sets it, so that a broken compilation is
  seen rather than silently slower).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="claimcheck-compiled",
    ext_modules=mypycify({args!r}, opt_level="3", group_name="claimcheck"),
    script_args=["build_ext", "--build-lib", {lib!r}, "--build-temp", {tmp!r}],
)
"""


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the configured modules with mypyc into the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version != "standard":
            return
        if _flag("CLAIMCHECK_PURE_PYTHON"):
            self.app.display_info("claimcheck: CLAIMCHECK_PURE_PYTHON is set: pure-Python wheel")
            return
        sources = self._sources()
        self._work = Path(tempfile.mkdtemp(prefix="claimcheck-mypyc-"))
        try:
            built = self._compile(sources, self._work)
        except Exception as exc:
            shutil.rmtree(self._work, ignore_errors=True)
            message = f"claimcheck: mypyc compilation failed, building pure Python: {exc}"
            if _flag("CLAIMCHECK_REQUIRE_COMPILED"):
                raise RuntimeError(message) from exc
            self.app.display_warning(message)
            return
        for path, relative in built.items():
            build_data["force_include"][path] = relative
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self.app.display_info(f"claimcheck: compiled {len(sources)} modules with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    def _sources(self) -> list[str]:
        root = Path(self.root)
        include = self.config.get("compile", [])
        exclude = set(self.config.get("exclude", []))
        found = {path for pattern in include for path in root.glob(pattern)}
        return sorted(
            str(path)
            for path in found
            if path.suffix == ".py" and path.relative_to(root).as_posix() not in exclude
        )

    def _compile(self, sources: list[str], work: Path) -> dict[str, str]:
        if not sources:
            raise RuntimeError("no modules to compile")
        if not Path(sysconfig.get_paths()["include"], "Python.h").is_file():
            raise RuntimeError("Python.h not found (install the Python development headers)")
        lib, tmp = work / "lib", work / "tmp"
        args = [
            *sources,
            "--ignore-missing-imports",
            "--cache-dir",
            str(work / "mypy_cache"),
        ]
        setup = work / "setup.py"
        setup.write_text(_SETUP.format(args=args, lib=str(lib), tmp=str(tmp)), encoding="utf-8")
        process = subprocess.run(
            [sys.executable, str(setup)],
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        if process.returncode:
            tail = "\n".join(process.stdout.strip().splitlines()[-20:])
            raise RuntimeError(f"exit status {process.returncode}:\n{tail}")
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        built = {str(path): path.relative_to(lib).as_posix() for path in lib.rglob(f"*{suffix}")}
        expected = {
            Path(s).relative_to(self.root).with_suffix("").as_posix() + suffix for s in sources
        }
        missing = expected - set(built.values())
        if missing:
            raise RuntimeError(f"mypyc built no extension for {sorted(missing)}")
        return built
