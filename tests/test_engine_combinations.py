"""``combinations``: the one-item-a-role shortcut gives what the general case gives."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import attrs
from engine_support import article, spec
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.engine.config import load_config
from claimcheck.engine.context import MAX_COMBINATIONS, combinations
from claimcheck.engine.index import ClaimIndex, Item


def _reference(roles: Sequence[Sequence[Item]], *, cross: bool = True) -> Iterator[list[Item]]:
    """``combinations`` without its shortcut."""
    if any(not r for r in roles):
        return
    per_role: list[dict[str, list[Item]]] = []
    for role in roles:
        grouped_role: dict[str, list[Item]] = {}
        for item in role:
            grouped_role.setdefault(item.document, []).append(item)
        per_role.append(grouped_role)
    shared = set(per_role[0]).intersection(*per_role[1:])
    for document in sorted(shared):
        local = [r[document] for r in per_role]
        for combo in itertools.islice(itertools.product(*local), MAX_COMBINATIONS):
            yield list(combo)
    if shared or not cross:
        return
    firsts = [[items[0] for items in r.values()] for r in per_role]
    for combo in itertools.islice(itertools.product(*firsts), MAX_COMBINATIONS):
        yield list(combo)


def _items() -> list[Item]:
    """Six turnover figures, two in each of the documents a, b and c."""
    text = "Trade reached $1.1 bln. Trade reached $2.2 bln."
    specs = [
        spec(text="$1.1 bln", metric="trade_turnover", period="2023"),
        spec(text="$2.2 bln", metric="trade_turnover", period="2023"),
    ]
    out: list[Item] = []
    for doc_id in "abc":
        _, claims = article(text, specs, doc_id=doc_id)
        out.extend(ClaimIndex(claims, load_config()).items)
    return out


_ITEMS = _items()
_role = st.lists(st.sampled_from(range(len(_ITEMS))), max_size=3)


@given(st.lists(_role, min_size=1, max_size=4), st.booleans())
def test_combinations_match_the_general_case(roles: list[list[int]], cross: bool) -> None:
    items = [[_ITEMS[i] for i in role] for role in roles]
    assert list(combinations(items, cross=cross)) == list(_reference(items, cross=cross))


def test_single_items_of_different_documents_combine_only_across() -> None:
    a, b = _ITEMS[0], _ITEMS[2]
    assert attrs.has(type(a.claim)) and a.document != b.document
    assert list(combinations([[a], [b]])) == [[a, b]]
    assert list(combinations([[a], [b]], cross=False)) == []
    assert list(combinations([[a], [_ITEMS[1]]], cross=False)) == [[a, _ITEMS[1]]]
