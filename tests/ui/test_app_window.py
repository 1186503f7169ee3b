"""The window opens on the shipped data and shows every view."""

from PySide6.QtWidgets import QTabWidget

from hipmap.ui.app import MainWindow


def test_main_window_shows_all_views_with_accessible_names(qtbot, atlas):
    window = MainWindow(atlas)
    qtbot.addWidget(window)
    window.show()
    tabs = window.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == [v.title for v in atlas.views.values()]
    for i in range(tabs.count()):
        assert tabs.widget(i).accessibleName()
    image = tabs.currentWidget().grab().toImage()
    assert image.width() > 0
    # The body is drawn: some pixels in the middle of the diagram are not the background colour.
    background = image.pixelColor(2, image.height() // 2)
    assert any(image.pixelColor(x, image.height() // 2) != background for x in range(0, image.width(), 4))
