"""Where each part of the pain chart goes for a widget size and font: the two panels, their titles, the legend and
the rows of the time axis (ChartFrame), and the screen positions of the lines, dots and bars drawn in them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPolygonF

from ..kit import style
from ..kit.i18n import QT_TRANSLATE_NOOP, translate
from .chartdata import DAY_S, decimate, moving_average, trend_window

MARKER_LIMIT = 60  # more points than this: lines only (single points between gaps keep their marker)
MIN_SPAN_S = 2 * DAY_S
LEGEND_BEFORE = QT_TRANSLATE_NOOP("chart", "Pain before")
LEGEND_AFTER = QT_TRANSLATE_NOOP("chart", "Pain after")
PAIN_TITLE = QT_TRANSLATE_NOOP("chart", "Pain (0–10)")
AREA_TITLE = QT_TRANSLATE_NOOP("chart", "Area marked (% of the body drawing)")
TREND_SPACING_PX = 6.0  # sessions closer than this on screen: faint lines for each session, bold lines for the trend


@dataclass
class ChartFrame:
    """Where the chart's parts go, in widget pixels, and the time and area scales that place the data in them."""

    pain: QRectF  # plot area of the pain panel
    area: QRectF  # plot area of the area panel
    pain_title: QRectF
    area_title: QRectF
    legend: list[tuple[str, QRectF]]  # series, rect of that legend entry
    ticks_y: float
    years_y: float
    t0: float
    t1: float
    inner: float  # pixels kept free at each end of the time axis
    area_max: float  # the share at the top of the area panel

    def x(self, t: float) -> float:
        left = self.pain.left() + self.inner
        return left + (t - self.t0) / (self.t1 - self.t0) * (self.pain.width() - 2 * self.inner)

    def t(self, x: float) -> float:
        left = self.pain.left() + self.inner
        return self.t0 + (x - left) / max(1.0, self.pain.width() - 2 * self.inner) * (self.t1 - self.t0)

    def pain_y(self, value: float) -> float:
        return self.pain.bottom() - value / 10.0 * self.pain.height()

    def area_y(self, share: float) -> float:
        return self.area.bottom() - share / self.area_max * self.area.height()


def chart_frame(w: float, h: float, font: QFont, points, area_max: float) -> tuple[ChartFrame, tuple[int, str] | None]:
    """The frame for a widget size and font, and the trend window (days, words) when the lines show an average
    instead (many sessions close together), else None."""
    fm = QFontMetricsF(font)
    bold = QFontMetricsF(style.scaled_font(font, 1.0, bold=True))
    lh = fm.height()
    left = 14 + max(fm.horizontalAdvance("10"), fm.horizontalAdvance("100%")) + 8
    right = 18.0
    top = 10.0
    if points:
        t0, t1 = points[0].t, points[-1].t
    else:
        t0 = t1 = 0.0
    if t1 - t0 < MIN_SPAN_S:
        middle = (t0 + t1) / 2
        t0, t1 = middle - MIN_SPAN_S / 2, middle + MIN_SPAN_S / 2
    inner = 14.0
    usable = max(1.0, w - left - right - 2 * inner)
    trend = None
    if len(points) > MARKER_LIMIT and usable / len(points) < TREND_SPACING_PX:
        trend = trend_window(t1 - t0)
    note = trend_note(trend)
    pain_title = QRectF(left, top, bold.horizontalAdvance(translate("chart", PAIN_TITLE)) + (fm.horizontalAdvance(note) + 12 if note else 0) + 4, lh)
    # Legend entries: a 26 px sample of line and marker, then the words.
    legend, x = [], w - right
    for series, text in reversed((("before", translate("chart", LEGEND_BEFORE)), ("after", translate("chart", LEGEND_AFTER)))):
        width = 26 + 6 + fm.horizontalAdvance(text)
        x -= width
        legend.insert(0, (series, QRectF(x, top, width, lh)))
        x -= 22
    if x < pain_title.right() + 16:  # too narrow beside the title: a row of its own below it
        shift = pain_title.left() - legend[0][1].left()
        legend = [(s, r.translated(shift, lh + 4)) for s, r in legend]
        top += lh + 4
    pain_top = top + lh + 10
    ticks_h, years_h = lh + 6, lh + 2
    area_title_h = lh + 8
    available = max(60.0, h - pain_top - 18 - area_title_h - ticks_h - years_h - 10)
    pain_h = round(available * 0.64)
    area_h = available - pain_h
    pain = QRectF(left, pain_top, max(40.0, w - left - right), pain_h)
    area_title = QRectF(left, pain.bottom() + 18, bold.horizontalAdvance(translate("chart", AREA_TITLE)) + 4, lh)
    area = QRectF(left, area_title.bottom() + 8, pain.width(), area_h)
    frame = ChartFrame(pain, area, pain_title, area_title, legend, area.bottom() + 4, area.bottom() + 4 + ticks_h,
                       t0, t1, inner, area_max)  # fmt: skip
    return frame, trend


def trend_note(trend: tuple[int, str] | None) -> str:
    """Words beside the pain title when the lines are averages (many sessions close together)."""
    if not trend:
        return ""
    return translate("chart", "lines: {value} average; dots: each session").format(value=trend[1])


def series_geometry(frame: ChartFrame, points, trend: tuple[int, str] | None):
    """Screen positions of the series: (lines, lone points, area bars, bar width, trend lines, dots). The widget
    keeps them until the size or the data change."""
    # Each point's x once, with the frame's numbers read once: ChartFrame.x's arithmetic exactly, without two
    # QRectF calls per point and series (a few thousand calls for a long history).
    left, t0, span, scale = frame.pain.left() + frame.inner, frame.t0, frame.t1 - frame.t0, frame.pain.width() - 2 * frame.inner
    pain_bottom, pain_height = frame.pain.bottom(), frame.pain.height()
    xs = [left + (p.t - t0) / span * scale for p in points]
    lines = {}
    singles = {}
    for series in ("before", "after"):
        segments, lone, run = [], [], []
        for p, x in zip(points, xs):
            value = p.before if series == "before" else p.after
            if value is None:
                if len(run) == 1:
                    lone.append(run[0])
                elif run:
                    segments.append(run)
                run = []
                continue
            run.append((x, pain_bottom - value / 10.0 * pain_height))
        if len(run) == 1:
            lone.append(run[0])
        elif run:
            segments.append(run)
        if trend:  # dots and an average instead
            segments = []
        lines[series] = [QPolygonF([QPointF(x, y) for x, y in decimate(seg)]) for seg in segments]
        singles[series] = lone
    trends, dots = {}, {}
    if trend:
        for series in ("before", "after"):
            rated = [(x, p.t, p.before if series == "before" else p.after) for p, x in zip(points, xs)]
            rated = [(x, t, v) for x, t, v in rated if v is not None]
            if rated:
                times = [t for _x, t, _v in rated]
                means = moving_average(times, [float(v) for _x, _t, v in rated], trend[0] * DAY_S)
                seen = {(int(x), v) for x, _t, v in rated}  # one dot per pixel column and rating
                dots[series] = QPolygonF([QPointF(x + 0.5, pain_bottom - v / 10.0 * pain_height) for x, v in sorted(seen)])
                sampled: dict[int, list[float]] = {}  # a smooth line: its mean every 3 pixels is plenty
                for (x, _t, _v), m in zip(rated, means):
                    cell = sampled.setdefault(int(x // 3), [0.0, 0.0, 0])
                    cell[0] += x
                    cell[1] += m
                    cell[2] += 1
                trends[series] = QPolygonF([QPointF(sx / k, pain_bottom - (sm / k) / 10.0 * pain_height) for sx, sm, k in sampled.values()])
    # Bars: one per session, or the tallest per pixel column when they would touch.
    count = sum(p.extent is not None for p in points)
    spacing = (frame.pain.width() - 2 * frame.inner) / max(1, count)
    bar_w = max(1.0, min(14.0, spacing * 0.6))
    columns: dict[int, float] = {}
    for p, x in zip(points, xs):
        if p.extent is not None:
            c = int(x) if bar_w < 3 else x
            columns[c] = max(columns.get(c, 0.0), p.extent)
    bottom = frame.area.bottom()
    bars = [QRectF(x - bar_w / 2, frame.area_y(share), bar_w, bottom - frame.area_y(share))
            for x, share in columns.items()]  # fmt: skip
    return lines, singles, bars, bar_w, trends, dots
