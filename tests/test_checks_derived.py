"""CC402: stated figures against the figures the rest of the article implies."""

from __future__ import annotations

import attrs
from engine_support import Article, article, codes, spec

from claimcheck.engine import check
from claimcheck.engine.config import load_config
from claimcheck.engine.derive import Growth, derive, role_of
from claimcheck.engine.index import ClaimIndex

PAIR = ("China", "Russia")
OUT = ("China", "Russia")
BACK = ("Russia", "China")


def _exports_prior(surface: str) -> Article:
    """Turnover and imports of 2023, the growth of exports, and exports of 2022."""
    text = (
        "Trade between China and Russia reached $240.11 bln in 2023. Chinese imports from "
        "Russia were $129.14 bln, while exports to Russia rose 46.9%. In 2022 Chinese exports "
        f"to Russia had been {surface}."
    )
    return article(
        text,
        [
            spec(text="$240.11 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text="$129.14 bln", metric="imports", flow=BACK, period="2023"),
            spec(text="46.9%", metric="exports", kind="change", flow=OUT, period="2023"),
            spec(text=surface, metric="exports", flow=OUT, period="2022"),
        ],
    )


def test_prior_figure_against_derived_level_and_growth() -> None:
    report = check([_exports_prior("$110.97 bln")], select=["CC402"])
    assert codes(report, "error") == ["CC402"]
    finding = report.findings[0]
    assert {c.text for c in finding.claims} == {
        "$110.97 bln",
        "$240.11 bln",
        "$129.14 bln",
        "46.9%",
    }
    assert finding.arithmetic is not None
    assert "1.469" in finding.arithmetic.expression
    # one relation, one finding (whichever of its figures it is phrased about)
    assert len(report.findings) == 1


def test_prior_figure_that_agrees_is_verified() -> None:
    report = check([_exports_prior("$75.5 bln")], select=["CC402"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC402"]


def test_the_other_rules_relations_are_not_repeated() -> None:
    """Exports = turnover - imports with all three stated is CC101's, not CC402's."""
    text = "Trade reached $240.11 bln in 2023; exports were $100.97 bln and imports $129.14 bln."
    doc = article(
        text,
        [
            spec(text="$240.11 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text="$100.97 bln", metric="exports", flow=OUT, period="2023"),
            spec(text="$129.14 bln", metric="imports", flow=BACK, period="2023"),
        ],
    )
    report = check([doc], select=["CC101", "CC402"])
    assert codes(report, "error") == ["CC101"]


def _turnover_imports_balance(balance: str) -> Article:
    text = (
        f"Trade reached $240.11 bln in 2023. Imports were $129.14 bln, leaving China a "
        f"deficit of {balance}."
    )
    return article(
        text,
        [
            spec(text="$240.11 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text="$129.14 bln", metric="imports", flow=BACK, period="2023"),
            spec(text=balance, metric="trade_balance", flow=OUT, period="2023", sign=-1),
        ],
    )


def test_turnover_imports_and_balance_without_exports() -> None:
    """Without the exports, turnover = 2 x imports + balance still ties the three."""
    report = check([_turnover_imports_balance("$28.17 bln")], select=["CC402"])
    assert "CC402" in codes(report, "error")
    report = check([_turnover_imports_balance("$18.17 bln")], select=["CC402"])
    assert report.findings == ()
    assert report.verified


def test_stated_commodity_figure_does_not_hide_the_derived_total() -> None:
    """A stated figure of another scope (soybeans within exports) does not stop the total
    exports from being derived from turnover and imports."""
    text = (
        "Trade reached $157.5 bln in 2023. Exports rose 16.6%; imports were $53.2 bln. "
        "Soybeans alone made $38.9 bln of exports. Exports were $104.3 bln in 2022."
    )
    pair = ("Brazil", "China")
    doc = article(
        text,
        [
            spec(text="$157.5 bln", metric="trade_turnover", entities=pair, period="2023"),
            spec(text="16.6%", metric="exports", kind="change", flow=pair, period="2023"),
            spec(text="$53.2 bln", metric="imports", flow=pair[::-1], period="2023"),
            spec(text="$38.9 bln", metric="exports", flow=pair, period="2023"),
            spec(text="$104.3 bln", metric="exports", flow=pair, period="2022"),
        ],
    )
    report = check([doc], select=["CC402"])
    assert codes(report, "error") == ["CC402"]
    assert "$104.3 bln" in {c.text for c in report.findings[0].claims}


def test_figures_of_different_articles_are_not_combined() -> None:
    """Derivations stay within one article (sources differ, and revisions with them)."""
    doc, claims = _exports_prior("$110.97 bln")
    other = article(
        "In 2022 Chinese exports to Russia had been $110.97 bln.",
        [spec(text="$110.97 bln", metric="exports", flow=OUT, period="2022")],
        doc_id="b",
    )
    report = check([(doc, claims[:3]), other], select=["CC402"])
    assert report.findings == ()


def test_derivations_never_use_the_figure_they_check() -> None:
    """No derived figure rests on a stated claim for the same figure and period."""
    _, claims = _exports_prior("$110.97 bln")
    index = ClaimIndex(claims, load_config())
    levels = [(i, (i.start, i.end)) for i in index.items if i.kind == "level"]
    change = next(i for i in index.items if i.kind == "change")
    growths = [Growth(change, "O", (change.start, change.end), levels[-1][1])]  # type: ignore[arg-type]
    figures = derive(levels, growths, 1e9)  # type: ignore[arg-type]
    assert figures
    for figure in figures:
        ids = [i.claim.id for i in figure.inputs]
        assert len(ids) == len(set(ids))
        for item in figure.inputs:
            if item.kind == "level":
                assert (role_of(item.key), (item.start, item.end)) != (figure.role, figure.span)


def _ytd(nine_months: str) -> Article:
    text = (
        "Trade reached $196.48 bln in January-October 2023, up 27.7% year-on-year. In "
        f"January-September 2022 it had been {nine_months}."
    )
    return article(
        text,
        [
            spec(
                text="$196.48 bln",
                metric="trade_turnover",
                entities=PAIR,
                period="2023-01..2023-10",
            ),
            spec(
                text="27.7%",
                metric="trade_turnover",
                kind="change",
                entities=PAIR,
                period="2023-01..2023-10",
                basis="yoy",
            ),
            spec(
                text=nine_months, metric="trade_turnover", entities=PAIR, period="2022-01..2022-09"
            ),
        ],
    )


def test_part_of_a_period_exceeds_the_implied_whole() -> None:
    """January-September 2022 cannot exceed January-October 2022 = 196.48 / 1.277 = 153.86."""
    report = check([_ytd("$176.38 bln")], select=["CC402"])
    assert codes(report, "error") == ["CC402"]
    assert "exceeds" in report.findings[0].message
    report = check([_ytd("$138.2 bln")], select=["CC402"])
    assert report.findings == ()
    assert [v.code for v in report.verified] == ["CC402"]


def test_growth_of_a_commodity_is_not_applied_to_the_derived_total() -> None:
    """ "Soybean exports rose 20% to $38.9 bln" describes the soybeans, not the exports
    that turnover minus imports gives."""
    text = (
        "Trade reached $240.11 bln in 2023 and imports $129.14 bln. Soybean exports rose 20% "
        "to $38.9 bln. Exports had been $75.54 bln in 2022."
    )
    doc = article(
        text,
        [
            spec(text="$240.11 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text="$129.14 bln", metric="imports", flow=BACK, period="2023"),
            spec(text="20%", metric="exports", kind="change", flow=OUT, period="2023"),
            spec(text="$38.9 bln", metric="exports", flow=OUT, period="2023"),
            spec(text="$75.54 bln", metric="exports", flow=OUT, period="2022"),
        ],
    )
    assert check([doc], select=["CC402"]).findings == ()


def test_growth_without_basis_over_one_month_is_not_used() -> None:
    """ "Up 12%" for October may compare with September or with October a year earlier."""
    text = (
        "In October exports were $9.00 bln and imports $11.10 bln, trade up 12%. In September "
        "trade had been $19.0 bln."
    )
    doc = article(
        text,
        [
            spec(text="$9.00 bln", metric="exports", flow=OUT, period="2023-10..2023-10"),
            spec(text="$11.10 bln", metric="imports", flow=BACK, period="2023-10..2023-10"),
            spec(
                text="12%",
                metric="trade_turnover",
                kind="change",
                entities=PAIR,
                period="2023-10..2023-10",
            ),
            spec(
                text="$19.0 bln", metric="trade_turnover", entities=PAIR, period="2023-09..2023-09"
            ),
        ],
    )
    assert check([doc], select=["CC402"]).findings == ()
    monthly = tuple(attrs.evolve(c, basis="mom") if c.kind == "change" else c for c in doc[1])
    stated = check([(doc[0], monthly)], select=["CC402"])
    assert codes(stated, "error") == ["CC402"]


def _four_figures() -> Article:
    """All four figures of 2023 (turnover, both flows, balance) and the growth of exports."""
    text = (
        "Trade between China and Russia came to $240.11 bln in 2023: Chinese exports of "
        "$110.97 bln, up 46.9%, and imports of $129.14 bln left a deficit of $18.17 bln."
    )
    return article(
        text,
        [
            spec(text="$240.11 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text="$110.97 bln", metric="exports", flow=OUT, period="2023"),
            spec(text="46.9%", metric="exports", kind="change", flow=OUT, period="2023"),
            spec(text="$129.14 bln", metric="imports", flow=BACK, period="2023"),
            spec(text="$18.17 bln", metric="trade_balance", entities=PAIR, period="2023"),
        ],
    )


def test_new_relations_leaves_out_only_stated_relations_of_a_full_period() -> None:
    """``new_relations`` drops exactly the stage-3 figures from two stated figures of a
    period stating all four figures; the growth figures are kept."""
    _, claims = _four_figures()
    index = ClaimIndex(claims, load_config())
    levels = [(i, (i.start, i.end)) for i in index.items if i.kind == "level"]
    change = next(i for i in index.items if i.kind == "change")
    span = (change.start, change.end)
    prior = (span[0].replace(year=2022), span[1].replace(year=2022))  # type: ignore[union-attr]
    growths = [Growth(change, "O", span, prior)]  # type: ignore[arg-type]
    every = derive(levels, growths, 1e9)  # type: ignore[arg-type]
    new = derive(levels, growths, 1e9, new_relations=True)  # type: ignore[arg-type]
    assert [f for f in every if f.growth] == [f for f in new if f.growth] != []
    left_out = [f for f in every if f not in new]
    assert left_out
    assert all(not f.growth and not f.derived_inputs for f in left_out)
    assert [f for f in every if f in new] == new


def test_a_period_stating_all_four_figures_gives_no_derived_conflict() -> None:
    """Relations of four stated figures are CC101's and CC102's, even with a growth rate."""
    report = check([_four_figures()], select=["CC402"])
    assert report.findings == ()
    assert report.verified == ()
