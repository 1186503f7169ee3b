"""Explore mode (Tools > Explore Muscles, X): the pointer over a diagram names the muscle under it, the wheel or
[ and ] reach the ones beneath, a click selects it as the browser would, and no pain is marked meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shapely.ops import unary_union

from hipmap.core.content.anatomy import muscles_at

from .conftest import region_centre, viewport_pos


def _stacking(atlas, view_id):
    """Every (muscle, side, depth, shape) drawn on a view, one per part of a muscle drawn in parts, top-most first,
    as muscles_at orders them: a part lying on top before those under it, and among the same depth the smaller
    first."""
    from hipmap.core.content.anatomy import part_layer

    entries = [(part_layer(atlas.anatomy, p, view_id), m, side, p.depth, p.shape) for m, a in atlas.anatomy.items()
               for (side, v) in a.shapes if v == view_id for p in a.parts_on(side, v)]
    return [e[1:] for e in sorted(entries, key=lambda e: (e[0], e[4].area, e[1], e[2]))]


def _inner_point(view, shape, covering):
    """A point of SHAPE clear of every shape in COVERING, a couple of pixels in from every edge (a click lands on
    a whole pixel); None when no such point is left."""
    margin = 2.5 / view.transform().m11()
    free = shape.buffer(-margin)
    if covering:
        free = free.difference(unary_union(covering).buffer(margin))
    if free.is_empty:
        return None
    point = free.representative_point()
    return point.x, point.y


def _hover(view, x, y):
    """The pointer moved over the diagram, as drag() in test_mainwindow.py moves it."""
    vp = view.viewport()
    pos = QPointF(viewport_pos(view, x, y))
    QApplication.sendEvent(vp, QMouseEvent(QEvent.MouseMove, pos, vp.mapToGlobal(pos), Qt.NoButton, Qt.NoButton, Qt.NoModifier))


def _click(view, x, y):
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, viewport_pos(view, x, y))


def _wheel(view, x, y, down=True):
    pos = QPointF(viewport_pos(view, x, y))
    delta = QPoint(0, -120 if down else 120)
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), delta, Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def _expected_side(atlas, muscle_id, side):
    return "both" if atlas.muscles[muscle_id].bilateral else side


def _explore(window):
    window.activateWindow()
    QTest.keyClick(window, Qt.Key_X)
    assert window.exploring.active and window.exploring.act_explore.isChecked()
    assert not window.marking.act_brush.isChecked()


def test_a_click_on_every_superficial_muscle_on_every_view_selects_it(window, atlas, qtbot):
    _explore(window)
    clicked = 0
    for view_id, view in window.views.items():
        window.show_view(view_id)
        stacking = _stacking(atlas, view_id)
        for i, (muscle_id, side, depth, shape) in enumerate(stacking):
            if depth != "superficial":
                continue
            found = _inner_point(view, shape, [e[3] for e in stacking[:i] if e[3].intersects(shape)])
            assert found is not None, f"{muscle_id} {side} on {view_id}: no point of it lies on top"
            _hover(view, *found)
            name = atlas.muscles[muscle_id].name
            assert view.explore_label.isVisible() and view.explore_label.text().startswith(name), (view_id, muscle_id)
            assert name in window.hover_label.text()
            # previewed on the diagrams before the click, as a candidate under the pointer is
            expected = (muscle_id, _expected_side(atlas, muscle_id, side))
            assert view._overlay_args[0].id == muscle_id and view._overlay_args[2] is (window.selected != expected)
            _click(view, *found)
            assert window.selected == expected, (view_id, muscle_id, side)
            assert {k: (v._overlay_args[0].id, v._overlay_args[2]) for k, v in window.views.items()} == dict.fromkeys(window.views, (muscle_id, False))
            clicked += 1
    assert clicked >= 2 * 20  # both sides of the twenty-odd muscles that lie on top somewhere
    assert window.document.painmap.is_empty()  # exploring marks no pain
    qtbot.waitUntil(lambda: window.muscle_panel.current() == window.selected, timeout=2000)  # the details follow
    assert window.selfcare.act_routine.isEnabled()


def test_every_deep_muscle_is_chosen_from_the_stack_with_the_wheel_or_the_keys(window, atlas, qtbot):
    _explore(window)
    chosen = set()
    use_keys = False
    for view_id, view in window.views.items():
        window.show_view(view_id)
        for muscle_id, side, depth, shape in _stacking(atlas, view_id):
            if depth != "deep":
                continue
            x, y = _inner_point(view, shape, []) or (shape.representative_point().x, shape.representative_point().y)
            stack = muscles_at(atlas, view_id, x, y)
            index = [(m, s) for m, s, _d in stack].index((muscle_id, side))
            assert index > 0 or len(stack) == 1, f"{muscle_id} on {view_id} is deep but named first"
            _hover(view, x, y)
            assert view.explore_stack() == (stack, 0)
            top = atlas.muscles[stack[0][0]].name
            assert view.explore_label.text().startswith(top)
            if index:
                assert "deep: " in view.explore_label.text() and atlas.muscles[muscle_id].name in view.explore_label.text().split("deep: ")[1]
            for _ in range(index):  # alternately the wheel and the ] key, one muscle down each
                if use_keys:
                    QTest.keyClick(window, Qt.Key_BracketRight)
                else:
                    _wheel(view, x, y)
                use_keys = not use_keys
            assert view.explore_stack()[1] == index
            assert view.explore_label.text().startswith(atlas.muscles[muscle_id].name)
            assert window.previewed == (muscle_id, _expected_side(atlas, muscle_id, side))
            _click(view, x, y)
            assert window.selected == (muscle_id, _expected_side(atlas, muscle_id, side)), (view_id, muscle_id)
            chosen.add(muscle_id)
    assert {m for m, a in atlas.anatomy.items() if any(p.depth == "deep" for s, v in a.shapes for p in a.parts_on(s, v))} <= chosen
    assert window.document.painmap.is_empty()
    assert window.marking.brush_spin.value() == 12  # ] chose a muscle; the brush kept its size


def test_the_wheel_goes_back_up_and_the_stack_wraps(window, atlas):
    _explore(window)
    window.show_view("posterior")
    view = window.views["posterior"]
    shape = atlas.anatomy["piriformis"].shape("right", "posterior")
    x, y = _inner_point(view, shape, [])
    stack = muscles_at(atlas, "posterior", x, y)
    assert len(stack) >= 2 and stack[0][0] == "gluteus_maximus"
    _hover(view, x, y)
    _wheel(view, x, y, down=False)
    assert view.explore_stack()[1] == len(stack) - 1  # above the top: the deepest
    QTest.keyClick(window, Qt.Key_BracketRight)
    assert view.explore_stack()[1] == 0
    QTest.keyClick(window, Qt.Key_BracketLeft)
    assert view.explore_stack()[1] == len(stack) - 1


def test_leaving_returns_to_the_tool_before_and_marking_works_again(window, atlas):
    window.marking.act_pan.trigger()
    _explore(window)
    view = window.views["posterior"]
    window.show_view("posterior")
    x, y = region_centre(atlas, "posterior", "buttock_center")
    assert "Explore mode" in view.accessibleDescription() and "F3" in view.accessibleDescription()
    _hover(view, x, y)
    assert window.previewed is not None
    QTest.keyClick(window, Qt.Key_Escape)
    assert "Explore mode" not in view.accessibleDescription() and "mark where it hurts" in view.accessibleDescription()
    assert not window.exploring.active and window.marking.act_pan.isChecked() and view.tool == "pan"
    assert window.previewed is None and not view.explore_label.isVisible() and not window.exploring.act_leave.isEnabled()
    window.marking.act_brush.trigger()
    _explore(window)
    QTest.keyClick(window, Qt.Key_X)  # the same command again leaves too
    assert not window.exploring.active and window.marking.act_brush.isChecked()
    _click(view, x, y)
    assert not window.document.painmap.is_empty()  # the brush marks again
    QTest.keyClick(window, Qt.Key_BracketRight)
    assert window.marking.brush_spin.value() > 12  # and ] is the brush's size again


def test_the_command_is_in_the_tools_menu_and_palette_with_its_keys_and_the_browser_named(window):
    act = window.exploring.act_explore
    assert act.shortcut().toString() == "X" and act.isCheckable()
    assert "F3" in act.toolTip() and "(X)" in act.toolTip()
    assert act in window.toolbar.actions_shown()
    tools = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Tools")
    assert act in tools.actions()
    keys = [a.shortcut().toString() for a in window.actions() if a.isEnabled() and not a.shortcut().isEmpty()]
    assert keys.count("X") == 1 and "Esc" not in keys  # Esc is taken only while exploring


def test_the_label_keeps_inside_the_diagram(window, atlas):
    _explore(window)
    window.show_view("lateral_right")
    view = window.views["lateral_right"]
    shape = atlas.anatomy["tensor_fasciae_latae"].shape("right", "lateral_right")
    x, y = _inner_point(view, shape, [])
    _hover(view, x, y)
    label = view.explore_label
    assert label.isVisible() and view.viewport().rect().contains(label.geometry())


def test_a_language_switch_keeps_the_explore_hint_for_screen_readers(window, atlas, qtbot):
    """The diagrams took back their marking hint ("Click or drag to mark...") when the language changed, while
    explore mode was still on and a click would select, not mark."""
    _explore(window)
    view = window.views["posterior"]
    window.show_view("posterior")
    _hover(view, *region_centre(atlas, "posterior", "buttock_center"))
    try:
        window.set_language("es")
        assert window.exploring.active
        description = view.accessibleDescription()
        assert "modo explorar" in description.lower() and "F3" in description, description
        assert not view.explore_label.isVisible() and window.hover_label.text() == ""  # no English words left beside the pointer
    finally:
        window.set_language("en")
    assert "Explore mode" in view.accessibleDescription()
