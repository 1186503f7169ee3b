"""Trigger points that sit close together are drawn apart, not piled into one blot (issue 13, item 5)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QRectF

from hipmap.ui.diagram.bodyview import TriggerCross
from hipmap.ui.diagram.drawing import spread_marks

# The close ones of the references: gluteus minimus' arc of three, gastrocnemius' two heads, rectus abdominis' lower pair.
CLOSE = [("gluteus_minimus_posterior", "right"), ("gastrocnemius", "right"), ("rectus_abdominis", "both"), ("gluteus_medius", "right")]


def _screen_rects(view):
    """Each X's drawn square on the viewport, with the halo, and its true place on the viewport."""
    out = []
    for item in view.overlay_items:
        if not isinstance(item, TriggerCross):
            continue
        half = (TriggerCross.SIZE + TriggerCross.HALO) * item.scale_
        to_screen = view.viewportTransform()
        centre = to_screen.map(item.pos())
        x, y = item.data(1)
        true = to_screen.map(QPointF(x, y))
        out.append((QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half), true, half))
    return out


def _overlapping(rects):
    return [(a, b) for i, (a, *_ra) in enumerate(rects) for (b, *_rb) in rects[i + 1:] if a.intersected(b).isValid() and not a.intersected(b).isEmpty()]


@pytest.mark.parametrize("mode", ["tabs", "side"])
def test_close_trigger_points_are_drawn_apart_near_their_places(window, atlas, qtbot, mode):
    window.set_layout_mode(mode)
    piled = 0
    for muscle_id, side in CLOSE:
        window.select_candidate(muscle_id, side)
        for view_id, view in window.views.items():
            if not atlas.muscles[muscle_id].points_on(view_id, side):
                continue
            if mode == "tabs":
                window.show_view(view_id)
            qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 50)
            view.fit()
            rects = _screen_rects(view)
            assert rects, (muscle_id, view_id)
            assert not _overlapping(rects), (muscle_id, view_id, mode)
            scale = view.transform().m11()
            for rect, true, half in rects:
                # within one X's width of where the trigger point truly is
                assert math.hypot(rect.center().x() - true.x(), rect.center().y() - true.y()) <= 2 * half + 1, (muscle_id, view_id)
            # the true places would have overlapped: the spreading is what keeps them apart
            trues = [(QRectF(t.x() - h, t.y() - h, 2 * h, 2 * h), t, h) for _r, t, h in rects]
            piled += bool(_overlapping(trues))
            assert scale > 0
    # without the spreading they would pile: in the four small diagrams side by side gluteus minimus' arc,
    # gastrocnemius' heads and rectus abdominis' pair; in one large tab still some
    assert piled >= (3 if mode == "side" else 1)


def test_the_marks_follow_the_scale_and_return_to_their_places_when_zoomed(window, atlas, qtbot):
    window.set_layout_mode("side")
    window.select_candidate("gluteus_minimus_posterior", "right")
    view = window.views["posterior"]
    view.fit()
    spread = [r.center() for r, _t, _h in _screen_rects(view)]
    assert any(math.hypot(r.center().x() - t.x(), r.center().y() - t.y()) > 1 for r, t, _h in _screen_rects(view))
    view.zoom_by(8.0)  # close up there is room: every X sits on its own trigger point
    for rect, true, _half in _screen_rects(view):
        assert math.hypot(rect.center().x() - true.x(), rect.center().y() - true.y()) < 1.0
    assert not _overlapping(_screen_rects(view))
    view.fit()
    assert [r.center() for r, _t, _h in _screen_rects(view)] == spread


def test_spread_marks_leaves_distant_marks_alone_and_parts_coincident_ones():
    far = [(10.0, 10.0), (100.0, 10.0), (10.0, 100.0)]
    assert spread_marks(far, 5.0, 10.0) == far
    a, b = spread_marks([(50.0, 50.0), (50.0, 50.0)], 5.0, 10.0)
    assert abs(a[0] - b[0]) >= 10.0 - 1e-6 and a[1] == b[1] == 50.0  # side by side, each 5 from the true place
    assert math.isclose(a[0], 45.0, abs_tol=0.05) and math.isclose(b[0], 55.0, abs_tol=0.05)
    # along the line joining them: a vertical pair is parted vertically
    c, d = spread_marks([(0.0, 0.0), (0.0, 4.0)], 5.0, 10.0)
    assert c[0] == d[0] == 0.0 and d[1] - c[1] >= 10.0 - 1e-6
    # never further than reach from the true place, even when that leaves them overlapping
    e, f = spread_marks([(0.0, 0.0), (1.0, 0.0)], 5.0, 2.0)
    assert math.isclose(e[0], -2.0) and math.isclose(f[0], 3.0)


def test_presentation_draws_close_trigger_points_apart(qtbot, atlas):
    from hipmap.ui.kit.colors import diagram_style
    from hipmap.ui.present.slidediagram import CROSS_SCALE
    from hipmap.ui.present.window import PresentationWindow

    w = PresentationWindow(atlas, [("gluteus_minimus_posterior", "right"), ("gastrocnemius", "right")], None, animation_ms=0)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    half = (TriggerCross.SIZE + TriggerCross.HALO) * CROSS_SCALE * diagram_style().cross_scale
    for index in range(2):
        w.go_to(index)
        diagram = w.diagrams["posterior"]
        crosses = diagram.layers["points"].childItems()
        assert len(crosses) >= 2
        rects = [(QRectF(c.pos().x() - half, c.pos().y() - half, 2 * half, 2 * half),) for c in crosses]
        assert not _overlapping(rects), index
