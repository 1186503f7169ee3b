"""How the parts of the pain chart are drawn with QPainter: the colours, the pens and markers of the two series,
the titles and legend, the grid and axes, and the words shown when there are no sessions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF

from ..kit import style
from ..kit.i18n import translate
from .chartdata import day_of, midnight
from .chartlayout import AREA_TITLE, LEGEND_AFTER, LEGEND_BEFORE, PAIN_TITLE, ChartFrame

# Objects, not the Qt.NoPen / Qt.NoBrush enums: see candidates.py (a PySide6 6.12 reference-count bug).
NO_PEN = QPen(Qt.NoPen)
NO_BRUSH = QBrush(Qt.NoBrush)


def colors(palette: QPalette) -> dict[str, QColor]:
    """The chart's colours for a palette, by role."""
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


def series_pen(c, series: str, width: float) -> QPen:
    """Before: a solid line. After: a dashed one (the colour is never the only difference)."""
    if series == "after":
        pen = QPen(c[series], width, Qt.CustomDashLine, Qt.FlatCap, Qt.RoundJoin)
        pen.setDashPattern([3.0, 2.2])
        return pen
    return QPen(c[series], width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)


def marker(painter: QPainter, series: str, at: QPointF, c, big: bool = False, ring: QColor | None = None) -> None:
    """A point of a series: a filled circle before, a hollow square after; bigger and ringed when picked."""
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


def stroke(painter: QPainter, pen: QPen, polygon: QPolygonF, cache: dict) -> None:
    """A polyline stroked segment by segment. QPainter strokes a wide polyline as one path and fills it with
    the winding rule, which takes hundreds of milliseconds for a long zigzag; separate segments take a few.
    A dashed pen carries its dash offset from one segment to the next, so the pattern runs on unbroken. The
    segments are kept in `cache` (the widget empties it when the size or the data change)."""
    dashed = pen.style() != Qt.SolidLine
    width = max(pen.widthF(), 1.0)
    key = (id(polygon), dashed, width)
    segments = cache.get(key)
    if segments is None:
        lines = [QLineF(polygon.at(i), polygon.at(i + 1)) for i in range(polygon.size() - 1)]
        if dashed:
            period, offset, segments = sum(pen.dashPattern()), 0.0, []
            for line in lines:
                segments.append((line, offset))
                offset = (offset + line.length() / width) % period
        else:
            segments = lines
        cache[key] = segments
    if not dashed:
        painter.setPen(pen)
        painter.drawLines(segments)
        return
    for line, offset in segments:
        segment = QPen(pen)
        segment.setDashOffset(offset)
        painter.setPen(segment)
        painter.drawLine(line)


def _percent_label(share: float) -> str:
    return f"{share * 100:g}%"


def paint_empty(painter: QPainter, c, rect: QRect, font: QFont, heading: str, text: str) -> None:
    """The words shown instead of the chart when there are no sessions."""
    area = QRectF(rect).adjusted(40, 30, -40, -30)
    heading_font = style.scaled_font(font, 1.3, bold=True)
    painter.setFont(heading_font)
    painter.setPen(c["text"])
    hm = QFontMetricsF(heading_font)
    body = QRectF(area.left(), 0, area.width(), 1000)
    flags = int(Qt.AlignHCenter | Qt.TextWordWrap)
    painter.setFont(font)
    text_rect = painter.boundingRect(body, flags, text)
    total = hm.height() + 10 + text_rect.height()
    top = area.center().y() - total / 2
    painter.setFont(heading_font)
    painter.drawText(QRectF(area.left(), top, area.width(), hm.height()), Qt.AlignHCenter, heading)
    painter.setFont(font)
    painter.setPen(c["quiet"])
    painter.drawText(QRectF(area.left(), top + hm.height() + 10, area.width(), text_rect.height() + 2), flags, text)


def paint_titles(painter: QPainter, frame: ChartFrame, c, font: QFont, note: str) -> None:
    """The panel titles, the averaging note and the legend."""
    painter.setFont(style.scaled_font(font, 1.0, bold=True))
    painter.setPen(c["text"])
    painter.drawText(frame.pain_title, Qt.AlignLeft | Qt.AlignVCenter, translate("chart", PAIN_TITLE))
    painter.drawText(frame.area_title, Qt.AlignLeft | Qt.AlignVCenter, translate("chart", AREA_TITLE))
    painter.setFont(font)
    if note:
        shift = QFontMetricsF(style.scaled_font(font, 1.0, bold=True)).horizontalAdvance(translate("chart", PAIN_TITLE)) + 12
        painter.setPen(c["quiet"])
        painter.drawText(frame.pain_title.adjusted(shift, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, note)
    for series, rect in frame.legend:
        y = rect.center().y()
        painter.setPen(series_pen(c, series, 2.2))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + 26, y))
        marker(painter, series, QPointF(rect.left() + 13, y), c)
        painter.setPen(c["text"])
        painter.drawText(rect.adjusted(32, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, translate("chart", LEGEND_BEFORE if series == "before" else LEGEND_AFTER))


def _apart(values, y, fm: QFontMetricsF) -> bool:
    places = sorted(y(v) for v in values)
    return all(b - a >= fm.height() * 1.1 for a, b in zip(places, places[1:]))


def pain_ticks(frame: ChartFrame, fm: QFontMetricsF) -> list[int]:
    """The pain axis's labels: 0 to 10 every 2, else every 5, else the ends, whichever first keeps them apart
    (a short chart at large text drew them over each other)."""
    choices = ([0, 2, 4, 6, 8, 10], [0, 5, 10], [0, 10])
    return next((c for c in choices if _apart(c, frame.pain_y, fm)), [10])


def area_ticks(frame: ChartFrame, fm: QFontMetricsF) -> list[float]:
    """The area axis's labels: 0, half and the top, else the ends, else the top alone."""
    top = frame.area_max
    return next((c for c in ([0.0, top / 2, top], [0.0, top]) if _apart(c, frame.area_y, fm)), [top])


def paint_grid(painter: QPainter, frame: ChartFrame, c, unit, ticks, fm: QFontMetricsF, font: QFont,
               width: float) -> None:
    """The grid lines and the labels of the pain, area and time axes, and the years below the time axis."""
    painter.setFont(font)
    grid = QPen(c["grid"], 1.0)
    grid.setCosmetic(True)
    label_w = frame.pain.left() - 22
    for value in pain_ticks(frame, fm):
        y = frame.pain_y(value)
        painter.setPen(grid)
        painter.drawLine(QPointF(frame.pain.left(), y), QPointF(frame.pain.right(), y))
        painter.setPen(c["quiet"])
        painter.drawText(QRectF(14, y - fm.height() / 2, label_w, fm.height()), Qt.AlignRight | Qt.AlignVCenter, str(value))
    for share in area_ticks(frame, fm):
        y = frame.area_y(share)
        painter.setPen(grid)
        painter.drawLine(QPointF(frame.area.left(), y), QPointF(frame.area.right(), y))
        painter.setPen(c["quiet"])
        painter.drawText(QRectF(14, y - fm.height() / 2, label_w, fm.height()), Qt.AlignRight | Qt.AlignVCenter, _percent_label(share))
    # Time axis: vertical lines at the ticks, labels centred under them, never overlapping.
    last_right = -1e9
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
