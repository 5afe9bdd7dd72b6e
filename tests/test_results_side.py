"""CC301's period summary: the smallest figure of all and of each document found by one
loop are those ``min`` and a sort by (upper bound, order) give."""

from __future__ import annotations

from engine_support import article, spec
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.checks.cc301_subperiod import _Side, _unslipped
from claimcheck.engine.index import Item, Key
from claimcheck.engine.intervals import Interval
from claimcheck.model import Claim

_CLAIMS: list[Claim] = [
    article(
        "Trade reached $99.84 bln in 2023.",
        [spec(text="$99.84 bln", metric="trade_turnover", period="2023")],
        doc_id=doc,
    )[1][0]
    for doc in ("a", "b", "c")
]
_KEY = Key("turnover", ("CN", "RU"), None, "USD")


def _reference(items: list[Item], threshold: float) -> tuple[Item | None, dict[str, Item]]:
    """What _Side.of gave with min and a sort."""
    kept = _unslipped(items, threshold)
    if not kept:
        return None, {}
    smallest = min(kept, key=lambda o: (o.value.hi, o.order))
    own: dict[str, Item] = {}
    for whole in sorted(kept, key=lambda o: (o.value.hi, o.order)):
        own.setdefault(whole.document, whole)
    return smallest, own


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=2),
            st.integers(min_value=0, max_value=5),
            st.sampled_from([1.0, 2.0, 2.5, 1000.0, 3e6]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from([0.0, 500.0]),
)
def test_side_smallest_and_own_match_min_and_sort(
    specs: list[tuple[int, int, float]], threshold: float
) -> None:
    items = [
        Item(_CLAIMS[doc], order, _KEY, "level", None, None, None, Interval(hi - 0.5, hi))
        for doc, order, hi in specs
    ]
    side = _Side.of(items, threshold)
    smallest, own = _reference(items, threshold)
    assert side.smallest is smallest
    assert side.own.keys() == own.keys()
    assert all(side.own[d] is own[d] for d in own)
