"""Robustness properties, end to end (hypothesis; example counts kept modest).

* loading never raises, whatever the bytes and the file type;
* extraction (quantities and claims) never raises on arbitrary Unicode, and
  every claim's span slices to its text inside its sentence;
* findings do not depend on the order of the documents (what they say; which
  of several documents stating the same figure they cite may);
* re-expressing a figure in the article text ("$240.11 bln", "$240,110
  million", "240.11 billion US dollars", "USD 240.11 billion") changes no
  finding;
* consistent generated articles (``benchmarks/gen_corpus.py`` without
  injected errors) yield no error finding;
* the JSON outputs are byte-identical across runs and hash seeds;
* every check writer handles odd text (carriage returns, line and paragraph
  separators, bidi marks, combining characters, escape sequences, markup and
  annotation syntax) and odd input names without raising, and its machine
  output parses.

Invariance under ``--jobs`` is tested with the parallel runner.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.documents import LoadFailure, documents_from_bytes, make_document
from claimcheck.extract import extract_document
from claimcheck.findings import Report
from claimcheck.model import Document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen_corpus  # noqa: E402  (benchmarks/ is not a package)

TOKENS = st.sampled_from(
    [
        "$", "€", "USD", "5", "240.11", "1,000", "2023", "bln", "billion", "million", "%",
        "per cent", "-", "–", "to", "from", "and", "about", "over", "exports", "imports",
        "trade", "rose", "fell", "China", "Russia", "January-October", "last year", ".",
        ",", "(", ")", "\n", "\n\n", " ", "---", "published:", "doubled", "a third",
        "record", "target", "by 2030", "year on year",
    ]
)  # fmt: skip
NEWSY = st.lists(TOKENS, max_size=60).map(" ".join)
TEXT = st.one_of(st.text(max_size=400), NEWSY)


def _check_claims(document: Document) -> None:
    text = document.text
    for claim in extract_document(document):
        span, sentence = claim.span, claim.sentence
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == claim.text
        assert sentence.start <= span.start and span.end <= sentence.end <= len(text)
        assert not math.isnan(claim.value)
        assert claim.id.startswith(f"{document.id}#")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_never_raises_and_spans_slice_to_their_text(text: str) -> None:
    _check_claims(make_document(text, id="t", published=dt.date(2024, 3, 1)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=300) | NEWSY.map(str.encode),
    st.sampled_from((".txt", ".md", ".json", ".jsonl", ".csv")),
)
def test_loading_never_raises(data: bytes, suffix: str) -> None:
    for result in documents_from_bytes(data, path=f"x{suffix}", suffix=suffix):
        if isinstance(result, LoadFailure):
            assert result.reason and "\n" not in result.message
        else:
            _check_claims(result)


# --------------------------------------------------------------------------- findings


def _corpus(seed: int, count: int, error_rate: float) -> list[Document]:
    documents = []
    for item in gen_corpus.generate(count, seed=seed, error_rate=error_rate, hot_share=0.7):
        documents.append(
            make_document(
                str(item["text"]),
                id=str(item["id"]),
                published=dt.date.fromisoformat(str(item["published"])),
            )
        )
    return documents


def _signature(report: Report) -> list[tuple[Any, ...]]:
    """What each finding says: rule, severity, message, arithmetic and the figures cited.

    Not which document a cited figure comes from: when several documents state the
    same figure (the generated corpora repeat them), a rule may cite whichever comes
    first (noted in docs/robustness.md).
    """
    return sorted(
        (
            f.code,
            f.severity,
            f.message,
            json.dumps(None if f.arithmetic is None else f.arithmetic.to_dict()),
            tuple(sorted(c.text for c in f.claims)),
        )
        for f in report.findings
    )


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_document_order(seed: int, rng: Any) -> None:
    documents = _corpus(seed, 8, error_rate=0.4)
    shuffled = list(documents)
    rng.shuffle(shuffled)
    assert _signature(claimcheck.check(shuffled)) == _signature(claimcheck.check(documents))


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_consistent_generated_articles_yield_no_error(seed: int) -> None:
    report = claimcheck.check(_corpus(seed, 8, error_rate=0.0))
    assert [f.to_dict() for f in report.by_severity("error")] == []


FORMS = (
    lambda x: f"${x:.2f} bln",
    lambda x: f"${round(x * 1000):,} million",
    lambda x: f"{x:.2f} billion US dollars",
    lambda x: f"USD {x:.2f} billion",
)
PAIRS = (("China", "Russia"), ("India", "Brazil"), ("Turkey", "Germany"))


def _article(pair: tuple[str, str], figures: Sequence[float], forms: Sequence[int]) -> str:
    a, b = pair
    total, exports, imports = (FORMS[f](x) for f, x in zip(forms, figures, strict=True))
    return (
        f"Trade between {a} and {b} reached {total} in 2023, customs data showed. "
        f"{a}'s exports to {b} amounted to {exports}, while its imports from {b} "
        f"were {imports}.\n"
    )


def _findings(text: str) -> Counter[tuple[str, str, int]]:
    document = make_document(text, id="a", published=dt.date(2024, 2, 1))
    report = claimcheck.check([document])
    return Counter((f.code, f.severity, len(f.claims)) for f in report.findings)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(PAIRS),
    st.integers(min_value=100, max_value=50_000),
    st.integers(min_value=100, max_value=50_000),
    st.sampled_from([0.0, 0.0, 0.08, -0.12, 0.3]),
    st.lists(st.integers(min_value=0, max_value=len(FORMS) - 1), min_size=3, max_size=3),
)
def test_re_expressing_a_figure_changes_no_finding(
    pair: tuple[str, str], exports: int, imports: int, error: float, forms: list[int]
) -> None:
    parts = (exports / 100, imports / 100)
    total = round(sum(parts) * (1 + error), 2)
    figures = (total, *parts)
    canonical = _findings(_article(pair, figures, (0, 0, 0)))
    assert _findings(_article(pair, figures, forms)) == canonical
    if error:
        assert canonical, "a total off by 8% or more is found in every notation"


# --------------------------------------------------------------------------- determinism


def _run(argv: Sequence[str], seed: str) -> bytes:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed, NO_COLOR="1")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", *argv],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def test_json_outputs_are_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    gen_corpus.write(corpus, 40, seed=11, error_rate=0.3, hot_share=0.5)
    for argv in (
        ["check", "fixtures", str(corpus), "--no-config", "-q", "-f", "json"],
        ["extract", "fixtures", "-f", "json"],
    ):
        first, second = _run(argv, "1"), _run(argv, "2")
        assert first and first == second, argv


# --------------------------------------------------------------------------- writers

ODD_TEXT = st.lists(
    st.sampled_from(
        [
            "Trade between China and Russia reached $240.11 bln in 2023",
            "exports rose 12.7% to $110.97 bln",
            "imports were $129.14 bln",
            "\r",
            "\r\n",
            "\n",
            "\u2028",
            "\u200f",
            "e\u0301",
            "\x1b[2J",
            "<script>",
            "::error::",
            "%0A",
            "`` ``` ",
            "| |",
            "$",
            "@all",
            "\t",
            ".",
            " ",
        ]
    ),
    min_size=1,
    max_size=30,
).map("".join)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ODD_TEXT, min_size=1, max_size=3))
def test_every_writer_handles_odd_text(texts: list[str]) -> None:
    import io

    from claimcheck.inputs import InputStatus
    from claimcheck.report.check_writers import CHECK_FORMATS, write_check_report

    documents = [
        make_document(text, id=f"d{n}<b>.md", path=f"news/d{n}.md", published=dt.date(2024, 2, 1))
        for n, text in enumerate(texts)
        if text.strip()
    ]
    report = claimcheck.check(documents)
    inputs = [InputStatus.of_document(d) for d in documents] + [
        InputStatus("news/\x1b[2Jodd\n.pdf", "skipped", "not a text document: PDF document")
    ]
    by_id = {d.id: d for d in documents}
    for fmt in CHECK_FORMATS:
        out = io.StringIO()
        write_check_report(fmt, report, by_id, out, inputs=inputs)
        text = out.getvalue()
        text.encode("utf-8")
        if fmt in ("json", "sarif"):
            json.loads(text)
        # Records and commands are separated by "\n" only: str.splitlines() would also
        # break inside a string at U+2028, U+0085 and the like, which JSON leaves as is.
        lines = text.removesuffix("\n").split("\n")
        if fmt == "jsonl":
            [json.loads(line) for line in lines]
        if fmt == "github":
            assert all(line.startswith(("::", "claimcheck:")) for line in lines)
