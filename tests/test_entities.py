"""Gazetteer mentions: names, aliases, demonyms, capitals, non-party uses."""

from __future__ import annotations

from claimcheck.extract.entities import find_entities, find_world_terms


def _parties(text: str) -> list[str]:
    return [m.entity for m in find_entities(text) if m.party]


def test_names_aliases_and_demonyms() -> None:
    text = "Sino-Russian trade; the PRC and the U.S. agreed; Russian goods went to the UK."
    assert _parties(text) == [
        "China",
        "Russia",
        "China",
        "United States",
        "Russia",
        "United Kingdom",
    ]


def test_compound_demonyms_and_long_names() -> None:
    assert _parties("Russian-Chinese turnover") == ["Russia", "China"]
    assert _parties("the Russian Federation and the People’s Republic of China") == [
        "Russia",
        "China",
    ]
    assert _parties("Latin American and South African buyers") == ["Latin America", "South Africa"]


def test_case_sensitive_common_words_and_headline_caps() -> None:
    assert _parties("fine china and a roast turkey") == []
    assert _parties("TRADE BETWEEN RUSSIA AND CHINA") == ["Russia", "China"]


def test_people_bodies_currencies_and_places_are_not_parties() -> None:
    mentions = find_entities(
        "Russian President Putin met Chinese leaders in Moscow. BEIJING, May 5. "
        "It cost US$ 5 bln, or 99 billion U.S. dollars."
    )
    assert [(m.entity, m.party, m.reason) for m in mentions] == [
        ("Russia", False, "describes"),
        ("China", False, "describes"),
        ("Russia", False, "place"),
        ("China", False, "place"),
        ("United States", False, "currency"),
        ("United States", False, "currency"),
    ]


def test_capitals_as_metonyms() -> None:
    assert _parties("Moscow and Beijing agreed to raise trade.") == ["Russia", "China"]


def test_world_terms() -> None:
    text = "China's foreign trade and its external trade grew; trade with Peru fell."
    spans = [s.slice(text) for s in find_world_terms(text)]
    assert spans == ["foreign trade", "external trade"]


def test_names_split_by_any_white_space() -> None:
    # a no-break, thin or narrow no-break space, a tab or a line break inside a name
    # reads as a space (it once raised KeyError for the no-break spaces)
    for gap in ("\u00a0", "\u2009", "\u202f", "\t", "\n", "  "):
        text = f"Exports from the United{gap}States to the United{gap}Kingdom rose."
        assert _parties(text) == ["United States", "United Kingdom"], repr(gap)
