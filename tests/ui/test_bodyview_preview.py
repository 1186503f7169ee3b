"""The live preview of a stroke being painted: built one segment at a time, it is the brush swept along the path."""

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker
from PySide6.QtSvg import QSvgRenderer

from hipmap.ui.diagram.bodyview import BodyView


def _whole_stroke(points, radius):
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * radius)
    stroker.setCapStyle(Qt.RoundCap)
    stroker.setJoinStyle(Qt.RoundJoin)
    path = QPainterPath()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    return stroker.createStroke(path).simplified()


def test_the_preview_grown_segment_by_segment_is_the_whole_stroke(qtbot, atlas):
    view = BodyView(atlas, "posterior", QSvgRenderer(str(atlas.views["posterior"].svg_file)))
    qtbot.addWidget(view)
    points = [(200 + 80 * math.cos(i / 9), 250 + 2.5 * i) for i in range(150)]  # it doubles back on itself
    view._stroke = [points[0]]
    view._update_preview()
    assert view.preview_item.path().contains(QPointF(*points[0]))
    for p in points[1:]:
        view._stroke.append(p)
        view._update_preview()
    grown, whole = view.preview_item.path(), _whole_stroke(points, view.brush_radius)
    box, expected = grown.boundingRect(), whole.boundingRect()
    for a, b in ((box.left(), expected.left()), (box.top(), expected.top()), (box.right(), expected.right()), (box.bottom(), expected.bottom())):
        assert abs(a - b) < 0.5
    for x in range(100, 320, 4):  # the same inside and outside, away from the edge
        for y in range(220, 660, 4):
            q = QPointF(x, y)
            near_edge = any(abs(math.dist((x, y), p) - view.brush_radius) < 0.75 for p in points)
            if not near_edge:
                assert grown.contains(q) == whole.contains(q), (x, y)
