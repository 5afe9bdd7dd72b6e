"""Baselines: known findings recorded by fingerprint, so that a run reports only new ones.

``claimcheck check ... --write-baseline FILE`` records every current finding;
``--baseline FILE`` then leaves out the findings the file records. Findings
are matched by :attr:`claimcheck.findings.Finding.fingerprint`, a hash of the
rule code, the normalised texts of the claims cited and their document ids —
not of offsets, so editing elsewhere in an article keeps its findings
matched. A fingerprint recorded *n* times absorbs at most *n* findings (a
second copy of a known error is new).

The file is JSON, written deterministically (sorted, two-space indent, one
trailing newline)::

    {
      "schema": 1,
      "tool": "claimcheck",
      "version": "0.1.0",
      "findings": [
        {"fingerprint": "0c1d...", "rule": "CC101", "message": "...", "documents": ["a.md"]}
      ]
    }

Only ``schema`` and each entry's ``fingerprint`` are used when reading;
``rule``, ``message`` and ``documents`` are there for people reviewing the
file. A malformed file raises :class:`BaselineError` naming it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.findings import Finding, Report

__all__ = [
    "SCHEMA",
    "Applied",
    "Baseline",
    "BaselineError",
    "apply_baseline",
    "baseline_dict",
    "read_baseline",
    "write_baseline",
]

SCHEMA = 1
"""Version of the baseline file format."""


class BaselineError(ValueError):
    """A baseline file is missing, unreadable or malformed."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@attrs.frozen(slots=True)
class Baseline:
    """The fingerprints of a baseline file, with how often each was recorded."""

    path: str
    fingerprints: tuple[str, ...]


def _entry(finding: Finding) -> dict[str, Any]:
    return {
        "fingerprint": finding.fingerprint,
        "rule": finding.code,
        "message": finding.message,
        "documents": sorted({c.document for c in finding.claims}),
    }


def baseline_dict(findings: Sequence[Finding]) -> dict[str, Any]:
    """The JSON form of a baseline recording ``findings`` (sorted by fingerprint, then rule)."""
    from claimcheck import __version__

    entries = sorted(
        (_entry(f) for f in findings),
        key=lambda e: (e["fingerprint"], e["rule"], e["documents"], e["message"]),
    )
    return {"schema": SCHEMA, "tool": "claimcheck", "version": __version__, "findings": entries}


def write_baseline(path: Path, findings: Sequence[Finding]) -> None:
    """Write the baseline of ``findings`` to ``path`` (atomically: a temporary file, renamed)."""
    text = json.dumps(baseline_dict(findings), indent=2, ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BaselineError(path, (exc.strerror or str(exc)).lower()) from None


def read_baseline(path: Path) -> Baseline:
    """Read and validate a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(path, "baseline file not found") from None
    except OSError as exc:
        raise BaselineError(path, (exc.strerror or str(exc)).lower()) from None
    except UnicodeDecodeError:
        raise BaselineError(path, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(path, f"not a baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError(path, "not a baseline (expected an object with 'findings')")
    if data.get("schema") != SCHEMA:
        raise BaselineError(
            path, f"unsupported baseline schema {data.get('schema')!r} (expected {SCHEMA})"
        )
    entries = data["findings"]
    if not isinstance(entries, list):
        raise BaselineError(path, "'findings' must be an array")
    fingerprints: list[str] = []
    for i, entry in enumerate(entries):
        fingerprint = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fingerprint, str) or not fingerprint:
            raise BaselineError(path, f"findings[{i}]: expected an object with a 'fingerprint'")
        fingerprints.append(fingerprint)
    return Baseline(str(path), tuple(fingerprints))


@attrs.frozen(slots=True)
class Applied:
    """A report without its baselined findings, and what was left out."""

    report: Report
    suppressed: int
    unmatched: int
    """Baseline entries no current finding matched (fixed, or changed beyond recognition)."""


def apply_baseline(report: Report, baseline: Baseline) -> Applied:
    """``report`` without the findings ``baseline`` records (each entry absorbs one finding)."""
    remaining = Counter(baseline.fingerprints)
    kept: list[Finding] = []
    for finding in report.findings:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            kept.append(finding)
    suppressed = len(report.findings) - len(kept)
    return Applied(
        report=attrs.evolve(report, findings=tuple(kept)),
        suppressed=suppressed,
        unmatched=sum(remaining.values()),
    )
