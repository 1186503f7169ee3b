"""View > Language with tool windows open: the routine player, the builder, the warning-signs check, the History
window and the presentation show, after the switch, exactly what the same window opened in that language shows
(fixed texts, window titles, tooltips with their keys, accessible names, table cells and headers, and the data's
words: muscle names, view names, exercises, questions); and the same again after switching back."""

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QGroupBox, QLabel, QListView, QMenu, QTabWidget, QWidget,
)  # fmt: skip

WINDOWS = ("player", "builder", "screening", "history", "presentation")


def shown_texts(win) -> list[tuple[str, str]]:
    """Every text a person (or a screen reader) meets in WIN, tagged with where it is."""
    out = []
    for obj in [win, *win.findChildren(QObject)]:
        if isinstance(obj, QAction):
            out += [("action", obj.text()), ("action tooltip", obj.toolTip())]
        if not isinstance(obj, QWidget) or obj.window() is not win:
            continue
        out += [("tooltip", obj.toolTip()), ("accessible name", obj.accessibleName()), ("title", obj.windowTitle())]
        if isinstance(obj, (QLabel, QAbstractButton)):
            out.append(("text", obj.text()))
        if isinstance(obj, (QGroupBox, QMenu)):
            out.append(("title", obj.title()))
        if isinstance(obj, QTabWidget):
            out += [("tab", obj.tabText(i)) for i in range(obj.count())]
        if isinstance(obj, QAbstractItemView) and obj.model() is not None:
            model = obj.model()
            columns = 1 if isinstance(obj, QListView) else model.columnCount()
            for row in range(model.rowCount()):
                for column in range(columns):
                    index = model.index(row, column)
                    out += [("cell", str(model.data(index) or "")), ("cell tooltip", str(model.data(index, Qt.ToolTipRole) or ""))]
            if not isinstance(obj, QListView):
                out += [("header", str(model.headerData(c, Qt.Horizontal) or "")) for c in range(columns)]
        if hasattr(obj, "toPlainText"):
            out.append(("text", obj.toPlainText()))
    return sorted({t for t in out if t[1]})


def open_windows(main, qtbot) -> dict:
    main.settings.setValue("safety/may_self_treat", "yes")
    main.settings.setValue("safety/screened_at", datetime.now(timezone.utc).isoformat())
    main.document.add_region("lateral_thigh", "right", 6)
    main.select_candidate("vastus_lateralis", "right")
    windows = {"player": main.selfcare.start_routine(), "builder": main.selfcare.open_builder()}
    windows["screening"] = main.selfcare.open_screening()
    windows["history"] = main.practice.open_history()
    windows["presentation"] = main.practice.present()
    for shown in windows.values():
        assert shown is not None
        qtbot.waitExposed(shown)
    return windows


@pytest.fixture
def make_main(qtbot, tmp_path, monkeypatch):
    from hipmap.core.store.opening import ENV_DATA_DIR
    from hipmap.ui.mainwindow.window import MainWindow

    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    made = []

    def make(atlas, name):
        win = MainWindow(atlas, settings=QSettings(str(tmp_path / name), QSettings.IniFormat))
        qtbot.addWidget(win)
        win.files.autosave_timer.stop()
        win.resize(1280, 720)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    for win in made:
        win.document.undo_stack.setClean()
        for shown in (win.practice.presentation, win.selfcare.player):
            if shown is not None:
                shown.close()
        win.close()


@pytest.fixture(scope="module")
def atlas_es():
    from hipmap.core.content.atlas import load_atlas

    return load_atlas(language="es")


def test_every_open_tool_window_follows_a_live_change_of_language(make_main, qtbot, atlas, atlas_es):
    from hipmap.ui.kit import i18n

    try:
        main = make_main(atlas, "live.ini")
        windows = open_windows(main, qtbot)
        english = {name: shown_texts(w) for name, w in windows.items()}
        main.language_actions["es"].trigger()
        QApplication.processEvents()
        switched = {name: shown_texts(w) for name, w in windows.items()}
        fresh_main = make_main(atlas_es, "fresh.ini")
        fresh = {name: shown_texts(w) for name, w in open_windows(fresh_main, qtbot).items()}
        for name in WINDOWS:
            stale = [t for t in switched[name] if t not in fresh[name]]
            missing = [t for t in fresh[name] if t not in switched[name]]
            assert not stale and not missing, f"{name}: still shown {stale[:8]}, not shown {missing[:8]}"
        # What the person sees, in words, not only "the same as a fresh window".
        player, builder, presentation = windows["player"], windows["builder"], windows["presentation"]
        assert player.pause_action.toolTip() == "Iniciar, pausar o reanudar (Espacio)"
        assert player.close_action.toolTip() == "Cerrar el reproductor de la rutina (Control+W o Escape)"
        assert "Vasto lateral" in player.title_label.text() and "Vasto lateral" in player.windowTitle()
        assert builder.table.horizontalHeaderItem(0).text() == "Paso"
        assert builder.table.item(0, 0).text().startswith("Pelota de tenis: Vasto lateral")
        assert presentation.name_label.text().startswith("Vasto lateral")
        assert windows["history"].act_close.toolTip() == "Cerrar el historial (Escape)"
        assert windows["screening"].question_labels[0].text().startswith("¿")
        fresh_main.close()
        main.language_actions["en"].trigger()  # and back: what it showed before the switch
        QApplication.processEvents()
        back = {name: shown_texts(w) for name, w in windows.items()}
        for name in WINDOWS:
            assert back[name] == english[name], f"{name}: {[t for t in back[name] if t not in english[name]][:8]}"
    finally:
        i18n.install("en")


def test_a_named_routine_keeps_its_name_and_an_automatic_one_is_renamed(make_main, qtbot, atlas):
    from hipmap.ui.kit import i18n

    try:
        main = make_main(atlas, "names.ini")
        windows = open_windows(main, qtbot)
        builder = windows["builder"]
        builder.name_edit.setText("Tardes")
        builder.name_edit.textEdited.emit("Tardes")
        named = main.selfcare.play_routine(builder.current_routine(), builder.name_pairs())
        main.language_actions["es"].trigger()
        assert named.title_label.text() == "Tardes" and builder.name_edit.text() == "Tardes"
        assert builder.current_routine().steps[0].title.endswith("Vasto lateral (músculo externo del muslo)")
    finally:
        i18n.install("en")


def test_retitled_makes_the_step_titles_again_from_another_atlas(atlas, atlas_es):
    from hipmap.core.routine.builder import retitled, routine_for_muscle

    routine = routine_for_muscle(atlas.muscles["vastus_lateralis"], "right", atlas.exercises)
    spanish = retitled(routine, atlas_es.muscles, atlas_es.exercises, name="Rutina")
    assert spanish.name == "Rutina" and [s.hold_s for s in spanish.steps] == [s.hold_s for s in routine.steps]
    assert spanish.steps[0].title == "Tennis ball: " + atlas_es.muscles["vastus_lateralis"].name
    assert [s.title for s in spanish.steps[1:]] == [atlas_es.exercises[s.exercise_id].name for s in routine.steps[1:]]
    assert retitled(spanish, atlas.muscles, atlas.exercises, name=routine.name) == routine
    assert retitled(routine, {}, {}) == routine  # ids it does not know keep their titles


def test_formatted_texts_are_remembered_within_a_bound_and_a_recent_one_still_switches(qapp):
    """Each ranking formats new sentences; remembering every one for a change of language grew without end. The
    last FORMATS_KEPT (at least) are kept; a label showing a recent one still follows View > Language."""
    from hipmap.ui.kit import i18n

    try:
        for n in range(3 * i18n.FORMATS_KEPT):
            i18n.translate("candidates", "{percent} match").format(percent=f"{n}%")
        assert len(i18n._formatted) + len(i18n._formatted_before) <= 2 * i18n.FORMATS_KEPT
        label = QLabel(i18n.translate("candidates", "{percent} match").format(percent="74 %"))
        i18n.switch_language("es")
        assert label.text() == "74 % de coincidencia"
    finally:
        i18n.switch_language("en")
