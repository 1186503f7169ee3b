"""The pain map's files: new, open, save, save as, the recent files, the autosave (one recovery file per window)
and the offer to restore what windows that crashed left behind."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QPoint, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from ...core.fileio import remove_stale_temp_files

from ..kit.datadir import data_location
from ..kit.errors import error_text
from ..kit.folders import last_folder, remember_folder
from ..kit.i18n import QT_TRANSLATE_NOOP, translate
from ..kit.settings import read_str_list
from .actions import make_action

FILE_FILTER = QT_TRANSLATE_NOOP("app", "hipmap pain maps (*.hipmap.json);;All files (*)")
AUTOSAVE_MS = 5000  # a crash loses at most this much marking
MAX_RECENT = 8
AUTOSAVE_PREFIX, AUTOSAVE_SUFFIX, LOCK_SUFFIX = "autosave-", ".hipmap.json", ".lock"


class Files(QObject):
    """The window's document on disk, with the File commands; the window owns it and places its actions."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.recent_menu = None  # made with the File menu: add_recent_menu()
        self._autosaved_index = 0
        A = partial(make_action, window)
        self.act_new = A(translate("app", "&New"), self.new_map, QKeySequence.New, translate("app", "Start a new, empty pain map"), icon="document-new")
        self.act_open = A(translate("app", "&Open..."), self.open_dialog, QKeySequence.Open, translate("app", "Open a saved pain map"), icon="document-open")
        self.act_save = A(translate("app", "&Save"), self.save, QKeySequence.Save, translate("app", "Save the pain map"), icon="document-save")
        self.act_save_as = A(translate("app", "Save &As..."), self.save_as, "Ctrl+Shift+S", translate("app", "Save the pain map under a new name"))
        self._autosave_id = os.urandom(6).hex()  # 12 random hex digits (uuid would take 5-8 ms to import)
        self._lock = None
        self.autosave_error = ""  # why the last autosave failed; empty while it works
        self.autosave_notice = None
        self.autosave_label = QLabel()
        self.autosave_label.setAccessibleName(translate("app", "Autosave problem"))
        self.autosave_label.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.autosave_label.hide()
        window.statusBar().addPermanentWidget(self.autosave_label)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current map (saved, discarded, or nothing to lose)."""
        from PySide6.QtWidgets import QMessageBox

        document = self.window.document
        if document is None or not document.is_modified():
            return True
        answer = QMessageBox.question(
            self.window, translate("app", "Unsaved marks"), translate("app", "Save your marks before closing this pain map?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save,
        )  # fmt: skip
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def new_map(self):
        if self.maybe_save():
            self.window.document.new()
            self.clear_autosave()

    def open_dialog(self):
        from PySide6.QtWidgets import QFileDialog

        if not self.maybe_save():
            return
        start = str(last_folder(self.window.settings, "pain_maps"))
        path, _ = QFileDialog.getOpenFileName(self.window, translate("app", "Open pain map"), start, translate("app", FILE_FILTER))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from ...core.pain.painmap import PainMapError

        try:
            self.window.document.open(path)
        except PainMapError as exc:
            QMessageBox.critical(self.window, translate("app", "Cannot open this pain map"), translate("app", "hipmap could not read the file.\n\n{exc}").format(exc=error_text(exc)))
            return False
        self._now_the_file(path, translate("app", "Opened {name}").format(name=path.name))
        return True

    def save(self) -> bool:
        if self.window.document.path is None:
            return self.save_as()
        return self._save_to(self.window.document.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        path = self.window.document.path
        start = str(last_folder(self.window.settings, "pain_maps") / (path.name if path else "pain.hipmap.json"))
        path, _ = QFileDialog.getSaveFileName(self.window, translate("app", "Save pain map"), start, translate("app", FILE_FILTER))
        if not path:
            return False
        if not path.endswith(".hipmap.json"):
            path += ".hipmap.json"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from .document import SaveError

        try:
            self.window.document.save(path)
        except SaveError as exc:
            QMessageBox.critical(self.window, translate("app", "Cannot save"), str(exc))
            return False
        self._now_the_file(path, translate("app", "Saved {name}").format(name=path.name))
        return True

    def _now_the_file(self, path: Path, message: str) -> None:
        """After a map is opened from or saved to PATH: it is recent, its folder is where the next dialog starts,
        the recovery file is no longer needed, and the status bar says so."""
        self._add_recent(path)
        remember_folder(self.window.settings, "pain_maps", path)
        self.clear_autosave()
        self.window.statusBar().showMessage(message, 4000)

    # ------------------------------------------------------------------------------------------ recent files

    def add_recent_menu(self, file_menu):
        """Open Recent, inside the File menu; filled again each time a map is opened or saved."""
        self.recent_menu = file_menu.addMenu(translate("app", "Open &Recent"))
        self.recent_menu.setToolTipsVisible(True)
        self._update_recent_menu()

    def _recent(self) -> list[str]:
        return read_str_list(self.window.settings, "files/recent", MAX_RECENT)

    def _add_recent(self, path: Path):
        recent = [str(path)] + [p for p in self._recent() if p != str(path)]
        self.window.settings.setValue("files/recent", recent[:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self):
        self.recent_menu.clear()
        recent = self._recent()
        for i, path in enumerate(recent):
            act = self.recent_menu.addAction(f"&{i + 1} {Path(path).name}")
            act.setToolTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.maybe_save() and self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    # ------------------------------------------------------------------------------------------ autosave
    # Each window keeps its own recovery file, autosave-<id>.hipmap.json in the data folder, and holds a lock
    # beside it (autosave-<id>.lock) while it runs. At start, the files whose lock nobody holds any more were left
    # by windows that crashed or were killed: those, and only those, are offered back.

    def autosave_path(self) -> Path:
        return data_location() / f"{AUTOSAVE_PREFIX}{self._autosave_id}{AUTOSAVE_SUFFIX}"

    def _hold_lock(self):
        """Claim this window's recovery file before it is first written, so that no other window offers it."""
        if self._lock is None:
            lock = _lock_for(self.autosave_path())
            if lock.tryLock(0):
                self._lock = lock

    def release(self):
        """The window is closing normally: its recovery file is gone, and so is its lock."""
        self.clear_autosave()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def autosave(self):
        """Keep unsaved marks on disk every few seconds; removed again once they are saved or discarded.
        A failed write (a full disk) is reported once, and tried again on the next tick."""
        document = self.window.document
        index = document.undo_stack.index()
        if not document.is_modified():
            return
        if index == self._autosaved_index and self.autosave_path().exists():
            return
        from ...core.pain.painmap import dumps
        from .document import SaveError, write_atomically

        try:
            self._hold_lock()
            write_atomically(self.autosave_path(), dumps(document.painmap))
        except (SaveError, OSError) as exc:
            self._autosave_failed(str(exc))
            return
        self._autosaved_index = index
        if self.autosave_error:
            self._autosave_works()

    def _autosave_failed(self, reason: str):
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        if self.autosave_error:
            return  # said once; the timer keeps trying
        self.autosave_error = reason
        text = translate("app", "Autosave is not working: {reason}. hipmap keeps trying every few seconds; save your marks (File > Save As) to another place to be safe.").format(reason=reason)
        self.autosave_label.setText(translate("app", "Autosave is not working"))
        self.autosave_label.setToolTip(text)
        self.autosave_label.show()
        self.window.statusBar().showMessage(text, 15000)
        self.autosave_notice = QMessageBox(QMessageBox.Warning, translate("app", "Autosave is not working"), text, QMessageBox.Ok, self.window)
        self.autosave_notice.setWindowModality(Qt.NonModal)
        self.autosave_notice.setAttribute(Qt.WA_DeleteOnClose)
        self.autosave_notice.destroyed.connect(lambda *_: setattr(self, "autosave_notice", None))
        self.autosave_notice.show()

    def _autosave_works(self):
        self.autosave_error = ""
        self.autosave_label.hide()
        if self.autosave_notice is not None:
            self.autosave_notice.close()
        self.window.statusBar().showMessage(translate("app", "Autosave works again: your unsaved marks are kept safe."), 8000)

    def clear_autosave(self):
        try:
            self.autosave_path().unlink(missing_ok=True)
        except OSError:
            pass  # the next start offers it back: better than losing marks
        self._autosaved_index = self.window.document.undo_stack.index() if self.window.document is not None else 0

    def clean_leftovers(self):
        """Temporary files a killed save left behind, in the data folder, the routines folder and the folders of
        the recent pain maps; only ours by name, and only old ones (another window may be saving right now)."""
        folders = {data_location(), data_location() / "routines", *(Path(p).parent for p in self._recent())}
        for folder in folders:
            remove_stale_temp_files(folder)
        # The lock of a window that crashed with nothing unsaved: no recovery file to offer, so only the lock is left.
        mine = _lock_for(self.autosave_path()).fileName()
        for path in data_location().glob(f"{AUTOSAVE_PREFIX}*{LOCK_SUFFIX}"):
            recovery = path.with_name(path.name[: -len(LOCK_SUFFIX)] + AUTOSAVE_SUFFIX)
            if str(path) != mine and not recovery.exists():
                lock = _lock_for(recovery)
                if lock.tryLock(0):  # its window is gone: taking the stale lock and letting go removes the file
                    lock.unlock()

    def _orphaned_autosaves(self) -> list[tuple[Path, object]]:
        """Recovery files no running window holds, newest first, each with its lock (now held by this window)."""
        found = []
        mine = self.autosave_path()
        for path in data_location().glob(f"{AUTOSAVE_PREFIX}*{AUTOSAVE_SUFFIX}"):
            if path == mine or not path.is_file():
                continue
            lock = _lock_for(path)
            if lock.tryLock(0):
                found.append((path, lock))
        legacy = data_location() / f"autosave{AUTOSAVE_SUFFIX}"  # one file for every window, before each had its own
        if legacy.is_file():
            found.append((legacy, None))

        def modified(item):
            try:
                return item[0].stat().st_mtime
            except OSError:
                return 0.0

        return sorted(found, key=modified, reverse=True)

    def offer_restore(self):
        """After a crash or kill, the recovery files of windows that are no longer running are still there: offer
        their marks back, one after another. The first restored opens in this window, any further one in a new
        window, so no marks are lost. Leftover temporary files are cleared first."""
        from PySide6.QtWidgets import QMessageBox

        from ...core.pain.painmap import PainMapError, load

        self.clean_leftovers()
        target = self.window
        for path, lock in self._orphaned_autosaves():
            try:
                try:
                    painmap = load(path)
                except PainMapError:
                    path.rename(_free_name(path.with_name(path.name[: -len(AUTOSAVE_SUFFIX)] + ".unreadable")))
                    continue
                if painmap.is_empty():
                    path.unlink(missing_ok=True)
                    continue
                from ...core.pain.painmap import made_count

                count = made_count(painmap, self.window.atlas)  # a region marked by name is one mark
                if target is self.window:
                    question = (translate("app", "hipmap did not close normally last time. Restore the unsaved mark?") if count == 1 else translate("app", "hipmap did not close normally last time. Restore the %n unsaved marks?", "", count))
                else:
                    question = (translate("app", "Another hipmap window did not close normally either. Restore its unsaved mark in a new window?") if count == 1 else translate("app", "Another hipmap window did not close normally either. Restore its %n unsaved marks in a new window?", "", count))
                answer = QMessageBox.question(self.window, translate("app", "Restore unsaved marks?"), question, QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
                if answer == QMessageBox.Yes:
                    if target is None:
                        target = self._new_window()
                    restored, target = target, None  # a further one opens in a new window
                    restored.document.restore(painmap)
                    restored.files.autosave()  # the marks are in that window's own recovery file before the old goes
                    if restored.files.autosave_error:
                        continue
                path.unlink(missing_ok=True)
            except OSError:
                continue
            finally:
                if lock is not None:
                    lock.unlock()

    def _new_window(self):
        """Another main window like this one, for marks restored from another window's recovery file."""
        from PySide6.QtCore import Qt

        window = type(self.window)(self.window.atlas, self.window.document.matcher, settings=self.window.settings)
        window.setAttribute(Qt.WA_DeleteOnClose)
        _EXTRA_WINDOWS.add(window)
        window.destroyed.connect(lambda *_: _EXTRA_WINDOWS.discard(window))
        window.move(self.window.pos() + QPoint(40, 40))
        window.show()
        return window


_EXTRA_WINDOWS: set = set()  # windows opened for restored marks: kept alive until closed


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_name(path.name[: -len(AUTOSAVE_SUFFIX)] + LOCK_SUFFIX)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a window stays open
    return lock


def _free_name(path: Path) -> Path:
    """path, or path with a number added, whichever does not exist yet (an older unreadable file is kept)."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
