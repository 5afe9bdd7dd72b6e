"""Score an extractor against the project's hand-made fixtures.

Each fixture is an article ``fixtures/NNN_slug.md`` (front matter between
``---`` lines, then the body) with gold in ``fixtures/NNN_slug.expected.json``
(format: ``docs/fixtures.md``). Gold spans are offsets into the body *as
loaded*: the text that starts right after the newline ending the second
``---`` line.

Matching: a predicted claim matches a gold claim when their spans overlap and
their values agree within ``1e-9 * max(1, |gold|)``. Signs are not required
to agree for the match (the quantity's printed value is unsigned; the sign of
a change or a deficit lives on the claim) but are scored as the ``sign``
field. Each gold claim matches at most one prediction and vice versa. Value
F1 is computed over these matches; value+unit F1 additionally requires equal
units. Over the value matches, the accuracy of ``metric``, ``period`` (start
and end equal), ``flow``, ``entities``, ``kind``, ``qualifier``, ``basis``,
``record`` and ``sign`` is reported. Predicted claims whose span overlaps a
gold ``not_quantities`` occurrence (outside every gold span) are counted as
non-quantity false positives.

Run ``python -m claimcheck.evaluate.fixtures [DIR] [-v]``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.model import Claim, Document

__all__ = [
    "FIELDS",
    "Extractor",
    "FixtureResult",
    "FixtureScores",
    "GoldClaim",
    "GoldDocument",
    "Mismatch",
    "default_fixtures_dir",
    "evaluate_fixtures",
    "format_table",
    "load_fixture_document",
    "load_gold",
    "main",
    "score_document",
    "split_front_matter",
]

Extractor = Callable[[Document], Sequence[Claim]]
"""Anything that turns a loaded document into claims."""

FIELDS: tuple[str, ...] = (
    "metric",
    "period",
    "flow",
    "entities",
    "kind",
    "qualifier",
    "basis",
    "record",
    "sign",
)
"""Claim fields scored over value-matched pairs, in report order."""

_REL_TOL = 1e-9


def default_fixtures_dir() -> Path:
    """The repository's ``fixtures/`` folder (next to the package)."""
    return Path(__file__).resolve().parents[2] / "fixtures"


# --------------------------------------------------------------------------- loading


def split_front_matter(content: str) -> tuple[dict[str, str], str]:
    """Split ``---`` front matter off ``content``.

    Returns ``(fields, body)``; ``body`` starts right after the newline that
    ends the closing ``---`` line. Without front matter the whole content is
    the body.
    """
    lines = content.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return {}, content
    fields: dict[str, str] = {}
    offset = len(lines[0])
    for line in lines[1:]:
        offset += len(line)
        stripped = line.rstrip("\r\n")
        if stripped == "---":
            return fields, content[offset:]
        key, sep, value = stripped.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return {}, content  # no closing line: not front matter


def load_fixture_document(path: Path) -> Document:
    """Load one fixture article as a :class:`Document` (id = file stem)."""
    fields, body = split_front_matter(path.read_text(encoding="utf-8"))
    published: _dt.date | None = None
    if fields.get("published"):
        published = _dt.date.fromisoformat(fields["published"])
    return Document(
        id=path.stem,
        text=body,
        path=str(path),
        published=published,
        published_from="front_matter" if published is not None else None,
        source=fields.get("source") or None,
        url=fields.get("url") or None,
        title=fields.get("title") or None,
    )


@dataclass(frozen=True)
class GoldClaim:
    """One hand-annotated claim."""

    index: int
    text: str
    start: int
    end: int
    value: float
    unit: str
    noun: str | None
    kind: str
    metric: str | None
    entities: tuple[str, ...]
    flow: tuple[str, str] | None
    period: tuple[str | None, str | None] | None
    period_kind: str | None
    qualifier: str | None
    basis: str | None
    record: bool


@dataclass(frozen=True)
class GoldDocument:
    """The gold of one fixture."""

    name: str
    document: str
    published: _dt.date | None
    claims: tuple[GoldClaim, ...]
    not_quantities: tuple[str, ...]
    inconsistencies: tuple[dict[str, Any], ...]


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _gold_claim(index: int, raw: dict[str, Any]) -> GoldClaim:
    flow_raw = raw.get("flow")
    flow = None if flow_raw is None else (str(flow_raw["from"]), str(flow_raw["to"]))
    period_raw = raw.get("period")
    period: tuple[str | None, str | None] | None = None
    period_kind: str | None = None
    if period_raw is not None:
        period = (_opt_str(period_raw.get("start")), _opt_str(period_raw.get("end")))
        period_kind = _opt_str(period_raw.get("kind", "interval"))
    start, end = (int(x) for x in raw["span"])
    return GoldClaim(
        index=index,
        text=str(raw["text"]),
        start=start,
        end=end,
        value=float(raw["value"]),
        unit=str(raw["unit"]),
        noun=_opt_str(raw.get("noun")),
        kind=str(raw["kind"]),
        metric=_opt_str(raw.get("metric")),
        entities=tuple(sorted(str(e) for e in raw.get("entities", ()))),
        flow=flow,
        period=period,
        period_kind=period_kind,
        qualifier=_opt_str(raw.get("qualifier")),
        basis=_opt_str(raw.get("basis")),
        record=bool(raw.get("record", False)),
    )


def load_gold(path: Path) -> GoldDocument:
    """Load ``NNN_slug.expected.json``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    published = raw.get("published")
    return GoldDocument(
        name=path.name.removesuffix(".expected.json"),
        document=str(raw["document"]),
        published=None if published is None else _dt.date.fromisoformat(published),
        claims=tuple(_gold_claim(i, c) for i, c in enumerate(raw["claims"])),
        not_quantities=tuple(str(s) for s in raw.get("not_quantities", ())),
        inconsistencies=tuple(raw.get("inconsistencies", ())),
    )


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Mismatch:
    """One difference between prediction and gold, for ``-v`` listings."""

    fixture: str
    what: str  # "missed", "spurious", "non_quantity", "unit" or a field name
    text: str
    span: tuple[int, int]
    expected: str = ""
    got: str = ""


@dataclass
class FixtureResult:
    """Counts for one fixture."""

    name: str
    gold: int = 0
    predicted: int = 0
    value_matches: int = 0
    value_unit_matches: int = 0
    non_quantity_fp: int = 0
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    mismatches: list[Mismatch] = field(default_factory=list)


def _f1(matches: int, gold: int, predicted: int) -> tuple[float, float, float]:
    precision = matches / predicted if predicted else (1.0 if not gold else 0.0)
    recall = matches / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class FixtureScores:
    """Per-fixture results and their totals."""

    results: list[FixtureResult] = field(default_factory=list)

    @property
    def gold(self) -> int:
        return sum(r.gold for r in self.results)

    @property
    def predicted(self) -> int:
        return sum(r.predicted for r in self.results)

    @property
    def value_matches(self) -> int:
        return sum(r.value_matches for r in self.results)

    @property
    def value_unit_matches(self) -> int:
        return sum(r.value_unit_matches for r in self.results)

    @property
    def non_quantity_fp(self) -> int:
        return sum(r.non_quantity_fp for r in self.results)

    @property
    def value_prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of value matching over all fixtures."""
        return _f1(self.value_matches, self.gold, self.predicted)

    @property
    def value_f1(self) -> float:
        return self.value_prf[2]

    @property
    def value_unit_prf(self) -> tuple[float, float, float]:
        return _f1(self.value_unit_matches, self.gold, self.predicted)

    @property
    def value_unit_f1(self) -> float:
        return self.value_unit_prf[2]

    def accuracy(self, name: str) -> float:
        """Share of value-matched pairs whose field ``name`` is correct."""
        if name not in FIELDS:
            raise KeyError(name)
        matched = self.value_matches
        if not matched:
            return 0.0
        return sum(r.field_correct[name] for r in self.results) / matched

    @property
    def mismatches(self) -> list[Mismatch]:
        return [m for r in self.results for m in r.mismatches]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _REL_TOL * max(1.0, abs(b))


def _value_matches(pred: Claim, gold: GoldClaim) -> bool:
    target = abs(gold.value)
    return any(_close(abs(v), target) for v in (pred.value, pred.quantity.value))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _span(pred: Claim) -> tuple[int, int]:
    return (pred.span.start, pred.span.end)


def _match(
    golds: Sequence[GoldClaim], preds: Sequence[Claim], *, need_unit: bool
) -> dict[int, int]:
    """Greedy one-to-one matching, gold index -> prediction index."""
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for g in golds:
        best: tuple[int, int] | None = None  # (overlap, pred index)
        for j, p in enumerate(preds):
            if j in taken:
                continue
            ov = _overlap((g.start, g.end), _span(p))
            if ov <= 0 or not _value_matches(p, g):
                continue
            if need_unit and p.unit != g.unit:
                continue
            if best is None or ov > best[0]:
                best = (ov, j)
        if best is not None:
            taken.add(best[1])
            pairs[g.index] = best[1]
    return pairs


def _pred_period(pred: Claim) -> tuple[str | None, str | None] | None:
    period = pred.period
    if period is None or (period.start is None and period.end is None):
        return None
    return (
        None if period.start is None else period.start.isoformat(),
        None if period.end is None else period.end.isoformat(),
    )


def _pred_fields(pred: Claim) -> dict[str, object]:
    flow = None if pred.flow is None else (pred.flow.source, pred.flow.dest)
    return {
        "metric": pred.metric,
        "period": _pred_period(pred),
        "flow": flow,
        "entities": tuple(sorted(pred.entities)),
        "kind": pred.kind,
        "qualifier": pred.qualifier,
        "basis": pred.basis,
        "record": pred.record,
        "sign": pred.value < 0,
    }


def _gold_fields(gold: GoldClaim) -> dict[str, object]:
    return {
        "metric": gold.metric,
        "period": gold.period,
        "flow": gold.flow,
        "entities": gold.entities,
        "kind": gold.kind,
        "qualifier": gold.qualifier,
        "basis": gold.basis,
        "record": gold.record,
        "sign": gold.value < 0,
    }


def _non_quantity_spans(text: str, gold: GoldDocument) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    gold_spans = [(g.start, g.end) for g in gold.claims]
    for surface in gold.not_quantities:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            span = (m.start(), m.end())
            if all(_overlap(span, gs) <= 0 for gs in gold_spans):
                spans.append(span)
    return spans


def score_document(document: Document, gold: GoldDocument, preds: Sequence[Claim]) -> FixtureResult:
    """Score the predictions for one fixture."""
    result = FixtureResult(name=gold.name, gold=len(gold.claims), predicted=len(preds))
    pairs = _match(gold.claims, preds, need_unit=False)
    unit_pairs = _match(gold.claims, preds, need_unit=True)
    result.value_matches = len(pairs)
    result.value_unit_matches = len(unit_pairs)
    for g in gold.claims:
        j = pairs.get(g.index)
        if j is None:
            result.mismatches.append(
                Mismatch(gold.name, "missed", g.text, (g.start, g.end), expected=repr(g.value))
            )
            continue
        pred = preds[j]
        if pred.unit != g.unit:
            result.mismatches.append(
                Mismatch(gold.name, "unit", g.text, (g.start, g.end), g.unit, pred.unit)
            )
        expected, got = _gold_fields(g), _pred_fields(pred)
        for name in FIELDS:
            if expected[name] == got[name]:
                result.field_correct[name] += 1
            else:
                result.mismatches.append(
                    Mismatch(
                        gold.name,
                        name,
                        g.text,
                        (g.start, g.end),
                        repr(expected[name]),
                        repr(got[name]),
                    )
                )
    matched_preds = set(pairs.values())
    nq_spans = _non_quantity_spans(document.text, gold)
    for j, pred in enumerate(preds):
        if j in matched_preds:
            continue
        span = _span(pred)
        if any(_overlap(span, nq) > 0 for nq in nq_spans):
            result.non_quantity_fp += 1
            result.mismatches.append(
                Mismatch(gold.name, "non_quantity", pred.text, span, got=repr(pred.value))
            )
        else:
            result.mismatches.append(
                Mismatch(gold.name, "spurious", pred.text, span, got=repr(pred.value))
            )
    return result


def _default_extractor() -> Extractor:
    from claimcheck.extract import extract_document  # lazy: heavy import

    return extract_document


def evaluate_fixtures(
    fixtures_dir: Path | str | None = None,
    extractor: Extractor | None = None,
) -> FixtureScores:
    """Run ``extractor`` over every fixture with gold and score it.

    ``fixtures_dir`` defaults to the repository's ``fixtures/``;
    ``extractor`` to :func:`claimcheck.extract.extract_document`.
    """
    directory = default_fixtures_dir() if fixtures_dir is None else Path(fixtures_dir)
    run = _default_extractor() if extractor is None else extractor
    scores = FixtureScores()
    for gold_path in sorted(directory.glob("*.expected.json")):
        gold = load_gold(gold_path)
        document = load_fixture_document(directory / gold.document)
        preds = list(run(document))
        scores.results.append(score_document(document, gold, preds))
    return scores


# --------------------------------------------------------------------------- report

_SHORT = {
    "metric": "metric",
    "period": "period",
    "flow": "flow",
    "entities": "ents",
    "kind": "kind",
    "qualifier": "qual",
    "basis": "basis",
    "record": "rec",
    "sign": "sign",
}


def _pct(num: int, den: int) -> str:
    return f"{100.0 * num / den:5.1f}" if den else "    -"


def format_table(scores: FixtureScores, *, verbose: bool = False) -> str:
    """Render the scores as a plain-text table (plus mismatches if ``verbose``)."""
    name_w = max([len(r.name) for r in scores.results] + [len("fixture"), len("TOTAL")])
    head = f"{'fixture':<{name_w}}  gold  pred  val  v+u  nqFP  " + "  ".join(
        f"{_SHORT[f]:>6}" for f in FIELDS
    )
    lines = [head, "-" * len(head)]
    for r in scores.results:
        accs = "  ".join(f"{_pct(r.field_correct[f], r.value_matches):>6}" for f in FIELDS)
        lines.append(
            f"{r.name:<{name_w}}  {r.gold:4d}  {r.predicted:4d}  {r.value_matches:3d}  "
            f"{r.value_unit_matches:3d}  {r.non_quantity_fp:4d}  {accs}"
        )
    lines.append("-" * len(head))
    total_accs = "  ".join(
        f"{_pct(sum(r.field_correct[f] for r in scores.results), scores.value_matches):>6}"
        for f in FIELDS
    )
    lines.append(
        f"{'TOTAL':<{name_w}}  {scores.gold:4d}  {scores.predicted:4d}  "
        f"{scores.value_matches:3d}  {scores.value_unit_matches:3d}  "
        f"{scores.non_quantity_fp:4d}  {total_accs}"
    )
    p, r_, f = scores.value_prf
    up, ur, uf = scores.value_unit_prf
    lines.append("")
    lines.append(f"value       P={p:.3f} R={r_:.3f} F1={f:.3f}")
    lines.append(f"value+unit  P={up:.3f} R={ur:.3f} F1={uf:.3f}")
    lines.append(
        "field accuracy over value matches (%): "
        + ", ".join(f"{name}={100 * scores.accuracy(name):.1f}" for name in FIELDS)
    )
    if verbose:
        lines.append("")
        lines.append("mismatches:")
        for m in scores.mismatches:
            detail = ""
            if m.expected or m.got:
                detail = f"  expected={m.expected} got={m.got}"
            lines.append(f"  {m.fixture} [{m.span[0]}:{m.span[1]}] {m.text!r} {m.what}{detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m claimcheck.evaluate.fixtures [DIR] [-v]``."""
    parser = argparse.ArgumentParser(
        prog="python -m claimcheck.evaluate.fixtures",
        description="Score the claim extractor against the hand-made fixtures.",
    )
    parser.add_argument(
        "directory",
        nargs="?",
        type=Path,
        default=None,
        help="fixtures folder (default: the repository's fixtures/)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    scores = evaluate_fixtures(args.directory)
    sys.stdout.write(format_table(scores, verbose=args.verbose) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
