"""Bad input: every case gets one exact line on stderr and a defined exit status.

Each test runs the command line in-process (``claimcheck.cli.main``) from a
temporary working directory, so messages carry short relative paths, and
asserts the exact stderr and the exit status: 2 for a failed input or a bad
option, configuration, rule pack, reference table or store; 0 for a skipped
input (2 with ``--strict``); 130 for an interrupted run (in a subprocess,
sent SIGINT). No message ever carries a traceback without ``--debug``. The
guarantees are listed in docs/robustness.md.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.cli import main

ARTICLE = "Exports of Freedonia rose by 12.7% to $110.97 bln in 2023.\n"
"""A short article of our own with two figures the fake extractor reads."""

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", ARTICLE)
    return buffer.getvalue()


def _tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        data = ARTICLE.encode()
        info = tarfile.TarInfo("a.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty directory: relative paths, no configuration file around."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def extract(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "extract", "-f", "json", *argv)


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "check", "--no-config", "-q", "-f", "json", *argv)


def write(name: str, content: str | bytes) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return name


def error(message: str) -> str:
    return f"claimcheck: error: {message}\n"


def skipped(where: str, reason: str) -> str:
    return f"claimcheck: warning: {where}: skipped: {reason}\n"


NOTHING_CHECKED = (
    "claimcheck: warning: nothing was checked: {n} document(s), {c} claim(s), and no "
    "relation between figures could be tested\n"
)

pytestmark = pytest.mark.usefixtures("fake_extract")


# --------------------------------------------------------------------------- paths


def test_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = extract(capsys, "nowhere.md")
    assert (code, err) == (2, error("nowhere.md: no such file or directory"))
    assert json.loads(out)["errors"][0]["status"] == "failed"
    code, out, err = check(capsys, "nowhere.md")
    assert code == 2
    assert err == error("nowhere.md: no such file or directory") + NOTHING_CHECKED.format(n=0, c=0)
    assert json.loads(out)["inputs"] == [
        {
            "path": "nowhere.md",
            "line": None,
            "document": None,
            "role": "checked",
            "status": "failed",
            "reason": "no such file or directory",
        }
    ]


def test_directory_without_documents(capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    code, _, err = extract(capsys, "empty")
    assert (code, err) == (
        2,
        error("empty: no documents found (looked for .txt, .md, .json, .jsonl)"),
    )


def test_directory_with_only_other_files(capsys: pytest.CaptureFixture[str]) -> None:
    write("d/scan.pdf", PDF)
    write("d/notes.csv", "a,b\n1,2\n")
    write("d/README", "not an article\n")
    code, out, err = extract(capsys, "d")
    assert code == 2
    assert err == (
        skipped(
            "d/README",
            "not a document file type (no file name extension; documents end in "
            ".txt, .md, .json, .jsonl)",
        )
        + skipped(
            "d/notes.csv",
            "not a document file type ('.csv'; documents end in .txt, .md, .json, .jsonl)",
        )
        + skipped("d/scan.pdf", "not a text document: PDF document")
        + error("d: no documents found (looked for .txt, .md, .json, .jsonl)")
    )
    assert json.loads(out)["summary"] == {"documents": 0, "skipped": 3, "failed": 1}


def test_broken_link_in_a_directory_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    write("d/a.md", ARTICLE)
    Path("d/gone.md").symlink_to("nowhere.md")
    code, out, err = extract(capsys, "d")
    reason = "not a regular file (a broken symbolic link, a FIFO, a socket or a device)"
    assert (code, err) == (0, skipped("d/gone.md", reason))
    assert json.loads(out)["summary"] == {"documents": 1, "skipped": 1, "failed": 0}


def test_input_given_twice(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.md", ARTICLE)
    code, out, err = extract(capsys, "a.md", "./a.md")
    assert (code, err) == (2, error("a.md: given more than once (already loaded)"))
    assert json.loads(out)["summary"] == {"documents": 1, "skipped": 0, "failed": 1}


def test_duplicate_document_id(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", json.dumps([{"id": "x", "text": ARTICLE}, {"id": "x", "text": ARTICLE}]))
    code, _, err = extract(capsys, "a.json")
    assert (code, err) == (2, error("a.json[1]: duplicate document id 'x'"))


# --------------------------------------------------------------------------- binary files

BINARIES = [
    ("scan.pdf", PDF, "PDF document"),
    ("photo.png", PNG, "PNG image"),
    ("photo.jpg", JPEG, "JPEG image"),
    ("anim.gif", GIF, "GIF image"),
    ("bundle.zip", _zip(), "ZIP archive (or an Office document)"),
    ("report.docx", _zip(), "ZIP archive (or an Office document)"),
    ("bundle.tar", _tar(), "tar archive"),
    ("bundle.gz", gzip.compress(ARTICLE.encode(), mtime=0), "gzip archive"),
    ("data.sqlite", b"SQLite format 3\x00" + bytes(84), "SQLite database"),
    ("blob.bin", b"abc\x00\x01\x02", "binary data (NUL byte at offset 3)"),
]


@pytest.mark.parametrize(("name", "content", "kind"), BINARIES, ids=[b[0] for b in BINARIES])
def test_binary_file_given_directly_is_skipped(
    capsys: pytest.CaptureFixture[str], name: str, content: bytes, kind: str
) -> None:
    write("a.md", ARTICLE)
    write(name, content)
    code, out, err = extract(capsys, "a.md", name)
    assert (code, err) == (0, skipped(name, f"not a text document: {kind}"))
    assert json.loads(out)["errors"] == [
        {
            "path": name,
            "line": None,
            "status": "skipped",
            "reason": f"not a text document: {kind}",
            "message": f"{name}: not a text document: {kind}",
        }
    ]
    code, _, err = extract(capsys, "a.md", name, "--strict")
    assert (code, err) == (2, skipped(name, f"not a text document: {kind}"))


def test_binary_file_with_a_document_suffix_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    write("disguised.txt", PDF)
    code, _, err = extract(capsys, "disguised.txt")
    assert (code, err) == (0, skipped("disguised.txt", "not a text document: PDF document"))


def test_binary_file_in_a_directory_is_listed_in_check_reports(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("news/a.md", ARTICLE)
    write("news/scan.pdf", PDF)
    code, out, err = check(capsys, "news")
    assert code == 0
    assert err == skipped("news/scan.pdf", "not a text document: PDF document")
    data = json.loads(out)
    assert [(i["path"], i["status"]) for i in data["inputs"]] == [
        ("news/a.md", "checked"),
        ("news/scan.pdf", "skipped"),
    ]
    assert (data["summary"]["documents"], data["summary"]["skipped"]) == (1, 1)
    code, _, _ = check(capsys, "news", "--strict")
    assert code == 2


# --------------------------------------------------------------------------- encodings


def test_invalid_utf8_is_skipped_with_line_and_byte(capsys: pytest.CaptureFixture[str]) -> None:
    write("latin1.txt", "Line one.\nCaf\u00e9 exports rose 5%.\n".encode("latin-1"))
    code, _, err = extract(capsys, "latin1.txt")
    reason = "not valid UTF-8 (byte 0xe9 at offset 13); convert the file to UTF-8"
    assert (code, err) == (0, skipped("latin1.txt:2", reason))
    code, _, err = extract(capsys, "latin1.txt", "--strict")
    assert (code, err) == (2, skipped("latin1.txt:2", reason))


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
def test_byte_order_marks_are_decoded(
    capsys: pytest.CaptureFixture[str], encoding: str, bom: bytes
) -> None:
    write("a.md", bom + ("---\npublished: 2024-01-02\n---\n" + ARTICLE).encode(encoding))
    code, out, err = extract(capsys, "a.md")
    assert (code, err) == (0, "")
    [document] = json.loads(out)["documents"]
    assert document["published"] == "2024-01-02"
    assert [c["text"] for c in document["claims"]] == ["12.7%", "$110.97 bln"]


def test_utf16_without_bom_is_skipped_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    write("wide.txt", ARTICLE.encode("utf-16-le"))
    code, _, err = extract(capsys, "wide.txt")
    reason = (
        "not a text document: binary data (NUL byte at offset 1; UTF-16 text needs a "
        "byte-order mark)"
    )
    assert (code, err) == (0, skipped("wide.txt", reason))


def test_broken_utf16_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    write("odd.txt", codecs.BOM_UTF16_LE + b"a\x00b")
    code, _, err = extract(capsys, "odd.txt")
    assert (code, err) == (0, skipped("odd.txt", "not valid UTF-16 (byte offset 4)"))


# --------------------------------------------------------------------------- empty and large


@pytest.mark.parametrize(
    "content",
    ["", "  \n\t\n", "---\npublished: 2024-01-02\n---\n\n"],
    ids=["empty", "blank", "front-matter-only"],
)
def test_empty_document_is_skipped(capsys: pytest.CaptureFixture[str], content: str) -> None:
    write("e.md", content)
    code, out, err = extract(capsys, "e.md")
    assert (code, err) == (0, skipped("e.md", "empty document (no text)"))
    assert json.loads(out)["summary"] == {"documents": 0, "skipped": 1, "failed": 0}


def test_empty_text_in_jsonl_is_skipped_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.jsonl", json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": " "}) + "\n")
    code, out, err = extract(capsys, "a.jsonl")
    assert (code, err) == (0, skipped("a.jsonl:2", "empty document (no text)"))
    assert len(json.loads(out)["documents"]) == 1


def test_file_above_the_size_limit_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    write("big.txt", ARTICLE * 40)  # 2,400 bytes
    size = Path("big.txt").stat().st_size
    code, _, err = extract(capsys, "big.txt", "--max-size", "2KB")
    reason = f"larger than the 2 KB size limit ({size} bytes; see --max-size)"
    assert (code, err) == (0, skipped("big.txt", reason))
    code, _, err = extract(capsys, "big.txt", "--max-size", "2KB", "--strict")
    assert code == 2
    code, _, err = extract(capsys, "big.txt", "--max-size", "3000")
    assert (code, err) == (0, "")


def test_default_size_limit_is_10_mb(capsys: pytest.CaptureFixture[str]) -> None:
    with Path("huge.txt").open("wb") as stream:
        stream.truncate(10 * 1024 * 1024 + 1)  # sparse: no 10 MB written
    code, _, err = extract(capsys, "huge.txt")
    reason = "larger than the 10 MB size limit (10485761 bytes; see --max-size)"
    assert (code, err) == (0, skipped("huge.txt", reason))


def test_stdin_above_the_size_limit_is_skipped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 2000)))
    code, _, err = extract(capsys, "-", "--max-size", "1KB")
    assert (code, err) == (0, skipped("-", "larger than the 1 KB size limit"))


def test_stdin_binary_is_skipped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PDF)))
    code, _, err = extract(capsys, "-")
    assert (code, err) == (0, skipped("-", "not a text document: PDF document"))


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("ten", "invalid size 'ten': expected bytes, or a number with KB, MB or GB"),
        ("0", "invalid size '0': must be at least 1 byte"),
        ("5 TB", "invalid size '5 TB': expected bytes, or a number with KB, MB or GB"),
    ],
)
def test_invalid_max_size(capsys: pytest.CaptureFixture[str], value: str, reason: str) -> None:
    write("a.md", ARTICLE)
    assert extract(capsys, "a.md", "--max-size", value) == (2, "", error(f"--max-size: {reason}"))
    assert check(capsys, "a.md", "--max-size", value) == (2, "", error(f"--max-size: {reason}"))


# --------------------------------------------------------------------------- front matter

FRONT_MATTER = [
    ("---\ntitle: x\n" + ARTICLE, "1", "front matter opened with '---' is never closed"),
    (
        "---\ntitle: x\nthis is not a field\n---\n" + ARTICLE,
        "3",
        "malformed front matter line 'this is not a field': expected 'key: value'",
    ),
    ("---\ntitle: a\ntitle: b\n---\n" + ARTICLE, "3", "front matter key 'title' given twice"),
    ('---\ntitle: "open\n---\n' + ARTICLE, "2", "unterminated quoted value in front matter"),
    (
        "---\npublished: 2024-02-30\n---\n" + ARTICLE,
        "2",
        "front matter 'published': invalid date '2024-02-30': day is out of range for month",
    ),
    (
        "---\npublished: last week\n---\n" + ARTICLE,
        "2",
        "front matter 'published': invalid date 'last week': expected YYYY-MM-DD",
    ),
]


@pytest.mark.parametrize(("text", "line", "reason"), FRONT_MATTER)
def test_malformed_front_matter_fails_with_its_line(
    capsys: pytest.CaptureFixture[str], text: str, line: str, reason: str
) -> None:
    write("a.md", text)
    write("b.md", ARTICLE)
    code, out, err = extract(capsys, "a.md", "b.md")
    assert (code, err) == (2, error(f"a.md:{line}: {reason}"))
    assert [d["id"] for d in json.loads(out)["documents"]] == ["b.md"]


# --------------------------------------------------------------------------- JSON and JSONL

JSON_CASES = [
    (
        '{"text": "x",}',
        "a.json:1",
        "invalid JSON: Expecting property name enclosed in double quotes (column 14)",
    ),
    ('{"text": "x"', "a.json:1", "invalid JSON: Expecting ',' delimiter (column 13)"),
    ("", "a.json:1", "invalid JSON: Expecting value (column 1)"),
    ("[]", "a.json", "empty JSON list (no documents)"),
    ('"just a string"', "a.json", "expected a JSON object, got str"),
    ('{"title": "no text"}', "a.json", "'text' is missing"),
    ('{"text": 42}', "a.json", "'text' is not a string (int)"),
    (
        '{"text": "x", "published": "soon"}',
        "a.json",
        "'published': invalid date 'soon': expected YYYY-MM-DD",
    ),
    ('{"text": "x", "url": ["a"]}', "a.json", "'url' must be a string, got list"),
    ('[{"text": "x"}, 7]', "a.json[1]", "expected a JSON object, got int"),
    ("[" * 5000, "a.json", "invalid JSON: nested too deeply"),
    (
        '{"text": "Exports rose 5% \\ud800."}',
        "a.json",
        "'text' holds an unpaired surrogate (\\ud800 at character 16): not valid Unicode",
    ),
    (
        '{"text": "x", "title": "\\udfff"}',
        "a.json",
        "'title' holds an unpaired surrogate (\\udfff at character 0): not valid Unicode",
    ),
]


@pytest.mark.parametrize(("content", "where", "reason"), JSON_CASES)
def test_malformed_json_fails(
    capsys: pytest.CaptureFixture[str], content: str, where: str, reason: str
) -> None:
    write("a.json", content)
    code, _, err = extract(capsys, "a.json")
    assert (code, err) == (2, error(f"{where}: {reason}"))


def test_malformed_jsonl_line_is_reported_and_the_others_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = [
        json.dumps({"id": "one", "text": ARTICLE}),
        '{"id": "two", "text": "unterminated',
        "",
        json.dumps({"id": "three", "text": ARTICLE}),
        "[1, 2]",
    ]
    write("feed.jsonl", "\n".join(lines) + "\n")
    code, out, err = extract(capsys, "feed.jsonl")
    assert code == 2
    assert err == error(
        "feed.jsonl:2: invalid JSON: Unterminated string starting at (column 23)"
    ) + error("feed.jsonl:5: expected a JSON object, got list")
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == ["one", "three"]
    assert [(e["line"], e["status"]) for e in data["errors"]] == [(2, "failed"), (5, "failed")]
    code, out, _ = check(capsys, "feed.jsonl")
    assert code == 2
    inputs = json.loads(out)["inputs"]
    assert [(i["path"], i["line"], i["status"]) for i in inputs] == [
        ("feed.jsonl", None, "checked"),
        ("feed.jsonl", 2, "failed"),
        ("feed.jsonl", None, "checked"),
        ("feed.jsonl", 5, "failed"),
    ]
    assert [i["document"] for i in inputs] == ["one", None, "three", None]


def test_empty_jsonl_fails(capsys: pytest.CaptureFixture[str]) -> None:
    write("none.jsonl", "\n\n")
    code, _, err = extract(capsys, "none.jsonl")
    assert (code, err) == (2, error("none.jsonl: empty JSONL file (no documents)"))


# --------------------------------------------------------------------------- rule packs

PACKS = [
    ("version = \n", "pack.toml: invalid TOML: Invalid value (at line 1, column 11)"),
    (
        '[pack]\nname = "pack"\nversion = "one"\n',
        "pack.toml at pack.version: expected an integer",
    ),
    (
        '[pack]\nname = "pack"\nversion = 1\n[tolerances]\nrelative = -1\n',
        "pack.toml at tolerances.relative: expected a number >= 0",
    ),
    (
        '[pack]\nname = "pack"\nversion = 1\n[severities]\nCC101 = "fatal"\n',
        "pack.toml at severities.CC101: expected one of error, warning, info",
    ),
    (
        '[pack]\nname = "pack"\nversion = 1\n[metrics.x]\nterms = "exports"\n',
        "pack.toml at metrics.x.terms: expected a list of strings",
    ),
]


@pytest.mark.parametrize(("content", "message"), PACKS)
def test_malformed_rule_pack(
    capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    write("a.md", ARTICLE)
    write("pack.toml", content)
    assert check(capsys, "a.md", "--rules", "pack.toml") == (2, "", error(message))


def test_missing_rule_pack(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.md", ARTICLE)
    assert check(capsys, "a.md", "--rules", "gone.toml") == (
        2,
        "",
        error("gone.toml: rule pack file not found"),
    )


# --------------------------------------------------------------------------- reference tables

HEADER = "metric,entities,flow,period,value,unit,scale,source\n"
GOOD_ROW = "trade_turnover,China;Russia,,2023,240.11,USD,bln,customs\n"
REFERENCES = [
    ("", "ref.csv:1: no header row (an empty table)"),
    ("metric,value\n", "ref.csv:1: missing column(s): entities, flow, period, unit, source"),
    (
        "# our figures\n" + HEADER + GOOD_ROW + "\n" + GOOD_ROW.replace("240.11", "2x"),
        "ref.csv:5: column 'value': bad value '2x' (expected a number such as 240.11)",
    ),
    (
        HEADER + GOOD_ROW.replace(",2023,", ",2023-13,"),
        "ref.csv:2: column 'period': bad period '2023-13': month must be in 1..12",
    ),
    (
        HEADER + GOOD_ROW.replace(",bln,", ",lots,"),
        "ref.csv:2: column 'scale': bad scale 'lots' (expected thousand, mln, bln, trn or a "
        "number > 0)",
    ),
    (HEADER + GOOD_ROW.replace("customs", ""), "ref.csv:2: every row needs a source"),
    (
        HEADER + GOOD_ROW.replace("China;Russia,", "China;Russia,China-Russia"),
        "ref.csv:2: flow must be 'Source>Destination', got 'China-Russia'",
    ),
    (HEADER.encode() + b"caf\xe9\n", "ref.csv:2: not UTF-8 text (byte offset 55)"),
]


@pytest.mark.parametrize(("content", "message"), REFERENCES)
def test_malformed_reference_table(
    capsys: pytest.CaptureFixture[str], content: str | bytes, message: str
) -> None:
    write("a.md", ARTICLE)
    write("ref.csv", content)
    assert check(capsys, "a.md", "--reference", "ref.csv") == (2, "", error(message))


def test_reference_table_that_is_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.md", ARTICLE)
    Path("refs").mkdir()
    assert check(capsys, "a.md", "--reference", "refs") == (2, "", error("refs: is a directory"))


# --------------------------------------------------------------------------- configuration

CONFIGS = [
    ("select = [\n", "invalid TOML: Invalid value (at end of document)"),
    ('selct = ["CC1"]\n', None),
    ('strict = "yes"\n', "'strict' must be true or false (got a string)"),
    (
        'max-size = "big"\n',
        "'max-size': invalid size 'big': expected bytes, or a number with KB, MB or GB",
    ),
    ("max-size = 0\n", "'max-size' must be at least 1 byte (got 0)"),
    (
        'fail-on = "sometimes"\n',
        "'fail-on' must be one of error, warning, info, never (got 'sometimes')",
    ),
    ('select = ["ZZ9"]\n', "'select[0]': no rule matches 'ZZ9' (see claimcheck rules)"),
    (
        "[severity]\nCC101 = 3\n",
        "'severity.CC101' must be one of error, warning, info (got an integer)",
    ),
]


@pytest.mark.parametrize(("content", "problem"), CONFIGS)
def test_malformed_configuration(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, problem: str | None
) -> None:
    write("a.md", ARTICLE)
    write("claimcheck.toml", content)
    if problem is None:
        problem = (
            "unknown key 'selct' (allowed: against, baseline, default-reference, fail-on, "
            "format, ignore, max-size, reference, rules, select, severity, strict, tolerances)"
        )
    code, out, err = run(capsys, "check", "a.md", "-q")
    assert (code, out, err) == (2, "", error(f"{tmp_path / 'claimcheck.toml'}: {problem}"))


def test_configuration_strict_and_max_size_apply(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.md", ARTICLE)
    write("b.md", ARTICLE * 10)
    write("claimcheck.toml", 'strict = true\nmax-size = "100 bytes"\n')
    code, _, err = run(capsys, "check", "a.md", "b.md", "-q", "-f", "json")
    size = Path("b.md").stat().st_size
    reason = f"larger than the 100 bytes size limit ({size} bytes; see --max-size)"
    assert (code, err) == (2, skipped("b.md", reason))


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("option", "value"), [("--select", "CC999"), ("--ignore", "CC1,XX"), ("--select", "cc1x")]
)
def test_unknown_rule_code(capsys: pytest.CaptureFixture[str], option: str, value: str) -> None:
    write("a.md", ARTICLE)
    bad = value.rsplit(",", maxsplit=1)[-1].upper()
    code, out, err = check(capsys, "a.md", option, value)
    assert (code, out) == (2, "")
    assert err.startswith(error(f"{option}: no rule matches {bad!r} (rules: CC101,")[:-1])
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2023-13-01", "invalid date '2023-13-01': month must be in 1..12"),
        ("yesterday", "invalid date 'yesterday': expected YYYY-MM-DD"),
        ("08/11/2023", "invalid date '08/11/2023': expected YYYY-MM-DD"),
    ],
)
def test_invalid_published_date(
    capsys: pytest.CaptureFixture[str], value: str, reason: str
) -> None:
    write("a.md", ARTICLE)
    for command in (extract, check):
        assert command(capsys, "a.md", "--published", value) == (
            2,
            "",
            error(f"--published: {reason}"),
        )


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("missing/dir/out.json", "no such file or directory"),
        ("a.md/out.json", "not a directory"),
        ("outdir", "is a directory"),
    ],
)
def test_unwritable_output(capsys: pytest.CaptureFixture[str], target: str, reason: str) -> None:
    write("a.md", ARTICLE)
    Path("outdir").mkdir()
    for command in (extract, check):
        assert command(capsys, "a.md", "-o", target) == (2, "", error(f"{target}: {reason}"))
    assert sorted(p.name for p in Path().iterdir()) == ["a.md", "outdir"]
    assert list(Path("outdir").iterdir()) == []


def test_output_is_replaced_atomically_and_kept_on_failure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("a.md", ARTICLE)
    write("out.json", "previous\n")
    write("claimcheck.toml", "select = [\n")
    code, _, _ = run(capsys, "check", "a.md", "-o", "out.json", "-q")
    assert code == 2
    assert Path("out.json").read_text(encoding="utf-8") == "previous\n"
    assert extract(capsys, "a.md", "-o", "out.json") == (0, "", "")
    assert json.loads(Path("out.json").read_text(encoding="utf-8"))["summary"]["documents"] == 1
    assert sorted(p.name for p in Path().iterdir()) == ["a.md", "claimcheck.toml", "out.json"]


# --------------------------------------------------------------------------- store


def test_store_from_a_newer_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.store.schema import SCHEMA_VERSION

    write("a.md", ARTICLE)
    assert run(capsys, "index", "a.md", "--store", "c.db", "-q")[0] == 0
    connection = sqlite3.connect("c.db")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    code, out, err = check(capsys, "a.md", "--store", "c.db")
    assert (code, out) == (2, "")
    assert err == error(
        f"c.db: claims store schema version {SCHEMA_VERSION + 1} is newer than this claimcheck "
        f"supports ({SCHEMA_VERSION}); upgrade claimcheck or index into a new store"
    )


def test_not_a_store(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.md", ARTICLE)
    assert check(capsys, "a.md", "--store", "a.md") == (
        2,
        "",
        error("a.md: not a claims store (file is not a database)"),
    )


# --------------------------------------------------------------------------- debug


def test_debug_shows_a_traceback_only_for_internal_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("boom.md", "EXPLODE " + ARTICLE)
    code = main(["extract", "boom.md", "-f", "json", "--debug"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback (most recent call last)" in err
    code, out, err = check(capsys, "boom.md")
    assert code == 2
    assert err.startswith(
        error(
            "boom.md: extraction failed (RuntimeError: synthetic extraction failure); "
            "rerun with --debug"
        )
    )
    [entry] = json.loads(out)["inputs"]
    assert (entry["status"], entry["reason"]) == (
        "failed",
        "extraction failed (RuntimeError: synthetic extraction failure)",
    )


# --------------------------------------------------------------------------- interruption

ROOT = Path(__file__).resolve().parents[1]


def _spawn(*argv: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    return subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _corpus(path: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gen_corpus
    finally:
        sys.path.pop(0)
    gen_corpus.write(path, count, seed=5, error_rate=0.0)


def _cpu_seconds(pid: int) -> float:
    """CPU time used so far by process ``pid`` (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _interrupt(
    process: subprocess.Popen[str], ready: Callable[[], bool] | None = None
) -> tuple[int, str]:
    """Send SIGINT once the run is under way; return its exit status and stderr.

    Under way: the process has used 1.5 s of CPU (start-up takes about 0.3 s,
    so it is loading and extracting documents), or, with ``ready``, once
    ``ready()`` is true.
    """
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if ready() if ready is not None else _cpu_seconds(process.pid) >= 1.5:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    return process.returncode, err


def _stored_documents(store: Path) -> int:
    """Documents committed to ``store`` so far (0 while it is being created)."""
    if not store.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


@needs_proc
@pytest.mark.slow
def test_sigint_during_check_exits_130_and_writes_no_partial_output(tmp_path: Path) -> None:
    _corpus(tmp_path / "big.jsonl", 3000)
    write("out.json", "previous\n")
    process = _spawn("check", "big.jsonl", "--no-config", "-q", "-f", "json", "-o", "out.json")
    code, err = _interrupt(process)
    assert (code, err) == (130, error("interrupted"))
    assert Path("out.json").read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in Path().iterdir() if not p.name.startswith(".big")) == [
        "big.jsonl",
        "out.json",
    ]


@needs_proc
@pytest.mark.slow
def test_sigint_during_index_leaves_a_consistent_store(tmp_path: Path) -> None:
    # Interrupted once a first batch is committed (a concurrent reader sees it), with
    # most of the 12,000 documents still to go: however fast the machine, the run is
    # under way and unfinished when the signal arrives.
    _corpus(tmp_path / "big.jsonl", 12_000)
    process = _spawn("index", "big.jsonl", "--store", "c.db", "-q")
    code, err = _interrupt(process, ready=lambda: _stored_documents(tmp_path / "c.db") > 0)
    assert (code, err) == (130, error("interrupted"))
    connection = sqlite3.connect("c.db")
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    connection.close()
    assert 0 < documents < 12_000
    assert claims > 0
    finished = _spawn("index", "big.jsonl", "--store", "c.db", "-q")
    _, err = finished.communicate(timeout=600)
    assert (finished.returncode, err) == (0, "")
