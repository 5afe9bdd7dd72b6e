"""CC401, CC501, CC502: conflicting figures, verbal multipliers, percent vs points."""

from __future__ import annotations

import attrs
from engine_support import Article, article, codes, spec

from claimcheck.engine import check

PAIR = ("India", "United Arab Emirates")
FY = "2023-04..2024-03"


def _fy(surface: str, doc_id: str) -> Article:
    return article(
        f"Bilateral trade reached {surface} in FY2023-24.",
        [spec(text=surface, metric="trade_turnover", entities=PAIR, period=FY)],
        doc_id=doc_id,
    )


def test_conflicting_figures_across_articles() -> None:
    report = check([_fy("$85.6 bln", "a"), _fy("$83.64 bln", "b")], select=["CC401"])
    assert codes(report, "error") == ["CC401"]


def test_agreeing_figures_across_articles() -> None:
    report = check([_fy("$83.6 bln", "a"), _fy("$83.64 bln", "b")], select=["CC401"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC401"]


def test_scale_slip_is_named() -> None:
    report = check([_fy("$83.64 mln", "a"), _fy("$83.64 bln", "b")], select=["CC401"])
    assert codes(report, "error") == ["CC401"]
    assert "scale slip" in report.findings[0].message


def test_commodity_within_total_is_not_a_conflict() -> None:
    text = "Exports were $104.3 bln in 2023. Soybeans alone accounted for $38.9 bln of them."
    doc = article(
        text,
        [
            spec(text="$104.3 bln", metric="exports", flow=("Brazil", "China"), period="2023"),
            spec(text="$38.9 bln", metric="exports", flow=("Brazil", "China"), period="2023"),
        ],
    )
    assert check([doc], select=["CC401"]).findings == ()


def test_conflict_within_one_article_with_unresolved_period() -> None:
    text = (
        "Gas exports reached 7.4 bcm in January-September. Shipments in January-September "
        "were 8.4 bcm."
    )
    doc = article(
        text,
        [
            spec(
                text="7.4 bcm",
                metric="exports",
                flow=("Azerbaijan", "Turkey"),
                period="?january-september",
            ),
            spec(
                text="8.4 bcm",
                metric="exports",
                flow=("Azerbaijan", "Turkey"),
                period="?january-september",
            ),
        ],
    )
    assert codes(check([doc], select=["CC401"]), "error") == ["CC401"]


def test_swapped_flows() -> None:
    a = article(
        "China's exports to Russia were $110.97 bln and its imports $129.14 bln in 2023.",
        [
            spec(text="$110.97 bln", metric="exports", flow=("China", "Russia"), period="2023"),
            spec(text="$129.14 bln", metric="imports", flow=("Russia", "China"), period="2023"),
        ],
        doc_id="a",
    )
    b = article(
        "China's exports to Russia were $129.14 bln and its imports $110.97 bln in 2023.",
        [
            spec(text="$129.14 bln", metric="exports", flow=("China", "Russia"), period="2023"),
            spec(text="$110.97 bln", metric="imports", flow=("Russia", "China"), period="2023"),
        ],
        doc_id="b",
    )
    report = check([a, b], select=["CC401"])
    assert codes(report, "error") == ["CC401", "CC401"]
    assert all("swapped" in f.message for f in report.findings)


def _doubling(words: str, before: str, after: str) -> Article:
    text = f"Phone shipments {words}, from {before} in 2022 to {after} last year."
    return article(
        text,
        [
            spec(text=before, metric="exports", flow=("Vietnam", "South Korea"), period="2022"),
            spec(text=after, metric="exports", flow=("Vietnam", "South Korea"), period="2023"),
        ],
    )


def test_almost_doubled_by_a_fifth_is_an_error() -> None:
    report = check([_doubling("almost doubled", "$4.9 bln", "$5.9 bln")], select=["CC501"])
    assert codes(report, "error") == ["CC501"]
    assert "1.2" in report.findings[0].message


def test_almost_doubled_by_1_69_is_a_warning() -> None:
    report = check([_doubling("almost doubled", "$13 bln", "$22 bln")], select=["CC501"])
    assert codes(report, "warning") == ["CC501"]


def _share_from_to(before: str, after: str) -> Article:
    """One period's share "from" one figure "to" another (the words give the order)."""
    text = (
        "This year trade between China and Russia rose, and China's share of it almost "
        f"doubled, from {before} to {after}."
    )
    document, claims = article(
        text,
        [
            spec(text=before, kind="share", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text=after, kind="share", metric="trade_turnover", entities=PAIR, period="2023"),
        ],
    )
    moves = ("from", "to")
    marked = tuple(
        attrs.evolve(c, quantity=attrs.evolve(c.quantity, transition=t))
        for c, t in zip(claims, moves, strict=True)
    )
    return document, marked


def test_almost_doubled_from_to_in_one_period() -> None:
    report = check([_share_from_to("13%", "22%")], select=["CC501"])
    assert codes(report, "warning") == ["CC501"]
    assert "factor of 1.7 (" in report.findings[0].message
    held = check([_share_from_to("11%", "21%")], select=["CC501"])
    assert held.findings == ()
    assert [v.code for v in held.verified] == ["CC501"]


def test_doubled_holds() -> None:
    report = check([_doubling("doubled", "$2.1 bln", "$4.3 bln")], select=["CC501"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC501"]
    halved = check([_doubling("halved", "$4.3 bln", "$2.1 bln")], select=["CC501"])
    assert halved.findings == ()


def _share_change(unit_words: str) -> Article:
    text = (
        "China's share of exports climbed to 30.7% last year from 26.8% in 2022, "
        f"up 3.9{unit_words}."
    )
    surface = (
        "3.9" + unit_words.split(" ", maxsplit=1)[0]
        if unit_words == "%"
        else "3.9 percentage points"
    )
    return article(
        text,
        [
            spec(
                text="30.7%",
                metric="exports",
                kind="share",
                flow=("Brazil", "China"),
                period="2023",
            ),
            spec(
                text="26.8%",
                metric="exports",
                kind="share",
                flow=("Brazil", "China"),
                period="2022",
            ),
            spec(
                text=surface,
                metric="exports",
                kind="change",
                flow=("Brazil", "China"),
                period="2023",
            ),
        ],
    )


def test_points_reported_as_percent() -> None:
    report = check([_share_change("%")], select=["CC502"])
    assert codes(report, "error") == ["CC502"]
    assert "percentage points" in report.findings[0].message


def test_points_reported_as_points() -> None:
    report = check([_share_change(" percentage points")], select=["CC502"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC502"]
