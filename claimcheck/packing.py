"""Claims as flat tuples of plain values, to send them between processes cheaply.

Pickling a claim pickles five to seven attrs records (the claim, its
quantity, spans, period, flow, unresolved items), each through a Python-level
``__getstate__`` and ``__setstate__`` with a dictionary of its fields: about
half of what ``--jobs N`` spends on a document outside extraction.
:func:`pack_claims` turns a document's claims into one tuple of tuples of
plain values (strings, numbers, dates, tuples, ``None``), which ``pickle``
writes and reads in C, and :func:`unpack_claims` rebuilds equal records
(every field the same value of the same type) with positional constructors.

Unlike :mod:`claimcheck.store.codec` this is not a storage format: both
sides run the same code, so the layout needs no version.
"""

from __future__ import annotations

from typing import Any

from claimcheck.model import Claim, Flow, Period, Quantity, Span, Unresolved

__all__ = ["Packed", "pack_claims", "unpack_claims"]

Packed = tuple[tuple[Any, ...], ...]
"""The claims of one document, packed."""


def _pack(claim: Claim) -> tuple[Any, ...]:
    quantity = claim.quantity
    span = quantity.span
    flow = claim.flow
    period = claim.period
    return (
        claim.id,
        claim.document_id,
        span.start,
        span.end,
        quantity.text,
        quantity.value,
        quantity.unit,
        quantity.interval,
        quantity.precision,
        quantity.low,
        quantity.high,
        quantity.noun,
        quantity.qualifier,
        quantity.scale,
        quantity.is_range,
        quantity.transition,
        claim.sentence.start,
        claim.sentence.end,
        claim.kind,
        claim.metric,
        claim.entities,
        None if flow is None else (flow.source, flow.dest),
        None
        if period is None
        else (period.start, period.end, period.text, period.kind, period.unresolved),
        claim.value,
        claim.interval,
        claim.basis,
        claim.record,
        tuple([(item.field, item.reason) for item in claim.unresolved]),
    )


def pack_claims(claims: tuple[Claim, ...]) -> Packed:
    """``claims`` as plain values (see the module documentation)."""
    return tuple([_pack(claim) for claim in claims])


def unpack_claims(packed: Packed) -> tuple[Claim, ...]:
    """The claims :func:`pack_claims` packed, equal field by field."""
    claims = []
    for (
        claim_id,
        document_id,
        start,
        end,
        text,
        value,
        unit,
        interval,
        precision,
        low,
        high,
        noun,
        qualifier,
        scale,
        is_range,
        transition,
        sentence_start,
        sentence_end,
        kind,
        metric,
        entities,
        flow,
        period,
        claim_value,
        claim_interval,
        basis,
        record,
        unresolved,
    ) in packed:
        quantity = Quantity(
            Span(start, end),
            text,
            value,
            unit,
            interval,
            precision,
            low,
            high,
            noun,
            qualifier,
            scale,
            is_range,
            transition,
        )
        claims.append(
            Claim(
                claim_id,
                document_id,
                quantity,
                Span(sentence_start, sentence_end),
                kind,
                metric,
                entities,
                None if flow is None else Flow(*flow),
                None if period is None else Period(*period),
                claim_value,
                claim_interval,
                basis,
                record,
                tuple([Unresolved(field, reason) for field, reason in unresolved]),
            )
        )
    return tuple(claims)
