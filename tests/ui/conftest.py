import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture
def window(qtbot, atlas, matcher, tmp_path):
    from hipmap.ui.mainwindow.window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    win = MainWindow(atlas, matcher, settings=settings)
    win.files.autosave_timer.stop()
    win.files.clear_autosave()
    win.resize(1360, 880)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()  # nothing to ask about when the test closes it
    win.files.clear_autosave()
    win.close()
    win.deleteLater()


@pytest.fixture(autouse=True)
def no_windows_left_behind(qapp):
    """Windows a test opened are deleted when it ends. Left alive (deleteLater waits for an event loop that a test
    never returns to), they piled up: a change of language, which retranslates every window, took 30 s late in the
    suite instead of 3. Windows made by wider fixtures (made before this one) stay."""
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    for widget in QApplication.topLevelWidgets():
        if id(widget) not in before and widget.parentWidget() is None:
            widget.hide()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal dialog would block a headless test run: answer each one and keep a record of it."""
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def answer(default):
        return lambda *args, **kwargs: shown.append(args[2] if len(args) > 2 else "") or default

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Discard))
    monkeypatch.setattr(QMessageBox, "critical", answer(QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "information", answer(QMessageBox.Ok))
    return shown


def viewport_pos(view, x, y):
    """Where a point of the view's SVG coordinates is on the widget's viewport."""
    return view.mapFromScene(QPointF(x, y))


def region_centre(atlas, view_id, region, side="right"):
    point = atlas.views[view_id].regions[(region, side)].representative_point()
    return point.x, point.y
