"""Work put off to a later turn of the event loop."""

from __future__ import annotations

from PySide6.QtCore import QTimer


def later(parent, slot, interval_ms: int = 0) -> QTimer:
    """A single-shot timer owned by PARENT that calls SLOT INTERVAL_MS after it is started (0: in the event loop's
    next turn, after what is being painted now). Started again before it fires, it fires once, from then."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
