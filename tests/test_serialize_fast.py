"""The fast JSON paths equal the straightforward ones, character for character.

:func:`claimcheck.serialize.dumps`, :func:`~claimcheck.serialize.number_json`
and the templates of :mod:`claimcheck.report.extract_render` are checked
against plain ``json.dumps`` of :func:`~claimcheck.serialize.number` and of
the dictionaries of :func:`~claimcheck.serialize.document_to_dict`, spread by
the reference printer below (the implementation ``dumps`` had before it took
shortcuts).
"""

from __future__ import annotations

import csv
import io
import json
from enum import IntEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from record_strategies import claims, documents, numbers, texts

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document
from claimcheck.report.extract_csv import CsvWriter, cell, claim_row, document_rows
from claimcheck.report.extract_json import JsonlWriter, JsonWriter
from claimcheck.report.extract_render import Prerendering, document_block, document_line
from claimcheck.serialize import (
    SCHEMA_VERSION,
    document_to_dict,
    dumps,
    extract_to_dict,
    failure_to_dict,
    number,
    number_json,
)

# ----------------------------------------------------------------------------- reference


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _reference_pretty(value: Any, indent: str, step: str, out: list[str]) -> None:
    if isinstance(value, dict) and value:
        inner = indent + step
        out.append("{\n")
        for position, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{json.dumps(key, ensure_ascii=False)}: ")
            _reference_pretty(item, inner, step, out)
            out.append(",\n" if position < len(value) - 1 else "\n")
        out.append(indent + "}")
    elif isinstance(value, list) and value and not all(_is_scalar(item) for item in value):
        inner = indent + step
        out.append("[\n")
        for position, item in enumerate(value):
            out.append(inner)
            _reference_pretty(item, inner, step, out)
            out.append(",\n" if position < len(value) - 1 else "\n")
        out.append(indent + "]")
    else:
        out.append(json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": ")))


def reference_dumps(obj: Any, *, indent: int | None = 2, depth: int = 0) -> str:
    if indent is None:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
    out: list[str] = []
    _reference_pretty(obj, " " * (indent * depth), " " * indent, out)
    return "".join(out)


def _outcome(function: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    try:
        return "ok", function(*args, **kwargs)
    except (ValueError, TypeError) as exc:
        return type(exc).__name__, str(exc)


# ----------------------------------------------------------------------------- numbers


@given(numbers)
def test_number_json_is_json_of_number(value: float) -> None:
    assert number_json(value) == json.dumps(number(value))


@given(st.none() | numbers)
def test_csv_cell_is_repr_of_number(value: float | None) -> None:
    safe = None if value is None else number(value)
    assert cell(value) == ("" if safe is None else repr(safe))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (float("inf"), "null"),
        (float("-inf"), "null"),
        (float("nan"), "null"),
        (-0.0, "0.0"),
        (1e16, "1e+16"),
        (1e-7, "1e-07"),
        (3, "3.0"),
        (240.11e9, "240110000000.0"),
    ],
)
def test_number_json_examples(value: float, text: str) -> None:
    assert number_json(value) == text


# ----------------------------------------------------------------------------- dumps


class _Str(str):
    pass


class _Int(IntEnum):
    ONE = 1


class _Float(float):
    pass


_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | numbers
    | texts
    | st.builds(_Str, texts)
    | st.just(_Int.ONE)
    | st.builds(_Float, st.floats())
)
_values = st.recursive(
    _leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(texts | st.integers(-5, 5), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(_values, st.sampled_from([None, 2, 4]), st.integers(0, 2))
def test_dumps_equals_the_reference(value: Any, indent: int | None, depth: int) -> None:
    assert _outcome(dumps, value, indent=indent, depth=depth) == _outcome(
        reference_dumps, value, indent=indent, depth=depth
    )


# ----------------------------------------------------------------------------- documents


def _reference_line(document: Document, found: tuple[Claim, ...]) -> str:
    fields = {"schema": SCHEMA_VERSION, "type": "document", **document_to_dict(document, found)}
    return reference_dumps(fields, indent=None)


@settings(max_examples=300, deadline=None)
@given(documents, st.lists(claims(), max_size=3).map(tuple))
def test_document_line_and_block_equal_the_dictionaries(
    document: Document, found: tuple[Claim, ...]
) -> None:
    assert _outcome(document_line, document, found) == _outcome(_reference_line, document, found)
    # as an item of the "documents" list of the json format: nesting depth 2
    reference = _outcome(reference_dumps, document_to_dict(document, found), depth=2)
    assert _outcome(document_block, document, found) == reference


_failures = st.builds(LoadFailure, texts, texts, st.none() | st.integers(1, 10**6), st.booleans())
_items = st.lists(
    st.tuples(documents, st.lists(claims(), max_size=2).map(tuple)) | _failures, max_size=4
)


def _write(writer: Any, items: list[Any], prerendered: bool) -> None:
    for item in items:
        if isinstance(item, LoadFailure):
            writer.failure(item)
        elif prerendered:
            assert isinstance(writer, Prerendering)
            writer.rendered(item[0], writer.render(*item))
        else:
            writer.document(*item)
    writer.close()


@settings(max_examples=200, deadline=None)
@given(_items, st.booleans())
def test_json_writer_writes_the_extract_object(items: list[Any], prerendered: bool) -> None:
    stream = io.StringIO()
    _write(JsonWriter(stream), items, prerendered)
    extracted = [item for item in items if not isinstance(item, LoadFailure)]
    failures = [item for item in items if isinstance(item, LoadFailure)]
    assert stream.getvalue() == reference_dumps(extract_to_dict(extracted, failures)) + "\n"


@settings(max_examples=200, deadline=None)
@given(_items, st.booleans())
def test_jsonl_writer_writes_a_line_per_item(items: list[Any], prerendered: bool) -> None:
    stream = io.StringIO()
    _write(JsonlWriter(stream), items, prerendered)
    expected = []
    errors = []
    for item in items:
        if isinstance(item, LoadFailure):
            errors.append(failure_to_dict(item))
            fields = {"schema": SCHEMA_VERSION, "type": "error", **errors[-1]}
            expected.append(reference_dumps(fields, indent=None))
        else:
            expected.append(_reference_line(*item))
    skipped = sum(1 for error in errors if error["status"] == "skipped")
    summary = {"documents": len(items) - len(errors), "skipped": skipped}
    summary["failed"] = len(errors) - skipped
    expected.append(reference_dumps({"schema": 1, "type": "summary", **summary}, indent=None))
    assert stream.getvalue() == "".join(line + "\n" for line in expected)


@settings(max_examples=200, deadline=None)
@given(documents, st.lists(claims(), max_size=3).map(tuple))
def test_csv_rows_of_a_document_are_the_rows_written_one_by_one(
    document: Document, found: tuple[Claim, ...]
) -> None:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    for claim in found:
        writer.writerow(claim_row(document, claim))
    if not found:
        writer.writerow([document.id, *[""] * 24, "extracted", ""])
    assert document_rows(document, found) == stream.getvalue()
    both = io.StringIO()
    csv_writer = CsvWriter(both)
    csv_writer.rendered(document, csv_writer.render(document, found))
    csv_writer.document(document, found)
    header = both.getvalue().split("\n", 1)[0]
    assert both.getvalue() == header + "\n" + stream.getvalue() * 2
