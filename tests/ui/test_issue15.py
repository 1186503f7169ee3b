"""Issue 15: what a person marked is said back in full, counted as they made it, and saved where they save."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from .conftest import region_centre, viewport_pos


def test_the_region_dialog_says_the_qualities_it_marked(window, qtbot):
    QTest.keyClick(window, Qt.Key_M, Qt.ControlModifier)
    dialog = window.marking.region_dialog
    qtbot.waitExposed(dialog)
    dialog.rating.setValue(7)
    dialog.quality_boxes["burning"].setChecked(True)
    dialog.quality_boxes["numbness"].setChecked(True)
    QTest.keyClicks(dialog.search, "right outer th")
    QTest.keyClick(dialog.search, Qt.Key_Return)
    assert dialog.status.text() == "Marked: Right outer thigh, pain 7, burning, numbness."
    dialog.close()


def test_the_status_bar_counts_the_marks_the_person_made(window, atlas, qtbot):
    # (The count follows a turn after the list and the diagrams.)
    window.document.add_region("lateral_thigh", "right", 6)
    window.document.add_region("lateral_leg", "right", 6)
    assert len(window.document.painmap.marks) > 2  # each region lies on several views
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "2 marks", timeout=1000)
    view = window.views["posterior"]
    window.show_view("posterior")
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, viewport_pos(view, *region_centre(atlas, "posterior", "buttock_center")))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "3 marks", timeout=1000)


def test_a_message_shown_after_a_change_is_not_covered_by_the_count(window, qtbot):
    window.document.add_region("lateral_thigh", "right", 6)
    window.statusBar().showMessage("Something the person should read")
    qtbot.wait(20)
    assert window.statusBar().currentMessage() == "Something the person should read"


def test_the_count_survives_saving_and_opening(window, atlas, tmp_path):
    from hipmap.core.pain.painmap import made_count

    window.document.add_region("lateral_thigh", "right", 6)
    window.document.add_region("lateral_thigh", "left", 6)
    path = tmp_path / "two.hipmap.json"
    assert window.files._save_to(path)
    window.document.new()
    assert window.files.open_path(path)
    assert made_count(window.document.painmap, atlas) == 2


def test_open_and_save_start_in_the_folder_last_used(window, tmp_path, monkeypatch):
    folder = tmp_path / "maps"
    folder.mkdir()
    window.document.add_region("lateral_thigh", "right", 6)
    starts = []

    def save_name(_parent, _title, start, _filter):
        starts.append(Path(start).parent)
        return str(folder / "me.hipmap.json"), ""

    def open_name(_parent, _title, start, _filter):
        starts.append(Path(start))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    assert window.files.save_as()
    window.files.new_map()  # a new map has no file of its own: the dialogs still start where the last one was saved
    window.files.open_dialog()
    window.document.add_region("lateral_leg", "right", 6)
    window.files.save_as()
    assert starts[1:] == [folder.resolve(), folder.resolve()]
    assert starts[0].name == "Documents" and starts[0].is_dir()  # the first time: Documents


@pytest.mark.parametrize("language, contrast, scale", [("es", True, 1.0), ("en", False, 2.0), ("es", True, 2.0)])
def test_no_toolbar_control_is_lost_at_1280_by_720(atlas, matcher, tmp_path, qtbot, language, contrast, scale):
    """"Numbness" hid behind an overflow button in Spanish with high contrast: every command stays on screen."""
    from PySide6.QtWidgets import QApplication, QWidget

    from hipmap.ui.kit import i18n, style
    from hipmap.ui.mainwindow.window import MainWindow

    app = QApplication.instance()
    font = app.font()
    i18n.install(language)
    app.setFont(style.scaled_font(font, scale))
    try:
        window = MainWindow(atlas, matcher, settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
        qtbot.addWidget(window)
        window.files.autosave_timer.stop()
        window.set_high_contrast(contrast)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()
        bar = window.findChild(QWidget, "main-toolbar")
        assert bar.actions()
        lost = []
        for action in bar.actions():
            if action.isSeparator():
                continue
            widget = bar.widgetForAction(action)
            box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()) if widget is not None else QRect()
            if widget is None or not widget.isVisible() or not window.rect().contains(box):
                lost.append(action.text())
        for widget in (window.marking.brush_spin, window.marking.intensity_slider, window.marking.intensity_label):
            box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            if not widget.isVisible() or not window.rect().contains(box) or not bar.isAncestorOf(widget):
                lost.append(widget.accessibleName())
        assert not lost, f"not shown whole at 1280x720 ({language}, contrast {contrast}, text x{scale}): {lost}"
        window.close()
    finally:
        window.set_high_contrast(False)
        app.setFont(font)
        i18n.install("en")


@pytest.fixture(scope="module")
def atlas_es():
    from hipmap.core.content.atlas import load_atlas

    return load_atlas(language="es")


def test_region_search_finds_every_word_of_names_and_aliases_whatever_the_accents(atlas_es, qtbot):
    from hipmap.ui.kit import i18n
    from hipmap.ui.mainwindow.regions import RegionDialog

    i18n.install("es")
    try:
        dialog = RegionDialog(atlas_es, 5, (), ())
        qtbot.addWidget(dialog)

        def found(query):
            dialog.search.setText(query)
            return {item.data(Qt.UserRole)[0] for item in dialog.visible_items()}

        assert found("exterior del muslo") == {"lateral_thigh"}  # an alias of "Cara externa del muslo"
        assert found("muslo EXTERIOR") == {"lateral_thigh"}  # any order, any case
        assert "anterior_thigh" in found("cuadriceps")  # without its accent
        assert found("cara externa muslo derech") == {"lateral_thigh"}
        assert not dialog.nothing.isVisible()
        dialog.show()
        assert found("xyzzy") == set()
        assert dialog.nothing.isVisible() and "xyzzy" in dialog.nothing.text()
        assert not dialog.mark_button.isEnabled()
    finally:
        i18n.install("en")


def test_region_search_says_when_nothing_matches(atlas, qtbot):
    from hipmap.ui.mainwindow.regions import RegionDialog

    dialog = RegionDialog(atlas, 5, (), ())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText("IT band")
    assert [i.text() for i in dialog.visible_items()] == ["Right outer thigh", "Left outer thigh"]
    dialog.search.setText("elbow")
    assert dialog.nothing.isVisible() and dialog.nothing.text() == "No region matches “elbow”."


def test_the_builder_speaks_spanish_in_the_steps_box_too(window, qtbot):
    from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

    from hipmap.ui.kit import i18n

    window.document.add_region("lateral_thigh", "right", 6)
    i18n.install("es")
    try:
        builder = window.selfcare.open_builder()
        qtbot.waitExposed(builder)
        titles = [box.title() for box in builder.findChildren(QGroupBox)]
        labels = [label.text() for label in builder.findChildren(QLabel)]
        assert "Pas&os" in titles and "S&teps" not in titles, titles
        assert "D&escanso:" in labels and "R&est:" not in labels, labels
        builder.close()
    finally:
        i18n.install("en")


def window_texts(win):
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget, QWidget

    texts = []
    for obj in [win, *win.findChildren(QObject)]:
        if isinstance(obj, QWidget) and obj.window() is win:
            texts += [obj.toolTip(), obj.accessibleName(), obj.windowTitle()]
            if isinstance(obj, (QLabel, QAbstractButton)):
                texts.append(obj.text())
            if isinstance(obj, (QGroupBox, QMenu)):
                texts.append(obj.title())
            if isinstance(obj, QTabWidget):
                texts += [obj.tabText(i) for i in range(obj.count())]
    for action in win.actions():
        if not action.statusTip().startswith(("Undo:", "Deshacer:", "Redo:", "Rehacer:")):  # the steps keep their names
            texts += [action.text(), action.toolTip(), action.statusTip()]
    return sorted(t for t in texts if t)


def test_view_language_switches_every_open_window_at_once(atlas, tmp_path, qtbot, atlas_es):
    """View > Language changes the menus, the commands, the palette, the panels and the data's names at once: the
    window then shows what a window started in that language shows (and no "after a restart" message)."""
    from hipmap.ui.kit import i18n
    from hipmap.ui.mainwindow.window import MainWindow

    def make(atlas_, name):
        win = MainWindow(atlas_, settings=QSettings(str(tmp_path / name), QSettings.IniFormat))
        qtbot.addWidget(win)
        win.files.autosave_timer.stop()
        win.resize(1280, 720)
        win.show()
        qtbot.waitExposed(win)
        win.document.add_region("lateral_thigh", "right", 6)
        win.select_candidate("vastus_lateralis", "right")
        return win

    window = make(atlas, "live.ini")
    dialog = window.marking.mark_region_dialog()
    try:
        window.language_actions["es"].trigger()
        assert i18n.current_language() == "es" and window.settings.value("ui/language") == "es"
        assert "reinici" not in window.statusBar().currentMessage()
        assert window.menuBar().actions()[0].text() == "&Archivo"
        assert window.marking.quality_actions["numbness"].text() == "Entumecimiento"
        assert window.document.result.candidates[0].name.startswith("Vasto lateral")  # the data, matched again
        assert "Vasto lateral" in window.muscle_panel.browser.toPlainText()
        assert window.tabs.tabText(0) == "Espalda"
        assert "Cara externa del muslo derecha" in [dialog.list.item(i).text() for i in range(dialog.list.count())] or \
            any("externa del muslo" in dialog.list.item(i).text() for i in range(dialog.list.count()))  # fmt: skip
        assert [box.text() for box in dialog.quality_boxes.values()] == ["Dolor sordo", "Ardor", "Hormigueo", "Entumecimiento"]
        assert dialog.windowTitle() == "Marcar una región — hipmap"
        built = make(atlas_es, "built.ini")
        QApplication.processEvents()
        switched, fresh = window_texts(window), window_texts(built)
        assert [t for t in switched if t not in fresh] == [] and [t for t in fresh if t not in switched] == []
        built.document.undo_stack.setClean()
        built.close()
        window.language_actions["en"].trigger()  # and back
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.document.result.candidates[0].name.startswith("Vastus lateralis")
        assert window.marking.quality_actions["numbness"].toolTip() == "Describe new marks as numbness (Alt+4)"
    finally:
        i18n.install("en")
        dialog.close()
        window.document.undo_stack.setClean()
        window.close()


def test_why_a_file_cannot_be_read_is_said_in_the_interface_language(window, tmp_path, no_modal_dialogs):
    """The core's reasons (pain maps, routines, the sessions database) came in English under a Spanish heading."""
    from hipmap.core.routine.library import read_routine
    from hipmap.core.routine.model import RoutineError
    from hipmap.core.store.errors import DatabaseLocked, NewerDatabase
    from hipmap.ui.kit import i18n
    from hipmap.ui.kit.errors import error_text

    bad = tmp_path / "bad.hipmap.json"
    bad.write_text('{"format": "hipmap.painmap", "version": 1, "marks": [{"view": "posterior", "intensity": "lots"}]}')
    routine = tmp_path / "r.json"
    routine.write_text('{"format": "hipmap.routine", "version": 1, "steps": [{"kind": "press", "muscle_id": "x", "title": "t", "hold_s": 30}]}')
    i18n.install("es")
    try:
        assert not window.files.open_path(bad)
        assert "la intensidad debe ser un número entero de 0 a 10, no 'lots'" in no_modal_dialogs[-1]
        assert "marks[0]" in no_modal_dialogs[-1] and "intensity must" not in no_modal_dialogs[-1]
        try:
            read_routine(routine)
        except RoutineError as exc:
            assert error_text(exc) == "r.json: steps[0].kind: se esperaba 'compression' o 'stretch', no 'press'"
        else:
            raise AssertionError("a bad routine was read")
        assert error_text(DatabaseLocked(tmp_path / "s.db")).startswith("La base de datos de sesiones")
        assert "versión de esquema 9" in error_text(NewerDatabase(tmp_path / "s.db", 9, 3))
        assert error_text(ValueError("something else")) == "something else"  # not in the catalogue: as it was
    finally:
        i18n.install("en")
    assert error_text(DatabaseLocked(tmp_path / "s.db")) == str(DatabaseLocked(tmp_path / "s.db"))


def test_a_data_problem_is_said_in_the_interface_language(qapp, tmp_path):
    """The warning signs or the atlas cannot be read: the reason follows the language, the place stays FILE:LINE."""
    from hipmap.core.content.problems import DataError
    from hipmap.core.content.safety import load_red_flags
    from hipmap.ui.kit import i18n
    from hipmap.ui.kit.errors import problem_text

    broken = tmp_path / "red_flags.yaml"
    broken.write_text("red_flags:\n  questions: 7\n")
    try:
        load_red_flags(broken)
    except DataError as exc:
        problems = exc.problems
    else:
        raise AssertionError("a broken red_flags.yaml was read")
    english = [problem_text(p) for p in problems]
    assert english == [str(p) for p in problems]
    i18n.install("es")
    try:
        spanish = [problem_text(p) for p in problems]
    finally:
        i18n.install("en")
    assert any("se esperaba" in text or "falta la clave" in text for text in spanish), spanish
    assert all(text.startswith(f"{p.file}:{p.line}: ") for text, p in zip(spanish, problems))
