"""The window opens on the shipped data and shows every view."""

from PySide6.QtWidgets import QTabWidget

from hipmap.ui.mainwindow.window import MainWindow


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


def test_windows_open_within_a_small_screen(window, qtbot, atlas, matcher, tmp_path):
    """The preferred sizes (1360x880 for the window) are larger than many laptop screens: the first size is cut to
    the screen, and a tool window opens over its owner, wholly on the screen."""
    from hipmap.ui.kit.windows import fit_to_screen

    room = window.screen().availableGeometry()
    from PySide6.QtCore import QSettings

    fresh = MainWindow(atlas, matcher, settings=QSettings(str(tmp_path / "new.ini"), QSettings.IniFormat))  # first start
    qtbot.addWidget(fresh)
    assert fresh.width() <= room.width() and fresh.height() <= room.height()
    assert fresh.width() < 1360 or room.width() >= 1360
    builder = window.selfcare.open_builder()
    assert room.contains(builder.frameGeometry().topLeft()) and builder.width() <= room.width()
    small = QTabWidget()
    qtbot.addWidget(small)
    fit_to_screen(small, 300, 200)  # small preferred sizes are kept as they are
    assert (small.width(), small.height()) == (300, 200)
