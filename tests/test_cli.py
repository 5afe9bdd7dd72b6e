"""The ``claimcheck`` command line (with a predictable fake extractor)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import __version__
from claimcheck.cli import main
from claimcheck.commands._io import wants_color as _wants_color

ARTICLE = (
    "---\npublished: 2023-11-08\nsource: Test Wire\n---\n"
    "Freedonia exports to Sylvania reached $240.11 bln in 2023, up over 26.3%.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    file = tmp_path / "article.md"
    file.write_text(ARTICLE, encoding="utf-8")
    return file


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0
    assert "usage: claimcheck" in out
    assert "extract" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"claimcheck {__version__} (")
    assert out.endswith(("pure Python)", "module)", "modules)"))


@pytest.mark.usefixtures("fake_extract")
def test_json_is_the_default_when_not_a_terminal(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, out, err = run(capsys, "extract", str(article))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["schema"] == 1
    assert data["errors"] == []
    [document] = data["documents"]
    assert document["published"] == "2023-11-08"
    assert document["published_from"] == "front_matter"
    texts = [claim["text"] for claim in document["claims"]]
    assert texts == ["$240.11 bln", "26.3%"]
    body = ARTICLE.split("---\n", 2)[2]
    for claim in document["claims"]:
        start, end = claim["span"]
        assert body[start:end] == claim["text"]
    assert document["claims"][1]["interval"] == [26.3, None]


@pytest.mark.usefixtures("fake_extract")
def test_bad_input_exit_2_others_still_written(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\npublished: yesterday\n---\nText $1 bln.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(bad), str(tmp_path / "missing.txt"), str(article))
    assert code == 2
    lines = err.splitlines()
    assert lines == [
        f"claimcheck: error: {bad.as_posix()}:2: front matter 'published': invalid date "
        "'yesterday': expected YYYY-MM-DD",
        f"claimcheck: error: {(tmp_path / 'missing.txt').as_posix()}: no such file or directory",
    ]
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == [article.as_posix()]
    assert [e["line"] for e in data["errors"]] == [2, None]


@pytest.mark.parametrize("value", ["2023-13-01", "08/11/2023", "yesterday"])
def test_invalid_published_option(
    capsys: pytest.CaptureFixture[str], article: Path, value: str
) -> None:
    code, out, err = run(capsys, "extract", str(article), "--published", value)
    assert code == 2
    assert out == ""
    assert err.startswith("claimcheck: error: --published: invalid date")
    assert len(err.splitlines()) == 1


def test_unknown_option_is_one_line(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(article), "--format", "xml"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "invalid choice: 'xml'" in err


@pytest.mark.usefixtures("fake_extract")
def test_published_option_applies_to_undated_documents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("Trade was $5 bln.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(undated), str(article), "--published", "2022-02-04")
    assert code == 0
    documents = json.loads(out)["documents"]
    assert [(d["published"], d["published_from"]) for d in documents] == [
        ("2022-02-04", "option"),
        ("2023-11-08", "front_matter"),
    ]


@pytest.mark.usefixtures("fake_extract")
def test_extraction_failure_is_exit_1_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    boom = tmp_path / "boom.txt"
    boom.write_text("EXPLODE $1 bln\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(boom), str(article))
    assert code == 1
    assert err == (
        f"claimcheck: error: {boom.as_posix()}: extraction failed "
        "(RuntimeError: synthetic extraction failure); rerun with --debug\n"
    )
    assert len(json.loads(out)["documents"]) == 1
    code, _, err = run(capsys, "extract", str(boom), "--debug")
    assert code == 1
    assert "Traceback (most recent call last)" in err


@pytest.mark.usefixtures("fake_extract")
def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "extract", str(article), "-f", "jsonl", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    line, last = target.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert (record["schema"], record["type"], record["id"]) == (1, "document", article.as_posix())
    summary = {"schema": 1, "type": "summary", "documents": 1, "skipped": 0, "failed": 0}
    assert json.loads(last) == summary
    assert list(tmp_path.glob(".out.jsonl.tmp*")) == []


@pytest.mark.usefixtures("fake_extract")
def test_unwritable_output_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    code, _, err = run(capsys, "extract", str(article), "-o", str(target))
    assert code == 2
    assert err.startswith(f"claimcheck: error: {target}: no such file or directory")


@pytest.mark.usefixtures("fake_extract")
def test_csv(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, "extract", str(article), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["claim_id"], r["value"], r["unit"]) for r in rows] == [
        (f"{article.as_posix()}#1", "240110000000.0", "USD"),
        (f"{article.as_posix()}#2", "26.3", "percent"),
    ]
    assert rows[1]["interval_high"] == ""
    assert rows[0]["flow_from"] == "Russia"


@pytest.mark.usefixtures("fake_extract")
def test_table_without_terminal_is_plain(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "none.txt"
    empty.write_text("No figures here.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(article), str(empty), "--format", "table")
    assert code == 0
    assert "\x1b[" not in out
    assert f"{article.as_posix()} — 2 claims, published 2023-11-08 (front_matter)" in out
    assert "240.11 bn USD" in out
    assert "trade_turnover" in out
    assert "Russia → China" in out
    assert "who" in out
    assert re.search(r"  2023$", out, re.MULTILINE)
    assert f"{empty.as_posix()} — 0 claims, publication date unknown" in out


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert _wants_color(_Tty())
    assert not _wants_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _wants_color(_Tty())


@pytest.mark.usefixtures("fake_extract")
def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Trade hit $3.5 bln.\n")))
    code, out, _ = run(capsys, "extract", "-", "--format", "json")
    assert code == 0
    [document] = json.loads(out)["documents"]
    assert (document["id"], document["path"]) == ("stdin", "-")
    assert document["claims"][0]["value"] == 3500000000.0


def _subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    return env


def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", str(tmp_path / "missing.md")],
        capture_output=True,
        text=True,
        env=_subprocess_env(),
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("missing.md: no such file or directory")


def test_cold_start_does_not_import_heavy_modules(article: Path) -> None:
    code = (
        "import sys\n"
        "from claimcheck.cli import main\n"
        f"main(['extract', {str(article)!r}, '--format', 'json'])\n"
        "heavy = sorted(m for m in ('rich', 'pint', 'quantulum3') if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_subprocess_env(),
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.stdout.strip().splitlines()[-1] == "HEAVY=", result.stdout + result.stderr


# ----------------------------------------------------------------- end to end (real extraction)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _real_run(*args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = _subprocess_env()
    env["PYTHONHASHSEED"] = seed
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _check_spans(data: dict[str, object], texts: dict[str, str]) -> int:
    count = 0
    documents = data["documents"]
    assert isinstance(documents, list)
    for document in documents:
        text = texts[document["id"]]
        for claim in document["claims"]:
            start, end = claim["span"]
            assert text[start:end] == claim["text"], (document["id"], claim)
            s_start, s_end = claim["sentence_span"]
            assert text[s_start:s_end] == claim["sentence"]
            assert s_start <= start < end <= s_end
            assert claim["id"].startswith(document["id"] + "#")
            count += 1
    return count


def test_fixtures_end_to_end_deterministic() -> None:
    pytest.importorskip("claimcheck.extract.claims")
    from claimcheck.documents import load_documents
    from claimcheck.model import Document

    if not list(FIXTURES.glob("*.md")):
        pytest.skip("no fixtures yet")
    first = _real_run(str(FIXTURES), "--format", "json", seed="1")
    second = _real_run(str(FIXTURES), "--format", "json", seed="2")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["errors"] == []
    texts = {r.id: r.text for r in load_documents([str(FIXTURES)]) if isinstance(r, Document)}
    assert [d["id"] for d in data["documents"]] == sorted(texts)
    assert _check_spans(data, texts) > len(texts)


@pytest.mark.shared
def test_reference_corpus_end_to_end(shared_dir: Path) -> None:
    pytest.importorskip("claimcheck.extract.claims")
    from claimcheck.documents import load_documents
    from claimcheck.model import Document

    paths = [
        str(p) for p in sorted((shared_dir / "corpus").glob("*/*")) if p.suffix in (".txt", ".md")
    ]
    result = _real_run(*paths, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    texts = {r.id: r.text for r in load_documents(paths) if isinstance(r, Document)}
    assert len(data["documents"]) == len(texts) == len(paths)
    assert _check_spans(data, texts) > 0
