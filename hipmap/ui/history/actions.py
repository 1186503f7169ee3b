"""QActions shown as push buttons: a button that mirrors its action, and an action's shortcut in words."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.NativeText)


def action_button(action: QAction) -> QPushButton:
    """A push button that is the action: same text, tooltip and enabled state."""
    button = QPushButton(action.text())
    button.setAutoDefault(False)

    def sync():
        button.setText(action.text())
        button.setAccessibleName(action.text().replace("&", ""))  # again when a change of language renames it
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())

    action.changed.connect(sync)
    button.clicked.connect(action.trigger)
    sync()
    return button
