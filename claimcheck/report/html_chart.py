"""Timelines of the HTML report: one inline SVG chart per metric with several figures.

A *timeline* gathers the level figures that measure the same thing — same
metric, same countries (and direction of flow), same unit — over periods of
the same calendar shape (calendar years, January–October of each year,
April–March fiscal years, ...), so that every x position is one period and
every point one figure as one document states it. A timeline is drawn when
it has at least two figures from different periods or different documents.
Reference figures (:class:`~claimcheck.reference.ReferenceTable`) of the
same metric, countries, flow, unit and shape, from a year before the first
figure to a year after the last, are drawn as a line.

Every piece of text in the SVG (titles, labels, tooltips) is escaped with
:func:`html.escape`; colours and coordinates are computed here and nothing
from a document ends up in an attribute other than escaped ``<title>`` text
and ``href`` anchors made by the report (``#c-1-2``). Output is deterministic.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape

import attrs

from claimcheck.model import Claim
from claimcheck.reference import ReferenceTable

__all__ = [
    "PALETTE",
    "Figure",
    "RefPoint",
    "Timeline",
    "month_end",
    "render_timeline",
    "shape_label",
    "timelines",
]

PALETTE: tuple[str, ...] = (
    "#2563eb",
    "#7c3aed",
    "#0d9488",
    "#c2410c",
    "#0891b2",
    "#be185d",
    "#4d7c0f",
    "#1e3a8a",
)
"""Colours of the documents in charts, by the documents' order in the report."""

_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SCALES = ((1e12, "trn"), (1e9, "bln"), (1e6, "mln"), (1e3, "thousand"))
_UNSCALED = frozenset({"percent", "percentage_point"})
_ERROR = "#b42318"
_REFERENCE = "#4b5563"

# geometry of a chart (SVG user units)
_WIDTH, _HEIGHT = 900, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 78, 24, 18, 46


@attrs.frozen(slots=True)
class Figure:
    """One claim on a timeline."""

    anchor: str
    """The id of the claim's highlight in the page (``c-1-2``)."""
    document: str
    text: str
    value: float
    start: _dt.date
    end: _dt.date
    flagged: bool = False
    """Whether a finding cites the claim."""


@attrs.frozen(slots=True)
class RefPoint:
    """One reference figure on a timeline (the mean of the rows for one period)."""

    start: _dt.date
    end: _dt.date
    value: float
    sources: tuple[str, ...]


@attrs.frozen(slots=True)
class Timeline:
    """Figures of one metric, scope and unit over periods of one shape."""

    metric: str
    scope: str
    unit: str
    shape: str
    figures: tuple[Figure, ...]
    reference: tuple[RefPoint, ...] = ()

    @property
    def axis(self) -> tuple[float, str]:
        """Divisor and label of the value axis (:func:`display_scale`)."""
        values = [f.value for f in self.figures] + [r.value for r in self.reference]
        return display_scale(self.unit, values)

    @property
    def title(self) -> str:
        """``Trade turnover · China–Russia · calendar years · USD bln``."""
        metric = self.metric.replace("_", " ")
        return f"{metric[:1].upper()}{metric[1:]} · {self.scope} · {self.shape} · {self.axis[1]}"


_Shape = tuple[int, int, int, int, int]
_Period = tuple[_dt.date, _dt.date]
_Key = tuple[str, tuple[str, ...], tuple[str, str] | None, str, _Shape]
_XFunc = Callable[[_Period], float]
_YFunc = Callable[[float], float]


def _shape(start: _dt.date, end: _dt.date) -> _Shape:
    return (start.month, start.day, end.month, end.day, end.year - start.year)


def month_end(day: _dt.date) -> _dt.date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def shape_label(start: _dt.date, end: _dt.date) -> str:
    """``calendar years``, ``Jan–Oct``, ``Apr–Mar``, ``Oct`` or ``1 Mar–15 Apr``."""
    whole_months = start.day == 1 and end == month_end(end)
    if whole_months and (start.month, end.month, end.year - start.year) == (1, 12, 0):
        return "calendar years"
    if whole_months:
        if start.month == end.month and start.year == end.year:
            return _MONTHS[start.month]
        return f"{_MONTHS[start.month]}–{_MONTHS[end.month]}"
    return f"{start.day} {_MONTHS[start.month]}–{end.day} {_MONTHS[end.month]}"


def _x_label(start: _dt.date, end: _dt.date) -> str:
    if start.year == end.year:
        return str(start.year)
    return f"{start.year}/{end.year % 100:02d}"


def _scope(claim: Claim) -> tuple[tuple[str, ...], tuple[str, str] | None]:
    names = set(claim.entities)
    flow = None
    if claim.flow is not None:
        flow = (claim.flow.source, claim.flow.dest)
        names.update(flow)
    return tuple(sorted(names)), flow


def _scope_label(names: tuple[str, ...], flow: tuple[str, str] | None) -> str:
    if flow is not None:
        return f"{flow[0]} → {flow[1]}"
    return "–".join(names) if names else "unstated countries"


def _dated(claim: Claim) -> tuple[_dt.date, _dt.date] | None:
    period = claim.period
    if period is None or period.kind != "interval" or period.unresolved:
        return None
    if period.start is None or period.end is None or period.end < period.start:
        return None
    return period.start, period.end


def timelines(
    entries: Iterable[tuple[Claim, str, bool]],
    reference: ReferenceTable | None = None,
) -> list[Timeline]:
    """Timelines of ``(claim, highlight anchor, cited by a finding)`` entries.

    Only level claims with a metric, a resolved interval period and a finite
    value take part. Timelines are sorted by metric, scope, unit and shape;
    figures by period, then in entry order.
    """
    groups: dict[_Key, list[Figure]] = {}
    labels: dict[_Key, tuple[str, str, str, str]] = {}
    for claim, anchor, flagged in entries:
        dates = _dated(claim)
        if claim.kind != "level" or claim.metric is None or dates is None:
            continue
        if not math.isfinite(claim.value):
            continue
        names, flow = _scope(claim)
        unit = claim.unit if claim.unit != "count" else f"count:{claim.quantity.noun or ''}"
        key: _Key = (claim.metric, names, flow, unit, _shape(*dates))
        groups.setdefault(key, []).append(
            Figure(anchor, claim.document_id, claim.text, claim.value, dates[0], dates[1], flagged)
        )
        labels[key] = (claim.metric, _scope_label(names, flow), unit, shape_label(*dates))
    out: list[Timeline] = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], repr(k[2:]))):
        figures = sorted(groups[key], key=lambda f: (f.start, f.end))
        distinct = {(f.document, f.start) for f in figures}
        if len(figures) < 2 or len(distinct) < 2:
            continue
        metric, scope, unit, shape = labels[key]
        points = _reference_points(reference, key, figures)
        out.append(Timeline(metric, scope, unit, shape, tuple(figures), points))
    # conflicts first, then the ones with a reference series
    out.sort(key=lambda t: (not any(f.flagged for f in t.figures), not t.reference))
    return out


def _reference_points(
    table: ReferenceTable | None, key: _Key, figures: Sequence[Figure]
) -> tuple[RefPoint, ...]:
    if table is None:
        return ()
    metric, names, flow, unit, shape = key
    first = min(f.start.year for f in figures) - 1
    last = max(f.start.year for f in figures) + 1
    found: dict[tuple[_dt.date, _dt.date], list[tuple[float, str]]] = {}
    for row in table.rows:
        if (row.metric, row.scope, row.flow, row.unit) != (metric, names, flow, unit):
            continue
        if _shape(row.start, row.end) != shape or not first <= row.start.year <= last:
            continue
        if not (math.isfinite(row.value.lo) and math.isfinite(row.value.hi)):
            continue
        found.setdefault((row.start, row.end), []).append(
            ((row.value.lo + row.value.hi) / 2, row.source)
        )
    points = []
    for (start, end), rows in sorted(found.items()):
        value = sum(v for v, _ in rows) / len(rows)
        points.append(RefPoint(start, end, value, tuple(dict.fromkeys(s for _, s in rows))))
    return tuple(points)


# --------------------------------------------------------------------------- numbers


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def display_scale(unit: str, values: Iterable[float]) -> tuple[float, str]:
    """Divisor and axis label for values in base units: ``(1e9, "USD bln")``.

    The scale suits the typical (median) magnitude, so one wild figure does
    not turn every other label into ``0.24``.
    """
    if unit in _UNSCALED:
        return 1.0, "%" if unit == "percent" else "percentage points"
    magnitudes = [abs(v) for v in values]
    typical = _median(magnitudes) if magnitudes else 0.0
    divisor, word = 1.0, ""
    for factor, name in _SCALES:
        if typical >= factor:
            divisor, word = factor, name
            break
    if unit.startswith("count:"):
        noun = unit.partition(":")[2] or "count"
        return divisor, f"{word} {noun}".strip()
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return divisor, f"{unit} {word}".strip()
    return divisor, f"{word} {unit.replace('**', '^')}".strip()


def inliers(values: Sequence[float]) -> tuple[float, float]:
    """The value range to draw: all values, except figures far off the typical magnitude.

    A value more than :data:`OUTLIER_FACTOR` times the median magnitude away
    from the median (a misread scale, a different measure) is left out of the
    axis range and drawn at the edge as off the scale.
    """
    middle = _median(values)
    spread = abs(middle) * OUTLIER_FACTOR
    kept = [v for v in values if abs(v - middle) <= spread] if spread else list(values)
    return min(kept), max(kept)


OUTLIER_FACTOR = 3.0


def _nice(step: float) -> float:
    exponent = math.floor(math.log10(step))
    base = 10.0**exponent
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step <= factor * base * (1 + 1e-9):
            return factor * base
    return 10.0 * base


def axis_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering ``[lo, hi]`` (about ``count`` of them, at least two)."""
    if hi <= lo:
        pad = abs(lo) * 0.05 or 1.0
        lo, hi = lo - pad, hi + pad
    step = _nice((hi - lo) / max(count - 1, 1))
    ticks = [math.floor(lo / step) * step]
    while ticks[-1] < hi - step * 1e-9 and len(ticks) < 50:
        ticks.append(ticks[0] + step * len(ticks))
    return [round(t, 10) for t in ticks]


def tick_label(value: float) -> str:
    """A tick value without float noise (``84.5``, ``100``, ``0.25``)."""
    text = f"{value:.6g}"
    return "0" if text == "-0" else text


def value_label(value: float) -> str:
    """A point's value: up to 5 significant digits."""
    text = f"{value:.5g}"
    return "0" if text == "-0" else text


# --------------------------------------------------------------------------- drawing


def _f(number: float) -> str:
    """SVG coordinate with one decimal (deterministic, compact)."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


@attrs.frozen(slots=True)
class _Frame:
    """Where periods and values go in a chart."""

    periods: tuple[_Period, ...]
    divisor: float
    lo: float
    hi: float

    @property
    def step(self) -> float:
        return (_WIDTH - _LEFT - _RIGHT) / len(self.periods)

    def x(self, period: _Period) -> float:
        return _LEFT + self.step * (self.periods.index(period) + 0.5)

    def y(self, value: float) -> tuple[float, int]:
        """The y of a value in base units, and -1/0/1 for below/within/above the axis."""
        scaled = value / self.divisor
        plot_h = _HEIGHT - _TOP - _BOTTOM
        if scaled > self.hi:
            return _TOP + 4, 1
        if scaled < self.lo:
            return _TOP + plot_h - 4, -1
        return _TOP + plot_h * (1 - (scaled - self.lo) / (self.hi - self.lo)), 0


def render_timeline(
    timeline: Timeline,
    colours: Mapping[str, str],
    names: Mapping[str, str],
    *,
    ident: str,
) -> str:
    """The chart of ``timeline`` as an ``<svg class="plot">`` element.

    ``colours`` and ``names`` map document ids to a point colour and a
    label (for tooltips); ``ident`` makes the ids in the SVG unique.
    """
    periods = {(f.start, f.end) for f in timeline.figures}
    periods.update((r.start, r.end) for r in timeline.reference)
    divisor, _ = timeline.axis
    values = [f.value / divisor for f in timeline.figures]
    values += [r.value / divisor for r in timeline.reference]
    ticks = axis_ticks(*inliers(values))
    frame = _Frame(tuple(sorted(periods)), divisor, ticks[0], ticks[-1])
    parts = [
        f'<svg class="plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'role="img" aria-labelledby="{ident}-t">',
        f'<title id="{ident}-t">{escape(timeline.title, quote=True)}</title>',
        *_axes(timeline, frame, ticks),
        *_reference_marks(timeline, frame),
        *_figure_marks(timeline, frame, colours, names),
        "</svg>",
    ]
    return "\n".join(parts)


def _axes(timeline: Timeline, frame: _Frame, ticks: Sequence[float]) -> list[str]:
    plot_w = _WIDTH - _LEFT - _RIGHT
    plot_h = _HEIGHT - _TOP - _BOTTOM
    parts = [f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" fill="#fafbfc"/>']
    for tick in ticks:
        y = _f(frame.y(tick * frame.divisor)[0])
        parts.append(
            f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y}" y2="{y}" '
            f'stroke="#e5e7eb" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_LEFT - 8}" y="{y}" dy="4" text-anchor="end" font-size="12" '
            f'fill="#5c6470">{escape(tick_label(tick))}</text>'
        )
    middle = _f(_TOP + plot_h / 2)
    parts.append(
        f'<text x="16" y="{middle}" transform="rotate(-90 16 {middle})" text-anchor="middle" '
        f'font-size="12" fill="#5c6470">{escape(timeline.axis[1], quote=True)}</text>'
    )
    base = _f(_TOP + plot_h)
    parts.append(
        f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{base}" y2="{base}" '
        f'stroke="#9aa1ab" stroke-width="1"/>'
    )
    for period in frame.periods:
        x = _f(frame.x(period))
        parts.append(
            f'<line x1="{x}" x2="{x}" y1="{base}" y2="{_f(_TOP + plot_h + 5)}" stroke="#9aa1ab"/>'
        )
        parts.append(
            f'<text x="{x}" y="{_f(_TOP + plot_h + 22)}" text-anchor="middle" font-size="12" '
            f'fill="#1f2328">{escape(_x_label(*period))}</text>'
        )
    return parts


def _reference_marks(timeline: Timeline, frame: _Frame) -> list[str]:
    parts = []
    run: list[str] = []
    previous = -2
    for point in timeline.reference:
        slot = frame.periods.index((point.start, point.end))
        x, (y, off) = frame.x((point.start, point.end)), frame.y(point.value)
        if slot != previous + 1 or off:
            parts.extend(_polyline(run))
            run = []
        if not off:
            run.append(f"{_f(x)},{_f(y)}")
        previous = slot if not off else -2
    parts.extend(_polyline(run))
    for point in timeline.reference:
        x, (y, _) = frame.x((point.start, point.end)), frame.y(point.value)
        tip = (
            f"reference {_x_label(point.start, point.end)}: "
            f"{value_label(point.value / frame.divisor)} ({'; '.join(point.sources)})"
        )
        half = min(frame.step * 0.3, 40.0)
        parts.append(
            f'<g><rect x="{_f(x - half)}" y="{_f(y - 1.5)}" width="{_f(2 * half)}" height="3" '
            f'rx="1.5" fill="{_REFERENCE}"/><title>{escape(tip, quote=True)}</title></g>'
        )
    return parts


def _polyline(points: Sequence[str]) -> list[str]:
    if len(points) < 2:
        return []
    return [
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{_REFERENCE}" '
        f'stroke-width="2" stroke-linejoin="round"/>'
    ]


def _figure_marks(
    timeline: Timeline,
    frame: _Frame,
    colours: Mapping[str, str],
    names: Mapping[str, str],
) -> list[str]:
    by_slot: dict[_Period, list[str]] = {}
    for figure in timeline.figures:
        documents = by_slot.setdefault((figure.start, figure.end), [])
        if figure.document not in documents:
            documents.append(figure.document)
    parts = []
    labelled: dict[_Period, list[float]] = {}
    for figure in timeline.figures:
        period = (figure.start, figure.end)
        documents = by_slot[period]
        offset = (documents.index(figure.document) - (len(documents) - 1) / 2) * 14
        x = frame.x(period) + offset
        y, off = frame.y(figure.value)
        colour = colours.get(figure.document, PALETTE[0])
        shown = value_label(figure.value / frame.divisor)
        tip = (
            f"{names.get(figure.document, figure.document)}: {figure.text} "
            f"({_x_label(*period)}) = {shown}" + (" (off the scale)" if off else "")
        )
        ring = (
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="9.5" fill="none" stroke="{_ERROR}" '
            f'stroke-width="2"/>'
            if figure.flagged
            else ""
        )
        if off:
            tip_y, base_y = (y - 7, y + 5) if off > 0 else (y + 7, y - 5)
            shape = (
                f'<polygon points="{_f(x)},{_f(tip_y)} {_f(x - 6)},{_f(base_y)} '
                f'{_f(x + 6)},{_f(base_y)}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
            )
            shown += " ↑" if off > 0 else " ↓"
        else:
            shape = (
                f'<circle cx="{_f(x)}" cy="{_f(y)}" r="6" fill="{colour}" stroke="#ffffff" '
                f'stroke-width="1.5"/>'
            )
        parts.append(
            f'<a href="#{figure.anchor}">{ring}{shape}<title>{escape(tip, quote=True)}</title></a>'
        )
        taken = labelled.setdefault(period, [])
        if all(abs(y - other) >= 13 for other in taken):
            taken.append(y)
            label_x = frame.x(period) + (len(documents) - 1) * 7 + 12
            parts.append(
                f'<text x="{_f(label_x)}" y="{_f(y)}" dy="4" font-size="11" '
                f'fill="#1f2328">{escape(shown)}</text>'
            )
    return parts
