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

With GCC the C code is built twice, guided by a profile (profile-guided
optimisation): first instrumented (``-fprofile-generate``); that build then
extracts and checks a training set in a child process (:data:`_TRAIN`: the
bundled ``fixtures/`` and articles of ``benchmarks/gen_corpus.py``, a seed no
benchmark uses), which records how often each branch and call is taken; the
second build (``-fprofile-use``) lays the code out and inlines by those
counts. The code and its results are the same, only the machine code differs:
about 5-8% less CPU time for ``claimcheck check`` (docs/performance.md). It
doubles the build time (two C compilations and a training run of a few
seconds). ``CLAIMCHECK_PGO=0`` builds once, without a profile; so does a
compiler other than GCC, or a training run that fails (with a warning).
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
        "build_ext", "--build-lib", {lib!r}, "--build-temp", {tmp!r}, "--parallel", {jobs!r},
        *sys.argv[1:],
    ],
)
"""

_TRAIN = """\
import importlib.util, json, sys
from pathlib import Path

root = Path(sys.argv[1])
if importlib.import_module("claimcheck.extract.claims").__file__.endswith(".py"):
    sys.exit("the compiled modules were not imported")
from claimcheck.documents import documents_from_bytes, load_documents
from claimcheck.engine.packed import PackedClaims
from claimcheck.engine.runner import Plan, check_by_group
from claimcheck.extract import extract_document
from claimcheck.model import Document

documents = []
generator = root / "benchmarks" / "gen_corpus.py"
if generator.is_file():
    spec = importlib.util.spec_from_file_location("gen_corpus", generator)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines = "\\n".join(json.dumps(a) for a in module.generate(3000, seed=7, hot_share=0.2))
    documents += documents_from_bytes(lines.encode(), path="train.jsonl", suffix=".jsonl")
if (root / "fixtures").is_dir():
    documents += load_documents([str(root / "fixtures")])
documents = [d for d in documents if isinstance(d, Document)]
if not documents:
    sys.exit("no training documents (fixtures/ and benchmarks/gen_corpus.py are missing)")
loaded = []
for number, document in enumerate(documents):
    claims = extract_document(document)
    # a check holds most claims packed (claimcheck.commands.check): train both ways
    loaded.append((document, PackedClaims(claims) if number % 4 else claims))
plan = Plan.of()
check_by_group(plan, loaded, listed=False)  # the counting run (jsonl, sarif, github)
check_by_group(plan, loaded[:500], listed=True)  # a listing run (json, text)
"""
"""What the instrumented build runs (in its own process, from a tree of the sources and
the built extension modules): extraction and checks over the training set."""

_GCC_FLAGS = ("-fno-semantic-interposition",)
"""With GCC: a call between two functions of a module's C library is a direct call that
may be inlined, not a call through the procedure linkage table (nothing interposes them:
the modules find each other's functions through capsules). About 1.5% fewer
instructions for ``claimcheck check``."""

_PGO_GENERATE = ("-fprofile-generate",)
_PGO_USE = (
    "-fprofile-use",
    "-fprofile-correction",  # (counts of a run are exact; kept for safety)
    "-Wno-missing-profile",  # modules the training does not run
    "-Wno-error=coverage-mismatch",  # a function changed since: built without its profile
)


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


def _pgo() -> bool:
    """Whether to build guided by a profile (with GCC, whose profile files need no merging
    step): unless ``CLAIMCHECK_PGO=0``."""
    return os.environ.get("CLAIMCHECK_PGO", "").strip().lower() not in {"0", "false", "no", "off"}


def _gcc() -> bool:
    """Whether the C compiler is GCC."""
    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    try:
        version = subprocess.run(
            [*compiler.split()[:1], "--version"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            check=False,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "Free Software Foundation" in version and "clang" not in version.lower()


def _run(
    command: list[str], *, cwd: Path, env: dict[str, str], timeout: float | None
) -> subprocess.CompletedProcess[str]:
    """Run ``command``; its output (standard output and error together) as text."""
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=timeout,
    )


def _run_setup(setup: Path, work: Path, flags: tuple[str, ...], *options: str) -> None:
    """Run the mypyc build script (``options`` after its own) with ``flags`` added to the
    C compiler's and the linker's."""
    env = dict(os.environ)
    for name in ("CFLAGS", "LDFLAGS"):
        env[name] = " ".join([env.get(name, ""), *flags]).strip()
    process = _run(  # (no time limit: a compilation takes what it takes)
        [sys.executable, str(setup), *options], cwd=work, env=env, timeout=None
    )
    if process.returncode:
        tail = "\n".join(process.stdout.strip().splitlines()[-20:])
        raise RuntimeError(f"exit status {process.returncode}:\n{tail}")


def _train(root: Path, lib: Path, train: Path) -> str | None:
    """Run :data:`_TRAIN` on the instrumented build in ``lib`` (from a tree of the sources,
    the rule files and the extension modules in ``train``); the reason it failed, if so."""
    try:
        shutil.copytree(
            root / "claimcheck", train / "claimcheck", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copytree(root / "rules", train / "rules")
        shutil.copytree(lib, train, dirs_exist_ok=True)
    except OSError as exc:  # (a source tree without rules/, say)
        return f"no tree to train in ({exc})"
    # (after the tree, the build environment's own path: it holds attrs)
    path = os.pathsep.join(p for p in (str(train), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        process = _run([sys.executable, "-c", _TRAIN, str(root)], cwd=train, env=env, timeout=1200)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"the training run failed ({exc})"
    if process.returncode:
        tail = " | ".join(process.stdout.strip().splitlines()[-3:])
        return f"the training run failed (exit status {process.returncode}: {tail})"
    return None


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
        flags = _GCC_FLAGS if _gcc() else ()
        if not (flags and _pgo()):
            _run_setup(setup, work, flags)
        else:
            _run_setup(setup, work, (*flags, *_PGO_GENERATE))
            reason = _train(Path(self.root), lib, work / "train")
            shutil.rmtree(lib, ignore_errors=True)
            if reason is None:
                _run_setup(setup, work, (*flags, *_PGO_USE), "--force")
                self.app.display_info("claimcheck: C code built guided by a training run's profile")
            else:
                self.app.display_warning(f"claimcheck: no profile-guided build: {reason}")
                _run_setup(setup, work, flags, "--force")
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        built = {str(path): path.relative_to(lib).as_posix() for path in lib.rglob(f"*{suffix}")}
        expected = {
            Path(s).relative_to(self.root).with_suffix("").as_posix() + suffix for s in sources
        }
        missing = expected - set(built.values())
        if missing:
            raise RuntimeError(f"mypyc built no extension for {sorted(missing)}")
        return built
