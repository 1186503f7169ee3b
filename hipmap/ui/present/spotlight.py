"""A pointer spotlight: a soft circle of full light around the mouse, the rest of the screen dimmed.

The overlay never takes a click or a key: it lies over the slide, transparent for mouse events, and its owner
tells it where the pointer is (``follow``), since the pointer's moves go to the widgets underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QRadialGradient
from PySide6.QtWidgets import QWidget
from ..kit.i18n import translate

DIM = QColor(0, 0, 0, 165)
RADIUS_SHARE = 0.14  # of the screen's height
SOFT_EDGE = 0.3  # share of the radius over which the light fades into the dim


class Spotlight(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.center = QPoint(-10_000, -10_000)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.NoFocus)
        self.setAccessibleName(translate("spotlight", "Spotlight"))
        self.setAccessibleDescription(translate("spotlight", "Dims the screen except around the pointer"))
        self.hide()

    def radius(self) -> float:
        return max(60.0, RADIUS_SHARE * self.height())

    def _spot(self, center: QPoint) -> QRect:
        r = int(self.radius()) + 2
        return QRect(center.x() - r, center.y() - r, 2 * r, 2 * r)

    def follow(self, pos: QPoint) -> None:
        """Move the light to pos (in this widget's coordinates); repaints only where it was and where it goes."""
        if pos == self.center:
            return
        old, self.center = self.center, QPoint(pos)
        if self.isVisible():
            self.update(self._spot(old).united(self._spot(self.center)))

    def paintEvent(self, event):
        painter = QPainter(self)
        r = self.radius()
        gradient = QRadialGradient(QPointF(self.center), r)
        clear = QColor(DIM)
        clear.setAlpha(0)
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(1.0 - SOFT_EDGE, clear)
        gradient.setColorAt(1.0, DIM)  # beyond the radius the last colour pads out: the whole screen dims
        painter.fillRect(event.rect(), gradient)
        painter.end()
