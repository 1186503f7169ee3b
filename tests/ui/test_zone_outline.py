"""The essential zone's outline is drawn once (a pen wider than a pixel leaves Qt's fast path: two over the same
path cost 2.5-3.4 ms a view): the fill without a pen, one edge over the pain marks, as dark as the two were; and the
spillover zone drawn as loaded, outside the essential one."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from hipmap.ui.kit.colors import diagram_style

MUSCLE = "gluteus_minimus_anterior"


def _zone_items(view, words):
    return [i for i in view.overlay_items if i.toolTip().endswith(words)]


def test_the_essential_zone_has_one_outline_as_dark_as_before_and_the_spillover_as_loaded(window, atlas):
    view = window.views["lateral_right"]
    for preview, strength in ((False, 1.0), (True, 0.55)):
        view.set_overlay(atlas.muscles[MUSCLE], "right", preview=preview)
        fills, edges = _zone_items(view, "essential zone (solid)"), _zone_items(view, "essential zone")
        assert len(fills) == 1 and len(edges) == 1
        assert fills[0].pen().style() == Qt.NoPen and fills[0].brush().style() == Qt.SolidPattern
        edge = edges[0].pen()
        assert edge.widthF() == diagram_style().essential_edge and edge.isCosmetic() and edges[0].brush().style() == Qt.NoBrush
        assert edges[0].zValue() > fills[0].zValue()
        # where the two pens overlapped, the old outline's colour: alpha a over alpha a
        assert abs(edge.color().alpha() - 255 * (1 - (1 - strength) ** 2)) <= 1
    # the spillover zone drawn as loaded (it lies outside the essential one)
    view.set_overlay(atlas.muscles[MUSCLE], "right")
    spill = _zone_items(view, "spillover zone (hatched)")[0]
    zone = atlas.muscles[MUSCLE].zone("spillover", "right", "lateral_right")
    rect = spill.path().boundingRect()
    assert abs(rect.left() - zone.bounds[0]) < 0.01 and abs(rect.bottom() - zone.bounds[3]) < 0.01
    # painted: the outline's middle is the zone's colour at full strength
    image = QImage(40, 40, QImage.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    edge = _zone_items(view, "essential zone")[0]
    path = edge.path()
    start = path.elementAt(0)
    painter.translate(20 - start.x, 20 - start.y)
    edge.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    colour = edge.pen().color()
    assert image.pixelColor(20, 20).rgb() == colour.rgb()
