"""In Spanish, why something cannot be read is said in Spanish, nested reasons and the kinds of value included:
a broken pain map, the app's own data, a saved routine, a damaged sessions database (issue 15, item 5)."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hipmap import default_assets_dir, default_data_dir

SHOTS = Path("/tmp/hipmap-msgs-shots")


@pytest.fixture
def spanish():
    from hipmap.ui.kit import i18n

    i18n.install("es")
    yield
    i18n.install("en")


def _shot(qtbot, title, text, name):
    """The dialog as a person sees it, rendered offscreen: the text it holds, and a PNG to look at."""
    box = QMessageBox(QMessageBox.Critical, title, text)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    SHOTS.mkdir(exist_ok=True)
    box.grab().save(str(SHOTS / f"{name}.png"))
    box.close()


def test_the_kind_of_value_and_nested_reasons_follow_the_language(qapp, spanish):
    from hipmap.core.content.fields import _describe
    from hipmap.core.content.problems import Collector
    from hipmap.ui.kit.errors import phrase_text, problem_text

    for value, spanish_kind in ((None, "un valor vacío"), ({}, "un mapa de claves"), ([], "una lista"),
                                ("abc", "el texto 'abc'"), (7, "el número entero 7"), (1.5, "el número 1.5")):  # fmt: skip
        kind = _describe(value)
        assert phrase_text(kind) == spanish_kind
        col = Collector()
        col.add_coded("m.yaml", 3, "muscle.name", "expected non-empty text, got {kind}", kind=kind)
        assert problem_text(col.problems[0]) == f"m.yaml:3: muscle.name: se esperaba un texto no vacío, no {spanish_kind}"
    assert str(_describe([])) == "a list" and _describe(True) == "True"  # the English and the check-data output stay


def test_a_pain_map_that_is_a_folder_says_why_in_spanish(window, tmp_path, no_modal_dialogs, spanish, qtbot):
    folder = tmp_path / "carpeta.hipmap.json"
    folder.mkdir()
    assert not window.files.open_path(folder)
    said = no_modal_dialogs[-1]
    assert "no se puede leer el archivo (no es un archivo normal (una carpeta))" in said, said
    assert "regular file" not in said and "folder" not in said
    _shot(qtbot, "No se puede abrir este mapa de dolor", said, "painmap-folder")


def _broken_data(tmp_path) -> Path:
    """A copy of data/ (and assets/) where a muscle's file has three mistakes."""
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    shutil.copytree(default_assets_dir(), tmp_path / "assets")
    muscle = data / "muscles" / "piriformis.yaml"
    text = muscle.read_text(encoding="utf-8")
    text = text.replace("\nname:", "\nname: [1, 2]\nold_name:", 1).replace("\nbilateral: false", "", 1)
    muscle.write_text(text + "bilateral: sometimes\n", encoding="utf-8")
    return data


def test_starting_on_broken_data_lists_the_problems_in_spanish(qapp, tmp_path, monkeypatch, no_modal_dialogs, qtbot):
    from hipmap.core.content.atlas import load_atlas
    from hipmap.ui import app as app_module
    from hipmap.ui.kit import i18n

    data = _broken_data(tmp_path)

    def load_content(_warm=None):  # the start-up's loading, from the broken copy
        return load_atlas(data, tmp_path / "assets"), None, None

    monkeypatch.setattr(app_module, "load_content", load_content)
    monkeypatch.setenv("HOME", str(tmp_path))
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    before = set(QApplication.topLevelWidgets())
    QTimer.singleShot(20000, QApplication.instance().quit)  # never hang the suite
    try:
        assert app_module.main(["--lang", "es"]) == 1
        said = no_modal_dialogs[-1]
    finally:
        for widget in set(QApplication.topLevelWidgets()) - before:
            widget.close()
            widget.deleteLater()
        i18n.install("en")
    lines = [line for line in said.split("\n") if "piriformis.yaml:" in line]
    assert said.startswith("Los archivos de datos de la aplicación tienen problemas"), said
    assert len(lines) >= 2, said
    assert any("clave desconocida 'old_name'" in line for line in lines), said
    assert any("bilateral: se esperaba true o false, no el texto 'sometimes'" in line for line in lines), said
    for english in ("expected", "unknown key", "got "):
        assert english not in said, said
    i18n.install("es")
    try:
        _shot(qtbot, "hipmap no puede iniciarse", said, "broken-data")
    finally:
        i18n.install("en")


def test_a_broken_routine_file_says_why_in_spanish(qapp, tmp_path, spanish):
    from hipmap.core.routine.library import RoutineLibrary
    from hipmap.core.routine.model import RoutineError
    from hipmap.ui.kit.errors import error_text, phrase_text

    (tmp_path / "rota.hipmap-routine.json").mkdir()  # a folder where a routine should be
    (tmp_path / "mala.hipmap-routine.json").write_text('{"format": "hipmap.routine", "version": 1, "steps": 3}')
    library = RoutineLibrary(tmp_path)
    problems = {s.path.name: phrase_text(s.problem) for s in library.saved()}
    assert problems == {
        "mala.hipmap-routine.json": "mala.hipmap-routine.json: steps: se esperaba una lista",
        "rota.hipmap-routine.json": "rota.hipmap-routine.json: no se puede leer (no es un archivo normal (una carpeta))",
    }, problems
    with pytest.raises(RoutineError) as caught:
        library.load("rota")
    assert error_text(caught.value) == problems["rota.hipmap-routine.json"]


def test_a_damaged_sessions_database_says_why_in_spanish(qapp, tmp_path, no_modal_dialogs, spanish, qtbot):
    from hipmap.core.store.opening import default_path
    from hipmap.ui.history.sessions import open_store

    path = default_path(tmp_path)
    path.write_bytes(b"this is not a database at all" * 10)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    assert open_store(None, settings, tmp_path) is None  # the question is answered with Discard: no fresh one
    said = no_modal_dialogs[0]
    assert f"No se puede leer la base de datos de sesiones {path}: no es una base de datos SQLite." in said, said
    assert "cannot be read" not in said and "it is not" not in said
    _shot(qtbot, "No se puede abrir el historial de sesiones", said, "sessions-damaged")
