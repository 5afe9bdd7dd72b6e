"""What the consistency checks report.

* :class:`Finding`: a relation between claims that does not hold (or holds
  only within a tolerance beyond rounding), with rule code, severity, a
  one-sentence message, the claims used and the arithmetic;
* :class:`Verified`: a check that ran and held (same shape, no severity), so a
  report can show what was confirmed;
* :class:`NotChecked`: a check that could not run (missing period, unknown
  date), counted apart and never shown as a pass;
* :class:`Report`: all three, deterministically ordered, with a stable JSON
  form (:meth:`Report.to_dict`); a *counted* report (:class:`Counted`) keeps
  only the number of verified and not-checked results, for outputs that do
  not list them;
* :class:`ReportBuilder`: sorts and de-duplicates results as they come, one
  relation group at a time (so a run holds one group's results, not all).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Literal, final

import attrs

from claimcheck.model import Claim, Document

__all__ = [
    "SEVERITIES",
    "Arithmetic",
    "ClaimRef",
    "Counted",
    "Finding",
    "NotChecked",
    "Report",
    "ReportBuilder",
    "Result",
    "Severity",
    "Verified",
    "claim_ref",
]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""Severities from the most to the least serious."""

SCHEMA = 1


@attrs.frozen(slots=True)
class ClaimRef:
    """A claim as a finding cites it."""

    document: str
    id: str
    span: tuple[int, int]
    text: str
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "document": self.document,
            "id": self.id,
            "span": list(self.span),
            "text": self.text,
            "sentence": self.sentence,
        }


def claim_ref(claim: Claim, document: Document | None) -> ClaimRef:
    """Cite ``claim`` (the sentence text is empty when the document is unknown)."""
    # the fields, not Claim.span, Claim.text and Span.slice: those are interpreted calls
    # (the model is not compiled), and a claim is cited in every relation it is in
    if document is None:
        sentence = ""
    else:
        bounds = claim.sentence
        sentence = document.text[bounds.start : bounds.end].strip()
    quantity = claim.quantity
    span = quantity.span
    text = quantity.text
    if not COMPILED:
        return ClaimRef(claim.document_id, claim.id, (span.start, span.end), text, sentence)
    new: ClaimRef = _new(ClaimRef)
    object.__setattr__(new, "document", claim.document_id)
    object.__setattr__(new, "id", claim.id)
    object.__setattr__(new, "span", (span.start, span.end))
    object.__setattr__(new, "text", text)
    object.__setattr__(new, "sentence", sentence)
    return new


def _bound(value: float) -> float | str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


@attrs.frozen(slots=True)
class Arithmetic:
    """The computation behind a result.

    ``expression`` is human-readable ("110.97 + 129.14 = 240.11 (±0.01) vs
    stated 240.11 (±0.005)"); ``computed`` and ``stated`` are ``(lo, hi)`` in
    ``unit`` (e.g. ``"USD bln"``, ``"percent"``); ``gap`` is the distance
    between the two intervals (0 when they overlap) and ``tolerance`` the slack
    allowed beyond rounding.
    """

    expression: str
    computed: tuple[float, float]
    stated: tuple[float, float]
    gap: float
    unit: str = ""
    tolerance: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON form (infinite bounds as the strings ``"inf"``/``"-inf"``)."""
        return {
            "expression": self.expression,
            "computed": [_bound(x) for x in self.computed],
            "stated": [_bound(x) for x in self.stated],
            "gap": self.gap,
            "unit": self.unit,
            "tolerance": self.tolerance,
        }


_SPACE: Final = re.compile(r"\s+")


def _fingerprint(code: str, claims: Sequence[ClaimRef]) -> str:
    parts = sorted(f"{c.document}\x1f{_SPACE.sub(' ', c.text.strip().lower())}" for c in claims)
    digest = hashlib.sha256("\x1e".join([code, *parts]).encode("utf-8")).hexdigest()
    return digest[:16]


@attrs.frozen(slots=True)
class Finding:
    """A relation that does not hold."""

    code: str
    name: str
    severity: Severity
    message: str
    claims: tuple[ClaimRef, ...]
    arithmetic: Arithmetic | None = None

    @property
    def fingerprint(self) -> str:
        """A content hash for baselines: code + normalised surface texts + document ids."""
        return _fingerprint(self.code, self.claims)

    def sort_key(self) -> tuple[Any, ...]:
        """Order: document, position, code, message."""
        return _sort_key(self.code, self.claims, self.message)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "rule": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "claims": [c.to_dict() for c in self.claims],
            "arithmetic": None if self.arithmetic is None else self.arithmetic.to_dict(),
            "fingerprint": self.fingerprint,
        }


@attrs.frozen(slots=True)
class Verified:
    """A check that ran and held."""

    code: str
    name: str
    message: str
    claims: tuple[ClaimRef, ...]
    arithmetic: Arithmetic | None = None

    @property
    def fingerprint(self) -> str:
        """Content hash, as for :class:`Finding`."""
        return _fingerprint(self.code, self.claims)

    def sort_key(self) -> tuple[Any, ...]:
        """Order: document, position, code, message."""
        return _sort_key(self.code, self.claims, self.message)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "rule": self.code,
            "name": self.name,
            "message": self.message,
            "claims": [c.to_dict() for c in self.claims],
            "arithmetic": None if self.arithmetic is None else self.arithmetic.to_dict(),
        }


@attrs.frozen(slots=True)
class NotChecked:
    """A check that could not run, and why."""

    code: str
    name: str
    reason: str
    claims: tuple[ClaimRef, ...]

    def sort_key(self) -> tuple[Any, ...]:
        """Order: document, position, code, reason."""
        return _sort_key(self.code, self.claims, self.reason)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "rule": self.code,
            "name": self.name,
            "reason": self.reason,
            "claims": [c.to_dict() for c in self.claims],
        }


Result = Finding | Verified | NotChecked
"""What a rule yields."""


_new: Final[Callable[[type], Any]] = object.__new__

COMPILED: Final = not __file__.endswith((".py", ".pyc"))
"""Whether this module runs compiled by mypyc (its file is then an extension module).

The result records stay attrs classes (public API: ``attrs.evolve``, ``asdict``), whose
generated ``__init__`` is interpreted code even when this module and the rules are
compiled, a good part of the cost of a verdict. Compiled, :func:`claim_ref` and the
``make_*`` functions create the record with ``object.__new__`` and store each field with
``object.__setattr__`` (what the generated ``__init__`` of a frozen attrs class does;
mypyc compiles it to a direct ``PyObject_GenericSetAttr``, ~190 instructions a field
against ~500 for a call of the slot descriptor's ``__set__``): the instance ``__init__``
would build, as long as the records have no validators, converters or post-init
(``tests/test_findings_records.py`` checks, and that both ways build equal records).
Interpreted, that is slower than ``__init__``, which they then call."""


def make_arithmetic(  # noqa: PLR0917 (positional, in field order: cheapest to call)
    expression: str,
    computed: tuple[float, float],
    stated: tuple[float, float],
    gap: float,
    unit: str,
    tolerance: float,
) -> Arithmetic:
    """``Arithmetic(...)``, every field given (cheaply when compiled: :data:`COMPILED`)."""
    if not COMPILED:
        return Arithmetic(expression, computed, stated, gap, unit, tolerance)
    new: Arithmetic = _new(Arithmetic)
    object.__setattr__(new, "expression", expression)
    object.__setattr__(new, "computed", computed)
    object.__setattr__(new, "stated", stated)
    object.__setattr__(new, "gap", gap)
    object.__setattr__(new, "unit", unit)
    object.__setattr__(new, "tolerance", tolerance)
    return new


def make_finding(  # noqa: PLR0917 (positional, in field order: cheapest to call)
    code: str,
    name: str,
    severity: Severity,
    message: str,
    claims: tuple[ClaimRef, ...],
    arithmetic: Arithmetic | None,
) -> Finding:
    """``Finding(...)``, every field given (cheaply when compiled: :data:`COMPILED`)."""
    if not COMPILED:
        return Finding(code, name, severity, message, claims, arithmetic)
    new: Finding = _new(Finding)
    object.__setattr__(new, "code", code)
    object.__setattr__(new, "name", name)
    object.__setattr__(new, "severity", severity)
    object.__setattr__(new, "message", message)
    object.__setattr__(new, "claims", claims)
    object.__setattr__(new, "arithmetic", arithmetic)
    return new


def make_verified(
    code: str, name: str, message: str, claims: tuple[ClaimRef, ...], arithmetic: Arithmetic | None
) -> Verified:
    """``Verified(...)``, every field given (cheaply when compiled: :data:`COMPILED`)."""
    if not COMPILED:
        return Verified(code, name, message, claims, arithmetic)
    new: Verified = _new(Verified)
    object.__setattr__(new, "code", code)
    object.__setattr__(new, "name", name)
    object.__setattr__(new, "message", message)
    object.__setattr__(new, "claims", claims)
    object.__setattr__(new, "arithmetic", arithmetic)
    return new


def make_not_checked(code: str, name: str, reason: str, claims: tuple[ClaimRef, ...]) -> NotChecked:
    """``NotChecked(...)``, every field given (cheaply when compiled: :data:`COMPILED`)."""
    return NotChecked(code, name, reason, claims)  # rare


def _sort_key(code: str, claims: Sequence[ClaimRef], text: str) -> tuple[Any, ...]:
    refs = sorted((c.document, c.span) for c in claims)
    first = refs[0] if refs else ("", (0, 0))
    return (first[0], first[1], code, tuple(refs), text)


def _ident(result: Result) -> tuple[Any, ...]:
    """What makes two results the same relation: code and cited claims (sorted)."""
    return _ident_of(result.code, result.claims)


def _ident_of(code: str, claims: tuple[ClaimRef, ...]) -> tuple[Any, ...]:
    """:func:`_ident` of a result's code and claims: ``(code, ((document, id), ...))``."""
    key = _key_of(code, claims)
    return (code, tuple(zip(key[1::2], key[2::2], strict=True)))


def _key_of(code: str, claims: tuple[ClaimRef, ...]) -> tuple[Any, ...]:
    """:func:`_ident_of` flattened, what :class:`ReportBuilder` de-duplicates by: ``(code,
    document, id, document, id, ...)``, the pairs in sorted order (one tuple to hash and
    free per result, not one per pair and two around them)."""
    count = len(claims)
    if count == 2:  # most relations: two pairs put in order, not a list sorted
        return key_of_two(code, _pair(claims[0]), _pair(claims[1]))
    if count == 3:  # the rest: three pairs ordered by comparisons, not a list sorted
        return key_of_three(code, _pair(claims[0]), _pair(claims[1]), _pair(claims[2]))
    return key_of_pairs(code, [_pair(c) for c in claims])


def key_of_two(code: str, first: tuple[str, str], second: tuple[str, str]) -> tuple[Any, ...]:
    """The key (:func:`_key_of`) of a result citing two claims of ``(document, id)``
    ``first`` and ``second`` (different ids)."""
    if _before(second, first):
        first, second = second, first
    return (code, first[0], first[1], second[0], second[1])


def key_of_three(
    code: str, a: tuple[str, str], b: tuple[str, str], c: tuple[str, str]
) -> tuple[Any, ...]:
    """The key of a result citing three claims (different ids), as :func:`key_of_two`."""
    if _before(b, a):
        a, b = b, a
    if _before(c, b):
        b, c = c, b
        if _before(b, a):
            a, b = b, a
    return (code, a[0], a[1], b[0], b[1], c[0], c[1])


def key_of_pairs(code: str, pairs: list[tuple[str, str]]) -> tuple[Any, ...]:
    """The key of a result citing the claims of ``(document, id)`` ``pairs`` (different
    ids, in citation order)."""
    count = len(pairs)
    if count == 2:
        return key_of_two(code, pairs[0], pairs[1])
    if count == 3:
        return key_of_three(code, pairs[0], pairs[1], pairs[2])
    flat: list[str] = [code]
    for document, claim_id in sorted(pairs):
        flat.append(document)
        flat.append(claim_id)
    return tuple(flat)


def _pair(ref: ClaimRef) -> tuple[str, str]:
    """A citation's ``(document, id)``."""
    return (ref.document, ref.id)


def _before(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """``first < second`` for two ``(document, id)`` pairs, by string comparisons (a tuple
    comparison is a generic one, element by element)."""
    if first[0] != second[0]:
        return first[0] < second[0]
    return first[1] < second[1]


@final
class Tally:
    """A check that held in a counting run (internal: never part of a report).

    :class:`ReportBuilder` with ``listed=False`` keeps of a verified result only its rule's
    code and name and its key (code and cited ``(document, id)`` pairs, flat, as
    :func:`_key_of` gives for the :class:`Verified` it stands for). The built-in rules give
    one instead of a :class:`Verified` when their context asks for it
    (:attr:`~claimcheck.engine.context.Context.tally`, set by
    :func:`~claimcheck.engine.runner.check_by_group` for a counting run of every document):
    no citations, record or message are built for a relation that holds and is only
    counted. A plain slotted class, native when compiled.
    """

    __slots__ = ("code", "ident", "name")

    code: str
    name: str
    ident: tuple[Any, ...]

    def __init__(self, code: str, name: str, ident: tuple[Any, ...]) -> None:
        self.code = code
        self.name = name
        self.ident = ident

    def __repr__(self) -> str:
        return f"Tally(code={self.code!r}, name={self.name!r}, ident={self.ident!r})"


Verdict = Result | Tally
"""What a rule yields: a result, or (in a counting run, see :class:`Tally`) a tally."""


@attrs.frozen(slots=True)
class Counted:
    """What a counted report keeps of the results it does not list: how many were
    verified and not checked, and the name of each rule code among them (SARIF
    describes every rule that gave a result)."""

    verified: int
    not_checked: int
    names: tuple[tuple[str, str], ...] = ()
    """``(code, name)`` of the verified and not-checked results, sorted by code."""


@attrs.frozen(slots=True)
class Report:
    """The outcome of :func:`claimcheck.engine.check`.

    With ``counted``, ``verified`` and ``not_checked`` are empty and ``counted``
    holds their numbers (:class:`ReportBuilder` with ``listed=False``): the
    counts, :meth:`summary` and the findings are those of the listed report.
    """

    findings: tuple[Finding, ...]
    verified: tuple[Verified, ...]
    not_checked: tuple[NotChecked, ...]
    documents: tuple[str, ...]
    claims_count: int
    rules: tuple[str, ...] = ()
    counted: Counted | None = None

    @classmethod
    def build(
        cls,
        results: Iterable[Result],
        *,
        documents: Sequence[str],
        claims_count: int,
        rules: Sequence[str] = (),
    ) -> Report:
        """Sort and de-duplicate ``results`` (same code and claims -> first kept)."""
        builder = ReportBuilder()
        builder.add(results)
        return builder.report(documents=documents, claims_count=claims_count, rules=rules)

    @property
    def verified_count(self) -> int:
        """How many checks held (listed or counted)."""
        return len(self.verified) if self.counted is None else self.counted.verified

    @property
    def not_checked_count(self) -> int:
        """How many checks could not run (listed or counted)."""
        return len(self.not_checked) if self.counted is None else self.counted.not_checked

    def result_names(self) -> dict[str, str]:
        """``{code: rule name}`` of every result (findings, verified, not checked)."""
        names = {r.code: r.name for r in self.findings}
        if self.counted is not None:
            names.update(self.counted.names)
        names.update((r.code, r.name) for r in self.verified)
        names.update((r.code, r.name) for r in self.not_checked)
        return names

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.findings if f.severity == severity)

    def summary(self) -> dict[str, Any]:
        """Counts by severity and rule."""
        severity = Counter(f.severity for f in self.findings)
        return {
            "documents": len(self.documents),
            "claims": self.claims_count,
            "findings": len(self.findings),
            "errors": severity.get("error", 0),
            "warnings": severity.get("warning", 0),
            "infos": severity.get("info", 0),
            "verified": self.verified_count,
            "not_checked": self.not_checked_count,
            "by_rule": dict(sorted(Counter(f.code for f in self.findings).items())),
            "rules": list(self.rules),
        }

    def to_dict(self) -> dict[str, Any]:
        """Stable JSON form: ``{"schema": 1, "findings", "verified", "not_checked", "summary"}``
        (:class:`ValueError` for a counted report: it cannot list what it did not keep)."""
        if self.counted is not None:
            raise ValueError("a counted report does not list its verified and unchecked results")
        return {
            "schema": SCHEMA,
            "findings": [f.to_dict() for f in self.findings],
            "verified": [v.to_dict() for v in self.verified],
            "not_checked": [n.to_dict() for n in self.not_checked],
            "summary": self.summary(),
        }


class ReportBuilder:
    """Sorts and de-duplicates results into a :class:`Report`, one batch at a time.

    Each :meth:`add` batch is de-duplicated as :meth:`Report.build` does (same
    code and claims -> the first kept, the most severe finding; a relation found
    failing is not also verified). Batches must not share a relation: the
    results of different relation groups (:mod:`claimcheck.engine.groups`) never
    do, as a group's results cite only its own claims. So batches of whole
    groups give exactly the report of all their results at once, and the
    builder holds one batch's duplicates at a time.

    With ``listed=False`` verified and not-checked results are only counted
    (:class:`Counted`): the report holds its findings, not every relation that
    held, for the outputs that list findings only.
    """

    def __init__(self, *, listed: bool = True) -> None:
        self.listed = listed
        self._findings: list[Finding] = []
        self._verified: list[Verified] = []
        self._not_checked: list[NotChecked] = []
        self._verified_count = 0
        self._not_checked_count = 0
        self._names: dict[str, str] = {}

    def add(self, results: Iterable[Verdict]) -> None:
        """Add the results of one batch (whole relation groups, see the class); a
        :class:`Tally` only to a builder with ``listed=False`` (:class:`ValueError`)."""
        findings: dict[tuple[Any, ...], Finding] = {}
        verified: dict[tuple[Any, ...], Verified | None] = {}
        not_checked: dict[tuple[Any, ...], NotChecked | None] = {}
        listed = self.listed
        names = self._names
        for result in results:
            if isinstance(result, Tally):  # (first: most results of a counting run)
                if listed:
                    raise ValueError("a listed report cannot list a tally")
                size = len(verified)
                verified.setdefault(result.ident, None)
                if len(verified) != size:
                    names[result.code] = result.name
                continue
            code = result.code
            ident = _key_of(code, result.claims)
            if isinstance(result, Finding):
                if ident not in findings or _rank(result) < _rank(findings[ident]):
                    findings[ident] = result
            elif isinstance(result, Verified):
                # (one look-up of the ident, not a test and a store: hashing it hashes
                # every pair again)
                size = len(verified)
                verified.setdefault(ident, result if listed else None)
                if len(verified) != size:
                    names[code] = result.name
            else:
                key = (*ident, result.reason)
                size = len(not_checked)
                not_checked.setdefault(key, result if listed else None)
                if len(not_checked) != size:
                    names[code] = result.name
        # a relation found failing is not also listed as verified
        for ident in findings:
            verified.pop(ident, None)
        self._findings.extend(findings.values())
        if listed:
            self._verified.extend(v for v in verified.values() if v is not None)
            self._not_checked.extend(n for n in not_checked.values() if n is not None)
        self._verified_count += len(verified)
        self._not_checked_count += len(not_checked)

    def report(
        self, *, documents: Sequence[str], claims_count: int, rules: Sequence[str] = ()
    ) -> Report:
        """The report of every batch added: results sorted."""
        counted = None
        if not self.listed:
            names = tuple(sorted(self._names.items()))
            counted = Counted(self._verified_count, self._not_checked_count, names)
        return Report(
            findings=tuple(sorted(self._findings, key=lambda f: f.sort_key())),
            verified=tuple(sorted(self._verified, key=lambda v: v.sort_key())),
            not_checked=tuple(sorted(self._not_checked, key=lambda n: n.sort_key())),
            documents=tuple(documents),
            claims_count=claims_count,
            rules=tuple(rules),
            counted=counted,
        )


def _rank(finding: Finding) -> int:
    return SEVERITIES.index(finding.severity)
