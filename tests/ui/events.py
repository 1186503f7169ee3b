"""Counting the events of one type that widgets receive (paints, moves, layout requests), for tests."""

from PySide6.QtCore import QObject


class EventCount(QObject):
    """An event filter that counts the events of TYPE given to the objects it is installed on."""

    def __init__(self, type_, *watched):
        super().__init__()
        self.type = type_
        self.count = 0
        for obj in watched:
            obj.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == self.type:
            self.count += 1
        return False
