"""shapely shapes -> Qt painter paths: the shapes drawn are exactly the shapes the core hit-tests."""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QDataStream, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem
from shapely.geometry.base import BaseGeometry

# One element of a QPainterPath as QDataStream writes it (big-endian): its type (0 move to, 1 line to), x and y.
_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_INT = np.dtype(">i4")


def painter_path(geometry: BaseGeometry | None) -> QPainterPath:
    """Each ring of each polygon as a closed subpath, with odd-even filling (so interiors become holes).

    The same path as addPolygon() and closeSubpath() ring by ring make, element for element, but read in one go
    from the bytes QDataStream would write for it: making thousands of QPointF one by one cost about a millisecond
    per zone, on the way from a click to the overlay painted."""
    path = QPainterPath()
    path.setFillRule(Qt.OddEvenFill)
    if geometry is None or geometry.is_empty:
        return path
    rings = []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = shapely.get_coordinates(ring)
            if len(coords):
                if len(coords) > 1 and tuple(coords[0]) != tuple(coords[-1]):
                    coords = np.vstack([coords, coords[:1]])  # closeSubpath() draws back to the start (shapely's rings are closed)
                rings.append(coords)
    if not rings:
        return path
    elements = np.empty(sum(len(c) for c in rings), _ELEMENT)
    elements["type"] = 1
    start = 0
    for coords in rings:
        elements["type"][start] = 0
        elements["x"][start : start + len(coords)] = coords[:, 0]
        elements["y"][start : start + len(coords)] = coords[:, 1]
        start += len(coords)
    # the element count, the elements, where the last subpath starts, the fill rule (0: odd-even)
    tail = np.array([start - len(rings[-1]), 0], _INT)
    stream = QDataStream(QByteArray(np.array([len(elements)], _INT).tobytes() + elements.tobytes() + tail.tobytes()))
    stream >> path
    path.setFillRule(Qt.OddEvenFill)
    return path


class PathItem(QGraphicsPathItem):
    """A path item whose bounding rectangle is the path's, widened by its pen's width, not Qt's own: Qt strokes
    the whole path (QPainterPathStroker) to find it, more than a millisecond for a smoothed zone of a few thousand
    points, on the way from a click to the overlay painted. The rectangle holds everything the pen paints (a pen
    reaches half its width from the path, a square cap less than 0.71 of it), so what is painted is unchanged;
    hit-testing (tooltips) still uses Qt's exact shape."""

    def __init__(self, path: QPainterPath, pen: QPen | None = None, brush: QBrush | None = None):
        super().__init__(path)
        if pen is not None:
            super().setPen(pen)
        if brush is not None:
            super().setBrush(brush)
        self._rect = self._bounds()

    def _bounds(self) -> QRectF:
        pen = self.pen()
        w = 0.0 if pen.style() == Qt.NoPen else pen.widthF()
        return self.path().controlPointRect().adjusted(-w, -w, w, w)

    def setPath(self, path: QPainterPath) -> None:
        self.prepareGeometryChange()
        super().setPath(path)
        self._rect = self._bounds()

    def setPen(self, pen: QPen) -> None:
        self.prepareGeometryChange()
        super().setPen(pen)
        self._rect = self._bounds()

    def boundingRect(self) -> QRectF:
        return self._rect
