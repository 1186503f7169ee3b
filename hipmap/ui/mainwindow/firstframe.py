"""The diagrams as the window first shows them, while the atlas loads.

Loading the atlas means importing numpy and shapely and checking every data file: a few hundred milliseconds.
The window does not wait for it: it paints the same drawings at once (they need only Qt's SVG renderer), then
the interactive views replace them. This module must stay light: Qt and the vocabulary only.

On a warm start the frame also takes marks before the atlas is loaded (take_marks): the warm-start cache's light
part gives each view's body outline as plain coordinates, so a click or a drag is drawn at once, clipped to the
body as the document clips it, and queued; the window hands the queue to the document once the atlas is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from ...core.content.vocabulary import VIEW_IDS
from ...core.reading import MAX_SVG_BYTES, check_regular  # (not svgdoc's expat and dataclasses before the first frame)
from ..diagram.drawing import MIN_STEP, VIEWBOX, draw_view, drawing_for
from ..kit.i18n import translate

if TYPE_CHECKING:  # (imported where used: what only marks need waits for the first frame)
    from PySide6.QtGui import QPainterPath, QTransform


# Qt.AlignHCenter | Qt.AlignBottom, as the int QPainter.drawText also takes: importing Qt's namespace builds its ~90
# enums (~15 ms), which the first frame does without (see window.py). Only what runs after it imports Qt.
BOTTOM_CENTRE = 0x0004 | 0x0040


def cross_cursor():
    """Qt's cross cursor, made without Qt's namespace: Qt.CrossCursor (or any Qt.CursorShape) builds its ~90 enums,
    ~15 ms that the frame taking marks would wait for. A cursor read from a data stream is its shape, a 16-bit
    number (QDataStream's format for a cursor, stable across Qt versions): 2, the cross."""
    from PySide6.QtCore import QByteArray, QDataStream
    from PySide6.QtGui import QCursor

    cursor = QCursor()
    QDataStream(QByteArray(CROSS_CURSOR_SHAPE.to_bytes(2, "big"))) >> cursor
    return cursor


CROSS_CURSOR_SHAPE = 2  # Qt.CrossCursor's value


def _readable(path: Path) -> bool:
    """A drawing Qt may read: a regular file of sane size (a FIFO would block the first paint for ever)."""
    try:
        check_regular(path, MAX_SVG_BYTES)
    except OSError:
        return False
    return True


def rings_path(rings) -> QPainterPath:
    """Plain coordinate rings (warmstart.light_views) as one odd-even path: holes stay holes."""
    from PySide6.QtGui import QPainterPath, QPolygonF

    path = QPainterPath()  # (odd-even filled: a path's own rule, so Qt's namespace is not needed before marking)
    for ring in rings:
        if len(ring) >= 3:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
            path.closeSubpath()
    return path


def stroke_path(points, radius: float) -> QPainterPath:
    """A click (a disc) or a drag (a round-capped band) of the brush's radius, in view units."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainterPath, QPainterPathStroker

    if len(points) == 1:
        path = QPainterPath()
        path.addEllipse(QPointF(*points[0]), radius, radius)
        return path
    line = QPainterPath(QPointF(*points[0]))
    for x, y in points[1:]:
        line.lineTo(x, y)
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * radius)
    stroker.setCapStyle(Qt.RoundCap)
    stroker.setJoinStyle(Qt.RoundJoin)
    return stroker.createStroke(line).simplified()


class FirstFrame(QWidget):
    painted = Signal()  # once, after the first paint
    live = Signal()  # once, after the first paint that takes marks (take_marks)

    def __init__(self, assets_dir: Path, view_ids=None, parent=None):
        super().__init__(parent)
        self.setAccessibleName(translate("firstframe", "Body diagrams (loading)"))
        # The palette's Base behind the drawings, filled by Qt, and its PlaceholderText as the painter's first pen (what
        # the "Loading" line is written in): QPainter's fillRect and setPen would build Qt's namespace, resolving
        # their overloads.
        self.setBackgroundRole(QPalette.Base)
        self.setAutoFillBackground(True)
        self.setForegroundRole(QPalette.PlaceholderText)
        self.view_ids = [v for v in (view_ids or VIEW_IDS[:1]) if v in VIEW_IDS]
        self.drawings = []
        for view_id in self.view_ids:
            name, mirrored = drawing_for(view_id)
            path = Path(assets_dir) / "views" / name
            renderer = QSvgRenderer(str(path), self) if _readable(path) else None
            self.drawings.append((renderer, mirrored))
        self._announced = False
        self.bodies: dict[str, QPainterPath] = {}  # view id -> its body outline, once marks can be taken
        self.queued: list[tuple[str, list, float]] = []  # (view id, points, radius): for the document, in order
        self._drawn: list[tuple[str, QPainterPath, int]] = []  # what the queue looks like: view, shape, rating
        self._stroke: tuple[str, list] | None = None
        self._radius = lambda: 12.0
        self._intensity = lambda: 5
        self._went_live = False

    def take_marks(self, light_views: dict, radius, intensity) -> bool:
        """Take clicks and drags from now on (False if LIGHT_VIEWS lacks a shown view): RADIUS() and INTENSITY()
        give the brush's radius and the rating, as the toolbar shows them."""
        try:
            bodies = {v: rings_path([r for rings in light_views[v]["body"].values() for r in rings]) for v in self.view_ids}
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        self.bodies = bodies
        self._radius, self._intensity = radius, intensity
        self.setCursor(cross_cursor())
        self.update()
        return True

    def _slot(self, i: int) -> QTransform:
        """View units -> this widget's pixels for the i-th drawing (as paintEvent places it)."""
        from PySide6.QtGui import QTransform

        n = max(1, len(self.drawings))
        slot_w = self.width() / n
        x0, y0, w, h = VIEWBOX
        scale = min(slot_w / w, self.height() / h)
        t = QTransform()
        t.translate(i * slot_w + (slot_w - w * scale) / 2, (self.height() - h * scale) / 2)
        t.scale(scale, scale)
        t.translate(-x0, -y0)
        return t

    def _at(self, pos) -> tuple[str, tuple[float, float]] | None:
        if not self.bodies or not self.view_ids:
            return None
        i = min(len(self.view_ids) - 1, max(0, int(pos.x() / (self.width() / len(self.view_ids)))))
        inverse, ok = self._slot(i).inverted()
        if not ok:
            return None
        p = inverse.map(QPointF(pos))
        return self.view_ids[i], (p.x(), p.y())

    def mousePressEvent(self, event):
        from PySide6.QtCore import Qt

        found = self._at(event.position()) if event.button() == Qt.LeftButton else None
        if found is None or not self.bodies[found[0]].contains(QPointF(*found[1])):
            return super().mousePressEvent(event)
        self._stroke = (found[0], [found[1]])
        self.update()

    def mouseMoveEvent(self, event):
        if self._stroke is None:
            return super().mouseMoveEvent(event)
        view_id, points = self._stroke
        i = self.view_ids.index(view_id)
        inverse, _ok = self._slot(i).inverted()
        p = inverse.map(QPointF(event.position()))
        last = points[-1]
        if (p.x() - last[0]) ** 2 + (p.y() - last[1]) ** 2 >= MIN_STEP**2:
            points.append((p.x(), p.y()))
            self.update()

    def mouseReleaseEvent(self, event):
        from PySide6.QtCore import Qt

        if self._stroke is None or event.button() != Qt.LeftButton:
            return super().mouseReleaseEvent(event)
        self.finish_stroke()

    def finish_stroke(self) -> None:
        """Queue the stroke being drawn, as a release would: called on release, and when the atlas arrives while
        the button is still down (the diagrams take over then; the stroke so far is kept, not lost)."""
        if self._stroke is None:
            return
        (view_id, points), self._stroke = self._stroke, None
        radius = float(self._radius())
        self.queued.append((view_id, points, radius))
        shape = stroke_path(points, radius).intersected(self.bodies[view_id])
        self._drawn.append((view_id, shape, int(self._intensity())))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, 800)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 400)

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        n = max(1, len(self.drawings))
        slot_w = self.width() / n
        x0, y0, w, h = VIEWBOX
        for i, (renderer, mirrored) in enumerate(self.drawings):
            if renderer is None or not renderer.isValid():
                continue
            scale = min(slot_w / w, self.height() / h)
            painter.save()
            painter.translate(i * slot_w + (slot_w - w * scale) / 2, (self.height() - h * scale) / 2)
            painter.scale(scale, scale)
            draw_view(painter, renderer, QRectF(x0, y0, w, h), mirrored)
            painter.restore()
        if self._drawn or self._stroke:
            from PySide6.QtGui import QColor, QPen

            from ..kit.colors import PAIN_RGB, pain_fill

            shapes = list(self._drawn)
            if self._stroke is not None:
                view_id, points = self._stroke
                shapes.append((view_id, stroke_path(points, float(self._radius())).intersected(self.bodies[view_id]), int(self._intensity())))
            for view_id, shape, intensity in shapes:
                painter.save()
                painter.setTransform(self._slot(self.view_ids.index(view_id)))
                painter.setPen(QPen(QColor(*PAIN_RGB).darker(140), 1.2))
                painter.setBrush(pain_fill(intensity))
                painter.drawPath(shape)
                painter.restore()
        painter.drawText(self.rect().adjusted(0, 0, 0, -12), BOTTOM_CENTRE, translate("firstframe", "Loading the body atlas…"))
        painter.end()
        if not self._announced:
            self._announced = True
            self.painted.emit()
        if self.bodies and not self._went_live:
            self._went_live = True
            self.live.emit()
