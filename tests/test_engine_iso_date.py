"""The remembered date texts of period keys and of the claims store (``iso_date``)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.engine import index
from claimcheck.engine.index import iso_date
from claimcheck.store import codec

_days = st.one_of(st.dates(), st.datetimes())


@settings(max_examples=300, deadline=None)
@given(st.lists(_days, max_size=20))
def test_remembered_texts_are_isoformat(days: list[dt.date]) -> None:
    """Dates and datetimes (a date subclass, equal to no date) each keep their own text,
    asked for in any order and again."""
    for day in [*days, *reversed(days)]:
        assert iso_date(day) == day.isoformat()
        assert codec._date(day) == day.isoformat()
    assert codec._date(None) is None


def test_the_memory_is_bounded() -> None:
    start = dt.date(2000, 1, 1)
    for offset in range(index._ISO_CAP + 10):
        day = start + dt.timedelta(days=offset)
        assert iso_date(day) == day.isoformat()
        assert codec._date(day) == day.isoformat()
    assert len(index._ISO) <= index._ISO_CAP
    assert len(codec._ISO) <= index._ISO_CAP


def test_a_date_and_the_datetime_of_its_midnight_keep_their_own_texts() -> None:
    day, midnight = dt.date(2001, 2, 3), dt.datetime(2001, 2, 3)
    for value in (day, midnight, day, midnight):
        assert iso_date(value) == value.isoformat()
        assert codec._date(value) == value.isoformat()
