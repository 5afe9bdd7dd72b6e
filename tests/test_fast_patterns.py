"""The faster scans give exactly what the plain patterns they replace would give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import entities, metrics, numbers, periods
from claimcheck.extract.lexicon import alternation, lexicon, trie_alternation
from claimcheck.extract.phrases import STARTS_AFTER, phrase_alternation
from claimcheck.rulepacks import gazetteer


def _all_forms() -> list[str]:
    forms: list[str] = []
    for entity in gazetteer().entities:
        for value in (entity.name, *entity.aliases, *entity.demonyms, *entity.capitals):
            forms.append(value)
            if len(value) > 3 and not value.isupper():
                forms.append(value.upper())
    return forms


_FORMS = _all_forms()
_ONE_PATTERN = re.compile(r"(?:" + phrase_alternation(_FORMS) + r")(?!\w)")


def _reference_mentions(text: str) -> list[tuple[int, int]]:
    """One pattern of every form and ALL-CAPS copy, not after a word character or "."."""
    out: list[tuple[int, int]] = []
    pos: int | None = 0
    while pos is not None:
        resume, pos = pos, None
        for match in _ONE_PATTERN.finditer(text, resume):
            start = match.start()
            before = text[start - 1] if start > 0 else " "
            if before.isalnum() or before in "_.":
                pos = start + 1
                break
            out.append(match.span())
    return out


def _cased(form: str, how: int) -> str:
    return [form, form.upper(), form.lower(), form.title(), form[:-1]][how]


_PIECES = st.one_of(
    st.tuples(st.sampled_from(_FORMS), st.integers(0, 4)).map(lambda p: _cased(*p)),
    st.sampled_from([" ", "  ", "\n", ".", "-", "'", "’", "s", "X", "1", "_", ", ", "$"]),
    st.text(alphabet="aAsS ’'-.\n", max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_entity_scan_matches_one_pattern_of_all_forms(pieces: list[str]) -> None:
    text = "".join(pieces)
    compiled = entities._compiled()
    assert list(entities._mentions(compiled, text, None)) == _reference_mentions(text)


def test_both_entity_scans_give_the_same_mentions() -> None:
    text = "BEIJING, May 2 - China's exports to RUSSIA and the Emirates rose; U.S.-CHINA"
    compiled = entities._compiled()
    quick = list(entities._mentions(compiled, text, None))
    one = list(entities._one_pattern_mentions(entities._one_pattern(), text, None))
    assert quick == one == _reference_mentions(text)
    assert entities.find_entities(text) == entities.find_entities(text)  # either scan


def test_entity_scan_in_capitals_and_regions() -> None:
    text = "BEIJING, May 2 - THE PEOPLE'S REPUBLIC OF CHINA and Kazakhstan; KAZAKHSTANI, U.S."
    compiled = entities._compiled()
    assert list(entities._mentions(compiled, text, None)) == _reference_mentions(text)
    spans = list(entities._mentions(compiled, text, [(0, 7), (17, 60)]))
    assert spans and all(0 <= s < e <= 7 or 17 <= s < e <= 60 for s, e in spans)


def _lexicon_lists() -> list[list[str]]:
    lex = lexicon()
    return [
        list(lex.units),
        list(lex.currency_suffix),
        list(lex.denominators),
        list(lex.percent),
        list(lex.scales),
        ["µg", "μg", "mg", "Mt", "mt", "km", "km/h", "KM"],
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(range(6)),
    st.lists(st.integers(0, 10_000), min_size=1, max_size=4),
    st.lists(st.sampled_from([" ", "/", "-", "h", "s", "²", "1", "A", "ſ", "K", "'"]), max_size=3),
    st.booleans(),
)
def test_trie_alternation_matches_plain_alternation(
    which: int, picks: list[int], tail: list[str], ignore_case: bool
) -> None:
    words = _lexicon_lists()[which]
    text = " ".join(
        (words[p % len(words)].upper() if p % 3 == 0 else words[p % len(words)]) for p in picks
    ) + "".join(tail)
    flags = "(?i:{})" if ignore_case else "(?:{})"
    plain = re.compile(flags.format(alternation(words)) + r"(?![A-Za-z0-9²³])")
    trie = re.compile(
        flags.format(trie_alternation(words, ignore_case=ignore_case)) + r"(?![A-Za-z0-9²³])"
    )
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), trie.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1", "20", "2023", "-", "/", ".", ",", "+7", "(", ")", " ", "5.5", ":30", "pm",
             " November", "x10^", "1/2", "a", "\n", "–", "th", "%"]
        ),
        max_size=14,
    )
)  # fmt: skip
def test_digit_scan_tried_only_where_a_match_can_start(pieces: list[str]) -> None:
    from claimcheck.extract import numbers

    text = "".join(pieces)
    expected = [m.span() for m in numbers._digit_scan().finditer(text)]
    assert [m.span() for m in numbers._digit_matches(text)] == expected


_NUMBER_TEXT = st.lists(
    st.sampled_from(
        [
            "a",
            "an",
            "half",
            "one",
            "two",
            "twenty",
            "hundreds",
            "of",
            "the",
            "tenfold",
            "dozen",
            "dozens",
            "thousand",
            "x",
            "-",
            "'",
            "’",
            " ",
            "  ",
            ",",
            ".",
            "\n",
            "a-",
            "Two",
            "third",
            "quarter",
            "millions",
            "bn",
            "7",
            "seventy-five",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NUMBER_TEXT)
def test_number_word_scan_finds_what_the_plain_pattern_finds(text: str) -> None:
    low = text.lower()
    plain = [m.span() for m in numbers._word_scan().finditer(low)]
    assert [m.span() for m in numbers._word_matches(low)] == plain


def _reference_regions(text: str, low: str) -> dict[str, list[tuple[int, int]]]:
    """The period triggers found one pattern per kind, as before the single scan."""
    triggers = [
        ("digits", re.compile(r"[12qh](?:(?<=1)9\d\d|(?<=2)0\d\d|(?<=[qh])[1-4])"), False, True),
        (
            "month",
            re.compile(
                r"(?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec|J(?:AN|U[NL])|FEB"
                r"|MA[RY]|A(?:PR|UG)|SEP|OCT|NOV|DEC)"
            ),
            True,
            False,
        ),
        *(
            (word, re.compile(word), False, True)
            for word in ("year", "quarter", "half", "months", "period", "time")
        ),
        *((word, re.compile(word), True, True) for word in ("fy", "fiscal", "financial")),
    ]
    regions: dict[str, list[tuple[int, int]]] = {}
    size = len(text)
    for name, pattern, prefix_only, lower in triggers:
        haystack = low if lower else text
        found: dict[str, list[tuple[int, int]]] = {}
        for match in pattern.finditer(haystack):
            start, end = match.span()
            if start > 0 and haystack[start - 1].isalnum():
                continue
            if not prefix_only and end < size and haystack[end].isalnum():
                continue
            kind = "code" if name == "digits" and haystack[start] in "qh" else name
            found.setdefault(kind, []).append((max(0, start - 45), min(size, end + 45)))
        for kind, windows in found.items():
            regions[kind] = periods._merge(text, windows)
    return regions


_PERIOD_TEXT = st.lists(
    st.sampled_from(
        [
            "2019",
            "1999",
            "20",
            "19",
            "Q1",
            "q4",
            "H2",
            "h1",
            "Jan",
            "JAN",
            "June",
            "Mar",
            "May",
            "year",
            "fiscal",
            "FY",
            "fy24",
            "half",
            "period",
            "time",
            "months",
            "x",
            "9",
            " ",
            "-",
            ".",
            "\n",
            "Octo",
            "the ",
            "quarter",
            "financial",
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PERIOD_TEXT)
def test_period_triggers_found_in_one_scan_as_in_one_per_kind(text: str) -> None:
    low = text.lower()
    assert periods._regions(text, low) == _reference_regions(text, low)


_TERM_TEXT = st.lists(
    st.sampled_from(
        [
            "trade",
            "balance",
            "trade balance",
            "growth",
            "economic",
            "rose",
            "up",
            "free-",
            "the world",
            "é",
            "’",
            "'",
            " ",
            "\n",
            "-",
            ".",
            ",",
            "x",
            "1",
            "_",
            "Trade",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TERM_TEXT, st.integers(0, 20), st.integers(0, 60))
def test_term_scan_finds_what_the_plain_pattern_finds(text: str, lo: int, width: int) -> None:
    scanner = metrics._scanner()
    scanner._scanned = STARTS_AFTER + 1
    list(scanner._matches("", 0, 0))  # past the plain scans: the starts are compiled
    low = text.lower()
    hi = min(len(low), lo + width)
    plain = [m.span() for m in scanner.pattern.finditer(low, lo, hi)]
    assert list(scanner._matches(low, lo, hi)) == plain


def test_expect_texts_skips_the_quick_start_for_many_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "China and Russia traded more; CHINA said so."
    monkeypatch.setattr(entities, "_texts_scanned", [0])
    entities.expect_texts(1)  # one text: the quick start stays
    assert entities._texts_scanned == [0]
    quick = entities.find_entities(text)
    assert entities._texts_scanned == [entities._QUICK_START_TEXTS]
    monkeypatch.setattr(entities, "_texts_scanned", [0])
    entities.expect_texts(2)
    assert entities._texts_scanned == [entities._QUICK_START_TEXTS]
    assert entities.find_entities(text) == quick  # the one-pattern scan: the same mentions
    assert entities._texts_scanned == [entities._QUICK_START_TEXTS]
