"""CC601-CC603: targets, target status, records."""

from __future__ import annotations

import datetime as dt

from engine_support import Article, article, codes, spec

from claimcheck.engine import check

PAIR = ("China", "Russia")


def _target(
    surface: str,
    doc_id: str,
    deadline: str | None = "by 2024",
    published: dt.date | None = None,
) -> Article:
    return article(
        f"The two governments set a goal of {surface} for 2024.",
        [
            spec(
                text=surface, metric="trade_turnover", kind="target", entities=PAIR, period=deadline
            )
        ],
        doc_id=doc_id,
        published=published,
    )


def test_conflicting_targets_across_articles() -> None:
    report = check([_target("$200 bln", "a"), _target("$250 bln", "b")], select=["CC601"])
    assert codes(report, "warning") == ["CC601"]


def test_agreeing_targets() -> None:
    report = check([_target("$200 bln", "a"), _target("$200 bln", "b")], select=["CC601"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC601"]


def test_target_without_deadline_is_not_checked() -> None:
    report = check([_target("$200 bln", "a", None)], select=["CC601"])
    assert report.findings == () and report.verified == ()
    assert [n.code for n in report.not_checked] == ["CC601"]


def test_undated_targets_of_dated_articles_are_compared() -> None:
    early, late = dt.date(2022, 2, 4), dt.date(2023, 11, 8)
    report = check(
        [_target("$250 bln", "a", None, early), _target("$200 bln", "b", None, late)],
        select=["CC601"],
    )
    assert codes(report, "warning") == ["CC601"]
    message = report.findings[0].message
    assert "2022-02-04" in message and "2023-11-08" in message and "deadline" in message
    agree = check(
        [_target("$200 bln", "a", None, early), _target("$200 bln", "b", None, late)],
        select=["CC601"],
    )
    assert agree.findings == ()
    assert [v.code for v in agree.verified] == ["CC601"]


def test_undated_targets_need_publication_dates_and_two_articles() -> None:
    unknown = check(
        [_target("$250 bln", "a", None), _target("$200 bln", "b", None, dt.date(2023, 1, 5))],
        select=["CC601"],
    )
    assert unknown.findings == () and unknown.verified == ()
    # never against a dated target
    mixed = check(
        [_target("$250 bln", "a", None, dt.date(2022, 2, 4)), _target("$200 bln", "b")],
        select=["CC601"],
    )
    assert mixed.findings == () and mixed.verified == ()


def test_target_said_met_but_missed() -> None:
    text = "Deliveries reached 31.2 bcm in 2024, meeting the target of 38 bcm for the year."
    doc = article(
        text,
        [
            spec(text="31.2 bcm", metric="exports", flow=("Russia", "China"), period="2024"),
            spec(
                text="38 bcm",
                metric="exports",
                kind="target",
                flow=("Russia", "China"),
                period="by 2024",
            ),
        ],
    )
    report = check([doc], select=["CC602"])
    assert codes(report, "error") == ["CC602"]


def test_target_said_met_and_met_early() -> None:
    text = (
        "Trade reached $240.11 bln in 2023. The goal of $200 bln set for 2024 was reached a "
        "year early."
    )
    doc = article(
        text,
        [
            spec(text="$240.11 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(
                text="$200 bln",
                metric="trade_turnover",
                kind="target",
                entities=PAIR,
                period="by 2024",
            ),
        ],
    )
    report = check([doc], select=["CC602"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC602"]


def test_target_said_missed_but_exceeded() -> None:
    text = "Trade reached $240.11 bln in 2023. The goal of $200 bln for 2024 was missed."
    doc = article(
        text,
        [
            spec(text="$240.11 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(
                text="$200 bln",
                metric="trade_turnover",
                kind="target",
                entities=PAIR,
                period="by 2024",
            ),
        ],
    )
    assert codes(check([doc], select=["CC602"]), "error") == ["CC602"]


def _record(record: str, earlier: str) -> list[Article]:
    now = article(
        f"Trade reached a record {record} in 2024.",
        [
            spec(
                text=record,
                metric="trade_turnover",
                entities=("Brazil", "China"),
                period="2024",
                record=True,
            )
        ],
        doc_id="b",
    )
    before = article(
        f"Trade reached {earlier} in 2023.",
        [spec(text=earlier, metric="trade_turnover", entities=("Brazil", "China"), period="2023")],
        doc_id="a",
    )
    return [now, before]


def test_record_contradicted_by_earlier_figure() -> None:
    report = check(_record("$136.3 bln", "$157.5 bln"), select=["CC603"])
    assert codes(report, "error") == ["CC603"]


def test_record_above_earlier_figure() -> None:
    report = check(_record("$160.3 bln", "$157.5 bln"), select=["CC603"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC603"]


def test_targets_a_scale_slip_apart_are_an_error() -> None:
    """Targets of "$10 bln" and "$10,000 bln" for one deadline: a misprint, not another goal."""
    report = check([_target("$200 bln", "a"), _target("$200,000 bln", "b")])
    assert [(f.code, f.severity) for f in report.findings] == [("CC401", "error")]
    assert "scale slip" in report.findings[0].message
