# mypy: disable-error-code="comparison-overlap"
"""find_quantities: what is a quantity, with which value, unit, qualifier and interval."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimcheck.extract.quantities import ABOUT_WIDTH, ALMOST_WIDTH, find_quantities
from claimcheck.model import Quantity


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def surfaces(text: str) -> list[str]:
    return [q.text for q in find_quantities(text)]


# ---------------------------------------------------------------- money and scales


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Bilateral trade hit $240.11 bln last year.", "$240.11 bln", 240.11e9, "USD"),
        ("The deal is worth $35m in total.", "$35m", 35e6, "USD"),
        ("Revenue reached 1.8bn dollars.", "1.8bn dollars", 1.8e9, "USD"),
        ("The fund holds USD 4.1 bn of bonds.", "USD 4.1 bn", 4.1e9, "USD"),
        ("It cost US$12.5 million.", "US$12.5 million", 12.5e6, "USD"),
        ("Sales rose to €3.2 billion.", "€3.2 billion", 3.2e9, "EUR"),
        ("The club paid £60m for him.", "£60m", 60e6, "GBP"),
        ("Imports were 5.3 trillion yuan.", "5.3 trillion yuan", 5.3e12, "CNY"),
        ("The budget is RMB 800 million.", "RMB 800 million", 800e6, "CNY"),
        ("Tickets sold for ¥12,000 each in Osaka.", "¥12,000", 12000.0, "JPY"),
        ("Pensions cost 2.1 trillion rubles a year ago.", "2.1 trillion rubles", 2.1e12, "RUB"),
        ("Deposits of 40 bln roubles were frozen.", "40 bln roubles", 40e9, "RUB"),
        ("Funding of Rs 500 crore was approved.", "Rs 500 crore", 500e7, "INR"),
        ("The mine earned A$1.2bn.", "A$1.2bn", 1.2e9, "AUD"),
        ("The tower sold for HK$3.4 billion.", "HK$3.4 billion", 3.4e9, "HKD"),
        ("Ottawa pledged C$750 million.", "C$750 million", 750e6, "CAD"),
        ("The firm raised 150 mln euros.", "150 mln euros", 150e6, "EUR"),
        ("It lost 12 billion Australian dollars.", "12 billion Australian dollars", 12e9, "AUD"),
        ("Shares closed at RM2.05 on Friday.", "RM2.05", 2.05, "MYR"),
        ("The fine was ₽300,000.", "₽300,000", 300000.0, "RUB"),
        ("A loan of $2tn was discussed.", "$2tn", 2e12, "USD"),
        ("Output was worth 300 thousand dollars.", "300 thousand dollars", 300e3, "USD"),
    ],
)
def test_money(text: str, surface: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (surface, pytest.approx(value), unit)


def test_yen_sign_means_yuan_near_yuan_words() -> None:
    q = find_quantities("The price, ¥5,000 (about 5,000 yuan), surprised Beijing buyers.")[0]
    assert q.unit == "CNY"


def test_cents_are_hundredths_of_the_currency() -> None:
    q = only("Crude gained 45 cents in early trade.")
    assert (q.unit, q.value, q.scale) == ("USD", pytest.approx(0.45), 0.01)


def test_negative_money_after_sign() -> None:
    assert only("The balance fell to $-12.4bn in May.").value == pytest.approx(-12.4e9)


def test_parentheses_do_not_make_money_negative() -> None:
    q = find_quantities("Costs rose 7% (to $12 million) this spring.")[1]
    assert q.value == pytest.approx(12e6)


# ---------------------------------------------------------------- percent


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Output grew 26.3% on the year.", 26.3, "percent"),
        ("Output grew 4 per cent.", 4.0, "percent"),
        ("Output grew 4 percent.", 4.0, "percent"),
        ("Gilts yield 1.75pc now.", 1.75, "percent"),
        ("The rate rose 0.5 percentage points.", 0.5, "percentage_point"),
        ("The rate rose 25 basis points.", 25.0, "basis_point"),
        ("Futures dropped -2.4% overnight.", -2.4, "percent"),
    ],
)
def test_percent(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


# ---------------------------------------------------------------- physical units and counts


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Exports reached 50 mln tonnes of grain.", 50e6, "t"),
        ("The ship carried 30,000 tons of coal.", 30000.0, "t"),
        ("They mined 12 short tons of ore.", 12.0, "short_ton"),
        ("Supplies may reach 38 bcm next winter.", 38e9, "m**3"),
        ("The plant makes 4.5 kWh per cycle.", 4.5, "kWh"),
        ("The pipeline is 2,200 km long.", 2200.0, "km"),
        ("The car does 155 mph flat out.", 155.0, "mph"),
        ("It weighs 12 kg unloaded.", 12.0, "kg"),
        ("The tank holds 40 litres.", 40.0, "liter"),
        ("Fields pump 1.2 million barrels per day.", 1.2e6, "barrel/day"),
        ("Oil traded at $82 a barrel.", 82.0, "USD/barrel"),
        ("The engine makes 400 pound-feet of torque.", 400.0, "pound_foot"),
        ("The capital is 300 miles away.", 300.0, "mile"),
        ("The ridge rises 100m above the valley.", 100.0, "m"),
        ("A 10-day trip was planned.", 10.0, "day"),
    ],
)
def test_physical_units(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Russia shipped 150 mln doses abroad.", 150e6, "doses"),
        ("The airport served 300 thousand passengers.", 300e3, "passengers"),
        ("The startup has 1,000 customers already.", 1000.0, "customers"),
        ("About 12 people attended.", 12.0, "people"),
        ("The town welcomed 1.5 million Chinese tourists.", 1.5e6, "Chinese tourists"),
        ("She scored 20 points per game.", 20.0, "points per game"),
    ],
)
def test_counted_nouns(text: str, value: float, noun: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.noun) == (pytest.approx(value), "count", noun)


def test_ages() -> None:
    q = only("The 47-year-old founder resigned.")
    assert (q.value, q.unit, q.noun) == (47.0, "year", "age")
    q = only("Ann Smith, 52, said the plan worked.")
    assert (q.value, q.unit, q.noun) == (52.0, "year", "age")


# ---------------------------------------------------------------- number words and fractions


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("They built two plants.", 2.0, "count"),
        ("Twenty-five schools closed.", 25.0, "count"),
        ("A dozen ships were seized.", 12.0, "count"),
        ("Prices rose by five percent.", 5.0, "percent"),
        ("One and a half million people moved.", 1.5e6, "count"),
        ("A third of the harvest was lost.", 1 / 3, "dimensionless"),
        ("A quarter of the fleet is idle.", 0.25, "dimensionless"),
        ("Half of the workers stayed.", 0.5, "dimensionless"),
    ],
)
def test_number_words(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_fractions_and_small_number_words_are_exact() -> None:
    assert only("A quarter of the fleet is idle.").precision == 0.0
    assert only("They built two plants.").interval == (2.0, 2.0)


def test_word_scales_round_like_digits() -> None:
    assert only("Five million people voted.").precision == pytest.approx(0.5e6)


# ---------------------------------------------------------------- ranges and inheritance


def test_percent_range() -> None:
    q = only("Growth of 10-12% is expected.")
    assert (q.is_range, q.low, q.high, q.value, q.unit) == (True, 10.0, 12.0, 11.0, "percent")


def test_money_range_inherits_scale() -> None:
    q = only("The project needs $10 to $15 billion.")
    assert (q.low, q.high, q.unit) == (pytest.approx(10e9), pytest.approx(15e9), "USD")


def test_between_range() -> None:
    q = only("Inflation will be between 5 and 7 percent.")
    assert (q.low, q.high, q.unit) == (5.0, 7.0, "percent")


def test_word_range_with_scale() -> None:
    q = only("There were four to five thousand people.")
    assert (q.low, q.high, q.unit, q.noun) == (4000.0, 5000.0, "count", "people")


def test_change_from_to_is_two_figures() -> None:
    found = find_quantities("Output rose from 5 to 7 percent.")
    assert [(q.value, q.unit) for q in found] == [(5.0, "percent"), (7.0, "percent")]


def test_by_to_is_two_figures() -> None:
    found = find_quantities("The deficit widened by $3.1 billion to $40.2 billion.")
    assert [q.value for q in found] == [pytest.approx(3.1e9), pytest.approx(40.2e9)]


def test_currency_and_scale_inherited_across_coordination() -> None:
    found = find_quantities("The goal was $100 billion by 2015, and 200 billion by 2020.")
    assert [(q.value, q.unit) for q in found] == [(100e9, "USD"), (200e9, "USD")]


def test_score_is_not_a_range() -> None:
    assert surfaces("The match ended 3-1 after extra time.") == []


# ---------------------------------------------------------------- qualifiers and intervals


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Trade reached about $110 bln.", "about"),
        ("Trade reached around $110 bln.", "about"),
        ("Trade reached some $110 bln.", "about"),
        ("Trade reached over $110 bln.", "over"),
        ("Trade reached more than $110 bln.", "over"),
        ("Trade reached at least $110 bln.", "at_least"),
        ("Trade stayed under $110 bln.", "under"),
        ("Trade stayed less than $110 bln.", "under"),
        ("Trade stayed at most $110 bln.", "at_most"),
        ("Trade stayed no more than $110 bln.", "at_most"),
        ("Trade reached almost $110 bln.", "almost"),
        ("Trade reached nearly $110 bln.", "almost"),
        ("Trade reached close to $110 bln.", "almost"),
        ("Trade could reach up to $110 bln.", "up_to"),
        ("Trade reached $110 bln.", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    q = only(text)
    assert q.qualifier == qualifier
    assert q.text == "$110 bln"


def test_rounding_interval() -> None:
    q = only("Turnover hit $240.11 bln.")
    assert q.precision == pytest.approx(0.005e9)
    assert q.interval == (pytest.approx(240.105e9), pytest.approx(240.115e9))
    assert only("Turnover hit $180 bln.").precision == pytest.approx(0.5e9)


def test_qualified_intervals() -> None:
    assert only("Turnover hit over $180 bln.").interval == (180e9, math.inf)
    low, high = only("Turnover hit about $200 bln.").interval
    assert (low, high) == (
        pytest.approx(200e9 * (1 - ABOUT_WIDTH)),
        pytest.approx(200e9 * (1 + ABOUT_WIDTH)),
    )
    # a precise figure keeps a modest hedge: a changed digit must stay visible
    low, high = only("Exports were about $110.97 bln.").interval
    assert (low, high) == (pytest.approx(110.87e9), pytest.approx(111.07e9))
    low, high = only("Turnover hit almost $200 bln.").interval
    assert (low, high) == (pytest.approx(200e9 * (1 - ALMOST_WIDTH)), 200e9)
    assert only("Turnover hit less than $200 bln.").interval == (0.0, 200e9)


# ---------------------------------------------------------------- not quantities


@pytest.mark.parametrize(
    "text",
    [
        "The talks took place in 2023.",
        "Figures for 2022-2023 are pending.",
        "date 2024-05-17 MOSCOW reports.",
        "The summit opened on November 8.",
        "The summit opened on 8 November 2023.",
        "They met at 10:30 in the morning.",
        "Trains leave at 5 pm daily.",
        "It was the 4th meeting of the group.",
        "China is its fourth largest partner.",
        "Tickets in Section 112 Row 9 were sold.",
        "Call +7 495 555-12-34 for details.",
        "The COVID-19 wave passed.",
        "Boeing 737 jets were grounded.",
        "The S&P 500 barely moved.",
        "In the 1990s trade was small.",
        "He visited the G20 summit.",
        "Sales grew in the first half of the year.",
        "1. Introduction",
    ],
)
def test_not_quantities(text: str) -> None:
    assert surfaces(text) == []


def test_spans_slice_to_text() -> None:
    text = "Exports rose 46.9% to about $110.97 bln; imports were $129.14 bln."
    found = find_quantities(text)
    assert [q.text for q in found] == ["46.9%", "$110.97 bln", "$129.14 bln"]
    for q in found:
        assert text[q.span.start : q.span.end] == q.text


def test_qualifier_word_outside_span() -> None:
    text = "Turnover reached over $180 bln."
    q = only(text)
    assert q.text == "$180 bln"
    assert "over" not in text[q.span.start : q.span.end]


def test_does_not_import_pint_or_quantulum() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from claimcheck.extract.quantities import find_quantities;"
        "find_quantities('Trade hit $5 bln, 3 kWh and 10 tonnes.');"
        "print('pint' in sys.modules, 'quantulum3' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---------------------------------------------------------------- the shared corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, None: 1.0}


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "real").is_dir(), reason="../shared corpus not present")
def test_every_annotated_figure_is_found_with_its_value() -> None:
    missing = []
    for path in sorted((SHARED / "real").glob("*.annotations.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SHARED / "real" / f"{path.name.split('.')[0]}.md").read_text(encoding="utf-8")
        found = find_quantities(text)
        for claim in gold["claims"]:
            # changes are signed by the claims layer; here the printed magnitude counts
            value = abs(claim["value"] * _SCALES[claim.get("scale")])
            unit = claim["unit"]
            hits = [
                q
                for q in found
                if (claim["surface"] in q.text or q.text in claim["surface"])
                and q.unit == unit
                and abs(abs(q.value) - value) <= 1e-9 * max(1.0, value)
            ]
            if not hits:
                missing.append((path.name, claim["surface"]))
    assert missing == []


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared corpus not present")
@pytest.mark.parametrize(
    ("surface", "value", "unit", "qualifier"),
    [
        ("$240.11 bln", 240.11e9, "USD", None),
        ("$110.97 bln", 110.97e9, "USD", "about"),
        ("$180 bln", 180e9, "USD", "over"),
        ("$196.48 billion", 196.48e9, "USD", None),
        ("27.7%", 27.7, "percent", None),
        ("50 mln tonnes", 50e6, "t", None),
        ("150 mln doses", 150e6, "count", None),
    ],
)
def test_seed_figures(surface: str, value: float, unit: str, qualifier: str | None) -> None:
    found = [
        q
        for path in sorted((SHARED / "seeds").glob("*.txt"))
        for q in find_quantities(path.read_text(encoding="utf-8"))
        if q.text == surface
    ]
    assert found
    assert all((q.value, q.unit, q.qualifier) == (value, unit, qualifier) for q in found)


# ---------------------------------------------------------------- more surface forms


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Turnover hit $190,27 billion.", "$190,27 billion", 190.27e9, "USD"),
        ("Exports grew 12,8% in May.", "12,8%", 12.8, "percent"),
        ("The laptop cost 1,200€ in Riga.", "1,200€", 1200.0, "EUR"),
        ("Shares ended at 164p on Monday.", "164p", 1.64, "GBP"),
        ("Stir in 1/2 pound of flour.", "1/2 pound", 0.5, "lb"),
        ("The fund raised RM3.06mil last year.", "RM3.06mil", 3.06e6, "MYR"),
        ("It moved up 7.5 mph faster.", "7.5 mph", 7.5, "mph"),
    ],
)
def test_more_surfaces(text: str, surface: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (surface, pytest.approx(value), unit)


def test_vague_plurals_are_ranges() -> None:
    q = only("The flood displaced tens of thousands of families.")
    assert (q.low, q.high, q.unit, q.noun) == (1e4, 1e5, "count", "families")
    q = only("It cost thousands of dollars.")
    assert (q.low, q.high, q.unit) == (1e3, 1e4, "USD")


def test_hyphenated_counted_noun() -> None:
    q = only("It has a four-cylinder engine.")
    assert (q.value, q.unit, q.noun) == (4.0, "count", "cylinder")


def test_stray_currency_sign_before_percent() -> None:
    q = only("Imports fell by $34,4% last year.")
    assert (q.value, q.unit) == (34.4, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "Quarterback Joe Smith (12) ran for a touchdown.",
        "The shop is open 24/7 now.",
        "The centre opened in the 1990s.",
        "Trains run every 5G network day.",
        "Sales ran Sept. 20-24 at the fair.",
    ],
)
def test_more_non_quantities(text: str) -> None:
    assert surfaces(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Output rose 3 times over the decade.", "3 times", 3.0),
        ("The shares trade at 6.5 times earnings.", "6.5 times", 6.5),
        ("Sales grew sixfold in a year.", "sixfold", 6.0),
        ("Costs saw a 3-fold rise.", "3-fold", 3.0),
        ("Demand is four times higher.", "four times", 4.0),
    ],
)
def test_multipliers(text: str, surface: str, value: float) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (surface, pytest.approx(value), "times")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The bonus was worth PS2.7m last year.", "PS2.7m", 2.7e6, "GBP"),
        ("He paid PS21,700 for the flights.", "PS21,700", 21700.0, "GBP"),
        ("Shares closed at Y=28,030 in Tokyo.", "Y=28,030", 28030.0, "JPY"),
    ],
)
def test_transliterated_currency_signs(text: str, surface: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (surface, pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "Sony sold more PS4 units than PS5 units.",
        "The PS5 launched to long queues.",
        "Prices in £ rose, and the PS20 tariff line was cut.",
        "The model sets Y=5 for the base case.",
    ],
)
def test_ps_is_not_pounds_when_it_may_be_a_name(text: str) -> None:
    assert all(q.unit not in {"GBP", "JPY"} for q in find_quantities(text))


def test_change_from_to_marks_the_two_levels() -> None:
    found = find_quantities("Exports fell from $75 to $45.88 in a month.")
    assert [(q.value, q.transition) for q in found] == [(75.0, "from"), (45.88, "to")]
    found = find_quantities("Volume narrowed to 138,285 lots from 212,577 lots.")
    assert [q.transition for q in found] == ["to", "from"]
    assert only("Prices range from $5 to $7.").transition is None


# ---------------------------------------------------------------- members, shares, wholes


def test_one_of_a_group_is_a_count_of_one() -> None:
    q = only("She owns one of the best wireless speakers on sale.")
    assert (q.value, q.unit, q.noun) == (1.0, "count", "best wireless speakers")
    assert q.text == "one of the best wireless speakers"
    assert find_quantities("Is one of them here?") == ()
    assert surfaces("It is one of the two countries.") == ["two countries"]


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("One in five adults smoke.", 0.2, "adults"),
        ("One out of three Germans rent.", 1 / 3, "Germans"),
        ("It is one of four mission concepts.", 0.25, "mission concepts"),
    ],
)
def test_n_in_m_is_a_share(text: str, value: float, noun: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.noun, q.precision) == (
        pytest.approx(value),
        "dimensionless",
        noun,
        0,
    )


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("A third of the US population lives there.", "US population"),
        ("Half the condos, which are new, sold.", "condos"),
        ("A quarter of those screened were ill.", None),
    ],
)
def test_fraction_names_its_whole(text: str, noun: str | None) -> None:
    assert only(text).noun == noun


# ---------------------------------------------------------------- counted noun phrases


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("About 460 Kia and Hyundai vehicles were stolen.", "Kia and Hyundai vehicles"),
        ("The duty hits 5,700 categories of products leaving China.", "categories of products"),
        ("With eight more picks the team reloaded.", "more picks"),
        ("In total, 1,307,000 Americans claimed aid.", "Americans"),
        ("It has more than 1000 customers now.", "customers"),
        ("He pled guilty to one count of fraud.", "count"),
    ],
)
def test_counted_noun_phrases(text: str, noun: str) -> None:
    q = only(text)
    assert (q.unit, q.noun) == ("count", noun)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("He averaged 15.3 ppg last season.", "points per game"),
        ("The reliever was worth 0.5 WAR.", "wins above replacement"),
        ("He threw 2 TDs in the half.", "touchdowns"),
    ],
)
def test_counted_abbreviations(text: str, noun: str) -> None:
    q = only(text)
    assert (q.unit, q.noun) == ("count", noun)


# ---------------------------------------------------------------- more units


def test_scientific_notation() -> None:
    q = only("Light travels at 2.998×10^8 metres per second.")
    assert (q.value, q.unit) == (pytest.approx(2.998e8), "m/s")
    assert q.precision == pytest.approx(0.0005e8)
    assert only("The mass is 1.99×10−30 kilograms.").value == pytest.approx(1.99e-30)
    assert surfaces("a 5 x 10 room") == ["5", "10"]


def test_cents_and_money_take_per_share() -> None:
    q = only("It lost 63 cents per share.")
    assert (q.unit, q.value, q.scale) == ("USD/share", pytest.approx(0.63), 0.01)


def test_spaced_pence() -> None:
    found = find_quantities("Unite fell 68 p at 1112 p on Friday.")
    assert [(q.unit, q.value) for q in found] == [("GBP", 0.68), ("GBP", 11.12)]
    assert find_quantities("We met at 5 p.m. today.") == ()


# ---------------------------------------------------------------- ranges, alternatives, transitions


def test_range_shares_the_denominator() -> None:
    q = only("It pays between $48,000 and $90,000 a year.")
    assert (q.unit, q.low, q.high) == ("USD/year", 48000.0, 90000.0)


def test_range_shares_the_scale_after_a_change_verb() -> None:
    q = only("Guidance fell from the US $89 to $93 billion it had projected.")
    assert (q.low, q.high) == (pytest.approx(89e9), pytest.approx(93e9))


def test_hyphenated_to_range() -> None:
    q = only("The car does the 0-to-60-mph dash quickly.")
    assert (q.unit, q.low, q.high) == ("mph", 0.0, 60.0)


def test_or_gives_two_figures() -> None:
    found = find_quantities("It costs about 8 or $9.")
    assert [(q.value, q.unit) for q in found] == [(8.0, "USD"), (9.0, "USD")]
    found = find_quantities("Five or 6 people came.")
    assert [(q.value, q.noun) for q in found] == [(5.0, "people"), (6.0, "people")]


def test_year_is_not_the_low_end_of_a_range() -> None:
    found = find_quantities("Sales rose 60% in 2018 to 3.9 million headsets.")
    assert [q.text for q in found] == ["60%", "3.9 million headsets"]


def test_from_to_across_a_few_words() -> None:
    found = find_quantities("Bitcoin fell from $36,040 at 10.45pm to $34,935 at 5am.")
    assert [(q.value, q.transition) for q in found] == [(36040.0, "from"), (34935.0, "to")]
    found = find_quantities("Mileage rose from 20 mpg in 2008 to 29 in 2020.")
    assert [(q.value, q.unit, q.transition) for q in found] == [
        (20.0, "mpg", "from"),
        (29.0, "mpg", "to"),
    ]


def test_change_verb_must_be_close() -> None:
    text = "Improvements were delayed, but we were told to expect 5% to 10% more."
    assert only(text).is_range
