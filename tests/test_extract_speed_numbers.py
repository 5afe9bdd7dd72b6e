"""The word scan skips the word "a" or "an" where no match can start: never wrong."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import numbers
from claimcheck.extract.lexicon import lexicon


def _plain_word_matches(lowered: str) -> list[tuple[int, int, str | None]]:
    """The matches of the word scan over the whole text."""
    return [(m.start(), m.end(), m.lastgroup) for m in numbers._word_scan().finditer(lowered)]


def _words() -> list[str]:
    lex = lexicon()
    return sorted({*lex.multipliers, "dozen", "dozens", *numbers._FRACTION_WORDS, "two", "one"})


_TEXT = st.lists(
    st.sampled_from(
        [
            *_words(),
            "a",
            "an",
            "A",
            "and",
            "of",
            "the",
            "record",
            "year",
            "tons",
            "5",
            " ",
            "  ",
            "\n",
            "\u00a0",
            "-",
            ".",
            ",",
            "'",
            "x",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_word_matches_skip_no_match_at_an_article(text: str) -> None:
    lowered = text.lower()
    found = [(m.start(), m.end(), m.lastgroup) for m in numbers._word_matches(lowered)]
    assert found == _plain_word_matches(lowered)


def test_articles_before_numbers_are_tried() -> None:
    for text in ("a hundred tons", "a half of the", "a-third of them", "a dozen"):
        lowered = text.lower()
        assert numbers._article_may_match(lowered, 0, numbers._article_followers())
        assert [(m.start(), m.end()) for m in numbers._word_matches(lowered)] == [
            (m.start(), m.end()) for m in numbers._word_scan().finditer(lowered)
        ]


def test_articles_before_other_words_are_skipped() -> None:
    followers = numbers._article_followers()
    for text in ("a record", "a year", "an increase", "a.", "a"):
        assert not numbers._article_may_match(text, 0, followers)


def test_the_fraction_pattern_is_built_from_its_words() -> None:
    assert numbers._FRACTION == (
        r"(?:(?:a|an|one|two|three|four)[\s-](?:half|halves|third|thirds|quarter|quarters|fourth"
        r"|fourths|fifth|fifths)|half)(?=\s+(?:of|the|a|an|their|its|his|her|our|all|that|those"
        r"|these)\b)"
    )


def test_every_number_word_after_an_article_is_read() -> None:
    lex = lexicon()
    for word in [*lex.multipliers, "dozen", *numbers._FRACTION_WORDS]:
        for article in ("a", "an", "A"):
            for separator in (" ", "-", "\n", "  ", "\u00a0"):
                lowered = f"in {article}{separator}{word} of the total".lower()
                found = [(m.start(), m.end(), m.lastgroup) for m in numbers._word_matches(lowered)]
                assert found == _plain_word_matches(lowered), lowered
