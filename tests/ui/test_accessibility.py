"""Accessibility, checked on the real windows: what a screen reader is told about every control, what the keyboard
reaches, the high-contrast look, the colours of the score bars, and text at 1.5x and 2x the usual size.

"Interactive" is decided by type (buttons, sliders, spin boxes, combo boxes, line edits, item views, tab bars,
graphics views, text browsers) or by taking the keyboard focus. A control whose accessibility its parent provides
is left to the parent: the line edit inside a spin box or an editable combo box, the list that pops up from a combo
box, scroll bars (the scroll area scrolls with the keys), the scroll buttons of a tab bar, a table's headers and
corner button, the clear button of a line edit. The name checked is the one a screen reader gets:
QAccessible.queryAccessibleInterface(widget).text(QAccessible.Name), which also counts a button's text and the
label whose buddy the widget is.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible, QKeySequence, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollBar,
    QTabBar,
    QTextBrowser,
    QWidget,
)

from hipmap.core.colorvision import DEFICIENCIES, delta_e
from hipmap.core.pain.painmap import PainMap, region_marks, to_json_dict
from hipmap.core.store.database import Store
from hipmap.core.store.session import Session
from hipmap.ui.kit import colors
from hipmap.ui.kit import style

INTERACTIVE = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, QTabBar,
               QGraphicsView, QTextBrowser)  # fmt: skip


def provided_by_parent(widget: QWidget) -> bool:
    """Parts of a composite control that a screen reader meets through the control itself."""
    parent = widget.parentWidget()
    if isinstance(widget, (QScrollBar, QHeaderView)):
        return True
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return True  # the scroll area takes the focus for its viewport
    if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return True
    if isinstance(parent, (QTabBar, QLineEdit, QAbstractItemView)) and isinstance(widget, QAbstractButton):
        return True  # tab-bar scroll buttons, a line edit's clear button, a table's corner button
    ancestor = parent
    while ancestor is not None:
        if isinstance(ancestor, QComboBox):
            return True  # the combo box's popup list
        ancestor = ancestor.parentWidget()
    return False


def is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QTextBrowser):
        return True  # read with the keys, and may hold links
    if isinstance(widget, QTabBar) and widget.count() == 0:
        return False  # no tabs to choose (the views side by side): nothing to name
    if isinstance(widget, INTERACTIVE):
        return True
    if isinstance(widget, QLabel) and widget.textInteractionFlags() & Qt.LinksAccessibleByKeyboard:
        return True
    return bool(widget.focusPolicy() & Qt.TabFocus) and not isinstance(widget, QMenu)


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Name) if iface is not None else "").strip()


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} in {type(parent).__name__ if parent else None} " \
           f"(text {getattr(widget, 'text', lambda: '')()!r})"  # fmt: skip


def unnamed_controls(root: QWidget) -> list[str]:
    """Every interactive control under ``root`` (shown or not) that a screen reader would announce without a name."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if provided_by_parent(widget) or not is_interactive(widget):
            continue
        if not accessible_name(widget):
            missing.append(describe(widget))
    return missing


# ------------------------------------------------------------------------------------------------ fixtures


@pytest.fixture
def renderers(atlas):
    return {str(v.svg_file): QSvgRenderer(str(v.svg_file)) for v in atlas.views.values()}


@pytest.fixture
def full_window(window, atlas, qtbot):
    """The main window with pain marked and a muscle selected, so every panel is filled in."""
    for region in ("lateral_thigh", "lateral_leg"):
        window.document.add_region(region, "right", 6)
    window.marking.quality_actions["burning"].setChecked(True)
    window.document.add_region("buttock_center", "right", 4, ("burning",))
    window.marking.quality_actions["burning"].setChecked(False)
    window.select_candidate("gluteus_minimus_anterior", "right")
    qtbot.waitUntil(lambda: window.muscle_panel.browser.isVisible(), timeout=2000)
    return window


@pytest.fixture
def store(tmp_path, atlas):
    def painmap(*regions, intensity=6):
        return to_json_dict(PainMap(tuple(m for r in regions for m in region_marks(atlas, r, "right", intensity))))

    candidates = [{"id": "gluteus_minimus_anterior", "name": "Gluteus minimus (front fibres)", "side": "right", "score": 0.8}]
    store = Store.open(tmp_path / "sessions.sqlite3")
    store.save_many([
        Session(None, "2026-03-03T09:30:00Z", "Anna", painmap("lateral_thigh", "lateral_leg", intensity=7), candidates, None, None, 7, 5, 0.12),
        Session(None, "2026-06-10T16:45:00Z", "Anna", painmap("lateral_thigh", intensity=4), candidates, None, None, 4, 3, 0.05),
    ])  # fmt: skip
    yield store
    store.close()


def activate(qtbot, widget):
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def screened(window):
    dialog = window.selfcare.open_screening()
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, False)
    dialog.close()


def other_windows(window, atlas, store, renderers, qtbot):
    """Every other window of the app, each as a person would open it; name -> widget."""
    from hipmap.core.routine.builder import routine_for_muscle
    from hipmap.ui.history.compare import BeforeAfterDialog
    from hipmap.ui.history.window import HistoryWindow
    from hipmap.ui.routine.player import PlayerWidget
    from hipmap.ui.present.window import PresentationWindow
    from hipmap.ui.history.sessions import SaveSessionDialog

    found = {}
    routine = routine_for_muscle(atlas.muscles["gluteus_minimus_anterior"], "right", atlas.exercises)
    found["routine player"] = PlayerWidget(routine, clock=lambda: 0.0,
                                           pictograms={k: e.pictogram for k, e in atlas.exercises.items()})  # fmt: skip
    found["routine builder"] = window.selfcare.open_builder()
    found["screening dialog"] = window.selfcare.open_screening()
    found["region dialog"] = window.marking.mark_region_dialog()
    found["save-session dialog"] = SaveSessionDialog(store, atlas, window.document.painmap, window.document.result, parent=window)
    history = HistoryWindow(store, atlas, renderers)
    found["history window"] = history
    found["session viewer"] = history.view_session(store.get(history.selected_ids()[0]))
    history.select_rows([0, 1])
    found["two sessions compared"] = history.compare_two()
    before = PainMap(tuple(region_marks(atlas, "lateral_thigh", "right", 7)))
    found["before/after comparison"] = BeforeAfterDialog(atlas, before, window.document.painmap, renderers, parent=window)
    found["presentation"] = PresentationWindow(atlas, [("gluteus_minimus_anterior", "right"), ("piriformis", "left")],
                                               window.document.painmap, animation_ms=0)  # fmt: skip
    for widget in found.values():
        if widget.parent() is None:
            qtbot.addWidget(widget)
        widget.show()
    return found


# ------------------------------------------------------------------------------------------------ names


def test_every_control_of_the_main_window_has_an_accessible_name(full_window):
    for mode in ("tabs", "side"):
        full_window.set_layout_mode(mode)
        assert not unnamed_controls(full_window), mode


def test_every_control_of_every_other_window_has_an_accessible_name(full_window, atlas, store, renderers, qtbot):
    windows = other_windows(full_window, atlas, store, renderers, qtbot)
    assert len(windows) == 10
    missing = {name: unnamed_controls(w) for name, w in windows.items()}
    assert not {k: v for k, v in missing.items() if v}, missing
    for widget in windows.values():
        assert accessible_name(widget), type(widget).__name__  # the window itself says what it is
        widget.close()


def test_the_walk_finds_a_control_without_a_name():
    """The check itself: an icon-only button or an unlabelled field is found; a labelled one is not."""
    from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QToolButton

    root = QWidget()
    layout = QHBoxLayout(root)
    bare, labelled, spin = QToolButton(), QLineEdit(), QSpinBox()
    label = QLabel("&Name:")
    label.setBuddy(labelled)
    for w in (bare, label, labelled, spin):
        layout.addWidget(w)
    found = unnamed_controls(root)
    assert len(found) == 2 and found[0].startswith("QToolButton") and found[1].startswith("QSpinBox")
    spin.setAccessibleName("Size")
    bare.setText("Go")
    assert unnamed_controls(root) == []
    root.deleteLater()


def test_every_menu_command_has_a_tooltip_a_shortcut_or_a_mnemonic(full_window):
    bar = full_window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert all("&" in t for t in titles) and len({t[t.index("&") + 1].lower() for t in titles}) == len(titles)

    def walk(menu: QMenu, path: str):
        keys = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            where = f"{path} > {action.text()}"
            assert action.text().strip(), where
            if action.menu():
                assert "&" in action.text(), where  # Alt, the menu's letter, then the submenu's letter
                walk(action.menu(), where)
            else:
                assert action.toolTip().strip(), where
                # A command has a shortcut or its own letter; the items of a submenu list (recent files, languages)
                # are reached with the arrow keys once the submenu's letter has opened it.
                assert not action.shortcut().isEmpty() or "&" in action.text() or menu not in top, where
            if "&" in action.text():
                keys.append(action.text()[action.text().index("&") + 1].lower())
        assert len(keys) == len(set(keys)), f"{path}: two commands share a mnemonic {keys}"

    full_window.files._add_recent(__import__("pathlib").Path("/tmp/example.hipmap.json"))
    top = [action.menu() for action in bar.actions()]
    for action in bar.actions():
        walk(action.menu(), action.text())


def test_tool_windows_actions_have_tooltips_and_shortcuts(full_window, atlas, store, renderers, qtbot):
    windows = other_windows(full_window, atlas, store, renderers, qtbot)
    for name, widget in windows.items():
        for action in widget.actions():
            assert action.toolTip().strip() and action.toolTip() != action.text(), (name, action.text())
            assert not action.shortcut().isEmpty(), (name, action.text())
        widget.close()


# ------------------------------------------------------------------------------------------------ diagrams in words


def test_each_diagram_says_what_is_marked_and_which_muscle_is_shown(full_window, atlas):
    lateral = full_window.views["lateral_right"]
    assert "Showing" not in lateral.accessibleDescription()  # not showing (another tab): it draws the muscle when shown
    full_window.show_view("lateral_right")
    text = lateral.accessibleDescription()
    leg = atlas.regions["lateral_leg"].name.lower()
    assert text.startswith(f"3 marks: right outer thigh (pain 6); right {leg} (pain 6); right "), text
    assert "Showing Gluteus minimus (front fibres), right side" in text and "1 trigger point (X)" in text
    back = full_window.views["posterior"].accessibleDescription()
    assert "middle of the buttock (pain 4, burning)" in back
    assert full_window.views["lateral_left"].accessibleDescription().startswith("No marks.")
    full_window.document.clear()
    assert lateral.accessibleDescription().startswith("No marks. Showing") is False  # the selection went with the marks
    assert lateral.accessibleDescription().startswith("No marks.")


def test_the_regions_are_a_list_that_marks_with_the_keyboard(full_window, atlas, qtbot):
    dialog = full_window.marking.mark_region_dialog()
    activate(qtbot, dialog)
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "Right outer thigh" in names and "Left outer thigh" in names and len(names) == len(set(names))
    dialog.view_combo.setCurrentIndex(dialog.view_combo.findData("lateral_left"))
    shown = {item.text().split()[0] for item in dialog.visible_items()}
    assert shown == {"Left"}  # the left side view shows only the left side
    assert QApplication.focusWidget() is dialog.search
    QTest.keyClicks(dialog.search, "heel")
    QTest.keyClick(dialog.search, Qt.Key_Enter)
    assert full_window.document.painmap.marks[-1].side == "left"
    QTest.keyClick(dialog.search, Qt.Key_Escape)
    assert not dialog.isVisible()


# ------------------------------------------------------------------------------------------------ keyboard


def focus_chain(window, qtbot, presses=60) -> list[QWidget]:
    seen = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        if widget is not None and widget not in seen:
            seen.append(widget)
        QTest.keyClick(widget or window, Qt.Key_Tab)
    return seen


def focusable(root: QWidget) -> list[QWidget]:
    """The controls Tab should reach: shown, enabled, taking Tab focus, not part of another control."""
    out = []
    for widget in root.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.TabFocus):
            continue
        if provided_by_parent(widget) or widget.focusProxy() is not None:
            continue
        if isinstance(widget.parentWidget(), QAbstractScrollArea) and widget is widget.parentWidget().viewport():
            continue
        out.append(widget)
    return out


def reached(widget, chain) -> bool:
    return any(w is widget or widget.isAncestorOf(w) or (w.focusProxy() is widget) for w in chain) or \
        (isinstance(widget, QLineEdit) and any(isinstance(w, (QAbstractSpinBox, QComboBox)) and w.isAncestorOf(widget) for w in chain))  # fmt: skip


@pytest.mark.parametrize("mode", ["tabs", "side"])
def test_tab_reaches_every_control_of_the_main_window(full_window, qtbot, mode):
    activate(qtbot, full_window)
    full_window.set_layout_mode(mode)
    full_window.show_view("lateral_right")
    chain = focus_chain(full_window, qtbot)
    missing = [describe(w) for w in focusable(full_window) if not reached(w, chain)]
    assert not missing, missing
    assert full_window.marking.brush_spin in chain and full_window.marking.intensity_slider in chain
    backwards = []
    for _ in range(len(chain)):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Backtab, Qt.ShiftModifier)
        backwards.append(QApplication.focusWidget())
    assert set(backwards) == set(chain)  # Shift+Tab goes round the same way back


def test_f6_moves_between_the_panes(full_window, qtbot):
    activate(qtbot, full_window)
    full_window.show_view("lateral_right")
    full_window.views["lateral_right"].setFocus()
    order = []
    for _ in range(5):
        order.append(QApplication.focusWidget())
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_F6)
    assert order == [full_window.views["lateral_right"], full_window.candidates.view, full_window.muscle_panel.browser,
                     full_window.marking.brush_spin, full_window.views["lateral_right"]]  # fmt: skip
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_F6, Qt.ShiftModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_F6, Qt.ShiftModifier)
    assert QApplication.focusWidget() is full_window.marking.brush_spin  # Shift+F6 goes back


@pytest.mark.parametrize(
    "name", ["routine builder", "history window", "session viewer", "two sessions compared", "before/after comparison",
             "region dialog", "save-session dialog", "screening dialog"],
)  # fmt: skip
def test_tab_reaches_every_control_and_esc_closes(full_window, atlas, store, renderers, qtbot, name):
    windows = other_windows(full_window, atlas, store, renderers, qtbot)
    for other, widget in windows.items():
        if other != name:
            widget.close()
    widget = windows[name]
    activate(qtbot, widget)
    chain = focus_chain(widget, qtbot)
    missing = [describe(w) for w in focusable(widget) if not reached(w, chain)]
    assert not missing, missing
    QTest.keyClick(QApplication.focusWidget() or widget, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not widget.isVisible(), timeout=2000)


# ------------------------------------------------------------------------------------------------ high contrast


def test_high_contrast_is_one_remembered_switch(full_window, atlas, matcher, qtbot):
    from hipmap.ui.mainwindow.window import MainWindow

    normal = QApplication.palette()
    lateral = full_window.views["lateral_right"]
    full_window.selfcare.nerve_banner.show()
    full_window.show_view("lateral_right")
    activate(qtbot, full_window)
    qtbot.wait(100)
    before = full_window.grab().toImage()
    try:
        QTest.keyClick(full_window, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)
        assert full_window.act_high_contrast.isChecked() and colors.high_contrast()
        palette = QApplication.palette()
        assert palette.color(QPalette.Window) == Qt.black and palette.color(QPalette.WindowText) == Qt.white
        assert lateral.palette().color(QPalette.Base) == Qt.black  # the diagrams follow at once
        marks = [i for i in lateral.mark_items if hasattr(i, "pen")]
        assert marks and all(i.pen().widthF() == colors.HIGH_CONTRAST.mark_edge for i in marks)
        assert all(i.brush().color().alpha() >= colors.HIGH_CONTRAST.mark_alpha[0] for i in marks)
        edges = [i for i in lateral.overlay_items if i.toolTip().endswith("essential zone")]
        assert edges and edges[0].pen().widthF() == colors.HIGH_CONTRAST.essential_edge
        assert style.secondary_text(palette) == palette.color(QPalette.Text)
        assert style.warning_background(palette).name() in full_window.selfcare.nerve_banner.styleSheet()  # dark, for white text
        assert full_window.settings.value("view/high_contrast") == "true"
        again = MainWindow(atlas, matcher, settings=full_window.settings)
        assert again.act_high_contrast.isChecked()
        again.deleteLater()
        QTest.keyClick(full_window, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)
        assert not colors.high_contrast() and QApplication.palette() == normal
        assert all(i.pen().widthF() == colors.NORMAL.mark_edge for i in lateral.mark_items if hasattr(i, "pen"))
        assert full_window.settings.value("view/high_contrast") == "false"
        qtbot.wait(100)  # the list lays out its rows again in batches
        after = full_window.grab().toImage()
        rows = full_window.candidates.view  # rows laid out in batches, one tinted under a resting pointer: not compared
        rows = rows.rect().translated(rows.mapTo(full_window, rows.rect().topLeft()))
        changed = [(x, y) for x in range(0, after.width(), 3) for y in range(0, after.height(), 3)
                   if after.pixel(x, y) != before.pixel(x, y) and not rows.contains(x, y)]  # fmt: skip
        assert not changed, (min(changed), max(changed))  # back exactly as it was
    finally:
        full_window.set_high_contrast(False)


def test_score_bars_stand_out_from_their_track_in_every_palette_and_colour_vision():
    from hipmap.core.colorvision import over

    def rgb(colour):
        return (colour.red(), colour.green(), colour.blue())

    for palette in (QPalette(QApplication.palette()), style.dark_palette(), style.high_contrast_palette()):
        accent, base, text = style.accent(palette), palette.color(QPalette.Base), palette.color(QPalette.Text)
        track = over(rgb(text), 0.14, rgb(base))  # the bar's track: style.blend(base, text, 0.14)
        for vision in (None, *DEFICIENCIES):
            assert delta_e(rgb(accent), track, vision) >= 30, (vision, accent.name())
            assert delta_e(rgb(accent), rgb(base), vision) >= 30, (vision, accent.name())


# ------------------------------------------------------------------------------------------------ large text


def clipped(window) -> list[str]:
    """Labels and buttons on screen whose text does not fit the room they were given."""
    out = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + 1:
                    out.append(f"{describe(widget)}: {widget.height()} px high, needs {need}")
            else:
                hint = widget.sizeHint()
                if widget.width() < hint.width() - 1 or widget.height() < hint.height() - 1:
                    out.append(f"{describe(widget)}: {widget.size().toTuple()} < {hint.toTuple()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            if widget.width() < need or widget.height() < widget.fontMetrics().height():
                out.append(f"{describe(widget)}: {widget.size().toTuple()}, text needs {need} px")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() < widget.fontMetrics().horizontalAdvance(widget.tabText(i)):
                    out.append(f"tab {widget.tabText(i)!r}")
    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None:
        for action in bar.actions():
            if not bar.rect().contains(bar.actionGeometry(action)):
                out.append(f"menu {action.text()!r}")
    return out


@pytest.mark.parametrize("factor", [1.5, 2.0])
def test_text_at_a_larger_system_font_size_is_not_clipped(atlas, matcher, tmp_path, qtbot, factor):
    from hipmap.ui.mainwindow.window import MainWindow

    app = QApplication.instance()
    font = app.font()
    try:
        app.setFont(style.scaled_font(font, factor))
        window = MainWindow(atlas, matcher, settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
        qtbot.addWidget(window)
        window.files.autosave_timer.stop()
        window.resize(1360, 880)
        window.show()
        qtbot.waitExposed(window)
        for region in ("lateral_thigh", "lateral_leg"):
            window.document.add_region(region, "right", 6)
        window.select_candidate("gluteus_minimus_anterior", "right")
        qtbot.waitUntil(lambda: window.muscle_panel.browser.isVisible(), timeout=2000)
        window.selfcare.nerve_banner.show()
        QApplication.processEvents()
        assert not clipped(window)
        dialogs = [window.marking.mark_region_dialog(), window.selfcare.open_screening(), window.selfcare.open_builder()]
        for dialog in dialogs:
            dialog.show()
            qtbot.waitExposed(dialog)
            assert not clipped(dialog), type(dialog).__name__
            dialog.close()
        window.document.undo_stack.setClean()
        window.close()
    finally:
        app.setFont(font)


def test_keyboard_shortcuts_list_mentions_the_new_commands(full_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    full_window.show_shortcuts()
    for action in (full_window.act_high_contrast, full_window.act_next_pane, full_window.marking.act_mark_region):
        assert action.shortcut().toString(QKeySequence.NativeText) in shown[0]


def test_dialogs_close_with_escape_even_when_modal(full_window, qtbot):
    dialog = full_window.marking.mark_region_dialog()
    assert isinstance(dialog, QDialog)
    activate(qtbot, dialog)
    QTest.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_no_dialog_button_keeps_an_icon_it_cannot_show_in_high_contrast(full_window, atlas, store, renderers, qtbot):
    """Issue 15.7: where the desktop puts icons on dialog buttons (Close, Save, Cancel), the dark icons vanish on high
    contrast's black: the buttons drop them and keep their words, in dialogs opened before the switch and after it."""
    from PySide6.QtWidgets import QDialogButtonBox, QProxyStyle, QStyle, QStyleFactory

    from hipmap.ui.history.compare import BeforeAfterDialog

    class IconsOnDialogButtons(QProxyStyle):  # as GNOME's and KDE's platform themes have it
        def styleHint(self, hint, option=None, widget=None, returnData=None):
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, returnData)

    old = QApplication.style().name()
    QApplication.setStyle(IconsOnDialogButtons(QStyleFactory.create(old)))
    try:
        before = PainMap(tuple(region_marks(atlas, "lateral_thigh", "right", 7)))
        earlier = BeforeAfterDialog(atlas, before, full_window.document.painmap, renderers, parent=full_window)
        earlier.show()
        close = earlier.findChild(QDialogButtonBox).button(QDialogButtonBox.Close)
        assert not close.icon().isNull()  # the normal look keeps the desktop's icons
        full_window.set_high_contrast(True)
        assert close.icon().isNull() and close.text() == "Close"
        windows = other_windows(full_window, atlas, store, renderers, qtbot)
        windows["comparison opened before the switch"] = earlier
        with_icons = [(name, button.text()) for name, w in windows.items() for box in w.findChildren(QDialogButtonBox)
                      for button in box.buttons() if not button.icon().isNull()]  # fmt: skip
        assert not with_icons
        assert all(box.buttons() for w in windows.values() for box in w.findChildren(QDialogButtonBox))
    finally:
        full_window.set_high_contrast(False)
        QApplication.setStyle(old)


def test_a_new_mark_is_described_to_a_screen_reader_in_the_next_turn(window, qtbot):
    """A mark's words (its regions and rating) reach the diagram's description a turn after the mark is drawn, and
    follow an undo the same way."""
    window.show_view("lateral_right")
    view = window.views["lateral_right"]
    window.document.add_region("lateral_thigh", "right", 6)
    qtbot.waitUntil(lambda: view.accessibleDescription().startswith("1 mark: right outer thigh (pain 6)"), timeout=1000)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: view.accessibleDescription().startswith("No marks."), timeout=1000)
