"""A counted ``claimcheck check`` holds its first claims as they are, then packs the others
(:data:`claimcheck.commands.check.UNPACKED_CLAIMS`): the report is the same either way."""

from __future__ import annotations

import argparse

import pytest

from claimcheck.commands import check as check_command
from claimcheck.documents import load_documents
from claimcheck.engine.packed import PackedClaims
from claimcheck.model import Document
from claimcheck.progress import Progress
from tests.scale_support import FIXTURES, run


def _documents() -> list[Document]:
    return [d for d in load_documents([str(FIXTURES)]) if isinstance(d, Document)]


@pytest.mark.parametrize("budget", [0, 40, 10**9])
def test_claims_past_the_budget_are_packed(budget: int) -> None:
    args = argparse.Namespace(dask=None, jobs=1, packed=True, unpacked=budget, debug=False)
    loaded = check_command._extract(_documents(), args, Progress(), [])
    held = 0
    for _, claims in loaded:  # (compiled, isinstance() of a tuple and PackedClaims is True)
        if type(claims) is PackedClaims:
            assert held + len(claims) > budget  # packed only when it did not fit
        else:
            held += len(claims)
    assert held <= budget
    assert args.unpacked == budget - held
    packed = sum(type(c) is PackedClaims for _, c in loaded)
    assert (packed == 0) == (budget == 10**9)
    assert (held == 0) == (budget == 0)


@pytest.mark.parametrize("fmt", ["jsonl", "sarif"])
def test_the_report_does_not_depend_on_the_budget(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = []
    for budget in (0, 60, 10**9):
        monkeypatch.setattr(check_command, "UNPACKED_CLAIMS", budget)
        outputs.append(run(capsys, "check", str(FIXTURES), "-f", fmt, "--no-config", "-q"))
    assert outputs[0][1]
    assert outputs[0] == outputs[1] == outputs[2]
