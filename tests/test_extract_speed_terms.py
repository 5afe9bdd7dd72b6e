"""The term scan's shortcuts find what the plain scans find.

* the pattern of phrase starts (:func:`~claimcheck.extract.phrases._phrase_starts_pattern`)
  tests the characters a phrase opens with before trying its trie: the same matches;
* the claims scan the terms of a sentence after a figure only where a claim reads them
  (:meth:`~claimcheck.extract.claims._DocIndex._claim_regions`): the sentences scanned
  get the same terms as in a scan of every sentence with figures and the one after.
"""

from __future__ import annotations

import datetime as _dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.documents import make_document
from claimcheck.extract import metrics
from claimcheck.extract.claims import _DocIndex
from claimcheck.extract.metrics import lowered, term_may_hold, term_parts
from claimcheck.extract.phrases import _build, _phrase_starts_pattern, _trie
from claimcheck.extract.quantities import find_quantities

_PHRASES = ["trade", "trade balance", "rose", "up", "exports", "the world", "record high"]

_STARTS_TEXT = st.lists(
    st.sampled_from(
        [*_PHRASES, "trades", "k", "x", "1", "$", " ", "\n", "-", ".", "é", "_", "’", "'"]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_STARTS_TEXT)
def test_phrase_starts_are_those_of_the_pattern_without_the_class(text: str) -> None:
    trie = _trie(_PHRASES)
    plain = re.compile(r"[^0-9a-z_](?=(" + _build(trie) + r")(?!\w))")
    fast = _phrase_starts_pattern(trie)
    assert [m.span(1) for m in fast.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


def test_the_scanners_phrase_starts_are_those_of_the_plain_pattern() -> None:
    scanner = metrics._scanner()
    trie = scanner._trie
    plain = re.compile(r"[^0-9a-z_](?=(" + _build(trie) + r")(?!\w))")
    fast = _phrase_starts_pattern(trie)
    text = (
        "china's exports rose 5% to $42.5 bln, a record high. the trade balance: "
        "up 3% year on year; imports from the world fell (down 2%) - total trade grew"
    )
    assert [m.span(1) for m in fast.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


_WORDS = [
    "Trade",
    "trade",
    "exports",
    "imports",
    "rose",
    "fell",
    "record",
    "high",
    "It",
    "it",
    "This",
    "this",
    "is",
    "a",
    "the",
    "world",
    "China",
    "Russia",
    "surplus",
    "target",
    "up",
    "$5 bln",
    "12%",
    "2023",
]
_SEPARATORS = [" ", " ", " ", ", ", ". ", ".\n\n", "! ", "? ", "\n\n", ".", ": ", "; "]
_ARTICLE = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=30
).map(lambda pairs: "".join(word + sep for word, sep in pairs))


_Found = tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list[tuple[int, int]]]


def _by_sentence(index: _DocIndex, found: _Found, keep: set[int]) -> _Found:
    """The terms of ``found`` starting in the sentences ``keep``."""
    bounds = index.sentences.bounds
    inside = [(lo, hi) for i, (lo, hi) in enumerate(bounds) if i in keep]
    metric_list = [m for m in found[0] if any(lo <= m[0] < hi for lo, hi in inside)]
    cue_list = [c for c in found[1] if any(lo <= c[0] < hi for lo, hi in inside)]
    worlds = [w for w in found[2] if any(lo <= w[0] < hi for lo, hi in inside)]
    return metric_list, cue_list, worlds


def _found(text: str, regions: list[tuple[int, int]]) -> _Found:
    metric_list, cue_list, worlds = term_parts(text, lowered(text), regions)
    return (
        [(m.start, m.end, m.term) for m in metric_list],
        [(c.start, c.end, c.name) for c in cue_list],
        list(worlds),
    )


@settings(max_examples=300, deadline=None)
@given(_ARTICLE)
def test_sentences_left_out_of_the_term_scan_change_no_read_sentence(text: str) -> None:
    index, regions, term_regions = _regions(text)
    bounds = index.sentences.bounds
    figures = {i for i in index.quantity_sentences if i >= 0}
    # Every sentence with figures is scanned, and each one after a figure that opens
    # with "it " or "this " (the only ones a claim reads besides).
    read = set(figures)
    for i in figures:
        if i + 1 < len(bounds):
            lo = bounds[i + 1][0]
            if text[lo : lo + 12].lower().startswith(("it ", "this ")):
                read.add(i + 1)
    for i in read:
        assert any(lo <= bounds[i][0] and bounds[i][1] <= hi for lo, hi in term_regions)
    assert _by_sentence(index, _found(text, term_regions), read) == _by_sentence(
        index, _found(text, regions), read
    )


def test_no_term_holds_a_closing_mark() -> None:
    # The shortcut is taken at sentences ending so; with a vocabulary holding one of
    # these marks it would not be (and would still be exact), only slower.
    assert not any(term_may_hold(mark) for mark in ".!?")


def _regions(text: str) -> tuple[_DocIndex, list[tuple[int, int]], list[tuple[int, int]]]:
    document = make_document(text, id="t", published=_dt.date(2024, 1, 1))
    quantities = find_quantities(text)
    index = _DocIndex(
        document, [q.span.start for q in quantities], [q.span.end for q in quantities]
    )
    index.quantity_sentences = []
    regions, term_regions = index._claim_regions()
    return index, regions, term_regions


def test_a_sentence_after_an_open_boundary_is_scanned() -> None:
    # No closing mark: "record" + "high" is one cue ("record high") over the break.
    text = "China exports rose 5%, a record\n\nhigh for trade."
    index, regions, term_regions = _regions(text)
    assert len(index.sentences.bounds) == 2
    assert term_regions == regions
    cues = [(c.start, c.phrase) for c in term_parts(text, lowered(text), term_regions)[1]]
    assert (25, "record high") in cues


def test_a_sentence_after_a_closed_boundary_is_left_out() -> None:
    text = "China exports rose 5% to a record. High demand for trade went on. It was 2%."
    index, regions, term_regions = _regions(text)
    bounds = index.sentences.bounds
    assert len(bounds) == 3
    assert regions == [(bounds[0][0], bounds[2][1])]
    assert term_regions == [bounds[0], bounds[2]]


def test_a_sentence_opening_with_it_is_scanned() -> None:
    text = "China exports rose to $5 bln. It is a record high. Trade went on."
    index, regions, term_regions = _regions(text)
    bounds = index.sentences.bounds
    assert term_regions == regions == [(bounds[0][0], bounds[1][1])]
