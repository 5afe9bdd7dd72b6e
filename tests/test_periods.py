"""Period phrases: absolute, relative, anaphoric, deadlines, bases, events."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract.claims import build_claims
from claimcheck.extract.periods import PeriodMention, find_periods, implied_last_year
from claimcheck.extract.quantities import find_quantities
from claimcheck.model import Document

D = dt.date


def _periods(text: str, published: dt.date | None = None) -> list[PeriodMention]:
    return list(find_periods(text, published))


def _one(text: str, published: dt.date | None = None) -> PeriodMention:
    found = _periods(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("Trade grew in 2019.", None, D(2019, 1, 1), D(2019, 12, 31)),
        ("Trade grew in January-October 2022.", None, D(2022, 1, 1), D(2022, 10, 31)),
        ("Trade grew in Jan.-June 2018.", None, D(2018, 1, 1), D(2018, 6, 30)),
        ("Trade grew in Q1 2020.", None, D(2020, 1, 1), D(2020, 3, 31)),
        ("Trade grew in the I quarter of 2020.", None, D(2020, 1, 1), D(2020, 3, 31)),
        ("Trade grew in the third quarter of 2021.", None, D(2021, 7, 1), D(2021, 9, 30)),
        ("Trade grew in the first half of 2018.", None, D(2018, 1, 1), D(2018, 6, 30)),
        ("Trade grew in H2 2019.", None, D(2019, 7, 1), D(2019, 12, 31)),
        ("Trade grew in March 2020.", None, D(2020, 3, 1), D(2020, 3, 31)),
        ("Trade grew in 2016-2018.", None, D(2016, 1, 1), D(2018, 12, 31)),
        ("Trade grew in the first four months of 2021.", None, D(2021, 1, 1), D(2021, 4, 30)),
        # relative to the publication date
        ("Trade grew last year.", D(2016, 1, 14), D(2015, 1, 1), D(2015, 12, 31)),
        ("Trade grew this year.", D(2023, 11, 8), D(2023, 1, 1), D(2023, 12, 31)),
        ("Trade grew over the past year.", D(2023, 1, 13), D(2022, 1, 1), D(2022, 12, 31)),
        (
            "Trade grew in the first 9 months of this year.",
            D(2024, 10, 28),
            D(2024, 1, 1),
            D(2024, 9, 30),
        ),
        # a month range without a year: the latest one begun by publication
        ("Trade grew in January-October.", D(2023, 11, 8), D(2023, 1, 1), D(2023, 10, 31)),
        ("Trade grew in January-July.", D(2024, 8, 7), D(2024, 1, 1), D(2024, 7, 31)),
        ("Trade grew in November.", D(2024, 2, 1), D(2023, 11, 1), D(2023, 11, 30)),
        ("Trade grew in H1.", D(2019, 8, 1), D(2019, 1, 1), D(2019, 6, 30)),
    ],
)
def test_resolved_periods(
    text: str, published: dt.date | None, start: dt.date, end: dt.date
) -> None:
    mention = _one(text, published)
    assert mention.role == "period"
    assert (mention.period.start, mention.period.end) == (start, end)
    assert mention.period.unresolved is None
    assert mention.period.text in text


def test_relative_period_without_publication_date_stays_unresolved() -> None:
    for text in ("Trade grew last year.", "It rose in the first half of this year."):
        mention = _one(text)
        assert mention.period.start is None
        assert mention.period.end is None
        assert mention.period.unresolved == "relative to an unknown publication date"


def test_month_without_year_or_date_stays_unresolved() -> None:
    mention = _one("Trade grew in July.")
    assert mention.period.start is None
    assert mention.period.unresolved is not None


def test_month_takes_the_year_of_the_previous_sentence() -> None:
    text = "In 2019 trade grew by 3%. In March, it fell."
    march = _periods(text, D(2024, 5, 1))[1]
    assert (march.period.start, march.period.end) == (D(2019, 3, 1), D(2019, 3, 31))


def test_month_far_from_an_explicit_year_uses_publication_date() -> None:
    text = "In 2019 trade grew.\n\nOther news.\n\nMore. In March, it fell."
    march = _periods(text, D(2024, 5, 1))[1]
    assert march.period.start == D(2024, 3, 1)


def test_deadlines() -> None:
    mention = _one("The goal is $200 bln by 2024.")
    assert mention.role == "deadline"
    assert mention.period.kind == "deadline"
    assert (mention.period.start, mention.period.end) == (None, D(2024, 12, 31))
    either = _one("They will reach it by 2024 or 2025.")
    assert either.period.end == D(2025, 12, 31)
    year_end = _one("By the end of the year there will be more.", D(2021, 12, 9))
    assert year_end.period.end == D(2021, 12, 31)


def test_anaphoric_period_takes_the_period_in_force() -> None:
    text = "In January-August 2023 trade rose. Exports during this period grew."
    first, second = _periods(text)
    assert second.role == "anaphoric"
    assert second.period.text == "during this period"
    assert (second.period.start, second.period.end) == (first.period.start, first.period.end)
    lonely = _one("Exports in the reporting period grew.")
    assert lonely.period.start is None
    assert lonely.period.unresolved is not None


def test_comparison_bases_and_events_are_not_periods() -> None:
    found = _periods("In July trade fell compared to June.", D(2024, 8, 7))
    assert [m.role for m in found] == ["period", "basis"]
    assert found[1].granularity == "month"
    same = _one("It rose compared to the same period last year.")
    assert same.role == "basis"
    event = _one("Putin said on October 18 that trade was good.", D(2023, 11, 8))
    assert event.role == "event"
    assert event.period.kind == "point"
    assert event.period.start == D(2023, 10, 18)
    dateline = _one("BEIJING, August 7. Trade grew.", D(2024, 8, 7))
    assert dateline.role == "event"


def test_not_periods() -> None:
    assert _periods("It may grow, and prices march on; $2023 bln and 2023.5 tonnes.") == []
    assert _periods("Year-on-year growth was 5%.") == []


@pytest.mark.parametrize(
    ("text", "published", "fiscal", "start", "end"),
    [
        (
            "Trade fell in the financial year that ended in March.",
            D(2024, 5, 10),
            None,
            D(2023, 4, 1),
            D(2024, 3, 31),
        ),
        (
            "Trade fell in the fiscal year ending June 2023.",
            None,
            None,
            D(2022, 7, 1),
            D(2023, 6, 30),
        ),
        ("Trade fell in 2022-23.", None, 4, D(2022, 4, 1), D(2023, 3, 31)),
        ("Trade fell in FY2023-24.", None, 4, D(2023, 4, 1), D(2024, 3, 31)),
        ("Trade fell in FY24.", None, 7, D(2023, 7, 1), D(2024, 6, 30)),
        ("Trade fell in the 2023/24 fiscal year.", None, 4, D(2023, 4, 1), D(2024, 3, 31)),
    ],
)
def test_fiscal_years(
    text: str, published: dt.date | None, fiscal: int | None, start: dt.date, end: dt.date
) -> None:
    found = find_periods(text, published, fiscal_year_start=fiscal)
    assert len(found) == 1, found
    assert (found[0].role, found[0].period.start, found[0].period.end) == ("period", start, end)


def test_fiscal_years_without_a_calendar_stay_unresolved() -> None:
    mention = _one("Trade fell in 2022-23.")
    assert mention.period.start is None and mention.period.unresolved
    # Not a split year: the second part is not the next year.
    assert _periods("Trade fell in 2010-15.")[0].period.start == D(2010, 1, 1)


def test_month_counts_quarters_and_as_of_dates() -> None:
    ten = _one("Exports grew over the ten months.", D(2023, 11, 8))
    assert (ten.period.start, ten.period.end) == (D(2023, 1, 1), D(2023, 10, 31))
    # "the three months to June" is not the first three months.
    assert all(m.granularity != "months" for m in _periods("in the three months to June 2023"))
    last = _one("Imports grew in the last quarter of 2024.")
    assert (last.period.start, last.period.end) == (D(2024, 10, 1), D(2024, 12, 31))
    assert _periods("Imports grew last quarter.") == []
    stock = _one("Investment stood at $5 bln as of Dec. 31, 2023.")
    assert (stock.role, stock.period.start, stock.period.end) == (
        "period",
        D(2023, 12, 31),
        D(2023, 12, 31),
    )


def test_event_dates_and_narrowed_periods() -> None:
    since = _one("Exports have doubled since May 2022.")
    assert since.role == "event"
    signed = _one("The pact entered into force in February 2019.")
    assert signed.role == "event"
    text = (
        "Trade reached $9 bln in January-September 2024. Trade in September alone was "
        "$1 bln. Exports reached $4 bln over the same period."
    )
    september, same = _periods(text)[1:]
    assert september.narrow
    assert (same.role, same.period.start, same.period.end) == (
        "anaphoric",
        D(2024, 1, 1),
        D(2024, 9, 30),
    )
    basis = _one("Trade grew 5% compared with the same period of 2023.")
    assert basis.role == "basis"


def test_a_total_reached_by_now_early_in_a_year_is_the_last_full_years() -> None:
    feb = dt.date(2022, 2, 4)
    period = implied_last_year("Our trade with China has already reached ", feb)
    assert period is not None
    assert (period.start, period.end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert implied_last_year("Trade has reached about ", dt.date(2024, 3, 30)) is not None
    # later in the year, another tense, or no publication date: no period
    assert implied_last_year("Our trade has already reached ", dt.date(2022, 6, 4)) is None
    assert implied_last_year("Our trade reached ", feb) is None
    assert implied_last_year("Our trade has already reached ", None) is None


def test_claims_without_a_time_phrase_take_the_implied_year() -> None:
    text = "Trade between Chile and Norway has already reached $4.2 bln, the minister said."
    for published, expected in ((dt.date(2023, 1, 20), 2022), (dt.date(2023, 7, 1), None)):
        document = Document(id="d", text=text, published=published)
        (claim,) = build_claims(document, find_quantities(text))
        year = None if claim.period is None or claim.period.end is None else claim.period.end.year
        assert (claim.kind, year) == ("level", expected)
