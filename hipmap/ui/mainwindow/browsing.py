"""The muscle browser in the main window: its command (View > Muscles, F3), the dock, and choosing a muscle from it.

A muscle chosen here is selected as a candidate would be (MainWindow.select_any), whether or not the marked pain
ranks it; its side is the side of the pain, else right, unless the browser's Right / Left says otherwise."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from ..kit.i18n import translate
from ..kit.settings import read_bytes
from .actions import make_action

STATE_KEY = "window/state"  # the window's docks (the browser): shown or not, and where


class Browsing(QObject):
    """The browser's command and dock (made in attach(), once the atlas is there)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dock = None
        A = partial(make_action, window)
        self.act_browser = A(
            translate("app", "&Muscles..."), self.toggle, ["F3", "Ctrl+Shift+F"],
            translate("app", "Find any muscle by name and see its trigger points and pain pattern, whatever is marked"),
            checkable=True,
        )  # fmt: skip

    def attach(self, atlas):
        from PySide6.QtCore import Qt

        from ..browser.dock import MuscleBrowser

        window = self.window
        dock = MuscleBrowser(atlas, window)
        dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        window.addDockWidget(Qt.LeftDockWidgetArea, dock)
        dock.hide()  # until asked for, or shown when the window was last closed
        dock.chosen.connect(window.select_any)
        dock.visibilityChanged.connect(lambda _visible: self.act_browser.setChecked(not dock.isHidden()))
        self.dock = dock
        state = read_bytes(window.settings, STATE_KEY)
        if state is not None:
            window.restoreState(state)  # (refuses damaged bytes, leaving the dock hidden)
        self.act_browser.setChecked(not dock.isHidden())

    def use_atlas(self, atlas):
        if self.dock is not None:
            self.dock.set_atlas(atlas)

    def toggle(self, checked: bool = True):
        """Show the browser with the keyboard in its search field; hide it when the keys are already there."""
        from PySide6.QtCore import Qt

        dock = self.dock
        if dock is None:
            return
        focused = QApplication.focusWidget()
        inside = focused is not None and (focused is dock or dock.isAncestorOf(focused))
        if not checked and not dock.isHidden() and not inside:
            checked = True  # open but elsewhere: the command brings the keys to it rather than closing it
        self.act_browser.setChecked(checked)
        if not checked:
            dock.hide()
            self.window.focus_pane(0)
            return
        dock.show()
        dock.raise_()
        dock.search.setFocus(Qt.ShortcutFocusReason)
        dock.search.selectAll()

    def follow_pain(self, painmap):
        """After the pain changed: the browser's side is the side of the pain (a muscle chosen there follows it)."""
        if self.dock is None:
            return
        from ...core.pain.painmap import pain_side

        side = pain_side(painmap, self.window.atlas)
        if side is not None:
            self.dock.set_side(side)

    def show_selected(self, selected):
        """The muscle the window shows (chosen anywhere) is the browser's current row."""
        if self.dock is not None:
            self.dock.mark_shown(selected[0] if selected else None)

    def save(self):
        self.window.settings.setValue(STATE_KEY, self.window.saveState())
