"""The last day of a month, computed without ``calendar.monthrange``."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.periods import _last_day


@given(st.integers(1, 9999), st.integers(1, 12))
def test_last_day_is_the_calendars(year: int, month: int) -> None:
    assert _last_day(year, month) == dt.date(year, month, calendar.monthrange(year, month)[1])


@pytest.mark.parametrize("year", [1900, 2000, 2023, 2024, 2100])
def test_last_day_of_february(year: int) -> None:
    assert _last_day(year, 2).day == calendar.monthrange(year, 2)[1]


@pytest.mark.parametrize("month", [0, 13, -1])
def test_last_day_of_no_month_raises_as_before(month: int) -> None:
    with pytest.raises(calendar.IllegalMonthError):
        _last_day(2020, month)
