"""The stable JSON contract of ``claimcheck extract`` (schema 1).

Output is byte-identical across runs for the same input: keys are always in
the order below, floats use Python's shortest round-trip ``repr`` (``-0.0``
is written ``0.0``), text is UTF-8 (not ``\\u``-escaped), and infinite
interval bounds are written as ``null`` (JSON has no infinity: ``[180e9,
null]`` means "above 180e9"). NaN never occurs; it would also be ``null``.

Top level::

    {"schema": 1, "documents": [DOCUMENT, ...], "errors": [ERROR, ...]}

DOCUMENT: ``id``, ``path`` (``"-"`` for stdin, ``null`` for text given to
the library), ``published`` (ISO date or ``null``), ``published_from``
(``"front_matter"``, ``"option"``, ``"text"`` or ``null``), ``source``,
``url``, ``title``, ``claims`` (list of CLAIM, in text order).

CLAIM: ``id`` (``"<document id>#<n>"``), ``text`` (surface text),
``span`` (``[start, end)`` offsets into the document text as loaded, so
``text == document_text[start:end]``), ``sentence`` (sentence text),
``sentence_span``, ``kind``, ``metric``, ``entities`` (list), ``flow``
(``{"from", "to"}`` or ``null``), ``period`` (``{"start", "end", "text",
"kind", "unresolved"}`` or ``null``), ``value`` (float in base units:
``240110000000.0`` for "$240.11 bln", ``26.3`` for "26.3%"; signed for
changes), ``unit``, ``noun``, ``interval`` (``[low, high]``), ``qualifier``,
``basis``, ``record``, ``unresolved`` (``{field: reason}``) and
``quantity`` (the number as printed: ``value``, ``interval``,
``precision``, ``scale``, ``range`` = ``[low, high]`` of a stated range or
``null``).

ERROR: ``path``, ``line`` (or ``null``), ``reason``, ``message``
(``"path:line: reason"``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from json.encoder import encode_basestring
from typing import Any

from claimcheck.documents import LoadFailure
from claimcheck.model import Claim, Document, Period, Quantity

__all__ = [
    "SCHEMA_VERSION",
    "claim_to_dict",
    "document_to_dict",
    "dumps",
    "encode_string",
    "extract_to_dict",
    "failure_to_dict",
    "number",
    "number_json",
]

SCHEMA_VERSION = 1


def number(value: float) -> float | None:
    """A JSON-safe float: ``None`` for infinities and NaN, ``0.0`` for ``-0.0``."""
    if math.isinf(value) or math.isnan(value):
        return None
    return float(value) + 0.0


def _interval(bounds: tuple[float, float]) -> list[float | None]:
    return [number(bounds[0]), number(bounds[1])]


def _period(period: Period | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {
        "start": period.start.isoformat() if period.start else None,
        "end": period.end.isoformat() if period.end else None,
        "text": period.text,
        "kind": period.kind,
        "unresolved": period.unresolved,
    }


def _quantity(quantity: Quantity) -> dict[str, Any]:
    return {
        "value": number(quantity.value),
        "interval": _interval(quantity.interval),
        "precision": number(quantity.precision),
        "scale": number(quantity.scale),
        "range": [number(quantity.low), number(quantity.high)] if quantity.is_range else None,
    }


def claim_to_dict(claim: Claim, text: str) -> dict[str, Any]:
    """The JSON object of one claim; ``text`` is its document's text."""
    return {
        "id": claim.id,
        "text": claim.text,
        "span": [claim.span.start, claim.span.end],
        "sentence": claim.sentence.slice(text),
        "sentence_span": [claim.sentence.start, claim.sentence.end],
        "kind": claim.kind,
        "metric": claim.metric,
        "entities": list(claim.entities),
        "flow": {"from": claim.flow.source, "to": claim.flow.dest} if claim.flow else None,
        "period": _period(claim.period),
        "value": number(claim.value),
        "unit": claim.unit,
        "noun": claim.quantity.noun,
        "interval": _interval(claim.interval),
        "qualifier": claim.qualifier,
        "basis": claim.basis,
        "record": claim.record,
        "unresolved": {item.field: item.reason for item in claim.unresolved},
        "quantity": _quantity(claim.quantity),
    }


def document_to_dict(document: Document, claims: Sequence[Claim]) -> dict[str, Any]:
    """The JSON object of one document and its claims."""
    return {
        "id": document.id,
        "path": document.path,
        "published": document.published.isoformat() if document.published else None,
        "published_from": document.published_from,
        "source": document.source,
        "url": document.url,
        "title": document.title,
        "claims": [claim_to_dict(claim, document.text) for claim in claims],
    }


def failure_to_dict(failure: LoadFailure) -> dict[str, Any]:
    """The JSON object of an input that failed or was skipped (``status``)."""
    return {
        "path": failure.path,
        "line": failure.line,
        "status": failure.status,
        "reason": failure.reason,
        "message": failure.message,
    }


def extract_to_dict(
    documents: Iterable[tuple[Document, Sequence[Claim]]],
    failures: Iterable[LoadFailure] = (),
) -> dict[str, Any]:
    """The whole ``claimcheck extract --format json`` object.

    ``errors`` lists the inputs skipped or failed (``status``), ``summary``
    counts ``documents`` (extracted), ``skipped`` and ``failed`` inputs.
    """
    docs = [document_to_dict(document, claims) for document, claims in documents]
    errors = [failure_to_dict(failure) for failure in failures]
    return {
        "schema": SCHEMA_VERSION,
        "documents": docs,
        "errors": errors,
        "summary": extract_summary(len(docs), errors),
    }


def extract_summary(documents: int, errors: Sequence[dict[str, Any]]) -> dict[str, int]:
    """``{"documents": n, "skipped": n, "failed": n}`` of an extraction run."""
    skipped = sum(1 for error in errors if error["status"] == "skipped")
    return {"documents": documents, "skipped": skipped, "failed": len(errors) - skipped}


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
"""The one compact encoder (stateless, so shared): ``json.dumps`` without building one per call."""

encode_string: Callable[[str], str] = encode_basestring
"""A ``str`` as a JSON string literal, as :data:`_ENCODER` writes it (not ``\\u``-escaped)."""


def number_json(value: float) -> str:
    """The JSON text of :func:`number` (``null`` for infinities and NaN), as ``dumps`` writes it."""
    if value - value == 0.0:  # finite: inf - inf and nan - nan are nan
        return repr(value + 0.0)  # + 0.0 makes a float of an int and 0.0 of -0.0
    return "null"


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


_LITERALS: dict[Any, str] = {None: "null", True: "true", False: "false"}


def _scalar(value: Any) -> str:
    """``_ENCODER.encode(value)`` for a value that is not a non-empty dict or list."""
    kind = type(value)
    if kind is str:
        return encode_string(value)
    if kind is float and value - value == 0.0:
        return float.__repr__(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _LITERALS[value]
    return _ENCODER.encode(value)  # anything else (NaN raises), exactly as json writes it


def _scalars(values: list[Any]) -> str:
    """``_ENCODER.encode(values)`` for a list of scalars."""
    return "[" + ", ".join(map(_scalar, values)) + "]"


def _pretty(value: Any, indent: str, step: str, out: list[str]) -> None:
    if isinstance(value, dict) and value:
        inner = indent + step
        out.append("{\n")
        last = len(value) - 1
        for position, (key, item) in enumerate(value.items()):
            key_text = (
                encode_string(key) if type(key) is str else json.dumps(key, ensure_ascii=False)
            )
            out.append(f"{inner}{key_text}: ")
            _pretty(item, inner, step, out)
            out.append(",\n" if position < last else "\n")
        out.append(indent + "}")
    elif isinstance(value, list) and value:
        if all(_is_scalar(item) for item in value):
            out.append(_scalars(value))
            return
        inner = indent + step
        out.append("[\n")
        last = len(value) - 1
        for position, item in enumerate(value):
            out.append(inner)
            _pretty(item, inner, step, out)
            out.append(",\n" if position < last else "\n")
        out.append(indent + "]")
    else:
        out.append(_scalar(value))


def dumps(obj: Any, *, indent: int | None = 2, depth: int = 0) -> str:
    """Serialize deterministically (no trailing newline).

    With ``indent``, objects and lists of objects are spread over lines while
    lists of plain values (spans, intervals, entities) stay on one line;
    without, the output is one compact line. ``depth`` is the nesting level
    the value is written at (as the value of a key at that level of a larger
    object: lines after the first start ``depth`` indents further in).
    """
    if indent is None:
        return _ENCODER.encode(obj)
    out: list[str] = []
    _pretty(obj, " " * (indent * depth), " " * indent, out)
    return "".join(out)
