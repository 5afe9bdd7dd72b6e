"""Loading documents: formats, ids, publication dates, bad inputs."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from claimcheck.documents import (
    LoadFailure,
    LoadResult,
    date_from_text,
    load_documents,
    make_document,
    parse_date,
)
from claimcheck.model import Document

BODY = "Trade between Freedonia and Sylvania reached $12.5 bln last year.\n"


def load(*paths: Path | str, **kwargs: object) -> list[LoadResult]:
    return list(load_documents([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def only_document(results: list[LoadResult]) -> Document:
    assert len(results) == 1, results
    result = results[0]
    assert isinstance(result, Document), result
    return result


def only_failure(results: list[LoadResult]) -> LoadFailure:
    assert len(results) == 1, results
    result = results[0]
    assert isinstance(result, LoadFailure), result
    return result


# ----------------------------------------------------------------- text and front matter


def test_plain_text_file_has_path_id_and_no_date(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(BODY, encoding="utf-8")
    document = only_document(load(file))
    assert document.text == BODY
    assert document.id == file.as_posix()
    assert document.path == file.as_posix()
    assert document.published is None
    assert document.published_from is None


def test_front_matter_fields_and_body_offsets(tmp_path: Path) -> None:
    file = tmp_path / "a.md"
    file.write_text(
        "---\n"
        "published: 2023-11-08\n"
        "# a comment\n"
        "\n"
        "source: Test Wire\n"
        "url: https://example.org/a?x=1:2\n"
        'title: "Trade: a story"\n'
        "id: story-1\n"
        "extra: ignored\n"
        "---\n" + BODY,
        encoding="utf-8",
    )
    document = only_document(load(file, published=dt.date(2000, 1, 1)))
    assert document.text == BODY
    assert document.id == "story-1"
    assert document.published == dt.date(2023, 11, 8)
    assert document.published_from == "front_matter"
    assert document.source == "Test Wire"
    assert document.url == "https://example.org/a?x=1:2"
    assert document.title == "Trade: a story"
    start = document.text.index("$12.5 bln")
    assert document.text[start : start + 9] == "$12.5 bln"


def test_front_matter_null_values_mean_not_given(tmp_path: Path) -> None:
    file = tmp_path / "a.md"
    file.write_text("---\npublished: null\nsource: ~\ntitle:\n---\n" + BODY, encoding="utf-8")
    document = only_document(load(file))
    assert (document.published, document.source, document.title) == (None, None, None)


def test_front_matter_with_crlf_line_endings(tmp_path: Path) -> None:
    file = tmp_path / "a.md"
    file.write_bytes(b"---\r\npublished: 2021-05-07\r\n---\r\nSome text.\r\n")
    document = only_document(load(file))
    assert document.published == dt.date(2021, 5, 7)
    assert document.text == "Some text.\r\n"


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("---\npublished 2023-11-08\n---\n", 2, "malformed front matter"),
        ("---\nsource: A\nsource: B\n---\n", 3, "given twice"),
        ("---\nsource: A\npublished: 2023-13-01\n---\n", 3, "'published'"),
        ("---\npublished: 8 Nov 2023\n---\n", 2, "YYYY-MM-DD"),
        ('---\ntitle: "open\n---\n', 2, "unterminated"),
        ("---\nsource: A\n", 1, "never closed"),
    ],
)
def test_malformed_front_matter_names_file_and_line(
    tmp_path: Path, front: str, line: int, words: str
) -> None:
    file = tmp_path / "bad.md"
    file.write_text(front + BODY, encoding="utf-8")
    failure = only_failure(load(file))
    assert failure.path == file.as_posix()
    assert failure.line == line
    assert words in failure.reason
    assert failure.message.startswith(f"{file.as_posix()}:{line}: ")
    assert "\n" not in failure.message


def test_option_date_is_the_fallback(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(BODY, encoding="utf-8")
    document = only_document(load(file, published=dt.date(2024, 2, 29)))
    assert document.published == dt.date(2024, 2, 29)
    assert document.published_from == "option"


def test_option_date_wins_over_text_date(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("date 2023-11-08 " + BODY, encoding="utf-8")
    document = only_document(load(file, published=dt.date(2024, 1, 2)))
    assert (document.published, document.published_from) == (dt.date(2024, 1, 2), "option")
    document = only_document(load(file))
    assert (document.published, document.published_from) == (dt.date(2023, 11, 8), "text")


# ----------------------------------------------------------------- dates stated in the text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2023-11-08 Officials said on Wednesday that trade grew.", dt.date(2023, 11, 8)),
        ("Published: 8 November 2023\n\nTrade grew.", dt.date(2023, 11, 8)),
        ("Headline here\nUpdated on Nov. 8, 2023\nTrade grew.", dt.date(2023, 11, 8)),
        ("Headline\nWednesday, 8 November 2023 14:05\n\nTrade grew.", dt.date(2023, 11, 8)),
        ("2024-02-29\nTrade grew.", dt.date(2024, 2, 29)),
        ("NEW DELHI, January 13, 2023 /Wire/. Trade grew.", dt.date(2023, 1, 13)),
    ],
)
def test_unambiguous_dates_at_the_beginning_count(text: str, expected: dt.date) -> None:
    assert date_from_text(text) == expected
    document = make_document(text)
    assert (document.published, document.published_from) == (expected, "text")


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, February 4. /Wire/. Trade grew.",  # no year
        "Trade grew on 8 November 2023, officials said.",  # inside a sentence
        "Headline\ndate 2023-02-30 Trade grew.",  # not a real day
        "date 2023-11-08\nPublished: 9 November 2023\nTrade grew.",  # two different dates
        "x" * 500 + "\ndate 2023-11-08\n",  # too far from the beginning
        "13 Jan. 11:45\n\nIn 2022, trade grew.",  # no year
        "Revenue was 2023-11 strong.",
        "",
    ],
)
def test_no_date_is_guessed(text: str) -> None:
    assert date_from_text(text) is None
    document = make_document(text)
    assert (document.published, document.published_from) == (None, None)


def test_same_date_twice_is_not_ambiguous() -> None:
    text = "date 2023-11-08\nPublished: 8 November 2023\nTrade grew."
    assert date_from_text(text) == dt.date(2023, 11, 8)


def test_make_document_option_and_defaults() -> None:
    document = make_document("date 2023-11-08 x", id="abc", published=dt.date(2020, 1, 1))
    assert document.id == "abc"
    assert (document.published, document.published_from) == (dt.date(2020, 1, 1), "option")
    assert make_document("x").id == "text"


@pytest.mark.parametrize(
    "value",
    ["2023-1-08", "08.11.2023", "20231108", "2023-11-31", "soon", "2023-11-08T", "2023-11-08x"],
)
def test_parse_date_rejects_non_iso(value: str) -> None:
    with pytest.raises(ValueError, match="invalid date"):
        parse_date(value)


@pytest.mark.parametrize(
    "value", [" 2023-11-08 ", "2023-11-08T14:05:00+03:00", "2023-11-08 14:05", "2023-11-08T23:59Z"]
)
def test_parse_date_accepts_iso_dates_and_date_times(value: str) -> None:
    assert parse_date(value) == dt.date(2023, 11, 8)


# ----------------------------------------------------------------- JSON and JSONL


def test_json_object(tmp_path: Path) -> None:
    file = tmp_path / "one.json"
    obj = {"text": BODY, "published": "2023-01-13", "source": "S", "url": "u", "title": "t", "x": 1}
    file.write_text(json.dumps(obj), encoding="utf-8")
    document = only_document(load(file))
    assert document.id == file.as_posix()
    assert (document.published, document.published_from) == (dt.date(2023, 1, 13), "front_matter")
    assert (document.source, document.url, document.title) == ("S", "u", "t")


def test_json_list_keeps_good_objects(tmp_path: Path) -> None:
    file = tmp_path / "many.json"
    objs = [
        {"id": "first", "text": "A."},
        {"text": 5},
        {"text": "C.", "published": "bad"},
        {"text": "D."},
    ]
    file.write_text(json.dumps(objs), encoding="utf-8")
    results = load(file)
    assert len(results) == 4
    first, second, third, fourth = results
    assert isinstance(first, Document) and first.id == "first"
    assert isinstance(second, LoadFailure) and second.path == f"{file.as_posix()}[1]"
    assert "'text'" in second.reason
    assert isinstance(third, LoadFailure) and "'published'" in third.reason
    assert isinstance(fourth, Document) and fourth.id == f"{file.as_posix()}[3]"


def test_invalid_json_reports_line(tmp_path: Path) -> None:
    file = tmp_path / "broken.json"
    file.write_text('{\n  "text": "A",\n  oops\n}', encoding="utf-8")
    failure = only_failure(load(file))
    assert failure.line == 3
    assert failure.reason.startswith("invalid JSON")


def test_jsonl_bad_line_reported_others_kept(tmp_path: Path) -> None:
    file = tmp_path / "docs.jsonl"
    lines = [
        '{"text": "First."}',
        "",
        '{"text": "Second.", "id": "two"}',
        "not json",
        '["no"]',
        '{"text": "Last."}',
    ]
    file.write_text(
        "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    results = load(file)
    assert [type(r).__name__ for r in results] == [
        "Document",
        "Document",
        "LoadFailure",
        "LoadFailure",
        "Document",
    ]
    assert [r.id for r in results if isinstance(r, Document)] == [
        f"{file.as_posix()}:1",
        "two",
        f"{file.as_posix()}:6",
    ]
    failures = [r for r in results if isinstance(r, LoadFailure)]
    assert [f.line for f in failures] == [4, 5]
    assert "expected a JSON object" in failures[1].reason


def test_empty_jsonl_and_empty_json_list_are_failures(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "e.json").write_text("[]", encoding="utf-8")
    assert "no documents" in only_failure(load(tmp_path / "e.jsonl")).reason
    assert "no documents" in only_failure(load(tmp_path / "e.json")).reason


# ----------------------------------------------------------------- directories, stdin, ids


def test_directory_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b" / "z.md").write_text("Z.", encoding="utf-8")
    (root / "a.txt").write_text("A.", encoding="utf-8")
    (root / "c.JSONL").write_text('{"text": "C."}\n', encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF\x00")
    (root / ".hidden" / "h.txt").write_text("H.", encoding="utf-8")
    (root / ".dot.txt").write_text("D.", encoding="utf-8")
    results = load(root)
    assert [r.id for r in results if isinstance(r, Document)] == ["a.txt", "b/z.md", "c.JSONL:1"]
    skipped = [r for r in results if isinstance(r, LoadFailure)]
    assert [(r.path, r.reason, r.skipped) for r in skipped] == [
        (
            (root / "notes.pdf").as_posix(),
            "not a text document: binary data (NUL byte at offset 4)",
            True,
        )
    ]
    assert [r.path for r in results if isinstance(r, Document)][:2] == [
        (root / "a.txt").as_posix(),
        (root / "b" / "z.md").as_posix(),
    ]


def test_sidecar_json_beside_an_article_is_not_a_document(tmp_path: Path) -> None:
    (tmp_path / "001.md").write_text("Article.", encoding="utf-8")
    (tmp_path / "001.expected.json").write_text('{"claims": []}', encoding="utf-8")
    (tmp_path / "002.annotations.json").write_text("{}", encoding="utf-8")  # no 002.md
    (tmp_path / "003.json").write_text('{"text": "Three."}', encoding="utf-8")
    (tmp_path / "003.txt").write_text("Three again.", encoding="utf-8")
    results = load(tmp_path)
    assert [r.id if isinstance(r, Document) else r.path for r in results] == [
        "001.md",
        (tmp_path / "002.annotations.json").as_posix(),
        "003.json",
        "003.txt",
    ]
    assert isinstance(results[1], LoadFailure)
    # Given explicitly, a sidecar is loaded like any JSON file.
    assert isinstance(load(tmp_path / "001.expected.json")[0], LoadFailure)


def test_empty_directory_and_missing_path_are_failures(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    results = load(tmp_path / "empty", tmp_path / "missing.txt")
    assert [type(r) for r in results] == [LoadFailure, LoadFailure]
    assert isinstance(results[0], LoadFailure) and "no documents found" in results[0].reason
    assert isinstance(results[1], LoadFailure) and results[1].reason == "no such file or directory"


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    results = load(bad, tmp_path / "nope", good)
    assert [type(r) for r in results] == [LoadFailure, LoadFailure, Document]


def test_same_ids_in_two_directories_fall_back_to_paths(tmp_path: Path) -> None:
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(f"{name}.", encoding="utf-8")
    results = load(tmp_path / "x", tmp_path / "y")
    assert [r.id for r in results if isinstance(r, Document)] == [
        "a.txt",
        (tmp_path / "y" / "a.txt").as_posix(),
    ]


def test_same_file_twice_and_repeated_explicit_id_fail(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(BODY, encoding="utf-8")
    results = load(file, file)
    assert isinstance(results[0], Document)
    assert isinstance(results[1], LoadFailure) and "more than once" in results[1].reason
    other = tmp_path / "ids.jsonl"
    other.write_text('{"id": "k", "text": "A."}\n{"id": "k", "text": "B."}\n', encoding="utf-8")
    results = load(other)
    assert isinstance(results[0], Document)
    assert isinstance(results[1], LoadFailure) and "duplicate document id 'k'" in results[1].reason


def test_stdin_is_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\nsource: not front matter on stdin\n---\nBody."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    document = only_document(load("-", published=dt.date(2022, 2, 4)))
    assert (document.id, document.path, document.text) == ("stdin", "-", text)
    assert document.published_from == "option"


def test_empty_stdin_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    failure = only_failure(load("-"))
    assert failure.path == "-"
    assert "empty" in failure.reason


def test_unknown_suffix_given_explicitly_is_plain_text(tmp_path: Path) -> None:
    file = tmp_path / "article"
    file.write_text("---\nsource: kept\n---\nBody.", encoding="utf-8")
    assert only_document(load(file)).text.startswith("---")


# ----------------------------------------------------------------- encodings and limits


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    file = tmp_path / "x.txt"
    file.write_bytes(b"abc\x00def")
    assert (
        only_failure(load(file)).reason == "not a text document: binary data (NUL byte at offset 3)"
    )


def test_invalid_utf8_fails_with_offset_and_line(tmp_path: Path) -> None:
    file = tmp_path / "latin1.txt"
    file.write_bytes("first line\nCaf\u00e9 trade".encode("latin-1"))
    failure = only_failure(load(file))
    assert failure.line == 2
    assert "not valid UTF-8 (byte 0xe9 at offset 14)" in failure.reason


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    file = tmp_path / "bom.md"
    file.write_bytes(codecs.BOM_UTF8 + b"---\npublished: 2023-11-08\n---\nBody.")
    document = only_document(load(file))
    assert document.text == "Body."
    assert document.published == dt.date(2023, 11, 8)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    file = tmp_path / "wide.txt"
    data = "Trade \u2014 $5 bln.".encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    file.write_bytes(data)
    assert only_document(load(file)).text == "Trade \u2014 $5 bln."


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"---\nsource: S\n---\n\n"])
def test_empty_documents_fail(tmp_path: Path, content: bytes) -> None:
    file = tmp_path / "e.md"
    file.write_bytes(content)
    assert "empty document" in only_failure(load(file)).reason


def test_size_limit(tmp_path: Path) -> None:
    file = tmp_path / "big.txt"
    file.write_text("a" * 2049, encoding="utf-8")
    failure = only_failure(load(file, max_bytes=2048))
    assert failure.reason == "larger than the 2 KB size limit (2049 bytes; see --max-size)"
    assert isinstance(load(file, max_bytes=4096)[0], Document)


def test_loading_is_lazy(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(BODY, encoding="utf-8")
    stream = load_documents([str(file), str(tmp_path / "created-later.txt")])
    assert isinstance(next(stream), Document)
    (tmp_path / "created-later.txt").write_text(BODY, encoding="utf-8")
    assert isinstance(next(stream), Document)


# ----------------------------------------------------------------- the reference corpus


@pytest.mark.shared
def test_reference_corpus_dates(shared_dir: Path) -> None:
    results = list(load_documents([str(shared_dir / "corpus" / "seeds")]))
    assert all(isinstance(r, Document) for r in results)
    seeds = {r.id: r for r in results if isinstance(r, Document)}
    dates = {
        key[:3]: (r.published, r.published_from)
        for key, r in seeds.items()
        if isinstance(r, Document)
    }
    # The corpus README: 000 and 001 state their date; 002-004 do not (no year).
    assert dates == {
        "000": (dt.date(2023, 11, 8), "text"),
        "001": (dt.date(2024, 10, 28), "text"),
        "002": (None, None),
        "003": (None, None),
        "004": (None, None),
    }
    real = [
        r for r in load_documents([str(shared_dir / "corpus" / "real")]) if isinstance(r, Document)
    ]
    assert len(real) >= 8
    for document in real:
        assert not document.text.startswith("---")
        assert document.source
        if document.published is not None:
            assert document.published_from in ("front_matter", "text")
