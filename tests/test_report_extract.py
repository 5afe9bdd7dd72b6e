"""Output writers of ``claimcheck extract`` against golden files.

Set ``CLAIMCHECK_UPDATE_GOLDEN=1`` to rewrite the golden files after an
intended change of the output, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import attrs
import pytest
from conftest import fake_claims

from claimcheck.documents import LoadFailure, make_document
from claimcheck.model import Document, Period, PeriodKind
from claimcheck.report import EXTRACT_FORMATS, extract_writer
from claimcheck.report.extract_table import format_period, format_value

GOLDEN = Path(__file__).parent / "golden"

DOCUMENTS = (
    make_document(
        "Freedonia exports to Sylvania rose by 12.7% to $110.97 bln.\n"
        "Imports were $129.14 bln, so turnover reached $240.11 bln, over 26.3% more.\n",
        id="wire/one.md",
        published=dt.date(2024, 10, 28),
        path="corpus/wire/one.md",
    ),
    make_document(
        "date 2023-11-08 Nothing to count, \u201cquoted\u201d, with a comma.\n",
        id="two",
        path="two.txt",
    ),
)
FAILURE = LoadFailure("corpus/bad.md", "front matter 'published': invalid date 'x'", 2)
SKIP = LoadFailure("corpus/scan.pdf", "not a text document: PDF document", skipped=True)


def render(fmt: str) -> str:
    stream = io.StringIO()
    writer = extract_writer(fmt, stream)
    writer.document(DOCUMENTS[0], fake_claims(DOCUMENTS[0]))
    writer.failure(FAILURE)
    writer.document(DOCUMENTS[1], fake_claims(DOCUMENTS[1]))
    writer.failure(SKIP)
    writer.close()
    return stream.getvalue()


@pytest.mark.parametrize("fmt", EXTRACT_FORMATS)
def test_golden(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    suffix = {"table": "txt"}.get(fmt, fmt)
    golden = GOLDEN / f"extract.{suffix}"
    output = render(fmt)
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        with golden.open("w", encoding="utf-8", newline="") as stream:
            stream.write(output)
    with golden.open(encoding="utf-8", newline="") as stream:
        assert output == stream.read(), f"{golden} differs"
    assert output == render(fmt)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        extract_writer("xml", io.StringIO())


def test_value_and_period_formatting() -> None:
    document: Document = DOCUMENTS[0]
    claims = fake_claims(document)
    assert [format_value(c) for c in claims] == [
        "+12.7%",
        "110.97 bn USD",
        "129.14 bn USD",
        "240.11 bn USD",
        "+26.3%",
    ]
    assert format_period(claims[1]) == "2023"
    assert format_period(claims[0]) == ""


@pytest.mark.parametrize(
    ("start", "end", "kind", "expected"),
    [
        (dt.date(2024, 1, 1), dt.date(2024, 9, 30), "interval", "2024-01..2024-09"),
        (dt.date(2024, 9, 1), dt.date(2024, 9, 30), "interval", "2024-09"),
        (dt.date(2023, 4, 1), dt.date(2024, 3, 31), "interval", "2023-04..2024-03"),
        (dt.date(2024, 3, 5), dt.date(2024, 3, 5), "point", "2024-03-05"),
        (dt.date(2024, 3, 5), dt.date(2024, 4, 2), "interval", "2024-03-05..2024-04-02"),
        (None, dt.date(2024, 12, 31), "deadline", "by 2024"),
        (None, dt.date(2024, 6, 30), "deadline", "by 2024-06-30"),
        (None, None, "interval", "? (last year)"),
    ],
)
def test_period_formatting(
    start: dt.date | None, end: dt.date | None, kind: PeriodKind, expected: str
) -> None:
    document = DOCUMENTS[0]
    claim = attrs.evolve(fake_claims(document)[1], period=Period(start, end, "last year", kind))
    assert format_period(claim) == expected
