"""Regex calls skipped by a cheap test are skipped only where the pattern cannot match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import claims, metrics, nouns, suffixes
from claimcheck.extract.lexicon import lexicon, patterns
from claimcheck.extract.phrases import MultiScanner, _first_chars

_PIECES = [
    " ",
    "\u00a0",
    "  ",
    "/",
    "-",
    "per",
    "Per",
    "a",
    "A",
    "an",
    "each",
    "every",
    "Every",
    "of",
    "in",
    "and",
    "barrel",
    "Barrel",
    "year",
    "tonne",
    "sq ft",
    "x",
    ".",
    ",",
    "5",
]


def _denominator_words() -> list[str]:
    return sorted(lexicon().denominators)


_DENOMINATOR_TEXT = st.one_of(
    st.lists(
        st.one_of(st.sampled_from(_PIECES), st.sampled_from(_denominator_words())), max_size=8
    ).map("".join),
    # Shaped like a match: opener, word, separator, denominator (each possibly off).
    st.tuples(
        st.sampled_from(["", "5", "x"]),
        st.sampled_from([" ", "\u00a0", "-", "/", " /", "x", ""]),
        st.sampled_from(["per", "a", "an", "each", "every", "Each", "of", "", "/"]),
        st.sampled_from([" ", "\u00a0", "-", "", " / "]),
        st.sampled_from(_denominator_words()).map(lambda w: w.title() if len(w) > 3 else w),
    ).map("".join),
)


@settings(max_examples=1500, deadline=None)
@given(_DENOMINATOR_TEXT, st.integers(min_value=0, max_value=3))
def test_denominator_gate_holds_wherever_the_pattern_matches(text: str, end: int) -> None:
    if patterns().denominator.match(text, end) is not None:
        assert suffixes._may_be_denominator(text, end)


def test_denominators_still_read() -> None:
    for text in (" a barrel", "/barrel", " / tonne", "-per-year", " per Tonne", " every day"):
        assert patterns().denominator.match(text, 0) is not None
        assert suffixes._may_be_denominator(text, 0)
    for text in (" of oil", ", a barrel", " in 2023", " A barrel", ""):
        assert not suffixes._may_be_denominator(text, 0)


_REALISED_TEXT = st.lists(
    st.sampled_from(
        [
            *(" ", "\n", "\u00a0", "\t", "seen", "recorded", "logged", "in", "for", "over"),
            *("the", "The", "IN", "Seen", "x", ","),
        ]
    ),
    max_size=7,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_REALISED_TEXT)
def test_realised_gap_is_never_shorter_than_its_bound(gap: str) -> None:
    if claims._REALISED_GAP.fullmatch(gap) is not None:
        assert len(gap) >= claims._REALISED_SHORTEST


def test_shortest_realised_gap() -> None:
    assert claims._REALISED_GAP.fullmatch(" seen in ") is not None
    assert len(" seen in ") == claims._REALISED_SHORTEST


def _veto_cases() -> list[tuple[str, list[str]]]:
    from claimcheck.rulepacks import metric_vocabulary

    return [(m.key, list(m.not_followed_by)) for m in metric_vocabulary() if m.not_followed_by]


def _long_s(word: str) -> str:
    """``word`` with a first "s" written as the long s (which matches "s", ignoring case)."""
    return "\u017f" + word[1:] if word.startswith("s") else word


_VETO_PIECES = [" ", "  ", "\n", "\u00a0", "\u2003", "K", "\u212a", "\u017f", "x", "Z", ".", "5"]


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_veto_gate_holds_wherever_the_veto_matches(data: st.DataObject) -> None:
    key, words = data.draw(st.sampled_from(_veto_cases()))
    pieces = st.one_of(
        st.sampled_from(_VETO_PIECES),
        st.sampled_from(words),
        st.sampled_from(words).map(str.upper),
        st.sampled_from(words).map(str.title),
        st.sampled_from(words).map(_long_s),
    )
    if data.draw(st.booleans()):
        text = data.draw(st.lists(pieces, max_size=5).map("".join))
        end = data.draw(st.integers(min_value=0, max_value=2))
    else:  # shaped like a match: white space, then a word, after a prefix
        prefix = data.draw(st.sampled_from(["", "x", "xy"]))
        space = data.draw(st.sampled_from(["", " ", "  ", "\n", "\u00a0", "\u2003"]))
        text = prefix + space + data.draw(pieces) + data.draw(st.sampled_from(["", " x", "s"]))
        end = len(prefix)
    compiled = metrics._metric_pattern()
    veto = compiled.veto(key)
    assert veto is not None
    if veto.match(text, end) is not None:
        assert metrics._may_be_vetoed(text, end, compiled.veto_firsts[key])


def test_veto_gate_cases() -> None:
    firsts = frozenset("ab")
    assert metrics._may_be_vetoed("x  Abc", 1, firsts)
    assert metrics._may_be_vetoed("x \u212a", 1, firsts)
    assert not metrics._may_be_vetoed("x  cab", 1, firsts)
    assert not metrics._may_be_vetoed("xab", 1, firsts)
    assert not metrics._may_be_vetoed("x   ", 1, firsts)
    assert metrics._may_be_vetoed("xab", 1, None)
    assert metrics._first_letters(["ab", "1x"]) is None


_PHRASE_PIECES = ["trade", "balance", "growth", "world", "b", "é", "x’s", "'s", "5", "É"]
_PHRASES = st.lists(st.sampled_from(_PHRASE_PIECES), min_size=1, max_size=3).map(" ".join)


def _gate_holds(scanner: MultiScanner, low: str) -> None:
    for name, pattern in scanner._patterns.items():
        heads = scanner._firsts[name]
        for p in range(len(low)):
            if pattern.match(low, p) is not None:
                assert heads is None or low[p] in heads


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["metric", "cue", "world"]),
        st.lists(_PHRASES, min_size=1, max_size=5),
        min_size=1,
        max_size=3,
    ),
    st.lists(st.sampled_from([*_PHRASE_PIECES, " ", "\n", "’", "’s", "-", "x"]), max_size=8),
)
def test_first_character_gate_holds_wherever_a_vocabulary_matches(
    vocabularies: dict[str, list[str]], pieces: list[str]
) -> None:
    scanner = MultiScanner(vocabularies, ["cue"])
    _gate_holds(scanner, "".join(pieces).lower())


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_first_character_gate_of_the_term_vocabularies(data: st.DataObject) -> None:
    scanner = metrics._scanner()
    phrases = sorted(scanner._owners)
    pieces = st.one_of(st.sampled_from(phrases), st.sampled_from([" ", "-", "x", "’", "\n"]))
    _gate_holds(scanner, "".join(data.draw(st.lists(pieces, max_size=4))))


def test_first_characters() -> None:
    assert _first_chars(["trade", "balance", "5g"]) == frozenset("tb5")
    assert _first_chars(["trade", "'s"]) is None
    assert _first_chars(["trade", " x"]) is None


_LITERAL_PIECES = [" ", "\u00a0", "\n", "-", "of", "Of", "per", "Per", "than", "to", "To", "THAN"]
_LITERAL_PIECES += ["tonnes", "day", "x", "s", "\u212a", "\u017f", "5", "'"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_LITERAL_PIECES), max_size=6).map("".join))
def test_literal_gates_hold_wherever_the_patterns_match(text: str) -> None:
    ctx = patterns()
    for pos in range(len(text) + 1):
        if ctx.hyphen_noun.match(text, pos):
            assert text[pos : pos + 1] == "-"
        if ctx.noun_per.match(text, pos):
            assert text[pos + 1 : pos + 4] == "per"
        if nouns._OF_COMPLEMENT.match(text, pos):
            assert text[pos + 1 : pos + 3] == "of"
        if metrics._NOT_A_CHANGE.match(text, pos):
            assert metrics._may_be_vetoed(text, pos, metrics._THAN_TO_FIRSTS)
