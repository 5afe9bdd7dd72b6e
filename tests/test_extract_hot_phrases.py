"""The phrase scanner's set-up shortcuts give what the plain computations give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import metrics
from claimcheck.extract.phrases import MultiScanner, _canonical

_PHRASE = st.lists(
    st.sampled_from(["trade", "balance", "trade-off", "growth", "world", "b", "é", "x’s"]),
    min_size=1,
    max_size=4,
).map(" ".join)

_VOCABULARIES = st.dictionaries(
    st.sampled_from(["metric", "cue", "world"]),
    st.lists(_PHRASE, min_size=1, max_size=6),
    min_size=1,
    max_size=3,
)


def _plain_tangled(scanner: MultiScanner) -> frozenset[str]:
    """``_tangled`` as computed with a ``startswith`` over every phrase."""
    owners = {phrase: list(names) for phrase, names in scanner._owners.items()}
    out: set[str] = set()
    for phrase, names in owners.items():
        for name, pattern in scanner._patterns.items():
            expected = [(0, len(phrase))] if name in names else []
            if [m.span() for m in pattern.finditer(phrase)] != expected:
                out.add(phrase)
        words = phrase.split(" ")
        for i in range(1, len(words)):
            tail = " ".join(words[i:]) + " "
            if any(other.startswith(tail) for other in owners):
                out.add(phrase)
    return frozenset(out)


@settings(max_examples=300, deadline=None)
@given(_VOCABULARIES, st.booleans())
def test_tangled_phrases_as_with_a_scan_of_every_phrase(
    vocabularies: dict[str, list[str]], strict: bool
) -> None:
    scanner = MultiScanner(vocabularies, ["cue"] if strict else [])
    assert scanner._tangled == _plain_tangled(scanner)
    assert set(scanner._owners) == {
        _canonical(p.lower()) for ws in vocabularies.values() for p in ws
    }


def test_tangled_phrases_of_the_term_vocabularies() -> None:
    scanner = metrics._scanner()
    assert scanner._tangled == _plain_tangled(scanner)
