"""Rule packs: TOML data files with the metric vocabulary, cue words and gazetteer.

Packs live in the top-level ``rules/`` folder of a source checkout and are
shipped in the wheel as ``claimcheck/_rules``; :func:`rules_dir` finds
whichever exists (the installed copy first). Every pack is validated when
read: a malformed pack raises :class:`RulePackError` naming the file, the
key path and what is wrong. Loaded packs are cached per process.

Packs:

* ``trade.toml`` and ``general.toml``: ``[metrics.<key>]`` vocabularies,
  plus data for the later rule engine (``identities``, ``tolerances``,
  ``multipliers``) and, in ``general``, the ``[cues]`` of claim kinds;
* ``entities.toml``: the country gazetteer.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

__all__ = [
    "CUE_NAMES",
    "METRIC_PACKS",
    "SEVERITY_NAMES",
    "TOLERANCE_NAMES",
    "EntityDef",
    "Gazetteer",
    "MetricDef",
    "RulePack",
    "RulePackError",
    "cues",
    "gazetteer",
    "load_pack",
    "metric_vocabulary",
    "read_toml",
    "rules_dir",
]

METRIC_PACKS: tuple[str, ...] = ("trade", "general")
"""Packs whose ``[metrics]`` make up the metric vocabulary, in priority order."""

TOLERANCE_NAMES: tuple[str, ...] = (
    "relative",
    "absolute_percent_points",
    "verbal_relative",
    "verbal_hedged",
    "different_figure_ratio",
    "scale_slip_ratio",
)
"""Keys of ``[tolerances]`` (and of per-rule ``[tolerances.CC101]`` overrides): ``relative``
slack on amounts, ``absolute_percent_points`` on percentages, ``verbal_relative`` the band
around a verbal multiplier ("doubled": 2 +- 10%), ``verbal_hedged`` how far below a hedged
multiplier ("almost doubled") still agrees, ``different_figure_ratio`` the factor beyond which
two figures are taken to describe different things (a commodity within a total) rather than
to contradict each other, ``scale_slip_ratio`` the factor from which a relation's figures are
so far apart that one of them must be printed in the wrong scale ("mln" for "bln")."""

SEVERITY_NAMES: tuple[str, ...] = ("error", "warning", "info")
"""Severities a ``[severities]`` table may give a rule code."""

_RULE_CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")
"""A rule code ("CC101") as used for per-rule ``[tolerances.<code>]`` and ``[severities]``."""

CUE_NAMES: tuple[str, ...] = (
    "increase",
    "decrease",
    "share",
    "target",
    "forecast",
    "milestone",
    "milestone_verbs",
    "record",
    "anaphora",
    "yoy",
    "mom",
    "qoq",
)
"""The cue lists ``general.toml`` must define under ``[cues]``."""


class RulePackError(ValueError):
    """A rule pack is missing or malformed."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path = str(path)
        self.key = key
        self.problem = problem
        where = f" at {key}" if key else ""
        super().__init__(f"{self.path}{where}: {problem}")


@attrs.frozen(slots=True)
class MetricDef:
    """One metric of the vocabulary (``[metrics.<key>]``)."""

    key: str
    label: str
    terms: tuple[str, ...]
    pack: str
    not_followed_by: tuple[str, ...] = ()
    directional: bool = False
    neutral: bool = False
    flow_of: str | None = None


@attrs.frozen(slots=True)
class EntityDef:
    """One gazetteer entry: a country, bloc or region."""

    name: str
    kind: Literal["country", "region"]
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    fiscal_year_start: int = 1
    """The month its (government) fiscal year starts in: 4 for India's April-March year."""


@attrs.frozen(slots=True)
class Gazetteer:
    """The entities pack: entries plus context word lists."""

    entities: tuple[EntityDef, ...]
    not_before: tuple[str, ...]
    world_terms: tuple[str, ...]


@attrs.frozen(slots=True)
class RulePack:
    """A metric pack as validated."""

    name: str
    path: str
    version: int
    description: str
    metrics: tuple[MetricDef, ...]
    identities: tuple[tuple[str, str], ...] = ()
    tolerances: tuple[tuple[str, float], ...] = ()
    multipliers: tuple[tuple[str, float], ...] = ()
    cues: tuple[tuple[str, tuple[str, ...]], ...] = ()
    cumulative: tuple[str, ...] = ()
    severities: tuple[tuple[str, str], ...] = ()
    rule_tolerances: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = ()
    words: tuple[tuple[str, tuple[str, ...]], ...] = ()


def rules_dir() -> Path:
    """Return the folder holding the rule packs.

    The wheel ships them as ``claimcheck/_rules``; a source checkout has them
    in the top-level ``rules/`` next to the package.
    """
    package = Path(__file__).resolve().parent
    installed = package / "_rules"
    if installed.is_dir():
        return installed
    checkout = package.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise RulePackError(
        installed, "", "no rule pack folder (looked for claimcheck/_rules and rules/)"
    )


# --- validation helpers --------------------------------------------------------------------


def _table(path: Path, key: str, value: object) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise RulePackError(path, key, f"expected a table, got {type(value).__name__}")
    return value


def _str(path: Path, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RulePackError(path, key, "expected a non-empty string")
    return value


def _int(path: Path, key: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise RulePackError(path, key, "expected an integer")
    return value


def _bool(path: Path, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise RulePackError(path, key, "expected true or false")
    return value


def _number(path: Path, key: str, value: object, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RulePackError(path, key, "expected a number")
    number = float(value)
    if number < 0 or (positive and number == 0):
        problem = "expected a positive number" if positive else "expected a number >= 0"
        raise RulePackError(path, key, problem)
    return number


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RulePackError(path, key, "expected a list of strings")
    out: list[str] = []
    for i, item in enumerate(value):
        out.append(_str(path, f"{key}[{i}]", item))
    return tuple(out)


def _keys(path: Path, key: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        where = f"{key}.{unknown[0]}" if key else unknown[0]
        raise RulePackError(path, where, f"unknown key (allowed: {', '.join(sorted(allowed))})")


_CACHE_FORMAT = 1
"""Bump when the cache layout changes (see :func:`read_toml`)."""


def read_toml(path: Path) -> dict[str, Any]:
    """``tomllib.load`` of ``path``, cached for the bundled packs as ``.pyc`` files are.

    Parsing TOML in pure Python takes a good part of a cold start. The parsed
    bundled packs are kept as JSON in ``__pycache__/<name>.json`` beside them,
    stamped with the TOML file's modification time and size: a stamp that differs
    means the file changed and is parsed again. Like ``.pyc`` files, the cache is
    not written when ``sys.dont_write_bytecode`` is set (PYTHONDONTWRITEBYTECODE),
    nor where the folder is read-only; packs outside the bundled folder are never
    cached. Raises what ``tomllib.load`` and ``open`` raise.
    """
    cache = _cache_path(path)
    if cache is None:
        return _parse(path)
    status = path.stat()
    stamp = [_CACHE_FORMAT, status.st_mtime_ns, status.st_size]
    try:
        with cache.open(encoding="utf-8") as handle:
            stored = json.load(handle)
        if isinstance(stored, dict) and stored.get("stamp") == stamp:
            data = stored.get("data")
            if isinstance(data, dict):
                return data
    except (OSError, ValueError):
        pass
    data = _parse(path)
    if not sys.dont_write_bytecode:
        _write_cache(cache, {"stamp": stamp, "data": data})
    return data


def _parse(path: Path) -> dict[str, Any]:
    # tomllib is imported only when a file is parsed: a cache hit needs no TOML parser.
    import tomllib

    with path.open("rb") as handle:
        return tomllib.load(handle)


def _cache_path(path: Path) -> Path | None:
    """Where the parsed form of a bundled pack is cached (``None`` for other files)."""
    try:
        folder = rules_dir()
    except RulePackError:
        return None
    resolved = path.resolve()
    if resolved.parent != folder or resolved.suffix != ".toml":
        return None
    return folder / "__pycache__" / f"{resolved.stem}.json"


def _write_cache(cache: Path, content: dict[str, Any]) -> None:
    """Write ``content`` atomically; a value JSON cannot hold (a date) or a folder that
    cannot be written leaves no cache, as a read-only folder leaves no ``.pyc``."""
    try:
        text = json.dumps(content, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    try:
        cache.parent.mkdir(exist_ok=True)
        temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(cache)
    except OSError:
        pass


def _read(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except FileNotFoundError:
        raise RulePackError(path, "", "rule pack file not found") from None
    except ValueError as error:  # tomllib.TOMLDecodeError, imported only when parsing
        if type(error).__name__ == "TOMLDecodeError":
            raise RulePackError(path, "", f"invalid TOML: {error}") from None
        raise


def _header(path: Path, data: Mapping[str, Any]) -> tuple[int, str]:
    if "pack" not in data:
        raise RulePackError(path, "pack", "missing [pack] table")
    pack = _table(path, "pack", data["pack"])
    _keys(path, "pack", pack, {"name", "version", "description"})
    name = _str(path, "pack.name", pack.get("name"))
    if name != path.stem:
        raise RulePackError(path, "pack.name", f"{name!r} does not match the file name")
    version = _int(path, "pack.version", pack.get("version"))
    description = _str(path, "pack.description", pack.get("description", name))
    return version, description


def _metric(path: Path, pack: str, key: str, value: object) -> MetricDef:
    where = f"metrics.{key}"
    table = _table(path, where, value)
    _keys(
        path,
        where,
        table,
        {"label", "terms", "not_followed_by", "directional", "neutral", "flow_of"},
    )
    terms = _strings(path, f"{where}.terms", table.get("terms"))
    if not terms:
        raise RulePackError(path, f"{where}.terms", "needs at least one term")
    neutral = _bool(path, f"{where}.neutral", table.get("neutral", False))
    flow_of = table.get("flow_of")
    if neutral and flow_of is None:
        raise RulePackError(path, f"{where}.flow_of", "a neutral metric needs flow_of")
    return MetricDef(
        key=key,
        label=_str(path, f"{where}.label", table.get("label", key)),
        terms=terms,
        pack=pack,
        not_followed_by=_strings(
            path, f"{where}.not_followed_by", table.get("not_followed_by", [])
        ),
        directional=_bool(path, f"{where}.directional", table.get("directional", False)),
        neutral=neutral,
        flow_of=None if flow_of is None else _str(path, f"{where}.flow_of", flow_of),
    )


def _parse_pack(path: Path, data: Mapping[str, Any]) -> RulePack:
    _keys(
        path,
        "",
        data,
        {
            "pack",
            "metrics",
            "identities",
            "tolerances",
            "multipliers",
            "cues",
            "cumulative",
            "severities",
            "words",
        },
    )
    version, description = _header(path, data)
    metrics_table = _table(path, "metrics", data.get("metrics", {}))
    metrics = tuple(_metric(path, path.stem, k, v) for k, v in metrics_table.items())
    keys = {m.key for m in metrics}
    for metric in metrics:
        if metric.flow_of is not None and metric.flow_of not in keys:
            raise RulePackError(
                path, f"metrics.{metric.key}.flow_of", f"unknown metric {metric.flow_of!r}"
            )
    identities: list[tuple[str, str]] = []
    raw_identities = data.get("identities", [])
    if not isinstance(raw_identities, list):
        raise RulePackError(path, "identities", "expected an array of tables [[identities]]")
    for i, item in enumerate(raw_identities):
        where = f"identities[{i}]"
        table = _table(path, where, item)
        _keys(path, where, table, {"name", "expr", "note"})
        expr = _str(path, f"{where}.expr", table.get("expr"))
        _check_identity(path, f"{where}.expr", expr, keys)
        if "note" in table:
            _str(path, f"{where}.note", table["note"])
        identities.append((_str(path, f"{where}.name", table.get("name")), expr))
    tolerances_table = _table(path, "tolerances", data.get("tolerances", {}))
    rule_codes = {k for k in tolerances_table if _RULE_CODE.fullmatch(k)}
    _keys(path, "tolerances", tolerances_table, set(TOLERANCE_NAMES) | rule_codes)
    tolerances = tuple(
        (k, _number(path, f"tolerances.{k}", v))
        for k, v in tolerances_table.items()
        if k not in rule_codes
    )
    rule_tolerances = tuple(
        (code, _rule_tolerances(path, code, tolerances_table[code])) for code in sorted(rule_codes)
    )
    cumulative = _strings(path, "cumulative", data.get("cumulative", []))
    for i, name in enumerate(cumulative):
        if name not in keys:
            raise RulePackError(path, f"cumulative[{i}]", f"unknown metric {name!r}")
    severities_table = _table(path, "severities", data.get("severities", {}))
    severities: list[tuple[str, str]] = []
    for code, level in severities_table.items():
        if not _RULE_CODE.fullmatch(code):
            raise RulePackError(path, f"severities.{code}", "expected a rule code like CC101")
        if level not in SEVERITY_NAMES:
            raise RulePackError(
                path, f"severities.{code}", f"expected one of {', '.join(SEVERITY_NAMES)}"
            )
        severities.append((code, level))
    words_table = _table(path, "words", data.get("words", {}))
    words = tuple((k, _strings(path, f"words.{k}", v)) for k, v in words_table.items())
    multipliers_table = _table(path, "multipliers", data.get("multipliers", {}))
    multipliers = tuple(
        (k, _number(path, f"multipliers.{k}", v, positive=True))
        for k, v in multipliers_table.items()
    )
    cues_out: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if "cues" in data:
        cues_table = _table(path, "cues", data["cues"])
        _keys(path, "cues", cues_table, set(CUE_NAMES))
        cues_out = tuple((k, _strings(path, f"cues.{k}", v)) for k, v in cues_table.items())
    return RulePack(
        name=path.stem,
        path=str(path),
        version=version,
        description=description,
        metrics=metrics,
        identities=tuple(identities),
        tolerances=tolerances,
        multipliers=multipliers,
        cues=cues_out,
        cumulative=cumulative,
        severities=tuple(severities),
        rule_tolerances=rule_tolerances,
        words=words,
    )


def _rule_tolerances(path: Path, code: str, value: object) -> tuple[tuple[str, float], ...]:
    where = f"tolerances.{code}"
    table = _table(path, where, value)
    _keys(path, where, table, set(TOLERANCE_NAMES))
    return tuple((k, _number(path, f"{where}.{k}", v)) for k, v in table.items())


def _check_identity(path: Path, key: str, expr: str, metrics: set[str]) -> None:
    left, sep, right = expr.partition("=")
    if not sep:
        raise RulePackError(path, key, "expected '<metric> = <metric> +/- <metric> ...'")
    names = [left.strip(), *right.replace("-", "+").split("+")]
    for name in (n.strip() for n in names):
        if name not in metrics:
            raise RulePackError(path, key, f"unknown metric {name!r} in identity")


def parse_pack_file(path: Path) -> RulePack:
    """Read and validate one metric pack file (uncached)."""
    return _parse_pack(path, _read(path))


@functools.cache
def load_pack(name: str) -> RulePack:
    """Return the validated metric pack ``rules/<name>.toml`` (cached)."""
    return parse_pack_file(rules_dir() / f"{name}.toml")


@functools.cache
def metric_vocabulary() -> tuple[MetricDef, ...]:
    """All metrics of the metric packs, in pack priority order; keys are unique."""
    seen: dict[str, str] = {}
    out: list[MetricDef] = []
    for name in METRIC_PACKS:
        pack = load_pack(name)
        for metric in pack.metrics:
            if metric.key in seen:
                raise RulePackError(
                    pack.path,
                    f"metrics.{metric.key}",
                    f"metric already defined in pack {seen[metric.key]!r}",
                )
            seen[metric.key] = pack.name
            out.append(metric)
    return tuple(out)


@functools.cache
def cues() -> Mapping[str, tuple[str, ...]]:
    """The cue lists of ``general.toml`` by name; every name of :data:`CUE_NAMES` is present."""
    pack = load_pack("general")
    table = dict(pack.cues)
    for name in CUE_NAMES:
        if name not in table:
            raise RulePackError(pack.path, f"cues.{name}", "missing cue list")
    return table


def _month_number(path: Path, where: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise RulePackError(path, where, "expected a month number 1-12")
    return value


def parse_gazetteer_file(path: Path) -> Gazetteer:
    """Read and validate a gazetteer file (uncached)."""
    data = _read(path)
    _keys(path, "", data, {"pack", "context", "entities"})
    _header(path, data)
    context = _table(path, "context", data.get("context", {}))
    _keys(path, "context", context, {"not_before", "world_terms"})
    table = _table(path, "entities", data.get("entities"))
    if not table:
        raise RulePackError(path, "entities", "no entities")
    entries: list[EntityDef] = []
    owner: dict[str, str] = {}
    for name, raw in table.items():
        where = f'entities."{name}"'
        entry = _table(path, where, raw)
        _keys(path, where, entry, {"kind", "demonyms", "aliases", "capitals", "fiscal_year_start"})
        kind = entry.get("kind")
        if kind not in ("country", "region"):
            raise RulePackError(path, f"{where}.kind", "expected 'country' or 'region'")
        entity = EntityDef(
            name=name,
            kind=kind,
            demonyms=_strings(path, f"{where}.demonyms", entry.get("demonyms", [])),
            aliases=_strings(path, f"{where}.aliases", entry.get("aliases", [])),
            capitals=_strings(path, f"{where}.capitals", entry.get("capitals", [])),
            fiscal_year_start=_month_number(
                path, f"{where}.fiscal_year_start", entry.get("fiscal_year_start", 1)
            ),
        )
        for form in (name, *entity.demonyms, *entity.aliases, *entity.capitals):
            if form in owner and owner[form] != name:
                raise RulePackError(path, where, f"{form!r} also names {owner[form]!r}")
            owner[form] = name
        entries.append(entity)
    return Gazetteer(
        entities=tuple(entries),
        not_before=_strings(path, "context.not_before", context.get("not_before", [])),
        world_terms=_strings(path, "context.world_terms", context.get("world_terms", [])),
    )


@functools.cache
def gazetteer() -> Gazetteer:
    """The validated gazetteer ``rules/entities.toml`` (cached)."""
    return parse_gazetteer_file(rules_dir() / "entities.toml")
