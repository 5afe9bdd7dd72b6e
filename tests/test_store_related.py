"""The narrowed ``check --store`` query gives exactly the report of the scope-wide one.

:meth:`ClaimStore.related` reads only the stored claims the rules can relate
to the new ones (:mod:`claimcheck.store.related`); :meth:`ClaimStore.related_by_scope`
reads every stored claim of their scopes. Both are checked here against a
generated archive on a heavily covered pair, an ordinary pair and others, for
generated new articles with growth rates (year on year, month on month,
quarter on quarter), records, targets with and without deadlines said to be
met or missed, verbal multipliers, shares, balances, sub-periods (January-June,
first half, quarters, months) and multi-year figures: the JSON and text reports
must be byte-identical. Also: with ``--against`` context, without pack
settings (the conservative path), and the schema migration from version 1.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.engine import check
from claimcheck.engine.config import EngineConfig, load_config
from claimcheck.extract import extract_document
from claimcheck.model import Claim, Document
from claimcheck.report.check_writers import check_writer
from claimcheck.store import SCHEMA_VERSION, ClaimStore, StoreError, index_documents
from claimcheck.store.schema import MIGRATIONS

HOT = ("China", "Russia")
ORDINARY = ("Brazil", "Chile")
OTHERS = [("India", "Vietnam"), ("Turkey", "Egypt"), ("Japan", "Kenya")]
YEARS = range(2016, 2025)
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
QUARTERS = ["first", "second", "third", "fourth"]

Loaded = list[tuple[Document, tuple[Claim, ...]]]


def _period(rng: random.Random) -> tuple[str, float]:
    """A period phrase and the share of a year it covers."""
    year = rng.choice(YEARS)
    shape = rng.choice(["year"] * 4 + ["ytd", "half", "h1", "quarter", "month", "years"])
    if shape == "year":
        return f"in {year}", 1.0
    if shape == "ytd":
        months = rng.choice([3, 6, 9, 10, 11])
        return f"in January-{MONTHS[months - 1]} {year}", months / 12
    if shape == "half":
        return f"in the {rng.choice(['first', 'second'])} half of {year}", 0.5
    if shape == "h1":
        return f"in H1 {year}", 0.5
    if shape == "quarter":
        return f"in the {rng.choice(QUARTERS)} quarter of {year}", 0.25
    if shape == "month":
        return f"in {rng.choice(MONTHS)} {year}", 1 / 12
    return f"in {year - 2}-{year}", 3.0


def _money(value: float) -> str:
    return f"${value:.2f} bln" if value >= 1 else f"${value * 1000:.1f} mln"


def _sentences(rng: random.Random, a: str, b: str) -> Iterator[str]:
    """Sentences about the pair ``a``-``b`` (figures near one "true" size, so that articles
    interlock and disagree now and then)."""
    base = {HOT: 180.0, ORDINARY: 12.0}.get(tuple(sorted((a, b))), 40.0)  # type: ignore[arg-type]
    for _ in range(rng.randint(2, 6)):
        when, part = _period(rng)
        total = base * part * rng.choice([1.0, 1.0, 1.0, 0.97, 1.04, 1.5, 0.001])
        share = rng.uniform(0.3, 0.7)
        exports, imports = total * share, total * (1 - share)
        growth = rng.choice([-8.5, -3.2, 0.4, 4.1, 11.2, 26.3])
        basis = rng.choice(["year on year", "year on year", "month on month", "quarter on quarter"])
        deadline = rng.choice(YEARS) + rng.choice([0, 1, 3, 6])
        pick = rng.randrange(14)
        if pick == 0:
            yield (
                f"Trade between {a} and {b} reached {_money(total)} {when}, up {abs(growth)}% "
                f"{basis}."
            )
        elif pick == 1:
            yield (
                f"{a}'s exports to {b} amounted to {_money(exports)} {when}, while imports from "
                f"{b} were {_money(imports)}."
            )
        elif pick == 2:
            side = "surplus" if exports >= imports else "deficit"
            yield f"{a} ran a trade {side} of {_money(abs(exports - imports))} with {b} {when}."
        elif pick == 3:
            yield f"Trade between {a} and {b} hit a record {_money(total)} {when}."
        elif pick == 4:
            yield f"The two countries aim to raise trade to ${round(base * 2)} bln by {deadline}."
        elif pick == 5:
            verb = rng.choice(["was met", "was reached", "was missed"])
            yield f"The target of ${round(base * 1.2)} bln set for {deadline} {verb}."
        elif pick == 6:
            yield f"Both sides want to lift trade to ${round(base * rng.choice([2, 3]))} bln."
        elif pick == 7:
            yield f"Trade between {a} and {b} doubled to {_money(total)} {when}."
        elif pick == 8:
            yield f"{a} accounted for {share * 30:.1f}% of {b}'s imports {when}."
        elif pick == 9:
            direction = "fell" if growth < 0 else "rose"
            yield (
                f"Trade between {a} and {b} {direction} {abs(growth)}% {basis} to "
                f"{_money(total)} {when}."
            )
        elif pick == 10:
            yield f"{a}'s exports to {b} rose {abs(growth)}% {when}."
        elif pick == 11:
            goal = f"${round(base)} bln"
            yield f"Imports from {b} fell short of the goal of {goal} set for {deadline}."
        elif pick == 12:
            yield f"Trade between {a} and {b} tripled to {_money(total)} {when}."
        else:
            yield f"Trade between {a} and {b} was {_money(total)} {when}."


def article(seed: int, pair: tuple[str, str], ident: str) -> Document:
    """A generated article about ``pair``."""
    rng = random.Random(seed)
    a, b = rng.sample(pair, 2)
    text = " ".join(_sentences(rng, a, b)) + "\n"
    published = dt.date(rng.choice(YEARS) + 1, rng.randint(1, 12), rng.randint(1, 28))
    return Document(id=ident, text=text, published=published if rng.random() < 0.8 else None)


def _archive() -> list[Document]:
    rng = random.Random(7)
    out = []
    for number in range(260):
        roll = rng.random()
        pair = HOT if roll < 0.6 else ORDINARY if roll < 0.8 else rng.choice(OTHERS)
        out.append(article(rng.randrange(10**9), pair, f"s{number:04d}"))
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimStore]:
    path = tmp_path_factory.mktemp("related") / "claims.db"
    with ClaimStore.open(path, create=True) as writer:
        index_documents(writer, _archive())
    with ClaimStore.open(path) as reader:
        yield reader


def _render(report_of: Loaded, against: Loaded, stored: Loaded) -> str:
    report = check(report_of, against=[*against, *stored])
    documents = {d.id: d for d, _ in [*report_of, *against, *stored]}
    out = []
    for fmt in ("json", "text"):
        stream = io.StringIO()
        check_writer(fmt)(report, documents, stream, verbose=True, color=False, inputs=())
        out.append(stream.getvalue())
    return "\n".join(out)


def _same_report(
    store: ClaimStore,
    primary: Sequence[Document],
    against: Sequence[Document] = (),
    *,
    config: EngineConfig | None,
    texts: bool = True,
) -> tuple[int, int]:
    """Assert both queries give the same report; return how many stored claims each read."""
    new: Loaded = [(d, tuple(extract_document(d))) for d in primary]
    context: Loaded = [(d, tuple(extract_document(d))) for d in against]
    exclude = {d.id for d, _ in [*new, *context]}
    claims = [c for _, cs in new for c in cs]
    wide = store.related_by_scope(claims, exclude=exclude)
    narrow = store.related(
        claims,
        exclude=exclude,
        context=[c for _, cs in context for c in cs],
        config=config,
        texts={d.id: d.text for d, _ in [*new, *context]} if texts else None,
    )
    wide_claims = {(d.id, c) for d, cs in wide for c in cs}
    assert {(d.id, c) for d, cs in narrow for c in cs} <= wide_claims
    assert [d.id for d, _ in narrow] == sorted(d.id for d, _ in narrow)
    assert _render(new, context, narrow) == _render(new, context, wide)
    return sum(len(cs) for _, cs in narrow), len(wide_claims)


PAIRS = st.sampled_from([HOT, HOT, ORDINARY, OTHERS[0]])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), pair=PAIRS)
def test_narrowed_report_is_the_scope_wide_one(
    store: ClaimStore, seed: int, pair: tuple[str, str]
) -> None:
    _same_report(store, [article(seed, pair, "new")], config=load_config())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), pair=PAIRS, other=PAIRS)
def test_narrowed_report_with_against_context(
    store: ClaimStore, seed: int, pair: tuple[str, str], other: tuple[str, str]
) -> None:
    primary = [article(seed, pair, "new")]
    against = [article(seed + 1, other, "context"), article(seed + 2, pair, "context2")]
    _same_report(store, primary, against, config=load_config())


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), pair=PAIRS)
def test_conservative_without_pack_settings_or_texts(
    store: ClaimStore, seed: int, pair: tuple[str, str]
) -> None:
    _same_report(store, [article(seed, pair, "new")], config=None, texts=False)


def test_stored_copy_of_a_new_article_is_left_out_and_the_query_narrows(
    store: ClaimStore,
) -> None:
    stored = _archive()[0]  # an article of the archive checked again under its own id
    read, whole = _same_report(store, [stored], config=load_config())
    assert read < whole  # the point of the narrowing: fewer claims than the scope holds


def test_fixed_articles_on_each_pair(store: ClaimStore) -> None:
    for pair in (HOT, ORDINARY, OTHERS[1]):
        for seed in range(6):
            _same_report(store, [article(seed, pair, f"fixed-{seed}")], config=load_config())


def test_period_sum_across_new_stored_and_context_figures(tmp_path: Path) -> None:
    """CC302 with the first half new, the second half stored and the year in ``--against``:
    the stored half is read although the store holds no figure for the whole year."""
    texts = [
        "Trade between China and Russia reached $100.00 bln in the second half of 2023.",
        "Trade between China and Russia reached $95.00 bln in the first half of 2022.",
        "Trade between China and Russia reached $88.00 bln in the second half of 2021.",
    ]
    path = tmp_path / "claims.db"
    with ClaimStore.open(path, create=True) as writer:
        index_documents(writer, [Document(id=f"s{n}", text=t) for n, t in enumerate(texts)])
    new = Document(id="new", text="Trade between China and Russia was $90.00 bln in H1 2023.")
    year = Document(id="year", text="Trade between China and Russia was $150.00 bln in 2023.")
    with ClaimStore.open(path) as store:
        read, _ = _same_report(store, [new], [year], config=load_config())
        assert read == 1  # the second half of 2023 only
        context = extract_document(year)
        stored = store.related(extract_document(new), context=context, config=load_config())
    report = check([new], against=[year, *stored])
    (finding,) = [f for f in report.findings if f.code == "CC302"]
    assert {c.document for c in finding.claims} == {"new", "year", "s0"}


def _v1_copy(source: Path, target: Path) -> None:
    """``source`` (a current store) rewritten as a schema version 1 store."""
    connection = sqlite3.connect(target, isolation_level=None)
    for statement in MIGRATIONS[0]:
        assert isinstance(statement, str)
        connection.execute(statement)
    connection.execute("ATTACH DATABASE ? AS new", (str(source),))
    connection.execute("INSERT INTO documents SELECT * FROM new.documents")
    connection.execute(
        "INSERT INTO claims SELECT document, number, metric, entities, scope, flow_from, "
        "flow_to, period_start, period_end, unit, kind, claim FROM new.claims"
    )
    connection.execute("DETACH DATABASE new")
    connection.execute("PRAGMA user_version = 1")
    connection.close()


def test_version_1_store_is_migrated_and_gives_the_same_report(
    store: ClaimStore, tmp_path: Path
) -> None:
    old = tmp_path / "v1.db"
    _v1_copy(Path(store.path), old)
    with pytest.raises(StoreError, match="older than"):
        ClaimStore.open(old)
    with ClaimStore.open(old, create=True):
        pass
    columns = "document, number, record, sentence_start, sentence_end"
    with ClaimStore.open(old) as migrated:
        assert migrated.stats().schema_version == SCHEMA_VERSION == 2
        query = f"SELECT {columns} FROM claims ORDER BY document, number"
        assert migrated.connection.execute(query).fetchall() == (
            store.connection.execute(query).fetchall()
        )
        assert store.connection.execute("SELECT count(*) FROM claims WHERE record = 1").fetchone()[
            0
        ]
        for seed in range(4):
            _same_report(migrated, [article(seed, HOT, "new")], config=load_config())


def test_conditions_differing_only_by_measure_are_one_index_pass() -> None:
    from claimcheck.store.related import _Plan

    plan = _Plan(load_config())
    plan.add("China|Russia", "period_end >= ?", ["2023-12-31"], ["trade_turnover"])
    plan.add("China|Russia", "period_end >= ?", ["2023-12-31"], ["flow", "trade_balance"])
    plan.add("China|Russia", "period_end >= ?", ["2024-12-31"], ["trade_turnover"])
    plan.add("Brazil|Chile", "period_end >= ?", ["2023-12-31"], ["trade_turnover"])
    selected = plan.selected()
    assert len(selected) == 3
    (merged,) = [c for c in selected if c.scope == "China|Russia" and "2023-12-31" in c.params]
    assert {"trade_turnover", "trade_balance", "exports", "imports"} <= set(merged.params)


def test_stored_targets_said_missed_are_read_by_sentence(tmp_path: Path) -> None:
    """Rule 8 reads the distinct stored target sentences first, then the targets of those
    that say they were met or missed: one said missed is read (CC602 cites the new level,
    the highest of its bucket), those of the same sentence too, the others not; a target
    whose stored sentence is missing is read as if it said so."""
    said = "China and Russia set a target of raising trade to $250.00 bln by 2024, but the "
    texts = [
        said + "target was missed.",
        said + "target was missed.",  # the same sentence in another article
        "China and Russia set a target of raising trade to $300.00 bln by 2025.",
        "China and Russia set a target of raising trade to $320.00 bln by 2026.",
        "Trade between China and Russia reached $240.00 bln in 2024.",
    ]
    path = tmp_path / "claims.db"
    with ClaimStore.open(path, create=True) as writer:
        index_documents(writer, [Document(id=f"s{n}", text=t) for n, t in enumerate(texts)])
    new = Document(id="new", text="Trade between China and Russia reached $260.00 bln in 2023.")
    claims = extract_document(new)
    with ClaimStore.open(path) as store:
        _same_report(store, [new], config=load_config())
        related = store.related(claims, config=load_config(), texts={"new": new.text})
        assert {d.id for d, _ in related} == {"s0", "s1", "s4"}
    report = check([new], against=[*related])
    cited = sorted(sorted({c.document for c in f.claims}) for f in report.findings)
    assert cited == [["new", "s0"], ["new", "s1"]]  # CC602: said missed, but reached
    with ClaimStore.open(path, create=True) as writer:  # s3's sentence no longer stored
        writer.connection.execute(
            "UPDATE claims SET sentence = NULL WHERE kind = 'target' AND document = "
            "(SELECT rowid FROM documents WHERE id = 's3')"
        )
    with ClaimStore.open(path) as store:
        _same_report(store, [new], config=load_config())
        related = store.related(claims, config=load_config(), texts={"new": new.text})
        assert {d.id for d, _ in related} == {"s0", "s1", "s3", "s4"}


def test_extremes_bucket_by_every_field_of_the_key() -> None:
    """``related._extremes`` files the buckets by ``(measure, scope, flow, unit)``, the
    fields of :class:`~claimcheck.engine.index.Key` (a field added there must be added
    there too)."""
    from claimcheck.engine.index import Key

    assert Key.__match_args__ == ("measure", "scope", "flow", "unit")
