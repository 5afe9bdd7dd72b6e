"""A document's claims held compactly until its relation group is checked.

A run extracts every document before it can group them
(:mod:`claimcheck.engine.groups`), then checks one group at a time. In
between, claims as objects take ~770 bytes each (a claim, its quantity, spans,
period and tuples); encoded as the claims store encodes them, as positional arrays
(:mod:`claimcheck.store.codec`), and held in :mod:`marshal` form
(:func:`~claimcheck.store.codec.pack_claims`: within the process only; several times
faster to write and read than the store's JSON, which it used to be), far less.
:class:`PackedClaims` holds the encoding and what grouping needs (the
claims' scopes), and gives the claims back, as new objects each time, when
the group is checked: a 100,000-article corpus keeps ~200 MB of claims
between extraction and check instead of ~450 MB, and a group's claim objects
are freed with it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from claimcheck.engine.index import scope_key
from claimcheck.model import Claim

__all__ = ["PackedClaims"]

Scope = tuple[str, ...]

_NO_FLOWS: frozenset[str] = frozenset()


class PackedClaims(Sequence[Claim]):
    """The claims of one document, encoded; a read-only sequence that decodes on access
    (iterate once and keep the result: every access decodes anew). Claims of several
    documents are kept as they are (the encoding holds one document id)."""

    __slots__ = ("_count", "_data", "_document", "_scopes")

    def __init__(self, claims: Sequence[Claim]) -> None:
        from claimcheck.store.codec import pack_claims

        ids = {c.document_id for c in claims}
        self._document = next(iter(ids)) if len(ids) == 1 else ""
        self._data: bytes | tuple[Claim, ...] = (
            pack_claims(claims) if self._document else tuple(claims)
        )
        self._count = len(claims)
        scopes: set[tuple[str, Scope, bool]] = set()
        for claim in claims:
            scope = scope_key(claim, _NO_FLOWS)
            if scope is not None and claim.metric is not None:
                scopes.add((claim.metric, scope, claim.flow is None))
        self._scopes = frozenset(scopes)

    def unpack(self) -> tuple[Claim, ...]:
        """The claims (new objects, equal to those packed)."""
        if isinstance(self._data, tuple):
            return self._data
        from claimcheck.store.codec import unpack_claims

        return unpack_claims(self._data, self._document)

    def scopes(self, flows: frozenset[str]) -> frozenset[Scope]:
        """The scopes of the indexed claims, as :func:`~claimcheck.engine.groups.document_scopes`
        gives them for the flow metrics ``flows`` (without decoding)."""
        return frozenset(
            scope for metric, scope, flowless in self._scopes if not (flowless and metric in flows)
        )

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.unpack())

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        return self.unpack()[index]

    def __reduce__(self) -> tuple[object, ...]:
        """Refuse to be pickled: the encoding is :mod:`marshal` data for this process only
        (``unpack()`` the claims to send them elsewhere)."""
        raise TypeError(
            "PackedClaims are held within one process (marshal form): unpack() them to send them"
        )

    def __repr__(self) -> str:
        return f"PackedClaims({self._count} claims, {len(self._data)} bytes)"
