"""Pain over time: the ratings before and after each session's routine, and the area marked, on a real time axis.

Painted with QPainter straight from the data on every paint (no cached pixmaps), so it stays crisp at any device
pixel ratio and follows the palette. The two ratings differ by marker and line style as well as colour (filled
circles on a solid line before, hollow squares on a dashed line after). With many sessions the lines keep only
the first, lowest, highest and last point of each pixel column, which draws the same picture, and the markers
are left out.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QToolTip, QWidget

from ..kit import style
from ..kit.i18n import QT_TRANSLATE_NOOP, translate
from .chartdata import (DAY_S, TREND_SPACING_PX, ChartPoint, day_of, decimate, midnight, moving_average, nice_area_max,
                        time_ticks, trend_window)
from .formats import format_area, format_rating, format_when

# Objects, not the Qt.NoPen / Qt.NoBrush enums: see candidates.py (a PySide6 6.12 reference-count bug).
NO_PEN = QPen(Qt.NoPen)
NO_BRUSH = QBrush(Qt.NoBrush)

MARKER_LIMIT = 60  # more points than this: lines only (single points between gaps keep their marker)
MIN_SPAN_S = 2 * DAY_S
LEGEND_BEFORE = QT_TRANSLATE_NOOP("chart", "Pain before")
LEGEND_AFTER = QT_TRANSLATE_NOOP("chart", "Pain after")
PAIN_TITLE = QT_TRANSLATE_NOOP("chart", "Pain (0–10)")
AREA_TITLE = QT_TRANSLATE_NOOP("chart", "Area marked (% of the body drawing)")
EMPTY_HEADING = QT_TRANSLATE_NOOP("chart", "No sessions yet")
EMPTY_TEXT = (
    QT_TRANSLATE_NOOP("chart", "Each saved session appears here: the pain before and after, and how much of the body drawing was marked, so you can see how it changes over time.")
)


def _percent_label(share: float) -> str:
    return f"{share * 100:g}%"


@dataclass
class _Frame:
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

    def x(self, t: float) -> float:
        left = self.pain.left() + self.inner
        return left + (t - self.t0) / (self.t1 - self.t0) * (self.pain.width() - 2 * self.inner)

    def t(self, x: float) -> float:
        left = self.pain.left() + self.inner
        return self.t0 + (x - left) / max(1.0, self.pain.width() - 2 * self.inner) * (self.t1 - self.t0)

    def pain_y(self, value: float) -> float:
        return self.pain.bottom() - value / 10.0 * self.pain.height()


# ------------------------------------------------------------------------------------------------ widget


class PainChart(QWidget):
    """The history chart. ``set_points`` gives it the sessions; ``sessionClicked`` says which one was picked."""

    sessionClicked = Signal(int, bool)  # session id, add to the selection (Ctrl held)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMinimumSize(440, 260)
        self.setAccessibleName(translate("chart", "Pain over time"))
        self.setAccessibleDescription(translate("chart", EMPTY_HEADING))
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # every pixel is painted: no background fill first
        self._points: list[ChartPoint] = []
        self._times: list[float] = []
        self._area_max = nice_area_max(0.0)
        self._trend: tuple[int, str] | None = None  # (days, words) when the lines show an average
        self._highlight: set[int] = set()
        self._hover: int | None = None  # index into _points
        self._current: int | None = None  # keyboard position, index into _points
        self._cache_key = None
        self._cache = None
        self._segments: dict = {}
        self.empty_heading = translate("chart", EMPTY_HEADING)
        self.empty_text = translate("chart", EMPTY_TEXT)

    # ---- data

    def set_points(self, points) -> None:
        """ChartPoints in any order; drawn oldest to newest."""
        self._points = sorted(points, key=lambda p: (p.t, p.session_id))
        self._times = [p.t for p in self._points]
        self._area_max = nice_area_max(max((p.extent for p in self._points if p.extent is not None), default=0.0))
        self._hover = None
        self._current = None
        self._cache_key = None
        self.update()

    def set_empty_text(self, heading: str, text: str) -> None:
        self.empty_heading, self.empty_text = heading, text
        self.update()

    def set_highlighted(self, session_ids) -> None:
        ids = set(session_ids)
        if ids != self._highlight:
            self._highlight = ids
            self.update()
        if len(ids) == 1:
            index = self._index_of(next(iter(ids)))
            if index is not None:
                self._current = index

    def points(self, series: str = "before") -> list[tuple[int, datetime, float]]:
        """What the chart plots for a series ("before", "after" or "area"): (session id, local time, value),
        oldest first; sessions without that value are left out (a gap in the line)."""
        attr = {"before": "before", "after": "after", "area": "extent"}[series]
        return [(p.session_id, p.when, getattr(p, attr)) for p in self._points if getattr(p, attr) is not None]

    def is_empty(self) -> bool:
        return not self._points

    def _index_of(self, session_id: int) -> int | None:
        for i, p in enumerate(self._points):
            if p.session_id == session_id:
                return i
        return None

    def position_of(self, session_id: int, series: str = "before") -> QPointF | None:
        """Where a session's point is drawn, in widget coordinates (None if it is not drawn)."""
        index = self._index_of(session_id)
        if index is None:
            return None
        p, frame = self._points[index], self._frame()
        x = frame.x(p.t)
        if series == "area":
            return None if p.extent is None else QPointF(x, self._area_y(frame, p.extent))
        value = p.before if series == "before" else p.after
        return None if value is None else QPointF(x, frame.pain_y(value))

    def session_at(self, pos: QPointF) -> int | None:
        index = self._index_at(pos)
        return None if index is None else self._points[index].session_id

    def hovered_session(self) -> int | None:
        """The session under the pointer (drawn with a guide line and rings), or None."""
        return None if self._hover is None else self._points[self._hover].session_id

    def tooltip_text(self, session_id: int) -> str:
        index = self._index_of(session_id)
        return "" if index is None else self._tooltip(self._points[index])

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    # ---- layout

    def _frame(self) -> _Frame:
        key = (self.width(), self.height(), self.font().key(), len(self._points), id(self._points))
        if key == self._cache_key:
            return self._cache[0]
        fm = QFontMetricsF(self.font())
        bold = QFontMetricsF(style.scaled_font(self.font(), 1.0, bold=True))
        lh = fm.height()
        w, h = float(self.width()), float(self.height())
        left = 14 + max(fm.horizontalAdvance("10"), fm.horizontalAdvance("100%")) + 8
        right = 18.0
        top = 10.0
        if self._points:
            t0, t1 = self._points[0].t, self._points[-1].t
        else:
            t0 = t1 = 0.0
        if t1 - t0 < MIN_SPAN_S:
            middle = (t0 + t1) / 2
            t0, t1 = middle - MIN_SPAN_S / 2, middle + MIN_SPAN_S / 2
        inner = 14.0
        usable = max(1.0, w - left - right - 2 * inner)
        self._trend = None
        if len(self._points) > MARKER_LIMIT and usable / len(self._points) < TREND_SPACING_PX:
            self._trend = trend_window(t1 - t0)
        note = self._note_text()
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
        frame = _Frame(pain, area, pain_title, area_title, legend, area.bottom() + 4, area.bottom() + 4 + ticks_h,
                       t0, t1, inner)  # fmt: skip
        self._cache_key = key
        self._segments = {}
        self._cache = (frame, self._geometry(frame))
        return frame

    def pain_note(self) -> str:
        """Words beside the pain title when the lines are averages (many sessions close together)."""
        self._frame()
        return self._note_text()

    def _note_text(self) -> str:
        if not self._trend:
            return ""
        return translate("chart", "lines: {value} average; dots: each session").format(value=self._trend[1])

    def _area_top(self) -> float:
        return self._area_max

    def _area_y(self, frame: _Frame, share: float) -> float:
        return frame.area.bottom() - share / self._area_top() * frame.area.height()

    def _geometry(self, frame: _Frame):
        """Screen positions of the series (recomputed only when the size or the data change)."""
        lines = {}
        singles = {}
        for series in ("before", "after"):
            segments, lone, run = [], [], []
            for p in self._points:
                value = p.before if series == "before" else p.after
                if value is None:
                    if len(run) == 1:
                        lone.append(run[0])
                    elif run:
                        segments.append(run)
                    run = []
                    continue
                run.append((frame.x(p.t), frame.pain_y(value)))
            if len(run) == 1:
                lone.append(run[0])
            elif run:
                segments.append(run)
            if self._trend:  # dots and an average instead
                segments = []
            lines[series] = [QPolygonF([QPointF(x, y) for x, y in decimate(seg)]) for seg in segments]
            singles[series] = lone
        trends, dots = {}, {}
        if self._trend:
            for series in ("before", "after"):
                rated = [(p.t, p.before if series == "before" else p.after) for p in self._points]
                rated = [(t, v) for t, v in rated if v is not None]
                if rated:
                    times = [t for t, _v in rated]
                    means = moving_average(times, [float(v) for _t, v in rated], self._trend[0] * DAY_S)
                    seen = {(int(frame.x(t)), v) for t, v in rated}  # one dot per pixel column and rating
                    dots[series] = QPolygonF([QPointF(x + 0.5, frame.pain_y(v)) for x, v in sorted(seen)])
                    sampled: dict[int, list[float]] = {}  # a smooth line: its mean every 3 pixels is plenty
                    for t, m in zip(times, means):
                        x = frame.x(t)
                        cell = sampled.setdefault(int(x // 3), [0.0, 0.0, 0])
                        cell[0] += x
                        cell[1] += m
                        cell[2] += 1
                    trends[series] = QPolygonF([QPointF(sx / k, frame.pain_y(sm / k)) for sx, sm, k in sampled.values()])
        # Bars: one per session, or the tallest per pixel column when they would touch.
        count = sum(p.extent is not None for p in self._points)
        spacing = (frame.pain.width() - 2 * frame.inner) / max(1, count)
        bar_w = max(1.0, min(14.0, spacing * 0.6))
        columns: dict[int, float] = {}
        for p in self._points:
            if p.extent is not None:
                x = frame.x(p.t)
                c = int(x) if bar_w < 3 else x
                columns[c] = max(columns.get(c, 0.0), p.extent)
        bottom = frame.area.bottom()
        bars = [QRectF(x - bar_w / 2, self._area_y(frame, share), bar_w, bottom - self._area_y(frame, share))
                for x, share in columns.items()]  # fmt: skip
        return lines, singles, bars, bar_w, trends, dots

    # ---- painting

    def _colors(self):
        palette = self.palette()
        dark = style.is_dark(palette)
        return {
            "before": QColor("#ff8f5e") if dark else QColor("#c2410c"),
            "after": style.accent(palette),
            "bar": style.blend(palette.color(QPalette.Base), palette.color(QPalette.Text), 0.42 if dark else 0.36),
            "grid": style.hairline(palette),
            "axis": style.blend(palette.color(QPalette.Base), palette.color(QPalette.Text), 0.3),
            "quiet": style.secondary_text(palette),
            "text": palette.color(QPalette.Text),
            "base": palette.color(QPalette.Base),
            "window": palette.color(QPalette.Window),
            "highlight": palette.color(QPalette.Highlight),
        }

    def paintEvent(self, _event):
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        c = self._colors()
        painter.fillRect(self.rect(), c["window"])
        painter.setRenderHint(QPainter.Antialiasing)
        card = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(c["highlight"] if self.hasFocus() else c["grid"], 2.0 if self.hasFocus() else 1.0))
        painter.setBrush(c["base"])
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        if not self._points:
            self._paint_empty(painter, c)
            return
        frame = self._frame()
        lines, singles, bars, bar_w, trends, dots = self._cache[1]
        fm = QFontMetricsF(self.font())
        unit, ticks = time_ticks(frame.t(frame.pain.left()), frame.t(frame.pain.right()), frame.pain.width(), fm)
        self._paint_titles(painter, frame, c)
        self._paint_grid(painter, frame, c, unit, ticks, fm)
        # Highlighted (selected) sessions: a band behind the data in both panels.
        band = QColor(c["highlight"])
        band.setAlphaF(0.22)
        for p in self._points:
            if p.session_id in self._highlight:
                x = frame.x(p.t)
                half = max(3.0, bar_w / 2 + 3)
                for panel in (frame.pain, frame.area):
                    painter.fillRect(QRectF(x - half, panel.top(), 2 * half, panel.height()), band)
        # Area bars.
        painter.setRenderHint(QPainter.Antialiasing, False)
        painter.setPen(NO_PEN)
        painter.setBrush(style.blend(c["base"], c["bar"], 0.7) if bar_w < 3 else c["bar"])  # a dense row: lighter
        painter.drawRects(bars)
        painter.setRenderHint(QPainter.Antialiasing)
        # Lines, then markers on top.
        many = len(self._points) > MARKER_LIMIT
        width = 1.6 if many else 2.2
        painter.setBrush(NO_BRUSH)
        painter.save()
        painter.setClipRect(frame.pain.adjusted(-12, -12, 12, 12))
        if trends:  # each session a faint dot, the average a bold line
            for series in ("after", "before"):
                colour = QColor(c[series])
                colour.setAlphaF(0.4)
                painter.setPen(QPen(colour, 3.2, Qt.SolidLine, Qt.RoundCap))
                painter.drawPoints(dots[series])
            for series in ("after", "before"):
                if series in trends:
                    self._stroke(painter, QPen(c["base"], 5.5, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin), trends[series])
                    self._stroke(painter, _series_pen(c, series, 2.6), trends[series])
        else:
            for series in ("after", "before"):
                pen = _series_pen(c, series, width)
                for polygon in lines[series]:
                    self._stroke(painter, pen, polygon)
        for series in ("after", "before"):  # circles over squares: equal ratings show a dot in a box
            if trends:
                positions = []  # the dots show every session
            elif many:
                positions = singles[series]
            else:
                positions = [(pt.x(), pt.y()) for polygon in lines[series] for pt in polygon] + singles[series]
            for x, y in positions:
                self._marker(painter, series, QPointF(x, y), c)
        # Selected and hovered sessions: rings around their points.
        for index in sorted({i for i, p in enumerate(self._points) if p.session_id in self._highlight} | ({self._hover} - {None})):
            p = self._points[index]
            x = frame.x(p.t)
            ring = c["highlight"] if p.session_id in self._highlight else c["quiet"]
            for series, value in (("after", p.after), ("before", p.before)):
                if value is not None:
                    self._marker(painter, series, QPointF(x, frame.pain_y(value)), c, big=True, ring=ring)
        painter.restore()
        if self._hover is not None:
            x = frame.x(self._points[self._hover].t)
            pen = QPen(c["quiet"], 1.0, Qt.DashLine)
            painter.setPen(pen)
            for panel in (frame.pain, frame.area):
                painter.drawLine(QPointF(x, panel.top()), QPointF(x, panel.bottom()))

    def _stroke(self, painter: QPainter, pen: QPen, polygon: QPolygonF) -> None:
        """A polyline stroked segment by segment. QPainter strokes a wide polyline as one path and fills it with
        the winding rule, which takes hundreds of milliseconds for a long zigzag; separate segments take a few.
        A dashed pen carries its dash offset from one segment to the next, so the pattern runs on unbroken. The
        segments are kept until the size or the data change."""
        dashed = pen.style() != Qt.SolidLine
        width = max(pen.widthF(), 1.0)
        key = (id(polygon), dashed, width)
        segments = self._segments.get(key)
        if segments is None:
            lines = [QLineF(polygon.at(i), polygon.at(i + 1)) for i in range(polygon.size() - 1)]
            if dashed:
                period, offset, segments = sum(pen.dashPattern()), 0.0, []
                for line in lines:
                    segments.append((line, offset))
                    offset = (offset + line.length() / width) % period
            else:
                segments = lines
            self._segments[key] = segments
        if not dashed:
            painter.setPen(pen)
            painter.drawLines(segments)
            return
        for line, offset in segments:
            segment = QPen(pen)
            segment.setDashOffset(offset)
            painter.setPen(segment)
            painter.drawLine(line)

    def _paint_empty(self, painter: QPainter, c) -> None:
        area = QRectF(self.rect()).adjusted(40, 30, -40, -30)
        heading_font = style.scaled_font(self.font(), 1.3, bold=True)
        painter.setFont(heading_font)
        painter.setPen(c["text"])
        hm = QFontMetricsF(heading_font)
        body = QRectF(area.left(), 0, area.width(), 1000)
        flags = int(Qt.AlignHCenter | Qt.TextWordWrap)
        painter.setFont(self.font())
        text_rect = painter.boundingRect(body, flags, self.empty_text)
        total = hm.height() + 10 + text_rect.height()
        top = area.center().y() - total / 2
        painter.setFont(heading_font)
        painter.drawText(QRectF(area.left(), top, area.width(), hm.height()), Qt.AlignHCenter, self.empty_heading)
        painter.setFont(self.font())
        painter.setPen(c["quiet"])
        painter.drawText(QRectF(area.left(), top + hm.height() + 10, area.width(), text_rect.height() + 2), flags, self.empty_text)

    def _paint_titles(self, painter: QPainter, frame: _Frame, c) -> None:
        painter.setFont(style.scaled_font(self.font(), 1.0, bold=True))
        painter.setPen(c["text"])
        painter.drawText(frame.pain_title, Qt.AlignLeft | Qt.AlignVCenter, translate("chart", PAIN_TITLE))
        painter.drawText(frame.area_title, Qt.AlignLeft | Qt.AlignVCenter, translate("chart", AREA_TITLE))
        painter.setFont(self.font())
        note = self._note_text()
        if note:
            shift = QFontMetricsF(style.scaled_font(self.font(), 1.0, bold=True)).horizontalAdvance(translate("chart", PAIN_TITLE)) + 12
            painter.setPen(c["quiet"])
            painter.drawText(frame.pain_title.adjusted(shift, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, note)
        for series, rect in frame.legend:
            y = rect.center().y()
            painter.setPen(_series_pen(c, series, 2.2))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + 26, y))
            self._marker(painter, series, QPointF(rect.left() + 13, y), c)
            painter.setPen(c["text"])
            painter.drawText(rect.adjusted(32, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, translate("chart", LEGEND_BEFORE if series == "before" else LEGEND_AFTER))

    def _paint_grid(self, painter: QPainter, frame: _Frame, c, unit, ticks, fm: QFontMetricsF) -> None:
        painter.setFont(self.font())
        grid = QPen(c["grid"], 1.0)
        grid.setCosmetic(True)
        label_w = frame.pain.left() - 22
        # Pain axis: 0 to 10 every 2.
        for value in range(0, 11, 2):
            y = frame.pain_y(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(frame.pain.left(), y), QPointF(frame.pain.right(), y))
            painter.setPen(c["quiet"])
            painter.drawText(QRectF(14, y - fm.height() / 2, label_w, fm.height()), Qt.AlignRight | Qt.AlignVCenter, str(value))
        # Area axis: 0, half and the top.
        top = self._area_top()
        for share in (0.0, top / 2, top):
            y = self._area_y(frame, share)
            painter.setPen(grid)
            painter.drawLine(QPointF(frame.area.left(), y), QPointF(frame.area.right(), y))
            painter.setPen(c["quiet"])
            painter.drawText(QRectF(14, y - fm.height() / 2, label_w, fm.height()), Qt.AlignRight | Qt.AlignVCenter, _percent_label(share))
        # Time axis: vertical lines at the ticks, labels centred under them, never overlapping.
        last_right = -1e9
        width = float(self.width())
        for t, label in ticks:
            x = frame.x(t)
            painter.setPen(grid)
            for panel in (frame.pain, frame.area):
                painter.drawLine(QPointF(x, panel.top()), QPointF(x, panel.bottom()))
            text_w = fm.horizontalAdvance(label) + 2
            left = min(max(x - text_w / 2, 4.0), width - 4 - text_w)
            if left < last_right + 8:
                continue
            painter.setPen(c["quiet"])
            painter.drawText(QRectF(left, frame.ticks_y, text_w, fm.height()), Qt.AlignCenter, label)
            last_right = left + text_w
        axis = QPen(c["axis"], 1.0)
        axis.setCosmetic(True)
        painter.setPen(axis)
        for panel in (frame.pain, frame.area):
            painter.drawLine(panel.bottomLeft(), panel.bottomRight())
        if unit == "year":
            return
        # Years: a label where each year starts (or at the left edge), with a stronger line at 1 January.
        first, last = day_of(frame.t(frame.pain.left())), day_of(frame.t(frame.pain.right()))
        last_right = -1e9
        for year in range(first.year, last.year + 1):
            start = midnight(date(year, 1, 1))
            x = frame.x(start)
            if year == first.year and year < last.year:
                # The year that starts before the left edge: its label only if the next year's leaves it room.
                room = frame.x(midnight(date(year + 1, 1, 1))) - frame.pain.left()
                if room < fm.horizontalAdvance("2088") + 24:
                    continue
            if x > frame.pain.left():
                painter.setPen(axis)
                for panel in (frame.pain, frame.area):
                    painter.drawLine(QPointF(x, panel.top()), QPointF(x, panel.bottom()))
                painter.drawLine(QPointF(x, frame.ticks_y), QPointF(x, frame.years_y + fm.height() * 0.8))
            left = max(x + 4, frame.pain.left())
            text_w = fm.horizontalAdvance(str(year)) + 2
            if left < last_right + 12 or left + text_w > width - 4:
                continue
            painter.setPen(c["text"])
            painter.drawText(QRectF(left, frame.years_y, text_w, fm.height()), Qt.AlignLeft | Qt.AlignVCenter, str(year))
            last_right = left + text_w

    def _marker(self, painter: QPainter, series: str, at: QPointF, c, big: bool = False, ring: QColor | None = None) -> None:
        if series == "before":  # filled circle
            r = 6.5 if big else 4.5
            if ring is not None:
                painter.setPen(QPen(ring, 2.0))
                painter.setBrush(NO_BRUSH)
                painter.drawEllipse(at, r + 2.5, r + 2.5)
            painter.setPen(QPen(c["base"], 1.4))
            painter.setBrush(c["before"])
            painter.drawEllipse(at, r, r)
        else:  # hollow square
            s = 6.0 if big else 4.5
            if ring is not None:
                painter.setPen(QPen(ring, 2.0))
                painter.setBrush(NO_BRUSH)
                painter.drawRect(QRectF(at.x() - s - 3, at.y() - s - 3, 2 * s + 6, 2 * s + 6))
            painter.setPen(QPen(c["after"], 2.0))
            painter.setBrush(c["base"])  # hollow: the background shows inside, not the line
            painter.drawRect(QRectF(at.x() - s, at.y() - s, 2 * s, 2 * s))

    # ---- interaction

    def _index_at(self, pos: QPointF) -> int | None:
        if not self._points:
            return None
        frame = self._frame()
        x, y = pos.x(), pos.y()
        if not (frame.pain.top() - 10 <= y <= frame.area.bottom() + 6 and frame.pain.left() - 8 <= x <= frame.pain.right() + 8):
            return None
        t = frame.t(x)
        i = bisect.bisect_left(self._times, t)
        best, best_d = None, 1e9
        for j in range(max(0, i - 3), min(len(self._points), i + 3)):
            p = self._points[j]
            dx = abs(frame.x(p.t) - x)
            dy = min((abs(frame.pain_y(v) - y) for v in (p.before, p.after) if v is not None), default=0.0)
            d = dx + (0.05 * dy if frame.pain.contains(pos) else 0.0)  # sessions share a column: nearer point wins
            if d < best_d:
                best, best_d = j, d
        if best is None or abs(frame.x(self._points[best].t) - x) > 12:
            return None
        return best

    def _tooltip(self, p: ChartPoint) -> str:
        lines = [format_when(p.when)]
        if p.person:
            lines.append(p.person)
        lines.append(translate("chart", "Pain before the routine: {format_rating}").format(format_rating=format_rating(p.before)))
        lines.append(translate("chart", "Pain after the routine: {format_rating}").format(format_rating=format_rating(p.after)))
        lines.append(translate("chart", "Area marked: {format_area}").format(format_area=format_area(p.extent)))
        return "\n".join(lines)

    def mouseMoveEvent(self, event):
        index = self._index_at(event.position())
        if index != self._hover:
            self._hover = index
            self.update()
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), self._tooltip(self._points[index]), self)
        super().mouseMoveEvent(event)

    def event(self, event):
        if event.type() == QEvent.ToolTip:
            index = self._index_at(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(self._points[index]), self)
            return True
        return super().event(event)

    def leaveEvent(self, event):
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event):
        if event.button() == Qt.LeftButton:
            index = self._index_at(event.position())
            if index is not None:
                self._current = index
                self.sessionClicked.emit(self._points[index].session_id, bool(event.modifiers() & Qt.ControlModifier))
                event.accept()
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event):
        """Left/Right (Home/End) step through the sessions and select each one."""
        if self._points and event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Home, Qt.Key_End):
            last = len(self._points) - 1
            current = self._current if self._current is not None else last
            target = {Qt.Key_Left: max(0, current - 1), Qt.Key_Right: min(last, current + 1),
                      Qt.Key_Home: 0, Qt.Key_End: last}[event.key()]  # fmt: skip
            self._current = target
            self.sessionClicked.emit(self._points[target].session_id, False)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.update()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() in (QEvent.PaletteChange, QEvent.FontChange):
            self._cache_key = None
            self.update()


def _series_pen(c, series: str, width: float) -> QPen:
    """Before: a solid line. After: a dashed one (the colour is never the only difference)."""
    if series == "after":
        pen = QPen(c[series], width, Qt.CustomDashLine, Qt.FlatCap, Qt.RoundJoin)
        pen.setDashPattern([3.0, 2.2])
        return pen
    return QPen(c[series], width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
