"""The muscle panel's picture plays each view's drawing recorded once, rather than render the SVG for each picture:
every muscle's picture, on each side, on a light and a dark page, must be exactly the picture rendering the SVG
makes."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from hipmap.ui.diagram import picture
from hipmap.ui.diagram.drawing import draw_view, view_renderer
from hipmap.ui.diagram.muscleshape import paint_muscle


def _rendered(atlas, muscle_id, made, width, height, background, side) -> QImage:
    """The picture as it was made before: the view's SVG rendered into it, then the muscle and the ball."""
    box = picture.crop_box(atlas, muscle_id, side, made.view_id, width / height)
    image = QImage(width, height, QImage.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    image.fill(background)
    view = atlas.views[made.view_id]
    k = width / box.width()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    painter.scale(k, k)
    painter.translate(-box.left(), -box.top())
    draw_view(painter, view_renderer(view.svg_file), QRectF(*view.viewbox), view.mirrored)
    paint_muscle(painter, atlas, muscle_id, side, made.view_id)
    if made.ball is not None:
        picture.draw_ball(painter, *made.ball)
    painter.end()
    return image


def test_every_picture_is_the_picture_the_svg_renders(qtbot, atlas):
    checked = set()
    for background in (QColor(255, 255, 255), QColor(30, 30, 30)):
        picture._pictures.clear()
        for muscle in atlas.muscles.values():
            for side in muscle.sides:
                made = picture.muscle_picture(atlas, muscle.id, side, 260, 200, background)
                if made is None:
                    continue
                reference = _rendered(atlas, muscle.id, made, 260, 200, background, side)
                assert made.image == reference, (muscle.id, side, background.name())
                checked.add(made.view_id)
    assert checked >= {"posterior", "anterior", "lateral_right", "lateral_left"}  # lateral_left: the drawing mirrored
