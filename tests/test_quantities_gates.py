"""Cheap readings of the quantity reader that stand for a regex call: always its answer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.numbers import _GATE_AFTER_DIGIT, _GATE_CHARS

_DECIMAL_PIECES = ["5", "12", "1999", ".", ".5", ".30", ",", ":", "/", " ", "\u00a0", "-"]
_DECIMAL_PIECES += ["pm", "a.m.", "P", "x", "×", "*", "10^", "bln", "%", "st", "Jan", "GMT"]


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_DECIMAL_PIECES), max_size=10).map("".join),
        st.text(alphabet="0123456789.:/ aApPxX×*\u00a0-", max_size=24),
    )
)
def test_digit_gate_characters_hold_after_decimals_wherever_the_gate_does(text: str) -> None:
    gate = re.compile(r"(?<=\d)(?=" + _GATE_AFTER_DIGIT + ")")
    chars = re.compile(r"(?<=\d)" + _GATE_CHARS)
    for position in range(len(text)):
        if gate.match(text, position):
            assert chars.match(text, position), (text, position)
