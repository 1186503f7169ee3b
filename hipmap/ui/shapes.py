"""shapely shapes -> Qt painter paths: the shapes drawn are exactly the shapes the core hit-tests."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry


def _ring(coords) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in coords])


def painter_path(geometry: BaseGeometry | None) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.OddEvenFill)  # interiors become holes
    if geometry is None or geometry.is_empty:
        return path
    polygons = getattr(geometry, "geoms", [geometry])
    for polygon in polygons:
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        path.addPolygon(_ring(polygon.exterior.coords))
        path.closeSubpath()
        for interior in polygon.interiors:
            path.addPolygon(_ring(interior.coords))
            path.closeSubpath()
    return path
