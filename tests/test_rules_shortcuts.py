"""Shortcuts of the rule engine give what the long way gives.

* :func:`~claimcheck.engine.context.combination_groups` against
  ``list(grouped(combinations(roles)).values())``;
* :attr:`Item.document` and :attr:`Item.scale` (read once from the claim) against the claim;
* :meth:`Context.refs` (the claim id cached with the citation) against citing anew.
"""

from __future__ import annotations

from engine_support import article, spec
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.engine.config import load_config
from claimcheck.engine.context import Context, combination_groups, combinations, grouped
from claimcheck.engine.index import ClaimIndex, Item
from claimcheck.findings import ClaimRef, claim_ref
from claimcheck.model import Document


def _items() -> tuple[list[Item], dict[str, Document]]:
    """Six turnover figures, two in each of the documents a, b and c (with the documents)."""
    text = "Trade reached $1.1 bln. Trade reached $2.2 mln."
    specs = [
        spec(text="$1.1 bln", metric="trade_turnover", period="2023"),
        spec(text="$2.2 mln", metric="trade_turnover", period="2023"),
    ]
    out: list[Item] = []
    documents: dict[str, Document] = {}
    for doc_id in "abc":
        document, claims = article(text, specs, doc_id=doc_id)
        documents[doc_id] = document
        out.extend(ClaimIndex(claims, load_config()).items)
    return out, documents


_ITEMS, _DOCUMENTS = _items()
_role = st.lists(st.sampled_from(range(len(_ITEMS))), max_size=3)


@given(st.lists(_role, min_size=1, max_size=4))
def test_combination_groups_match_grouped_combinations(roles: list[list[int]]) -> None:
    items = [[_ITEMS[i] for i in role] for role in roles]
    assert combination_groups(items) == list(grouped(combinations(items)).values())


def test_item_document_and_scale_are_the_claims() -> None:
    for item in _ITEMS:
        assert item.document == item.claim.document_id
        assert item.scale == max(1.0, item.claim.quantity.scale)
        twin = Item(*item._fields())
        assert (twin.document, twin.scale) == (item.document, item.scale)


@given(st.lists(st.sampled_from(range(len(_ITEMS))), max_size=5))
def test_refs_cite_each_claim_once_in_order(chosen: list[int]) -> None:
    index = ClaimIndex([i.claim for i in _ITEMS], load_config())
    ctx = Context(_DOCUMENTS, index, load_config())
    items = [index.items[i] for i in chosen]
    expected: list[ClaimRef] = []
    seen: list[str] = []
    for item in items:
        if item.claim.id not in seen:
            seen.append(item.claim.id)
            expected.append(claim_ref(item.claim, _DOCUMENTS[item.document]))
    assert ctx.refs(items) == tuple(expected)
    assert ctx.refs(items) == tuple(expected)  # cached
    cited = [claim_ref(i.claim, _DOCUMENTS[i.document]) for i in items]
    assert [ctx.ref(i) for i in items] == cited
