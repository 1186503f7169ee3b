"""The tool palette's wrapping layout places each item once: laying it out again with nothing changed moves no
widget (a widget moved away and back is painted again, and the palette is laid out whenever one of its actions
changes, such as Undo becoming available with the first mark of a map)."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from hipmap.ui.kit.flow import WrappingLayout

from .events import EventCount


def test_laying_out_again_moves_no_widget(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    layout = WrappingLayout(box, spacing=10, row_spacing=4)
    widgets = [QLabel("Size"), QPushButton("Undo"), QLabel("Pain"), QPushButton("Explore Muscles")] * 3
    widgets[1].setMinimumHeight(40)  # taller than the rest: the others are centred on its row
    for w in widgets:
        layout.addWidget(w)
    box.resize(260, 200)  # narrow: several rows
    box.show()
    qtbot.waitExposed(box)

    moves = EventCount(QEvent.Move, *widgets)
    tops = [w.y() for w in widgets]
    layout.setGeometry(box.rect())
    assert moves.count == 0
    assert layout.rows() > 1 and [w.y() for w in widgets] == tops
    assert widgets[0].geometry().center().y() in range(widgets[1].geometry().center().y() - 1, widgets[1].geometry().center().y() + 2)
