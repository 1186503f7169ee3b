"""How a view's SVG drawing is put on a painter: the one place that knows lateral_left is lateral_right mirrored.

Used by the first frame, the interactive diagram, presentation slides and the handout's figures. Light on purpose
(Qt's SVG renderer only): the first frame paints with it before numpy and shapely are imported.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

VIEWBOX = (0.0, 0.0, 600.0, 1000.0)
MIN_STEP = 1.5  # view units between recorded stroke points (the diagrams, and the first frame before them)

_RENDERERS: dict = {}  # SVG file -> its renderer, for the whole app


def view_renderer(svg_file) -> QSvgRenderer:
    """The renderer of a view's SVG file, made once for the whole app (reading a drawing costs 1-2 ms): the
    diagrams of every window and the muscle panel's pictures share it."""
    key = str(svg_file)
    found = _RENDERERS.get(key)
    if found is None:
        found = _RENDERERS[key] = QSvgRenderer(key)
    return found


def drawing_for(view_id: str) -> tuple[str, bool]:
    """(SVG file name, mirrored) for a view: lateral_left is lateral_right drawn mirrored (data/views.yaml)."""
    if view_id == "lateral_left":
        return "lateral_right.svg", True
    return f"{view_id}.svg", False


def draw_view(painter: QPainter, renderer: QSvgRenderer, box: QRectF, mirrored: bool) -> None:
    """Render a view's SVG into its viewBox, mirrored left-right for lateral_left."""
    painter.save()
    if mirrored:
        mirror_painter(painter, box.x(), box.width())
    renderer.render(painter, box)
    painter.restore()


def mirror_painter(painter: QPainter, x: float, width: float) -> None:
    """Turn PAINTER's drawing left for right across the middle of [x, x + width] (lateral_left is lateral_right
    drawn so)."""
    painter.translate(2 * x + width, 0)
    painter.scale(-1, 1)


def spread_marks(points, half: float, reach: float, rounds: int = 60) -> list[tuple[float, float]]:
    """Where to draw marks of a fixed on-screen size (trigger points' X's) so that close ones do not pile into one
    blot: each mark is a square of half-width ``half`` (view units at the current scale) centred on its point; marks
    whose squares would overlap are pushed apart along the line joining their true places (sideways when they
    coincide), each staying within ``reach`` view units of its true place. Pure and deterministic: the same points
    at the same scale always land in the same places."""
    true = [(float(x), float(y)) for x, y in points]
    at = [list(p) for p in true]
    gap = 2.0 * half
    for _ in range(rounds):
        moved = False
        for i in range(len(at)):
            for j in range(i + 1, len(at)):
                dx, dy = at[j][0] - at[i][0], at[j][1] - at[i][1]
                if abs(dx) >= gap or abs(dy) >= gap:
                    continue
                ux, uy = true[j][0] - true[i][0], true[j][1] - true[i][1]
                if math.hypot(ux, uy) < 1e-6:  # the same place: one to each side
                    ux, uy = (dx, dy) if math.hypot(dx, dy) > 1e-6 else (1.0, 0.0)
                norm = math.hypot(ux, uy)
                ux, uy = ux / norm, uy / norm
                # the distance along the joining line at which the squares only just stop overlapping
                along = dx * ux + dy * uy
                need = gap / max(abs(ux), abs(uy)) * 1.001
                push = (need - along) / 2.0
                if push <= 0:
                    continue
                at[i][0] -= push * ux
                at[i][1] -= push * uy
                at[j][0] += push * ux
                at[j][1] += push * uy
                moved = True
        for k, (tx, ty) in enumerate(true):  # never further than reach from where it truly is
            ox, oy = at[k][0] - tx, at[k][1] - ty
            d = math.hypot(ox, oy)
            if d > reach:
                at[k] = [tx + ox * reach / d, ty + oy * reach / d]
        if not moved:
            break
    return [(x, y) for x, y in at]
