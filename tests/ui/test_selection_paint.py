"""Selecting a muscle paints only what changed, and paints it fast: the zones' painter paths read in one go from
their bytes, the overlay items' bounding rectangles taken from their paths. Neither may change what is painted."""

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainterPath, QPolygonF
from PySide6.QtWidgets import QApplication, QGraphicsPathItem
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Point, Polygon

from hipmap.ui.kit.shapes import PathItem, painter_path
from hipmap.ui.diagram.bodyview import ScreenLabel


def _slow_path(geometry) -> QPainterPath:
    """What painter_path made before: each ring added with addPolygon and closed, point by point."""
    path = QPainterPath()
    path.setFillRule(Qt.OddEvenFill)
    if geometry is None or geometry.is_empty:
        return path
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in shapely.get_coordinates(ring).tolist()]))
            path.closeSubpath()
    return path


def _elements(path: QPainterPath) -> list:
    return [(path.elementAt(i).type, path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def _atlas_shapes(atlas) -> list:
    shapes = []
    for muscle in atlas.muscles.values():
        for side in muscle.sides:
            for view_id in atlas.views:
                shapes += [muscle.zone(kind, side, view_id) for kind in ("essential", "spillover")]
    for view in atlas.views.values():
        shapes += list(view.regions.values())
    for anatomy in atlas.anatomy.values():
        shapes += list(anatomy.shapes.values())
    return shapes


def test_painter_paths_are_the_same_paths_element_for_element(atlas):
    ring = Point(0, 0).buffer(5).difference(Point(0, 0).buffer(2))  # a hole
    odd = [None, Polygon(), ring, MultiPolygon([ring, Point(20, 0).buffer(3)]),
           Polygon([(0, 0), (1, 0), (1, 0), (1, 1), (0, 0)]),  # a repeated point stays, as addPolygon kept it
           GeometryCollection([LineString([(0, 0), (1, 1)]), Point(4, 4).buffer(1)]), GeometryCollection([LineString([(0, 0), (1, 1)])])]  # fmt: skip
    shapes = _atlas_shapes(atlas)
    assert len(shapes) > 300
    for shape in shapes + odd:
        fast, slow = painter_path(shape), _slow_path(shape)
        assert _elements(fast) == _elements(slow)
        assert fast.fillRule() == slow.fillRule() == Qt.OddEvenFill
        assert fast == slow
    assert painter_path(ring).contains(QPointF(3.5, 0)) and not painter_path(ring).contains(QPointF(0, 0))


def test_an_overlay_items_bounding_rectangle_holds_all_it_paints(window, qtbot):
    """Qt's own rectangle (the path stroked with the pen) lies inside the cheap one, for every item of every
    muscle on every view: an update of that rectangle repaints everything the item painted."""
    window.set_layout_mode("side")
    checked = 0
    for muscle in window.atlas.muscles.values():
        for side in muscle.sides:
            window.select_any(muscle.id, side)
            for view in window.views.values():
                for item in view.scene().items():
                    if isinstance(item, PathItem):
                        qt_own = QGraphicsPathItem(item.path())
                        qt_own.setPen(item.pen())
                        assert item.boundingRect().contains(qt_own.boundingRect()), (muscle.id, view.view_id)
                        checked += 1
    assert checked > 500


def _on_screen(view, item):
    """Where an item drawn at screen size (it ignores the view's zoom) lies in the view's pixels."""
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect()).toAlignedRect()


def _pixels(image):
    image = image.convertToFormat(QImage.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : 4 * image.width()].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


def test_selecting_one_muscle_after_another_leaves_nothing_of_the_last_on_screen(window, qtbot):
    """What the window holds after each selection, painted only where it changed, is what a full repaint of each
    diagram draws: the areas updated covered all of the muscle put away and all of the new one. (The spillover's
    hatch may start its stripes elsewhere in a partial repaint, as it did before these items: inside the hatched
    zone's rectangle only; so may the edge of a word drawn at screen size, such as the view's title, by a grey level:
    inside the word's rectangle only.)"""
    window.set_layout_mode("side")
    window.document.add_region("buttock_center", "right", 6)
    QApplication.processEvents()
    screen = window.screen()
    muscles = ["gluteus_minimus_anterior", "piriformis", "tensor_fasciae_latae", "gluteus_minimus_posterior", "vastus_lateralis"]
    compared = 0
    for muscle_id in muscles + [None]:
        if muscle_id is None:
            window.select_candidate("", "")
        else:
            window.select_any(muscle_id, window.atlas.muscles[muscle_id].sides[0])
        for _ in range(3):
            QApplication.processEvents()
        for view in window.views.values():
            port = view.viewport()
            at = port.mapTo(window, port.rect().topLeft())
            on_screen = _pixels(screen.grabWindow(window.winId(), at.x(), at.y(), port.width(), port.height()).toImage())
            painted_whole = _pixels(port.grab().toImage())
            assert on_screen.shape == painted_whole.shape
            ys, xs = np.nonzero(np.any(on_screen != painted_whole, axis=2))
            hatched = [view.mapFromScene(item.sceneBoundingRect()).boundingRect().adjusted(-3, -3, 3, 3)
                       for item in view.scene().items() if isinstance(item, PathItem) and item.brush().style() == Qt.BDiagPattern]  # fmt: skip
            hatched += [_on_screen(view, item).adjusted(-2, -2, 2, 2) for item in view.scene().items() if isinstance(item, ScreenLabel)]
            stray = [(x, y) for x, y in zip(xs.tolist(), ys.tolist()) if not any(r.contains(x, y) for r in hatched)]
            assert stray == [], (muscle_id, view.view_id, len(stray))
            compared += 1
    assert compared == 4 * (len(muscles) + 1)


def test_a_side_view_of_the_other_hip_is_left_alone_and_one_that_changes_is_painted_in_the_same_turn(window, qtbot):
    """Side by side, a right-side muscle puts nothing on the left hip's side view: Qt rightly leaves it unpainted
    (the selection bench counts such a view as unchanged, not as work put off). A left-side muscle changes that
    view, and it is painted within the selection's turn of the event loop."""
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint:
                Painted.count += 1
            return False

    window.set_layout_mode("side")
    for _ in range(3):
        QApplication.processEvents()
    port = window.views["lateral_left"].viewport()
    watch = Painted()
    port.installEventFilter(watch)
    blank = port.grab().toImage()
    for muscle_id in ("gluteus_medius", "tensor_fasciae_latae"):
        Painted.count = 0
        window.select_any(muscle_id, "right")
        for _ in range(2):
            QApplication.processEvents()
        assert Painted.count == 0, muscle_id
        assert port.grab().toImage() == blank, muscle_id  # nothing on it was owed a paint
    Painted.count = 0
    window.select_any("gluteus_medius", "left")
    for _ in range(2):
        QApplication.processEvents()
    assert Painted.count >= 1
    assert port.grab().toImage() != blank
    Painted.count = 0
    window.select_any("tensor_fasciae_latae", "right")  # the left side's muscle goes: painted again, blank again
    for _ in range(2):
        QApplication.processEvents()
    assert Painted.count >= 1
    assert port.grab().toImage() == blank
