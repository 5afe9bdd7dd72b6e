"""The engine over the 19 fixture articles against their planted inconsistencies.

Two runs: on the hand-made gold claims (isolates the engine: every miss is the
engine's) and on the claims of the real extractor (end to end; extraction
errors cost recall and cause false alarms). A planted inconsistency counts as
found when one error or warning finding (any severity for the ones marked
``"severity": "small"``) cites at least two of its claims (or its only claim).
An error is a false alarm when it cites no claim of any planted inconsistency.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
from engine_support import fixture_paths, gold_fixture, gold_inconsistencies
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.engine import check
from claimcheck.evaluate.fixtures import load_fixture_document
from claimcheck.extract import extract_document
from claimcheck.findings import Finding, Report
from claimcheck.model import Claim, Document

GOLD_RECALL_FLOOR = 17 / 18
"""Planted inconsistencies found on gold claims (18 listed; 018's duplicate needs the
period text, which the gold does not record)."""
GOLD_FALSE_ALARMS_MAX = 0
"""Errors citing no planted claim, on gold claims."""
EXTRACTED_RECALL_FLOOR = 0.7
"""Planted inconsistencies found with the real extractor (16/18 when last measured; the
misses are extraction misses: targets without a deadline, shares without a flow)."""
EXTRACTED_FALSE_ALARMS_MAX = 3
"""Errors citing no planted claim with the real extractor (0 when measured; misread periods
and scopes are what would cause them)."""

Planted = tuple[str, frozenset[str], bool]  # (kind, claim ids, small)


def _planted(mapping: dict[tuple[str, int], str]) -> list[Planted]:
    out: list[Planted] = []
    for path in fixture_paths():
        for item in gold_inconsistencies(path):
            keys = [(path.stem, i) for i in item["claims"]]
            other = item.get("other")
            if other:
                keys += [(other["document"].removesuffix(".md"), i) for i in other["claims"]]
            ids = frozenset(mapping[k] for k in keys if k in mapping)
            out.append((f"{path.stem[:3]} {item['kind']}", ids, item.get("severity") == "small"))
    return out


def _found(planted: Planted, findings: Sequence[Finding]) -> bool:
    _, ids, small = planted
    need = min(2, len(ids)) or 1
    for finding in findings:
        if finding.severity == "info" and not small:
            continue
        if len(ids & {c.id for c in finding.claims}) >= need:
            return True
    return False


def _false_alarms(report: Report, planted: list[Planted]) -> list[Finding]:
    explained = frozenset().union(*(ids for _, ids, _ in planted))
    return [
        f
        for f in report.findings
        if f.severity == "error" and not ({c.id for c in f.claims} & explained)
    ]


def _gold_inputs() -> tuple[list[tuple[Document, tuple[Claim, ...]]], dict[tuple[str, int], str]]:
    inputs = [gold_fixture(p) for p in fixture_paths()]
    mapping = {
        (document.id, i): claim.id for document, claims in inputs for i, claim in enumerate(claims)
    }
    return inputs, mapping


def _extracted_inputs() -> tuple[
    list[tuple[Document, tuple[Claim, ...]]], dict[tuple[str, int], str]
]:
    inputs = []
    mapping: dict[tuple[str, int], str] = {}
    for path in fixture_paths():
        document = load_fixture_document(path)
        claims = tuple(extract_document(document))
        inputs.append((document, claims))
        _, gold = gold_fixture(path)
        for i, g in enumerate(gold):
            best = max(
                claims,
                key=lambda c: min(c.span.end, g.span.end) - max(c.span.start, g.span.start),
                default=None,
            )
            if best is not None and best.span.start < g.span.end and g.span.start < best.span.end:
                mapping[(document.id, i)] = best.id
    return inputs, mapping


def score(
    inputs: list[tuple[Document, tuple[Claim, ...]]], mapping: dict[tuple[str, int], str]
) -> tuple[float, int, list[str]]:
    """(recall, false alarms, missed kinds) of one run."""
    report = check(inputs)
    planted = _planted(mapping)
    missed = [
        kind for kind, ids, small in planted if not _found((kind, ids, small), report.findings)
    ]
    recall = (len(planted) - len(missed)) / len(planted)
    return recall, len(_false_alarms(report, planted)), missed


def test_gold_claims_recall_and_false_alarms() -> None:
    recall, false_alarms, missed = score(*_gold_inputs())
    print(f"gold: recall {recall:.2f}, false alarms {false_alarms}, missed {missed}")
    assert recall >= GOLD_RECALL_FLOOR, missed
    assert false_alarms <= GOLD_FALSE_ALARMS_MAX


def test_extracted_claims_recall_and_false_alarms() -> None:
    recall, false_alarms, missed = score(*_extracted_inputs())
    print(f"extracted: recall {recall:.2f}, false alarms {false_alarms}, missed {missed}")
    assert recall >= EXTRACTED_RECALL_FLOOR, missed
    assert false_alarms <= EXTRACTED_FALSE_ALARMS_MAX


def test_seed_article_is_verified_not_flagged() -> None:
    inputs, _ = _gold_inputs()
    report = check([i for i in inputs if i[0].id.startswith("001")])
    assert report.by_severity("error") == ()
    verified = {v.code for v in report.verified}
    assert {"CC101", "CC102", "CC202", "CC602"} <= verified


def _signature(report: Report) -> set[tuple[str, str, frozenset[str]]]:
    return {(f.code, f.severity, frozenset(c.id for c in f.claims)) for f in report.findings}


GOLD, _ = _gold_inputs()
BASELINE = _signature(check(GOLD))


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(GOLD))))
def test_findings_do_not_depend_on_document_order(order: list[int]) -> None:
    report = check([GOLD[i] for i in order])
    assert _signature(report) == BASELINE


def _renotate(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """Print every billion figure in millions ("$110.97 bln" -> "$110,970 mln"): same value,
    same rounding interval, different notation."""
    out = []
    for claim in claims:
        quantity = claim.quantity
        if quantity.scale == 1e9:
            millions = quantity.value / 1e6
            text = f"${millions:,.0f} mln" if millions == int(millions) else f"${millions:,} mln"
            quantity = attrs.evolve(quantity, scale=1e6, text=text)
        out.append(attrs.evolve(claim, quantity=quantity))
    return tuple(out)


@settings(max_examples=15, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=len(GOLD) - 1)))
def test_findings_do_not_depend_on_notation(renotated: set[int]) -> None:
    inputs = [
        (document, _renotate(claims) if i in renotated else claims)
        for i, (document, claims) in enumerate(GOLD)
    ]
    assert _signature(check(inputs)) == BASELINE
