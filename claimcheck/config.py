"""Project configuration of ``claimcheck check``: ``claimcheck.toml`` or ``[tool.claimcheck]``.

Discovery (:func:`discover`): starting in the working directory and going up
to the filesystem root, the first directory that has either

* a ``claimcheck.toml`` (settings at its top level), or
* a ``pyproject.toml`` with a ``[tool.claimcheck]`` table

holds the configuration; nothing further up is read (the nearest wins, and
files are never merged). When one directory has both, ``claimcheck.toml``
wins. A ``pyproject.toml`` without ``[tool.claimcheck]`` is passed over.
``--config FILE`` names the file instead (a ``pyproject.toml`` then must have
the table); ``--no-config`` reads none.

Keys (:data:`KEYS`; anything else is an error naming the key and the file)::

    select = ["CC1", "CC201"]        # rule codes or prefixes (as --select)
    ignore = ["CC603"]               # (as --ignore)
    fail-on = "warning"              # error | warning | info | never (as --fail-on)
    format = "text"                  # an output format (as --format)
    rules = ["packs/steel.toml"]     # extra rule packs (as --rules)
    reference = ["data/official.csv"]  # reference tables (as --reference)
    default-reference = false        # (as --no-default-reference)
    against = ["corpus/"]            # earlier reporting to compare with (as --against)
    baseline = "claimcheck-baseline.json"  # known findings to leave out (as --baseline)
    max-size = "10 MB"               # skip larger inputs: bytes or "N KB/MB/GB" (as --max-size)
    strict = true                    # skipped inputs exit 2 (as --strict)

    [severity]                       # per-rule severity overrides
    CC501 = "error"

    [tolerances]                     # slack beyond rounding, as in rule packs
    relative = 0.02
    [tolerances.CC201]
    absolute_percent_points = 0.5

(in ``pyproject.toml`` the tables are ``[tool.claimcheck.severity]`` and so
on). Paths are relative to the directory of the configuration file. A
command-line option replaces the configuration value of the same name
(``--rules`` replaces ``rules``, ``--select`` replaces ``select``).
``severity`` and ``tolerances`` become an in-memory rule pack
(:meth:`Config.pack`) read after the configured packs and before packs
given with ``--rules``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from claimcheck.findings import SEVERITIES
from claimcheck.rulepacks import TOLERANCE_NAMES, RulePack

__all__ = [
    "CONFIG_NAME",
    "FAIL_ON",
    "KEYS",
    "PYPROJECT_NAME",
    "Config",
    "ConfigError",
    "discover",
    "find_config",
    "load_config_file",
]

CONFIG_NAME = "claimcheck.toml"
PYPROJECT_NAME = "pyproject.toml"

FAIL_ON: tuple[str, ...] = (*SEVERITIES, "never")
"""Values of ``fail-on`` / ``--fail-on``."""

KEYS: tuple[str, ...] = (
    "against",
    "baseline",
    "default-reference",
    "fail-on",
    "format",
    "ignore",
    "max-size",
    "reference",
    "rules",
    "select",
    "severity",
    "strict",
    "tolerances",
)
"""Every key the configuration may set."""

_RULE_CODE = re.compile(r"[A-Z]{1,4}[0-9]{3}")


class ConfigError(ValueError):
    """A configuration file is unreadable, or has an unknown key or a wrong value."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@attrs.frozen(slots=True)
class Config:
    """The settings of one configuration file; ``None`` (or empty) where a key is unset."""

    path: Path
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    format: str | None = None
    rules: tuple[Path, ...] | None = None
    reference: tuple[Path, ...] | None = None
    default_reference: bool | None = None
    against: tuple[Path, ...] | None = None
    baseline: Path | None = None
    max_size: int | None = None
    strict: bool | None = None
    severity: tuple[tuple[str, str], ...] = ()
    tolerances: tuple[tuple[str, float], ...] = ()
    rule_tolerances: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = ()

    def pack(self) -> RulePack | None:
        """``severity`` and ``tolerances`` as an in-memory rule pack (``None`` if neither)."""
        if not (self.severity or self.tolerances or self.rule_tolerances):
            return None
        return RulePack(
            name="config",
            path=str(self.path),
            version=1,
            description=f"settings of {self.path}",
            metrics=(),
            tolerances=self.tolerances,
            severities=self.severity,
            rule_tolerances=self.rule_tolerances,
        )


def find_config(start: Path) -> Path | None:
    """The nearest ``claimcheck.toml`` or ``pyproject.toml`` with ``[tool.claimcheck]``."""
    directory = start.resolve()
    for folder in (directory, *directory.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT_NAME
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def discover(start: Path | None = None) -> Config | None:
    """Load the configuration that applies in ``start`` (the working directory by default)."""
    found = find_config(Path.cwd() if start is None else start)
    return None if found is None else load_config_file(found)


def load_config_file(path: Path) -> Config:
    """Read and validate one configuration file (:class:`ConfigError` when it is wrong)."""
    data = _read(path)
    if path.name == PYPROJECT_NAME:
        tool = data.get("tool")
        table = tool.get("claimcheck") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(path, "no [tool.claimcheck] table")
        prefix = "tool.claimcheck."
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise ConfigError(path, f"'{prefix.rstrip('.')}' must be a table")
    return _parse(path, table, prefix)


# --- reading and validation ---------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(path, "configuration file not found") from None
    except OSError as exc:
        raise ConfigError(path, (exc.strerror or str(exc)).lower()) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}") from None


def _has_tool_table(path: Path) -> bool:
    """Whether ``path`` has ``[tool.claimcheck]`` (a malformed file is an error)."""
    tool = _read(path).get("tool")
    return isinstance(tool, dict) and "claimcheck" in tool


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    names |= {list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(
            path, f"'{key}' must be an array of non-empty strings (got {_type_name(value)})"
        )
    return tuple(value)


def _choice(path: Path, key: str, value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        got = repr(value) if isinstance(value, str) else _type_name(value)
        raise ConfigError(path, f"'{key}' must be one of {', '.join(choices)} (got {got})")
    return value


def _relative(base: Path, value: str) -> Path:
    """``value`` relative to ``base``, expressed relative to the working directory if inside."""
    target = Path(os.path.normpath(base / Path(value).expanduser()))
    try:
        return target.relative_to(Path.cwd())
    except ValueError:
        return target


def _paths(path: Path, key: str, value: object, *, must_exist: bool = True) -> tuple[Path, ...]:
    out: list[Path] = []
    for i, item in enumerate(_strings(path, key, value)):
        resolved = _relative(path.resolve().parent, item)
        if must_exist and not resolved.exists():
            raise ConfigError(path, f"'{key}[{i}]': no such file or directory: {resolved}")
        out.append(resolved)
    return tuple(out)


def _rule_codes() -> frozenset[str]:
    from claimcheck.engine.registry import all_rules

    return frozenset(rule.code for rule in all_rules())


def _rule_code(path: Path, key: str, code: str) -> str:
    if not _RULE_CODE.fullmatch(code):
        raise ConfigError(path, f"'{key}': expected a rule code such as CC101")
    if code not in _rule_codes():
        raise ConfigError(path, f"'{key}': no rule {code!r} (see claimcheck rules)")
    return code


def _number(path: Path, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        got = repr(value) if isinstance(value, int | float) else _type_name(value)
        raise ConfigError(path, f"'{key}' must be a number >= 0 (got {got})")
    return float(value)


def _size(path: Path, key: str, value: object) -> int:
    """A size in bytes: a positive integer or a string such as ``"10 MB"``."""
    from claimcheck.documents import parse_size

    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise ConfigError(path, f"'{key}' must be at least 1 byte (got {value})")
        return value
    if not isinstance(value, str):
        raise ConfigError(
            path, f"'{key}' must be bytes or a string such as \"10 MB\" (got {_type_name(value)})"
        )
    try:
        return parse_size(value)
    except ValueError as exc:
        raise ConfigError(path, f"'{key}': {exc}") from None


def _table(path: Path, key: str, value: object) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(path, f"'{key}' must be a table (got {_type_name(value)})")
    return value


def _tolerance_values(
    path: Path, key: str, table: Mapping[str, Any]
) -> tuple[tuple[str, float], ...]:
    out: list[tuple[str, float]] = []
    for name, value in table.items():
        if name not in TOLERANCE_NAMES:
            raise ConfigError(
                path,
                f"unknown key '{key}.{name}' (allowed: {', '.join(TOLERANCE_NAMES)} "
                "or a rule code)",
            )
        out.append((name, _number(path, f"{key}.{name}", value)))
    return tuple(out)


def _parse(path: Path, table: Mapping[str, Any], prefix: str) -> Config:
    for key in table:
        if key not in KEYS:
            raise ConfigError(path, f"unknown key '{prefix}{key}' (allowed: {', '.join(KEYS)})")
    values: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in table:
            codes = tuple(c.strip().upper() for c in _strings(path, prefix + key, table[key]))
            known = _rule_codes()
            for i, code in enumerate(codes):
                if code != "ALL" and not any(k.startswith(code) for k in known):
                    raise ConfigError(
                        path,
                        f"'{prefix}{key}[{i}]': no rule matches {code!r} (see claimcheck rules)",
                    )
            values[key] = codes
    if "fail-on" in table:
        values["fail_on"] = _choice(path, f"{prefix}fail-on", table["fail-on"], FAIL_ON)
    if "format" in table:
        from claimcheck.report.check_writers import CHECK_FORMATS

        values["format"] = _choice(path, f"{prefix}format", table["format"], CHECK_FORMATS)
    for key in ("rules", "reference", "against"):
        if key in table:
            values[key] = _paths(path, prefix + key, table[key])
    if "default-reference" in table:
        value = table["default-reference"]
        if not isinstance(value, bool):
            raise ConfigError(
                path, f"'{prefix}default-reference' must be true or false (got {_type_name(value)})"
            )
        values["default_reference"] = value
    if "max-size" in table:
        values["max_size"] = _size(path, f"{prefix}max-size", table["max-size"])
    if "strict" in table:
        value = table["strict"]
        if not isinstance(value, bool):
            raise ConfigError(
                path, f"'{prefix}strict' must be true or false (got {_type_name(value)})"
            )
        values["strict"] = value
    if "baseline" in table:
        value = table["baseline"]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                path, f"'{prefix}baseline' must be a non-empty string (got {_type_name(value)})"
            )
        values["baseline"] = _relative(path.resolve().parent, value)
    if "severity" in table:
        severity = _table(path, f"{prefix}severity", table["severity"])
        values["severity"] = tuple(
            (
                _rule_code(path, f"{prefix}severity.{code}", code),
                _choice(path, f"{prefix}severity.{code}", level, SEVERITIES),
            )
            for code, level in severity.items()
        )
    if "tolerances" in table:
        key = f"{prefix}tolerances"
        tolerances = _table(path, key, table["tolerances"])
        general = {k: v for k, v in tolerances.items() if not _RULE_CODE.fullmatch(k)}
        values["tolerances"] = _tolerance_values(path, key, general)
        values["rule_tolerances"] = tuple(
            (
                _rule_code(path, f"{key}.{code}", code),
                _tolerance_values(
                    path, f"{key}.{code}", _table(path, f"{key}.{code}", tolerances[code])
                ),
            )
            for code in sorted(set(tolerances) - set(general))
        )
    return Config(path=path, **values)
