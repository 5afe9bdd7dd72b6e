"""Relation groups: the parts of a run that the rules can check independently.

Every rule relates claims in one of two ways only:

* claims of **one document** — the figures of one article (CC402 derives
  per article and pair, CC104 adds the shares of one article across
  supplier pairs, CC501 reads one sentence, ...), possibly of several
  scopes;
* claims of **one scope** across documents — the index key
  ``(kind, Key(measure, scope, flow, unit), period)`` is looked up for the
  same scope (the sorted parties, flow countries included) with another
  measure (turnover, the two flows, the balance), flow direction, unit or
  period (prior periods, sub-periods, earlier records, deadlines).

No rule relates claims of different scopes in different documents. So the
connected components of the graph that links each document to the scopes
of its indexed claims are closed under every relation a rule can make: a
component checked alone gives exactly the results the whole run gives for
its claims, and the union of any components can be checked together. The
grouping key is therefore a claim's **scope** (sorted parties), with a
document's scopes merged; periods, measures, flow directions and units stay
inside a group because rules relate them (growth rates against prior
periods, sub-periods and period sums, records against earlier periods,
targets against later levels; turnover against flows and balance;
conflicting figures in other units).

:func:`relation_groups` computes the components (union-find, linear);
:func:`group_of` gives each document's group label (the smallest scope of
the component, stable across runs and partitions), the key by which the
Dask engine shuffles documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from claimcheck.engine.config import EngineConfig
from claimcheck.engine.index import flow_metrics, scope_key
from claimcheck.engine.packed import PackedClaims
from claimcheck.model import Claim

__all__ = ["GroupLabel", "document_scopes", "group_labels", "relation_groups"]

Scope = tuple[str, ...]
GroupLabel = str
"""A relation group's label: its smallest scope joined by ``|`` (or ``#document id`` for a
document without indexed claims)."""


def document_scopes(
    claims: Iterable[Claim], config: EngineConfig, flows: frozenset[str] | None = None
) -> frozenset[Scope]:
    """The scopes of a document's indexed claims (as the engine's index files them);
    ``flows`` is :func:`~claimcheck.engine.index.flow_metrics` of ``config``, if known."""
    if flows is None:
        flows = flow_metrics(config)
    if isinstance(claims, PackedClaims):  # known without unpickling
        return claims.scopes(flows)
    scopes: set[Scope] = set()
    for claim in claims:
        scope = scope_key(claim, flows)
        if scope is not None:
            scopes.add(scope)
    return frozenset(scopes)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Scope, Scope] = {}

    def find(self, scope: Scope) -> Scope:
        parent = self.parent.setdefault(scope, scope)
        while parent != scope:
            grand = self.parent[parent]
            self.parent[scope] = grand
            scope, parent = parent, grand
        return scope

    def union(self, a: Scope, b: Scope) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self.parent[high] = low  # the root is the smallest scope of the component


def group_labels(scopes: Mapping[str, frozenset[Scope]]) -> dict[str, GroupLabel]:
    """``{document id: group label}`` from each document's scopes."""
    sets = _UnionFind()
    for doc_scopes in scopes.values():
        ordered = sorted(doc_scopes)
        for scope in ordered:
            sets.find(scope)
        for other in ordered[1:]:
            sets.union(ordered[0], other)
    labels: dict[str, GroupLabel] = {}
    for document, doc_scopes in scopes.items():
        if doc_scopes:
            labels[document] = "|".join(sets.find(min(doc_scopes)))
        else:
            labels[document] = "#" + document
    return labels


def relation_groups(
    documents: Sequence[tuple[str, Sequence[Claim]]], config: EngineConfig
) -> list[list[int]]:
    """The relation groups of ``documents`` (``(id, claims)`` pairs) as lists of their
    positions, each in input order, groups ordered by their first document."""
    flows = flow_metrics(config)
    labels = group_labels({d: document_scopes(c, config, flows) for d, c in documents})
    groups: dict[GroupLabel, list[int]] = {}
    for position, (document, _) in enumerate(documents):
        groups.setdefault(labels[document], []).append(position)
    return list(groups.values())
