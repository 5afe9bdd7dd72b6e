"""Claims: kind, metric, entities, flow, period, basis, sign and record in context.

Quantities are built by hand here so that these tests do not depend on the
number reader; ``test_seed_claims.py`` runs the whole pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract
from claimcheck.extract.claims import build_claims
from claimcheck.model import Claim, Document, Quantity, Span

D = dt.date
SCALES = {"bln": 1e9, "billion": 1e9, "mln": 1e6, "thousand": 1e3}


def _quantity(text: str, surface: str, occurrence: int = 0) -> Quantity:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    words = surface.replace("$", "").split()
    number = float(words[0].rstrip("%"))
    if surface.endswith("%"):
        unit, value = "percent", number
    elif len(words) == 1:
        unit, value = "dimensionless", number
    elif surface.startswith("$"):
        unit, value = "USD", number * SCALES.get(words[1] if len(words) > 1 else "", 1.0)
    else:
        unit, value = "count", number * SCALES.get(words[1] if len(words) > 2 else "", 1.0)
    half = 0.05 * (value / number if number else 1.0)
    return Quantity(
        span=Span(start, start + len(surface)),
        text=surface,
        value=value,
        unit=unit,
        interval=(value - half, value + half),
        precision=half,
        low=value,
        high=value,
        noun=words[-1] if unit == "count" else None,
    )


def _claims(text: str, surfaces: list[str], published: dt.date | None = None) -> dict[str, Claim]:
    seen: dict[str, int] = {}
    quantities = []
    for surface in surfaces:
        quantities.append(_quantity(text, surface, seen.get(surface, 0)))
        seen[surface] = seen.get(surface, 0) + 1
    document = Document(id="t", text=text, published=published)
    claims = build_claims(document, quantities)
    return {c.text: c for c in claims}


def _flow(claim: Claim) -> tuple[str, str] | None:
    return (claim.flow.source, claim.flow.dest) if claim.flow else None


def _span(claim: Claim) -> tuple[dt.date | None, dt.date | None]:
    assert claim.period is not None
    return claim.period.start, claim.period.end


def test_ids_sentences_and_order() -> None:
    text = "Exports grew by 5%. Imports reached $2 bln."
    claims = build_claims(
        Document(id="doc", text=text),
        [_quantity(text, "$2 bln"), _quantity(text, "5%")],
    )
    assert [c.id for c in claims] == ["doc#1", "doc#2"]
    assert [c.text for c in claims] == ["5%", "$2 bln"]
    assert claims[1].sentence.slice(text) == "Imports reached $2 bln."


def test_levels_changes_signs_and_basis() -> None:
    text = (
        "In 2023, trade between Vietnam and Japan reached $50 bln, up 4% year-on-year. "
        "Exports from Vietnam to Japan fell by 7% to $20 bln."
    )
    claims = _claims(text, ["$50 bln", "4%", "7%", "$20 bln"])
    level, growth, fall, exports = (claims[k] for k in ("$50 bln", "4%", "7%", "$20 bln"))
    assert (level.kind, level.metric, level.entities) == (
        "level",
        "trade_turnover",
        ("Japan", "Vietnam"),
    )
    assert (growth.kind, growth.value, growth.basis) == ("change", 4.0, "yoy")
    assert (fall.kind, fall.metric, fall.value) == ("change", "exports", -7.0)
    assert fall.interval == (-7.05, -6.95)
    assert _flow(fall) == ("Vietnam", "Japan")
    assert (exports.kind, _flow(exports)) == ("level", ("Vietnam", "Japan"))
    assert _span(exports) == (D(2023, 1, 1), D(2023, 12, 31))


@pytest.mark.parametrize(
    ("sentence", "flow", "metric"),
    [
        ("China's exports to Russia amounted to $5 bln.", ("China", "Russia"), "exports"),
        ("Exports from China to Russia amounted to $5 bln.", ("China", "Russia"), "exports"),
        ("Chinese exports to Russia amounted to $5 bln.", ("China", "Russia"), "exports"),
        ("Russia's imports from China amounted to $5 bln.", ("China", "Russia"), "imports"),
        ("Imports of Russian goods to China amounted to $5 bln.", ("Russia", "China"), "imports"),
        (
            "Exports to the Russian Federation from the PRC amounted to $5 bln.",
            ("China", "Russia"),
            "exports",
        ),
    ],
)
def test_flow_patterns(sentence: str, flow: tuple[str, str], metric: str) -> None:
    claim = _claims(sentence, ["$5 bln"])["$5 bln"]
    assert (claim.metric, _flow(claim)) == (metric, flow)
    assert claim.entities == ("China", "Russia")


def test_discourse_pair_and_reporting_country() -> None:
    text = (
        "China's trade turnover with Russia reached $240 bln in 2023. "
        "Imports of Russian goods increased to $129 bln. "
        "Imports amounted to $10 bln in December, while exports stood at $9 bln."
    )
    claims = _claims(text, ["$240 bln", "$129 bln", "$10 bln", "$9 bln"])
    assert _flow(claims["$129 bln"]) == ("Russia", "China")
    assert _span(claims["$129 bln"]) == (D(2023, 1, 1), D(2023, 12, 31))
    assert _flow(claims["$10 bln"]) == ("Russia", "China")
    assert _flow(claims["$9 bln"]) == ("China", "Russia")
    assert _span(claims["$9 bln"]) == (D(2023, 12, 1), D(2023, 12, 31))


def test_neutral_supplies_take_the_reporting_point_of_view() -> None:
    text = (
        "China's exports to Russia rose to $7 bln, "
        "while supplies from Russia to China gained 13% to $8 bln."
    )
    claims = _claims(text, ["$7 bln", "13%", "$8 bln"])
    assert (claims["$8 bln"].metric, _flow(claims["$8 bln"])) == ("imports", ("Russia", "China"))
    assert (claims["13%"].kind, claims["13%"].metric) == ("change", "imports")


def test_world_trade() -> None:
    text = "Brazil's foreign trade grew to $600 bln. Imports amounted to $250 bln."
    claims = _claims(text, ["$600 bln", "$250 bln"])
    assert claims["$600 bln"].entities == ("Brazil", "World")
    assert _flow(claims["$250 bln"]) == ("World", "Brazil")


def test_a_countrys_foreign_trade_does_not_take_the_pair_named_after_so() -> None:
    text = (
        "Trade between India and Oman reached $9 bln in 2023. India's total foreign trade "
        "came to $1.6 trln, so Oman remains a minor partner."
    )
    claims = _claims(text, ["$9 bln", "$1.6 trln"])
    assert claims["$9 bln"].entities == ("India", "Oman")
    assert claims["$1.6 trln"].entities == ("India", "World")


def test_so_far_does_not_end_a_clause() -> None:
    text = "Trade between India and Oman, so far this year, reached $9 bln."
    assert _claims(text, ["$9 bln"])["$9 bln"].entities == ("India", "Oman")


def test_kinds() -> None:
    text = (
        "Leaders set a goal of $300 bln. Trade is expected to reach $90 bln. "
        "It exceeded the $80 bln mark. Norway's share of the total is 12%. "
        "About 400 thousand tourists came. Trade with Peru rose to a record $8 bln. "
        "The fair drew 150 thousand delegates."
    )
    claims = _claims(
        text,
        [
            "$300 bln",
            "$90 bln",
            "$80 bln",
            "12%",
            "400 thousand tourists",
            "$8 bln",
            "150 thousand delegates",
        ],
    )
    assert claims["$300 bln"].kind == "target"
    assert claims["$90 bln"].kind == "forecast"
    assert claims["$80 bln"].kind == "milestone"
    assert claims["12%"].kind == "share"
    # A counted noun that names a metric makes a level of it; other counts stay counts.
    tourists = claims["400 thousand tourists"]
    assert (tourists.kind, tourists.metric) == ("level", "tourist_arrivals")
    delegates = claims["150 thousand delegates"]
    assert (delegates.kind, delegates.metric) == ("count", None)
    assert any(u.field == "metric" for u in delegates.unresolved)
    record = claims["$8 bln"]
    assert (record.kind, record.record, record.metric) == ("level", True, "trade_turnover")
    assert not claims["$300 bln"].record


def test_target_cue_before_a_realised_figure_is_no_target() -> None:
    text = "Despite missing the target, trade with Peru reached $9 bln in 2022."
    assert _claims(text, ["$9 bln"])["$9 bln"].kind == "level"
    aim = "Leaders aim to increase trade with Peru to $20 bln."
    assert _claims(aim, ["$20 bln"])["$20 bln"].kind == "target"


def test_target_with_deadline_and_no_inherited_period() -> None:
    text = "In 2021 trade rose to $140 bln. The task is to bring trade to $200 bln by 2024."
    claims = _claims(text, ["$140 bln", "$200 bln"])
    target = claims["$200 bln"]
    assert target.kind == "target"
    assert target.period is not None
    assert (target.period.kind, target.period.end) == ("deadline", D(2024, 12, 31))
    goal = _claims("In 2021 trade rose. The goal is $250 bln.", ["$250 bln"])["$250 bln"]
    assert goal.period is None


def test_period_choice_within_a_sentence() -> None:
    text = "In 2017, the figure rose by 20% to $84 bln, in 2018 - by 27%, exceeding $107 bln."
    claims = _claims(text, ["20%", "$84 bln", "27%", "$107 bln"])
    assert _span(claims["$84 bln"])[0] == D(2017, 1, 1)
    assert _span(claims["27%"])[0] == D(2018, 1, 1)
    assert claims["27%"].kind == "change"
    assert _span(claims["$107 bln"])[0] == D(2018, 1, 1)


def test_unknown_publication_date_leaves_relative_period_unresolved() -> None:
    claim = _claims("Trade with Chile fell by 3% last year.", ["3%"])["3%"]
    assert claim.period is not None
    assert claim.period.start is None
    assert any(u.field == "period" for u in claim.unresolved)
    dated = _claims("Trade with Chile fell by 3% last year.", ["3%"], D(2020, 3, 1))["3%"]
    assert _span(dated) == (D(2019, 1, 1), D(2019, 12, 31))


def test_month_on_month_basis() -> None:
    text = "In July, trade with Chile decreased by 2.7% compared to June."
    claim = _claims(text, ["2.7%"], D(2024, 8, 7))["2.7%"]
    assert (claim.basis, claim.value) == ("mom", -2.7)
    assert _span(claim) == (D(2024, 7, 1), D(2024, 7, 31))


def test_missing_metric_is_reported() -> None:
    claim = _claims("He waited 7 hours in Kenya.", ["7 hours"])["7 hours"]
    assert claim.metric is None
    assert claim.unresolved


def test_through_extract() -> None:
    text = (
        "Trade between Russia and China rose by 32% in January-August 2023 year-on-year "
        "to $155.1 bln. China's exports to Russia soared by 63.2% in the reporting period "
        "to $71.8 bln, while supplies from Russia to China gained 13.3% to $83.3 bln."
    )
    claims = {c.text: c for c in extract(text, published=D(2023, 9, 7))}
    assert claims["32%"].basis == "yoy"
    assert _span(claims["$155.1 bln"]) == (D(2023, 1, 1), D(2023, 8, 31))
    assert _span(claims["$83.3 bln"]) == (D(2023, 1, 1), D(2023, 8, 31))
    assert (claims["$83.3 bln"].metric, _flow(claims["$83.3 bln"])) == (
        "imports",
        ("Russia", "China"),
    )
    assert _flow(claims["63.2%"]) == ("China", "Russia")


def test_record_applies_to_the_figure_it_qualifies() -> None:
    text = "Trade with Peru hit a record $9 bln in 2022, above the $7 bln of 2021."
    claims = _claims(text, ["$9 bln", "$7 bln"])
    assert claims["$9 bln"].record
    assert not claims["$7 bln"].record
    follow_up = "Trade with Peru rose by 3% to $9 bln. It is an all-time high."
    claims = _claims(follow_up, ["3%", "$9 bln"])
    assert claims["$9 bln"].record
    assert not claims["3%"].record


def test_bare_numbers_do_not_inherit_the_discourse_metric() -> None:
    text = "Trade with Peru rose to $9 bln. Views 112"
    claims = _claims(text, ["$9 bln", "112"])
    assert claims["$9 bln"].metric == "trade_turnover"
    assert claims["112"].metric is None
    carried = _claims(
        "Trade with Peru rose to $9 bln. In 2023, it reached $10 bln.", ["$9 bln", "$10 bln"]
    )
    assert carried["$10 bln"].metric == "trade_turnover"


_WORDS = [
    "China's",
    "exports",
    "to",
    "Russia",
    "from",
    "imports",
    "of",
    "Russian",
    "goods",
    "rose",
    "fell",
    "by",
    "5%",
    "$3 bln",
    "in",
    "2023",
    "January-May",
    "this",
    "year",
    "the",
    "same",
    "period",
    "record",
    "goal",
    "share",
    "it",
    ".",
    ",",
    "\n\n",
    "US$",
    "by 2024",
    "compared to June",
    "last",
    "first half",
    "Q3",
    "trade",
    "turnover",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.booleans())
def test_any_word_salad_gives_well_formed_claims(words: list[str], dated: bool) -> None:
    text = " ".join(words)
    published = D(2024, 3, 1) if dated else None
    claims = extract(text, published=published)
    for n, claim in enumerate(claims, start=1):
        assert claim.id == f"text#{n}"
        assert claim.sentence.start <= claim.span.start <= claim.span.end <= claim.sentence.end
        assert list(claim.entities) == sorted(set(claim.entities))
        if claim.flow is not None:
            assert claim.flow.source != claim.flow.dest
            assert set(claim.entities) == {claim.flow.source, claim.flow.dest}
        if claim.metric is None:
            assert any(u.field == "metric" for u in claim.unresolved)
        low, high = claim.interval
        assert low <= high


def test_balances_flow_from_their_owner_and_deficits_are_negative() -> None:
    text = (
        "Chile recorded a deficit of $5.2 bln in its trade with Peru. "
        "Peruvian exports to Chile rose to $9 bln, leaving Peru with a surplus of $3 bln."
    )
    claims = _claims(text, ["$5.2 bln", "$9 bln", "$3 bln"])
    deficit, surplus = claims["$5.2 bln"], claims["$3 bln"]
    assert (deficit.metric, _flow(deficit), deficit.value) == (
        "trade_balance",
        ("Chile", "Peru"),
        -5.2e9,
    )
    assert deficit.interval[1] < 0
    assert (surplus.metric, _flow(surplus), surplus.value) == (
        "trade_balance",
        ("Peru", "Chile"),
        3e9,
    )


def test_trade_verbs_give_the_metric_and_flow() -> None:
    text = (
        "Peru sold goods worth $4 bln to Chile and bought Chilean products for $1 bln. "
        "Chile bought 2 mln tonnes of Peruvian copper. "
        "Chile stayed Peru's main fruit supplier, shipping 3 mln tonnes of grapes."
    )
    claims = _claims(text, ["$4 bln", "$1 bln", "2 mln tonnes", "3 mln tonnes"])
    assert (claims["$4 bln"].metric, _flow(claims["$4 bln"])) == ("exports", ("Peru", "Chile"))
    assert (claims["$1 bln"].metric, _flow(claims["$1 bln"])) == ("imports", ("Chile", "Peru"))
    copper = claims["2 mln tonnes"]
    assert (copper.kind, copper.metric, _flow(copper)) == ("level", "imports", ("Peru", "Chile"))
    # A neutral verb: the subject supplies; Peru is the home of the flows read so far.
    grapes = claims["3 mln tonnes"]
    assert _flow(grapes) == ("Chile", "Peru")


def test_a_comparison_base_dates_only_its_own_figure() -> None:
    text = "Exports to Peru rose to $12 bln in 2023, up from $10 bln in 2022, an increase of 20%."
    claims = _claims(text, ["$12 bln", "$10 bln", "20%"])
    assert _span(claims["$12 bln"]) == (D(2023, 1, 1), D(2023, 12, 31))
    assert _span(claims["$10 bln"]) == (D(2022, 1, 1), D(2022, 12, 31))
    rate = claims["20%"]
    assert (rate.kind, rate.basis, _span(rate)) == (
        "change",
        "yoy",
        (D(2023, 1, 1), D(2023, 12, 31)),
    )


def test_comparative_changes_and_change_nouns() -> None:
    text = (
        "Trade with Peru reached $8 bln in 2023, 3% more than a year earlier. "
        "Exports to Peru were 8% lower than in 2022. The ministry put the decline at 6.4%."
    )
    claims = _claims(text, ["$8 bln", "3%", "8%", "6.4%"])
    assert (claims["3%"].kind, claims["3%"].value, claims["3%"].basis) == ("change", 3.0, "yoy")
    assert (claims["8%"].kind, claims["8%"].value) == ("change", -8.0)
    assert (claims["6.4%"].kind, claims["6.4%"].value) == ("change", -6.4)


def test_targets_set_for_a_year_are_deadlines_and_realised_figures_are_levels() -> None:
    text = (
        "Trade between Chile and Peru reached $7 bln in 2023. "
        "Officials said the $10 bln target set for 2030 remains within reach. "
        "They expect trade to exceed $8 bln this year, above the $7.5 bln recorded in 2022."
    )
    claims = _claims(text, ["$7 bln", "$10 bln", "$8 bln", "$7.5 bln"], published=D(2024, 3, 1))
    target = claims["$10 bln"]
    assert (target.kind, target.metric) == ("target", "trade_turnover")
    assert target.period is not None
    assert (target.period.start, target.period.end, target.period.kind) == (
        None,
        D(2030, 12, 31),
        "deadline",
    )
    assert (claims["$8 bln"].kind, _span(claims["$8 bln"])) == (
        "forecast",
        (D(2024, 1, 1), D(2024, 12, 31)),
    )
    realised = claims["$7.5 bln"]
    assert (realised.kind, _span(realised)) == ("level", (D(2022, 1, 1), D(2022, 12, 31)))


def test_tourist_arrivals_flow_from_the_visitors_home() -> None:
    text = (
        "Peru received 4 million tourists in 2023. "
        "Chile was the largest source market with 1.2 million visitors."
    )
    claims = _claims(text, ["4 million tourists", "1.2 million visitors"])
    total, chileans = claims["4 million tourists"], claims["1.2 million visitors"]
    assert (total.kind, total.metric, total.entities, total.flow) == (
        "level",
        "tourist_arrivals",
        ("Peru",),
        None,
    )
    assert (chileans.metric, _flow(chileans)) == ("tourist_arrivals", ("Chile", "Peru"))


def test_fiscal_years_follow_the_article_country() -> None:
    text = "Trade between India and Chile reached $3 bln in 2023-24, India's trade ministry said."
    claim = _claims(text, ["$3 bln"], published=D(2024, 6, 1))["$3 bln"]
    assert _span(claim) == (D(2023, 4, 1), D(2024, 3, 31))
    other = "Trade between Chile and Peru reached $3 bln in 2023-24."
    unresolved = _claims(other, ["$3 bln"])["$3 bln"]
    assert unresolved.period is not None and unresolved.period.start is None


def test_over_the_year_takes_the_year_in_force_not_a_comparison_base() -> None:
    text = (
        "Exports to Peru rose to $12 bln in 2023 from $10 bln in 2022. "
        "Copper makers shipped 2 mln tonnes to Peru over the year."
    )
    claims = _claims(text, ["$12 bln", "$10 bln", "2 mln tonnes"])
    assert _span(claims["2 mln tonnes"]) == (D(2023, 1, 1), D(2023, 12, 31))


def test_one_long_line_costs_about_as_much_as_many_lines() -> None:
    """No look-up scans back or ahead over a whole line: 1 MB of sentences on a single
    line takes about the time of the same sentences on lines of their own."""
    import time

    from claimcheck.extract.quantities import find_quantities

    sentence = (
        "Trade between China and Russia rose 12.5% year-on-year to $84.3 bln in "
        "January-October 2023, customs data showed, and the two countries aim for "
        "$300 bln by 2030."
    )
    repeats = 1_000_000 // len(sentence)

    def cost(separator: str) -> float:
        text = separator.join([sentence] * repeats)
        document = Document(id="long", text=text, published=D(2024, 1, 15))
        quantities = find_quantities(text)
        start = time.process_time()
        claims = build_claims(document, quantities)
        elapsed = time.process_time() - start
        assert len(claims) == len(quantities) > 2 * repeats
        return elapsed

    lines = cost("\n")
    assert cost(" ") < 3 * lines + 0.5  # CPU time; generous for a shared machine
