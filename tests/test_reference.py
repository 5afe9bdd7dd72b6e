"""Reference tables and CC701."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from engine_support import Article, article, codes, spec

from claimcheck.engine import check
from claimcheck.reference import (
    ReferenceError,
    default_reference_path,
    load_reference,
    parse_period,
)

HEADER = "metric,entities,flow,period,value,unit,scale,source\n"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "ref.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_parse_period() -> None:
    assert parse_period("2021") == (_dt.date(2021, 1, 1), _dt.date(2021, 12, 31))
    assert parse_period("2024-01/2024-06") == (_dt.date(2024, 1, 1), _dt.date(2024, 6, 30))
    assert parse_period("2023-04-01/2024-03-31") == (_dt.date(2023, 4, 1), _dt.date(2024, 3, 31))
    with pytest.raises(ValueError):
        parse_period("2024-06/2024-01")


def test_rows_have_rounding_intervals(tmp_path: Path) -> None:
    table = load_reference(
        _write(tmp_path, "trade_turnover,China;Russia,,2021,146.887,USD,bln,x\n")
    )
    (row,) = table.rows
    assert row.scope == ("China", "Russia")
    assert row.value.lo == pytest.approx(146.8865e9)
    assert row.value.hi == pytest.approx(146.8875e9)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("trade_turnover,China;Russia,,2021,146.887,USD,bln,\n", "source"),
        ("trade_turnover,China;Russia,,2021,lots,USD,bln,x\n", "bad value"),
        ("trade_turnover,,,2021,1,USD,bln,x\n", "entities or a flow"),
        ("exports,,China-Russia,2021,1,USD,bln,x\n", "flow must be"),
        ("trade_turnover,China;Russia,,21st,1,USD,bln,x\n", "period"),
    ],
)
def test_malformed_rows_name_file_and_line(tmp_path: Path, body: str, problem: str) -> None:
    with pytest.raises(ReferenceError) as error:
        load_reference(_write(tmp_path, body))
    assert ":2:" in str(error.value) and problem in str(error.value)


def test_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("metric,period,value\nx,2021,1\n", encoding="utf-8")
    with pytest.raises(ReferenceError, match="missing column"):
        load_reference(path)


def test_shipped_reference_has_sources() -> None:
    table = load_reference(default_reference_path())
    assert len(table) >= 30
    assert all(row.source.startswith("http") for row in table.rows)
    years = {row.start.year for row in table.rows}
    assert {2016, 2021, 2023, 2024} <= years


def _claim(surface: str) -> Article:
    return article(
        f"Trade between China and Russia reached {surface} in 2021.",
        [spec(text=surface, metric="trade_turnover", entities=("China", "Russia"), period="2021")],
    )


def test_claim_against_reference_reports_gap() -> None:
    report = check([_claim("$140 bln")], select=["CC701"], reference=default_reference_path())
    assert codes(report, "warning") == ["CC701"]
    finding = report.findings[0]
    assert finding.arithmetic is not None
    # the closest row is 146.9 (146.85-146.95); "$140 bln" stands for 139.5-140.5
    assert finding.arithmetic.gap == pytest.approx(146.85 - 140.5, abs=0.001)
    assert "http" in finding.message


def test_claim_agreeing_with_reference() -> None:
    report = check([_claim("$146.9 bln")], select=["CC701"], reference=default_reference_path())
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC701"]


def test_no_reference_no_results() -> None:
    report = check([_claim("$140 bln")], select=["CC701"])
    assert report.findings == () and report.verified == ()


def test_figure_of_another_scope_is_not_checked_against_the_reference() -> None:
    # $6.16 trillion is China's trade with the world, not with Russia (×42 the reference)
    report = check([_claim("$6.16 trillion")], select=["CC701"], reference=default_reference_path())
    assert report.findings == () and report.verified == ()
    assert [n.code for n in report.not_checked] == ["CC701"]


def test_scale_slip_and_typo_against_the_reference_are_reported(tmp_path: Path) -> None:
    slip = check([_claim("$146.9 mln")], select=["CC701"], reference=default_reference_path())
    assert codes(slip) == ["CC701"] and "wrong scale" in slip.findings[0].message
    reference = _write(tmp_path, "trade_turnover,China;Russia,,2021,19.7,USD,bln,a source\n")
    typo = check([_claim("$91.7 bln")], select=["CC701"], reference=reference)
    assert codes(typo) == ["CC701"] and "digits swapped (19.7" in typo.findings[0].message


def test_each_reference_table_is_used_by_its_own_run(tmp_path: Path) -> None:
    """CC701 keeps the table of the last reference it indexed (built once per run, not
    per relation group): a run with another table, or another pack, must not see it."""
    from claimcheck.checks.cc701_reference import _table
    from claimcheck.reference import load_reference

    agreeing = _write(tmp_path, "trade_turnover,China;Russia,,2021,140,USD,bln,one source\n")
    first = check([_claim("$140 bln")], select=["CC701"], reference=agreeing)
    assert first.findings == () and [v.code for v in first.verified] == ["CC701"]
    other = tmp_path / "other.csv"
    other.write_text(
        HEADER + "trade_turnover,China;Russia,,2021,150,USD,bln,another source\n", encoding="utf-8"
    )
    second = check([_claim("$140 bln")], select=["CC701"], reference=other)
    assert codes(second, "warning") == ["CC701"] and "another source" in second.findings[0].message
    table = load_reference(agreeing)
    flows = frozenset({"exports", "imports"})
    assert _table(table, flows) is _table(table, flows)
    assert _table(table, flows) is not _table(table, frozenset({"exports"}))
    assert _table(load_reference(other), flows) != _table(table, flows)
