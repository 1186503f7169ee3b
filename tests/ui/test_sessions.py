"""Sessions from the window: saving a visit, a damaged or newer history database, starting from a past session,
and the handout export."""

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from hipmap.core.store import opening as st
from hipmap.core.store.database import Store
from hipmap.core.store.synthetic import synthetic_sessions
from hipmap.ui.kit.datadir import data_dir_option as _data_dir_option

from .conftest import region_centre
from .test_mainwindow import click


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv(st.ENV_DATA_DIR, str(folder))
    return folder


def answer(monkeypatch, reply):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or reply)
    return asked


def snapshot(folder):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def accept_with(monkeypatch, person="", before=None, after=None):
    from hipmap.ui.history.sessions import SaveSessionDialog

    def fake_exec(dialog):
        dialog.person_combo.setCurrentText(person)
        if before is not None:
            dialog.before_spin.setValue(before)
        if after is not None:
            dialog.after_spin.setValue(after)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SaveSessionDialog, "exec", fake_exec)


def test_save_a_session_and_start_a_new_map_from_it(window, atlas, data_dir, monkeypatch):
    for region in ("lateral_thigh", "lateral_leg"):
        click(window.views["lateral_right"], *region_centre(atlas, "lateral_right", region))
    accept_with(monkeypatch, person="J.K.", after=3)
    saved = window.practice.save_session()
    assert saved is not None and "history for J.K." in window.statusBar().currentMessage()
    store = window.practice.session_store()
    assert store.path == data_dir / st.DB_FILENAME and store.people() == ["J.K."]
    again = store.get(saved.id)
    assert again.pain_before == 5 and again.pain_after == 3  # the strongest mark, and what was entered
    assert again.candidates[0]["id"] == window.document.result.candidates[0].muscle_id
    assert 0 < again.pain_extent < 0.2 and again.routine is None
    assert window.settings.value("store/person") == "J.K."

    marks = window.document.painmap.marks
    window.document.new()
    window.practice.start_from_session(again)
    restored = window.document.painmap.marks
    assert len(restored) == len(marks)
    assert all(m.geometry.symmetric_difference(n.geometry).area < 1e-3 * n.geometry.area for m, n in zip(restored, marks))
    assert window.document.is_modified() and window.document.path is None  # a new, unsaved map


def tfl_routine_player(window, atlas):
    """Pain at the front of the hip, the warning-signs check answered no, and the TFL routine in the player (on a
    clock that stands still)."""
    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    dialog = window.selfcare.open_screening()
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, False)
    dialog.close()
    window.select_candidate("tensor_fasciae_latae", "right")
    window.selfcare.player_clock = lambda: 0.0
    return window.selfcare.start_routine()


def test_a_routine_done_is_saved_with_the_session_once(window, atlas, data_dir, monkeypatch):
    player = tfl_routine_player(window, atlas)
    player.start()
    player.skip_because_it_hurts()
    player.stop()
    accept_with(monkeypatch)
    first = window.practice.session_store().get(window.practice.save_session().id)
    assert first.routine["steps"][0]["muscle_id"] == "tensor_fasciae_latae"
    assert first.run_log["steps"][0]["status"] == "hurt"
    second = window.practice.session_store().get(window.practice.save_session().id)
    assert second.routine is None and second.run_log is None
    player.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "newer"])
def test_a_damaged_or_newer_history_is_left_alone_and_a_fresh_one_offered(window, data_dir, monkeypatch, damage):
    data_dir.mkdir(parents=True)
    path = data_dir / st.DB_FILENAME
    if damage == "garbage":
        path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    else:
        with Store.open(path) as store:
            store.save_many(synthetic_sessions(30))
        if damage == "truncated":
            path.write_bytes(path.read_bytes()[: 4096 + 1000])
        else:
            with sqlite3.connect(path) as conn:
                conn.execute("PRAGMA user_version = 99")
            conn.close()
    before = snapshot(data_dir)
    asked = answer(monkeypatch, QMessageBox.Yes)
    store = window.practice.session_store()
    assert len(asked) == 1 and str(path) in asked[0] and "kept exactly as it is" in asked[0]
    assert ("newer hipmap" in asked[0]) == (damage == "newer")
    assert store is not None and store.path.parent == data_dir and store.path != path and store.count() == 0
    assert {k: v for k, v in snapshot(data_dir).items() if k in before} == before  # the old file untouched
    assert window.settings.value("store/path") == str(store.path)


def test_declining_a_fresh_history_keeps_the_app_working_without_one(window, atlas, data_dir, monkeypatch):
    data_dir.mkdir(parents=True)
    (data_dir / st.DB_FILENAME).write_bytes(b"not a database at all" * 100)
    answer(monkeypatch, QMessageBox.No)
    assert window.practice.session_store() is None
    assert window.practice.save_session() is None and "not available" in window.statusBar().currentMessage()
    click(window.views["posterior"], *region_centre(atlas, "posterior", "buttock_center"))
    assert window.document.result.candidates  # marking still works
    assert sorted(p.name for p in data_dir.iterdir()) == [st.DB_FILENAME]


def test_export_handout_writes_a_pdf_of_the_explaining_muscles(window, atlas, tmp_path):
    assert window.practice.export_handout(tmp_path / "none.pdf") is None  # nothing marked, nothing selected
    assert not (tmp_path / "none.pdf").exists()
    for region in ("lateral_thigh", "lateral_leg"):
        click(window.views["lateral_right"], *region_centre(atlas, "lateral_right", region))
    assert window.practice.handout_muscles() == [c.key for c in window.document.result.explaining]
    out = window.practice.export_handout(tmp_path / "handout.pdf")
    assert out.read_bytes().startswith(b"%PDF") and "pages" in window.statusBar().currentMessage()


@pytest.mark.parametrize("argv, folder, rest", [
    (["--data-dir", "/tmp/x", "map.hipmap.json"], "/tmp/x", ["map.hipmap.json"]),
    (["--data-dir=/tmp/y"], "/tmp/y", []),
    (["a.json"], None, ["a.json"]),
])  # fmt: skip
def test_data_dir_option(argv, folder, rest):
    found, left = _data_dir_option(argv)
    assert (str(found) if found else None, left) == (folder, rest)


def test_data_dir_option_needs_a_folder():
    with pytest.raises(SystemExit):
        _data_dir_option(["--data-dir"])


def test_history_from_the_window_lists_the_saved_session_and_starts_a_map_from_it(window, atlas, data_dir, monkeypatch, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    click(window.views["posterior"], *region_centre(atlas, "posterior", "buttock_center"))
    accept_with(monkeypatch, person="AB")
    saved = window.practice.save_session()
    QTest.keyClick(window, Qt.Key_H, Qt.ControlModifier)
    history = window.practice.history
    assert history is not None and history.isVisible()
    assert [s.id for s in window.practice.session_store().summaries("AB")] == [saved.id]
    window.document.new()
    history.startFrom.emit(window.practice.session_store().get(saved.id))
    assert len(window.document.painmap.marks) == len(pm_marks(saved))
    accept_with(monkeypatch, person="AB")
    window.practice.save_session()  # the open history follows
    assert history.model.rowCount() == 2
    history.close()


def pm_marks(session):
    return session.painmap["marks"]


def test_each_save_dialog_is_deleted_after_use(window, atlas, data_dir, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from hipmap.ui.history.sessions import SaveSessionDialog

    click(window.views["posterior"], *region_centre(atlas, "posterior", "buttock_center"))
    accept_with(monkeypatch)
    for _ in range(3):
        window.practice.save_session()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SaveSessionDialog)]


def test_the_player_and_the_history_take_the_keyboard_focus_when_they_open(window, atlas, data_dir, qtbot, monkeypatch):
    """Issue 15.6: like the builder and the presentation, the player and the history window open ready for keys: they
    ask to be the active window (a desktop does not make a new window active by itself; offscreen it does, hence the spy)."""
    from PySide6.QtWidgets import QApplication

    from hipmap.ui.history.window import HistoryWindow
    from hipmap.ui.routine.player import PlayerWidget

    activated = []
    for cls in (PlayerWidget, HistoryWindow):
        monkeypatch.setattr(cls, "activateWindow", lambda self, _original=cls.activateWindow: activated.append(type(self).__name__) or _original(self))

    player = tfl_routine_player(window, atlas)
    qtbot.waitUntil(player.isActiveWindow)
    assert QApplication.focusWidget() is player and activated == ["PlayerWidget"]
    player.close()
    history = window.practice.open_history()
    qtbot.waitUntil(history.isActiveWindow)
    assert QApplication.focusWidget() is history.table and activated == ["PlayerWidget", "HistoryWindow"]
    history.close()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_save_session_dialog_is_wide_enough_for_its_words(window, atlas, data_dir, qtbot, scale):
    """Issue 15.7: it was 266 px wide and cut its placeholder ("optional, e.g. i..."); at 2x text too."""
    from PySide6.QtWidgets import QApplication

    from hipmap.ui.history.sessions import SaveSessionDialog
    from hipmap.ui.kit.style import scaled_font

    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    font = QApplication.font()
    QApplication.setFont(scaled_font(font, scale))
    try:
        dialog = SaveSessionDialog(window.practice.session_store(), atlas, window.document.painmap, window.document.result, parent=window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        edit = dialog.person_combo.lineEdit()
        needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert edit.width() >= needed + 4, (edit.width(), needed)
        assert dialog.width() >= 40 * dialog.fontMetrics().averageCharWidth() or dialog.width() >= dialog.screen().availableGeometry().width() - 60
        dialog.reject()
    finally:
        QApplication.setFont(font)
