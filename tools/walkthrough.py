#!/usr/bin/env python3
"""Walkthrough: the real hipmap window taken through a person's tasks by keyboard, in every language, size and
contrast, checking that no control is clipped, hidden or out of the keyboard's reach.

    python tools/walkthrough.py [--lang en,es] [--scale 1,2] [--contrast normal,high] [--json]

Each run (language x text size x contrast; 8 by default) drives a fresh MainWindow at 1280x720 the way tools/soak.py
does (QTest key events on the focused widget, shortcuts pressed on the window, the routine player on a fake clock,
message boxes and file dialogs answered without blocking) through these tasks:

  mark a region with Ctrl+M (typing its name), draw a mark, read the candidates (F6, arrow keys), choose a muscle
  in the muscle browser (F3, typing a name, Down and Enter; then the diagrams widened as far as the splitter goes),
  answer the warning-signs check (Ctrl+Shift+K, Tab and arrow keys), start a routine (Ctrl+R) and play it to its end (Space,
  the fake clock), open the builder (Ctrl+Shift+R) and save a routine (Ctrl+S), save and reopen the pain map
  (Ctrl+S, Ctrl+O), save a session (Ctrl+Shift+H) and open the history (Ctrl+H), presentation mode (F5, Right,
  Esc), and switch the language (View > Language) to the other one.

Every window met on the way is checked when it is shown:
  clipped      a visible control whose rectangle is not inside its parent's, a label or button whose text is
               wider than the control, or a table column or row smaller than its text;
  hidden       an enabled command of a toolbar (or the tool palette) whose button is not visible;
  unreachable  an interactive control that Tab, pressed from the window's first focus, never reaches;
  failed       a task that did not do what it should (a shortcut that opened nothing).

Each finding is one line naming the check, the control, the window, the language, the size and the contrast.
Exit status 1 when there is any finding. tests/ui/test_walkthrough.py runs it.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZE = (1280, 720)
TAB_PRESSES = 80  # at most this many Tab presses to go round a window
QUERIES = {"en": "outer thigh", "es": "exterior del muslo"}  # typed into Ctrl+M's search
BROWSER_QUERIES = {"en": ("IT band", "tensor_fasciae_latae"), "es": ("gemelos", "gastrocnemius")}  # typed into F3's search


class TaskFailed(Exception):
    """A task could not go on (the window it needs did not open)."""


@dataclass(frozen=True)
class Finding:
    check: str  # clipped, hidden, unreachable, failed
    control: str
    window: str
    language: str
    scale: float
    contrast: str
    detail: str = ""

    def line(self) -> str:
        size = f"{SIZE[0]}x{SIZE[1]}, text x{self.scale:g}"
        extra = f": {self.detail}" if self.detail else ""
        return f"{self.check.upper()}: {self.control} in {self.window} ({self.language}, {size}, {self.contrast} contrast){extra}"


def _soak_module():
    """tools/soak.py, whose Soak drives the real window (keys, mouse, actions) and whose helpers patch dialogs."""
    if "hipmap_soak_tool" in sys.modules:
        return sys.modules["hipmap_soak_tool"]
    spec = importlib.util.spec_from_file_location("hipmap_soak_tool", ROOT / "tools" / "soak.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------------------------------ the checks


def describe(widget) -> str:
    from PySide6.QtGui import QAccessible

    name = widget.accessibleName()
    if not name:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Name) if interface is not None else ""
    if not name and hasattr(widget, "text"):
        with contextlib.suppress(TypeError):
            name = widget.text()
    name = (name or widget.objectName() or "").replace("&", "")
    return f"{type(widget).__name__} {name[:60]!r}" if name else type(widget).__name__


def live(obj) -> bool:
    import shiboken6

    return obj is not None and shiboken6.isValid(obj)


def window_name(window) -> str:
    return f"{(window.windowTitle() or window.accessibleName() or type(window).__name__).replace('[*]', '')!r}"


def _inside_scrolled(widget) -> bool:
    """Inside a scroll area's viewport: it may lie outside what is shown, and scrolls into view."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def clipped(window) -> list[tuple[str, str]]:
    """(control, why) for each visible control cut off by its parent or its window, or whose text is cut."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QScrollArea, QScrollBar, QSizeGrip, QTabBar, QTableView, QToolButton, QWidget

    out = []
    whole = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or _inside_scrolled(widget):
            continue
        if isinstance(widget, (QScrollBar, QSizeGrip)) or widget.objectName().startswith("qt_"):
            continue
        box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        parent = widget.parentWidget()
        if parent is not None and parent is not window and not isinstance(parent, QTabBar):
            if not parent.rect().contains(widget.geometry()) and widget.geometry().intersected(parent.rect()) != widget.geometry():
                out.append((describe(widget), f"{widget.geometry().getRect()} outside its parent {parent.rect().getRect()}"))
                continue
        if not whole.contains(box):
            out.append((describe(widget), f"{box.getRect()} outside the window {whole.getRect()}"))
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and widget.pixmap().isNull():
            hint = widget.sizeHint()
            if widget.width() < hint.width() - 1:
                out.append((describe(widget), f"{widget.width()} px wide, its text needs {hint.width()}"))
        elif isinstance(widget, QAbstractButton) and widget.text() and not isinstance(widget.parentWidget(), QMenuBar):
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            if widget.width() < need or (isinstance(widget, QToolButton) and widget.width() < widget.sizeHint().width() - 1):
                out.append((describe(widget), f"{widget.width()} px wide, its text needs {need}"))
        elif isinstance(widget, QTableView) and widget.model() is not None:
            out += [(f"{describe(widget)} {where}", why) for where, why in _cut_cells(widget)]
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i) and widget.tabRect(i).width() < widget.fontMetrics().horizontalAdvance(widget.tabText(i)):
                    out.append((f"tab {widget.tabText(i)!r}", "narrower than its text"))
    for area in window.findChildren(QScrollArea):  # what scrolls only up and down must fit across
        inner = area.widget()
        if (area.isVisible() and inner is not None and area.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOff
                and inner.width() > area.viewport().width()):  # fmt: skip
            out.append((describe(area), f"its contents {inner.width()} px wide in {area.viewport().width()} px that do not scroll sideways"))
    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None and bar.isVisible():
        for action in bar.actions():
            if action.isVisible() and not bar.rect().contains(bar.actionGeometry(action)):
                out.append((f"menu {action.text().replace('&', '')!r}", "behind the menu bar's overflow button"))
    return out


def _cut_cells(table) -> list[tuple[str, str]]:
    """(where, why) for each column of TABLE narrower than its cells' or header's text, and each row lower than
    its text (a table scrolls to show a wide column, but never shows the rest of a cut cell)."""
    from PySide6.QtCore import Qt

    out = []
    model, header = table.model(), table.horizontalHeader()
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        need = max(table.sizeHintForColumn(column), header.sectionSizeFromContents(column).width() if header.isVisible() else 0)
        if table.columnWidth(column) < need - 1:
            name = model.headerData(column, Qt.Horizontal) or column
            out.append((f"column {name!r}", f"{table.columnWidth(column)} px wide, its text needs {need}"))
    for row in range(model.rowCount()):
        if not table.isRowHidden(row) and table.rowHeight(row) < table.sizeHintForRow(row) - 1:
            out.append((f"row {row + 1}", f"{table.rowHeight(row)} px high, its text needs {table.sizeHintForRow(row)}"))
    return out


def hidden(window) -> list[tuple[str, str]]:
    """(command, why) for each enabled command of a toolbar whose button is not shown whole."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QToolBar, QWidget

    out = []
    bars = window.findChildren(QToolBar)
    palette = window.findChild(QWidget, "main-toolbar")
    if palette is not None and palette not in bars:
        bars.append(palette)
    for bar in bars:
        if not bar.isVisible():
            continue
        for action in bar.actions():
            if action.isSeparator() or not action.isVisible() or not action.isEnabled():
                continue
            widget = bar.widgetForAction(action)
            box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()) if widget is not None else QRect()
            if widget is None or not widget.isVisible() or not window.rect().contains(box):
                out.append((f"command {action.text().replace('&', '')!r}", "its toolbar button is not shown"))
    return out


INTERACTIVE_NAMES = ("QAbstractButton", "QAbstractSlider", "QAbstractSpinBox", "QComboBox", "QLineEdit",
                     "QAbstractItemView", "QTabBar", "QGraphicsView", "QTextBrowser")  # fmt: skip


def focusable(window) -> list:
    """The controls Tab should reach: shown, enabled, taking Tab focus, not a part of another control."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton, QAbstractItemView, QAbstractScrollArea, QAbstractSpinBox, QComboBox, QHeaderView, QLineEdit,
        QScrollBar, QTabBar, QWidget,
    )  # fmt: skip

    out = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not (widget.isVisible() and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.TabFocus and not _button_without_keys(widget):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, (QScrollBar, QHeaderView)) or widget.focusProxy() is not None:
            continue
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            continue
        if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue
        if isinstance(parent, (QTabBar, QLineEdit, QAbstractItemView)) and isinstance(widget, QAbstractButton):
            continue
        ancestor, in_combo = parent, False
        while ancestor is not None:
            in_combo = in_combo or isinstance(ancestor, QComboBox)
            ancestor = ancestor.parentWidget()
        if not in_combo:
            out.append(widget)
    return out


def _button_without_keys(widget) -> bool:
    """A button that Tab skips and whose command has no shortcut: the keyboard cannot press it at all."""
    from PySide6.QtWidgets import QAbstractButton, QToolButton

    if not isinstance(widget, QAbstractButton) or widget.objectName().startswith("qt_"):
        return False
    action = widget.defaultAction() if isinstance(widget, QToolButton) else None
    if action is not None and (action.shortcut().count() or action.associatedObjects()[1:]):
        return False  # its command has a shortcut, or is in a menu too
    return widget.shortcut().count() == 0


def tab_chain(window) -> list:
    """The widgets Tab visits from the window's first focus, once round (or TAB_PRESSES presses)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    seen = []
    for _ in range(TAB_PRESSES):
        widget = QApplication.focusWidget()
        if widget is not None and widget.window() is window:
            if seen and widget is seen[0]:
                break
            if widget not in seen:
                seen.append(widget)
        QTest.keyClick(widget if widget is not None and widget.window() is window else window, Qt.Key_Tab)
    return seen


def unreachable(window) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QRadioButton

    chain = tab_chain(window)

    def reached(widget):
        return any(w is widget or widget.isAncestorOf(w) or w.focusProxy() is widget for w in chain) or (
            isinstance(widget, QLineEdit) and any(isinstance(w, (QAbstractSpinBox, QComboBox)) and w.isAncestorOf(widget) for w in chain)
        ) or in_reached_radio_group(widget)

    def in_reached_radio_group(widget):
        # A radio group is one Tab stop and its arrow keys move between the buttons (Qt's convention, and what
        # screen-reader users expect), so a button whose exclusive group Tab reaches is reachable.
        group = widget.group() if isinstance(widget, QRadioButton) else None
        return group is not None and group.exclusive() and any(b in chain for b in group.buttons())

    return [(describe(w), "Tab never reaches it") for w in focusable(window) if not reached(w)]


# ------------------------------------------------------------------------------------------------ the walk


class Walk:
    """One run: a window in one language, text size and contrast, taken through the tasks."""

    def __init__(self, soak_module, language: str, scale: float, contrast: bool, atlas, workdir: Path):
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from hipmap.ui.kit import i18n, style

        self.language, self.scale, self.contrast = language, scale, contrast
        self.findings: list[Finding] = []
        self.checked: set[str] = set()
        self.app = QApplication.instance()
        self.base_font = self.app.font()
        i18n.install(language)
        self.app.setFont(style.scaled_font(self.base_font, scale))
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        settings_file = workdir / "settings.ini"
        settings_file.unlink(missing_ok=True)
        self.soak = soak_module.Soak(1, workdir, atlas=atlas, matcher=None)
        self.window = self.soak.window
        self.window.files.autosave_timer.stop()
        self.window.set_high_contrast(contrast)
        self.window.resize(*SIZE)
        self.soak.flush()
        self.clock = self.soak.clock
        assert isinstance(self.soak.settings, QSettings)

    def close(self):
        from hipmap.ui.kit import i18n

        with contextlib.suppress(Exception):
            self.window.document.undo_stack.setClean()
            self.soak.close_tools()
            self.window.set_high_contrast(False)
            self.window.close()
            self.window.deleteLater()
            self.soak.flush()
        self.app.setFont(self.base_font)
        i18n.install("en")

    # ---- findings

    def add(self, check: str, control: str, window: str, detail: str = ""):
        from hipmap.ui.kit.i18n import current_language

        self.findings.append(Finding(check, control, window, current_language(), self.scale,
                                     "high" if self.contrast else "normal", detail))  # fmt: skip

    def fail(self, what: str, window="the main window"):
        self.add("failed", what, window)

    def check(self, window, name: str | None = None, reach: bool = True, key: str = ""):
        """Every check on a window just shown (once per window, state KEY and language)."""
        from hipmap.ui.kit.i18n import current_language

        self.soak.activate(window)
        self.soak.idle()
        name = name or window_name(window)
        key = f"{type(window).__name__}{key}/{current_language()}"
        if key in self.checked:
            return
        self.checked.add(key)
        for control, why in clipped(window):
            self.add("clipped", control, name, why)
        for control, why in hidden(window):
            self.add("hidden", control, name, why)
        if reach:
            for control, why in unreachable(window):
                self.add("unreachable", control, name, why)

    def focus(self):
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget() or self.window

    def key(self, key, modifiers=None, widget=None):
        from PySide6.QtCore import Qt

        self.soak.key(widget or self.focus(), key, modifiers if modifiers is not None else Qt.NoModifier)
        self.soak.idle()

    # ---- the tasks

    def open_tool(self, action, owner, attribute: str, what: str, reach: bool = True):
        """Press ACTION's shortcut; the window it opens (OWNER.ATTRIBUTE), checked. Ends the task when none opens."""
        self.soak.press(action)
        shown = getattr(owner, attribute, None)
        if not live(shown) or not shown.isVisible():
            raise TaskFailed(f"{action.shortcut().toString()} opened no {what}")
        self.check(shown, reach=reach)
        return shown

    def run(self) -> list[Finding]:
        tasks = [self.t_main, self.t_mark_region, self.t_draw_mark, self.t_candidates, self.t_browser, self.t_warning_signs,
                 self.t_routine, self.t_builder, self.t_save_open, self.t_session_history, self.t_present,
                 self.t_language]  # fmt: skip
        for task in tasks:
            try:
                task()
            except TaskFailed as failed:
                self.fail(str(failed))
            except Exception as exc:  # noqa: BLE001 - a task that breaks is a finding, the walk goes on
                self.fail(f"{task.__name__[2:]}: {type(exc).__name__}: {exc}")
            self.soak.flush()
        return self.findings

    def t_main(self):
        self.window.current_view().setFocus()
        self.check(self.window, "the main window")

    def t_mark_region(self):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        w = self.window
        before = len(w.document.painmap.marks)
        dialog = self.open_tool(w.marking.act_mark_region, w.marking, "region_dialog", "region dialog")
        dialog.search.setFocus()
        QTest.keyClicks(dialog.search, QUERIES.get(self.language, QUERIES["en"]))
        self.key(Qt.Key_Return, widget=dialog.search)
        if len(w.document.painmap.marks) <= before:
            self.fail(f"typing {QUERIES.get(self.language)!r} and Enter marked nothing", window_name(dialog))
        self.key(Qt.Key_Escape, widget=dialog.search)
        if live(dialog) and dialog.isVisible():
            self.fail("Esc did not close the region dialog", window_name(dialog))
            dialog.close()

    def t_draw_mark(self):
        from PySide6.QtCore import QPointF

        w = self.window
        w.show_view("posterior")
        view = w.views["posterior"]
        point = w.atlas.views["posterior"].regions[("buttock_center", "right")].representative_point()
        start = view.mapFromScene(QPointF(point.x, point.y))
        before = len(w.document.painmap.marks)
        self.soak.drag(view.viewport(), [QPointF(start), QPointF(start.x() + 8, start.y() + 6), QPointF(start.x() + 14, start.y() + 10)])
        self.soak.idle()
        if len(w.document.painmap.marks) != before + 1:
            self.fail("dragging on the back view drew no mark")

    def t_candidates(self):
        from PySide6.QtCore import Qt

        w = self.window
        for _ in range(6):  # F6 goes from pane to pane
            focused = self.focus()
            if w.candidates.isAncestorOf(focused) or focused is w.candidates:
                break
            self.soak.press(w.act_next_pane)
        focused = self.focus()
        if not (w.candidates.isAncestorOf(focused) or focused is w.candidates):
            return self.fail("F6 never reached the candidate list")
        self.key(Qt.Key_Down)
        if w.selected is None:
            self.key(Qt.Key_Down)
        if w.selected is None:
            self.fail("the arrow keys in the candidate list selected no muscle")

    def t_browser(self):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        w = self.window
        self.soak.press(w.browsing.act_browser)
        dock = w.browsing.dock
        if not live(dock) or not dock.isVisible():
            raise TaskFailed(f"{w.browsing.act_browser.shortcut().toString()} opened no muscle browser")
        query, muscle = BROWSER_QUERIES.get(self.language, BROWSER_QUERIES["en"])
        QTest.keyClicks(dock.search, query)
        self.key(Qt.Key_Down, widget=dock.search)
        self.key(Qt.Key_Return)
        if w.selected is None or w.selected[0] != muscle:
            self.fail(f"typing {query!r} in the muscle browser, Down and Enter did not show {muscle}", "the muscle browser")
        # The diagrams widened as far as the splitter lets them (a drag of its handle to the right), the browser open.
        w.splitter.setSizes([w.splitter.width(), 0])
        self.soak.idle()
        self.check(w, "the main window with the muscle browser", key="browser")  # Tab reaches the browser too
        self.soak.press(w.browsing.act_browser)  # brings the keys back to the browser...
        combo = w.browsing.act_browser.shortcut()[0]
        self.key(combo.key(), combo.keyboardModifiers(), widget=dock.search)  # ...where its shortcut closes it
        if dock.isVisible():
            self.fail("the muscle browser's command did not close it", "the muscle browser")

    def _answer_by_keyboard(self, dialog) -> bool:
        """Tab from the first question to the last, choosing No with the arrow keys: True when all are answered."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QRadioButton

        self.soak.activate(dialog)  # from the dialog's first focus, as a person meets it
        for _ in range(3 * len(dialog.groups) + 6):
            focused = self.focus()
            if isinstance(focused, QRadioButton):
                group = focused.group()
                if group is not None and group.checkedId() < 0:
                    self.key(Qt.Key_Space)  # choose the focused answer
                if group is not None and group.checkedId() == 1:
                    self.key(Qt.Key_Right)  # then No
            self.key(Qt.Key_Tab)
        return all(group.checkedId() == 0 for group in dialog.groups.values())

    def t_warning_signs(self):
        from PySide6.QtWidgets import QDialogButtonBox

        w = self.window
        dialog = self.open_tool(w.selfcare.act_screen, w.selfcare, "screening_dialog", "warning-signs check")
        if not self._answer_by_keyboard(dialog):
            self.add("unreachable", "the answers (No to every question)", window_name(dialog),
                     "Tab and the arrow keys did not answer every question")  # fmt: skip
            for question in dialog.groups:
                dialog.set_answer(question, False)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Close).click()
        self.soak.flush()
        if w.settings.value("safety/may_self_treat") != "yes":
            self.fail("answering No to every warning sign did not allow self-care")

    def t_routine(self):
        from PySide6.QtCore import Qt

        w = self.window
        if w.selected is None:
            self.soak.press(w.act_next)
        player = self.open_tool(w.selfcare.act_routine, w.selfcare, "player", "routine player")
        player.setFocus()
        self.key(Qt.Key_Space, widget=player)
        if player.player.state != "running":
            return self.fail("Space did not start the routine", window_name(player))
        for _ in range(200):
            self.clock[0] += 30.0
            player.tick()
            if player.player.state == "finished":
                break
        if player.player.state != "finished":
            self.fail("the routine did not finish on the clock", window_name(player))
        self.soak.idle()
        self.checked.discard(f"{type(player).__name__}/{self.language}")
        self.check(player, f"{window_name(player)} (finished)", reach=True)
        self.key(Qt.Key_Escape, widget=self.focus() if player.isAncestorOf(self.focus()) or self.focus() is player else player)
        self.soak.flush()
        if live(player) and player.isVisible():
            self.add("unreachable", "closing the finished routine", window_name(player),
                     "Esc does not close the player and Tab reaches no Close button")  # fmt: skip
            player.close()

    def t_builder(self):
        from PySide6.QtCore import Qt

        w = self.window
        builder = self.open_tool(w.selfcare.act_builder, w.selfcare, "builder", "builder")
        library = builder.library if hasattr(builder, "library") else None
        before = len(library.names()) if library is not None and hasattr(library, "names") else None
        builder.setFocus()
        self.key(Qt.Key_S, Qt.ControlModifier, widget=builder)
        if before is not None and len(library.names()) <= before:
            self.fail("Ctrl+S in the builder saved no routine", window_name(builder))
        self.key(Qt.Key_Escape, widget=builder)
        if live(builder) and builder.isVisible():
            builder.close()

    def t_save_open(self):
        w = self.window
        path = self.workdir / f"walk-{self.language}.hipmap.json"
        path.unlink(missing_ok=True)
        marks = w.document.painmap.marks
        self.soak.next_save = path
        self.soak.press(w.files.act_save)
        if not path.exists():
            return self.fail("Ctrl+S saved no file")
        self.soak.press(w.files.act_new)
        self.soak.next_open = path
        self.soak.press(w.files.act_open)
        if len(w.document.painmap.marks) != len(marks):
            self.fail("Ctrl+O did not bring the saved marks back")

    def t_session_history(self):
        w = self.window
        self.soak.press(w.practice.act_save_session)
        if getattr(w.practice, "session_dialog", None) is None or w.practice.session_dialog.saved is None:
            self.fail("Ctrl+Shift+H saved no session")
        history = self.open_tool(w.practice.act_history, w.practice, "history", "history")
        if live(history):
            history.close()

    def t_present(self):
        from PySide6.QtCore import Qt

        w = self.window
        # One slide at a time: the keys step it, there is nothing to Tab to.
        shown = self.open_tool(w.practice.act_present, w.practice, "presentation", "presentation", reach=False)
        self.key(Qt.Key_Right, widget=shown)
        self.key(Qt.Key_Escape, widget=shown)
        self.soak.flush()
        if live(w.practice.presentation) and w.practice.presentation.isVisible():
            self.fail("Esc did not leave the presentation")
            w.practice.presentation.close()

    def t_language(self):
        from hipmap.ui.kit.i18n import current_language

        w = self.window
        other = "es" if self.language == "en" else "en"
        w.language_actions[other].trigger()
        self.soak.flush()
        if current_language() != other:
            return self.fail(f"View > Language did not switch to {other}")
        w.current_view().setFocus()
        self.check(w, "the main window")
        self.open_tool(w.marking.act_mark_region, w.marking, "region_dialog", "region dialog").close()


# ------------------------------------------------------------------------------------------------ runs


@contextlib.contextmanager
def headless(workdir: Path):
    """Message boxes answered, file dialogs answered with the walk's files, the data folder temporary."""
    soak = _soak_module()
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    from hipmap.core.store.opening import ENV_DATA_DIR
    from hipmap.ui.history.sessions import SaveSessionDialog

    current: list = []

    def question(*args, **_kwargs):
        title = args[1] if len(args) > 1 else ""
        return QMessageBox.Discard if "nsaved" in title or "guardad" in title else QMessageBox.No

    def file_name(attribute):
        def answer(*_args, **_kwargs):
            walk = current[0]
            path = getattr(walk, attribute)
            setattr(walk, attribute, None)
            return (str(path), "") if path else ("", "")

        return answer

    def accept_session(dialog):
        dialog.accept()
        return QDialog.Accepted if dialog.saved is not None else QDialog.Rejected

    (workdir / "data").mkdir(parents=True, exist_ok=True)
    with soak.environment(ENV_DATA_DIR, str(workdir / "data")), soak.patched([
        (QMessageBox, "question", staticmethod(question)),
        (QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.Ok)),
        (QMessageBox, "information", staticmethod(lambda *a, **k: QMessageBox.Ok)),
        (QMessageBox, "critical", staticmethod(lambda *a, **k: QMessageBox.Ok)),
        (QFileDialog, "getSaveFileName", staticmethod(file_name("next_save"))),
        (QFileDialog, "getOpenFileName", staticmethod(file_name("next_open"))),
        (QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True))),
        (SaveSessionDialog, "exec", accept_session),
    ]):  # fmt: skip
        yield current


def run(languages=("en", "es"), scales=(1.0, 2.0), contrasts=(False, True), workdir: Path | None = None) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hipmap.core.content.atlas import load_atlas

    QApplication.instance() or QApplication(["hipmap-walkthrough"])
    soak = _soak_module()
    started = time.perf_counter()
    findings: list[Finding] = []
    runs = []
    atlases = {}
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hipmap-walk-")))
        current = stack.enter_context(headless(Path(workdir)))
        for language in languages:
            atlases.setdefault(language, load_atlas(language=language))
            for scale in scales:
                for contrast in contrasts:
                    t = time.perf_counter()
                    folder = Path(workdir) / f"{language}-{scale:g}-{'high' if contrast else 'normal'}"
                    walk = Walk(soak, language, scale, contrast, atlases[language], folder)
                    current[:] = [walk.soak]
                    try:
                        found = walk.run()
                    finally:
                        walk.close()
                    findings += found
                    runs.append({"language": language, "scale": scale, "contrast": "high" if contrast else "normal",
                                 "findings": len(found), "time_s": round(time.perf_counter() - t, 2)})  # fmt: skip
    return {"ok": not findings, "runs": runs, "findings": [asdict(f) | {"line": f.line()} for f in findings],
            "time_s": round(time.perf_counter() - started, 2)}  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en,es", help="languages, comma-separated (default en,es)")
    parser.add_argument("--scale", default="1,2", help="text sizes, comma-separated (default 1,2)")
    parser.add_argument("--contrast", default="normal,high", help="normal, high or both (default both)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = run(tuple(args.lang.split(",")), tuple(float(s) for s in args.scale.split(",")),
                 tuple(c.strip() == "high" for c in args.contrast.split(",")))  # fmt: skip
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for finding in report["findings"]:
            print(finding["line"])
        print(f"hipmap walkthrough: {len(report['runs'])} runs in {report['time_s']} s, "
              f"{len(report['findings'])} findings" + ("" if report["findings"] else " (OK)"))  # fmt: skip
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
