"""The window's tool palette: the toolbar's commands and controls in groups that wrap onto a second row (or more)
when the window is too narrow for one, so that no control is ever hidden behind an overflow button, whatever the
language, the text size or the contrast."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from ..kit.flow import WrappingLayout, flow_policy


class PaletteButton(QToolButton):
    """A tool button that follows a change of its action's state without asking for a new layout.

    QToolButton follows any change of its action by taking the whole action again, and setting its icon again asks
    for a new layout, which goes up to the main window: after the first mark of a map (Undo enabled, its status tip
    "Undo: Mark pain") the window laid out its toolbar, central area and status bar again and repainted the tabs and
    the status bar, in the frame that shows the mark. When nothing the button measures has changed (its words, icon,
    font, checkability, menu), only its state follows: enabled, checked, tool tip, status tip, What's This."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._measured = None  # what the button's size came from, when it last took its action whole

    @staticmethod
    def _measures(action: QAction) -> tuple:
        return (action.iconText(), action.text(), action.icon().cacheKey(), action.isCheckable(), action.isVisible(), action.font().key(), id(action.menu()))

    def setDefaultAction(self, action: QAction) -> None:  # noqa: N802 - Qt's name
        self._measured = self._measures(action)
        super().setDefaultAction(action)

    def actionEvent(self, event) -> None:  # noqa: N802 - Qt's name
        action = event.action()
        if event.type() == QEvent.ActionChanged and action is self.defaultAction():
            measured = self._measures(action)
            if measured == self._measured:
                self.setToolTip(action.toolTip())
                self.setStatusTip(action.statusTip())
                self.setWhatsThis(action.whatsThis())
                self.setChecked(action.isChecked())
                self.setEnabled(action.isEnabled())
                return
            self._measured = measured  # (Qt takes the action whole again: setDefaultAction)
        super().actionEvent(event)


class ToolPalette(QFrame):
    """Groups of tool buttons (one per action) and controls, laid out in as many rows as the width needs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("main-toolbar")
        self.flow = WrappingLayout(self, spacing=14, row_spacing=4)  # (a FlowLayout would build Qt's namespace)
        self.flow.setContentsMargins(2, 2, 2, 2)
        self.setSizePolicy(flow_policy())
        self._buttons: dict[QAction, QToolButton] = {}
        self.groups: list[QWidget] = []

    def add_group(self, *items) -> QWidget:
        """A group of actions (shown as buttons) and widgets that stay together on one row."""
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        for item in items:
            if isinstance(item, QAction):
                button = PaletteButton(group)
                button.setDefaultAction(item)
                # Set by name: the palette is in the first frame, which does without Qt's namespace (window.py).
                button.setProperty("toolButtonStyle", "ToolButtonTextOnly")
                button.setAutoRaise(True)
                button.setProperty("focusPolicy", "NoFocus")  # as in a toolbar: the commands have shortcuts and menu entries
                self._buttons[item] = button
                self.addAction(item)  # actions() lists the commands shown, as a QToolBar's does
                row.addWidget(button)
            else:
                row.addWidget(item)
        self.flow.addWidget(group)
        self.groups.append(group)
        return group

    def widgetForAction(self, action: QAction) -> QToolButton | None:  # noqa: N802 - QToolBar's name
        return self._buttons.get(action)

    def actions_shown(self) -> list[QAction]:
        return list(self._buttons)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self.flow.heightForWidth(width)
