"""Streaming ``extract`` writers flush each document on a pipe or terminal, and a regular
file only now and then (and at the end). (``table`` is left to rich, which flushes itself.)"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import fake_claims

from claimcheck.documents import LoadFailure, make_document
from claimcheck.report import extract_flush, extract_writer

DOCUMENT = make_document("Trade reached $2.5 bln in 2023.", id="one")


class _Counting(io.TextIOWrapper):
    """A text stream over ``raw`` that counts ``flush()`` calls."""

    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def _count(stream: Any, fmt: str) -> list[int]:
    """Flushes after the writer is made, after each of 3 documents and a failure, after close."""
    writer = extract_writer(fmt, stream)
    seen = [stream.flushes]
    for _ in range(3):
        writer.document(DOCUMENT, fake_claims(DOCUMENT))
        seen.append(stream.flushes)
    writer.failure(LoadFailure("bad.md", "broken"))
    seen.append(stream.flushes)
    writer.close()
    seen.append(stream.flushes)
    return seen


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_pipe_is_flushed_after_each_document(fmt: str) -> None:
    read, write = os.pipe()
    os.set_blocking(write, False)
    with os.fdopen(read, "rb"), _Counting(io.FileIO(write, "w"), encoding="utf-8") as stream:
        assert _count(stream, fmt) == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_regular_file_is_flushed_when_due_and_at_the_end(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [100.0]
    monkeypatch.setattr(extract_flush.time, "monotonic", lambda: clock[0])
    path = tmp_path / "out"
    with _Counting(io.FileIO(path, "w"), encoding="utf-8") as stream:
        writer = extract_writer(fmt, stream)
        writer.document(DOCUMENT, fake_claims(DOCUMENT))
        writer.document(DOCUMENT, fake_claims(DOCUMENT))
        assert stream.flushes == 0
        clock[0] += extract_flush.FILE_FLUSH_SECONDS
        writer.document(DOCUMENT, fake_claims(DOCUMENT))
        assert stream.flushes == 1
        writer.failure(LoadFailure("bad.md", "broken"))
        assert stream.flushes == 1
        writer.close()
        assert stream.flushes == 2
        assert path.read_text(encoding="utf-8").count("one") >= 3


def test_a_stream_without_a_file_is_flushed_after_each_document() -> None:
    class Counting(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1

    assert _count(Counting(), "jsonl") == [0, 1, 2, 3, 4, 5]
