"""The rule registry: every check is a :class:`Rule` subclass registered by code.

A rule has a stable ``code`` (``CC101``), a ``name`` (``parts-sum``), a
default ``severity`` and a docstring that is its user documentation (what it
checks, why, a failing and a passing example). Rules live one per module in
:mod:`claimcheck.checks`; importing that package registers them.
:func:`select_rules` picks rules by code or code prefix, like ruff's
``--select``/``--ignore``; :func:`render_rule_docs` renders ``docs/rules.md``.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from claimcheck.engine._mypyc import mypyc_attr
from claimcheck.findings import Severity, Verdict

if TYPE_CHECKING:
    from claimcheck.engine.context import Context

__all__ = [
    "Rule",
    "RuleSelectionError",
    "all_rules",
    "register",
    "render_rule_docs",
    "select_rules",
]


@mypyc_attr(allow_interpreted_subclasses=True)  # plug-in rules are Python classes
class Rule:
    """Base class of the checks: set ``code``, ``name``, ``severity``; implement :meth:`run`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = "error"

    def run(self, ctx: Context) -> Iterable[Verdict]:
        """Yield findings, verified checks and checks that could not run (the built-in
        rules give a :class:`~claimcheck.findings.Tally` for a verified check when the
        context asks for it: :attr:`~claimcheck.engine.context.Context.tally`)."""
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation (its docstring, dedented).

        A class compiled by mypyc has no ``__doc__``: its docstring is then read from the
        module's ``.py`` source, which the wheel ships beside the extension module.
        """
        return inspect.cleandoc(_docstring(cls))

    @classmethod
    def summary(cls) -> str:
        """The first line of the documentation."""
        return cls.doc().split("\n", 1)[0]


def _docstring(cls: type) -> str:
    """``cls.__doc__``, or for a class compiled by mypyc, its docstring in the source."""
    module: str = getattr(cls, "__module__", "")
    origin = getattr(sys.modules.get(module), "__file__", None) or ""
    if origin and not origin.endswith((".py", ".pyc")):  # an extension module
        return _source_docstring(module, getattr(cls, "__qualname__", ""))
    text = vars(cls).get("__doc__")
    return text if isinstance(text, str) else ""


@functools.cache
def _source_docstring(module: str, qualname: str) -> str:
    """The docstring of class ``qualname`` in the source file of ``module`` ("" if none)."""
    loaded = sys.modules.get(module)
    origin = getattr(loaded, "__file__", None)
    if not origin:
        return ""
    path = Path(origin)
    source = path.with_name(path.name.split(".", 1)[0] + ".py")
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return ""
    body: list[ast.stmt] = tree.body
    node: ast.ClassDef | None = None
    for name in qualname.split("."):
        node = next((n for n in body if isinstance(n, ast.ClassDef) and n.name == name), None)
        if node is None:
            return ""
        body = node.body
    return "" if node is None else ast.get_docstring(node, clean=False) or ""


_RULES: dict[str, type[Rule]] = {}

R = TypeVar("R", bound=type[Rule])


def register(rule: R) -> R:
    """Class decorator adding ``rule`` to the registry (codes must be unique)."""
    if not rule.code or not rule.name:
        raise ValueError(f"{rule.__name__} needs a code and a name")
    existing = _RULES.get(rule.code)
    if existing is not None and existing is not rule:
        raise ValueError(f"rule code {rule.code} used twice ({existing.__name__}, {rule.__name__})")
    _RULES[rule.code] = rule
    return rule


def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule, in code order."""
    import claimcheck.checks  # noqa: F401  (registers the rules)

    return tuple(_RULES[code] for code in sorted(_RULES))


class RuleSelectionError(ValueError):
    """``--select``/``--ignore`` named no known rule."""


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def select_rules(
    select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
) -> tuple[type[Rule], ...]:
    """Rules whose code starts with a ``select`` prefix (all when ``None``), minus ``ignore``.

    Codes and prefixes are case-insensitive; ``ALL`` matches every rule. A
    pattern that matches no rule raises :class:`RuleSelectionError`.
    """
    rules = all_rules()
    codes = [r.code for r in rules]
    chosen_select = [p.strip().upper() for p in select] if select is not None else None
    chosen_ignore = [p.strip().upper() for p in ignore or ()]
    for pattern in [*(chosen_select or ()), *chosen_ignore]:
        if not pattern or not any(_matches(c, [pattern]) for c in codes):
            raise RuleSelectionError(f"no rule matches {pattern!r} (rules: {', '.join(codes)})")
    out = []
    for rule in rules:
        if chosen_select is not None and not _matches(rule.code, chosen_select):
            continue
        if _matches(rule.code, chosen_ignore):
            continue
        out.append(rule)
    return tuple(out)


def render_rule_docs() -> str:
    """``docs/rules.md``: one section per rule, generated from the docstrings."""
    lines = [
        "# Rules",
        "",
        "<!-- Generated by claimcheck.engine.registry.render_rule_docs(); do not edit. -->",
        "",
        "Every check has a stable code, a name and a default severity. Select or ignore",
        'rules by code or prefix (`select=["CC1"]`, `ignore=["CC501"]`). Tolerances beyond',
        "rounding and severity overrides come from the rule packs (`[tolerances]`,",
        "`[tolerances.<CODE>]`, `[severities]`).",
        "",
        "Every comparison uses the rounding interval of each printed figure, widened by its",
        'hedge ("about", "over", "almost"). A relation that holds within rounding is',
        "recorded as *verified*. A gap beyond rounding but within the pack tolerance (typical",
        "of data revisions) is a finding one step milder than the rule's severity (an error",
        "rule gives a warning); a larger gap gets the rule's severity. A check that cannot run",
        "(no period, an unresolved date, no figure to compare with) is listed as *not checked*",
        "and never counted as a pass.",
        "",
        "From Python:",
        "",
        "```python",
        "from claimcheck.engine import check",
        "",
        "report = check(documents, against=(), select=None, ignore=None, packs=None,",
        '               reference="rules/reference/china_russia_customs.csv")',
        "report.findings, report.verified, report.not_checked  # frozen records",
        'report.to_dict()  # {"schema": 1, "findings", "verified", "not_checked", "summary"}',
        "```",
        "",
        "`documents` are `Document`s (extracted on the fly) or `(Document, claims)` pairs.",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    rules = all_rules()
    for rule in rules:
        lines.append(f"| {rule.code} | {rule.name} | {rule.severity} | {rule.summary()} |")
    for rule in rules:
        lines += ["", f"## {rule.code} {rule.name}", "", f"Default severity: **{rule.severity}**."]
        lines += ["", rule.doc()]
    return "\n".join(lines) + "\n"
