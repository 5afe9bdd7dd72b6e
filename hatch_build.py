"""Build hook: compile the extractor and the rule engine with mypyc.

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

``compile`` is either a list of glob patterns (one mypyc group) or a table of
groups (``compile.<name> = [patterns]``): each group becomes one C library
(named after the group) and the groups are compiled by parallel C compiler
processes (one per group, at most one per CPU), so that the build takes about
as long as its largest group. Modules of different groups still import and
call each other.

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
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="claimcheck-compiled",
    ext_modules=mypycify({args!r}, opt_level="3", separate={groups!r}),
    script_args=[
        "build_ext", "--build-lib", {lib!r}, "--build-temp", {tmp!r}, "--parallel", {jobs!r}
    ],
)
"""


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def compile_groups(root: Path, config: Mapping[str, Any]) -> list[tuple[list[str], str]]:
    """``(sources, group name)`` of each configured group that has modules to compile.

    ``config["compile"]``: a list of glob patterns (one group, ``claimcheck``) or a table
    ``{group name: patterns}``; ``config["exclude"]``: paths never compiled.
    """
    compile_ = config.get("compile", [])
    named = compile_ if isinstance(compile_, Mapping) else {"claimcheck": compile_}
    exclude = set(config.get("exclude", []))
    out = []
    for name, patterns in named.items():
        found = {path for pattern in patterns for path in root.glob(pattern)}
        sources = sorted(
            str(path)
            for path in found
            if path.suffix == ".py" and path.relative_to(root).as_posix() not in exclude
        )
        if sources:
            out.append((sources, str(name)))
    return out


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the configured modules with mypyc into the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version != "standard":
            return
        if _flag("CLAIMCHECK_PURE_PYTHON"):
            self.app.display_info("claimcheck: CLAIMCHECK_PURE_PYTHON is set: pure-Python wheel")
            return
        groups = compile_groups(Path(self.root), self.config)
        sources = sorted(source for group, _ in groups for source in group)
        self._work = Path(tempfile.mkdtemp(prefix="claimcheck-mypyc-"))
        try:
            built = self._compile(groups, self._work)
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
        self.app.display_info(
            f"claimcheck: compiled {len(sources)} modules in {len(groups)} groups with mypyc"
        )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    def _compile(self, groups: list[tuple[list[str], str]], work: Path) -> dict[str, str]:
        sources = sorted(source for group, _ in groups for source in group)
        if not sources:
            raise RuntimeError("no modules to compile")
        if len(set(sources)) != len(sources):
            raise RuntimeError("a module is listed in two compile groups")
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
        jobs = str(max(1, min(len(groups), os.cpu_count() or 1)))
        setup.write_text(
            _SETUP.format(args=args, groups=groups, lib=str(lib), tmp=str(tmp), jobs=jobs),
            encoding="utf-8",
        )
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
