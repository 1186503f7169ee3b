"""Tool windows that belong to another window: kept in one of its attributes while open, deleted when closed."""

from __future__ import annotations

from PySide6.QtCore import Qt


def keep_window(owner, attribute: str, window):
    """Remember ``window`` as ``owner.<attribute>`` until it closes; closing deletes it and clears the attribute
    (unless a newer window has taken the attribute meanwhile)."""
    window.setAttribute(Qt.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: setattr(owner, attribute, None) if getattr(owner, attribute, None) is window else None)
    setattr(owner, attribute, window)
    return window
