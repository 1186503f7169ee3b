"""Pain over time: the ratings before and after each session's routine, and the area marked, on a real time axis.

Painted with QPainter straight from the data on every paint (no cached pixmaps), so it stays crisp at any device
pixel ratio and follows the palette. The two ratings differ by marker and line style as well as colour (filled
circles on a solid line before, hollow squares on a dashed line after). With many sessions the lines keep only
the first, lowest, highest and last point of each pixel column, which draws the same picture, and the markers
are left out.

This module is the widget (its data, painting order and mouse and keys); what it plots is in chartdata.py, where
things go in chartlayout.py, and how each part is drawn in chartpaint.py.
"""

from __future__ import annotations

import bisect
from datetime import datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ..kit import style
from ..kit.i18n import QT_TRANSLATE_NOOP, translate
from .chartdata import ChartPoint, nice_area_max, time_ticks
from .chartlayout import MARKER_LIMIT, ChartFrame, chart_frame, series_geometry, trend_note
from .chartpaint import NO_BRUSH, NO_PEN, colors, marker, paint_empty, paint_grid, paint_titles, series_pen, stroke
from .formats import format_area, format_rating, format_when, routine_text

EMPTY_HEADING = QT_TRANSLATE_NOOP("chart", "No sessions yet")
EMPTY_TEXT = (
    QT_TRANSLATE_NOOP("chart", "Each saved session appears here: the pain before and after, and how much of the body drawing was marked, so you can see how it changes over time.")
)


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
            return None if p.extent is None else QPointF(x, frame.area_y(p.extent))
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

    def _frame(self) -> ChartFrame:
        key = (self.width(), self.height(), self.font().key(), len(self._points), id(self._points))
        if key == self._cache_key:
            return self._cache[0]
        frame, self._trend = chart_frame(float(self.width()), float(self.height()), self.font(), self._points, self._area_max)
        self._cache_key = key
        self._segments = {}
        self._cache = (frame, series_geometry(frame, self._points, self._trend))
        return frame

    def pain_note(self) -> str:
        """Words beside the pain title when the lines are averages (many sessions close together)."""
        self._frame()
        return trend_note(self._trend)

    # ---- painting

    def paintEvent(self, _event):
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        c = colors(self.palette())
        painter.fillRect(self.rect(), c["window"])
        painter.setRenderHint(QPainter.Antialiasing)
        card = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(c["highlight"] if self.hasFocus() else c["grid"], 2.0 if self.hasFocus() else 1.0))
        painter.setBrush(c["base"])
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        if not self._points:
            paint_empty(painter, c, self.rect(), self.font(), self.empty_heading, self.empty_text)
            return
        frame = self._frame()
        lines, singles, bars, bar_w, trends, dots = self._cache[1]
        fm = QFontMetricsF(self.font())
        unit, ticks = time_ticks(frame.t(frame.pain.left()), frame.t(frame.pain.right()), frame.pain.width(), fm)
        paint_titles(painter, frame, c, self.font(), trend_note(self._trend))
        paint_grid(painter, frame, c, unit, ticks, fm, self.font(), float(self.width()))
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
                    stroke(painter, QPen(c["base"], 5.5, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin), trends[series], self._segments)
                    stroke(painter, series_pen(c, series, 2.6), trends[series], self._segments)
        else:
            for series in ("after", "before"):
                pen = series_pen(c, series, width)
                for polygon in lines[series]:
                    stroke(painter, pen, polygon, self._segments)
        for series in ("after", "before"):  # circles over squares: equal ratings show a dot in a box
            if trends:
                positions = []  # the dots show every session
            elif many:
                positions = singles[series]
            else:
                positions = [(pt.x(), pt.y()) for polygon in lines[series] for pt in polygon] + singles[series]
            for x, y in positions:
                marker(painter, series, QPointF(x, y), c)
        # Selected and hovered sessions: rings around their points.
        for index in sorted({i for i, p in enumerate(self._points) if p.session_id in self._highlight} | ({self._hover} - {None})):
            p = self._points[index]
            x = frame.x(p.t)
            ring = c["highlight"] if p.session_id in self._highlight else c["quiet"]
            for series, value in (("after", p.after), ("before", p.before)):
                if value is not None:
                    marker(painter, series, QPointF(x, frame.pain_y(value)), c, big=True, ring=ring)
        painter.restore()
        if self._hover is not None:
            x = frame.x(self._points[self._hover].t)
            pen = QPen(c["quiet"], 1.0, Qt.DashLine)
            painter.setPen(pen)
            for panel in (frame.pain, frame.area):
                painter.drawLine(QPointF(x, panel.top()), QPointF(x, panel.bottom()))

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
        lines.append(translate("chart", "Pain before: {format_rating}").format(format_rating=format_rating(p.before)))
        lines.append(translate("chart", "Pain after: {format_rating}").format(format_rating=format_rating(p.after)))
        lines.append(translate("chart", "Area marked: {format_area}").format(format_area=format_area(p.extent)))
        lines.append(routine_text(p)[1])
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

