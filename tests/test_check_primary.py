"""Checking some documents against others: the rules skip relations that cite no claim of a
checked document, and the report is exactly the one of evaluating every relation and then
keeping those citing a checked document."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from claimcheck.documents import load_documents
from claimcheck.engine import check
from claimcheck.engine.context import Context
from claimcheck.engine.index import ClaimIndex
from claimcheck.engine.runner import Plan, check_group, report_of
from claimcheck.extract import extract_document
from claimcheck.findings import Report, Result
from claimcheck.model import Claim, Document
from claimcheck.reference import default_reference_path
from tests.scale_support import FIXTURES, corpus

Loaded = list[tuple[Document, tuple[Claim, ...]]]

REFERENCE = default_reference_path()
"""The reference table the CLI uses by default (CC701 relates claims to its rows)."""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    """The fixtures and a generated corpus (a fifth of it on one hot pair), extracted."""
    directory = tmp_path_factory.mktemp("primary")
    paths = [str(FIXTURES), str(corpus(directory, 500, seed=3, hot_share=0.2))]
    out: Loaded = []
    for document in load_documents(paths):
        if isinstance(document, Document):
            out.append((document, tuple(extract_document(document))))
    return out


def _every_relation(plan: Plan, loaded: Sequence[tuple[Document, Sequence[Claim]]]) -> list[Result]:
    """Every rule over every relation of ``loaded``, nothing skipped."""
    documents = {d.id: d for d, _ in loaded}
    claims = [c for _, cs in loaded for c in cs]
    ctx = Context(documents, ClaimIndex(claims, plan.config), plan.config, plan.reference)
    return [r for rule in plan.rules for r in rule().run(ctx)]


def _oracle(plan: Plan, primary: Loaded, against: Loaded) -> Report:
    """Every relation of the run (in its order: checked documents first), then only the
    results citing a checked document."""
    ids = {d.id for d, _ in primary}
    every = _every_relation(plan, [*primary, *against])
    kept = [r for r in every if any(c.document in ids for c in r.claims)]
    return report_of(plan, primary, kept)  # type: ignore[arg-type]


def _splits(loaded: Loaded) -> dict[str, Loaded]:
    fixtures = [x for x in loaded if not x[0].id.startswith("gen-")]
    return {
        "every 7th": loaded[::7],
        "every 50th": loaded[3::50],
        "the fixtures": fixtures,
        "one fixture": fixtures[:1],
        "one generated article": loaded[-1:],
    }


def test_checking_against_context_reports_what_every_relation_gives(loaded: Loaded) -> None:
    plan = Plan.of(reference=REFERENCE)
    for name, primary in _splits(loaded).items():
        ids = {d.id for d, _ in primary}
        against = [x for x in loaded if x[0].id not in ids]
        expected = _oracle(plan, primary, against)
        got = check(primary, against=against, reference=REFERENCE)  # type: ignore[arg-type]
        assert json.dumps(got.to_dict()) == json.dumps(expected.to_dict()), name
        assert got.verified, name


def test_rules_skip_relations_without_a_checked_claim(loaded: Loaded) -> None:
    plan = Plan.of(reference=REFERENCE)
    primary = loaded[3::50]
    ids = frozenset(d.id for d, _ in primary)
    documents = {d.id: d for d, _ in loaded}
    claims = [c for _, cs in loaded for c in cs]
    ctx = Context(documents, ClaimIndex(claims, plan.config), plan.config, plan.reference, ids)
    raw = [r for rule in plan.rules for r in rule().run(ctx)]
    every = _every_relation(plan, loaded)
    kept = [r for r in every if any(c.document in ids for c in r.claims)]
    assert len(raw) < len(every) // 5  # most relations are not evaluated at all
    assert check_group(plan, loaded, ids) == kept


def test_without_context_every_relation_is_checked(loaded: Loaded) -> None:
    plan = Plan.of(reference=REFERENCE)
    every = report_of(plan, loaded, _every_relation(plan, loaded))  # type: ignore[arg-type]
    assert check(loaded, reference=REFERENCE) == every  # type: ignore[arg-type]
    assert any(v.code == "CC701" for v in every.verified)


def test_the_generated_corpus_has_a_hot_pair(loaded: Loaded) -> None:
    """The splits above include articles whose relation group is most of the corpus."""
    from claimcheck.engine.groups import relation_groups

    plan = Plan.of()
    groups = relation_groups([(d.id, c) for d, c in loaded], plan.config)
    assert max(len(g) for g in groups) > len(loaded) // 6
