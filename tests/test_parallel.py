"""``--jobs N``: extraction in worker processes, output identical to ``--jobs 1``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.documents import LoadFailure, load_documents, make_document
from claimcheck.engine import check
from claimcheck.engine.config import load_config
from claimcheck.engine.groups import group_labels, relation_groups
from claimcheck.engine.index import flow_metrics, normalise, scope_key
from claimcheck.engine.runner import Plan, check_group, report_of
from claimcheck.extract import extract_document
from claimcheck.model import Claim, Document
from claimcheck.parallel import (
    CHUNK_DOCUMENTS,
    CHUNKS_PER_WORKER,
    available_cores,
    extract_documents,
    extract_stream,
    render_stream,
)
from tests.scale_support import FIXTURES, corpus, run


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The fixtures, a generated corpus with a broken line in the middle, and more fixtures."""
    directory = tmp_path_factory.mktemp("parallel")
    lines = corpus(directory, 300).read_text(encoding="utf-8").splitlines()
    lines.insert(150, '{"id": "broken", "text": ')  # a load failure between documents
    mixed = directory / "mixed.jsonl"
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(FIXTURES), str(mixed), str(FIXTURES / "001_china_russia_2023_annual.md")]


def test_default_jobs_are_the_available_cores() -> None:
    assert available_cores() >= 1


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_extract_jobs_2_is_byte_identical_to_jobs_1(
    inputs: list[str], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    one = run(capsys, "extract", *inputs, "-f", fmt, "--jobs", "1")
    two = run(capsys, "extract", *inputs, "-f", fmt, "--jobs", "2")
    assert one[0] == 2  # the broken line
    assert "mixed.jsonl:151: invalid JSON" in one[2]
    assert one == two
    assert one[1].count('"id": "') > 300 if fmt == "json" else True


def test_check_jobs_2_is_byte_identical_to_jobs_1(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    common = ("check", *inputs, "-f", "json", "--no-config", "-q", "--exit-zero")
    one = run(capsys, *common, "--jobs", "1")
    two = run(capsys, *common, "--jobs", "2")
    assert '"rule": "CC' in one[1]
    assert one == two


def test_index_jobs_2_stores_what_jobs_1_stores(
    inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = []
    for jobs in ("1", "2"):
        db = tmp_path / f"claims-{jobs}.db"
        status, _, err = run(capsys, "index", *inputs, "--store", str(db), "--jobs", jobs)
        assert status == 2
        assert "2 failed" in err  # the broken line and the repeated fixture
        with sqlite3.connect(db) as connection:
            rows.append(
                connection.execute(
                    "SELECT d.id, c.number, c.claim FROM claims c JOIN documents d "
                    "ON d.rowid = c.document ORDER BY d.id, c.number"
                ).fetchall()
            )
    assert rows[0]
    assert rows[0] == rows[1]


@pytest.mark.usefixtures("fake_extract")
def test_extraction_failures_are_reported_per_document_as_with_one_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in range(6):
        body = "EXPLODE" if number in (1, 4) else f"Trade reached ${number + 1}.5 bln."
        (tmp_path / f"a{number}.txt").write_text(body + "\n", encoding="utf-8")
    one = run(capsys, "extract", str(tmp_path), "-f", "json", "--jobs", "1")
    two = run(capsys, "extract", str(tmp_path), "-f", "json", "--jobs", "2")
    assert one[0] == 1
    assert one[2].count("extraction failed (RuntimeError: synthetic extraction failure)") == 2
    assert one == two
    debug = run(capsys, "extract", str(tmp_path), "-f", "json", "--jobs", "2", "--debug")
    assert "Traceback" in debug[2]
    assert "synthetic extraction failure" in debug[2]


def test_stream_keeps_order_and_bounds_read_ahead() -> None:
    read = 0

    def source() -> Iterator[Document | LoadFailure]:
        nonlocal read
        for number in range(2000):
            read += 1
            if number % 97 == 0:
                yield LoadFailure(f"f{number}", "broken")
            else:
                yield make_document(f"Exports rose {number}% in 2023.", id=f"d{number}")

    seen: list[str] = []
    jobs = 2
    limit = jobs * CHUNKS_PER_WORKER * CHUNK_DOCUMENTS + CHUNK_DOCUMENTS + 2
    for item in extract_stream(source(), jobs):
        if isinstance(item, LoadFailure):
            seen.append(item.path)
        else:
            document, claims = item
            assert not isinstance(claims, Exception)
            assert claims == extract_document(document)
            seen.append(document.id)
        assert read - len(seen) <= limit  # documents are not all held at once
    assert seen == [f"f{n}" if n % 97 == 0 else f"d{n}" for n in range(2000)]


def test_a_single_document_is_extracted_in_process() -> None:
    document = make_document("Trade reached $2.5 bln in 2023.", id="one")
    ((got, claims),) = list(extract_documents([document], 4))
    assert got is document
    assert claims == extract_document(document)


def test_relation_groups_join_documents_sharing_a_scope() -> None:
    labels = group_labels(
        {
            "a": frozenset({("China", "Russia")}),
            "b": frozenset({("China", "Russia"), ("India", "Russia")}),
            "c": frozenset({("India", "Russia")}),
            "d": frozenset({("Brazil", "Chile")}),
            "e": frozenset(),
        }
    )
    assert labels["a"] == labels["b"] == labels["c"] == "China|Russia"
    assert labels["d"] == "Brazil|Chile"
    assert labels["e"] == "#e"


def test_scope_key_is_the_scope_the_index_files_under(tmp_path: Path) -> None:
    config = load_config([])
    flows = flow_metrics(config)
    seen = 0
    for _, claims in _loaded([str(FIXTURES), str(corpus(tmp_path, 100))]):
        for claim in claims:
            normal = normalise(claim, flows)
            assert scope_key(claim, flows) == (None if normal is None else normal[0].scope)
            seen += normal is not None
    assert seen > 100


def _loaded(paths: list[str]) -> list[tuple[Document, tuple[object, ...]]]:
    out = []
    for document, claims in extract_documents(
        (d for d in load_documents(paths) if isinstance(d, Document)), 1
    ):
        assert not isinstance(claims, Exception)
        out.append((document, claims))
    return out


def test_each_relation_group_alone_gives_the_whole_runs_results(tmp_path: Path) -> None:
    loaded = _loaded([str(FIXTURES), str(corpus(tmp_path, 400, hot_share=0.1))])
    plan = Plan.of()
    groups = relation_groups([(d.id, c) for d, c in loaded], plan.config)
    assert 20 < len(groups) < len(loaded)
    whole = report_of(plan, loaded, check_group(plan, loaded))  # type: ignore[arg-type]
    parts = [r for g in groups for r in check_group(plan, [loaded[i] for i in g])]  # type: ignore[misc]
    assert report_of(plan, loaded, parts) == whole  # type: ignore[arg-type]
    assert whole.findings


def test_against_skips_unrelated_groups_with_the_same_findings(tmp_path: Path) -> None:
    loaded = _loaded([str(FIXTURES), str(corpus(tmp_path, 300, hot_share=0.1))])
    primary, against = loaded[:3], loaded[3:]
    plan = Plan.of()
    ids = {d.id for d, _ in primary}
    naive = report_of(plan, primary, check_group(plan, loaded, ids))  # type: ignore[arg-type]
    assert check(primary, against=against) == naive  # type: ignore[arg-type]
    assert naive.findings or naive.verified
    config = load_config([])
    assert len(relation_groups([(d.id, c) for d, c in loaded], config)) > 1  # type: ignore[misc]


def _claim_ids(document: Document, claims: tuple[Claim, ...]) -> str:
    """A render function for the tests (module-level: workers get it by name)."""
    if "Chile" in document.text:
        raise ValueError("no Chile")
    return f"{document.id}: {' '.join(claim.id for claim in claims)}"


def test_render_stream_renders_in_the_workers_as_in_process() -> None:
    inputs: list[Document | LoadFailure] = [
        make_document(f"Exports to Peru rose {n}% to ${n}.5 bln in 2023.", id=f"d{n}")
        for n in range(150)
    ]
    inputs.insert(7, LoadFailure("bad.md", "broken"))
    inputs.insert(40, make_document("Exports to Chile rose 5% in 2023.", id="chile"))
    one = list(render_stream(inputs, 1, _claim_ids))
    two = list(render_stream(inputs, 2, _claim_ids))
    assert [str(x) for x in one] == [str(x) for x in two]
    assert one[7] == two[7] == LoadFailure("bad.md", "broken")
    document, failed = two[40]  # type: ignore[misc]
    assert document.id == "chile" and isinstance(failed, ValueError)
    assert "no Chile" in failed.worker_traceback  # type: ignore[attr-defined]
    document, text = two[0]  # type: ignore[misc]
    assert text == _claim_ids(document, tuple(extract_document(document)))
    assert text.startswith("d0: d0#1")


def test_extract_documents_in_workers_sends_equal_claims() -> None:
    documents = [
        make_document(f"Imports from Peru fell {n}% to over ${n}.25 bln in 2024.", id=f"d{n}")
        for n in range(100)
    ]
    for document, claims in extract_documents(documents, 2):
        assert claims == tuple(extract_document(document))
