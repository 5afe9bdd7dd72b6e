"""Run the selected rules over documents and collect a :class:`~claimcheck.findings.Report`.

:func:`check_group` is the unit of work shared by the local run
(:func:`check_by_group`: one call per relation group that matters) and the
Dask engine (:mod:`claimcheck.dask_engine`, one call per shuffled bucket of
groups). A local run checks one relation group at a time and reduces its
results before the next (:class:`~claimcheck.findings.ReportBuilder`), so it
holds one group's index, context and results at a time, not the whole
corpus's; with ``listed=False`` it keeps only the findings and counts the rest
(for outputs that list findings only: ``jsonl``, ``sarif``, ``github``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from claimcheck.collector import collect_young, paused
from claimcheck.engine.config import EngineConfig, load_config
from claimcheck.engine.context import Context
from claimcheck.engine.groups import relation_groups
from claimcheck.engine.packed import index_claims
from claimcheck.engine.registry import Rule, select_rules
from claimcheck.findings import Report, ReportBuilder, Result, Tally, Verdict
from claimcheck.model import Claim, Document
from claimcheck.reference import ReferenceTable, load_reference
from claimcheck.rulepacks import RulePack

__all__ = [
    "Input",
    "Plan",
    "check",
    "check_by_group",
    "check_group",
    "iter_group",
    "prepare",
    "relevant",
    "report_of",
]

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


@attrs.frozen
class Plan:
    """What a run checks: the pack settings, the selected rules and the reference table
    (small and picklable: the Dask engine sends it to every worker)."""

    config: EngineConfig
    rules: tuple[type[Rule], ...]
    reference: ReferenceTable | None = None

    @classmethod
    def of(
        cls,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        packs: Sequence[RulePack | str | Path] | None = None,
        reference: ReferenceTable | str | Path | Sequence[str | Path] | None = None,
        rules: Sequence[RulePack | str | Path] | None = None,
    ) -> Plan:
        """The plan of :func:`check`'s options."""
        config = load_config([*(packs or ()), *(rules or ())])
        return cls(config, tuple(select_rules(select, ignore)), _reference(reference))

    def codes(self) -> list[str]:
        """The selected rule codes, in run order."""
        return [r.code for r in self.rules]


def iter_group(
    plan: Plan,
    group: Sequence[tuple[Document, Sequence[Claim]]],
    primary: Collection[str] | None = None,
    *,
    listed: bool = True,
    tally: bool = False,
) -> Iterator[Verdict]:
    """The results of the plan's rules over one relation group (or a union of groups,
    see :mod:`claimcheck.engine.groups`), as the rules give them: the group's index
    and context live until the iterator is exhausted or closed.

    With ``primary`` (the ids of the documents being checked), only results
    citing a claim of one of them are kept (and the rules skip relations that
    hold none: :meth:`~claimcheck.engine.context.Context.concerns`). With ``listed``
    false, verified results carry no message or arithmetic (a counting run only
    counts them: :attr:`~claimcheck.engine.context.Context.listed`). With ``tally`` too
    (and no ``primary``), the built-in rules give a :class:`~claimcheck.findings.Tally`
    for a relation that holds instead (for a builder that only counts them).
    """
    documents = {d.id: d for d, _ in group}
    with paused():
        ctx = Context(
            documents,
            # (claims held packed are indexed without unpacking them: the rules ask for few)
            index_claims([cs for _, cs in group], plan.config),
            plan.config,
            plan.reference,
            None if primary is None else frozenset(primary),
            listed=listed,
            tally=tally,
        )
        for rule_class in plan.rules:
            for result in rule_class().run(ctx):
                # (no tally with primary: Context.tally)
                if (
                    primary is None
                    or isinstance(result, Tally)
                    or any(c.document in primary for c in result.claims)
                ):
                    yield result


def check_group(
    plan: Plan,
    group: Sequence[tuple[Document, Sequence[Claim]]],
    primary: Collection[str] | None = None,
) -> list[Result]:
    """Run the plan's rules over one relation group (or a union of groups, see
    :mod:`claimcheck.engine.groups`) in input order: the results of :func:`iter_group`."""
    # (a listed run gives no tally: the test only narrows the type)
    return [r for r in iter_group(plan, group, primary) if not isinstance(r, Tally)]


def check_by_group(
    plan: Plan,
    primary: Sequence[tuple[Document, Sequence[Claim]]],
    against: Sequence[tuple[Document, Sequence[Claim]]] = (),
    *,
    listed: bool = True,
) -> Report:
    """The report of ``primary`` checked with ``against``, one relation group at a time.

    Exactly the report of :func:`check_group` over every document (results sorted and
    de-duplicated by :func:`report_of`): a group's results cite only its claims
    (:mod:`claimcheck.engine.groups`). Groups without a document of ``primary`` are
    skipped when ``against`` is given (they can only give results citing none).
    Each group's index, context, duplicate results and reference cycles are released
    before the next; with ``listed=False`` verified and not-checked results are counted, not kept
    (:class:`~claimcheck.findings.Counted`).
    """
    loaded = [*primary, *against]
    ids = frozenset(d.id for d, _ in primary) if against else None
    builder = ReportBuilder(listed=listed)
    # paused across the groups, not per group: re-enabled between groups, the collector
    # would walk the whole heap (every document and claim) once per group, which grows
    # with the square of the corpus (~10% of a 100k-article check)
    with paused():
        for positions in relation_groups([(d.id, cs) for d, cs in loaded], plan.config):
            group = [loaded[i] for i in positions]
            if ids is None or any(d.id in ids for d, _ in group):
                # (a counting run of every document tallies the relations that hold)
                builder.add(iter_group(plan, group, ids, listed=listed, tally=ids is None))
                # the group's reference cycles (compiled closures and their environments,
                # which hold its claims) would otherwise live until the end of the run
                collect_young()
            del group
        return builder.report(
            documents=[d.id for d, _ in primary],
            claims_count=sum(len(cs) for _, cs in primary),
            rules=plan.codes(),
        )


def relevant(
    loaded: Sequence[tuple[Document, Sequence[Claim]]],
    primary: Collection[str],
    config: EngineConfig,
) -> list[tuple[Document, Sequence[Claim]]]:
    """The documents of the relation groups that hold a document of ``primary`` (the others
    can only give results citing no checked document), in input order."""
    groups = relation_groups([(d.id, cs) for d, cs in loaded], config)
    keep = sorted(p for g in groups if any(loaded[i][0].id in primary for i in g) for p in g)
    return [loaded[i] for i in keep]


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
    dropped (and the relation groups without a checked document are not
    checked at all). ``select``/``ignore`` pick rules by code or prefix;
    ``packs`` adds rule packs (objects, names or TOML paths) over the default
    ones (``rules`` is a synonym, as in ``--rules PACK.toml``); ``reference``
    is a reference table or CSV path(s) for CC701.
    """
    primary = prepare(documents)
    extra = prepare(against)
    plan = Plan.of(select=select, ignore=ignore, packs=packs, reference=reference, rules=rules)
    return check_by_group(plan, primary, extra)


def report_of(
    plan: Plan, primary: Sequence[tuple[Document, Sequence[Claim]]], results: Iterable[Result]
) -> Report:
    """The report of a run: results sorted and de-duplicated."""
    with paused():
        return Report.build(
            results,
            documents=[d.id for d, _ in primary],
            claims_count=sum(len(cs) for _, cs in primary),
            rules=plan.codes(),
        )
