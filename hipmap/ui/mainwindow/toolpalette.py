"""The window's tool palette: the toolbar's commands and controls in groups that wrap onto a second row (or more)
when the window is too narrow for one, so that no control is ever hidden behind an overflow button, whatever the
language, the text size or the contrast."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from ..kit.flow import WrappingLayout, flow_policy


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
                button = QToolButton(group)
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
