"""Engine settings read from the rule packs.

Everything a check may tune comes from pack data, never from constants in
the checks: tolerances beyond rounding (``[tolerances]`` and per-rule
``[tolerances.CC201]`` overrides), severity overrides (``[severities]``),
verbal multipliers (``[multipliers]``), cumulative metrics
(``cumulative``), identities (``[[identities]]``) and the word lists of
``[words]``. Later packs override earlier ones key by key; lists are
merged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from claimcheck.findings import Severity
from claimcheck.rulepacks import RulePack, RulePackError, load_pack, parse_pack_file

__all__ = ["DEFAULT_PACKS", "EngineConfig", "Identity", "Tolerance", "load_config"]

DEFAULT_PACKS: tuple[str, ...] = ("trade", "general")
"""Packs every check run reads, in order."""


@attrs.frozen(slots=True)
class Tolerance:
    """Slack beyond rounding.

    ``relative``: on amounts, as a share of the stated value; ``absolute_percent_points``:
    on percentages (growth rates, shares); ``verbal_relative``: band around a verbal
    multiplier; ``verbal_hedged``: how far below a hedged multiplier ("almost
    doubled") still agrees; ``different_figure_ratio``: figures further apart than this
    factor describe different things (0 = never assume so); ``scale_slip_ratio``: from this
    factor on, one of the figures must be in the wrong scale (0 = only near powers of 1000).
    """

    relative: float = 0.0
    absolute_percent_points: float = 0.0
    verbal_relative: float = 0.0
    verbal_hedged: float = 0.0
    different_figure_ratio: float = 0.0
    scale_slip_ratio: float = 0.0

    def updated(self, values: Iterable[tuple[str, float]]) -> Tolerance:
        """A copy with ``values`` (name, number) replacing fields."""
        return attrs.evolve(self, **dict(values))


@attrs.frozen(slots=True)
class Identity:
    """``total = first + second`` or ``total = first - second`` from a pack.

    For a pair of countries seen from one of them, ``first`` is the flow out of
    that country (exports) and ``second`` the flow into it (imports).
    """

    name: str
    total: str
    first: str
    second: str
    op: str  # "+" or "-"


def _parse_identity(name: str, expr: str) -> Identity | None:
    left, _, right = expr.partition("=")
    for op in ("+", "-"):
        if op in right:
            first, _, second = right.partition(op)
            return Identity(name, left.strip(), first.strip(), second.strip(), op)
    return None


@attrs.frozen(slots=True)
class EngineConfig:
    """Merged pack settings for one check run."""

    tolerance: Tolerance
    rule_tolerances: Mapping[str, Tolerance]
    severities: Mapping[str, Severity]
    multipliers: tuple[tuple[str, float], ...]
    cumulative: frozenset[str]
    identities: tuple[Identity, ...]
    words: Mapping[str, tuple[str, ...]]
    packs: tuple[str, ...] = ()

    def tolerance_for(self, code: str) -> Tolerance:
        """The tolerance of rule ``code`` (its override, else the pack default)."""
        return self.rule_tolerances.get(code, self.tolerance)

    def word_list(self, name: str) -> tuple[str, ...]:
        """A ``[words]`` list (empty when no pack defines it)."""
        return self.words.get(name, ())

    @property
    def flow_metrics(self) -> frozenset[str]:
        """Metrics that name a directed flow of goods (the identities' right-hand sides)."""
        out: set[str] = set()
        for identity in self.identities:
            out.update((identity.first, identity.second))
        return frozenset(out)

    def identity(self, op: str) -> Identity | None:
        """The first identity with operator ``op``."""
        return next((i for i in self.identities if i.op == op), None)


def load_config(packs: Sequence[RulePack | str | Path] | None = None) -> EngineConfig:
    """Merge the default packs and ``packs`` (pack objects, pack names or TOML paths)."""
    loaded: list[RulePack] = [load_pack(name) for name in DEFAULT_PACKS]
    for pack in packs or ():
        if isinstance(pack, RulePack):
            loaded.append(pack)
        elif isinstance(pack, Path) or str(pack).endswith(".toml"):
            loaded.append(parse_pack_file(Path(pack)))
        else:
            loaded.append(load_pack(str(pack)))
    tolerance = Tolerance()
    overrides: dict[str, list[tuple[str, float]]] = {}
    severities: dict[str, Severity] = {}
    multipliers: dict[str, float] = {}
    cumulative: set[str] = set()
    identities: dict[str, Identity] = {}
    words: dict[str, list[str]] = {}
    for pack in loaded:
        tolerance = tolerance.updated(pack.tolerances)
        for code, values in pack.rule_tolerances:
            overrides.setdefault(code, []).extend(values)
        for code, level in pack.severities:
            if level not in ("error", "warning", "info"):
                raise RulePackError(pack.path, f"severities.{code}", "unknown severity")
            severities[code] = level  # type: ignore[assignment]
        multipliers.update(pack.multipliers)
        cumulative.update(pack.cumulative)
        for name, expr in pack.identities:
            identity = _parse_identity(name, expr)
            if identity is not None:
                identities[name] = identity
        for name, items in pack.words:
            merged = words.setdefault(name, [])
            merged.extend(item for item in items if item not in merged)
    return EngineConfig(
        tolerance=tolerance,
        rule_tolerances={code: tolerance.updated(v) for code, v in overrides.items()},
        severities=severities,
        multipliers=tuple(sorted(multipliers.items())),
        cumulative=frozenset(cumulative),
        identities=tuple(identities.values()),
        words={k: tuple(v) for k, v in words.items()},
        packs=tuple(p.name for p in loaded),
    )
