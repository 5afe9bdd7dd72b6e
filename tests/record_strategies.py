"""Hypothesis strategies for arbitrary documents and claims (every field, odd values).

Floats include infinities, NaN, ``-0.0``, huge and tiny values and plain
ints (which a ``float`` field accepts); strings include quotes, backslashes,
control and non-ASCII characters; every optional field is set or not.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from claimcheck.model import Claim, Document, Flow, Period, Quantity, Span, Unresolved

__all__ = ["claims", "documents", "numbers", "texts"]

numbers = (
    st.floats()
    | st.sampled_from([0.0, -0.0, 1e16, 1e-7, 1e22, 5e-324, 240110000000.0, 26.3])
    | st.integers(-(10**20), 10**20)
)
"""What a float field may hold."""

texts = st.text(max_size=12) | st.text(
    st.sampled_from('a"\\\n\t\x00\x1f\x7fé€\u2028😀 '), max_size=8
)
_opt_text = st.none() | texts
_dates = st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))


@st.composite
def claims(
    draw: st.DrawFn,
    *,
    numbers: st.SearchStrategy[float] = numbers,
    texts: st.SearchStrategy[str] = texts,
    dates: st.SearchStrategy[dt.date | None] = _dates,
    document_id: str | None = None,
    max_start: int = 200,
) -> Claim:
    """An arbitrary claim (its sentence span may reach past any text); the keyword
    arguments narrow what the fields hold (e.g. floats only, for a storage round trip)."""
    _opt_text = st.none() | texts
    start = draw(st.integers(0, max_start))
    quantity = Quantity(
        span=Span(start, start + draw(st.integers(0, 50))),
        text=draw(texts),
        value=draw(numbers),
        unit=draw(texts),
        interval=(draw(numbers), draw(numbers)),
        precision=draw(numbers),
        low=draw(numbers),
        high=draw(numbers),
        noun=draw(_opt_text),
        qualifier=draw(st.sampled_from([None, "about", "over", "at_least", "up_to"])),
        scale=draw(numbers),
        is_range=draw(st.booleans()),
        transition=draw(st.sampled_from([None, "from", "to"])),
    )
    period = draw(
        st.none()
        | st.builds(
            Period,
            dates,
            dates,
            texts,
            st.sampled_from(["interval", "deadline", "point"]),
            _opt_text,
        )
    )
    return Claim(
        id=draw(texts),
        document_id=draw(texts) if document_id is None else document_id,
        quantity=quantity,
        sentence=Span(draw(st.integers(0, 100)), draw(st.integers(0, 100))),
        kind=draw(st.sampled_from(["level", "change", "share", "target", "count"])),
        metric=draw(_opt_text),
        entities=tuple(draw(st.lists(texts, max_size=3))),
        flow=draw(st.none() | st.builds(Flow, texts, texts)),
        period=period,
        value=draw(numbers),
        interval=(draw(numbers), draw(numbers)),
        basis=draw(_opt_text),
        record=draw(st.booleans()),
        # field names may repeat: the JSON object keeps the last reason, in first place
        unresolved=tuple(
            draw(
                st.lists(
                    st.builds(Unresolved, st.sampled_from(["metric", "period"]) | texts, texts),
                    max_size=3,
                )
            )
        ),
    )


documents = st.builds(
    Document,
    id=texts,
    text=st.text(max_size=120),
    path=_opt_text,
    published=_dates,
    published_from=_opt_text,
    source=_opt_text,
    url=_opt_text,
    title=_opt_text,
)
"""An arbitrary document."""
