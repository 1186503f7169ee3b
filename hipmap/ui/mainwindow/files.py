"""The pain map's files: new, open, save, save as, the recent files, the autosave and the offer to restore it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..kit.datadir import data_location
from ..kit.i18n import QT_TRANSLATE_NOOP, translate
from ..kit.settings import read_str_list
from .actions import make_action

FILE_FILTER = QT_TRANSLATE_NOOP("app", "hipmap pain maps (*.hipmap.json);;All files (*)")
AUTOSAVE_MS = 5000  # a crash loses at most this much marking
MAX_RECENT = 8


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
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current map (saved, discarded, or nothing to lose)."""
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
        if not self.maybe_save():
            return
        document = self.window.document
        start = str(document.path.parent) if document.path else QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self.window, translate("app", "Open pain map"), start, translate("app", FILE_FILTER))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        from ...core.pain.painmap import PainMapError

        try:
            self.window.document.open(path)
        except PainMapError as exc:
            QMessageBox.critical(self.window, translate("app", "Cannot open this pain map"), translate("app", "hipmap could not read the file.\n\n{exc}").format(exc=exc))
            return False
        self._add_recent(path)
        self.clear_autosave()
        self.window.statusBar().showMessage(translate("app", "Opened {name}").format(name=path.name), 4000)
        return True

    def save(self) -> bool:
        if self.window.document.path is None:
            return self.save_as()
        return self._save_to(self.window.document.path)

    def save_as(self) -> bool:
        start = str(self.window.document.path or Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)) / "pain.hipmap.json")
        path, _ = QFileDialog.getSaveFileName(self.window, translate("app", "Save pain map"), start, translate("app", FILE_FILTER))
        if not path:
            return False
        if not path.endswith(".hipmap.json"):
            path += ".hipmap.json"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        from .document import SaveError

        try:
            self.window.document.save(path)
        except SaveError as exc:
            QMessageBox.critical(self.window, translate("app", "Cannot save"), str(exc))
            return False
        self._add_recent(path)
        self.clear_autosave()
        self.window.statusBar().showMessage(translate("app", "Saved {name}").format(name=path.name), 4000)
        return True

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

    @staticmethod
    def autosave_path() -> Path:
        return data_location() / "autosave.hipmap.json"

    def autosave(self):
        """Keep unsaved marks on disk every few seconds; removed again once they are saved or discarded."""
        document = self.window.document
        index = document.undo_stack.index()
        if not document.is_modified():
            return
        if index == self._autosaved_index and self.autosave_path().exists():
            return
        from ...core.pain.painmap import dumps
        from .document import write_atomically

        write_atomically(self.autosave_path(), dumps(document.painmap))
        self._autosaved_index = index

    def clear_autosave(self):
        self.autosave_path().unlink(missing_ok=True)
        self._autosaved_index = self.window.document.undo_stack.index()

    def offer_restore(self):
        """After a crash or kill, the autosave file is still there: offer its marks back."""
        path = self.autosave_path()
        if not path.exists():
            return
        from ...core.pain.painmap import PainMapError, load

        try:
            painmap = load(path)
        except PainMapError:
            path.rename(path.with_suffix(".unreadable"))
            return
        if painmap.is_empty():
            path.unlink(missing_ok=True)
            return
        count = len(painmap.marks)
        answer = QMessageBox.question(
            self.window, translate("app", "Restore unsaved marks?"),
            (translate("app", "hipmap did not close normally last time. Restore the %n unsaved mark?", "", count) if count == 1 else translate("app", "hipmap did not close normally last time. Restore the %n unsaved marks?", "", count)),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes,
        )  # fmt: skip
        if answer == QMessageBox.Yes:
            self.window.document.restore(painmap)
        else:
            path.unlink(missing_ok=True)
