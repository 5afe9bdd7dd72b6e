"""``Context.refs``: the two-item shortcut and the citations kept on the items cite as
the general loop does, each context with its own citations."""

from __future__ import annotations

from engine_support import article, spec
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.engine.config import load_config
from claimcheck.engine.context import Context
from claimcheck.engine.index import ClaimIndex, Item
from claimcheck.findings import ClaimRef, claim_ref

_TEXT = (
    "Trade reached $99.84 bln in 2023. Exports were $50.1 bln in 2023. "
    "Imports were $49.7 bln in 2023."
)
_DOCUMENT, _CLAIMS = article(
    _TEXT,
    [
        spec(text="$99.84 bln", metric="trade_turnover", period="2023"),
        spec(text="$50.1 bln", metric="exports", flow=("IN", "AE"), period="2023"),
        spec(text="$49.7 bln", metric="imports", flow=("AE", "IN"), period="2023"),
    ],
)
_CONFIG = load_config()


def _expected(items: list[Item], cited_with_sentences: bool) -> tuple[ClaimRef, ...]:
    """Citations in order, the first of each claim id (what ``refs`` promises)."""
    out: list[ClaimRef] = []
    seen: list[str] = []
    for item in items:
        if item.claim.id not in seen:
            seen.append(item.claim.id)
            out.append(claim_ref(item.claim, _DOCUMENT if cited_with_sentences else None))
    return tuple(out)


@given(st.lists(st.integers(min_value=0, max_value=2), min_size=0, max_size=4), st.booleans())
def test_refs_cite_in_order_without_repeats(picks: list[int], as_tuple: bool) -> None:
    index = ClaimIndex(_CLAIMS, _CONFIG)
    assert len({i.claim.id for i in index.items[:3]}) == 3
    items = [index.items[p] for p in picks]
    ctx = Context({_DOCUMENT.id: _DOCUMENT}, index, _CONFIG)
    expected = _expected(items, cited_with_sentences=True)
    assert ctx.refs(tuple(items) if as_tuple else items) == expected
    assert ctx.refs(items) == expected  # again, from the citations kept on the items


def test_contexts_over_one_index_keep_their_own_citations() -> None:
    index = ClaimIndex(_CLAIMS, _CONFIG)
    items = list(index.items[:2])
    with_text = Context({_DOCUMENT.id: _DOCUMENT}, index, _CONFIG)
    without = Context({}, index, _CONFIG)
    for _ in range(2):
        assert with_text.refs(items) == _expected(items, cited_with_sentences=True)
        assert without.refs(items) == _expected(items, cited_with_sentences=False)
        assert with_text.refs(items[:1]) == _expected(items[:1], cited_with_sentences=True)


def test_kept_citations_are_not_fields_of_the_item() -> None:
    index = ClaimIndex(_CLAIMS, _CONFIG)
    fresh = ClaimIndex(_CLAIMS, _CONFIG)
    Context({_DOCUMENT.id: _DOCUMENT}, index, _CONFIG).refs(list(index.items))
    assert index.items == fresh.items
    assert [hash(i) for i in index.items] == [hash(i) for i in fresh.items]
