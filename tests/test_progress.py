"""The progress bar: on a terminal's stderr only, never on stdout, never with --quiet."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import claimcheck.progress
from claimcheck.cli import main
from claimcheck.progress import BarProgress, Progress, progress_for

ARTICLE = """---
published: 2024-03-05
---
Trade between Norway and Chile reached $9.84 bln in 2023, customs data showed.
Norway's exports to Chile were $5.37 bln and its imports from Chile $3.47 bln.
"""


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(4):
        (folder / f"a{i}.md").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_silent_unless_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TERM", raising=False)
    assert type(progress_for(io.StringIO(), 100)) is Progress
    assert type(progress_for(Terminal(), 100, quiet=True)) is Progress
    assert type(progress_for(Terminal(), 1)) is Progress, "a single document needs no bar"
    assert isinstance(progress_for(Terminal(), 100), BarProgress)
    monkeypatch.setenv("TERM", "dumb")
    assert type(progress_for(Terminal(), 100)) is Progress


def test_bar_shows_documents_claims_findings_and_rate() -> None:
    stream = Terminal()
    bar = BarProgress(stream, 3, delay=0)
    bar.document_done(4)
    bar.document_done(2)
    bar.document_done(0)
    bar.checking(17)
    bar.finished(5)
    assert bar.shown
    text = stream.getvalue()
    assert "3/3" in text
    assert "6 claims" in text
    assert "5 findings" in text
    assert "docs/s" in text


def test_bar_waits_for_the_delay() -> None:
    stream = Terminal()
    bar = BarProgress(stream, 3, delay=60)
    bar.document_done(1)
    bar.finished(0)
    assert not bar.shown
    assert stream.getvalue() == ""


def test_cli_writes_no_progress_when_stderr_is_not_a_terminal(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claimcheck.progress, "DELAY", 0.0)
    assert main(["check", str(corpus), "--no-config", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert len(json.loads(captured.out)["findings"]) == 4


def test_cli_bar_goes_to_a_terminal_stderr_never_stdout(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claimcheck.progress, "DELAY", 0.0)
    monkeypatch.delenv("TERM", raising=False)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", str(corpus), "--no-config", "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert "claims" in terminal.getvalue()
    assert "4/4" in terminal.getvalue()
    assert "claims" not in out.split('"findings"')[0], "stdout starts with the JSON report"
    assert len(json.loads(out)["findings"]) == 4


def test_cli_quiet_has_no_bar(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claimcheck.progress, "DELAY", 0.0)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", str(corpus), "--no-config", "--format", "json", "--quiet"]) == 1
    assert terminal.getvalue() == ""
    json.loads(capsys.readouterr().out)
