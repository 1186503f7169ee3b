"""A small picture of one muscle: its main view cropped around it, the muscle layer drawn, and the ball placed at the
trigger point used for its compression (none for a muscle no ball can reach, such as the pelvic floor).

Used by the muscle panel and the handout. Pictures are kept once made (per muscle, side, size and look).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPicture, QRadialGradient

from ..kit.colors import diagram_style
from ..kit.i18n import translate
from .drawing import mirror_painter, view_renderer
from .muscleshape import names_text, paint_muscle, sides_for

BALL_RADIUS = 11.0  # view units: a ball about 4 cm across, smaller than life so the muscle stays visible
MARGIN = 0.35  # of the muscle's size, around it
MIN_SPAN = 150.0  # view units: the smallest crop, so that a small muscle is still seen in its place

_pictures: dict = {}
_drawings: dict = {}  # SVG file -> its drawing recorded once (QPicture), to play into each picture


@dataclass(frozen=True)
class Picture:
    image: QImage
    view_id: str
    ball: tuple[float, float] | None  # where the ball is, in view coordinates
    ball_px: tuple[float, float] | None  # the same in the image's pixels
    text: str  # the picture in words (its accessible description and caption)


def main_view(atlas, muscle_id: str) -> str | None:
    """The view a muscle is best seen on: among the views that show it and its trigger points, where it lies on top
    if it does anywhere, then where its shape is largest."""
    anatomy = atlas.anatomy.get(muscle_id)
    muscle = atlas.muscles.get(muscle_id)
    if anatomy is None:
        return None
    views = [v for v in anatomy.views() if v in atlas.views and not atlas.views[v].mirrored]
    if not views:
        return None
    with_points = [v for v in views if muscle is not None and muscle.points_on(v, "right")] or views

    def rank(view_id):
        shape = anatomy.shape("right", view_id)
        return (anatomy.depth_on(view_id) != "superficial", -(shape.area if shape is not None else 0.0))

    return min(with_points, key=rank)


def _side_view(atlas, view_id: str, side: str) -> str:
    """lateral_right shows the right side; the left side's lateral view is lateral_left."""
    if side == "left" and view_id == "lateral_right" and "lateral_left" in atlas.views:
        return "lateral_left"
    return view_id


def ball_point(atlas, muscle_id: str, view_id: str, side: str) -> tuple[float, float] | None:
    """The trigger point the ball goes on: the muscle's first trigger point on this view and side; None when its
    self-care has no compression (no ball reaches it)."""
    muscle = atlas.muscles.get(muscle_id)
    care = muscle.self_care if muscle is not None else None
    if care is None or care.compression is None:
        return None
    points = muscle.points_on(view_id, side)
    return (points[0].x, points[0].y) if points else None


def picture_text(atlas, muscle_id: str, view_id: str, ball: bool) -> str:
    muscle = atlas.muscles[muscle_id]
    anatomy = atlas.anatomy[muscle_id]
    view = atlas.views[view_id].title
    if anatomy.depth_on(view_id) == "deep":
        where = translate("picture", "Picture of {name} on the {view} view, lying deep under {over} (dashed outline).").format(
            name=muscle.name, view=view.lower(), over=names_text(atlas, anatomy.under_on(view_id)))
    else:
        where = translate("picture", "Picture of {name} on the {view} view.").format(name=muscle.name, view=view.lower())
    if ball:
        return where + " " + translate("picture", "The ball (yellow circle) sits on the trigger point to press.")
    return where + " " + translate("picture", "No ball is shown: a ball cannot reach this muscle.")


def draw_ball(painter: QPainter, x: float, y: float, radius: float = BALL_RADIUS) -> None:
    """A ball seen from above: a yellow-green disc with a dark rim and a highlight, translucent enough to show
    the trigger point under it."""
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    gradient = QRadialGradient(QPointF(x - radius * 0.35, y - radius * 0.35), radius * 1.3)
    gradient.setColorAt(0.0, QColor(250, 252, 190, 215))
    gradient.setColorAt(1.0, QColor(196, 208, 40, 200))
    painter.setBrush(gradient)
    pen = QPen(QColor(70, 74, 10), radius * 0.16)
    painter.setPen(pen)
    painter.drawEllipse(QPointF(x, y), radius, radius)
    painter.setPen(QPen(QColor(255, 255, 255, 200), radius * 0.12))
    painter.setBrush(Qt.NoBrush)
    painter.drawArc(QRectF(x - radius * 0.75, y - radius * 0.75, radius * 1.5, radius * 1.5), 100 * 16, 70 * 16)
    painter.restore()


def _drawing(view) -> QPicture:
    """A view's SVG drawing as painter commands, recorded once: played into a muscle's picture, it paints exactly
    what rendering the SVG paints, without walking the SVG's tree and its styles again (10-20% of a picture)."""
    key = str(view.svg_file)
    found = _drawings.get(key)
    if found is None:
        found = QPicture()
        painter = QPainter(found)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        view_renderer(view.svg_file).render(painter, QRectF(*view.viewbox))
        painter.end()
        _drawings[key] = found
    return found


def draw_drawing(painter: QPainter, view) -> None:
    """The view's drawing on a painter set to the view's coordinates (lateral_left mirrored), as draw_view draws it."""
    painter.save()
    if view.mirrored:
        mirror_painter(painter, view.viewbox[0], view.viewbox[2])
    painter.drawPicture(0, 0, _drawing(view))
    painter.restore()


def crop_box(atlas, muscle_id: str, side: str, view_id: str, aspect: float) -> QRectF:
    """The part of the view around the muscle (both sides for "both"), with the aspect (width / height) asked."""
    anatomy = atlas.anatomy[muscle_id]
    shapes = [anatomy.shape(s, view_id) for s in sides_for(side)]
    shapes = [s for s in shapes if s is not None]
    x0 = min(s.bounds[0] for s in shapes)
    y0 = min(s.bounds[1] for s in shapes)
    x1 = max(s.bounds[2] for s in shapes)
    y1 = max(s.bounds[3] for s in shapes)
    w, h = x1 - x0, y1 - y0
    w, h = max(MIN_SPAN, w * (1 + 2 * MARGIN)), max(MIN_SPAN, h * (1 + 2 * MARGIN))
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    vx, vy, vw, vh = atlas.views[view_id].viewbox
    w, h = min(w, vw), min(h, vh)
    left = min(max(cx - w / 2, vx), vx + vw - w)
    top = min(max(cy - h / 2, vy), vy + vh - h)
    return QRectF(left, top, w, h)


def begin_picture(box: QRectF, width: int, height: int, background, device_ratio: float = 1.0) -> tuple[QImage, QPainter]:
    """An image WIDTH x HEIGHT filled with BACKGROUND, and a painter on it that draws the scene's BOX into it."""
    image = QImage(round(width * device_ratio), round(height * device_ratio), QImage.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(device_ratio)
    image.fill(background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    k = width / box.width()
    painter.scale(k, k)
    painter.translate(-box.left(), -box.top())
    return image, painter


def muscle_picture(atlas, muscle_id: str, side: str | None, width: int = 260, height: int = 220, background=None,
                   device_ratio: float = 1.0) -> Picture | None:
    """The muscle on its main view, cropped around it, with the ball; None for a muscle with no shape."""
    view_id = main_view(atlas, muscle_id)
    if view_id is None:
        return None
    side = side or "right"
    shown = "right" if side == "both" else side
    view_id = _side_view(atlas, view_id, shown)
    background = QColor(background) if background is not None else QColor(255, 255, 255)
    key = (id(atlas.anatomy), muscle_id, side, view_id, width, height, background.rgba(), diagram_style(), device_ratio)
    if key in _pictures:
        return _pictures[key]
    anatomy_side = side if side == "both" else shown
    if anatomy_side != "both" and atlas.anatomy[muscle_id].shape(anatomy_side, view_id) is None:
        return None
    box = crop_box(atlas, muscle_id, anatomy_side, view_id, width / height)
    image, painter = begin_picture(box, width, height, background, device_ratio)
    k = width / box.width()
    draw_drawing(painter, atlas.views[view_id])
    paint_muscle(painter, atlas, muscle_id, anatomy_side, view_id)
    ball = ball_point(atlas, muscle_id, view_id, shown)
    if ball is not None:
        draw_ball(painter, *ball)
    painter.end()
    ball_px = ((ball[0] - box.left()) * k, (ball[1] - box.top()) * k) if ball is not None else None
    picture = Picture(image, view_id, ball, ball_px, picture_text(atlas, muscle_id, view_id, ball is not None))
    if len(_pictures) > 64:
        _pictures.clear()
    _pictures[key] = picture
    return picture
