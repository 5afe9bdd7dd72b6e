"""The stored claims ``check --store`` compares new articles with, narrowed to what the rules
can relate to them.

:func:`related_by_scope` is the plain query: every keyed stored claim (a
metric, not a count) sharing the *scope* (sorted parties) of a new claim. No
rule relates claims of different scopes across documents
(:mod:`claimcheck.engine.groups`), so it is exact, but on a pair an archive
covers heavily it returns a large share of the store.

:func:`related_claims` returns a subset of it that gives the very same report.
Two facts make that possible:

* only results citing a claim of a checked document are reported, and the
  rules skip the relations that hold none (``Context.concerns``);
* every rule reads the index by *bucket* — ``(kind, key, period)`` — and
  what it makes of a bucket (its first distinct values, its largest or
  smallest figure, the documents holding every role) depends on the whole
  bucket. So a stored claim is needed when a computation that may cite a new
  claim reads its bucket, and then every stored claim of that bucket is.

The buckets such computations read, rule by rule, for a new (or
``--against``) claim of measure ``M`` (flows of one direction are one
measure), kind ``K`` and period ``P`` in scope ``S`` — the *family* of
``M`` being the trade measures (turnover, both flows, balance) when ``M`` is
one of them, else ``M`` alone:

1. **same period** — every kind of the family in ``P`` (the key's period key,
   a deadline ``by D`` included): CC101/CC102/CC103 (turnover, flows and
   balance of one period), CC202/CC203 (changes of a total and its parts),
   CC401 (same figure; the reverse flow for swapped directions; targets of
   one deadline), CC601 (targets of one deadline), CC201/CC402/CC202 levels
   anchored in a change's sentence (same period).
2. **containing periods** of a level (``M`` only): CC301 compares a part with
   the smallest whole of the containing period, CC302 a period with the one
   made of it and an adjacent one.
3. **contained periods** of a level (``M``): CC301 compares every document's
   largest part with the smallest whole — a new whole is cited only when it
   is that smallest whole (after CC301's scale-slip filter), so they are read
   only then (decided on the loaded bucket of ``P``). CC302 with ``P`` the
   whole: pairs of adjacent periods that make ``P``.
4. **adjacent periods** (CC302, ``M``): the period right after (before) ``P``
   when the period made of both exists in the store, or is itself a new or
   context figure.
5. **compared periods** of a change (CC201 year-on-year, month-on-month,
   quarter-on-quarter, CC502): levels and shares of ``M`` in every period the
   change may compare with.
6. **comparing periods** of a level (CC201): ``P`` itself and the periods
   whose change compares with ``P`` — their changes of ``M``, and, when a
   stored change there exists, their levels of ``M`` and those of every
   period such a change may compare with (a change without a stated basis is
   tried against all of them and the best verdict kept).
7. **records** (CC603): a new record reads every earlier period of the same
   shape (levels of ``M``); a stored record of a later like period cites a
   new level only when that level is the highest of its bucket, and then
   the record and every like period before it are read.
8. **targets** (CC602): a new target said to be met or missed (the pack's
   ``target_met``/``target_missed`` words in its sentence) reads every level
   of ``M`` up to its deadline; a stored target with such words and a
   deadline after ``P`` cites a new level only when that level is the highest
   or lowest of its bucket, and then the target and every level up to its
   deadline are read. CC601: a new target without a deadline reads every
   stored one.
9. **multipliers** (CC501): a new sentence with a verbal multiplier
   ("doubled") reads the year-earlier periods of its levels and shares; a
   stored sentence with one whose level or share is a year after ``P`` may
   cite a new figure: the whole sentence is read, and the year-earlier
   periods of every level and share in it.
10. CC701 compares new claims with the reference table, CC104/CC402 and
    CC501's own-sentence pairs stay within one article: no stored claim.

Claims with unresolved periods are keyed per document and never meet a new
claim; neither do stored claims without a period other than targets (8).
Every condition above is applied as a superset (any unit, flow direction or
kind where a rule looks at fewer), and the decisions that depend on pack
settings (words, multipliers, flow metrics, scale-slip ratio) are taken with
the run's :class:`~claimcheck.engine.config.EngineConfig`, or conservatively
(as if every word were present) without one. ``tests/test_store_related.py``
compares the reports of both queries on many generated articles.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import math
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from claimcheck.collector import paused
from claimcheck.model import Claim, Document, Flow
from claimcheck.store.codec import (
    decode_claim,
    decode_claims,
    decode_documents,
    decode_metadata,
    decode_text,
)

if TYPE_CHECKING:
    import sqlite3

    from claimcheck.engine.config import EngineConfig
    from claimcheck.engine.index import Key
    from claimcheck.engine.intervals import Interval

__all__ = ["indexable", "related_by_scope", "related_claims", "scope_of"]

Loaded = list[tuple[Document, tuple[Claim, ...]]]
Span = tuple[_dt.date, _dt.date]
_Entry = tuple[Claim, int, "Interval"]
"""A claim of a bucket (:func:`_extremes`), its position in the run's input and its
normalised value: a plain tuple, one per stored level of the new figures' periods."""

_SEPARATOR = "|"
_KEYED = "metric IS NOT NULL AND kind != 'count'"
_LEVELS = ("level", "milestone")
_TRADE = frozenset({"flow", "trade_turnover", "trade_balance"})
_BASES = ("yoy", "mom", "qoq")
_DAY = _dt.timedelta(days=1)


def scope_of(claim: Claim) -> str:
    """The engine's grouping scope of a claim: sorted entities and flow countries, ``|``-joined."""
    return _scope(claim.entities, claim.flow)


@functools.lru_cache(maxsize=4096)
def _scope(entities: tuple[str, ...], flow: Flow | None) -> str:
    """:func:`scope_of` by entities and flow (few distinct ones among thousands of claims)."""
    names = set(entities)
    if flow is not None:
        names.update((flow.source, flow.dest))
    return _SEPARATOR.join(sorted(names))


def indexable(claim: Claim) -> bool:
    """Whether the engine files the claim under a key (it has a metric and is not a count)."""
    return claim.metric is not None and claim.kind != "count"


def _chunks(values: Sequence[object], size: int = 500) -> Iterator[list[object]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


# ---------------------------------------------------------------------- scope-wide


def related_by_scope(
    db: sqlite3.Connection, claims: Iterable[Claim], *, exclude: Collection[str] = ()
) -> Loaded:
    """Every keyed stored claim sharing the scope of a keyed claim of ``claims``, grouped by
    document (documents by id, claims in document order; ``exclude``: ids left out)."""
    scopes = sorted({s for c in claims if indexable(c) and (s := scope_of(c))})
    if not scopes:
        return []
    found: dict[int, list[tuple[int, str]]] = {}
    for chunk in _chunks(scopes):
        marks = ",".join("?" * len(chunk))
        for document, number, encoded in db.execute(
            f"SELECT document, number, claim FROM claims WHERE scope IN ({marks}) AND {_KEYED}",
            chunk,
        ):
            found.setdefault(document, []).append((number, encoded))
    return _assemble(db, found, exclude)


def _assemble(
    db: sqlite3.Connection, found: Mapping[int, list[tuple[int, str]]], exclude: Collection[str]
) -> Loaded:
    """Documents (by id, without ``exclude``) with their found claims in document order."""
    if not found:
        return []
    rows = []
    for chunk in _chunks(sorted(found)):
        marks = ",".join("?" * len(chunk))
        rows += db.execute(
            f"SELECT rowid, id, published, metadata, text FROM documents WHERE rowid IN ({marks})",
            chunk,
        ).fetchall()
    rows.sort(key=lambda r: r[1])
    excluded = set(exclude)
    out = []
    for rowid, document_id, published, metadata, text in rows:
        if document_id in excluded:
            continue
        encoded = [e for _, e in sorted(found[rowid])]
        claims_of = decode_claims("[" + ",".join(encoded) + "]", document_id)
        out.append(
            (decode_metadata(document_id, decode_text(text), published, metadata), claims_of)
        )
    return out


# ---------------------------------------------------------------------- narrowed


@attrs.frozen
class _Condition:
    """Stored claims of ``scope`` matching an SQL condition (on the claims table)."""

    scope: str
    sql: str
    params: tuple[object, ...] = ()


def _iso(day: _dt.date) -> str:
    return day.isoformat()


class _Plan:
    """The conditions of the stored claims a run needs, built from the new claims."""

    def __init__(self, config: EngineConfig | None) -> None:
        self.config = config
        self.conditions: list[_Condition] = []  # without a metric filter
        self._measured: dict[tuple[str, str, tuple[object, ...]], set[str]] = {}
        self._multiplies: dict[str, bool] = {}
        self._status_words: tuple[str, ...] | None = None
        if config is None:
            self.flows: frozenset[str] | None = None
        else:
            from claimcheck.engine.index import flow_metrics

            self.flows = flow_metrics(config)

    # -- what a claim is, as the engine's index files it

    def measure(self, claim: Claim) -> str | None:
        """The engine's measure of a keyed claim (``None``: not indexed)."""
        metric = claim.metric
        if metric is None or claim.kind == "count":
            return None
        if self.flows is not None and metric in self.flows:
            return "flow" if claim.flow is not None else None
        return metric

    def metrics(self, measures: Iterable[str], column: str = "metric") -> tuple[str, list[object]]:
        """An SQL filter on ``metric`` for stored claims of ``measures`` (none without the
        pack's flow metrics: every metric then)."""
        if self.flows is None:
            return "1", []
        names: set[str] = set()
        for measure in measures:
            if measure == "flow":
                names.update(self.flows)
            else:
                names.add(measure)
        ordered = sorted(names)
        return f"{column} IN ({','.join('?' * len(ordered))})", list(ordered)

    def add(self, scope: str, sql: str, params: Sequence[object], measures: Iterable[str]) -> None:
        """Stored claims of ``scope`` matching ``sql`` whose metric is of ``measures``."""
        self._measured.setdefault((scope, sql, tuple(params)), set()).update(measures)

    def selected(self) -> list[_Condition]:
        """Every condition added, those of one scope and SQL condition merged into one (the
        union of their measures): a single pass over the index entries they read, as the
        containing periods of a turnover, its flows and its balance are."""
        out = list(self.conditions)
        for (scope, sql, params), measures in self._measured.items():
            metric_sql, metric_params = self.metrics(sorted(measures))
            out.append(_Condition(scope, f"({sql}) AND {metric_sql}", (*params, *metric_params)))
        return out

    def measures(self, metric: str, measure: str) -> bool:
        """Whether a stored claim's ``metric`` passes :meth:`metrics` for ``measure``."""
        if self.flows is None:
            return True
        return ("flow" if metric in self.flows else metric) == measure

    # -- what the rules read

    def words(self, name: str) -> tuple[str, ...] | None:
        """A pack word list (``None`` without a config: any word may be present)."""
        return None if self.config is None else self.config.word_list(name)

    def says_status(self, sentence: str | None) -> bool:
        """Whether a target's sentence may say it was met or missed (CC602)."""
        if self.config is None or sentence is None:
            return True
        from claimcheck.checks._common import find_words

        # one search for both lists: a whole word of either matches a whole word of their
        # union, and the converse
        if self._status_words is None:
            config = self.config
            self._status_words = config.word_list("target_missed") + config.word_list("target_met")
        return bool(find_words(sentence, self._status_words))

    def multiplies(self, sentence: str | None) -> bool:
        """Whether a sentence may hold a verbal multiplier (CC501)."""
        if self.config is None or sentence is None:
            return True
        if not self.config.multipliers:
            return False
        found = self._multiplies.get(sentence)
        if found is None:
            from claimcheck.checks._common import find_words

            words = [w for w, _ in self.config.multipliers]
            found = self._multiplies[sentence] = bool(find_words(sentence, words))
        return found


def _span(claim: Claim) -> Span | None:
    """The resolved interval period the engine files a claim under (not a deadline)."""
    period = claim.period
    if period is None or (period.kind == "deadline" and period.end is not None):
        return None
    if period.start is None or period.end is None:
        return None
    return period.start, period.end


def _deadline(claim: Claim) -> _dt.date | None:
    period = claim.period
    if period is not None and period.kind == "deadline" and period.end is not None:
        return period.end
    return None


def _undated(claim: Claim) -> bool:
    """Whether the engine files the claim under no period (``None`` key)."""
    period = claim.period
    if period is None:
        return True
    if _deadline(claim) is not None or (period.start is not None and period.end is not None):
        return False
    return not " ".join(period.text.lower().split())


def _priors(span: Span) -> list[Span]:
    from claimcheck.checks._common import prior_period

    out = []
    for basis in _BASES:
        prior = prior_period(*span, basis)
        if prior is not None and prior not in out:
            out.append(prior)
    return out


def _comparing(span: Span) -> list[Span]:
    """The periods whose year-on-year, month-on-month or quarter-on-quarter change compares
    with ``span``."""
    from claimcheck.checks._common import months, shift_year

    start, end = span
    candidates = {
        (shift_year(start, 1) + a * _DAY, shift_year(end, 1) + b * _DAY)
        for a in (-1, 0, 1)
        for b in (-1, 0, 1)
    }
    n = months(start, end)
    if n in (1, 3):
        first = end + _DAY
        month = first.month - 1 + n
        year = first.year + month // 12
        last = _dt.date(year, month % 12 + 1, 1) - _DAY
        candidates.add((first, last))
    return sorted(c for c in candidates if c[0] <= c[1] and span in _priors(c))


def _family(measure: str) -> frozenset[str]:
    return _TRADE if measure in _TRADE else frozenset({measure})


def _exact(span: Span) -> tuple[str, list[object]]:
    return "period_start = ? AND period_end = ?", [_iso(span[0]), _iso(span[1])]


def _kinds(kinds: Sequence[str]) -> str:
    return "kind IN (" + ",".join(f"'{k}'" for k in kinds) + ")"


def _plan_claim(plan: _Plan, claim: Claim, text: str | None) -> list[Span]:
    """Add the conditions of one new claim; return the periods of its level or share for
    the stored-sentence check of CC501 (rule 9)."""
    measure = plan.measure(claim)
    if measure is None:
        return []
    scope = scope_of(claim)
    kind = "level" if claim.kind == "milestone" else claim.kind
    sentence = None if text is None else claim.sentence.slice(text)
    deadline = _deadline(claim)
    if deadline is not None:  # 1 (a deadline), 8
        plan.add(scope, "period_end = ?", [_iso(deadline)], _family(measure))
        if kind == "target" and plan.says_status(sentence):
            plan.add(
                scope,
                f"{_kinds(_LEVELS)} AND period_start IS NOT NULL AND period_end <= ?",
                [_iso(deadline)],
                [measure],
            )
        return []
    span = _span(claim)
    if span is None:
        if kind == "target" and _undated(claim):  # 8 (CC601)
            plan.add(
                scope,
                "kind = 'target' AND (period_start IS NULL OR period_end IS NULL)",
                [],
                [measure],
            )
        return []
    start, end = _iso(span[0]), _iso(span[1])
    sql, params = _exact(span)
    plan.add(scope, sql, params, _family(measure))  # 1
    out: list[Span] = []
    if kind == "change":  # 5
        for prior in _priors(span):
            sql, params = _exact(prior)
            plan.add(scope, f"{_kinds((*_LEVELS, 'share'))} AND {sql}", params, [measure])
    if kind in ("level", "share"):
        out.append(span)
        if plan.multiplies(sentence):  # 9, the new sentence
            from claimcheck.checks._common import prior_period

            year_earlier = prior_period(*span, "yoy")
            if year_earlier is not None:
                sql, params = _exact(year_earlier)
                plan.add(scope, f"{_kinds((*_LEVELS, 'share'))} AND {sql}", params, [measure])
    if kind != "level":
        return out
    levels = _kinds(_LEVELS)
    plan.add(  # 2 (by the end: "+" keeps SQLite from scanning every earlier start); P itself
        # is read by 1 (every kind of the family), so its rows are not returned twice
        scope,
        f"{levels} AND +period_start <= ? AND period_end >= ? "
        "AND NOT (period_start = ? AND period_end = ?)",
        [start, end, start, end],
        [measure],
    )
    after, before = _iso(span[1] + _DAY), _iso(span[0] - _DAY)
    # 4: the period right after P whose union with P is stored, and the one right before.
    # The unions listed are only those reaching past P (few), not every stored period
    # starting or ending with P (thousands on a pair the store covers heavily); the second
    # condition of each pair keeps periods ending before they start, if any, as before
    plan.add(
        scope,
        f"{levels} AND period_start = ? AND period_end IN (SELECT u.period_end FROM claims u "
        "WHERE u.scope = ? AND u.period_start = ? AND u.period_end >= ?)",
        [after, scope, start, after],
        [measure],
    )
    plan.add(
        scope,
        f"{levels} AND period_start = ? AND period_end < ? AND period_end IN (SELECT "
        "u.period_end FROM claims u WHERE u.scope = ? AND u.period_start = ?)",
        [after, after, scope, start],
        [measure],
    )
    plan.add(
        scope,
        f"{levels} AND period_end = ? AND period_start IN (SELECT u.period_start FROM claims u "
        "WHERE u.scope = ? AND u.period_end = ? AND u.period_start <= ?)",
        [before, scope, end, before],
        [measure],
    )
    plan.add(
        scope,
        f"{levels} AND period_end = ? AND period_start > ? AND period_start IN (SELECT "
        "u.period_start FROM claims u WHERE u.scope = ? AND u.period_end = ?)",
        [before, before, scope, end],
        [measure],
    )
    # 3 (CC302: pairs of adjacent periods making this one). Both look-ups are driven by
    # the stored periods that end with this one and start later (few: second halves,
    # last quarters), not by those starting with it (every January-to-month figure of
    # the year, thousands on a pair the store covers heavily): the first parts are
    # sought by the day before each second part starts ("+": not by a range)
    plan.add(
        scope,
        f"{levels} AND period_start = ? AND +period_end < ? AND period_end IN (SELECT "
        "date(u.period_start, '-1 day') FROM claims u WHERE u.scope = ? AND u.period_end = ? "
        "AND u.period_start > ?)",
        [start, end, scope, end, start],
        [measure],
    )
    plan.add(  # ... and first parts ending before they start, if any (then u starts by P's)
        scope,
        f"{levels} AND period_start = ? AND period_end < ? AND EXISTS (SELECT 1 FROM claims u "
        "WHERE u.scope = ? AND u.period_end = ? AND u.period_start = date(claims.period_end, "
        "'+1 day'))",
        [start, start, scope, end],
        [measure],
    )
    plan.add(
        scope,
        f"{levels} AND period_end = ? AND period_start > ? AND EXISTS (SELECT 1 FROM claims u "
        "WHERE u.scope = ? AND u.period_start = ? AND u.period_end = date(claims.period_start, "
        "'-1 day'))",
        [end, start, scope, start],
        [measure],
    )
    # 6 (and stored changes of the same period). The changes and levels of P itself are
    # read by 1 (every kind of the family in P): only the other periods are added here
    for later in [span, *_comparing(span)]:
        if later != span:
            sql, params = _exact(later)
            plan.add(scope, f"kind = 'change' AND {sql}", params, [measure])
        metric_sql, metric_params = plan.metrics([measure], "c.metric")
        exists = (
            "EXISTS (SELECT 1 FROM claims c WHERE c.scope = ? AND c.kind = 'change' AND "
            "c.period_start = ? AND c.period_end = ? AND " + metric_sql + ")"
        )
        exists_params = [scope, _iso(later[0]), _iso(later[1]), *metric_params]
        for read in [later, *_priors(later)]:
            if read == span:
                continue
            sql, params = _exact(read)
            plan.add(
                scope, f"{levels} AND {sql} AND {exists}", [*params, *exists_params], [measure]
            )
    if claim.record:  # 7, a new record
        plan.add(
            scope,
            f"{levels} AND period_end < ? AND substr(period_start, 5) = ? "
            "AND substr(period_end, 5) = ?",
            [start, start[4:], end[4:]],
            [measure],
        )
    return out


def _plan_thirds(plan: _Plan, known: Sequence[Claim]) -> None:
    """Rule 4 when the period made of two adjacent ones is itself a new or context figure
    (not in the store): the stored third period of each such CC302 relation."""
    spans: dict[tuple[str, str], set[Span]] = {}
    for claim in known:
        span, measure = _span(claim), plan.measure(claim)
        if span is not None and measure is not None and claim.kind in _LEVELS:
            spans.setdefault((scope_of(claim), measure), set()).add(span)
    for (scope, measure), found in spans.items():
        for part in found:
            for whole in found:
                third = None
                if part[0] == whole[0] and part[1] < whole[1]:  # the first part: the second
                    third = (part[1] + _DAY, whole[1])
                elif part[1] == whole[1] and part[0] > whole[0]:  # the second: the first
                    third = (whole[0], part[0] - _DAY)
                if third is not None:
                    sql, params = _exact(third)
                    plan.add(scope, f"{_kinds(_LEVELS)} AND {sql}", params, [measure])


def _select(db: sqlite3.Connection, conditions: Sequence[_Condition]) -> set[tuple[int, int]]:
    """``(document rowid, number)`` of the keyed stored claims matching any condition."""
    found: set[tuple[int, int]] = set()
    for chunk in _chunks(list(dict.fromkeys(conditions)), 50):
        parts, params = [], []
        for condition in chunk:
            assert isinstance(condition, _Condition)
            parts.append(
                "SELECT document, number FROM claims "
                f"WHERE scope = ? AND {_KEYED} AND ({condition.sql})"
            )
            params += [condition.scope, *condition.params]
        found.update(db.execute(" UNION ALL ".join(parts), params).fetchall())
    return found


class _Texts:
    """Stored documents' ids and texts by rowid, read once."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.ids: dict[int, str] = {}
        self.texts: dict[int, str] = {}
        self.columns: dict[int, tuple[str | None, str]] = {}  # published, metadata

    def read(self, rowids: Iterable[int]) -> None:
        """Read the documents ``rowids`` not read yet."""
        texts = self.texts
        wanted = sorted({r for r in rowids if r not in texts})
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for rowid, document_id, published, metadata, text in self.db.execute(
                "SELECT rowid, id, published, metadata, text FROM documents "
                f"WHERE rowid IN ({marks})",
                chunk,
            ):
                self.ids[rowid] = document_id
                self.columns[rowid] = (published, metadata)
                texts[rowid] = decode_text(text)


def related_claims(
    db: sqlite3.Connection,
    claims: Iterable[Claim],
    *,
    exclude: Collection[str] = (),
    context: Iterable[Claim] = (),
    config: EngineConfig | None = None,
    texts: Mapping[str, str] | None = None,
) -> Loaded:
    """The stored claims of :func:`related_by_scope` that the rules may relate to
    ``claims`` (see the module docstring), grouped the same way.

    ``context``: claims of the ``--against`` documents, compared too (their relations are
    followed as well); ``config``: the run's pack settings (without it, every decision that
    depends on them is taken conservatively); ``texts``: document id -> text of the new and
    context documents (for the words of their sentences; without it, as if present).

    The cyclic garbage collector is paused meanwhile: decoding allocates some fifteen
    acyclic objects per stored claim, and its passes over them (a fifth of the time on a
    pair the store covers heavily) find nothing.
    """
    with paused():
        return _related_claims(
            db, list(claims), exclude=exclude, context=context, config=config, texts=texts
        )


def _related_claims(
    db: sqlite3.Connection,
    claims: Sequence[Claim],
    *,
    exclude: Collection[str],
    context: Iterable[Claim],
    config: EngineConfig | None,
    texts: Mapping[str, str] | None,
) -> Loaded:
    """:func:`related_claims` (with the collector paused)."""
    scopes = {s for c in claims if indexable(c) and (s := scope_of(c))}
    if not scopes:
        return []
    plan = _Plan(config)
    known = [c for c in [*claims, *context] if indexable(c) and scope_of(c) in scopes]
    level_spans: dict[str, set[Span]] = {}
    for claim in known:
        text = None if texts is None else texts.get(claim.document_id)
        for span in _plan_claim(plan, claim, text):
            level_spans.setdefault(scope_of(claim), set()).add(span)
    _plan_thirds(plan, known)
    keys = _select(db, plan.selected())
    reader = _Texts(db)
    reader.read({d for d, _ in keys})
    excluded = set(exclude)
    decoded = _decode(db, keys, reader)
    more = _closure(
        db,
        plan,
        known=known,
        decoded=decoded,
        reader=reader,
        excluded=excluded,
        level_spans=level_spans,
        scopes=sorted(scopes),
    )
    more -= keys
    if more:
        reader.read({d for d, _ in more})
        decoded.update(_decode(db, more, reader))
    found: dict[int, list[tuple[int, Claim]]] = {}
    for (document, number), claim in decoded.items():
        if reader.ids[document] not in excluded:
            found.setdefault(document, []).append((number, claim))
    order = sorted(found, key=lambda d: reader.ids[d])
    bodies = decode_documents([(reader.ids[d], reader.texts[d], *reader.columns[d]) for d in order])
    out = []
    for document, body in zip(order, bodies, strict=True):
        found[document].sort(key=lambda nc: nc[0])
        out.append((body, tuple([c for _, c in found[document]])))
    return out


def _decode(
    db: sqlite3.Connection, keys: Collection[tuple[int, int]], reader: _Texts
) -> dict[tuple[int, int], Claim]:
    """The decoded claims of ``keys`` (only those rows are read)."""
    out: dict[tuple[int, int], Claim] = {}
    ids = reader.ids
    for chunk in _chunks(sorted(keys), 400):
        marks = ",".join(["(?,?)"] * len(chunk))
        params = [value for key in chunk for value in key]  # type: ignore[attr-defined]
        rows = db.execute(  # CROSS JOIN: one primary-key look-up per wanted claim
            f"WITH wanted(d, n) AS (VALUES {marks}) SELECT c.document, c.number, c.claim "
            "FROM wanted CROSS JOIN claims c ON c.document = wanted.d AND c.number = wanted.n",
            params,
        ).fetchall()
        arrays = json.loads("[" + ",".join(r[2] for r in rows) + "]")  # one parse a chunk
        for (document, number, _), array in zip(rows, arrays, strict=True):
            out[(document, number)] = decode_claim(array, ids[document])
    return out


def _closure(
    db: sqlite3.Connection,
    plan: _Plan,
    *,
    known: Sequence[Claim],
    decoded: Mapping[tuple[int, int], Claim],
    reader: _Texts,
    excluded: Collection[str],
    level_spans: Mapping[str, set[Span]],
    scopes: Sequence[str],
) -> set[tuple[int, int]]:
    """The further stored claims that rules 3, 7, 8 (stored targets) and 9 (stored
    sentences) need, decided on the loaded buckets of the new claims' own periods."""
    closure = _Plan(plan.config)
    cited: set[tuple[int, int]] = set()  # the stored targets and records themselves
    saying = _Saying(db, plan, reader, excluded)
    for scope, measure, span, extreme in _extremes(plan, known, decoded, reader, excluded):
        start, end = _iso(span[0]), _iso(span[1])
        levels = _kinds(_LEVELS)
        metric_sql, metric_params = plan.metrics([measure])
        if extreme.highest or extreme.lowest:  # 8, stored targets said met or missed
            latest = None
            for document, number, deadline in saying.of(scope, end, measure):
                cited.add((document, number))
                if latest is None or deadline > latest:
                    latest = deadline
            if latest is not None:
                closure.add(
                    scope,
                    f"{levels} AND period_start IS NOT NULL AND period_end <= ?",
                    [latest],
                    [measure],
                )
        if extreme.highest:  # 7, stored records of later like periods
            latest = None
            records = db.execute(
                f"SELECT document, number, period_start FROM claims WHERE scope = ? AND {_KEYED} "
                f"AND record = 1 AND {levels} AND period_start > ? "
                f"AND substr(period_start, 5) = ? AND substr(period_end, 5) = ? AND {metric_sql}",
                [scope, end, start[4:], end[4:], *metric_params],
            ).fetchall()
            reader.read(r[0] for r in records)
            for document, number, record_start in records:
                if reader.ids[document] in excluded:
                    continue
                cited.add((document, number))
                if latest is None or record_start > latest:
                    latest = record_start
            if latest is not None:
                closure.add(
                    scope,
                    f"{levels} AND period_end < ? AND substr(period_start, 5) = ? "
                    "AND substr(period_end, 5) = ?",
                    [latest, start[4:], end[4:]],
                    [measure],
                )
        if extreme.smallest:  # 3, CC301: every contained period
            closure.add(
                scope,
                f"{levels} AND period_start >= ? AND period_end <= ?",
                [start, end],
                [measure],
            )
    more = cited | _select(db, closure.selected())
    return more | _stored_sentences(
        db, plan, level_spans=level_spans, scopes=scopes, reader=reader, excluded=excluded
    )


class _Saying:
    """Stored targets whose sentence says they were met or missed (rule 8), by scope."""

    def __init__(
        self, db: sqlite3.Connection, plan: _Plan, reader: _Texts, excluded: Collection[str]
    ) -> None:
        self.db, self.plan, self.reader, self.excluded = db, plan, reader, excluded
        self.rows: dict[str, list[tuple[int, int, str, str]]] = {}
        self.status: dict[str | None, bool] = {}

    def of(self, scope: str, end: str, measure: str) -> Iterator[tuple[int, int, str]]:
        """``(document, number, deadline)`` of those of ``measure`` with a deadline from
        ``end`` on."""
        if scope not in self.rows:
            self.rows[scope] = self._read(scope)
        for document, number, metric, deadline in self.rows[scope]:
            if deadline >= end and self.plan.measures(metric, measure):
                yield document, number, deadline

    def _read(self, scope: str) -> list[tuple[int, int, str, str]]:
        """``(document, number, metric, deadline)`` of the scope's stored targets that say so.

        Their distinct sentences are read first (targets repeat few sentences: a
        hot pair's thousands of targets have some fifty), then only the targets of
        those that say so.
        """
        where = f"scope = ? AND {_KEYED} AND kind = 'target' AND period_end IS NOT NULL"
        saying: list[str] = []
        unknown = False  # a target without a stored sentence (as if it said so)
        for (sentence,) in self.db.execute(
            f"SELECT DISTINCT sentence FROM claims WHERE {where}", [scope]
        ):
            if sentence not in self.status:
                self.status[sentence] = self.plan.says_status(sentence)
            if not self.status[sentence]:
                continue
            if sentence is None:
                unknown = True
            else:
                saying.append(sentence)
        kept: list[tuple[int, int, str, str]] = []
        for chunk in _chunks(saying):
            marks = ",".join("?" * len(chunk))
            kept += self.db.execute(
                f"SELECT document, number, metric, period_end FROM claims "
                f"WHERE {where} AND sentence IN ({marks})",
                [scope, *chunk],
            )
        if unknown:
            kept += self.db.execute(
                f"SELECT document, number, metric, period_end FROM claims "
                f"WHERE {where} AND sentence IS NULL",
                [scope],
            )
        self.reader.read(r[0] for r in kept)
        return [r for r in kept if self.reader.ids[r[0]] not in self.excluded]


@attrs.frozen
class _Extreme:
    highest: bool
    lowest: bool
    smallest: bool


def _extremes(
    plan: _Plan,
    known: Sequence[Claim],
    decoded: Mapping[tuple[int, int], Claim],
    reader: _Texts,
    excluded: Collection[str],
) -> Iterator[tuple[str, str, Span, _Extreme]]:
    """For each new level with a resolved period: whether it is the highest or lowest figure
    of its bucket (CC602, CC603) or the smallest after CC301's scale-slip filter."""
    wanted: dict[str, set[Span]] = {}
    for claim in known:
        span = _span(claim)
        if span is not None and claim.kind in _LEVELS and plan.measure(claim) is not None:
            wanted.setdefault(scope_of(claim), set()).add(span)
    if not wanted:
        return
    config = plan.config
    if config is None:  # no pack settings: every new level may be any of them
        for claim in known:
            span = _span(claim)
            measure = plan.measure(claim)
            if span is not None and claim.kind in _LEVELS and measure is not None:
                yield scope_of(claim), measure, span, _Extreme(True, True, True)
        return
    from claimcheck.engine.index import normalise

    flows = plan.flows
    assert flows is not None
    ids = reader.ids
    # the buckets of the engine's index: (level, key, period), in input order (new first,
    # then stored documents by id and their claims by number)
    filed = [
        (order, claim, span)
        for order, claim in enumerate(known)
        if claim.kind in _LEVELS
        and (span := _span(claim)) is not None
        and span in wanted.get(scope_of(claim), ())
    ]
    spans = set().union(*wanted.values())  # a quick test before the scope's
    stored = []
    for (document, number), claim in decoded.items():
        if claim.kind not in _LEVELS:
            continue
        span = _span(claim)
        if span is None or span not in spans or span not in wanted.get(scope_of(claim), ()):
            continue
        document_id = ids[document]
        if document_id not in excluded:
            stored.append((document_id, number, claim, span))
    stored.sort(key=lambda row: (row[0], row[1]))
    filed += [(order, row[2], row[3]) for order, row in enumerate(stored, len(known))]
    # buckets by every field of the key (compared in C: equal keys are distinct Key objects,
    # whose __eq__ is Python); test_store_related checks that these are all of Key's fields
    buckets: dict[tuple[object, ...], tuple[Key, Span, list[_Entry]]] = {}
    for order, claim, span in filed:
        normal = normalise(claim, flows)
        if normal is not None:
            key = normal[0]
            ident = (key.measure, key.scope, key.flow, key.unit, span)
            found = buckets.get(ident)
            if found is None:
                found = buckets[ident] = (key, span, [])
            found[2].append((claim, order, normal[1]))
    own = {id(c) for c in known}
    threshold = config.tolerance_for("CC301").scale_slip_ratio
    for key, span, bucket in buckets.values():
        if not any(id(entry[0]) in own for entry in bucket):
            continue  # a bucket of stored figures only
        lowest_entry = min(bucket, key=lambda e: (e[2].hi, e[1]))
        highest_entry = max(bucket, key=lambda e: (e[2].lo, -e[1]))
        filtered, smallest_entry = _smallest(key, span, bucket, threshold)
        if not filtered:
            smallest_entry = lowest_entry
        for entry in bucket:
            if id(entry[0]) not in own:
                continue
            highest, lowest = entry is highest_entry, entry is lowest_entry
            smallest = entry is smallest_entry
            if highest or lowest or smallest:
                measure = plan.measure(entry[0])
                assert measure is not None
                yield scope_of(entry[0]), measure, span, _Extreme(highest, lowest, smallest)


def _smallest(
    key: Key, span: Span, bucket: list[_Entry], threshold: float
) -> tuple[bool, _Entry | None]:
    """CC301's smallest whole of a bucket after its scale-slip filter: ``(False, None)``
    when the filter leaves every figure (the smallest is then the lowest), else ``(True,
    the smallest or None when every figure is filtered out)``."""
    if threshold <= 0 or len(bucket) < 2:
        return False, None
    for sign in (1.0, -1.0):
        sizes = [sign * e[2].mid for e in bucket if sign * e[2].mid > 0]
        if sizes and not (math.isfinite(max(sizes)) and max(sizes) / min(sizes) < threshold):
            break
    else:
        return False, None  # no two figures a scale slip apart
    from claimcheck.checks.cc301_subperiod import _unslipped
    from claimcheck.engine.index import Item

    period = (_iso(span[0]), _iso(span[1]))
    items = [Item(e[0], e[1], key, "level", period, *span, e[2]) for e in bucket]
    pool = _unslipped(items, threshold)
    if not pool:
        return True, None
    chosen = min(pool, key=lambda i: (i.value.hi, i.order))
    return True, next(e for e in bucket if e[0] is chosen.claim)


def _stored_sentences(
    db: sqlite3.Connection,
    plan: _Plan,
    *,
    level_spans: Mapping[str, set[Span]],
    scopes: Sequence[str],
    reader: _Texts,
    excluded: Collection[str],
) -> set[tuple[int, int]]:
    """Rule 9: stored sentences with a verbal multiplier and a level or share a year after a
    new one's period: all their claims, and the year-earlier periods of their levels and
    shares."""
    from claimcheck.checks._common import prior_period

    if plan.config is not None and not plan.config.multipliers:
        return set()
    sentences: set[tuple[int, int, int]] = set()
    for scope, spans in level_spans.items():
        for span in spans:
            for later in _comparing(span):
                if prior_period(*later, "yoy") != span:
                    continue
                sql, params = _exact(later)
                rows = db.execute(
                    "SELECT document, sentence_start, sentence_end FROM claims "
                    f"WHERE scope = ? AND {_KEYED} AND {_kinds((*_LEVELS, 'share'))} AND {sql}",
                    [scope, *params],
                ).fetchall()
                reader.read(r[0] for r in rows)
                for document, first, last in rows:
                    if reader.ids[document] in excluded:
                        continue
                    text = reader.texts[document]
                    if plan.multiplies(None if first is None else text[first:last]):
                        sentences.add((document, first, last))
    out: set[tuple[int, int]] = set()
    follow = _Plan(plan.config)
    marks = ",".join("?" * len(scopes))
    for document, first, last in sorted(sentences):
        for number, scope, kind, start, end in db.execute(
            "SELECT number, scope, kind, period_start, period_end FROM claims "
            f"WHERE document = ? AND sentence_start IS ? AND sentence_end IS ? "
            f"AND scope IN ({marks}) AND {_KEYED}",
            [document, first, last, *scopes],
        ):
            out.add((document, number))
            if kind in (*_LEVELS, "share") and start is not None and end is not None:
                prior = prior_period(
                    _dt.date.fromisoformat(start), _dt.date.fromisoformat(end), "yoy"
                )
                if prior is not None:
                    sql, params = _exact(prior)
                    follow.conditions.append(
                        _Condition(scope, f"{_kinds((*_LEVELS, 'share'))} AND {sql}", tuple(params))
                    )
    return out | _select(db, follow.selected())
