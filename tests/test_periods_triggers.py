"""The period triggers found with ``str.find`` are the boundary-checked trigger matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.periods import _TRIGGER_SCAN, _WINDOW, _triggers


def _reference(text: str, low: str) -> dict[str, list[tuple[int, int]]]:
    """The windows of the matches of ``_TRIGGER_SCAN`` that pass their boundary checks."""
    size = len(text)
    found: dict[str, list[tuple[int, int]]] = {"digits": [], "code": [], "month": []}
    for match in _TRIGGER_SCAN.finditer(text):
        start, end = match.span()
        first = text[start]
        if first.isdigit() or first in "qQhH":
            if (start > 0 and low[start - 1].isalnum()) or (end < size and low[end].isalnum()):
                continue
            kind = "digits" if first.isdigit() else "code"
        else:
            if start > 0 and text[start - 1].isalnum():
                continue
            kind = "month"
        found[kind].append((max(0, start - _WINDOW), min(size, end + _WINDOW)))
    return found


_PIECES = ["2019", "2020", "1999", "19", "20", "٢٠١٩", "20٢٣", "²", "0", "5", "3", "4"]
_PIECES += ["q", "Q", "h", "H", "Q1", "h4", "q2019", "-", " ", "\n", "_", "x", ",", ".", "İ"]
_PIECES += ["Jan", "JAN", "jan", "January", "May", "MAR", "Sept", "Dec", "June", "Aug", "D"]
_PIECES += ["JUNE", "xJul", "Nov.", "Octo", "FEB", "A", "S", "O", "N", "M", "J", "F"]


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_PIECES), max_size=16).map("".join),
        st.text(alphabet="012349QqHhJanMayDecOSNFAx -İ٢", max_size=30),
    )
)
def test_triggers_are_the_checked_matches_of_the_trigger_pattern(text: str) -> None:
    low = text.lower()
    if len(low) != len(text):  # as the scan lower-cases: one character for one
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    expected = _reference(text, low)
    found = _triggers(text, low)
    assert {kind: sorted(windows) for kind, windows in found.items()} == {
        kind: sorted(windows) for kind, windows in expected.items()
    }
