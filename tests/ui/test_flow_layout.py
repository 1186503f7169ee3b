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


def test_the_first_mark_of_a_map_asks_no_new_layout_of_the_palette_or_the_window(window, qtbot):
    """Undo becomes available, named ("Undo: Mark pain"): its button follows, and nothing it measures changed, so
    neither the palette nor the window is laid out again in the frame that shows the mark."""
    from PySide6.QtWidgets import QApplication

    palette = window.findChild(QWidget, "main-toolbar")
    undo = palette.widgetForAction(window.act_undo)
    assert not undo.isEnabled()
    QApplication.processEvents()
    requests = EventCount(QEvent.LayoutRequest, palette, undo.parentWidget(), window)
    view = window.current_view()
    assert window.document.add_stroke(view.view_id, [(250.0, 450.0)], 12.0, 6)
    QApplication.processEvents()
    assert undo.isEnabled() and undo.statusTip() == "Undo: Mark pain"
    assert requests.count == 0
    # A change the button measures (new words) still lays it out again, and it shows them.
    window.act_undo.setText("&Undo the last change")
    assert undo.text() == "Undo the last change"
    qtbot.waitUntil(lambda: requests.count > 0 and undo.width() >= undo.sizeHint().width(), timeout=2000)
