"""``claimcheck index``, ``check --store`` and ``store stats`` from the command line."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from scale_support import gen_corpus

from claimcheck.cli import main
from claimcheck.store import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ARTICLES = sorted(FIXTURES.glob("*.md"))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The fixture articles, indexed into ``claims.db``."""
    db = tmp_path / "claims.db"
    assert main(["index", str(FIXTURES), "--store", str(db), "-q"]) == 0
    return db


def _check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["check", *args, "--no-config", "-q", "-f", "json", "--exit-zero"])
    return status, capsys.readouterr().out


def _without_inputs(result: tuple[int, str]) -> tuple[int, dict[str, object]]:
    """The JSON report without its ``inputs`` list (``--against`` files are inputs, a store not)."""
    data = json.loads(result[1])
    del data["inputs"]
    return result[0], data


def test_index_reports_counts_and_is_incremental(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in ARTICLES[:5]:
        shutil.copy(path, corpus / path.name)
    db = str(tmp_path / "claims.db")
    assert main(["index", str(corpus), "--store", db]) == 0
    assert "5 added, 0 updated, 0 unchanged, 0 removed" in capsys.readouterr().err
    (corpus / ARTICLES[0].name).unlink()
    (corpus / ARTICLES[1].name).write_text("Exports rose to $3 bln in 2023.\n", encoding="utf-8")
    assert main(["index", str(corpus), "--store", db]) == 0
    assert "0 added, 1 updated, 3 unchanged, 0 removed" in capsys.readouterr().err
    assert main(["index", str(corpus), "--store", db, "--prune"]) == 0
    assert "0 added, 0 updated, 4 unchanged, 1 removed" in capsys.readouterr().err


def test_index_bad_document_exits_2_and_indexes_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    db = str(tmp_path / "claims.db")
    assert main(["index", str(bad), str(ARTICLES[0]), "--store", db]) == 2
    err = capsys.readouterr().err
    assert sum("bad.json" in line for line in err.splitlines()) == 1
    assert "1 added" in err


def test_index_counts_skipped_inputs_apart_and_strict_makes_them_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    db = str(tmp_path / "claims.db")
    assert main(["index", str(pdf), str(ARTICLES[0]), "--store", db]) == 0
    err = capsys.readouterr().err
    assert "claimcheck: warning: " in err and "scan.pdf: skipped:" in err
    assert "1 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 failed" in err
    assert main(["index", str(pdf), str(ARTICLES[0]), "--store", db, "--strict"]) == 2
    assert "0 removed, 1 skipped, 0 failed" in capsys.readouterr().err


def test_index_prune_keeps_a_skipped_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "a.md"
    shutil.copy(ARTICLES[0], article)
    db = str(tmp_path / "claims.db")
    assert main(["index", str(corpus), "--store", db, "-q"]) == 0
    assert main(["index", str(article), "--store", db, "--prune", "--max-size", "10"]) == 0
    assert "0 removed, 1 skipped" in capsys.readouterr().err


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name[:3])
def test_check_store_equals_check_against(
    article: Path, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = _check_json(capsys, str(article), "--store", str(archive))
    against = _check_json(capsys, str(article), "--against", str(FIXTURES))
    assert _without_inputs(stored) == _without_inputs(against)
    assert stored[0] == 0


def test_check_store_finds_cross_article_problems(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "new.md"
    article.write_text(
        "---\npublished: 2024-02-01\n---\n"
        "Trade between China and Russia reached $180.5 bln in 2023, customs data showed.\n",
        encoding="utf-8",
    )
    _, alone = _check_json(capsys, str(article), "--no-default-reference")
    _, stored = _check_json(capsys, str(article), "--no-default-reference", "--store", str(archive))
    assert json.loads(alone)["findings"] == []
    findings = json.loads(stored)["findings"]
    assert findings
    cited = {c["id"].split("#")[0] for f in findings for c in f["claims"]}
    assert str(article) in cited
    assert any(name.startswith(("001_china_russia", "003_china_russia")) for name in cited)


def test_stats_text_and_json(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connection = sqlite3.connect(archive)
    documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    turnover = connection.execute(
        "SELECT count(*) FROM claims WHERE metric = 'trade_turnover'"
    ).fetchone()[0]
    assert main(["store", "stats", "--store", str(archive)]) == 0
    out = capsys.readouterr().out
    assert f"documents:      {documents}\n" in out
    assert f"claims:         {claims}\n" in out
    assert f"schema version: {SCHEMA_VERSION}\n" in out
    assert main(["store", "stats", "--store", str(archive), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["documents"], data["claims"]) == (len(ARTICLES), claims)
    assert data["by_metric"]["trade_turnover"] == turnover
    assert sum(data["by_metric"].values()) == claims
    assert sum(data["by_year"].values()) == claims
    assert data["by_year"]["2024"] > 0
    assert data["periods"]["first"] <= data["periods"]["last"]
    assert data["size_bytes"] > 0


def test_newer_schema_exits_2_naming_the_file(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(archive)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    for argv in (
        ["store", "stats", "--store", str(archive)],
        ["index", str(ARTICLES[0]), "--store", str(archive)],
        ["check", str(ARTICLES[0]), "--store", str(archive), "--no-config", "-q"],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert str(archive) in err
        assert "newer" in err


def test_missing_store_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.db")
    assert main(["store", "stats", "--store", missing]) == 2
    assert main(["check", str(ARTICLES[0]), "--store", missing, "--no-config", "-q"]) == 2
    assert "nope.db: no such claims store" in capsys.readouterr().err
    assert not Path(missing).exists()


def test_check_store_equals_check_against_on_a_synthetic_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gen = gen_corpus()
    corpus, new, db = tmp_path / "archive.jsonl", tmp_path / "new.jsonl", tmp_path / "c.db"
    gen.write(corpus, 150, seed=3, hot_share=0.3)
    gen.write(new, 4, seed=9, hot_share=0.8)
    new.write_text(new.read_text(encoding="utf-8").replace('"id": "a', '"id": "new'))
    assert main(["index", str(corpus), "--store", str(db), "-q"]) == 0
    stored = _check_json(capsys, str(new), "--store", str(db))
    against = _check_json(capsys, str(new), "--against", str(corpus))
    assert _without_inputs(stored) == _without_inputs(against)
    _, alone = _check_json(capsys, str(new))
    assert len(json.loads(stored[1])["findings"]) > len(json.loads(alone)["findings"])
