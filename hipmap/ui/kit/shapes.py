"""shapely shapes -> Qt painter paths: the shapes drawn are exactly the shapes the core hit-tests."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry


def painter_path(geometry: BaseGeometry | None) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.OddEvenFill)  # interiors become holes
    if geometry is None or geometry.is_empty:
        return path
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in shapely.get_coordinates(ring).tolist()]))
            path.closeSubpath()
    return path
