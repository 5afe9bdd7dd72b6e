"""CC101-CC104: parts, balances, parts of wholes, shares."""

from __future__ import annotations

from engine_support import Article, article, codes, spec

from claimcheck.engine import check

PAIR = ("China", "Russia")


def _trade(total: str, exports: str, imports: str, balance: str | None = None) -> Article:
    text = (
        f"Trade between China and Russia reached {total} in 2023. China's exports were "
        f"{exports} and its imports {imports}."
    )
    specs = [
        spec(text=total, metric="trade_turnover", entities=PAIR, period="2023"),
        spec(text=exports, metric="exports", flow=("China", "Russia"), period="2023"),
        spec(text=imports, metric="imports", flow=("Russia", "China"), period="2023"),
    ]
    if balance is not None:
        text += f" China ran a deficit of {balance}."
        specs.append(
            spec(
                text=balance,
                metric="trade_balance",
                flow=("China", "Russia"),
                period="2023",
                sign=-1,
            )
        )
    return article(text, specs)


def test_parts_sum_fails_when_parts_miss_the_total() -> None:
    report = check([_trade("$99.84 bln", "$50.37 bln", "$48.47 bln")], select=["CC101"])
    assert codes(report, "error") == ["CC101"]
    finding = report.findings[0]
    assert finding.arithmetic is not None
    assert finding.arithmetic.gap > 0.9
    assert "98.84" in finding.message and "99.84" in finding.message
    assert {c.text for c in finding.claims} == {"$99.84 bln", "$50.37 bln", "$48.47 bln"}


def test_parts_sum_holds_within_rounding() -> None:
    report = check([_trade("$240.11 bln", "$110.97 bln", "$129.14 bln")], select=["CC101"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC101"]


def test_parts_sum_uses_rounding_of_coarse_figures() -> None:
    # 110 + 129 = 239 but "$240 bln" may be anything from 239.5 to 240.5, and the parts 238-240
    report = check([_trade("$240 bln", "$110 bln", "$129 bln")], select=["CC101"])
    assert report.findings == ()


def test_small_gap_within_tolerance_is_a_warning() -> None:
    # 110.97 + 129.14 = 240.11; 240.6 is 0.2% off: beyond rounding, within the 0.5% tolerance
    report = check([_trade("$240.6 bln", "$110.97 bln", "$129.14 bln")], select=["CC101"])
    assert codes(report, "warning") == ["CC101"]


def test_balance_fails_and_passes() -> None:
    bad = check(
        [_trade("$244.81 bln", "$115.49 bln", "$129.32 bln", "$14.83 bln")], select=["CC102"]
    )
    assert codes(bad, "error") == ["CC102"]
    good = check(
        [_trade("$240.11 bln", "$110.97 bln", "$129.14 bln", "$18.17 bln")], select=["CC102"]
    )
    assert good.findings == ()
    assert [v.code for v in good.verified] == ["CC102"]


def test_balance_with_wrong_sign_fails() -> None:
    text = "China's exports were $110.97 bln and imports $129.14 bln, a surplus of $18.17 bln."
    doc = article(
        text,
        [
            spec(text="$110.97 bln", metric="exports", flow=("China", "Russia"), period="2023"),
            spec(text="$129.14 bln", metric="imports", flow=("Russia", "China"), period="2023"),
            spec(
                text="$18.17 bln", metric="trade_balance", flow=("China", "Russia"), period="2023"
            ),
        ],
    )
    assert codes(check([doc], select=["CC102"]), "error") == ["CC102"]


def test_part_exceeds_whole() -> None:
    text = "Trade reached $20.1 bln in 2023. Exports alone were $23.4 bln."
    specs = [
        spec(text="$20.1 bln", metric="trade_turnover", entities=PAIR, period="2023"),
        spec(text="$23.4 bln", metric="exports", flow=("China", "Russia"), period="2023"),
    ]
    assert codes(check([article(text, specs)], select=["CC103"]), "error") == ["CC103"]
    text = "Trade reached $20.1 bln in 2023, of which exports were $12.4 bln."
    specs[1]["text"] = "$12.4 bln"
    report = check([article(text, specs)], select=["CC103"])
    assert report.findings == () and len(report.verified) == 1


def test_share_above_100_percent() -> None:
    text = "Russia's share of the imports was 104% last year."
    share = spec(
        text="104%", metric="imports", kind="share", flow=("Russia", "India"), period="2023"
    )
    assert codes(check([article(text, [share])], select=["CC103"]), "error") == ["CC103"]


def _shares(values: list[str]) -> Article:
    sources = ["Russia", "Iraq", "Saudi Arabia", "United Arab Emirates"]
    text = (
        "Of India's crude imports in the first half, "
        + ", ".join(f"{s} supplied {v}" for s, v in zip(sources, values, strict=False))
        + "."
    )
    specs = [
        spec(text=v, metric="imports", kind="share", flow=(s, "India"), period="2024-01..2024-06")
        for s, v in zip(sources, values, strict=False)
    ]
    return article(text, specs)


def test_shares_of_one_whole_over_100() -> None:
    report = check([_shares(["41%", "23%", "16%", "25%"])], select=["CC104"])
    assert codes(report, "error") == ["CC104"]
    assert len(report.findings[0].claims) == 4


def test_shares_of_one_whole_within_100() -> None:
    report = check([_shares(["41%", "23%", "16%"])], select=["CC104"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC104"]


def _one_way(imports_flow: tuple[str, str]) -> Article:
    """Turnover, exports, a commodity within the exports and imports (given ``imports_flow``)."""
    text = (
        "Trade between Vietnam and South Korea reached $79.4 bln in 2023. Vietnamese exports "
        "were $23.5 bln, phones alone $5.9 bln, and imports $55.9 bln."
    )
    out = ("Vietnam", "South Korea")
    return article(
        text,
        [
            spec(text="$79.4 bln", metric="trade_turnover", entities=out, period="2023"),
            spec(text="$23.5 bln", metric="exports", flow=out, period="2023"),
            spec(text="$5.9 bln", metric="exports", flow=out, period="2023"),
            spec(text="$55.9 bln", metric="imports", flow=imports_flow, period="2023"),
        ],
    )


def test_swapped_direction_found_beside_a_commodity_figure() -> None:
    report = check([_one_way(("Vietnam", "South Korea"))], select=["CC101"])
    swapped = [f for f in report.findings if "swapped" in f.message]
    assert [f.severity for f in swapped] == ["error"]
    assert {c.text for c in swapped[0].claims} == {"$79.4 bln", "$23.5 bln", "$55.9 bln"}
    report = check([_one_way(("South Korea", "Vietnam"))], select=["CC101"])
    assert codes(report, "error") == []


def test_a_total_far_from_its_parts_by_swapped_digits_is_an_error() -> None:
    # 916.48 is 4.7 times the parts (another scope?), but 196.48 with two digits swapped
    report = check([_trade("$916.48 bln", "$90.7 bln", "$105.78 bln")], select=["CC101"])
    assert codes(report, "error") == ["CC101"]
    assert "digits swapped (196.48" in report.findings[0].message
    part = check([_trade("$65.7 bln", "$4.3 bln", "$16.4 bln")], select=["CC101"])
    assert codes(part, "error") == ["CC101"]
    assert "(61.4 would fit)" in part.findings[0].message


def test_a_total_far_from_its_parts_without_a_typo_is_not_checked() -> None:
    # 716.48 is no digit swap of 196.48: more likely a figure of another scope
    report = check([_trade("$716.48 bln", "$90.7 bln", "$105.78 bln")], select=["CC101"])
    assert report.findings == ()
    assert [n.code for n in report.not_checked] == ["CC101"]
