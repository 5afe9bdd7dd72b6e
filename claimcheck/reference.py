"""Reference tables: official figures to check claims against (``--reference FILE.csv``).

A reference table is a CSV file with a header row and the columns

``metric``
    a metric key of the rule packs (``trade_turnover``, ``exports``, ``imports``, ...);
``entities``
    the countries, separated by ``;`` (``China;Russia``); may be empty when ``flow`` is set;
``flow``
    ``Source>Destination`` for a directed flow (``China>Russia``), else empty;
``period``
    ``2023`` (a calendar year), ``2024-01/2024-06`` (months, inclusive) or
    ``2023-04-01/2024-03-31`` (ISO dates, inclusive);
``value``
    the figure as printed (``240.11``); its printed precision is its rounding interval;
``unit``
    ``USD``, ``EUR``, ``percent``, ... (as in :attr:`claimcheck.model.Quantity.unit`);
``scale``
    optional: ``thousand``, ``mln``, ``bln``, ``trn`` (or a number); default 1;
``source``
    where the figure comes from (a URL or a citation); required.

Several rows for the same figure (revisions, several sources) are all kept;
a claim agrees with the table when it agrees with any of them. Lines
starting with ``#`` are comments. A malformed file raises
:class:`ReferenceError` naming the file, the line (as counted in the file,
comments included), the column and the problem.
The project ships China customs figures for China–Russia trade as
:func:`default_reference_path`.
"""

from __future__ import annotations

import calendar
import csv
import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from claimcheck.engine.intervals import Interval

__all__ = [
    "COLUMNS",
    "ReferenceError",
    "ReferenceRow",
    "ReferenceTable",
    "default_reference_path",
    "load_reference",
    "parse_period",
]

COLUMNS: tuple[str, ...] = ("metric", "entities", "flow", "period", "value", "unit", "source")
"""Required columns (``scale`` is optional)."""

_SCALE_WORDS = {
    "": 1.0,
    "1": 1.0,
    "thousand": 1e3,
    "k": 1e3,
    "mln": 1e6,
    "million": 1e6,
    "m": 1e6,
    "bln": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "trn": 1e12,
    "trillion": 1e12,
}
_NUMBER = re.compile(r"-?\d+(?:\.(\d+))?")


class ReferenceError(ValueError):
    """A reference table is missing or malformed."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f":{line}" if line is not None else ""
        super().__init__(f"{path}{where}: {problem}")


@attrs.frozen(slots=True)
class ReferenceRow:
    """One reference figure."""

    metric: str
    entities: tuple[str, ...]
    flow: tuple[str, str] | None
    start: _dt.date
    end: _dt.date
    text: str
    value: Interval
    unit: str
    source: str
    line: int = 0

    @property
    def scope(self) -> tuple[str, ...]:
        """Sorted entities, including the flow's ends."""
        names = set(self.entities)
        if self.flow is not None:
            names.update(self.flow)
        return tuple(sorted(names))


@attrs.frozen(slots=True)
class ReferenceTable:
    """The rows of one or more reference files."""

    rows: tuple[ReferenceRow, ...]
    paths: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.rows)

    @classmethod
    def merge(cls, tables: Iterable[ReferenceTable]) -> ReferenceTable:
        """All rows of ``tables``."""
        items = list(tables)
        return cls(
            tuple(r for t in items for r in t.rows), tuple(p for t in items for p in t.paths)
        )


def _last_day(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> tuple[_dt.date, _dt.date]:
    """``2023``, ``2024-01/2024-06``, ``2024-03`` or ``2023-04-01/2024-03-31`` -> dates."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    parts = text.split("/")
    if len(parts) == 1:
        parts = [text, text]
    if len(parts) != 2:
        raise ValueError(f"bad period {text!r}")
    first, last = (p.strip() for p in parts)
    if re.fullmatch(r"\d{4}-\d{2}", first) and re.fullmatch(r"\d{4}-\d{2}", last):
        y1, m1 = (int(x) for x in first.split("-"))
        y2, m2 = (int(x) for x in last.split("-"))
        try:
            start, end = _dt.date(y1, m1, 1), _last_day(y2, m2)
        except ValueError as exc:  # a month outside 1..12
            raise ValueError(f"bad period {text!r}: {exc}") from None
    else:
        try:
            start, end = _dt.date.fromisoformat(first), _dt.date.fromisoformat(last)
        except ValueError:
            raise ValueError(
                f"bad period {text!r} (expected 2023, 2024-01/2024-06 or ISO dates)"
            ) from None
    if end < start:
        raise ValueError(f"period {text!r} ends before it starts")
    return start, end


def _value(text: str, scale: float) -> Interval:
    from claimcheck.engine.intervals import Interval

    match = _NUMBER.fullmatch(text.strip().replace(",", ""))
    if match is None:
        raise ValueError(f"column 'value': bad value {text!r} (expected a number such as 240.11)")
    value = float(match.group(0))
    decimals = len(match.group(1) or "")
    half = 0.5 * 10.0 ** (-decimals)
    return Interval((value - half) * scale, (value + half) * scale)


def _bad_scale(text: str) -> str:
    return f"column 'scale': bad scale {text!r} (expected thousand, mln, bln, trn or a number > 0)"


def _scale(text: str) -> float:
    word = text.strip().lower()
    if word in _SCALE_WORDS:
        return _SCALE_WORDS[word]
    try:
        number = float(word)
    except ValueError:
        raise ValueError(_bad_scale(text)) from None
    if not 0 < number < float("inf"):
        raise ValueError(_bad_scale(text))
    return number


def _row(path: str, line: int, raw: dict[str, str]) -> ReferenceRow:
    def field(name: str) -> str:
        return (raw.get(name) or "").strip()

    metric = field("metric")
    if not metric:
        raise ReferenceError(path, line, "empty metric")
    entities = tuple(sorted(e.strip() for e in field("entities").split(";") if e.strip()))
    flow: tuple[str, str] | None = None
    if field("flow"):
        source, sep, dest = field("flow").partition(">")
        if not sep or not source.strip() or not dest.strip():
            raise ReferenceError(
                path, line, f"flow must be 'Source>Destination', got {field('flow')!r}"
            )
        flow = (source.strip(), dest.strip())
    if not entities and flow is None:
        raise ReferenceError(path, line, "needs entities or a flow")
    if not field("source"):
        raise ReferenceError(path, line, "every row needs a source")
    if not field("unit"):
        raise ReferenceError(path, line, "empty unit")
    try:
        start, end = parse_period(field("period"))
    except ValueError as error:
        raise ReferenceError(path, line, f"column 'period': {error}") from None
    try:
        value = _value(field("value"), _scale(field("scale")))
    except ValueError as error:
        raise ReferenceError(path, line, str(error)) from None
    return ReferenceRow(
        metric=metric,
        entities=entities,
        flow=flow,
        start=start,
        end=end,
        text=field("value"),
        value=value,
        unit=field("unit"),
        source=field("source"),
        line=line,
    )


def load_reference(paths: str | Path | Sequence[str | Path]) -> ReferenceTable:
    """Read one or more reference CSV files."""
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    rows: list[ReferenceRow] = []
    for item in items:
        path = str(item)
        rows.extend(_read_table(path, Path(item)))
    return ReferenceTable(tuple(rows), tuple(str(i) for i in items))


def _read_table(path: str, file: Path) -> list[ReferenceRow]:
    """The rows of one CSV file; :class:`ReferenceError` (file, line, column) when malformed."""
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ReferenceError(path, None, "file not found") from None
    except OSError as exc:
        raise ReferenceError(path, None, (exc.strerror or str(exc)).lower()) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReferenceError(path, line, f"not UTF-8 text (byte offset {exc.start})") from None
    # Comments are dropped; ``numbers[i]`` is the file line of the i-th line read.
    kept = [
        (number, line)
        for number, line in enumerate(text.splitlines(keepends=True), start=1)
        if not line.lstrip().startswith("#")
    ]
    numbers = [number for number, _ in kept]
    reader = csv.DictReader(line for _, line in kept)
    rows: list[ReferenceRow] = []
    try:
        header = reader.fieldnames
        header_line = numbers[0] if numbers else 1
        if not header:
            raise ReferenceError(path, header_line, "no header row (an empty table)")
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise ReferenceError(path, header_line, f"missing column(s): {', '.join(missing)}")
        for raw in reader:
            rows.append(_row(path, numbers[reader.line_num - 1], raw))
    except csv.Error as exc:
        where = numbers[min(reader.line_num, len(numbers)) - 1] if numbers else None
        raise ReferenceError(path, where, f"malformed CSV: {exc}") from None
    return rows


def default_reference_path() -> Path:
    """The project's China–Russia customs series (``rules/reference/china_russia_customs.csv``)."""
    from claimcheck.rulepacks import rules_dir

    return rules_dir() / "reference" / "china_russia_customs.csv"
