"""The muscle layer in the main window: drawn on selection, deep muscles under ghosted ones, View > Layers toggles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from shapely.geometry import Point

from hipmap.core.geometry.shapes import union


def _pixel(view, x, y):
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    p = view.mapFromScene(QPointF(x, y))
    return image.pixelColor(p.x(), p.y()).rgb()


def _bare_point(atlas, muscle_id, view_id, side="right"):
    """A point inside the muscle's shape but away from its zones, its trigger points and the other muscles' outlines."""
    shape = atlas.anatomy[muscle_id].shape(side, view_id)
    muscle = atlas.muscles[muscle_id]
    covered = union([muscle.zone(k, side, view_id) for k in ("essential", "spillover")]
                    + [Point(p.x, p.y).buffer(14) for p in muscle.points_on(view_id, side)])  # fmt: skip
    free = shape.buffer(-3).difference(covered)
    assert not free.is_empty
    point = free.representative_point()
    return point.x, point.y


def _muscle_items(view, kind=None):
    view.ensure_overlay()  # a view not showing draws the muscle selected when it is shown (or asked to, here)
    return [i for i in view.muscle_layer.items if kind is None or i.data(1) == kind]


def test_selecting_a_muscle_paints_its_shape_on_every_view_that_shows_it(window, atlas, qtbot):
    window.show_view("posterior")
    view = window.views["posterior"]
    x, y = _bare_point(atlas, "gluteus_maximus", "posterior")
    before = _pixel(view, x, y)
    window.select_candidate("gluteus_maximus", "right")
    assert _pixel(view, x, y) != before  # the red-brown fill is there
    for view_id, body in window.views.items():
        shows = ("right", view_id) in atlas.anatomy["gluteus_maximus"].shapes
        assert bool(_muscle_items(body, "muscle")) == shows, view_id
    edge = _muscle_items(view, "muscle")[0]
    assert edge.pen().style() == Qt.SolidLine and not _muscle_items(view, "ghost")  # it lies on top
    assert "where the muscle lies" in view.accessibleDescription()
    # under the zones and trigger points, which stay under the marks; only its edge is drawn again over the zones' fill
    drawn = [i for i in view.muscle_layer.items if i.data(1) != "edge"]
    assert max(i.zValue() for i in drawn) < min(i.zValue() for i in view.overlay_items)
    window.select_candidate("", "")
    assert not view.muscle_layer.items and _pixel(view, x, y) == before


def test_a_deep_muscle_is_drawn_dashed_under_the_ghosted_muscles_over_it(window, atlas):
    window.select_candidate("piriformis", "right")
    view = window.views["posterior"]
    edges = _muscle_items(view, "muscle")
    assert edges and all(e.pen().style() == Qt.DashLine for e in edges)
    ghosts = _muscle_items(view, "ghost")
    assert ghosts and all("Gluteus maximus" in g.toolTip() for g in ghosts)
    assert min(g.zValue() for g in ghosts) > max(e.zValue() for e in edges)  # the overlying muscle is above it
    ghost_rect = ghosts[0].path().boundingRect()
    maximus = atlas.anatomy["gluteus_maximus"].shape("right", "posterior").bounds
    assert ghost_rect.left() == pytest.approx(maximus[0], abs=1) and ghost_rect.bottom() == pytest.approx(maximus[3], abs=1)
    assert "deep under Gluteus maximus" in view.accessibleDescription()
    superficial = window.views["lateral_right"]  # gluteus medius lies on top on the side view, under it behind
    window.select_candidate("gluteus_medius", "right")
    assert not _muscle_items(superficial, "ghost") and _muscle_items(view, "ghost")


def test_gluteus_medius_shows_its_exposed_part_on_the_skin_and_its_lower_part_under_maximus(window, atlas):
    """On the back view its upper outer part has a solid edge and the full fill; the part under gluteus maximus is
    dashed and lighter, with maximus ghosted over it, and the words say both."""
    window.show_view("posterior")
    view = window.views["posterior"]
    window.select_candidate("gluteus_medius", "right")
    parts = atlas.anatomy["gluteus_medius"].parts_on("right", "posterior")
    edges = _muscle_items(view, "muscle")
    assert len(edges) == 2
    by_style = {e.pen().style(): e for e in edges}
    assert set(by_style) == {Qt.SolidLine, Qt.DashLine}
    top, deep = by_style[Qt.SolidLine], by_style[Qt.DashLine]
    assert top.path().boundingRect().top() == pytest.approx(parts[0].shape.bounds[1], abs=1)
    assert deep.path().boundingRect().bottom() == pytest.approx(parts[1].shape.bounds[3], abs=1)
    assert top.brush().color().alpha() > deep.brush().color().alpha()
    assert "deep muscle" not in top.toolTip() and "Gluteus maximus" in deep.toolTip()
    assert top.zValue() > deep.zValue()  # the solid edge is not broken by the dashes along the seam
    ghosts = _muscle_items(view, "ghost")
    assert len(ghosts) == 1 and "Gluteus maximus" in ghosts[0].toolTip()
    assert "on top where" in view.accessibleDescription() and "Gluteus maximus" in view.accessibleDescription()
    # the exposed part is painted where gluteus maximus is not
    x, y = 400, 212
    before = _pixel(view, x, y)
    window.select_candidate("", "")
    assert _pixel(view, x, y) != before


def test_iliopsoas_is_drawn_as_two_dashed_parts_with_their_fibres(window, atlas):
    window.show_view("anterior")
    view = window.views["anterior"]
    window.select_candidate("iliopsoas", "right")
    edges = _muscle_items(view, "muscle")
    assert len(edges) == 2 and all(e.pen().style() == Qt.DashLine for e in edges)
    assert len(_muscle_items(view, "fibres")) == 2
    tips = " ".join(g.toolTip() for g in _muscle_items(view, "ghost"))
    assert "Rectus abdominis" in tips and "Sartorius" in tips


def test_quadratus_lumborum_is_drawn_dashed_on_the_side_view(window, atlas):
    window.select_candidate("quadratus_lumborum", "right")
    side = window.views["lateral_right"]
    edges = _muscle_items(side, "muscle")
    assert edges and all(e.pen().style() == Qt.DashLine for e in edges)
    assert any("paraspinal" in g.toolTip().lower() for g in _muscle_items(side, "ghost"))


def test_a_bilateral_muscle_draws_both_sides(window, atlas):
    window.select_candidate("rectus_abdominis", "both")
    front = window.views["anterior"]
    rects = [i.sceneBoundingRect() for i in _muscle_items(front, "muscle")]
    midline = atlas.views["anterior"].midline
    assert len(rects) == 2 and min(r.left() for r in rects) < midline < max(r.right() for r in rects)


def test_layer_toggles_hide_each_layer_and_are_remembered(qtbot, atlas, matcher, tmp_path):
    from hipmap.ui.mainwindow.window import MainWindow

    settings_file = str(tmp_path / "settings.ini")

    def open_window():
        win = MainWindow(atlas, matcher, settings=QSettings(settings_file, QSettings.IniFormat))
        win.files.autosave_timer.stop()
        win.resize(1360, 880)
        win.show()
        qtbot.waitExposed(win)
        return win

    win = open_window()
    try:
        win.document.add_region("upper_buttock", "right", 6)
        win.select_candidate("gluteus_medius", "right")
        view = win.views["posterior"]
        x, y = _bare_point(atlas, "gluteus_medius", "posterior")
        shown = _pixel(view, x, y)
        assert all(i.isVisible() for i in view.muscle_layer.items + view.overlay_items + view.mark_items)
        for layer in ("muscle", "zones", "points", "marks"):
            action = win.layer_actions[layer]
            assert action.isCheckable() and action.shortcut().toString() and action.toolTip()
            action.trigger()  # off
            assert not action.isChecked()
        assert not any(i.isVisible() for i in view.muscle_layer.items + view.overlay_items + view.mark_items)
        assert _pixel(view, x, y) != shown
        assert "Showing" not in view.accessibleDescription()
        win.document.undo_stack.setClean()
        win.close()
    finally:
        win.deleteLater()
    again = open_window()
    try:
        assert not any(a.isChecked() for a in again.layer_actions.values())
        again.document.add_region("upper_buttock", "right", 6)
        again.select_candidate("gluteus_medius", "right")
        view = again.views["posterior"]
        assert view.muscle_layer.items and not any(i.isVisible() for i in view.muscle_layer.items + view.mark_items)
        again.layer_actions["muscle"].trigger()
        assert all(i.isVisible() for i in view.muscle_layer.items) and not any(i.isVisible() for i in view.overlay_items)
        again.document.undo_stack.setClean()
        again.close()
    finally:
        again.deleteLater()


def _ball_like(image, x, y):
    colour = image.pixelColor(round(x), round(y))
    return colour.red() > 180 and colour.green() > 180 and colour.blue() < 150  # the yellow-green ball


def test_the_panel_shows_the_muscle_with_the_ball_on_its_trigger_point(window, atlas, qtbot):
    window.select_candidate("piriformis", "right")
    panel = window.muscle_panel
    qtbot.waitUntil(lambda: panel.picture is not None and "Piriformis" in panel.plain_text(), timeout=2000)
    picture = panel.picture
    first = atlas.muscles["piriformis"].points_on(picture.view_id, "right")[0]
    assert picture.ball == (first.x, first.y)
    assert _ball_like(picture.image, *picture.ball_px)
    assert "The ball" in picture.text and "deep under Gluteus maximus" in picture.text
    assert picture.text in panel.plain_text()  # the picture in words, for everyone
    html = panel.browser.toHtml()
    assert "hipmap-picture:piriformis" in html
    # the image the page shows is this picture (the document loads it through the browser)
    url = next(u for u in panel.browser.pictures if u.startswith("hipmap-picture:piriformis"))
    assert panel.browser.pictures[url] is picture.image


def test_the_pelvic_floor_picture_has_no_ball(window, atlas, qtbot):
    window.select_candidate("pelvic_floor", "right")
    panel = window.muscle_panel
    qtbot.waitUntil(lambda: panel.picture is not None and "elvic" in panel.plain_text(), timeout=2000)
    picture = panel.picture
    assert picture.ball is None and picture.ball_px is None
    assert "No ball" in picture.text
    image = picture.image
    assert not any(_ball_like(image, x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))


def test_a_selected_muscles_edge_reads_over_its_zones_fill_and_stays_under_their_outline_and_the_xs(window, atlas):
    """Gastrocnemius' medial head lies under its own essential zone: the zone's blue fill washed its edge out. The
    edge is drawn again over the fill (and hatching), under the zone's outline, the marks and the trigger points;
    on the screen, a point on the edge inside the zone is the edge's red-brown, not the zone's blue."""
    from PySide6.QtGui import QColor
    from shapely.geometry import LineString

    window.show_view("posterior")
    view = window.views["posterior"]
    window.select_candidate("gastrocnemius", "right")
    edges = _muscle_items(view, "edge")
    assert len(edges) == 2  # one for each head
    paths = [i for i in view.overlay_items if hasattr(i, "brush")]
    fills = [i for i in paths if i.brush().style() != Qt.NoBrush and i.pen().style() == Qt.NoPen]
    crosses = [i for i in view.overlay_items if "trigger point" in i.toolTip()]
    assert fills and crosses
    outline = [i for i in paths if i.brush().style() == Qt.NoBrush and "essential zone" in i.toolTip()]
    assert max(f.zValue() for f in fills) < min(e.zValue() for e in edges) < min(i.zValue() for i in outline + crosses)
    # a point on the medial head's edge, well inside the essential zone and away from the X's
    medial = atlas.anatomy["gastrocnemius"].parts_on("right", "posterior")[0].shape
    zone = atlas.muscles["gastrocnemius"].zone("essential", "right", "posterior").buffer(-4)
    crosses_at = union([Point(p.x, p.y).buffer(16) for p in atlas.muscles["gastrocnemius"].points_on("posterior", "right")])
    along = LineString(medial.exterior.coords).intersection(zone).difference(crosses_at)
    point = along.interpolate(0.5, normalized=True)
    color = QColor(_pixel(view, point.x, point.y))
    assert color.red() > color.blue(), color.name()  # the muscle's edge, over the zone
    window.select_candidate("", "")
    assert not _muscle_items(view, "edge")


def test_gastrocnemius_is_drawn_as_its_two_heads_meeting_down_the_calf(window, atlas):
    anatomy = atlas.anatomy["gastrocnemius"]
    for view_id in ("posterior", "lateral_right"):
        parts = anatomy.parts_on("right", view_id)
        assert [p.label.split(",")[0] for p in parts] == ["medial head", "lateral head"], view_id
        assert all(p.depth == "superficial" and len(p.fibres) >= 2 for p in parts)
        medial, lateral = (p.shape for p in parts)
        assert medial.intersection(lateral).buffer(-0.5).is_empty  # side by side, joined along a hair, not overlapping
        assert medial.union(lateral).geom_type == "Polygon"
    medial, lateral = (p.shape for p in anatomy.parts_on("right", "posterior"))
    midline = atlas.views["posterior"].midline
    # on the back view the medial head lies nearer the body's midline and reaches lower, the lateral one ends higher
    assert abs(medial.centroid.x - midline) < abs(lateral.centroid.x - midline)
    assert medial.bounds[3] > lateral.bounds[3]
    window.show_view("posterior")
    window.select_candidate("gastrocnemius", "right")
    view = window.views["posterior"]
    assert len(_muscle_items(view, "muscle")) == 2 and len(_muscle_items(view, "fibres")) == 2
