"""Sessions in the window: opening the history database (and what to do when it cannot be read), and the dialog
that saves this visit to it."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QSpinBox, QStyle, QVBoxLayout

from ...core.pain.painmap import extent, strongest, to_json_dict
from ...core.store.database import Store
from ...core.store.errors import CorruptDatabase, NewerDatabase, StoreError
from ...core.store.opening import default_path, fresh_path_beside
from ...core.store.session import Session, run_log_to_dict, utc_now
from ..kit.errors import error_text
from ..kit.i18n import side_name, translate
from ..kit.runwords import log_outcome, run_text
from ..kit.settings import read_str

NOT_RATED = -1
TOP_CANDIDATES = 10


def open_store(parent, settings, data_dir: Path) -> Store | None:
    """The sessions database in ``data_dir``. A damaged database, or one from a newer hipmap, is left untouched: the
    user is asked whether to start a fresh one beside it (remembered, so the next start does not ask again)."""
    remembered = read_str(settings, "store/path")
    path = Path(remembered) if remembered and Path(remembered).parent == data_dir else default_path(data_dir)
    try:
        return Store.open(path)
    except (CorruptDatabase, NewerDatabase) as exc:
        answer = QMessageBox.question(
            parent, translate("sessions", "Session history cannot be opened"),
            translate("sessions", "{exc}\n\nStart a fresh, empty history beside it? The old file is kept exactly as it is.").format(exc=error_text(exc)),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes,
        )  # fmt: skip
        if answer != QMessageBox.Yes:
            return None
        fresh = fresh_path_beside(path)
        try:
            store = Store.open(fresh)
        except StoreError as again:
            QMessageBox.warning(parent, translate("sessions", "Session history unavailable"), error_text(again))
            return None
        settings.setValue("store/path", str(fresh))
        return store
    except (StoreError, OSError) as exc:
        QMessageBox.warning(parent, translate("sessions", "Session history unavailable"), translate("sessions", "{exc}\n\nhipmap works without it; sessions cannot be saved this time.").format(exc=error_text(exc)))
        return None


def candidates_shown(result) -> list[dict]:
    return [{"id": c.muscle_id, "name": c.name, "side": c.side, "score": round(c.score, 4)}
            for c in result.candidates[:TOP_CANDIDATES]]  # fmt: skip


class SaveSessionDialog(QDialog):
    """Asks only what the history needs: an optional label for the person, and pain ratings before and after."""

    def __init__(self, store: Store, atlas, painmap, result, routine=None, run_log=None, before_map=None,
                 person: str = "", parent=None):  # fmt: skip
        super().__init__(parent)
        self.store, self.atlas, self.painmap, self.match = store, atlas, painmap, result
        self.routine, self.run_log = routine, run_log
        self.setWindowTitle(translate("sessions", "Save session to history — hipmap"))
        self.setAccessibleName(translate("sessions", "Save session to history"))

        self.person_combo = QComboBox()
        self.person_combo.setEditable(True)
        self.person_combo.setInsertPolicy(QComboBox.NoInsert)
        self.person_combo.addItem("")
        self.person_combo.addItems(store.people())
        self.person_combo.setCurrentText(person)
        self.person_combo.setAccessibleName(translate("sessions", "Person label"))
        self.person_combo.setToolTip(translate("sessions", "A first name or initials to keep several people apart; leave empty if it is just you"))
        self.person_combo.lineEdit().setPlaceholderText(translate("sessions", "optional, e.g. initials"))
        self.before_spin = self._rating_spin(translate("sessions", "Pain before"))
        self.after_spin = self._rating_spin(translate("sessions", "Pain after"))
        # Sensible starting values: the strongest mark before the routine and now; without a routine, "now" is before.
        now = strongest(painmap)
        if run_log is not None and before_map is not None:
            self._set_rating(self.before_spin, strongest(before_map))
            self._set_rating(self.after_spin, now)
        else:
            self._set_rating(self.before_spin, now)
            self._set_rating(self.after_spin, None)

        form = QFormLayout()
        form.addRow(translate("sessions", "&Person:"), self.person_combo)
        form.addRow(translate("sessions", "Pain &before (0-10):"), self.before_spin)
        form.addRow(translate("sessions", "Pain &after (0-10):"), self.after_spin)
        self.summary = QLabel(self._summary_html())
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("sessions", "What will be saved"))
        privacy = QLabel(translate("sessions", "Saved only on this computer, in hipmap's own folder. No name is needed."))
        privacy.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(privacy)
        layout.addWidget(buttons)
        # Wide enough for the placeholder in the person box and about 60 characters a line of the summary, in the
        # dialog's own font (a larger system font makes it wider too); no wider than the screen.
        fm = self.fontMetrics()
        combo_text = fm.horizontalAdvance(self.person_combo.lineEdit().placeholderText()) + 4 * fm.averageCharWidth()
        self.person_combo.setMinimumWidth(combo_text + self.person_combo.style().pixelMetric(QStyle.PM_ScrollBarExtent) * 2)
        width = max(60 * fm.averageCharWidth(), form.sizeHint().width()) + layout.contentsMargins().left() + layout.contentsMargins().right()
        screen = self.screen().availableGeometry().width() if self.screen() else width
        self.setMinimumWidth(min(width, screen - 40))
        self.saved: Session | None = None

    @staticmethod
    def _rating_spin(name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(NOT_RATED, 10)
        spin.setSpecialValueText(translate("sessions", "not rated"))
        spin.setAccessibleName(name)
        spin.setSuffix(" / 10")
        return spin

    @staticmethod
    def _set_rating(spin: QSpinBox, value: int | None) -> None:
        spin.setValue(NOT_RATED if value is None else value)

    @staticmethod
    def rating(spin: QSpinBox) -> int | None:
        return None if spin.value() == NOT_RATED else spin.value()

    def _summary_html(self) -> str:
        from ...core.pain.painmap import made_count

        marks = made_count(self.painmap, self.atlas)  # a region marked by name is one mark
        lines = [(translate("sessions", "Pain map: %n mark, {area:.1f}% of the body drawing", "", marks) if marks == 1 else translate("sessions", "Pain map: %n marks, {area:.1f}% of the body drawing", "", marks)).format(area=extent(self.painmap, self.atlas) * 100)]
        names = [f"{c.name} ({side_name(c.side)})" for c in self.match.candidates[:3]]
        if names:
            lines.append(translate("sessions", "Muscles shown: ") + ", ".join(names) + (translate("sessions", " and more") if len(self.match.candidates) > 3 else ""))
        if self.run_log is not None:
            run = log_outcome(self.run_log)
            lines.append(translate("sessions", "Routine: {routine_name}").format(routine_name=self.run_log.routine_name))
            lines.append(run_text(run)[1])
        return "<ul style='margin-left:-20px'>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"

    def session(self) -> Session:
        return Session(
            id=None, created_at=utc_now(), person=self.person_combo.currentText().strip(),
            painmap=to_json_dict(self.painmap), candidates=candidates_shown(self.match),
            routine=self.routine.to_dict() if self.routine is not None and self.run_log is not None else None,
            run_log=run_log_to_dict(self.run_log) if self.run_log is not None else None,
            pain_before=self.rating(self.before_spin), pain_after=self.rating(self.after_spin),
            pain_extent=round(extent(self.painmap, self.atlas), 6),
        )  # fmt: skip

    def accept(self) -> None:
        try:
            self.saved = self.store.save(self.session())
        except (StoreError, ValueError) as exc:
            QMessageBox.warning(self, translate("sessions", "Session not saved"), error_text(exc))
            return
        super().accept()
