"""What the soak (tools/soak.py) found, each reduced to the few user actions that show it."""

import gc
import weakref

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hipmap.core.pain.painmap import PainMap, click_mark


def test_leaving_the_list_ends_the_preview_after_the_list_changed_under_the_pointer(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for region, side in (("buttock_center", "right"), ("lateral_thigh", "right"), ("heel", "left")):
        window.document.add_region(region, side, 5)
    view = window.candidates.view
    qtbot.waitUntil(lambda: view.indexAt(view.visualRect(view.model().index(1, 0)).center()).row() == 1)
    QTest.mouseMove(view.viewport(), view.visualRect(view.model().index(1, 0)).center())
    hovered = window.document.result.candidates[1].key
    assert window.previewed == hovered
    QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier)  # the list is rebuilt while the pointer rests on it
    assert window.previewed == hovered  # still listed, still under the pointer
    body = window.current_view().viewport()
    QTest.mouseMove(body, body.rect().center())  # the pointer leaves the list
    assert window.previewed is None
    assert all(v.overlay_items == [] for v in window.views.values())  # no zones left drawn


def test_switching_to_side_by_side_keeps_the_keyboard_on_the_diagram(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.add_region("buttock_center", "right", 5)
    QTest.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    QTest.keyClick(window, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert QApplication.focusWidget() is window.views["posterior"]
    # The same from the menu while another window is in front: back in the window, Ctrl+Z still undoes a mark.
    window.set_layout_mode("tabs")
    window.show_view("posterior")
    builder = window.selfcare.open_builder()
    qtbot.waitUntil(builder.isActiveWindow)
    window.act_side.trigger()
    builder.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is window.views["posterior"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Z, Qt.ControlModifier)
    assert window.document.painmap.is_empty()


def test_the_matchers_cache_keeps_no_mark_alive(atlas):
    from hipmap.core.pain.matching import Matcher

    matcher = Matcher(atlas)
    centre = atlas.views["posterior"].regions[("buttock_center", "right")].representative_point()
    mark = click_mark("posterior", centre.x, centre.y)
    matcher.match(PainMap((mark,)))
    assert len(matcher._mark_cells) == 1
    again = matcher.match(PainMap((mark,)))  # the cached cells serve the same mark again
    assert again.candidates and len(matcher._mark_cells) == 1
    gone = weakref.ref(mark.geometry)
    del mark, again
    gc.collect()
    assert gone() is None and not matcher._mark_cells


def _move_without_leave(view, scene_point):
    """A pointer move delivered straight to one diagram, with no enter or leave for the others (as when a window
    that opened under the pointer swallowed the leave)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    pos = QPointF(view.mapFromScene(QPointF(*scene_point)))
    event = QMouseEvent(QEvent.MouseMove, pos, view.viewport().mapToGlobal(pos), Qt.NoButton, Qt.NoButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def test_a_diagram_that_missed_its_leave_still_names_the_region_when_the_pointer_returns(window, qtbot, atlas):
    window.set_layout_mode("side")
    front, back = window.views["anterior"], window.views["posterior"]
    thigh = atlas.views["anterior"].regions[("anterior_thigh", "left")].representative_point()
    buttock = atlas.views["posterior"].regions[("buttock_center", "right")].representative_point()
    _move_without_leave(front, (thigh.x, thigh.y))
    assert window.hover_label.text() == "Left front of the thigh"
    _move_without_leave(back, (buttock.x, buttock.y))  # the front diagram got no leave
    assert "buttock" in window.hover_label.text().lower()
    assert front.hover_item.path().isEmpty()  # only one diagram shows a hovered region
    _move_without_leave(back, (-500.0, -500.0))  # off the body
    assert window.hover_label.text() == ""
    _move_without_leave(front, (thigh.x, thigh.y))  # back to the front diagram, same region as before
    assert window.hover_label.text() == "Left front of the thigh"
