"""The claims store: round trip, incremental indexing, transactions, schema versions, readers."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from claimcheck.documents import LoadFailure, load_documents
from claimcheck.extract import extract_document
from claimcheck.model import Document
from claimcheck.store import (
    SCHEMA_VERSION,
    ClaimStore,
    SchemaTooNewError,
    StoreError,
    index_documents,
    scope_of,
)
from claimcheck.store.indexer import Extracted, extract_sequentially

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the fixture articles (so tests can change and delete them)."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    for path in sorted(FIXTURES.glob("*.md"))[:8]:
        shutil.copy(path, directory / path.name)
    return directory


def _load(directory: Path) -> list[Document]:
    return [d for d in load_documents([str(directory)]) if isinstance(d, Document)]


def _index(store_path: Path, directory: Path, *, prune: bool = False) -> tuple[int, ...]:
    with ClaimStore.open(store_path, create=True) as store:
        s = index_documents(store, load_documents([str(directory)]), prune=prune)
    return (s.added, s.updated, s.unchanged, s.removed, len(s.failed))


def test_round_trip_through_the_store(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "claims.db"
    assert _index(db, corpus) == (8, 0, 0, 0, 0)
    expected = [(d, extract_document(d)) for d in _load(corpus)]
    with ClaimStore.open(db) as store:
        stored = store.documents()
    assert sorted(expected, key=lambda pair: pair[0].id) == stored
    assert sum(len(c) for _, c in stored) > 40


def test_rerun_touches_only_changed_documents(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "claims.db"
    _index(db, corpus)
    with sqlite3.connect(db) as connection:  # mark every row: a rewrite would reset the mark
        connection.execute("UPDATE documents SET indexed_at = 'mark'")
    extracted: list[str] = []

    def counting(documents: Iterable[Document]) -> Iterator[Extracted]:
        for document, result in extract_sequentially(documents):
            extracted.append(document.id)
            yield document, result

    with ClaimStore.open(db, create=True) as store:
        s = index_documents(store, load_documents([str(corpus)]), extractor=counting)
    assert (s.added, s.updated, s.unchanged, s.claims) == (0, 0, 8, 0)
    assert extracted == []
    changed = sorted(corpus.glob("*.md"))[2]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nExports to Chile reached $1.5 bln in 2023.\n",
        encoding="utf-8",
    )
    with ClaimStore.open(db, create=True) as store:
        s = index_documents(store, load_documents([str(corpus)]), extractor=counting)
        assert (s.added, s.updated, s.unchanged) == (0, 1, 7)
        assert extracted == [changed.name]
        (document, claims), *_ = store.documents([changed.name])
    assert "$1.5 bln" in document.text
    assert claims == extract_document(document)
    marks = dict(sqlite3.connect(db).execute("SELECT id, indexed_at FROM documents"))
    assert len(marks) == 8
    assert {k for k, v in marks.items() if v != "mark"} == {changed.name}


def test_prune_only_when_asked(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "claims.db"
    _index(db, corpus)
    gone = sorted(corpus.glob("*.md"))[0]
    gone.unlink()
    assert _index(db, corpus) == (0, 0, 7, 0, 0)
    with ClaimStore.open(db) as store:
        assert gone.name in store.hashes()
    assert _index(db, corpus, prune=True) == (0, 0, 7, 1, 0)
    with ClaimStore.open(db) as store:
        assert gone.name not in store.hashes()
        assert len(store.hashes()) == 7
    orphans = sqlite3.connect(db).execute(
        "SELECT count(*) FROM claims WHERE document NOT IN (SELECT rowid FROM documents)"
    )
    assert orphans.fetchone() == (0,)


def test_prune_keeps_documents_that_failed_to_load(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text('{"text": "Exports reached $5 bln in 2023."}', encoding="utf-8")
    bad.write_text('{"text": "Imports reached $2 bln in 2023."}', encoding="utf-8")
    with ClaimStore.open(db, create=True) as store:
        index_documents(store, load_documents([str(good), str(bad)]))
    bad.write_text("{not json", encoding="utf-8")
    with ClaimStore.open(db, create=True) as store:
        s = index_documents(store, load_documents([str(good), str(bad)]), prune=True)
        assert (s.unchanged, s.removed, len(s.failed)) == (1, 0, 1)
        assert len(store.hashes()) == 2


class Interrupted(BaseException):
    """Stands for a crash or Ctrl-C in the middle of a run."""


def test_interrupted_run_keeps_what_was_committed(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "claims.db"

    def crashing(documents: Iterable[Document]) -> Iterator[Extracted]:
        for n, pair in enumerate(extract_sequentially(documents)):
            if n == 3:
                raise Interrupted
            yield pair

    with ClaimStore.open(db, create=True) as store, pytest.raises(Interrupted):
        index_documents(store, load_documents([str(corpus)]), extractor=crashing)
    with ClaimStore.open(db) as store:
        assert len(store.documents()) == 3
    assert _index(db, corpus) == (5, 0, 3, 0, 0)


def test_failure_inside_a_write_rolls_the_document_back(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.store.db as db_module

    db = tmp_path / "claims.db"
    real = db_module._claim_row
    calls = {"n": 0}

    def failing_row(*args: object) -> tuple[object, ...]:
        calls["n"] += 1
        if calls["n"] == 20:  # in the middle of some document's claims
            raise Interrupted
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(db_module, "_claim_row", failing_row)
    with ClaimStore.open(db, create=True) as store, pytest.raises(Interrupted):
        index_documents(store, load_documents([str(corpus)]))
    monkeypatch.undo()
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    counts = connection.execute(
        "SELECT d.claims_count, (SELECT count(*) FROM claims c WHERE c.document = d.rowid) "
        "FROM documents d"
    ).fetchall()
    assert counts
    assert all(declared == actual for declared, actual in counts)
    assert sum(declared for declared, _ in counts) < 20
    added = _index(db, corpus)[0]
    assert added == 8 - len(counts)


def test_newer_schema_is_refused_naming_the_file(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    ClaimStore.open(db, create=True).close()
    connection = sqlite3.connect(db)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    for create in (False, True):
        with pytest.raises(SchemaTooNewError, match=r"future\.db.*newer"):
            ClaimStore.open(db, create=create)


def test_missing_or_foreign_file_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such claims store"):
        ClaimStore.open(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        ClaimStore.open(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for create in (False, True):
        with pytest.raises(StoreError, match=r"other\.db: not a claims store"):
            ClaimStore.open(other, create=create)
    assert sqlite3.connect(other).execute("SELECT count(*) FROM sqlite_master").fetchone() == (1,)


def test_reader_works_while_a_writer_indexes(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "claims.db"
    documents = _load(corpus)
    first, second = documents[0], documents[1]
    with ClaimStore.open(db, create=True) as writer:
        writer.put(first, extract_document(first), "h1")
        assert writer.connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        # the writer holds an open write transaction, part-way through a document
        writer.connection.execute("BEGIN IMMEDIATE")
        writer.connection.execute(
            "UPDATE documents SET content_hash = 'changed' WHERE id = ?", (first.id,)
        )
        with ClaimStore.open(db) as reader:
            assert reader.stats().documents == 1
            assert reader.hashes()[first.id][0] == "h1"  # the last committed state
            related = reader.related(extract_document(first))
            assert [d.id for d, _ in related] == [first.id]
            writer.connection.execute("COMMIT")
            writer.put(second, extract_document(second), "h2")
            assert reader.stats().documents == 2
            assert reader.hashes()[first.id][0] == "changed"


def test_related_returns_the_claims_sharing_a_scope(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    _index(db, FIXTURES)
    new = next(d for d in _load(FIXTURES) if d.id.startswith("003_"))
    claims = extract_document(new)
    scopes = {scope_of(c) for c in claims if c.metric is not None and scope_of(c)}
    with ClaimStore.open(db) as store:
        related = store.related_by_scope(claims, exclude={new.id})
        narrowed = store.related(claims, exclude={new.id})
    assert related
    wide = {(d.id, c) for d, found in related for c in found}
    assert {(d.id, c) for d, found in narrowed for c in found} <= wide
    assert new.id not in {d.id for d, _ in related}
    assert {"China|Russia"} <= scopes
    for document, found in related:
        full = extract_document(document)
        assert set(found) <= set(full)
        wanted = {c for c in full if c.metric and c.kind != "count" and scope_of(c) in scopes}
        assert set(found) == wanted
    ids = [d.id for d, _ in related]
    assert ids == sorted(ids)
    assert not any(d.id.startswith(("004_", "015_")) for d, _ in related)


def test_bad_load_failure_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    bad = tmp_path / "bad.json"
    bad.write_text("[", encoding="utf-8")
    failures: list[LoadFailure] = []
    with ClaimStore.open(db, create=True) as store:
        s = index_documents(
            store,
            load_documents([str(bad), str(FIXTURES / "001_china_russia_2023_annual.md")]),
            on_failure=failures.append,
        )
    assert (s.added, len(failures)) == (1, 1)
    assert failures[0].path.endswith("bad.json")


def test_reads_never_fail_while_another_thread_indexes(tmp_path: Path, corpus: Path) -> None:
    import threading

    db = tmp_path / "claims.db"
    ClaimStore.open(db, create=True).close()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with ClaimStore.open(db, create=True) as writer:
                index_documents(writer, load_documents([str(corpus)]))
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)

    thread = threading.Thread(target=write)
    seen: list[int] = []
    with ClaimStore.open(db) as reader:
        thread.start()
        while thread.is_alive():
            reader.connection.execute("BEGIN")  # one snapshot for both reads
            stats = reader.stats()
            assert stats.claims == sum(len(c) for _, c in reader.documents())
            reader.connection.execute("COMMIT")
            seen.append(stats.documents)
        thread.join()
        seen.append(reader.stats().documents)
    assert not errors
    assert seen == sorted(seen)
    assert seen[-1] == 8


def test_metadata_change_is_rewritten_without_re_extraction(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "claims.db"
    _index(db, corpus)
    extracted: list[str] = []

    def counting(documents: Iterable[Document]) -> Iterator[Extracted]:
        for document, result in extract_sequentially(documents):
            extracted.append(document.id)
            yield document, result

    retitled = sorted(corpus.glob("*.md"))[1]
    text = retitled.read_text(encoding="utf-8")
    assert "\ntitle: " in text.split("\n---\n")[0]
    retitled.write_text(
        re.sub(r"(?m)^title: .*$", "title: A new headline", text, count=1), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)  # the same files named by another path: only paths change
    with ClaimStore.open(db, create=True) as store:
        s = index_documents(store, load_documents(["corpus"]), extractor=counting)
        assert (s.added, s.updated, s.unchanged, s.relabelled) == (0, 8, 0, 8)
        assert extracted == []
        assert "8 metadata only" in s.line()
        stored = {d.id: (d, c) for d, c in store.documents()}
    document, claims = stored[retitled.name]
    assert document.title == "A new headline"
    assert document.path == f"corpus/{retitled.name}"
    assert claims == extract_document(document)
    assert _index(db, Path("corpus")) == (0, 0, 8, 0, 0)


def _stored_count(db: Path) -> int:
    """Documents another connection sees (committed ones only)."""
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        connection.close()


def test_a_batch_commits_when_full_and_at_its_end(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "claims.db"
    documents = [d for d in load_documents([str(corpus)]) if isinstance(d, Document)]
    assert len(documents) >= 4
    seen = []
    with ClaimStore.open(db, create=True) as store:
        with store.batched(documents=2, seconds=3600) as batch:
            for number, document in enumerate(documents[:4], 1):
                store.put(document, extract_document(document), f"hash{number}")
                batch.written()
                seen.append(_stored_count(db))
        seen.append(_stored_count(db))
    # committed after the 2nd and 4th document, nothing visible in between
    assert seen == [0, 2, 2, 4, 4]


def test_a_failed_put_inside_a_batch_keeps_the_documents_before_it(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.store.db as db_module

    db = tmp_path / "claims.db"
    documents = [d for d in load_documents([str(corpus)]) if isinstance(d, Document)]
    real = db_module._claim_row
    with (
        ClaimStore.open(db, create=True) as store,
        pytest.raises(Interrupted),
        store.batched(documents=100, seconds=3600) as batch,
    ):
        store.put(documents[0], extract_document(documents[0]), "h0")
        batch.written()
        monkeypatch.setattr(db_module, "_claim_row", _raising)
        store.put(documents[1], extract_document(documents[1]), "h1")
    monkeypatch.setattr(db_module, "_claim_row", real)
    with ClaimStore.open(db) as store:
        assert [d.id for d, _ in store.documents()] == [documents[0].id]
        (claims,) = [c for _, c in store.documents()]
        assert len(claims) == len(extract_document(documents[0]))
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def _raising(*args: object) -> tuple[object, ...]:
    raise Interrupted
