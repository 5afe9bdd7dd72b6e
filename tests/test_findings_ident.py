"""``_ident``: the two-claim shortcut orders the pairs as sorting them does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.findings import ClaimRef, Verified, _ident

_refs = st.builds(
    ClaimRef,
    st.sampled_from(["a", "b", "ä"]),
    st.sampled_from(["a#1", "a#2", "b#1", "a#10"]),
    st.just((0, 1)),
    st.just("x"),
    st.just(""),
)


@given(st.lists(_refs, max_size=4))
def test_ident_is_the_code_and_the_sorted_document_id_pairs(claims: list[ClaimRef]) -> None:
    result = Verified("CC999", "t", "", tuple(claims))
    expected = ("CC999", tuple(sorted((c.document, c.id) for c in claims)))
    assert _ident(result) == expected
