"""The body-map window driven as a person would: clicks, drags, keys, files."""


import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QAccessible, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QApplication, QMessageBox, QWidget

from hipmap.core.pain import painmap as pm

from .conftest import region_centre, viewport_pos


def click(view, x, y):
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, viewport_pos(view, x, y))


def drag(view, points):
    vp = view.viewport()

    def send(kind, x, y, buttons):
        pos = QPointF(viewport_pos(view, x, y))
        event = QMouseEvent(kind, pos, vp.mapToGlobal(pos), Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton, buttons, Qt.NoModifier)
        QApplication.sendEvent(vp, event)

    send(QEvent.MouseButtonPress, *points[0], Qt.LeftButton)
    for x, y in points[1:]:
        send(QEvent.MouseMove, x, y, Qt.LeftButton)
    send(QEvent.MouseButtonRelease, *points[-1], Qt.NoButton)


def visible_candidate_texts(window):
    view = window.candidates.findChild(QAbstractItemView)
    model = view.model()
    return [model.index(r, 0).data(Qt.AccessibleTextRole) or model.index(r, 0).data() for r in range(model.rowCount())]


def panel_text(window):
    from PySide6.QtWidgets import QLabel, QTextBrowser

    texts = [w.text() for w in window.muscle_panel.findChildren(QLabel)]
    texts += [w.toPlainText() for w in window.muscle_panel.findChildren(QTextBrowser)]
    return "\n".join(texts)


def top3(window):
    return [c.key for c in window.document.result.top(3)]


@pytest.mark.parametrize(
    "view_id, region, expected",
    [
        ("anterior", "anterior_hip", "tensor_fasciae_latae"),
        ("posterior", "posterior_knee", "biceps_femoris"),
        ("lateral_right", "lateral_thigh", "vastus_lateralis"),
        ("anterior", "anterior_knee", "rectus_femoris"),
    ],
)
def test_clicking_a_region_marks_it_and_ranks_the_expected_muscle(window, atlas, view_id, region, expected):
    window.show_view(view_id)
    view = window.views[view_id]
    click(view, *region_centre(atlas, view_id, region))
    assert len(window.document.painmap.marks) == 1
    mark = window.document.painmap.marks[0]
    assert mark.view == view_id and mark.intensity == window.marking.intensity_slider.value()
    assert (expected, "right") in top3(window)
    # What the person sees: the list's rows name the muscles, best first.
    shown = visible_candidate_texts(window)
    assert any(atlas.muscles[expected].name in text for text in shown[:3])


def test_left_side_click_on_the_back_view_gives_left_side_muscles(window, atlas):
    window.show_view("posterior")
    click(window.views["posterior"], *region_centre(atlas, "posterior", "posterior_knee", "left"))
    assert all(side == "left" for _m, side in top3(window))


def test_dragging_paints_a_stroke(window, atlas):
    window.show_view("lateral_right")
    view = window.views["lateral_right"]
    shape = atlas.views["lateral_right"].regions[("lateral_thigh", "right")]
    x, y = shape.representative_point().x, shape.bounds[1] + 10
    points = [(x, y + 8 * i) for i in range(25)]
    drag(view, points)
    marks = window.document.painmap.marks
    assert len(marks) == 1
    minx, miny, maxx, maxy = marks[0].geometry.bounds
    assert maxy - miny > 150 and maxx - minx < 40  # a long vertical stroke, not a dot
    assert window.document.undo_stack.undoText() == "Paint pain"


def test_undo_and_redo_restore_the_exact_previous_map(window, atlas, qtbot):
    view = window.views["posterior"]
    window.show_view("posterior")
    maps = [window.document.painmap]
    for region in ("buttock_center", "posterior_thigh", "posterior_calf"):
        click(view, *region_centre(atlas, "posterior", region))
        maps.append(window.document.painmap)
    window.marking.intensity_slider.setValue(9)
    drag(view, [(350, 300), (360, 320), (370, 340)])
    maps.append(window.document.painmap)
    for expected in reversed(maps[:-1]):
        QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
        assert window.document.painmap == expected
    assert window.document.painmap.is_empty() and not window.act_undo.isEnabled()
    for expected in maps[1:]:
        QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        assert window.document.painmap == expected
    assert window.views["posterior"].mark_items  # the marks are back on screen


def test_selecting_a_candidate_shows_its_zones_on_every_view(window, atlas, qtbot):
    window.show_view("lateral_right")
    click(window.views["lateral_right"], *region_centre(atlas, "lateral_right", "lateral_thigh"))
    window.candidates.setFocus()
    window.select_candidate("gluteus_minimus_anterior", "right")
    muscle = atlas.muscles["gluteus_minimus_anterior"]
    for view_id, view in window.views.items():
        has_zone = not muscle.zone("essential", "right", view_id).is_empty
        assert bool(view.overlay_items) == has_zone, view_id
    lateral = window.views["lateral_right"]
    zone = muscle.zone("essential", "right", "lateral_right")
    solid = [i for i in lateral.overlay_items if "essential zone (solid)" in i.toolTip()]
    rect = solid[0].path().boundingRect()
    assert rect.left() == pytest.approx(zone.bounds[0], abs=1) and rect.bottom() == pytest.approx(zone.bounds[3], abs=1)
    crosses = [i for i in lateral.overlay_items if type(i).__name__ == "TriggerCross"]
    assert len(crosses) == len(muscle.points_on("lateral_right", "right"))
    qtbot.waitUntil(lambda: "Gluteus minimus" in panel_text(window), timeout=2000)  # the panel follows the list


def test_arrow_keys_in_the_list_move_the_selection_and_the_overlay(window, atlas):
    window.show_view("posterior")
    click(window.views["posterior"], *region_centre(atlas, "posterior", "buttock_center"))
    first, second = window.document.result.candidates[:2]
    window.select_candidate(*first.key)
    window.candidates.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    assert window.selected == second.key


def test_every_row_of_a_long_list_is_reached_by_keys_even_when_rows_are_taller_than_the_list(window, atlas):
    """Rows below the visible part used to be made current but not selected (the selection emptied)."""
    window.show_view("posterior")
    click(window.views["posterior"], *region_centre(atlas, "posterior", "buttock_center"))
    keys = [c.key for c in window.document.result.candidates]
    assert len(keys) >= 5
    window.candidates.view.setFixedHeight(120)  # shorter than one row: every next row starts below the list
    window.select_candidate(*keys[0])
    window.candidates.view.setFocus()
    for expected in keys[1:]:
        QTest.keyClick(window.candidates.view, Qt.Key_Down)
        assert window.selected == expected
    QTest.keyClick(window.candidates.view, Qt.Key_Home)
    assert window.selected == keys[0]
    QTest.keyClick(window.candidates.view, Qt.Key_End)
    assert window.selected == keys[-1]
    QTest.keyClick(window.candidates.view, Qt.Key_Up)
    assert window.selected == keys[-2]


def test_hovering_names_the_region(window, atlas):
    window.show_view("anterior")
    view = window.views["anterior"]
    x, y = region_centre(atlas, "anterior", "groin")
    QTest.mouseMove(view.viewport(), viewport_pos(view, x, y))
    assert window.hover_label.text() == f"Right {atlas.regions['groin'].name[0].lower()}{atlas.regions['groin'].name[1:]}"


def test_eraser_removes_pain(window, atlas):
    window.show_view("posterior")
    view = window.views["posterior"]
    click(view, *region_centre(atlas, "posterior", "posterior_thigh"))
    QTest.keyClick(window, Qt.Key_E)
    assert view.tool == "eraser"
    x, y = region_centre(atlas, "posterior", "posterior_thigh")
    drag(view, [(x - 30, y), (x + 30, y)])
    assert window.document.painmap.is_empty()


def test_save_then_open_restores_the_same_marks(window, atlas, tmp_path):
    view = window.views["anterior"]
    window.show_view("anterior")
    window.marking.quality_actions["burning"].setChecked(True)
    click(view, *region_centre(atlas, "anterior", "anterior_thigh"))
    before = window.document.painmap
    path = tmp_path / "me.hipmap.json"
    assert window.files._save_to(path)
    assert not window.document.is_modified() and "me.hipmap.json" in window.windowTitle()
    window.document.new()
    assert window.files.open_path(path)
    after = window.document.painmap
    assert [(m.view, m.intensity, m.qualities) for m in after.marks] == [(m.view, m.intensity, m.qualities) for m in before.marks]
    assert after.marks[0].geometry.symmetric_difference(before.marks[0].geometry).area < 1.0
    assert str(path) in window.files._recent()


def test_a_corrupt_file_shows_an_error_and_changes_nothing(window, atlas, tmp_path, monkeypatch):
    click(window.views[window.current_view_id()], 300, 400)
    before = window.document.painmap
    bad = tmp_path / "bad.hipmap.json"
    bad.write_text('{"format": "hipmap.painmap", "version": 1, "marks": [{"view": "posterior", "intensity": "lots"}]}')
    content = bad.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]) or QMessageBox.Ok)
    assert not window.files.open_path(bad)
    assert shown and "intensity" in shown[0] and "bad.hipmap.json" in shown[0]
    assert bad.read_bytes() == content
    assert window.document.painmap == before


def test_keyboard_only_marking_with_the_region_dialog(window, atlas, qtbot):
    QTest.keyClick(window, Qt.Key_M, Qt.ControlModifier)
    dialog = window.marking.region_dialog
    qtbot.waitExposed(dialog)
    window.marking.intensity_slider.setValue(3)  # the dialog keeps the rating it opened with, or the one chosen in it
    dialog.rating.setValue(7)
    QTest.keyClicks(dialog.search, "left outer th")  # typing narrows the list; Enter marks the first match
    assert [item.text() for item in dialog.visible_items()] == ["Left outer thigh"]
    QTest.keyClick(dialog.search, Qt.Key_Return)
    marks = window.document.painmap.marks
    assert marks and all(m.side == "left" and m.intensity == 7 for m in marks)
    assert {m.view for m in marks} == set(atlas.region_shapes("lateral_thigh", "left"))
    assert ("gluteus_minimus_anterior", "left") in [c.key for c in window.document.result.top(3)] or ("vastus_lateralis", "left") in top3(window)
    assert dialog.isVisible() and "Left outer thigh" in dialog.status.text()  # open for the next region
    QTest.keyClick(dialog.search, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(dialog.search, "knee")
    QTest.keyClick(dialog.search, Qt.Key_Down)  # the arrows move through the list while typing
    chosen = dialog.list.currentItem().text()
    QTest.keyClick(dialog.search, Qt.Key_Return)
    assert len(window.document.painmap.marks) > len(marks) and chosen.endswith("knee")
    QTest.keyClick(dialog.search, Qt.Key_Escape)
    assert not dialog.isVisible()


def test_number_keys_set_the_pain_rating(window):
    window.views["posterior"].setFocus()
    QTest.keyClick(window, Qt.Key_8)
    assert window.marking.intensity_slider.value() == 8 and window.marking.intensity_label.text() == "8/10"


def test_unsaved_changes_prompt_can_cancel_closing(window, atlas, monkeypatch):
    click(window.views[window.current_view_id()], 300, 400)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    assert window.close() is False and window.isVisible()


def test_autosave_and_restore_after_a_crash(window, atlas, qtbot, tmp_path, monkeypatch):
    from hipmap.ui.mainwindow.window import MainWindow

    click(window.views["posterior"], *region_centre(atlas, "posterior", "lower_buttock"))
    window.files.autosave()
    path = window.files.autosave_path()
    assert path.exists() and pm.load(path).marks
    window.files._lock.unlock()  # the window "crashed": its lock is gone, its recovery file is not
    # A new session finds the file and offers the marks back.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    other = MainWindow(atlas, window.document.matcher, settings=window.settings)
    qtbot.addWidget(other)
    other.files.autosave_timer.stop()
    other.files.offer_restore()
    assert len(other.document.painmap.marks) == 1 and other.document.is_modified()
    assert asked == ["hipmap did not close normally last time. Restore the unsaved mark?"]  # not "the 1 unsaved mark"
    other.document.undo_stack.setClean()
    other.files.clear_autosave()


def test_layout_choice_is_remembered(window, atlas, matcher):
    from hipmap.ui.mainwindow.window import MainWindow

    QTest.keyClick(window, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert window._mode == "side" and all(v.isVisible() for v in window.views.values())
    again = MainWindow(atlas, matcher, settings=window.settings)
    assert again._mode == "side"
    again.deleteLater()


def test_every_control_has_an_accessible_name(window):
    missing = []
    for widget in window.findChildren(QWidget):
        interactive = isinstance(widget, (QAbstractButton, QAbstractSlider, QAbstractSpinBox)) or widget.focusPolicy() & Qt.TabFocus
        if not interactive or not widget.isVisibleTo(window):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Name) if iface else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    assert not missing, missing


def test_every_action_has_a_tooltip_and_menu_actions_show_shortcuts(window):
    for action in window.actions():
        assert action.toolTip().strip(), action.text()
    assert window.act_undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.act_redo.shortcuts()]


def test_tab_moves_from_the_diagram_to_the_list_to_the_details(window, atlas, qtbot):
    window.document.add_region("buttock_center", "right", 5)
    window.select_candidate(*window.document.result.candidates[0].key)
    qtbot.waitUntil(lambda: window.muscle_panel.focusProxy().isVisible(), timeout=2000)
    window.set_layout_mode("side")
    first = window.views["posterior"]
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    seen = []
    for _ in range(12):
        widget = QApplication.focusWidget()
        owner = next((name for name, w in (("views", tuple(window.views.values())), ("list", (window.candidates,)), ("panel", (window.muscle_panel,)))
                      if any(widget is x or x.isAncestorOf(widget) for x in w)), None)
        if owner and (not seen or seen[-1] != owner):
            seen.append(owner)
        QTest.keyClick(widget, Qt.Key_Tab)
    assert seen[:3] == ["views", "list", "panel"], seen


def test_the_window_paints_its_drawings_before_the_atlas_is_loaded(qtbot, atlas, tmp_path):
    from PySide6.QtCore import QSettings

    from hipmap.ui.mainwindow.window import MainWindow

    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.first_frame.painted, timeout=3000):
        win.first_frame.update()
    image = win.first_frame.grab().toImage()
    middle = image.height() // 2
    assert any(image.pixelColor(x, middle) != image.pixelColor(1, middle) for x in range(0, image.width(), 3))
    assert not win.act_clear.isEnabled() and not win.files.act_save.isEnabled() and win.act_quit.isEnabled()
    win.attach(atlas)
    assert win.act_clear.isEnabled() and win.views and win.view_stack.currentWidget() in (win.tabs, win.side_by_side)
    assert not win.act_undo.isEnabled()


def test_tingling_marks_show_the_nerve_sign_banner_and_the_check_gives_advice(window, atlas, qtbot):
    window.show_view("posterior")
    window.marking.quality_actions["tingling"].setChecked(True)
    click(window.views["posterior"], *region_centre(atlas, "posterior", "posterior_thigh"))
    assert window.selfcare.nerve_banner.isVisible()
    assert "examined" in window.selfcare.nerve_banner.text()
    dialog = window.selfcare.open_screening()
    qtbot.waitExposed(dialog)
    assert not dialog.result().may_self_treat  # the nerve signs alone put self-care on hold
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, False)
    dialog.set_answer("saddle_numbness", True)
    text = dialog.advice.toPlainText()
    emergency = window.selfcare.red_flags.advice_for("saddle_numbness")
    assert emergency.urgency == "emergency" and text.index(emergency.title) < text.index(window.selfcare.red_flags.nerve_signs.title)
    assert window.selfcare.red_flags.note.split()[0] in text
    dialog.close()
    QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert not window.selfcare.nerve_banner.isVisible()


def test_screening_dialog_controls_have_accessible_names(window, qtbot):
    dialog = window.selfcare.open_screening()
    qtbot.waitExposed(dialog)
    from PySide6.QtWidgets import QRadioButton

    radios = dialog.findChildren(QRadioButton)
    assert len(radios) == 2 * len(window.selfcare.red_flags.questions)
    assert all(r.accessibleName().startswith(("Yes:", "No:")) for r in radios)
    dialog.close()


def test_a_routine_starts_only_after_the_warning_signs_check(window, atlas, qtbot):
    window.show_view("anterior")
    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    window.select_candidate("tensor_fasciae_latae", "right")
    QTest.keyClick(window, Qt.Key_R, Qt.ControlModifier)
    assert getattr(window.selfcare, "player", None) is None and window.selfcare.screening_dialog.isVisible()
    for question in window.selfcare.red_flags.questions:
        window.selfcare.screening_dialog.set_answer(question.id, False)
    window.selfcare.screening_dialog.close()
    assert window.settings.value("safety/may_self_treat") == "yes"

    now = [0.0]
    window.selfcare.player_clock = lambda: now[0]
    player = window.selfcare.start_routine()
    qtbot.waitExposed(player)
    care = atlas.muscles["tensor_fasciae_latae"].self_care
    assert player.player.routine.steps[0].hold_s == care.compression.hold_s
    assert [s.exercise_id for s in player.player.routine.steps[1:]] == list(care.stretches)
    player.start()
    now[0] = 12.0
    player.tick()
    assert player.phase_label.text() == "Hold"
    with qtbot.waitSignal(player.finished, timeout=2000):
        player.stop()
    assert "Routine stopped" in window.statusBar().currentMessage()
    player.close()


def test_a_yes_in_the_check_keeps_routines_closed(window, atlas):
    window.show_view("anterior")
    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    window.select_candidate("tensor_fasciae_latae", "right")
    dialog = window.selfcare.open_screening()
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, question.id == "fever_unwell")
    dialog.close()
    assert window.selfcare.start_routine() is None and getattr(window.selfcare, "player", None) is None


def _screen_span(view, label):
    """Left and right screen x of a label (it ignores the view's scale; its own scale still applies)."""
    x = view.mapFromScene(label.pos()).x()
    k = label.scale()
    return x + label.boundingRect().left() * k, x + label.boundingRect().right() * k


@pytest.mark.parametrize("font_scale", [1.0, 2.0])
def test_the_side_labels_fit_their_pane_and_never_run_into_each_other(window, qtbot, font_scale):
    """LEFT / RIGHT, FRONT / BACK and RIGHT SIDE keep their screen size; in a small pane, or with a large system
    font, they shrink and move apart instead of overlapping or running past the pane's edge."""
    from hipmap.ui.diagram.bodyview import MIN_LABEL_GAP_PX
    from hipmap.ui.kit.style import scaled_font

    app = QApplication.instance()
    font = app.font()
    try:
        app.setFont(scaled_font(font, font_scale))
        window.set_layout_mode("side")
        for width in (900, 1400):
            window.resize(width, 640)
            qtbot.wait(10)
            for view in window.views.values():
                pair = sorted((label for label, *_ in view._spread), key=lambda item: item.pos().x())
                assert len(pair) == 2
                (_, a_right), (b_left, _) = (_screen_span(view, label) for label in pair)
                assert b_left - a_right >= 2 * MIN_LABEL_GAP_PX - 2, (view.view_id, width, b_left - a_right)
                assert pair[0].scale() == pair[1].scale()  # the two words of a pair stay the same size
                for label in view._label_items:
                    left, right = _screen_span(view, label)
                    assert 0 <= left and right <= view.viewport().width(), (view.view_id, width, label.text)
    finally:
        app.setFont(font)


def test_the_title_follows_the_file_after_new_open_and_restore(window, atlas, tmp_path):
    """Issue 15.4: New, Open, a failed Open, start-from-session and restore each leave the title naming the map shown."""
    view = window.views["anterior"]
    window.show_view("anterior")
    click(view, *region_centre(atlas, "anterior", "anterior_thigh"))
    first, second = tmp_path / "first.hipmap.json", tmp_path / "second.hipmap.json"
    assert window.files._save_to(first) and window.files._save_to(second)
    assert window.files.open_path(first)
    assert "first.hipmap.json" in window.windowTitle()
    assert window.files.open_path(second)  # from one clean, saved map straight to another
    assert "second.hipmap.json" in window.windowTitle() and "first" not in window.windowTitle()
    bad = tmp_path / "bad.hipmap.json"
    bad.write_text("not a pain map")
    assert not window.files.open_path(bad)  # a bad file leaves the map and its name as they were
    assert "second.hipmap.json" in window.windowTitle() and window.document.path == second
    window.files.new_map()
    assert window.document.painmap.is_empty() and "second" not in window.windowTitle()
    assert "Untitled" in window.windowTitle()
    assert window.files.open_path(first)
    window.document.restore(window.document.painmap)  # start-from-session and the autosave restore both use this
    assert window.document.path is None and "first" not in window.windowTitle() and "Untitled" in window.windowTitle()


def test_the_warning_signs_check_takes_a_key_a_question_plus_enter(window, qtbot):
    """Issue 15.3: N answers the focused question and moves on; twelve Ns and Enter finish the check (it took 36 keys)."""
    dialog = window.selfcare.open_screening()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    questions = window.selfcare.red_flags.questions
    focus = QApplication.focusWidget()
    assert focus is not None and focus.accessibleName() == f"Yes: {questions[0].question}"  # screen readers hear the question
    QTest.keyClick(focus, Qt.Key_Right)  # arrows choose, as in a radio group
    assert dialog.answers().get(questions[0].id) is False and QApplication.focusWidget().accessibleName() == f"No: {questions[0].question}"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Left)
    assert dialog.answers().get(questions[0].id) is True
    for _question in questions:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_N)
    assert all(value is False for value in dialog.answers().answers.values()) and dialog.result().complete
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert not dialog.isVisible() and window.settings.value("safety/may_self_treat") == "yes"


def test_the_routine_asked_for_starts_when_the_first_warning_signs_check_closes_with_no_sign(window, atlas, qtbot):
    """Ctrl+R opened the check; answering No twelve times and closing it then did nothing, and a newcomer had to
    know to press Ctrl+R again."""
    window.show_view("anterior")
    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    window.select_candidate("tensor_fasciae_latae", "right")
    QTest.keyClick(window, Qt.Key_R, Qt.ControlModifier)
    dialog = window.selfcare.screening_dialog
    assert window.selfcare.player is None and dialog.isVisible()
    assert "the routine starts when you close the check" in window.statusBar().currentMessage()
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, False)
    dialog.close()
    qtbot.waitUntil(lambda: window.selfcare.player is not None and window.selfcare.player.isVisible())
    assert window.selfcare.player.player.routine.steps[0].muscle_id == "tensor_fasciae_latae"


def test_the_checks_button_says_the_routine_starts_only_when_it_will(window, atlas, qtbot):
    """Its one button said "Close" although closing a check with every answer no started the routine."""
    window.show_view("anterior")
    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    window.select_candidate("tensor_fasciae_latae", "right")
    QTest.keyClick(window, Qt.Key_R, Qt.ControlModifier)
    dialog = window.selfcare.screening_dialog
    questions = window.selfcare.red_flags.questions
    assert dialog.close_button.text() == "Close"  # nothing answered: closing starts nothing
    for question in questions[:-1]:
        dialog.set_answer(question.id, False)
    assert dialog.close_button.text() == "Close"
    dialog.set_answer(questions[-1].id, True)
    assert dialog.close_button.text() == "Close"  # a warning sign: no routine
    dialog.set_answer(questions[-1].id, False)
    assert dialog.close_button.text() == "Start Routine" and "Start Routine" in dialog.close_button.toolTip()
    assert dialog.close_button.accessibleName() == "Start Routine"
    assert dialog._close_icon.isNull() or dialog.close_button.icon().cacheKey() != dialog._close_icon.cacheKey()  # no cross on it
    QTest.keyClick(dialog.close_button, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.selfcare.player is not None and window.selfcare.player.isVisible())


def test_the_check_opened_from_the_help_menu_only_closes(window):
    dialog = window.selfcare.open_screening()
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, False)
    assert dialog.close_button.text() == "Close"
    assert dialog.keys_hint.isEnabled()  # its keyboard hint is read in full contrast, not greyed out
    assert dialog.keys_hint.font().italic()
    dialog.close()


def test_no_routine_starts_after_a_check_with_a_warning_sign_or_left_unfinished(window, atlas, qtbot):
    window.show_view("anterior")
    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    window.select_candidate("tensor_fasciae_latae", "right")
    questions = window.selfcare.red_flags.questions
    QTest.keyClick(window, Qt.Key_R, Qt.ControlModifier)
    window.selfcare.screening_dialog.set_answer(questions[0].id, False)
    window.selfcare.screening_dialog.close()  # unfinished
    QTest.keyClick(window, Qt.Key_R, Qt.ControlModifier)
    for i, question in enumerate(questions):
        window.selfcare.screening_dialog.set_answer(question.id, i == 3)  # one yes
    window.selfcare.screening_dialog.close()
    qtbot.wait(50)
    QApplication.processEvents()
    assert window.selfcare.player is None
    assert window.settings.value("safety/may_self_treat") == "no"


def test_a_stroke_keeps_only_its_part_on_the_body_whether_or_not_it_crosses_the_edge(window, atlas):
    """A stroke wholly on the body is kept as drawn (found by the prepared body, without cutting it); one that
    crosses the outline keeps the part on the body only."""
    from shapely.geometry import Point

    from hipmap.core.geometry.shapes import stroke, union, valid

    body = union(atlas.views["posterior"].body.values())
    inside = body.representative_point()
    document = window.document
    assert document.add_stroke("posterior", [(inside.x, inside.y)], 6.0, 5)
    drawn = valid(stroke([(inside.x, inside.y)], 6.0))
    kept = document.painmap.marks[-1].geometry
    assert kept.equals(drawn) and abs(kept.area - drawn.area) < 1e-9
    edge = body.exterior.interpolate(0.0) if body.geom_type == "Polygon" else max(body.geoms, key=lambda g: g.area).exterior.interpolate(0.0)
    assert document.add_stroke("posterior", [(edge.x, edge.y)], 6.0, 5)
    cut = document.painmap.marks[-1].geometry
    whole = Point(edge.x, edge.y).buffer(6.0)
    assert 0 < cut.area < whole.area and cut.difference(body).area < 1e-6
