"""The visit and what it leaves: sessions saved to the history, the history window, the handout, presentation mode."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from ..kit.datadir import data_location
from ..kit.i18n import translate
from ..kit.errors import error_text
from ..kit.settings import read_str
from ..kit.windows import keep_window
from .actions import make_action


def _max_label() -> int:
    """The longest person label the history keeps (imported when first needed: the store is not needed to start)."""
    from ...core.store.session import MAX_LABEL

    return MAX_LABEL


class Practice(QObject):
    """The window's session, handout and presentation commands, the history database they share, and the
    windows they open (kept in history and presentation)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.history = self.presentation = None
        self._store = None
        self._store_tried = False
        A = partial(make_action, window)
        self.act_save_session = A(translate("app", "Save Session to &History..."), self.save_session, "Ctrl+Shift+H", translate("app", "Keep this visit: the pain map, the muscles shown, the routine and pain ratings"))
        self.act_history = A(translate("app", "H&istory..."), self.open_history, "Ctrl+H", translate("app", "Past sessions, a chart of pain over time, and comparisons"))
        self.act_export_handout = A(translate("app", "&Export Handout (PDF)..."), self.export_handout, "Ctrl+E", translate("app", "A printable PDF: your pain, the muscles, what to do and the warning signs"))
        self.act_print_handout = A(translate("app", "&Print Handout..."), self.print_handout, QKeySequence.Print, translate("app", "Print the handout"))
        self.act_present = A(translate("app", "&Presentation Mode"), self.present, "F5", translate("app", "Full screen for showing a patient: one muscle at a time, trigger points then the pain pattern (Esc returns)"))

    # ------------------------------------------------------------------------------------------ sessions

    def session_store(self):
        """The history database, opened on first use; None when it cannot be used this time."""
        if not self._store_tried:
            from ..history.sessions import open_store

            self._store_tried = True
            self._store = open_store(self.window, self.window.settings, data_location())
        return self._store

    def close_store(self):
        if self._store is not None:
            self._store.close()

    def save_session(self):
        window, selfcare = self.window, self.window.selfcare
        store = self.session_store()
        if store is None:
            window.statusBar().showMessage(translate("app", "The session history is not available, so this session cannot be saved."), 6000)
            return None
        from ..history.sessions import SaveSessionDialog

        dialog = SaveSessionDialog(
            store, window.atlas, window.document.painmap, window.document.result, routine=selfcare.last_routine,
            run_log=selfcare.last_run, before_map=selfcare.before_routine, person=read_str(window.settings, "store/person", "", max_len=_max_label()).strip(),
            parent=window,
        )  # fmt: skip
        self.session_dialog = dialog
        accepted = dialog.exec() == QDialog.Accepted
        saved = dialog.saved
        dialog.deleteLater()  # a modal dialog is made afresh each time: without this, every save kept one alive
        if not accepted or saved is None:
            return None
        window.settings.setValue("store/person", saved.person)
        selfcare.last_run = None  # a routine is saved with one session only
        who = translate("app", " for {person}").format(person=saved.person) if saved.person else ""
        window.statusBar().showMessage(translate("app", "Session saved to the history{who}.").format(who=who), 5000)
        if self.history is not None:
            self.history.refresh()
        return saved

    def open_history(self):
        from PySide6.QtCore import Qt

        window = self.window
        store = self.session_store()
        if store is None:
            window.statusBar().showMessage(translate("app", "The session history is not available."), 6000)
            return None
        from ..history.window import HistoryWindow

        if self.history is not None:
            self.history.refresh()
            self.history.raise_()
            self.history.activateWindow()
            return self.history
        history = HistoryWindow(store, window.atlas, window.renderers, person=read_str(window.settings, "store/person", "", max_len=_max_label()).strip() or None, parent=window)
        history.startFrom.connect(self.start_from_session)
        history.show()
        history.raise_()
        history.activateWindow()
        history.table.setFocus(Qt.OtherFocusReason)  # the list, on the newest session: arrows and Enter work at once
        keep_window(self, "history", history)
        return history

    def start_from_session(self, session):
        """A past session's pain map as the start of a new, unsaved one."""
        from PySide6.QtWidgets import QMessageBox

        from ...core.pain.painmap import PainMapError, from_json_dict

        window = self.window
        if not window.files.maybe_save():
            return
        try:
            painmap = from_json_dict(session.painmap, where=translate("app", "session of {created_at}").format(created_at=session.created_at))
        except PainMapError as exc:
            QMessageBox.warning(window, translate("app", "Session cannot be used"), error_text(exc))
            return
        window.document.restore(painmap, translate("app", "Start from a past session"))
        window.files.clear_autosave()
        window.raise_()
        window.activateWindow()
        window.statusBar().showMessage(translate("app", "Started a new pain map from a past session; it is not saved yet."), 6000)

    # ------------------------------------------------------------------------------------------ handout

    def handout_muscles(self) -> list[tuple[str, str]]:
        """The muscles a handout covers: the set that explains the pain, and the selected muscle."""
        result, selected = self.window.document.result, self.window.selected
        chosen = [c.key for c in result.explaining] or [c.key for c in result.candidates[:1]]
        if selected and tuple(selected) not in chosen:
            chosen.append(tuple(selected))
        return chosen

    def _handout(self):
        from PySide6.QtWidgets import QMessageBox

        from ..handout.content import HandoutError, build_handout

        window = self.window
        muscles = self.handout_muscles()
        if not muscles:
            window.statusBar().showMessage(translate("app", "Mark where it hurts, or select a muscle, before making a handout."), 6000)
            return None
        builder = window.selfcare.builder
        routine = builder.current_routine() if builder is not None and builder.routine.steps else None
        try:
            return build_handout(window.atlas, window.document.painmap, muscles, routine=routine, match=window.document.result,
                                 red_flags=window.selfcare.red_flags)  # fmt: skip
        except HandoutError as exc:
            QMessageBox.warning(window, translate("app", "No handout"), str(exc))
            return None

    def export_handout(self, path: Path | None = None):
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        handout = self._handout()
        if handout is None:
            return None
        window = self.window
        if path is None:
            from datetime import date

            from ..kit.folders import last_folder

            start = last_folder(window.settings, "handouts") / f"hipmap-handout-{date.today().isoformat()}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(window, translate("app", "Export handout"), str(start), translate("app", "PDF documents (*.pdf)"))
            if not chosen:
                return None
            path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
            from ..kit.folders import remember_folder

            remember_folder(window.settings, "handouts", path)
        from ..handout.output import write_pdf

        try:
            pages = write_pdf(handout, path)
        except OSError as exc:
            QMessageBox.warning(window, translate("app", "Handout not saved"), translate("app", "The handout could not be written to {path}:\n{exc}").format(path=path, exc=exc))
            return None
        window.statusBar().showMessage((translate("app", "Handout saved: {name} (%n page).", "", pages) if pages == 1 else translate("app", "Handout saved: {name} (%n pages).", "", pages)).format(name=path.name), 6000)
        return path

    def print_handout(self):
        handout = self._handout()
        if handout is None:
            return None
        from ..handout.output import print_with_dialog

        pages = print_with_dialog(handout, self.window)
        if pages:
            self.window.statusBar().showMessage((translate("app", "Handout sent to the printer (%n page).", "", pages) if pages == 1 else translate("app", "Handout sent to the printer (%n pages).", "", pages)), 6000)
        return pages

    # ------------------------------------------------------------------------------------------ presentation

    def present(self):
        """Presentation mode: the ranked muscles (all of them when nothing is marked), full screen, no personal data."""
        from PySide6.QtCore import Qt

        from ..present.window import PresentationWindow, muscles_to_present

        window = self.window
        muscles = muscles_to_present(window.atlas, window.document.result.candidates)
        if window.selected and window.selected not in muscles:  # chosen in the muscle browser: shown too, first
            muscles.insert(0, window.selected)
        renderers = {view_id: body.renderer for view_id, body in window.views.items()}
        shown = PresentationWindow(window.atlas, muscles, window.document.painmap, renderers, parent=window)
        shown.setAttribute(Qt.WA_DeleteOnClose)
        shown.closed.connect(self._presentation_closed)
        if window.selected in muscles:
            shown.go_to(muscles.index(window.selected))
        self.presentation = shown
        shown.show_presentation()
        return shown

    def use_atlas(self, atlas):
        """The history and the presentation, when open, with the words of ATLAS (View > Language)."""
        from ..kit.windows import live

        if live(self.history):
            self.history.atlas = atlas  # the sessions it opens from now on; its lists are made in the language now
            self.history.refresh()
        if live(self.presentation):
            self.presentation.use_atlas(atlas)

    def _presentation_closed(self):
        self.presentation = None
        self.window.raise_()
        self.window.activateWindow()
