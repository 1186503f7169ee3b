"""Guard against a Qt binding that leaks references on every repaint (PySide6 6.12.0 on Python 3.11)."""

import sys

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


class _Painted(QWidget):
    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setPen(QColor("red"))
        painter.drawLine(0, 0, 10, 10)
        painter.end()


def test_repainting_a_python_widget_keeps_reference_counts_steady(qtbot):
    widget = _Painted()
    qtbot.addWidget(widget)
    widget.resize(50, 50)
    widget.show()
    widget.repaint()
    before = sys.getrefcount(None)
    for _ in range(200):
        widget.repaint()
    # A healthy binding leaves None's count where it was (give or take a few); the broken one loses 600.
    assert abs(sys.getrefcount(None) - before) < 50
