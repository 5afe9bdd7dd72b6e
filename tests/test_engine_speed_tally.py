"""Tallies (:class:`~claimcheck.findings.Tally`): a counting run of every document counts
the relations that hold without building their records, and gives the report of a
counting run that builds them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.engine.config import load_config
from claimcheck.engine.context import (
    Context,
    combination_groups,
    combinations,
    grouped,
    held,
    judge,
)
from claimcheck.engine.groups import relation_groups
from claimcheck.engine.index import ClaimIndex, Item, Key
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule
from claimcheck.engine.runner import Plan, check_by_group, iter_group
from claimcheck.findings import (
    ClaimRef,
    ReportBuilder,
    Tally,
    Verified,
    _ident_of,
    _key_of,
    key_of_pairs,
)
from claimcheck.model import Claim, Document, Quantity, Span
from tests.scale_support import FIXTURES, corpus
from tests.test_check_by_group import _loaded

Loaded = list[tuple[Document, Sequence[Claim]]]

_refs = st.builds(
    ClaimRef,
    st.sampled_from(["a", "b", "ä", "a#"]),
    st.sampled_from(["a#1", "a#2", "b#1", "a#10", "a##1"]),
    st.just((0, 1)),
    st.just("x"),
    st.just(""),
)


@given(st.lists(_refs, max_size=5, unique_by=lambda r: r.id))
def test_the_key_of_pairs_is_the_key_of_their_citations(claims: list[ClaimRef]) -> None:
    pairs = [(c.document, c.id) for c in claims]
    key = key_of_pairs("CC999", pairs)
    assert key == _key_of("CC999", tuple(claims))
    # the ident flattened: the sorted pairs
    assert key == ("CC999", *(x for pair in sorted(pairs) for x in pair))
    assert _ident_of("CC999", tuple(claims)) == ("CC999", tuple(sorted(pairs)))


@pytest.fixture(scope="module", params=[(4, 0.3, 200), (5, 0.6, 160)])
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    """Fixtures and a generated corpus (seed, share of the busiest pair, size)."""
    seed, hot_share, count = request.param
    directory = tmp_path_factory.mktemp(f"tally-{seed}")
    return _loaded([str(FIXTURES), str(corpus(directory, count, seed=seed, hot_share=hot_share))])


def test_a_tallied_run_gives_the_counting_runs_report(loaded: Loaded) -> None:
    plan = Plan.of()
    builder = ReportBuilder(listed=False)
    tallies = 0
    for positions in relation_groups([(d.id, c) for d, c in loaded], plan.config):
        group = [loaded[i] for i in positions]
        lean = list(iter_group(plan, group, listed=False))
        tallied = list(iter_group(plan, group, listed=False, tally=True))
        assert not any(isinstance(r, Tally) for r in lean)
        # the same results in the same order, a tally where a verified result was
        assert len(lean) == len(tallied)
        for a, b in zip(lean, tallied, strict=True):
            if isinstance(b, Tally):
                assert isinstance(a, Verified)
                assert (b.code, b.name, b.ident) == (a.code, a.name, _key_of(a.code, a.claims))
                tallies += 1
            else:
                assert a == b
        builder.add(lean)
    assert tallies > 100
    report = builder.report(
        documents=[d.id for d, _ in loaded],
        claims_count=sum(len(c) for _, c in loaded),
        rules=plan.codes(),
    )
    assert check_by_group(plan, loaded, listed=False) == report


def test_a_listed_builder_refuses_a_tally() -> None:
    with pytest.raises(ValueError, match="tally"):
        ReportBuilder().add([Tally("CC999", "t", ("CC999", ()))])


def _item(n: int, document: str, value: Interval) -> Item:
    quantity = Quantity(Span(0, 1), "1", 1.0, "USD", (value.lo, value.hi), 0.0, 1.0, 1.0)
    claim = Claim(f"{document}#{n}", document, quantity, Span(0, 1), "level", "exports")
    return Item(claim, n, Key("m", ("A", "B"), None, "USD"), "level", None, None, None, value)


class _Probe(Rule):
    code = "CC101"  # (a rule with tolerances of its own in the default pack)
    name = "probe"


_bounds = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
_intervals = st.tuples(_bounds, _bounds).map(lambda b: Interval(min(b), max(b)))


@given(
    _intervals,
    _intervals,
    st.booleans(),
    st.lists(st.sampled_from(["d1", "d2"]), min_size=1, max_size=4),
)
def test_held_tallies_exactly_what_judge_verifies(
    computed: Interval, stated: Interval, same_scope: bool, documents: list[str]
) -> None:
    config = load_config()
    items = [_item(n % 3, d, stated) for n, d in enumerate(documents)]
    ctx = Context({}, ClaimIndex([], config), config, listed=False, tally=True)
    plain = Context({}, ClaimIndex([], config), config, listed=False)
    rule = _Probe()
    tally = held(rule, ctx, items, computed, stated, same_scope=same_scope)
    assert held(rule, plain, items, computed, stated, same_scope=same_scope) is None
    verdict = judge(
        rule,
        plain,
        items=items,
        computed=computed,
        stated=stated,
        expression="e",
        ok="ok",
        fail="fail",
        same_scope=same_scope,
        relation=lambda v: (v[0], v[-1]),
    )
    if tally is None:
        # not held: judge gives no verified result, or one held only beyond the tests
        # (the scope of far-apart amounts, which judge works out)
        assert not isinstance(verdict, Verified) or same_scope
    else:
        assert isinstance(verdict, Verified)
        assert (tally.code, tally.name, tally.ident) == (
            verdict.code,
            verdict.name,
            _key_of(verdict.code, verdict.claims),
        )


_roles = st.lists(
    st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3"]), st.integers(0, 4)), max_size=4),
    min_size=1,
    max_size=3,
)


@given(_roles)
def test_combination_groups_are_the_grouped_combinations(
    shape: list[list[tuple[str, int]]],
) -> None:
    roles = [
        [_item(10 * r + n, d, Interval(1.0, 2.0)) for d, n in role] for r, role in enumerate(shape)
    ]
    expected = list(grouped(combinations(roles)).values())
    assert combination_groups(roles) == expected
