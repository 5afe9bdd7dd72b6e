"""The runs of word characters of a region, cut from the runs of the whole text kept by
``text_runs``, are those ``ascii_runs`` splits the region into."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import phrases

_TEXT = st.lists(
    st.sampled_from(["trade", "a", "5", "_", " ", "  ", "\n", ".", ",", "-", "'", "Ab", "x1"]),
    max_size=14,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.data())
def test_region_runs_are_the_split_region(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    # (a copy: the memo is keyed on the text's identity)
    other = "".join(list(text))
    phrases._LAST_RUNS[0] = ("", [b""], b"")
    assert phrases.region_runs(text, lo, hi) == phrases.ascii_runs(text, lo, hi)
    assert phrases.text_runs(text) == phrases.ascii_runs(text, 0, len(text))
    for _ in range(2):  # the starts are computed on first use, then kept
        assert phrases.region_runs(text, lo, hi) == phrases.ascii_runs(text, lo, hi)
    if other is not text:
        assert phrases.region_runs(other, lo, hi) == phrases.ascii_runs(other, lo, hi)


def test_text_runs_keeps_the_last_text() -> None:
    text = "exports of a hundred tons"
    assert phrases.text_runs(text) is phrases.text_runs(text)
