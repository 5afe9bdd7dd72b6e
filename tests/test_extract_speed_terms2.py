"""The word-by-word scans find what the patterns they replace find.

* :meth:`~claimcheck.extract.phrases.MultiScanner.scan` walks a trie of words from each
  run of word characters instead of running a pattern (see ``_word_scan``); per
  vocabulary it must give exactly the matches of that vocabulary's pattern over the
  same regions, with the canonical phrase of each match;
* :func:`~claimcheck.extract.entities.find_entities` walks a trie of the gazetteer's
  forms the same way (``_word_mentions``): the mentions of the one pattern of every form.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import entities, metrics
from claimcheck.extract.phrases import MultiScanner, _canonical, _word_phrase, finditer_in

_Found = dict[str, list[tuple[int, int, str]]]


def _plain(scanner: MultiScanner, low: str, regions: list[tuple[int, int]] | None) -> _Found:
    """Each vocabulary's own pattern over the regions."""
    return {
        name: [
            (m.start(), m.end(), _canonical(m.group())) for m in finditer_in(pattern, low, regions)
        ]
        for name, pattern in scanner._patterns.items()
    }


def _regions(size: int, cuts: list[int]) -> list[tuple[int, int]] | None:
    """Disjoint ordered regions of a text of ``size`` characters from cut points (a
    region may start or end inside a word); ``None`` (the whole text) without cuts."""
    if not cuts:
        return None
    points = sorted({min(c, size) for c in cuts})
    return [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]


_SEPARATORS = [" ", "  ", "\n", "\u00a0", "-", "’", "'", "/", ", ", " - ", "_", ""]
_ODD = ["x", "é", "5", "s", "É".lower(), "\u0130".lower(), "the", "a"]


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_word_scan_of_the_term_vocabularies_is_each_patterns_scan(data: st.DataObject) -> None:
    scanner = metrics._scanner()
    assert scanner._root is not None  # the real vocabularies are scanned word by word
    phrases = sorted(scanner._owners)
    words = sorted({w for p in phrases for w in p.replace("-", " ").replace("/", " ").split()})
    piece = st.one_of(
        st.sampled_from(phrases), st.sampled_from(words), st.sampled_from(_SEPARATORS + _ODD)
    )
    low = "".join(data.draw(st.lists(piece, max_size=12)))
    regions = _regions(len(low), data.draw(st.lists(st.integers(0, len(low)), max_size=4)))
    assert scanner.scan(low, regions) == _plain(scanner, low, regions)


_PIECES = ["trade", "balance", "trade-off", "growth", "world", "b", "é", "x’s", "5", "m/m"]
_PHRASE = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map(" ".join)
_VOCABULARIES = st.dictionaries(
    st.sampled_from(["metric", "cue", "world"]),
    st.lists(_PHRASE, min_size=1, max_size=6),
    min_size=1,
    max_size=3,
)


@settings(max_examples=600, deadline=None)
@given(_VOCABULARIES, st.booleans(), st.data())
def test_word_scan_of_overlapping_vocabularies_is_each_patterns_scan(
    vocabularies: dict[str, list[str]], strict: bool, data: st.DataObject
) -> None:
    scanner = MultiScanner(vocabularies, ["cue"] if strict else [])
    assert scanner._root is not None
    piece = st.sampled_from([*_PIECES, "m", "off", "x", "s", *_SEPARATORS])
    low = "".join(data.draw(st.lists(piece, max_size=12)))
    regions = _regions(len(low), data.draw(st.lists(st.integers(0, len(low)), max_size=4)))
    assert scanner.scan(low, regions) == _plain(scanner, low, regions)


def test_phrases_the_word_scan_cannot_read_keep_the_pattern_scan() -> None:
    assert _word_phrase("trade balance") and _word_phrase("m/m") and _word_phrase("x’s")
    for phrase in ["'s", "trade ", " trade", "trade  balance", "trade\tbalance", "u.s.", ""]:
        assert not _word_phrase(phrase)
    scanner = MultiScanner({"metric": ["trade", "u.s."], "cue": ["up"]}, ["cue"])
    assert scanner._root is None
    low = "u.s. trade up-to-date, trade up"
    assert scanner.scan(low) == _plain(scanner, low, None)


def test_word_scan_examples() -> None:
    scanner = MultiScanner(
        {"metric": ["trade balance", "trade"], "cue": ["up", "year on year"], "world": ["x’s"]},
        ["cue"],
    )
    low = "trade\n balance up-to x's year  on\tyear; x’s trade-balance trade_up"
    found = scanner.scan(low)
    assert found == _plain(scanner, low, None)
    assert found["metric"][0] == (0, 14, "trade balance")
    assert [p for _, _, p in found["cue"]] == ["year on year"]
    assert [p for _, _, p in found["world"]] == ["x's", "x's"]


def _forms() -> list[str]:
    return list(entities._compiled().every_form)


_FORM_PIECES = [" ", "  ", "\n", ".", "-", "'", "’", "s", "X", "1", "_", ", ", "$", "A", "the"]


def _cased(form: str, how: int) -> str:
    return [form, form.upper(), form.lower(), form.title(), form[:-1], form + "."][how]


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_word_mentions_are_the_one_patterns(data: st.DataObject) -> None:
    root = entities._word_root()
    assert root is not None  # the gazetteer's forms are scanned word by word
    forms = _forms()
    words = sorted({w for f in forms for w in entities._TOKENS.findall(f)})
    piece = st.one_of(
        st.tuples(st.sampled_from(forms), st.integers(0, 5)).map(lambda p: _cased(*p)),
        st.sampled_from(words),
        st.sampled_from(_FORM_PIECES),
        st.text(alphabet="aAsS .’'-\n", max_size=3),
    )
    text = "".join(data.draw(st.lists(piece, max_size=12)))
    regions = _regions(len(text), data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    expected = entities._one_pattern_mentions(entities._one_pattern(), text, regions)
    assert entities._word_mentions(root, text, regions) == expected


def test_word_mentions_examples() -> None:
    root = entities._word_root()
    assert root is not None
    text = "U.S.A. and U.S.-CHINA, the  Emirates; U.S.Ax .China xChina U.S. A. People’s Republic"
    found = entities._word_mentions(root, text, None)
    assert found == entities._one_pattern_mentions(entities._one_pattern(), text, None)
    assert [text[s:e] for s, e in found][:4] == ["U.S.A.", "U.S.", "CHINA", "the  Emirates"]
    assert entities._word_mentions(root, text, [(0, 3), (11, 15)]) == [(11, 15)]


def test_forms_the_word_scan_cannot_read() -> None:
    assert entities._word_form("U.S.") and entities._word_form("People's Republic")
    for form in [".US", "US ", "U S'", "the  Emirates", "A\tB", "'s"]:
        assert not entities._word_form(form)
