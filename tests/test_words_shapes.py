"""The shape tables that gate the word scans' dictionary look-ups never reject a word of
the dictionary (so the gate skips only runs the look-up would miss), and the entity
form memo gives what normalising each surface gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import entities, metrics
from claimcheck.extract.phrases import run_shapes


def _passes(shapes: bytes, run: bytes) -> bool:
    size = len(run)
    return bool((shapes[run[0] * 128 + run[-1]] >> ((size if size < 8 else 8) - 1)) & 1)


def test_every_first_word_of_a_term_passes_the_gate() -> None:
    scanner = metrics._scanner()
    assert scanner._runs
    for run in scanner._runs:
        if run.isascii():
            assert _passes(scanner._run_firsts, run), run


def test_every_first_word_of_a_form_passes_the_gate() -> None:
    _, runs, shapes = entities._word_roots()
    assert runs
    for run in runs:
        if run.isascii():
            assert _passes(shapes, run), run


_WORDS = st.lists(st.binary(min_size=1, max_size=12).filter(bytes.isascii), max_size=20)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.binary(min_size=1, max_size=12).filter(bytes.isascii))
def test_a_run_failing_the_gate_is_no_word(words: list[bytes], run: bytes) -> None:
    shapes = run_shapes(words)
    for word in words:
        assert _passes(shapes, word)
    if not _passes(shapes, run):
        assert run not in words


_SURFACES = st.sampled_from(
    [
        "China",
        "CHINA",
        "Russia",
        "United States",
        "United  States",
        "United\nStates",
        "United\tStates",
        "U.S.",
        "Beijing",
        "BEIJING",
        "People’s Republic of China",
        "Chinese",
        "Kyrgyzstan",
    ]
)


@settings(max_examples=200, deadline=None)
@given(_SURFACES)
def test_the_form_memo_is_the_normalised_look_up(surface: str) -> None:
    forms = entities._compiled().forms
    canonical = surface.replace("’", "'")
    if " " in canonical or "\n" in canonical or "\t" in canonical:
        canonical = " ".join(canonical.split())
    expected = forms.get(canonical)
    for _ in range(2):  # the second call reads the memo
        if expected is None:
            try:
                entities._form_of(forms, surface)
            except KeyError:
                continue
            raise AssertionError(surface)
        entity, form = expected
        dateline = canonical.isupper() and len(canonical) > 3
        assert entities._form_of(forms, surface) == (entity, form, dateline)
