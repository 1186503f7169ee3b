"""Tool windows that belong to another window: kept in one of its attributes while open, deleted when closed."""

from __future__ import annotations


def keep_window(owner, attribute: str, window):
    """Remember ``window`` as ``owner.<attribute>`` until it closes; closing deletes it and clears the attribute
    (unless a newer window has taken the attribute meanwhile)."""
    from PySide6.QtCore import Qt

    window.setAttribute(Qt.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: setattr(owner, attribute, None) if getattr(owner, attribute, None) is window else None)
    setattr(owner, attribute, window)
    return window


def fit_to_screen(window, width: int, height: int, share: float = 0.94) -> None:
    """Resize to the preferred size, but never past the screen the window will open on (a 1366x768 laptop is
    smaller than several of hipmap's preferred sizes), and centre it there when it has no parent to centre on."""
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or window.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (some headless set-ups): the preferred size
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    size_w = max(min(width, int(room.width() * share)), min(window.minimumWidth(), room.width()))
    size_h = max(min(height, int(room.height() * share)), min(window.minimumHeight(), room.height()))
    window.resize(size_w, size_h)
    if window.isWindow() and not window.isVisible():
        centre = (parent.window().frameGeometry().center() if parent is not None else room.center())
        x = min(max(room.left(), centre.x() - size_w // 2), room.right() - size_w + 1)
        y = min(max(room.top(), centre.y() - size_h // 2), room.bottom() - size_h + 1)
        window.move(max(room.left(), x), max(room.top(), y))


def live(window) -> bool:
    """WINDOW is there and its Qt object not yet deleted (a closed tool window is deleted on close)."""
    import shiboken6

    return window is not None and shiboken6.isValid(window)
