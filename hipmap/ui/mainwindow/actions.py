"""One command of the main window as a QAction: its tooltip names the shortcut, its status tip says what it does."""

from __future__ import annotations

from PySide6.QtGui import QAction, QIcon, QKeySequence

from ..kit.i18n import set_command_tip


def make_action(window, text, slot, shortcut=None, tip="", checkable=False, icon=None) -> QAction:
    """A command of ``window`` (its parent). The window adds every command to itself, in the order its shortcut
    list shows them, so each shortcut works wherever the focus is in the window."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    set_command_tip(action, tip or text.replace("&", "").rstrip("."), not tip)  # made again when the language changes
    action.setCheckable(checkable)
    if icon:
        action.setIcon(QIcon.fromTheme(icon))
    if slot is not None:
        action.triggered.connect(slot)
    return action
