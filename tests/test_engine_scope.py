"""The index's scope shortcuts give what sorting the set of entities gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.engine.index import _sorted_scope, _with_flow

_names = st.sampled_from(["China", "Russia", "India", "china", "", "Ünited"])


@given(st.lists(_names, max_size=4).map(tuple))
def test_sorted_scope_is_the_sorted_set(entities: tuple[str, ...]) -> None:
    assert _sorted_scope(entities) == tuple(sorted(set(entities)))


@given(st.lists(_names, max_size=4).map(tuple), _names, _names)
def test_with_flow_adds_both_ends(entities: tuple[str, ...], source: str, dest: str) -> None:
    scope = tuple(sorted(set(entities)))
    assert _with_flow(scope, source, dest) == tuple(sorted({*scope, source, dest}))
