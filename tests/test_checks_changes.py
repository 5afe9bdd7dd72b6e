"""CC201-CC203: growth rates against levels, implied earlier levels, directions."""

from __future__ import annotations

from engine_support import Article, article, codes, spec

from claimcheck.engine import check

PAIR = ("India", "United Arab Emirates")


def _growth(stated: str, sign: int, now: str, before: str, basis: str | None = "yoy") -> Article:
    text = (
        f"Trade fell {stated} to {now} in FY2023-24 from {before} a year earlier."
        if sign < 0
        else f"Trade rose {stated} to {now} in FY2023-24 from {before} a year earlier."
    )
    return article(
        text,
        [
            spec(
                text=stated,
                metric="trade_turnover",
                kind="change",
                entities=PAIR,
                period="2023-04..2024-03",
                sign=sign,
                basis=basis,
            ),
            spec(text=now, metric="trade_turnover", entities=PAIR, period="2023-04..2024-03"),
            spec(text=before, metric="trade_turnover", entities=PAIR, period="2022-04..2023-03"),
        ],
    )


def test_growth_against_levels_fails() -> None:
    report = check([_growth("6.4%", -1, "$83.64 bln", "$84.84 bln")], select=["CC201"])
    assert codes(report, "error") == ["CC201"]
    arithmetic = report.findings[0].arithmetic
    assert arithmetic is not None and arithmetic.computed[0] < -1.41 < arithmetic.computed[1]


def test_growth_against_levels_holds() -> None:
    report = check([_growth("1.4%", -1, "$83.64 bln", "$84.84 bln")], select=["CC201"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC201"]


def test_growth_sign_flip_fails() -> None:
    report = check([_growth("1.4%", +1, "$83.64 bln", "$84.84 bln")], select=["CC201"])
    assert codes(report, "error") == ["CC201"]


def test_growth_across_articles() -> None:
    now = article(
        "Exports to Russia increased by 4.1% to $115.49 bln in 2024.",
        [
            spec(
                text="4.1%",
                metric="exports",
                kind="change",
                flow=("China", "Russia"),
                period="2024",
            ),
            spec(text="$115.49 bln", metric="exports", flow=("China", "Russia"), period="2024"),
        ],
        doc_id="b",
    )
    before = article(
        "Exports to Russia were $110.97 bln in 2023.",
        [spec(text="$110.97 bln", metric="exports", flow=("China", "Russia"), period="2023")],
        doc_id="a",
    )
    assert check([now, before], select=["CC201"]).findings == ()
    wrong = article(
        "Exports to Russia were $100.97 bln in 2023.",
        [spec(text="$100.97 bln", metric="exports", flow=("China", "Russia"), period="2023")],
        doc_id="a",
    )
    assert codes(check([now, wrong], select=["CC201"]), "error") == ["CC201"]


def test_change_of_a_commodity_is_not_compared_with_money() -> None:
    text = "Crude deliveries rose 1.3% to 108.5 mln tonnes in 2024. Imports were $129.32 bln."
    doc = article(
        text,
        [
            spec(
                text="1.3%",
                metric="imports",
                kind="change",
                flow=("Russia", "China"),
                period="2024",
            ),
            spec(
                text="108.5 mln tonnes", metric="imports", flow=("Russia", "China"), period="2024"
            ),
            spec(text="$129.32 bln", metric="imports", flow=("Russia", "China"), period="2024"),
        ],
    )
    other = article(
        "Imports were $129.14 bln in 2023.",
        [spec(text="$129.14 bln", metric="imports", flow=("Russia", "China"), period="2023")],
        doc_id="b",
    )
    assert check([doc, other], select=["CC201"]).findings == ()


def _implied(  # noqa: PLR0917
    total: str,
    g_total: str,
    s_total: int,
    exports: str,
    g_exp: str,
    imports: str,
    g_imp: str,
    s_imp: int = 1,
) -> Article:
    text = (
        f"Trade changed {g_total} to {total} in 2023. Exports grew {g_exp} to {exports}, "
        f"imports changed {g_imp} to {imports}."
    )
    return article(
        text,
        [
            spec(
                text=g_total,
                metric="trade_turnover",
                kind="change",
                entities=("China", "Russia"),
                period="2023",
                sign=s_total,
            ),
            spec(text=total, metric="trade_turnover", entities=("China", "Russia"), period="2023"),
            spec(
                text=g_exp, metric="exports", kind="change", flow=("China", "Russia"), period="2023"
            ),
            spec(text=exports, metric="exports", flow=("China", "Russia"), period="2023"),
            spec(
                text=g_imp,
                metric="imports",
                kind="change",
                flow=("Russia", "China"),
                period="2023",
                sign=s_imp,
            ),
            spec(text=imports, metric="imports", flow=("Russia", "China"), period="2023"),
        ],
    )


def test_implied_prior_identity_holds_for_the_seed_figures() -> None:
    doc = _implied("$240.11 bln", "26.3%", 1, "$110.97 bln", "46.9%", "$129.14 bln", "12.7%")
    report = check([doc], select=["CC202"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC202"]


def test_implied_prior_identity_fails() -> None:
    doc = _implied("$116.82 bln", "1.8%", 1, "$52.72 bln", "14%", "$64.10 bln", "3.9%", -1)
    report = check([doc], select=["CC202"])
    assert codes(report, "error") == ["CC202"]
    assert "114.75" in report.findings[0].message


def test_implied_prior_of_a_balance() -> None:
    text = (
        "Imports from Russia rose 3.9% to $75.03 bln, exports fell 1.1% to $61.64 bln, and "
        "Russia's surplus grew 48% to $13.39 bln."
    )
    specs = [
        spec(
            text="3.9%",
            metric="imports",
            kind="change",
            flow=("Russia", "China"),
            period="2024-01..2024-07",
        ),
        spec(
            text="$75.03 bln", metric="imports", flow=("Russia", "China"), period="2024-01..2024-07"
        ),
        spec(
            text="1.1%",
            metric="exports",
            kind="change",
            flow=("China", "Russia"),
            period="2024-01..2024-07",
            sign=-1,
        ),
        spec(
            text="$61.64 bln", metric="exports", flow=("China", "Russia"), period="2024-01..2024-07"
        ),
        spec(
            text="48%",
            metric="trade_balance",
            kind="change",
            entities=("China", "Russia"),
            period="2024-01..2024-07",
        ),
        spec(
            text="$13.39 bln",
            metric="trade_balance",
            entities=("China", "Russia"),
            period="2024-01..2024-07",
        ),
    ]
    report = check([article(text, specs)], select=["CC202"])
    assert codes(report, "error") == ["CC202"]
    specs[4]["text"] = "35%"
    text = text.replace("48%", "35%")
    assert check([article(text, specs)], select=["CC202"]).findings == ()


def _directions(total_sign: int) -> Article:
    text = "Trade changed 3% in 2023, while exports rose 2.1% and imports 4.6%."
    return article(
        text,
        [
            spec(
                text="3%",
                metric="trade_turnover",
                kind="change",
                entities=("Germany", "Turkey"),
                period="2023",
                sign=total_sign,
            ),
            spec(
                text="2.1%",
                metric="exports",
                kind="change",
                flow=("Turkey", "Germany"),
                period="2023",
            ),
            spec(
                text="4.6%",
                metric="imports",
                kind="change",
                flow=("Germany", "Turkey"),
                period="2023",
            ),
        ],
    )


def test_total_falls_while_parts_rise() -> None:
    report = check([_directions(-1)], select=["CC203"])
    assert codes(report, "error") == ["CC203"]
    assert "fall" in report.findings[0].message


def test_total_rises_with_parts() -> None:
    report = check([_directions(+1)], select=["CC203"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC203"]


def test_large_growth_with_reversed_sign_is_an_error() -> None:
    text = "Arrivals fell 32% to 14.9 million tourists in 2023, from 11.3 million tourists in 2022."
    specs = [
        spec(
            text="32%",
            metric="tourist_arrivals",
            kind="change",
            entities=("Egypt",),
            period="2023",
            sign=-1,
        ),
        spec(
            text="14.9 million tourists",
            metric="tourist_arrivals",
            entities=("Egypt",),
            period="2023",
        ),
        spec(
            text="11.3 million tourists",
            metric="tourist_arrivals",
            entities=("Egypt",),
            period="2022",
        ),
    ]
    report = check([article(text, specs)], select=["CC201"])
    assert codes(report, "error") == ["CC201"]
    assert "reversed" in report.findings[0].message


def test_levels_far_apart_in_the_change_sentence_are_compared() -> None:
    # both levels are in the change's sentence: they are what it compares, however far apart
    report = check([_growth("1.4%", -1, "$83.64 bln", "$24.84 bln")], select=["CC201"])
    assert codes(report, "error") == ["CC201"]


def test_levels_far_apart_elsewhere_are_of_another_scope() -> None:
    text = (
        "Trade rose 1.4% in FY2023-24. Earlier, the ministry put trade at $24.84 bln in "
        "FY2022-23. This year it reached $83.64 bln."
    )
    specs = [
        spec(
            text="1.4%",
            metric="trade_turnover",
            kind="change",
            entities=PAIR,
            period="2023-04..2024-03",
            basis="yoy",
        ),
        spec(text="$24.84 bln", metric="trade_turnover", entities=PAIR, period="2022-04..2023-03"),
        spec(text="$83.64 bln", metric="trade_turnover", entities=PAIR, period="2023-04..2024-03"),
    ]
    report = check([article(text, specs)], select=["CC201"])
    assert report.findings == ()
    assert [n.code for n in report.not_checked] == ["CC201"]
