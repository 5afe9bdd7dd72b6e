"""The JSON text of extracted documents, written straight from the records.

:func:`document_line` is ``dumps({"schema": 1, "type": "document",
**document_to_dict(document, claims)}, indent=None)`` and
:func:`document_block` is the indented text of ``document_to_dict(document,
claims)`` inside the ``documents`` list of ``claimcheck extract --format
json`` (see :mod:`claimcheck.serialize`), character for character, but
without building the dictionaries and walking them again: the schema is
fixed, so each claim is one template. This is most of the CPU of a ``json``
or ``jsonl`` extraction that is not extraction itself. The functions are
pure and module-level, so worker processes can render a document's output
(:mod:`claimcheck.parallel`) and send back one string instead of its claims.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from claimcheck.model import Claim, Document
from claimcheck.serialize import SCHEMA_VERSION, encode_string, number_json

__all__ = [
    "Prerendering",
    "Render",
    "claim_compact",
    "claim_indented",
    "document_block",
    "document_line",
]

Render = Callable[[Document, Sequence[Claim]], str]
"""A writer's output for one document: pure, and module-level so that it can be pickled."""


@runtime_checkable
class Prerendering(Protocol):
    """A writer whose output for a document can be made elsewhere (in a worker process).

    ``writer.rendered(document, writer.render(document, claims))`` is exactly
    ``writer.document(document, claims)``.
    """

    @property
    def render(self) -> Render:
        """The function that makes a document's output."""

    def rendered(self, document: Document, text: str) -> None:
        """Write (or collect) the output ``render`` made for ``document``."""


_DOCUMENT_HEAD = f'{{"schema": {SCHEMA_VERSION}, "type": "document", '


def _text(value: str | None) -> str:
    return "null" if value is None else encode_string(value)


def _date(value: _dt.date | None) -> str:
    return encode_string(value.isoformat()) if value else "null"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _strings(values: Sequence[str]) -> str:
    return "[" + ", ".join(map(encode_string, values)) + "]"


def _unresolved(claim: Claim) -> dict[str, str]:
    return {item.field: item.reason for item in claim.unresolved}


def _range(claim: Claim) -> str:
    quantity = claim.quantity
    if not quantity.is_range:
        return "null"
    return f"[{number_json(quantity.low)}, {number_json(quantity.high)}]"


def claim_compact(claim: Claim, text: str) -> str:
    """``dumps(claim_to_dict(claim, text), indent=None)``."""
    quantity = claim.quantity
    span = quantity.span
    sentence = claim.sentence
    flow = claim.flow
    period = claim.period
    unresolved = _unresolved(claim) if claim.unresolved else None
    return (
        f'{{"id": {encode_string(claim.id)}, "text": {encode_string(quantity.text)}, '
        f'"span": [{span.start}, {span.end}], '
        f'"sentence": {encode_string(text[sentence.start : sentence.end])}, '
        f'"sentence_span": [{sentence.start}, {sentence.end}], '
        f'"kind": {encode_string(claim.kind)}, "metric": {_text(claim.metric)}, '
        f'"entities": {_strings(claim.entities)}, "flow": '
        + (
            f'{{"from": {encode_string(flow.source)}, "to": {encode_string(flow.dest)}}}'
            if flow
            else "null"
        )
        + ', "period": '
        + (
            "null"
            if period is None
            else f'{{"start": {_date(period.start)}, "end": {_date(period.end)}, '
            f'"text": {encode_string(period.text)}, "kind": {encode_string(period.kind)}, '
            f'"unresolved": {_text(period.unresolved)}}}'
        )
        + f', "value": {number_json(claim.value)}, "unit": {encode_string(quantity.unit)}, '
        f'"noun": {_text(quantity.noun)}, '
        f'"interval": [{number_json(claim.interval[0])}, {number_json(claim.interval[1])}], '
        f'"qualifier": {_text(quantity.qualifier)}, "basis": {_text(claim.basis)}, '
        f'"record": {_bool(claim.record)}, "unresolved": '
        + (
            "{"
            + ", ".join(
                f"{encode_string(field)}: {encode_string(reason)}"
                for field, reason in unresolved.items()
            )
            + "}"
            if unresolved
            else "{}"
        )
        + f', "quantity": {{"value": {number_json(quantity.value)}, '
        f'"interval": [{number_json(quantity.interval[0])}, {number_json(quantity.interval[1])}], '
        f'"precision": {number_json(quantity.precision)}, "scale": {number_json(quantity.scale)}, '
        f'"range": {_range(claim)}}}}}'
    )


def document_line(document: Document, claims: Sequence[Claim]) -> str:
    """The ``jsonl`` line of a document (without the newline)."""
    text = document.text
    return (
        f"{_DOCUMENT_HEAD}"
        f'"id": {encode_string(document.id)}, "path": {_text(document.path)}, '
        f'"published": {_date(document.published)}, '
        f'"published_from": {_text(document.published_from)}, '
        f'"source": {_text(document.source)}, "url": {_text(document.url)}, '
        f'"title": {_text(document.title)}, '
        f'"claims": [{", ".join([claim_compact(claim, text) for claim in claims])}]}}'
    )


def claim_indented(claim: Claim, text: str, indent: str, step: str) -> str:
    """``claim_to_dict(claim, text)`` as :func:`claimcheck.serialize.dumps` spreads it when
    the object starts at nesting ``indent`` (``step`` more per level)."""
    quantity = claim.quantity
    span = quantity.span
    sentence = claim.sentence
    flow = claim.flow
    period = claim.period
    a = ",\n" + indent + step  # before a key of the claim
    b = ",\n" + indent + step + step  # before a key of an object in the claim
    first = "{\n" + indent + step + step  # the first key of an object in the claim
    close = "\n" + indent + step + "}"
    if claim.unresolved:
        unresolved = (
            first
            + b.join(
                f"{encode_string(field)}: {encode_string(reason)}"
                for field, reason in _unresolved(claim).items()
            )
            + close
        )
    else:
        unresolved = "{}"
    return (
        f'{{\n{indent}{step}"id": {encode_string(claim.id)}'
        f'{a}"text": {encode_string(quantity.text)}'
        f'{a}"span": [{span.start}, {span.end}]'
        f'{a}"sentence": {encode_string(text[sentence.start : sentence.end])}'
        f'{a}"sentence_span": [{sentence.start}, {sentence.end}]'
        f'{a}"kind": {encode_string(claim.kind)}'
        f'{a}"metric": {_text(claim.metric)}'
        f'{a}"entities": {_strings(claim.entities)}'
        f'{a}"flow": '
        + (
            f'{first}"from": {encode_string(flow.source)}{b}"to": {encode_string(flow.dest)}{close}'
            if flow
            else "null"
        )
        + f'{a}"period": '
        + (
            "null"
            if period is None
            else f'{first}"start": {_date(period.start)}{b}"end": {_date(period.end)}'
            f'{b}"text": {encode_string(period.text)}{b}"kind": {encode_string(period.kind)}'
            f'{b}"unresolved": {_text(period.unresolved)}{close}'
        )
        + f'{a}"value": {number_json(claim.value)}'
        f'{a}"unit": {encode_string(quantity.unit)}'
        f'{a}"noun": {_text(quantity.noun)}'
        f'{a}"interval": [{number_json(claim.interval[0])}, {number_json(claim.interval[1])}]'
        f'{a}"qualifier": {_text(quantity.qualifier)}'
        f'{a}"basis": {_text(claim.basis)}'
        f'{a}"record": {_bool(claim.record)}'
        f'{a}"unresolved": {unresolved}'
        f'{a}"quantity": {first}"value": {number_json(quantity.value)}'
        f'{b}"interval": [{number_json(quantity.interval[0])}, '
        f"{number_json(quantity.interval[1])}]"
        f'{b}"precision": {number_json(quantity.precision)}'
        f'{b}"scale": {number_json(quantity.scale)}'
        f'{b}"range": {_range(claim)}{close}'
        f"\n{indent}}}"
    )


def document_block(
    document: Document, claims: Sequence[Claim], indent: str = "    ", step: str = "  "
) -> str:
    """``document_to_dict(document, claims)`` as ``dumps`` spreads it at nesting ``indent``
    (by default, as an item of the ``documents`` list of the ``json`` format)."""
    a = ",\n" + indent + step
    inner = indent + step + step
    if claims:
        text = document.text
        listed = (
            "[\n"
            + inner
            + (",\n" + inner).join([claim_indented(claim, text, inner, step) for claim in claims])
            + "\n"
            + indent
            + step
            + "]"
        )
    else:
        listed = "[]"
    return (
        f'{{\n{indent}{step}"id": {encode_string(document.id)}'
        f'{a}"path": {_text(document.path)}'
        f'{a}"published": {_date(document.published)}'
        f'{a}"published_from": {_text(document.published_from)}'
        f'{a}"source": {_text(document.source)}'
        f'{a}"url": {_text(document.url)}'
        f'{a}"title": {_text(document.title)}'
        f'{a}"claims": {listed}'
        f"\n{indent}}}"
    )
