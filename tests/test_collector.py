"""The collector helpers: paused stages still free the reference cycles of each unit."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.collector import collect_young, freeze_live, paused
from claimcheck.documents import load_documents
from claimcheck.engine import runner
from claimcheck.model import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_collect_young_frees_a_cycle_while_paused() -> None:
    with paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        probe = weakref.ref(a)
        del a, b
        assert probe() is not None  # a cycle: reference counting cannot free it
        assert collect_young() >= 2
        assert probe() is None
        assert not gc.isenabled()


def test_paused_restores_the_previous_state() -> None:
    assert gc.isenabled()
    with paused():
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.skipif(
    not str(runner.__file__).endswith(".py"),
    reason="a compiled runner calls collect_young directly (no monkeypatching)",
)
def test_check_by_group_collects_after_every_checked_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = [d for d in load_documents([FIXTURES]) if isinstance(d, Document)]
    loaded = runner.prepare(documents)
    plan = runner.Plan.of()
    calls: list[int] = []
    monkeypatch.setattr(runner, "collect_young", lambda: calls.append(1) or 0)
    report = runner.check_by_group(plan, loaded)
    groups = runner.relation_groups([(d.id, cs) for d, cs in loaded], plan.config)
    assert len(groups) > 1
    assert len(calls) == len(groups)
    assert report.findings  # the fixtures carry planted errors


def test_freeze_live_moves_what_is_alive_out_of_the_passes() -> None:
    before = gc.get_freeze_count()
    held = [[n] for n in range(1000)]  # tracked containers
    try:
        freeze_live()
        assert gc.get_freeze_count() >= before + len(held)
    finally:
        gc.unfreeze()


def test_a_check_run_by_a_caller_freezes_nothing() -> None:
    """Only the ``claimcheck`` process freezes what it holds, not a program calling main."""
    before = gc.get_freeze_count()
    assert main(["check", str(FIXTURES), "--format", "jsonl", "--exit-zero", "-q"]) == 0
    assert gc.get_freeze_count() == before
