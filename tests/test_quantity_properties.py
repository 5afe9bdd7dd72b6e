"""Properties of find_quantities that must hold for any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.extract.quantities import find_quantities

_NEWSY = st.lists(
    st.sampled_from(
        [
            "$",
            "US$",
            "€",
            "¥",
            "240.11",
            "1,234",
            "5",
            "2023",
            "-",
            "–",
            "to",
            "and",
            "between",
            "bln",
            "mln",
            "m",
            "bn",
            "%",
            "per cent",
            "tonnes",
            "about",
            "over",
            "up to",
            "people",
            "year-old",
            "a third of",
            "half",
            "twenty-five",
            "million",
            "November",
            "8",
            ",",
            ".",
            " ",
            "(",
            ")",
            "\n",
            "a",
            "barrel",
            "cents",
            "0",
        ]
    ),
    max_size=40,
).map(" ".join)


def _check(text: str) -> None:
    found = find_quantities(text)
    previous_end = 0
    for q in found:
        assert text[q.span.start : q.span.end] == q.text
        assert q.span.start >= previous_end
        assert q.span.end > q.span.start
        previous_end = q.span.end
        assert q.interval[0] <= q.value <= q.interval[1] or q.qualifier in {"over", "under"}
        assert q.low <= q.high


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_NEWSY)
def test_newsy_token_soup(text: str) -> None:
    _check(text)


@settings(max_examples=100)
@given(
    st.decimals(min_value=1, max_value=999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["Trade reached {}.", "It was {} in total", "{}"]),
)
def test_rescaling_gives_the_same_value(number: object, template: str) -> None:
    text_bln = f"${number} bln"
    millions = f"{float(str(number)) * 1000:,.0f}"
    forms = [text_bln, f"${millions} mln", f"{number} billion US dollars"]
    values = []
    for form in forms:
        found = find_quantities(template.format(form))
        assert len(found) == 1, (form, [q.text for q in found])
        values.append((found[0].value, found[0].unit))
    assert values[0][1] == values[1][1] == values[2][1] == "USD"
    assert values[0][0] == pytest.approx(values[1][0]) == pytest.approx(values[2][0])


@pytest.mark.parametrize(
    "text",
    [
        "9" * 1_000_000,
        "1 " * 100_000,
        "-" * 200_000,
        "$" * 200_000,
        "$1" * 100_000,
        "1,000," * 50_000,
        "one two three " * 20_000,
        "1-2-" * 50_000,
        ". " * 100_000,
    ],
    ids=[
        "digits",
        "numbers",
        "dashes",
        "dollars",
        "dollar-numbers",
        "commas",
        "words",
        "hyphens",
        "dots",
    ],
)
def test_pathological_inputs_are_linear(text: str) -> None:
    import time

    start = time.perf_counter()
    found = find_quantities(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 30.0  # linear-time bound, generous for a shared, slow CI machine
    for q in found[:50]:
        assert text[q.span.start : q.span.end] == q.text


@pytest.mark.parametrize(
    "unit",
    [
        "Exports rose 5.2% to $12.5 bln (up 3.1). ",
        "1. 2) 3, 4; ",
        "about 300 people, 2 times, 1/2 pound of 5 km ",
    ],
)
def test_time_grows_linearly(unit: str) -> None:
    import time

    def cost(n: int) -> float:
        text = unit * n
        start = time.perf_counter()
        find_quantities(text)
        return time.perf_counter() - start

    cost(100)
    small, large = cost(2_000), cost(16_000)
    assert large < 8 * small * 3  # 8x the text may cost at most ~3x the linear share
