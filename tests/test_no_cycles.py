"""Checking makes no reference cycles: the run frees its objects by reference counting.

A corpus check pauses the cyclic collector and collects the young generation after
each relation group (:mod:`claimcheck.collector`); what that pass walks grows with the
garbage cycles the rules leave behind. Compiled by mypyc, a function nested in another
and the environment holding the outer function's locals refer to each other, so every
call of the outer function left a cycle: on the synthetic 100k corpus, two nested
helpers (in CC401 and CC201) left about 650,000 cyclic objects, and the passes freeing
them took 2.4 s of a 75 s check, growing faster than the corpus.
"""

from __future__ import annotations

import ast
import gc
import tomllib
from pathlib import Path
from typing import Any

from claimcheck.documents import load_documents
from claimcheck.engine import runner
from claimcheck.findings import Finding
from claimcheck.model import Document

ROOT = Path(__file__).resolve().parents[1]


def _compiled_sources(hatch_build: Any) -> list[Path]:
    """The modules the wheel compiles with mypyc (``hatch_build.compile_groups``)."""
    with (ROOT / "pyproject.toml").open("rb") as stream:
        config: dict[str, Any] = tomllib.load(stream)["tool"]["hatch"]["build"]["targets"]
    groups = hatch_build.compile_groups(ROOT, config["wheel"]["hooks"]["custom"])
    return [Path(source) for sources, _ in groups for source in sources]


def _nested_functions(tree: ast.AST) -> list[tuple[str, str, int]]:
    """``(outer, inner, line)`` of every ``def`` inside a function's body."""
    found: list[tuple[str, str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if inner is not node and isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
                    found.append((node.name, inner.name, inner.lineno))
    return found


def test_nested_functions_are_found() -> None:
    tree = ast.parse("def f():\n    def g():\n        pass\n    return g\ndef h():\n    return 1\n")
    assert _nested_functions(tree) == [("f", "g", 2)]


def test_compiled_modules_nest_no_function(hatch_build: Any) -> None:
    sources = _compiled_sources(hatch_build)
    assert len(sources) > 40
    nested = [
        f"{path.relative_to(ROOT)}:{line}: {inner} nested in {outer}"
        for path in sources
        for outer, inner, line in _nested_functions(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert nested == [], (
        "mypyc compiles a nested function into a reference cycle with its environment: "
        "use a module-level function (and functools.partial or a lambda to bind values)"
    )


def test_a_check_of_the_fixtures_leaves_no_garbage_cycles() -> None:
    documents = [d for d in load_documents([ROOT / "fixtures"]) if isinstance(d, Document)]
    loaded = runner.prepare(documents)
    plan = runner.Plan.of()
    groups = runner.relation_groups([(d.id, cs) for d, cs in loaded], plan.config)
    assert len(groups) > 1
    gc.collect()
    gc.disable()
    try:
        for listed in (True, False):
            # iter_group, not check_by_group, which collects the young generation itself
            results = [
                r
                for g in groups
                for r in runner.iter_group(plan, [loaded[i] for i in g], listed=listed)
            ]
            assert any(isinstance(r, Finding) for r in results)
            del results
            assert gc.collect() == 0
    finally:
        gc.enable()
