"""``--engine dask``: the local engine's findings from a ``distributed.LocalCluster``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.scale_support import FIXTURES, corpus, run


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-worker cluster on loopback (skips without dask)."""
    distributed: Any = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
        silence_logs=logging.CRITICAL,
    ) as cluster:
        yield str(cluster.scheduler_address)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic corpus (some pairs shared by many articles, 5% errors)."""
    return corpus(tmp_path_factory.mktemp("dask"), 250, hot_share=0.2)


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run(capsys, "check", *args, "-f", "json", "--no-config", "-q", "--exit-zero")


def test_dask_findings_equal_the_local_ones(
    scheduler: str, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = _check(capsys, str(FIXTURES), str(archive), "--jobs", "1")
    remote = _check(
        capsys, str(FIXTURES), str(archive), "--engine", "dask", "--scheduler", scheduler
    )
    assert '"rule": "CC' in local[1]
    assert remote == local


def test_dask_against_and_store_equal_the_local_ones(
    scheduler: str, archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = [str(p) for p in sorted(FIXTURES.glob("00[1-3]_*.md"))]
    dask = ("--engine", "dask", "--scheduler", scheduler)
    local = _check(capsys, *new, "--against", str(archive), str(FIXTURES))
    assert '"rule": "CC' in local[1]
    assert _check(capsys, *new, "--against", str(archive), str(FIXTURES), *dask) == local
    db = tmp_path / "claims.db"
    assert run(capsys, "index", str(archive), "--store", str(db), "-q")[0] == 0
    stored = _check(capsys, *new, "--store", str(db))
    assert _check(capsys, *new, "--store", str(db), *dask) == stored


def test_dask_starts_its_own_local_cluster(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    local = _check(capsys, str(FIXTURES), "--jobs", "1")
    assert _check(capsys, str(FIXTURES), "--engine", "dask", "--jobs", "2") == local


def test_without_dask_the_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails
    status, out, err = _check(capsys, str(FIXTURES), "--engine", "dask")
    assert status == 2
    assert out == ""
    assert err.strip() == (
        "claimcheck: error: --engine dask needs dask: pip install 'claimcheck-numeric[dask]'"
    )


def test_scheduler_needs_the_dask_engine(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _check(capsys, str(FIXTURES), "--scheduler", "tcp://127.0.0.1:1")
    assert status == 2
    assert "--scheduler needs --engine dask" in err
