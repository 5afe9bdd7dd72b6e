"""The engine: registry, selection, reports, packs, determinism."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from engine_support import ROOT, Article, article, codes, spec
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.engine import RuleSelectionError, all_rules, check, select_rules
from claimcheck.engine.config import load_config
from claimcheck.engine.registry import render_rule_docs
from claimcheck.findings import Report
from claimcheck.model import Document
from claimcheck.reference import default_reference_path
from claimcheck.rulepacks import RulePackError, parse_pack_file

PAIR = ("China", "Russia")


def _sum_article(total: str = "$99.84 bln", doc_id: str = "a") -> Article:
    text = f"Trade reached {total} in 2023. Exports were $50.37 bln and imports $48.47 bln."
    return article(
        text,
        [
            spec(text=total, metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text="$50.37 bln", metric="exports", flow=("China", "Russia"), period="2023"),
            spec(text="$48.47 bln", metric="imports", flow=("Russia", "China"), period="2023"),
        ],
        doc_id=doc_id,
    )


def test_rules_are_registered_in_code_order_with_docs() -> None:
    rules = all_rules()
    assert [r.code for r in rules] == sorted(r.code for r in rules)
    assert len(rules) >= 15
    for rule in rules:
        doc = rule.doc()
        assert rule.name and rule.severity in ("error", "warning", "info")
        assert "Fails:" in doc and "Passes:" in doc, rule.code


def test_select_and_ignore_by_prefix() -> None:
    assert [r.code for r in select_rules(["CC10"])] == ["CC101", "CC102", "CC103", "CC104"]
    assert "CC102" not in [r.code for r in select_rules(["CC1"], ["CC102"])]
    assert [r.code for r in select_rules(["cc201"])] == ["CC201"]
    assert len(select_rules(["ALL"], ["CC7"])) == len(all_rules()) - 1
    with pytest.raises(RuleSelectionError):
        select_rules(["CC999"])
    with pytest.raises(RuleSelectionError):
        select_rules(None, ["XX"])


def test_ignored_rule_does_not_run() -> None:
    assert codes(check([_sum_article()])) == ["CC101"]
    assert codes(check([_sum_article()], ignore=["CC101"])) == []


def test_report_json_is_stable() -> None:
    report = check([_sum_article()])
    data = report.to_dict()
    assert data["schema"] == 1
    assert set(data) == {"schema", "findings", "verified", "not_checked", "summary"}
    finding = data["findings"][0]
    assert finding["rule"] == "CC101" and finding["severity"] == "error"
    assert {"document", "id", "span", "text", "sentence"} <= set(finding["claims"][0])
    assert set(finding["arithmetic"]) >= {"expression", "computed", "stated", "gap"}
    assert data["summary"]["errors"] == 1
    assert json.dumps(data, sort_keys=True) == json.dumps(
        check([_sum_article()]).to_dict(), sort_keys=True
    )


def test_fingerprint_ignores_offsets() -> None:
    first = check([_sum_article()]).findings[0]
    document, _ = _sum_article()
    shifted_text = "Moscow. " + document.text
    moved = article(
        shifted_text,
        [
            spec(text="$99.84 bln", metric="trade_turnover", entities=PAIR, period="2023"),
            spec(text="$50.37 bln", metric="exports", flow=("China", "Russia"), period="2023"),
            spec(text="$48.47 bln", metric="imports", flow=("Russia", "China"), period="2023"),
        ],
    )
    second = check([moved]).findings[0]
    assert first.claims[0].span != second.claims[0].span
    assert first.fingerprint == second.fingerprint
    assert first.fingerprint != check([_sum_article("$99.94 bln")]).findings[0].fingerprint


def test_against_documents_only_add_evidence() -> None:
    year = article(
        "Trade reached $3.29 bln in 2024.",
        [spec(text="$3.29 bln", metric="trade_turnover", entities=PAIR, period="2024")],
        doc_id="year",
    )
    ytd = article(
        "Trade reached $3.42 bln in January-October.",
        [spec(text="$3.42 bln", metric="trade_turnover", entities=PAIR, period="2024-01..2024-10")],
        doc_id="ytd",
    )
    report = check([year], against=[ytd, _sum_article(doc_id="other")])
    assert codes(report) == ["CC301"]  # the sum error of "other" alone is not reported
    assert report.documents == ("year",)


def test_documents_are_extracted_when_given_without_claims() -> None:
    document = Document(id="d", text="Trade between China and Russia reached $240.11 bln in 2023.")
    report = check([document])
    assert isinstance(report, Report)
    assert report.claims_count >= 1


def test_not_checked_is_counted_apart() -> None:
    doc = article(
        "The goal is $200 bln of trade.",
        [spec(text="$200 bln", metric="trade_turnover", kind="target", entities=PAIR)],
    )
    report = check([doc], select=["CC601"])
    assert report.findings == () and report.verified == ()
    assert report.summary()["not_checked"] == 1


def test_pack_overrides_severity_and_tolerance(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\nversion = 1\ndescription = "test"\n'
        '[severities]\nCC101 = "warning"\n'
        "[tolerances.CC101]\nrelative = 0.02\n",
        encoding="utf-8",
    )
    config = load_config([pack])
    assert config.severities["CC101"] == "warning"
    assert config.tolerance_for("CC101").relative == 0.02
    assert config.tolerance_for("CC201").relative == 0.005
    # 1% off: an error by default, within the pack's 2% tolerance -> a small finding
    assert codes(check([_sum_article()]), "error") == ["CC101"]
    assert codes(check([_sum_article()], packs=[pack]), "error") == []
    assert codes(check([_sum_article()], packs=[pack]), "info") == ["CC101"]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[severities]\nCC101 = "fatal"\n', "severities.CC101"),
        ('[severities]\nbogus = "error"\n', "severities.bogus"),
        ("[tolerances.CC101]\nwobble = 1\n", "tolerances.CC101.wobble"),
        ('cumulative = ["nope"]\n', "cumulative[0]"),
        ("[words]\nhedge_below = [1]\n", "words.hedge_below[0]"),
    ],
)
def test_malformed_engine_pack_fields(tmp_path: Path, body: str, key: str) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text(
        body + '[pack]\nname = "bad"\nversion = 1\n'
        if body.startswith("cumulative")
        else '[pack]\nname = "bad"\nversion = 1\n' + body,
        encoding="utf-8",
    )
    with pytest.raises(RulePackError) as error:
        parse_pack_file(pack)
    assert error.value.key == key


def test_rule_docs_are_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_rule_docs(), (
        "docs/rules.md is stale: regenerate it with "
        "python -c 'from claimcheck.engine.registry import render_rule_docs as r; "
        'open("docs/rules.md", "w").write(r())\''
    )


_METRICS = ["trade_turnover", "exports", "imports", "trade_balance", "investment", None]
_KINDS = ["level", "change", "share", "target", "forecast", "milestone"]
_PERIODS = ["2023", "2022", "2023-01..2023-10", "2023-11..2023-11", "by 2024", "?last year", None]
_SURFACES = ["$240.11 bln", "$0 bln", "over $180 bln", "about $5 bln", "26.3%", "-3%", "12 bcm"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SURFACES),
            st.sampled_from(_METRICS),
            st.sampled_from(_KINDS),
            st.sampled_from(_PERIODS),
            st.sampled_from([None, ("China", "Russia"), ("Russia", "China")]),
            st.sampled_from([1, -1]),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_claims_give_a_serialisable_report(rows: list[tuple[Any, ...]]) -> None:
    text = " ".join(f"Figure {i}: {row[0]}." for i, row in enumerate(rows))
    specs = [
        spec(
            text=surface,
            metric=metric,
            kind=kind,
            period=period,
            flow=flow,
            entities=PAIR,
            sign=sign,
            record=record,
        )
        for surface, metric, kind, period, flow, sign, record in rows
    ]
    report = check([article(text, specs)], reference=default_reference_path())
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"]["findings"] == len(report.findings)
    for finding in report.findings:
        assert finding.message.endswith(".")
        assert finding.claims
