"""Coverage-guided fuzzing of the document loader and the extractor (atheris).

One input is the bytes of one file: the first byte picks how it is read
(``.txt``, ``.md``, ``.json``, ``.jsonl`` or an unknown ending), the rest is
the file's content. Every document loaded from it is extracted, and the
harness checks what claimcheck promises for any input:

* :func:`claimcheck.documents.documents_from_bytes` never raises: every
  problem is a failure or a skip with a one-line reason;
* extraction never raises;
* every claim's span lies inside the text and slices to the claim's text, its
  sentence span covers it, and values are numbers (NaN never appears);
* the documents' JSON form (what ``claimcheck extract --format json``
  writes) serialises and encodes as UTF-8 (no lone surrogates).

Every input that ever crashed it is kept in ``fuzz/regressions/`` and
replayed, with the seed corpus, by ``tests/test_fuzz_corpus.py``.

Run it (see fuzz/README.md)::

    python fuzz/fuzz_claimcheck.py fuzz/corpus -max_total_time=1800 -timeout=20
"""

from __future__ import annotations

import contextlib
import math
import sys

try:
    import atheris
except ImportError:  # the tests replay the corpus without atheris (tests/test_fuzz_corpus.py)
    atheris = None

with atheris.instrument_imports() if atheris is not None else contextlib.nullcontext():
    from claimcheck.documents import LoadFailure, documents_from_bytes
    from claimcheck.extract import extract_document
    from claimcheck.model import Document
    from claimcheck.serialize import document_to_dict, dumps

SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".dat")


def check_document(document: Document) -> None:
    """Extract ``document`` and assert the invariants of its claims."""
    claims = extract_document(document)
    text = document.text
    for claim in claims:
        span = claim.span
        assert 0 <= span.start < span.end <= len(text), (span, len(text))
        assert text[span.start : span.end] == claim.text, (span, claim.text)
        sentence = claim.sentence
        assert 0 <= sentence.start <= span.start and span.end <= sentence.end <= len(text), (
            sentence,
            span,
        )
        assert not math.isnan(claim.value), claim
        low, high = claim.interval
        assert not (math.isnan(low) or math.isnan(high)), claim
    dumps(document_to_dict(document, claims)).encode("utf-8")  # outputs are UTF-8


def test_one_input(data: bytes) -> None:
    """The fuzz target: load ``data`` as a file, extract every document."""
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    for result in documents_from_bytes(data[1:], path=f"fuzz{suffix}", suffix=suffix):
        if isinstance(result, LoadFailure):
            message = result.message
            assert message and "\n" not in message, message
            message.encode("utf-8")
            continue
        check_document(result)


def main() -> None:
    """Run libFuzzer with the command-line arguments."""
    if atheris is None:
        sys.exit("atheris is not installed: pip install -e '.[fuzz]'")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
