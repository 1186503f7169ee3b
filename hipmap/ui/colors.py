"""Colours of pain and zones. Orange-red pain against blue zones stays distinct with red-green colour blindness
(deuteranopia, protanopia); intensity is also written on each mark, never shown by colour alone."""

from PySide6.QtGui import QColor

PAIN_RGB = (222, 84, 20)
ZONE_RGB = (38, 96, 196)


def pain_fill(intensity: int) -> QColor:
    """Stronger pain, more opaque fill: 0 is a faint wash, 10 nearly solid."""
    alpha = int(50 + 17 * max(0, min(10, intensity)))
    return QColor(*PAIN_RGB, alpha)

