"""A layout that places its items in rows, wrapping to a new row where the width runs out (Qt's flow layout
example): a toolbar that never hides a control behind an overflow button, whatever the language or text size."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QSizePolicy, QWidgetItem


class WrappingLayout(QLayout):
    """The rows, with Qt's own expandingDirections (both ways): the main window's tool palette, which is in the first
    frame, uses it; there the box it sits in gives it its full width and no extra height either way. (A Python
    override returning Qt.Orientation would build Qt's whole namespace, ~15 ms, before the first paint.)"""

    def __init__(self, parent=None, spacing: int = 6, row_spacing: int = 4):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self._row_spacing = row_spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item):  # noqa: N802 - Qt's name
        self._items.append(item)

    def addWidget(self, widget):  # noqa: N802
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect):  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One row of everything: the width that needs no wrapping."""
        width = sum(i.sizeHint().width() for i in self._items) + self._spacing * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def rows(self) -> int:
        """How many rows the items take at the layout's present width."""
        tops = {item.geometry().top() for item in self._items if item.widget() is None or not item.widget().isHidden()}
        return len(tops)

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        row = []
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                if move:
                    self._put(row, y, row_height)
                x, y = area.x(), y + row_height + self._row_spacing
                row, row_height = [], 0
            if move:
                row.append((item, x, hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        if move and row:
            self._put(row, y, row_height)
        return y + row_height - rect.y() + m.bottom()

    @staticmethod
    def _put(row, y: int, height: int):
        """Place a row's items, each centred up and down on the row: once each (a widget moved away and back is
        painted again, and this lays out the tool palette whenever one of its actions changes)."""
        for item, x, hint in row:
            item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))


class FlowLayout(WrappingLayout):
    """The rows, never expanding: they take the room their items need, no more."""

    def expandingDirections(self):  # noqa: N802
        from PySide6.QtCore import Qt

        return Qt.Orientation(0)


def flow_policy() -> QSizePolicy:
    policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
    policy.setHeightForWidth(True)
    return policy
