"""A run checked one relation group at a time gives the whole-corpus run's report, and the
counted (memory-lean) report writes byte-identical output in the formats that use it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from claimcheck.commands.check import LISTED_FORMATS
from claimcheck.documents import load_documents, make_document
from claimcheck.engine import check
from claimcheck.engine.groups import relation_groups
from claimcheck.engine.runner import Plan, check_by_group, check_group, iter_group, report_of
from claimcheck.extract import extract_document
from claimcheck.findings import Report, ReportBuilder, Verified
from claimcheck.model import Claim, Document
from claimcheck.parallel import extract_documents
from claimcheck.report.check_writers import CHECK_FORMATS, write_check_report
from tests.scale_support import FIXTURES, corpus

Loaded = list[tuple[Document, Sequence[Claim]]]

_QUIET = (
    "The ministry published its annual review on Tuesday.",
    "Talks between the delegations lasted three days and ended without a statement.",
)


def _loaded(paths: list[str]) -> Loaded:
    documents = [d for d in load_documents(paths) if isinstance(d, Document)]
    # documents without indexed claims: each is a relation group of its own
    documents += [make_document(text, id=f"quiet-{n}") for n, text in enumerate(_QUIET)]
    out: Loaded = []
    for document, claims in extract_documents(documents, 1):
        assert not isinstance(claims, Exception)
        out.append((document, claims))
    return out


@pytest.fixture(scope="module", params=[(1, 0.2, 160), (2, 0.05, 240), (3, 0.5, 120)])
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    """Fixtures, a generated corpus (seed, share of the busiest pair, size) and two
    documents without indexed claims."""
    seed, hot_share, count = request.param
    directory = tmp_path_factory.mktemp(f"groups-{seed}")
    return _loaded([str(FIXTURES), str(corpus(directory, count, seed=seed, hot_share=hot_share))])


def _whole(plan: Plan, loaded: Loaded) -> Report:
    """The report of every document checked at once (no grouping)."""
    return report_of(plan, loaded, check_group(plan, loaded))


def test_group_at_a_time_gives_the_whole_runs_report(loaded: Loaded) -> None:
    plan = Plan.of()
    groups = relation_groups([(d.id, c) for d, c in loaded], plan.config)
    assert 5 < len(groups) < len(loaded)
    assert any(len(g) > 1 for g in groups)
    quiet = [n for n, (d, _) in enumerate(loaded) if d.id.startswith("quiet-")]
    assert [[n] for n in quiet] == [g for g in groups if set(g) & set(quiet)]
    whole = _whole(plan, loaded)
    assert whole.findings and whole.verified and whole.not_checked
    assert check_by_group(plan, loaded) == whole
    assert check([d for d, _ in loaded[-2:]]) == _whole(plan, loaded[-2:])


def test_group_at_a_time_with_against_gives_the_filtered_whole_run(loaded: Loaded) -> None:
    plan = Plan.of()
    primary, against = loaded[::7], [x for n, x in enumerate(loaded) if n % 7]
    ids = {d.id for d, _ in primary}
    whole = report_of(plan, primary, check_group(plan, [*primary, *against], ids))
    assert whole.findings or whole.verified
    assert check_by_group(plan, primary, against) == whole
    assert check(primary, against=against) == whole


def test_counted_report_keeps_findings_and_counts(loaded: Loaded) -> None:
    plan = Plan.of()
    listed = check_by_group(plan, loaded)
    counted = check_by_group(plan, loaded, listed=False)
    assert counted.counted is not None and listed.counted is None
    assert counted.findings == listed.findings
    assert (counted.documents, counted.claims_count, counted.rules) == (
        listed.documents,
        listed.claims_count,
        listed.rules,
    )
    assert counted.verified == () and counted.not_checked == ()
    assert counted.verified_count == len(listed.verified) > 0
    assert counted.not_checked_count == len(listed.not_checked) > 0
    assert counted.summary() == listed.summary()
    assert counted.result_names() == listed.result_names()
    with pytest.raises(ValueError, match="counted report"):
        counted.to_dict()


def _written(fmt: str, report: Report, documents: dict[str, Document], verbose: bool) -> str:
    out = io.StringIO()
    write_check_report(fmt, report, documents, out, verbose=verbose)
    return out.getvalue()


@pytest.mark.parametrize("verbose", [False, True])
def test_counted_report_writes_the_same_output(loaded: Loaded, verbose: bool) -> None:
    """Every format the CLI runs counted (not in LISTED_FORMATS) writes the same bytes from
    the counted report; each listed format needs the listed results (it differs or refuses)."""
    plan = Plan.of()
    documents = {d.id: d for d, _ in loaded}
    listed = check_by_group(plan, loaded)
    counted = check_by_group(plan, loaded, listed=False)
    lean = [f for f in CHECK_FORMATS if f not in LISTED_FORMATS]
    assert set(lean) == {"jsonl", "sarif", "github"}
    for fmt in lean:
        assert _written(fmt, counted, documents, verbose) == _written(
            fmt, listed, documents, verbose
        )
    for fmt in LISTED_FORMATS:
        if fmt == "html":  # its own signature (claims, reference), always listed by the CLI
            continue
        try:
            lean_text = _written(fmt, counted, documents, verbose)
        except ValueError:
            continue
        assert lean_text != _written(fmt, listed, documents, verbose)


def test_a_counting_run_gives_the_same_results_without_verified_texts(loaded: Loaded) -> None:
    """``listed=False``: the same results in the same order, findings and not-checked
    ones unchanged, verified ones with their code, name and claims only."""
    plan = Plan.of()
    full = list(iter_group(plan, loaded))
    lean = list(iter_group(plan, loaded, listed=False))
    assert len(full) == len(lean)
    verified = 0
    for a, b in zip(full, lean, strict=True):
        if isinstance(a, Verified):
            assert isinstance(b, Verified)
            assert (a.code, a.name, a.claims) == (b.code, b.name, b.claims)
            if b.message == "" and b.arithmetic is None and a.arithmetic is not None:
                verified += 1
        else:
            assert a == b
    assert verified > 0


def test_builder_batches_of_groups_equal_one_batch(loaded: Loaded) -> None:
    plan = Plan.of()
    groups = relation_groups([(d.id, c) for d, c in loaded], plan.config)
    batched = ReportBuilder()
    for group in groups:
        batched.add(check_group(plan, [loaded[i] for i in group]))
    ids = [d.id for d, _ in loaded]
    count = sum(len(c) for _, c in loaded)
    assert batched.report(documents=ids, claims_count=count) == Report.build(
        check_group(plan, loaded), documents=ids, claims_count=count
    )


def test_cli_formats_are_byte_identical_to_the_listed_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI's counted run writes what the writers write from the full report."""
    from claimcheck.cli import main

    source = corpus(tmp_path, 80, seed=4, hot_share=0.3)
    documents = [d for d in load_documents([str(source)]) if isinstance(d, Document)]
    loaded = [(d, tuple(extract_document(d))) for d in documents]
    listed = check_by_group(Plan.of(), loaded)
    by_id = {d.id: d for d in documents}
    for fmt in ("jsonl", "sarif", "github"):
        args = ["check", str(source), "-f", fmt, "--no-default-reference"]
        status = main([*args, "--no-config", "-q", "--exit-zero"])
        assert status == 0
        out = capsys.readouterr().out
        assert out == _written(fmt, listed, by_id, False)


def test_packed_claims_group_and_check_as_the_claims(loaded: Loaded) -> None:
    """Claims held pickled (as the CLI's counted run holds them) give the same groups and
    report, and unpickle to equal claims."""
    from claimcheck.engine.config import load_config
    from claimcheck.engine.groups import document_scopes
    from claimcheck.engine.index import flow_metrics
    from claimcheck.engine.packed import PackedClaims

    plan = Plan.of()
    packed: Loaded = [(d, PackedClaims(c)) for d, c in loaded]
    assert all(
        p.unpack() == tuple(c) and len(p) == len(c)
        for (_, c), (_, p) in zip(loaded, packed, strict=True)
    )
    config = load_config([])
    for flows in (flow_metrics(plan.config), frozenset(), frozenset({"exports"})):
        for (_, claims), (_, pack) in zip(loaded, packed, strict=True):
            assert document_scopes(pack, config, flows) == document_scopes(claims, config, flows)
    assert check_by_group(plan, packed, listed=False) == check_by_group(plan, loaded, listed=False)
    primary, against = packed[::5], packed[1::5]
    assert check_by_group(plan, primary, against) == check_by_group(plan, loaded[::5], loaded[1::5])
