"""The window's files when things go wrong: two windows, crashes, a full disk, kills mid-write, shared machines."""

import errno
import os
import stat
import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from hipmap.core.pain import painmap as pm

from .conftest import region_centre, viewport_pos


def click(window, atlas, region, view="posterior"):
    view_widget = window.views[view]
    QTest.mouseClick(view_widget.viewport(), Qt.LeftButton, Qt.NoModifier, viewport_pos(view_widget, *region_centre(atlas, view, region)))


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    from hipmap.ui.kit import datadir

    path = tmp_path / "data"
    monkeypatch.setattr(datadir, "DATA_DIR_OVERRIDE", path)
    return path


@pytest.fixture
def new_window(qtbot, atlas, matcher, tmp_path, data_dir):
    from hipmap.ui.mainwindow.window import MainWindow

    made = []

    def make():
        window = MainWindow(atlas, matcher, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
        window.files.autosave_timer.stop()
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    from hipmap.ui.mainwindow import files

    for window in made + list(getattr(files, "_EXTRA_WINDOWS", ())):
        window.document.undo_stack.setClean()
        window.close()


def crash(window):
    """What a crash or a kill leaves: the recovery file, but no running window holding its lock."""
    window.files._lock.unlock()
    window.files._lock = None


def test_two_windows_keep_separate_recovery_files_and_both_come_back(new_window, atlas, data_dir, monkeypatch):
    from hipmap.ui.mainwindow import files

    a, b = new_window(), new_window()
    click(a, atlas, "lower_buttock")
    click(b, atlas, "lower_back")
    click(b, atlas, "upper_buttock")
    a.files.autosave()
    b.files.autosave()
    assert a.files.autosave_path() != b.files.autosave_path()
    assert len(pm.load(a.files.autosave_path()).marks) == 1 and len(pm.load(b.files.autosave_path()).marks) == 2

    # While both run, a third window offers neither: their files are theirs.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    c = new_window()
    c.files.offer_restore()
    assert asked == [] and c.document.painmap.is_empty()

    crash(a)
    crash(b)
    d = new_window()
    d.files.offer_restore()
    assert len(asked) == 2 and "new window" in asked[1]
    restored = sorted([len(d.document.painmap.marks)] + [len(w.document.painmap.marks) for w in files._EXTRA_WINDOWS])
    assert restored == [1, 2]  # A's mark is not lost to B's autosave, nor B's to A's
    assert len(files._EXTRA_WINDOWS) == 1 and d.document.is_modified()
    # The marks now live in the recovery files of the windows that show them, and the old files are gone.
    assert not a.files.autosave_path().exists() and not b.files.autosave_path().exists()
    left = sorted(p.name for p in data_dir.glob("autosave-*.hipmap.json"))
    assert left == sorted(w.files.autosave_path().name for w in [d, *files._EXTRA_WINDOWS])


def test_a_window_does_not_offer_the_recovery_file_of_another_running_process(new_window, atlas, data_dir, monkeypatch):
    import subprocess
    import sys

    from PySide6.QtCore import QLockFile

    a = new_window()
    click(a, atlas, "lower_buttock")
    a.files.autosave()
    crash(a)
    # Another hipmap process holds the lock for this file now (as a running window of it would).
    lock_path = str(a.files.autosave_path()).replace(".hipmap.json", ".lock")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from PySide6.QtCore import QLockFile; lock = QLockFile(sys.argv[1]); "
        "lock.setStaleLockTime(0); assert lock.tryLock(0); print('held', flush=True); time.sleep(60)"), lock_path],
        stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        asked = []
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
        b = new_window()
        b.files.offer_restore()
        assert asked == [] and a.files.autosave_path().exists()
    finally:
        holder.kill()
        holder.wait()
    lock = QLockFile(lock_path)
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)  # once that process is gone, its lock is stale
    lock.unlock()


def test_a_failing_autosave_is_reported_once_and_its_recovery_too(new_window, atlas, monkeypatch):
    from hipmap.core import fileio

    window = new_window()
    window.show()
    real = fileio.atomic_write_bytes

    def full_disk(path, data, mode=0o600):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio, "atomic_write_bytes", full_disk)
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    for region in ("lower_buttock", "lower_back", "upper_buttock"):
        click(window, atlas, region)
        window.files.autosave()  # as the timer would: it must not raise
    notices = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(notices) == 1 and not notices[0].isModal() and "No space left" in notices[0].text()
    assert window.files.autosave_label.isVisible() and "Autosave is not working" in window.files.autosave_label.text()
    assert sum("Autosave is not working" in m for m in messages) == 1

    monkeypatch.setattr(fileio, "atomic_write_bytes", real)
    window.files.autosave()
    assert window.files.autosave_path().exists() and not window.files.autosave_label.isVisible()
    assert "Autosave works again" in window.statusBar().currentMessage()
    QApplication.processEvents()
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_leftover_temporary_files_are_cleared_at_start(new_window, atlas, data_dir, tmp_path):
    elsewhere = tmp_path / "maps"
    elsewhere.mkdir()
    window = new_window()
    window.files._add_recent(elsewhere / "anna.hipmap.json")
    (data_dir / "routines").mkdir(parents=True)
    old = time.time() - 3600
    stale = [data_dir / ".autosave-1.hipmap.json.abcdefgh.tmp", data_dir / "routines" / ".evening.hipmap-routine.json.a1b2c3d4.tmp",
             elsewhere / ".anna.hipmap.json.zz9_zz9z.tmp", elsewhere / "anna.hipmap.json.AbC123"]  # fmt: skip
    fresh = data_dir / ".autosave-2.hipmap.json.qwertyui.tmp"  # another window saving right now
    for path in [*stale, fresh]:
        path.write_text("{")
    for path in stale:
        os.utime(path, (old, old))
    window.files.offer_restore()  # what the start does
    assert not any(p.exists() for p in stale) and fresh.exists()


def test_pain_maps_autosave_and_data_folder_are_private(new_window, atlas, data_dir, tmp_path):
    old = os.umask(0o022)
    try:
        window = new_window()
        click(window, atlas, "lower_buttock")
        window.files.autosave()
        assert mode(data_dir) == 0o700 and mode(window.files.autosave_path()) == 0o600
        saved = tmp_path / "anywhere" / "pain.hipmap.json"
        saved.parent.mkdir()
        assert window.files._save_to(saved)
        assert mode(saved) == 0o600
        assert not [p for p in saved.parent.iterdir() if p != saved]  # and no temporary file beside it
        window.practice.session_store()
        db = data_dir / "sessions.sqlite3"
        assert db.exists() and mode(db) == 0o600
    finally:
        os.umask(old)


def test_the_builder_deletes_the_unreadable_entry_the_user_picked(new_window, atlas, monkeypatch):
    from hipmap.core.routine.library import RoutineLibrary
    from hipmap.core.routine.model import Routine

    window = new_window()
    click(window, atlas, "lateral_thigh", view="lateral_right")
    builder = window.selfcare.open_builder()
    library = builder.library
    assert isinstance(library, RoutineLibrary)
    steps = builder.routine.steps
    damaged = library.save(Routine("Evening", steps))
    damaged.write_bytes(damaged.read_bytes()[:20])
    good = library.save(Routine("Evening", steps))
    builder._refresh_saved()
    labels = [builder.saved_combo.itemText(i) for i in range(builder.saved_combo.count())]
    builder.saved_combo.setCurrentIndex(labels.index("evening (cannot be read)"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    builder.delete_button.click()
    assert good.exists() and not damaged.exists()
    assert [builder.saved_combo.itemText(i) for i in range(builder.saved_combo.count())] == ["Evening"]
    builder.open_saved()
    assert builder.name_edit.text() == "Evening"
    builder.close()


def test_the_settings_file_is_private(new_window, tmp_path):
    settings_file = tmp_path / "settings.ini"
    old = os.umask(0o022)
    try:
        window = new_window()
        window.files._add_recent(tmp_path / "anna-hip.hipmap.json")  # the settings name people's pain maps
        window.settings.setValue("store/person", "Anna")
        window.settings.sync()
    finally:
        os.umask(old)
    assert "anna-hip" in settings_file.read_text() and mode(settings_file) == 0o600


def test_unreadable_recovery_files_are_all_kept_and_stale_locks_cleared(new_window, atlas, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "autosave.hipmap.unreadable").write_text("an earlier one")
    for name in ("autosave-aaaaaaaaaaaa", "autosave-bbbbbbbbbbbb"):
        (data_dir / f"{name}.hipmap.json").write_text("{ cut short")
    (data_dir / "autosave.hipmap.json").write_text("{ cut short too")
    import subprocess
    import sys

    crashed = subprocess.run([sys.executable, "-c", (  # a window that crashed with nothing unsaved leaves only its lock
        "import os, sys; from PySide6.QtCore import QLockFile; lock = QLockFile(sys.argv[1]); "
        "assert lock.tryLock(0); os._exit(0)"), str(data_dir / "autosave-cccccccccccc.lock")])  # fmt: skip
    assert crashed.returncode == 0 and (data_dir / "autosave-cccccccccccc.lock").exists()
    window = new_window()
    window.files.offer_restore()
    kept = sorted(p.name for p in data_dir.glob("*.unreadable"))
    assert len(kept) == 4 and (data_dir / "autosave.hipmap.unreadable").read_text() == "an earlier one"
    assert not list(data_dir.glob("autosave-*.hipmap.json")) and not list(data_dir.glob("*.lock"))
