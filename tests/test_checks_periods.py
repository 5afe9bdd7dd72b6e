"""CC301-CC302: sub-periods and period sums."""

from __future__ import annotations

from engine_support import Article, article, codes, spec

from claimcheck.engine import check

PAIR = ("Kazakhstan", "Uzbekistan")


def _level(text: str, surface: str, period: str, doc_id: str) -> Article:
    return article(
        text,
        [spec(text=surface, metric="trade_turnover", entities=PAIR, period=period)],
        doc_id=doc_id,
    )


def test_subperiod_larger_than_year_across_articles() -> None:
    ytd = _level(
        "Trade reached $3.42 bln in January-October.", "$3.42 bln", "2024-01..2024-10", "a"
    )
    year = _level("Trade reached $3.29 bln in 2024.", "$3.29 bln", "2024", "b")
    report = check([ytd, year], select=["CC301"])
    assert codes(report, "error") == ["CC301"]
    assert {c.document for c in report.findings[0].claims} == {"a", "b"}


def test_subperiod_within_year() -> None:
    ytd = _level(
        "Trade reached $3.02 bln in January-October.", "$3.02 bln", "2024-01..2024-10", "a"
    )
    year = _level("Trade reached $3.29 bln in 2024.", "$3.29 bln", "2024", "b")
    report = check([ytd, year], select=["CC301"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC301"]


def test_balance_is_not_cumulative() -> None:
    text = "The surplus was $1.5 bln in January-October and $1.2 bln for the year."
    doc = article(
        text,
        [
            spec(text="$1.5 bln", metric="trade_balance", entities=PAIR, period="2024-01..2024-10"),
            spec(text="$1.2 bln", metric="trade_balance", entities=PAIR, period="2024"),
        ],
    )
    report = check([doc], select=["CC301"])
    assert report.findings == () and report.verified == ()


def _ytd(may: str, june: str, half: str) -> Article:
    text = f"Trade was {may} in January-May and {june} in June, bringing the half-year to {half}."
    return article(
        text,
        [
            spec(
                text=may,
                metric="trade_turnover",
                entities=("China", "Russia"),
                period="2024-01..2024-05",
            ),
            spec(
                text=june,
                metric="trade_turnover",
                entities=("China", "Russia"),
                period="2024-06..2024-06",
            ),
            spec(
                text=half,
                metric="trade_turnover",
                entities=("China", "Russia"),
                period="2024-01..2024-06",
            ),
        ],
    )


def test_year_to_date_plus_month_fails() -> None:
    report = check([_ytd("$98.1 bln", "$19.7 bln", "$116.82 bln")], select=["CC302"])
    assert codes(report, "error") == ["CC302"]
    assert "117.8" in report.findings[0].message


def test_year_to_date_plus_month_holds() -> None:
    report = check([_ytd("$97.1 bln", "$19.7 bln", "$116.82 bln")], select=["CC302"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC302"]
