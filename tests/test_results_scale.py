"""``scale_label_of``: the scale and label kept on an item are those worked out anew."""

from __future__ import annotations

from engine_support import article, spec

from claimcheck.engine.config import load_config
from claimcheck.engine.context import _scale_label, scale_label, scale_label_of
from claimcheck.engine.index import ClaimIndex

_TEXT = "Trade reached $99.84 bln in 2023. Exports rose 4.1% in 2023. Imports were 512 in 2023."


def test_kept_scale_labels_are_worked_out_anew_and_not_fields() -> None:
    _, claims = article(
        _TEXT,
        [
            spec(text="$99.84 bln", metric="trade_turnover", period="2023"),
            spec(text="4.1%", metric="exports", kind="change", period="2023"),
            spec(text="512", metric="imports", period="2023"),
        ],
    )
    config = load_config()
    index = ClaimIndex(claims, config)
    fresh = ClaimIndex(claims, config)
    assert index.items
    for item in index.items:
        first = scale_label_of(item)
        assert first == _scale_label(item) == scale_label([item])
        assert scale_label_of(item) is first  # kept
    assert index.items == fresh.items
    assert [hash(i) for i in index.items] == [hash(i) for i in fresh.items]
    assert scale_label([]) == (1.0, "")
