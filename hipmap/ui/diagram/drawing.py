"""How a view's SVG drawing is put on a painter: the one place that knows lateral_left is lateral_right mirrored.

Used by the first frame, the interactive diagram, presentation slides and the handout's figures. Light on purpose
(Qt's SVG renderer only): the first frame paints with it before numpy and shapely are imported.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

VIEWBOX = (0.0, 0.0, 600.0, 1000.0)


def drawing_for(view_id: str) -> tuple[str, bool]:
    """(SVG file name, mirrored) for a view: lateral_left is lateral_right drawn mirrored (data/views.yaml)."""
    if view_id == "lateral_left":
        return "lateral_right.svg", True
    return f"{view_id}.svg", False


def draw_view(painter: QPainter, renderer: QSvgRenderer, box: QRectF, mirrored: bool) -> None:
    """Render a view's SVG into its viewBox, mirrored left-right for lateral_left."""
    painter.save()
    if mirrored:
        painter.translate(2 * box.x() + box.width(), 0)
        painter.scale(-1, 1)
    renderer.render(painter, box)
    painter.restore()
