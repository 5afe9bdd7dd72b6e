"""``--engine dask``: extraction and checking on a Dask cluster, with the local findings.

The run, as tasks of a ``distributed`` cluster (an existing one named by
``--scheduler tcp://host:8786``, else a :class:`distributed.LocalCluster`
of ``--jobs`` single-threaded worker processes):

1. **extract** — the loaded documents are cut into partitions (in input
   order, each tagged with its input position) and each partition is
   extracted by one task (:func:`claimcheck.parallel.extract_one`); the
   partitions stay on the workers, and only the claims come back (the
   command writes every output on the client, in order);
2. **key** — each partition reports the scopes of its documents' indexed
   claims (:func:`claimcheck.engine.groups.document_scopes`); the client
   joins them into relation groups (:func:`~claimcheck.engine.groups.group_labels`:
   the shuffle key is a document's group, i.e. the engine's index scope with
   a document's scopes merged) and gives each group a bucket;
3. **shuffle** — each partition splits itself by bucket on its worker;
4. **check** — one task per bucket gathers its pieces from every partition,
   restores input order and runs :func:`claimcheck.engine.runner.check_group`,
   the same function the local engine runs; relation groups without a
   checked document are not shuffled at all when checking ``--against``;
5. **gather** — the results come back and :func:`~claimcheck.engine.runner.report_of`
   sorts them as the local engine does.

Since a bucket is a union of whole relation groups in input order, the
report is identical to the local one. The workers need ``claimcheck`` (and
its rule packs) importable at the same version; the documents travel with
the tasks, so the workers need no access to the input files.
"""

from __future__ import annotations

import importlib
import logging
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from claimcheck.engine.groups import GroupLabel, document_scopes, group_labels
from claimcheck.engine.index import flow_metrics
from claimcheck.engine.runner import Plan, check_group
from claimcheck.findings import Result
from claimcheck.model import Claim, Document
from claimcheck.parallel import CHUNK_BYTES, Outcome, available_cores, extract_one

__all__ = ["DaskEngine", "DaskUnavailableError"]

Part = list[tuple[int, Document, Outcome]]
"""A partition on a worker: ``(input position, document, claims or exception)``."""
Scopes = list[tuple[str, frozenset[tuple[str, ...]]]]


class DaskUnavailableError(RuntimeError):
    """``--engine dask`` without dask installed, or a scheduler that cannot be reached."""


def _extract_partition(part: list[tuple[int, Document]]) -> Part:
    from claimcheck.extract.entities import expect_texts

    expect_texts(len(part))
    return [(position, document, extract_one(document)) for position, document in part]


def _outcomes(part: Part) -> list[Outcome]:
    return [outcome for _, _, outcome in part]


def _scopes(part: Part, plan: Plan) -> Scopes:
    flows = flow_metrics(plan.config)
    return [
        (document.id, document_scopes(outcome, plan.config, flows))
        for _, document, outcome in part
        if not isinstance(outcome, Exception)
    ]


def _split(part: Part, buckets: dict[str, int], count: int) -> list[Part]:
    pieces: list[Part] = [[] for _ in range(count)]
    for position, document, outcome in part:
        bucket = buckets.get(document.id)
        if bucket is not None and not isinstance(outcome, Exception):
            pieces[bucket].append((position, document, outcome))
    return pieces


def _piece(pieces: list[Part], bucket: int) -> Part:
    return pieces[bucket]


def _check_bucket(plan: Plan, pieces: list[Part], primary: frozenset[str] | None) -> list[Result]:
    rows = sorted((row for piece in pieces for row in piece), key=lambda row: row[0])
    group: list[tuple[Document, Sequence[Claim]]] = []
    for _, document, outcome in rows:
        assert not isinstance(outcome, Exception)
        group.append((document, outcome))
    return check_group(plan, group, primary)


def _bucket(label: GroupLabel, count: int) -> int:
    """A stable bucket for a group (the same on every run and machine)."""
    return zlib.crc32(label.encode("utf-8")) % count


def _partitions(documents: Sequence[Document], start: int) -> Iterator[list[tuple[int, Document]]]:
    part: list[tuple[int, Document]] = []
    size = 0
    for offset, document in enumerate(documents):
        part.append((start + offset, document))
        size += len(document.text)
        if size >= 4 * CHUNK_BYTES:
            yield part
            part, size = [], 0
    if part:
        yield part


class DaskEngine:
    """A connection to a Dask cluster that extracts and checks (a context manager)."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            dist: Any = importlib.import_module("distributed")  # untyped: used as Any
        except ImportError:
            raise DaskUnavailableError(
                "--engine dask needs dask: pip install 'claimcheck-numeric[dask]'"
            ) from None
        self._cluster: Any = None
        try:
            if scheduler is None:
                self._cluster = dist.LocalCluster(
                    n_workers=workers or available_cores(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # no fixed port: several runs may share a host
                    host="127.0.0.1",
                    silence_logs=logging.CRITICAL,  # shutdown chatter of the workers
                )
                self.client: Any = dist.Client(self._cluster)
            else:
                self.client = dist.Client(scheduler, timeout="20s")
        except OSError as exc:
            self.close()
            raise DaskUnavailableError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        self._parts: list[Any] = []  # futures of Part
        self._count = 0

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect (and stop the local cluster, if this engine started one)."""
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def extract(self, documents: Sequence[Document]) -> list[tuple[Document, Outcome]]:
        """Extract ``documents`` on the cluster (partitions stay there for :meth:`check`);
        ``(document, claims or exception)`` in input order."""
        parts = [
            self.client.submit(_extract_partition, part, pure=False)
            for part in _partitions(documents, self._count)
        ]
        self._count += len(documents)
        self._parts.extend(parts)
        outcomes = self.client.gather(self.client.map(_outcomes, parts))
        flat = [o for part in outcomes for o in part]
        return list(zip(documents, flat, strict=True))

    def add(self, loaded: Sequence[tuple[Document, Sequence[Claim]]]) -> None:
        """Add documents that come with their claims (e.g. from a claims store)."""
        claims = {d.id: tuple(c) for d, c in loaded}
        for part in _partitions([d for d, _ in loaded], self._count):
            rows: Part = [(p, d, claims[d.id]) for p, d in part]
            self._parts.append(self.client.scatter(rows))
        self._count += len(loaded)

    def check(self, plan: Plan, primary: frozenset[str] | None = None) -> list[Result]:
        """Run ``plan`` over every document extracted or added so far; with ``primary``,
        only the relation groups holding one of those documents, and only results citing
        them (as :func:`claimcheck.engine.check` does with ``against``)."""
        if not self._parts:
            return []
        scopes: dict[str, frozenset[tuple[str, ...]]] = {}
        for part_scopes in self.client.gather(
            self.client.map(_scopes, self._parts, plan=plan, pure=False)
        ):
            scopes.update(part_scopes)
        labels = group_labels(scopes)
        if primary is not None:
            wanted = {labels[d] for d in primary if d in labels}
            labels = {d: label for d, label in labels.items() if label in wanted}
        count = max(1, min(len(set(labels.values())), 4 * self._workers()))
        [buckets] = self.client.scatter(
            [{d: _bucket(label, count) for d, label in labels.items()}], broadcast=True
        )
        splits = [
            self.client.submit(_split, part, buckets, count, pure=False) for part in self._parts
        ]
        checks = [
            self.client.submit(
                _check_bucket,
                plan,
                [self.client.submit(_piece, split, bucket, pure=False) for split in splits],
                primary,
                pure=False,
            )
            for bucket in range(count)
        ]
        return [r for results in self.client.gather(checks) for r in results]

    def _workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))
