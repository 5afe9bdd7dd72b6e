"""Run the selected rules over documents and collect a :class:`~claimcheck.findings.Report`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from claimcheck.engine.config import load_config
from claimcheck.engine.context import Context
from claimcheck.engine.index import ClaimIndex
from claimcheck.engine.registry import select_rules
from claimcheck.findings import Report, Result
from claimcheck.model import Claim, Document
from claimcheck.reference import ReferenceTable, load_reference
from claimcheck.rulepacks import RulePack

__all__ = ["Input", "check", "prepare"]

Input = Document | tuple[Document, Sequence[Claim]]
"""A loaded document (extracted on the fly) or a document with its claims."""


def prepare(inputs: Iterable[Input]) -> list[tuple[Document, tuple[Claim, ...]]]:
    """Extract documents that come without claims."""
    from claimcheck.extract import extract_document

    out: list[tuple[Document, tuple[Claim, ...]]] = []
    for item in inputs:
        if isinstance(item, Document):
            out.append((item, tuple(extract_document(item))))
        else:
            document, claims = item
            out.append((document, tuple(claims)))
    return out


def _reference(
    reference: ReferenceTable | str | Path | Sequence[str | Path] | None,
) -> ReferenceTable | None:
    if reference is None or isinstance(reference, ReferenceTable):
        return reference
    return load_reference(reference)


def check(
    documents: Iterable[Input],
    *,
    against: Iterable[Input] = (),
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    packs: Sequence[RulePack | str | Path] | None = None,
    reference: ReferenceTable | str | Path | Sequence[str | Path] | None = None,
    rules: Sequence[RulePack | str | Path] | None = None,
) -> Report:
    """Cross-check the claims of ``documents`` (and against ``against``).

    ``documents`` and ``against`` hold :class:`~claimcheck.model.Document`
    objects (extracted with :func:`claimcheck.extract.extract_document`) or
    ``(document, claims)`` pairs. Claims of ``against`` documents take part in
    every relation, but results that cite only ``against`` documents are
    dropped. ``select``/``ignore`` pick rules by code or prefix; ``packs`` adds
    rule packs (objects, names or TOML paths) over the default ones
    (``rules`` is a synonym, as in ``--rules PACK.toml``); ``reference`` is a
    reference table or CSV path(s) for CC701.
    """
    primary = prepare(documents)
    extra = prepare(against)
    primary_ids = {d.id for d, _ in primary}
    all_docs = {d.id: d for d, _ in [*primary, *extra]}
    claims = [c for _, cs in [*primary, *extra] for c in cs]
    config = load_config([*(packs or ()), *(rules or ())])
    selected = select_rules(select, ignore)
    ctx = Context(all_docs, ClaimIndex(claims, config), config, _reference(reference))
    results: list[Result] = []
    for rule_class in selected:
        for result in rule_class().run(ctx):
            if not extra or any(c.document in primary_ids for c in result.claims):
                results.append(result)
    return Report.build(
        results,
        documents=[d.id for d, _ in primary],
        claims_count=sum(len(cs) for _, cs in primary),
        rules=[r.code for r in selected],
    )
