"""The routine builder and the before/after comparison, driven through the real window and dialogs."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hipmap.core.routine.builder import step_key

from .conftest import region_centre
from .test_mainwindow import click

GMIN = "gluteus_minimus_anterior"
TFL = "tensor_fasciae_latae"


@pytest.fixture
def marked(window, atlas):
    """Pain down the outer thigh and leg on the right, as a person would click it."""
    for region in ("lateral_thigh", "lateral_leg", "lateral_hip"):
        click(window.views["lateral_right"], *region_centre(atlas, "lateral_right", region))
    return window


def screened(window):
    dialog = window.selfcare.open_screening()
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, False)
    dialog.close()


def activate(qtbot, widget):
    """Shortcuts go to the active window; offscreen, a new window has to ask for it."""
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def muscle_item(builder, muscle_id, side="right"):
    for i in range(builder.muscle_list.count()):
        item = builder.muscle_list.item(i)
        if item.data(Qt.UserRole) == (muscle_id, side):
            return item
    raise AssertionError(f"{muscle_id} {side} not offered")


def table_titles(builder):
    return [builder.table.item(r, 0).text() for r in range(builder.table.rowCount())]


def test_builder_starts_from_the_explaining_set(marked, qtbot):
    window = marked
    QTest.keyClick(window, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
    builder = window.selfcare.builder
    qtbot.waitExposed(builder)
    explaining = {(c.muscle_id, c.side) for c in window.document.result.explaining}
    assert explaining and builder.ticked == explaining
    ticked_rows = [builder.muscle_list.item(i).data(Qt.UserRole) for i in range(builder.muscle_list.count())
                   if builder.muscle_list.item(i).checkState() == Qt.Checked]
    assert set(ticked_rows) == explaining
    assert builder.table.rowCount() == len(builder.routine.steps) > 0
    assert builder.total_label.text().startswith("<b>Total ")
    assert builder.name_edit.text() == builder.routine.name != ""


def test_ticking_moving_removing_editing_and_undo(marked, qtbot, atlas):
    builder = marked.selfcare.open_builder()
    activate(qtbot, builder)
    initial = builder.routine
    builder.set_ticked(set())
    assert builder.table.rowCount() == 0 and "No steps yet" in builder.total_label.text()
    assert not builder.start_button.isEnabled()

    muscle_item(builder, GMIN).setCheckState(Qt.Checked)  # as a click on the box does
    gmin_titles = table_titles(builder)
    assert gmin_titles[0] == f"Tennis ball: {atlas.muscles[GMIN].name}"
    muscle_item(builder, TFL).setCheckState(Qt.Checked)
    titles = table_titles(builder)
    assert titles[: len(gmin_titles)] == gmin_titles and f"Tennis ball: {atlas.muscles[TFL].name}" in titles

    # Change the first hold in the spin box: the table and the routine follow.
    builder.table.selectRow(0)
    builder.hold_spin.setValue(45)
    assert builder.routine.steps[0].hold_s == 45 and builder.table.item(0, 2).text() == "45 s"
    builder.reps_spin.setValue(4)
    assert builder.table.item(0, 3).text() == "\u00d7 4"

    # Move the last step to the top with the keyboard, then remove it with Delete.
    last = builder.table.rowCount() - 1
    builder.table.selectRow(last)
    moved_title = table_titles(builder)[last]
    builder.table.setFocus()
    for _ in range(last):
        QTest.keyClick(builder.table, Qt.Key_Up, Qt.AltModifier)
    assert table_titles(builder)[0] == moved_title and builder.current_row() == 0
    QTest.keyClick(builder.table, Qt.Key_Delete)
    assert moved_title not in table_titles(builder)

    # Undo walks back through each change exactly; redo replays them.
    states = []
    while builder.undo_stack.canUndo():
        states.append(builder.routine)
        QTest.keyClick(builder, Qt.Key_Z, Qt.ControlModifier)
    assert builder.routine == initial  # back to the routine the builder opened with
    for state in reversed(states):
        QTest.keyClick(builder, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        assert [step_key(s) for s in builder.routine.steps] == [step_key(s) for s in state.steps]
    assert builder.routine.steps[0].hold_s == 45 and builder.routine.steps[0].reps == 4


def test_removing_all_of_a_muscles_steps_unticks_it(marked, qtbot):
    builder = marked.selfcare.open_builder()
    builder.set_ticked({(TFL, "right")})
    while builder.routine.steps:
        assert (TFL, "right") in builder.ticked
        builder.table.selectRow(0)
        builder.act_remove.trigger()
    assert (TFL, "right") not in builder.ticked
    assert muscle_item(builder, TFL).checkState() == Qt.Unchecked


def test_save_and_open_a_named_routine(marked, qtbot, tmp_path):
    from hipmap.core.routine.library import RoutineLibrary

    builder = marked.selfcare.open_builder()
    builder.library = RoutineLibrary(tmp_path / "routines")
    activate(qtbot, builder)
    builder.set_ticked({(TFL, "right")})
    builder.table.selectRow(0)
    builder.hold_spin.setValue(50)
    QTest.keyClicks(builder.name_edit, "x")
    builder.name_edit.selectAll()
    QTest.keyClicks(builder.name_edit, "Evening hip")
    QTest.keyClick(builder, Qt.Key_S, Qt.ControlModifier)
    assert [s.name for s in builder.library.saved()] == ["Evening hip"]
    assert builder.saved_combo.currentText() == "Evening hip"

    builder.set_ticked({(GMIN, "right")})  # something else, then open the saved one again
    builder.open_saved()
    assert builder.routine.steps[0].muscle_id == TFL and builder.routine.steps[0].hold_s == 50
    assert builder.ticked == {(TFL, "right")} and builder.name_edit.text() == "Evening hip"


def test_start_plays_the_built_routine_after_the_check(marked, qtbot):
    window = marked
    builder = window.selfcare.open_builder()
    builder.set_ticked({(TFL, "right"), (GMIN, "right")})
    builder.start_button.click()
    assert window.selfcare.player is None and window.selfcare.screening_dialog.isVisible()  # the check comes first
    screened(window)
    now = [0.0]
    window.selfcare.player_clock = lambda: now[0]
    with qtbot.waitSignal(builder.startRequested):
        builder.start_button.click()
    player = window.selfcare.player
    assert player is not None and player.routine.steps == builder.routine.steps
    player.close()


def test_after_a_routine_remark_and_compare_side_by_side(marked, qtbot, atlas):
    window = marked
    screened(window)
    before = window.document.painmap
    window.select_candidate(TFL, "right")
    now = [0.0]
    window.selfcare.player_clock = lambda: now[0]
    player = window.selfcare.start_routine()
    player.start()
    now[0] = player.routine.total_seconds() + 1
    with qtbot.waitSignal(player.finished, timeout=2000):
        player.tick()
    assert not player.compare_action.isEnabled()  # nothing to compare with until the pain is marked again
    player.remark_action.trigger()  # the end screen's "Mark your pain again"
    assert player.compare_action.isEnabled()
    assert window.document.painmap.is_empty() and window.selfcare.remark_banner.isVisibleTo(window)
    assert window.selfcare.act_compare.isEnabled()

    click(window.views["lateral_right"], *region_centre(atlas, "lateral_right", "lateral_thigh"))
    QTest.keyClick(window, Qt.Key_B, Qt.ControlModifier | Qt.ShiftModifier)
    dialog = window.selfcare.compare_dialog
    activate(qtbot, dialog)
    assert not window.selfcare.remark_banner.isVisibleTo(window)
    left, right = dialog.pairs[dialog.current]
    assert left.isVisible() and right.isVisible() and dialog.current == "lateral_right"
    assert len(left.mark_items) == 2 * len(before.marks) and len(right.mark_items) == 2
    text = dialog.figures.text()
    assert "Area marked" in text and "(better)" in text and "do not measure healing" in text
    QTest.keyClick(dialog, Qt.Key_4, Qt.ControlModifier)
    assert dialog.current == "anterior" and dialog.pairs["anterior"][0].isVisible()
    # Undo brings the marks from before back into the document.
    while window.document.undo_stack.canUndo() and window.document.painmap.marks != before.marks:
        window.document.undo_stack.undo()
    assert window.document.painmap.marks == before.marks
    dialog.close()
    player.close()


def test_a_removed_step_stays_out_when_other_muscles_are_ticked(marked, atlas):
    builder = marked.selfcare.open_builder()
    builder.set_ticked({(TFL, "right")})
    stretch_row = next(i for i, s in enumerate(builder.routine.steps) if s.kind == "stretch")
    gone = builder.routine.steps[stretch_row]
    builder.table.selectRow(stretch_row)
    builder.remove_step()
    builder.set_ticked({(TFL, "right"), ("piriformis", "right")})
    assert gone not in builder.routine.steps
    builder.set_ticked({("piriformis", "right")})
    builder.set_ticked({("piriformis", "right"), (TFL, "right")})  # ticked afresh: whole again
    assert gone.exercise_id in {s.exercise_id for s in builder.routine.steps}


def test_the_builder_says_it_saved_and_its_undo_buttons_fit(marked, qtbot, tmp_path):
    """Issue 15.7: Save says "Saved as “Evening”"; Undo and Redo keep short names that fit, the change in the tooltip."""
    from PySide6.QtWidgets import QToolButton

    from hipmap.core.routine.library import RoutineLibrary

    builder = marked.selfcare.open_builder()
    builder.library = RoutineLibrary(tmp_path / "routines")
    activate(qtbot, builder)
    builder.set_ticked(builder.ticked | {(TFL, "right"), (GMIN, "right")})
    builder.set_ticked({(TFL, "right")})
    builder.name_edit.setText("Evening")
    QTest.keyClick(builder, Qt.Key_S, Qt.ControlModifier)
    assert builder.status_label.text() == "Saved as \u201cEvening\u201d" and builder.status_label.isVisible()
    buttons = {b.defaultAction(): b for b in builder.findChildren(QToolButton) if b.defaultAction() in (builder.act_undo, builder.act_redo)}
    undo = buttons[builder.act_undo]
    assert undo.text().replace("&", "") == "Undo" and undo.sizeHint().width() <= undo.width()
    assert undo.toolTip().startswith("Undo: ") and builder.undo_stack.undoText() in undo.toolTip()
    QTest.keyClick(builder, Qt.Key_Z, Qt.ControlModifier)
    redo = buttons[builder.act_redo]
    assert redo.isEnabled() and redo.text().replace("&", "") == "Redo" and redo.sizeHint().width() <= redo.width()
    assert redo.toolTip().startswith("Redo: ") and builder.undo_stack.redoText() in redo.toolTip()
    assert builder.status_label.text() == ""  # the saved routine is no longer what is shown
