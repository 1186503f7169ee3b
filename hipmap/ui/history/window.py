"""The history of saved sessions: a chart of pain over time, the list of sessions, and what can be done with them
(look at one read-only, start a new map from it, compare two side by side, delete one).

``HistoryWindow`` reads the store and opens ``SessionViewer`` (read-only) and ``BeforeAfterDialog`` (two sessions)
itself; the app only hears about a session to start a new map from (``startFrom``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.store.errors import StoreError
from ...core.store.session import Session
from ..kit import style
from ..kit.errors import error_text
from ..kit.i18n import QT_TRANSLATE_NOOP, set_command_tip, translate
from ..kit.flow import FlowLayout, flow_policy
from ..kit.windows import fit_to_screen, keep_window
from .actions import action_button
from .chart import PainChart
from .chartdata import chart_points
from .formats import NO_LABEL, format_range, format_when, local_time, person_text, when_text
from .sessionlist import MeasuringDelegate, SessionTableModel
from .sessionviewer import SessionViewer

EVERYONE = QT_TRANSLATE_NOOP("history", "Everyone")


FIT_ROWS = 200  # rows measured beyond those on screen when the columns are sized

class HistoryWindow(QWidget):
    """Past sessions, per person: the pain chart, the list, and what to do with a session.

    Opens ``SessionViewer`` and the two-session comparison itself. ``openReadOnly`` is emitted after a viewer
    is shown (for information: the app need not open anything); ``startFrom`` asks the app to start a new,
    unsaved map from a session's marks; ``sessionDeleted`` says a session is gone from the store.
    """

    openReadOnly = Signal(object)  # store Session, already shown in a SessionViewer
    startFrom = Signal(object)  # store Session
    sessionDeleted = Signal(int)  # session id

    def __init__(self, store, atlas, renderers, person: str | None = None, parent=None):
        super().__init__(parent, Qt.Window)
        self.store, self.atlas, self.renderers = store, atlas, renderers
        self.viewer: SessionViewer | None = None
        self.compare_dialog = None
        self.setWindowTitle(translate("history", "History — hipmap"))
        self.setAccessibleName(translate("history", "History of sessions"))

        # Top: whose sessions, and a sentence about them.
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName(translate("history", "Person"))
        self.person_combo.setToolTip(translate("history", "Show the sessions of one person, of sessions with no label, or of everyone"))
        self.person_combo.setMinimumContentsLength(14)
        self.person_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        person_label = QLabel(translate("history", "&Person:"))
        person_label.setBuddy(self.person_combo)
        self.summary_label = QLabel()
        self.summary_label.setFont(style.scaled_font(self.font(), 1.1, bold=True))
        self.summary_label.setAccessibleName(translate("history", "Summary"))
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(person_label)
        top.addWidget(self.person_combo)
        top.addSpacing(16)
        top.addWidget(self.summary_label, 1)
        self.mixed_label = QLabel()
        self.mixed_label.setWordWrap(True)
        self.mixed_label.hide()

        # Middle: the chart. Below: the list.
        self.chart = PainChart()
        self.chart.sessionClicked.connect(self._on_chart_clicked)
        self.model = SessionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("history", "Sessions, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self._measuring = MeasuringDelegate(self.model, self.table)
        self.table.setItemDelegate(self._measuring)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.table.verticalHeader().hide()
        fm = QFontMetrics(self.table.font())
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(round(fm.height() * 1.9))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        header.setMinimumSectionSize(40)
        # Each column as wide as its words in this language and text size ("Dolor después" and the top muscles
        # were cut by fixed widths made for English); a history wider than the window scrolls sideways. Sized once
        # per load, language and font from the rows on screen and the next FIT_ROWS (ResizeToContents measured all
        # 1,000 rows of a long history on every layout: 2 s to open). A longer text further down is elided, and its
        # tooltip has it whole.
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self._natural_widths: dict[int, int] = {}  # column -> width its words need (fit_columns)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(lambda _index: self.open_read_only())

        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 270])  # the chart first; about nine rows of the list below it
        self.splitter = splitter

        # Actions, each with a shortcut and a tooltip, and a button row that mirrors them.
        self.act_open = self._action(translate("history", "&Open Read-Only"), [QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)],
                                     translate("history", "Look at the selected session: its marks, the muscles shown and the routine"),
                                     self.open_read_only)  # fmt: skip
        self.act_start = self._action(translate("history", "&Start New Map From This"), [QKeySequence("Ctrl+N")],
                                      translate("history", "Start a new, unsaved pain map with the selected session's marks"), self.start_new)  # fmt: skip
        self.act_compare = self._action(translate("history", "&Compare Two"), [QKeySequence("Ctrl+D")],
                                        translate("history", "Show the two selected sessions side by side (select two with Ctrl+click)"),
                                        self.compare_two)  # fmt: skip
        self.act_delete = self._action(translate("history", "&Delete Session"), [QKeySequence(QKeySequence.Delete)],
                                       translate("history", "Delete the selected session from this computer, after asking"), self.delete_selected)  # fmt: skip
        self.act_close = self._action(translate("history", "Close"), [QKeySequence(Qt.Key_Escape)], translate("history", "Close the history"), self.close)
        self.act_close.setEnabled(True)
        # The commands wrap onto a second row rather than make the window wider than a 1280 px screen (Spanish
        # at 2x text); Close stays at the right, at the top of the row.
        commands = QWidget()
        commands.setSizePolicy(flow_policy())
        flow = FlowLayout(commands, spacing=6, row_spacing=6)
        self.buttons = {}
        for action in (self.act_open, self.act_start, self.act_compare, self.act_delete):
            self.buttons[action] = action_button(action)
            flow.addWidget(self.buttons[action])
        buttons = QHBoxLayout()
        buttons.addWidget(commands, 1)
        self.buttons[self.act_close] = action_button(self.act_close)
        buttons.addWidget(self.buttons[self.act_close], 0, Qt.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.mixed_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._apply_palette()

        self._fill_people(person)
        self.person_combo.currentIndexChanged.connect(lambda _i: self._load(()))
        self._load(())
        self.setTabOrder(self.person_combo, self.chart)
        self.setTabOrder(self.chart, self.table)
        self.table.setFocus()
        fit_to_screen(self, 1200, 800)

    # ---- building

    def _action(self, text: str, shortcuts, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.WindowShortcut)
        set_command_tip(action, tip)  # made again on a change of language
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(False)
        self.addAction(action)
        return action

    def _apply_palette(self) -> None:
        style.set_text_color(self.mixed_label, style.secondary_text(self.palette(), on_window=True))

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and hasattr(self, "mixed_label"):
            self._apply_palette()
        elif event.type() == event.Type.FontChange and hasattr(self, "table"):
            self.fit_columns()

    def fit_columns(self) -> None:
        """Every column as wide as its header and the texts of the rows measured (see FIT_ROWS), with a little
        room between columns; the last one takes the width left over, so the header runs across the list."""
        table = self.table
        self._measuring.measuring(True)
        try:
            table.resizeColumnsToContents()
        finally:
            self._measuring.measuring(False)
        header = table.horizontalHeader()
        room = round(table.fontMetrics().horizontalAdvance("M") * 1.2)
        self._natural_widths = {}
        for column in range(self.model.columnCount()):
            if not table.isColumnHidden(column):
                self._natural_widths[column] = header.sectionSize(column) + room
                header.resizeSection(column, self._natural_widths[column])
        self._fill_width()

    def _fill_width(self) -> None:
        widths = self._natural_widths
        if not widths:
            return
        last = max(widths)
        others = sum(width for column, width in widths.items() if column != last)
        self.table.horizontalHeader().resizeSection(last, max(widths[last], self.table.viewport().width() - others))

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fill_width()  # the widths measured stay; only the last column follows the window
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        """After a change of language: the headers and cells say the same in other words, of other widths."""
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, self.model.columnCount() - 1)
        self.table.viewport().update()
        self.fit_columns()

    def _fill_people(self, person: str | None) -> None:
        combo = self.person_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(translate("history", EVERYONE), None)
            combo.addItem(translate("history", NO_LABEL), "")
            try:
                people = self.store.people()
            except StoreError:
                people = []
            for label in people:
                combo.addItem(label, label)
            index = 0
            if person is not None:
                wanted = person.strip().casefold()
                index = next((i for i in range(1, combo.count()) if (combo.itemData(i) or "").casefold() == wanted), -1)
                if index < 0:  # someone with no sessions yet
                    combo.addItem(person.strip(), person.strip())
                    index = combo.count() - 1
            combo.setCurrentIndex(index)
        finally:
            combo.blockSignals(False)

    # ---- reading the store

    def current_person(self) -> str | None:
        return self.person_combo.currentData()

    def set_person(self, person: str | None) -> None:
        """Show one person's sessions ("" for sessions with no label, None for everyone)."""
        self._fill_people(person)
        self._load(())

    def refresh(self) -> None:
        """Read the store again (after a session was saved elsewhere); keeps the person and the selection."""
        selected = self.selected_ids()
        self._fill_people(self.current_person())
        self._load(selected)

    def _load(self, select_ids) -> None:
        person = self.current_person()
        problem = ""
        try:
            summaries = self.store.summaries(person)
        except (StoreError, ValueError) as exc:
            summaries, problem = [], error_text(exc)
        self.model.set_summaries(summaries)
        self.chart.set_points(chart_points(summaries))
        self.table.setColumnHidden(1, person is not None)  # one person: the column would repeat the name
        self.fit_columns()
        if problem:
            self.chart.set_empty_text(translate("history", "The sessions could not be read"), problem)
        elif person is None:
            self.chart.set_empty_text(translate("history", "No sessions yet"), translate("history", "Each saved session appears here: the pain before and after, and how much of the body drawing was marked."))  # fmt: skip
        else:
            who = person or translate("history", "sessions with no label")
            self.chart.set_empty_text(translate("history", "No sessions for {who} yet").format(who=who) if person else translate("history", "No sessions without a label"),
                                      translate("history", "Choose another person above, or save a session to start the history."))  # fmt: skip
        self.summary_label.setText(self.summary_text(summaries))
        self.chart.setAccessibleDescription(self.summary_label.text())
        people = {s.person for s in summaries}
        if person is None and len(people) > 1:
            self.mixed_label.setText(
                translate("history", "The sessions of {count} people are shown together. Choose a person to follow one person’s pain over time.").format(count=len(people))
            )
            self.mixed_label.show()
        else:
            self.mixed_label.hide()
        rows = [r for r in (self.model.row_of(i) for i in select_ids) if r is not None]
        if not rows and summaries:
            rows = [0]  # the newest
        self.select_rows(rows)
        self._update_actions()

    @staticmethod
    def summary_text(summaries) -> str:
        damaged = sum(1 for s in summaries if s.damaged)
        summaries = [s for s in summaries if not s.damaged]
        if damaged:
            text = HistoryWindow.summary_text(summaries) if summaries else ""
            note = translate("history", "%n damaged session", "", damaged) if damaged == 1 else translate("history", "%n damaged sessions", "", damaged)
            return f"{text}; {note}" if text else note
        if not summaries:
            return translate("history", "No sessions")
        n = len(summaries)
        first, last = local_time(summaries[-1].created_at), local_time(summaries[0].created_at)
        text = (translate("history", "{count} session {range}") if n == 1 else translate("history", "{count} sessions {range}")).format(count=f'{n:,}', range=format_range(first, last))
        rated = [s.pain_before for s in reversed(summaries) if s.pain_before is not None]
        if not rated:
            rated = [s.pain_after for s in reversed(summaries) if s.pain_after is not None]
        if len(rated) >= 2:
            text += translate("history", "; pain {value} → {value2}").format(value=rated[0], value2=rated[-1])
        elif rated:
            text += translate("history", "; pain {value}").format(value=rated[0])
        return text

    # ---- selection

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[int]:
        return [self.model.summary(r).id for r in self.selected_rows()]

    def select_rows(self, rows, add: bool = False) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        model = self.table.selectionModel()
        flags = QItemSelectionModel.Rows | (QItemSelectionModel.Select if add else QItemSelectionModel.ClearAndSelect)
        model.select(selection, flags)
        if rows:
            model.setCurrentIndex(self.model.index(rows[-1], 0), QItemSelectionModel.NoUpdate)
            self.table.scrollTo(self.model.index(rows[-1], 0))

    def select_session(self, session_id: int, add: bool = False) -> bool:
        row = self.model.row_of(session_id)
        if row is None:
            return False
        if add and row in self.selected_rows():
            index = self.model.index(row, 0)
            self.table.selectionModel().select(index, QItemSelectionModel.Deselect | QItemSelectionModel.Rows)
        else:
            self.select_rows([row], add=add)
        return True

    def _on_chart_clicked(self, session_id: int, add: bool) -> None:
        self.select_session(session_id, add)

    def _on_selection_changed(self, *_args) -> None:
        self.chart.set_highlighted(self.selected_ids())
        self._update_actions()

    def _update_actions(self) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.act_open.setEnabled(n == 1)
        self.act_start.setEnabled(n == 1)
        self.act_compare.setEnabled(n == 2)
        self.act_delete.setEnabled(n >= 1)
        self.act_delete.setText(translate("history", "&Delete Sessions") if n > 1 else translate("history", "&Delete Session"))

    def _selected_session(self) -> Session | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        return self._get(ids[0])

    def _get(self, session_id: int) -> Session | None:
        try:
            return self.store.get(session_id)
        except KeyError:
            QMessageBox.warning(self, translate("history", "Session not found"), translate("history", "That session is no longer in the database."))
            self.refresh()
        except StoreError as exc:
            QMessageBox.warning(self, translate("history", "Cannot read the session"), error_text(exc))
        return None

    # ---- what to do with sessions

    def view_session(self, session: Session) -> SessionViewer:
        """Show a session read-only in its own window (the one the app may also call)."""
        viewer = SessionViewer(self.atlas, session, self.renderers, parent=self)
        viewer.startFrom.connect(self.startFrom)
        viewer.show()
        keep_window(self, "viewer", viewer)
        return viewer

    def open_read_only(self) -> SessionViewer | None:
        session = self._selected_session()
        if session is None:
            return None
        viewer = self.view_session(session)
        self.openReadOnly.emit(session)
        return viewer

    def start_new(self) -> None:
        session = self._selected_session()
        if session is not None:
            self.startFrom.emit(session)

    def compare_two(self):
        from ...core.pain.painmap import PainMapError, from_json_dict
        from .compare import BeforeAfterDialog

        ids = self.selected_ids()
        if len(ids) != 2:
            return None
        sessions = [self._get(i) for i in ids]
        if None in sessions:
            return None
        older, newer = sorted(sessions, key=lambda s: (s.created_at, s.id))
        try:
            maps = [from_json_dict(s.painmap, translate("history", "the session of {format_when}").format(format_when=format_when(local_time(s.created_at)))) for s in (older, newer)]
        except PainMapError as exc:
            QMessageBox.warning(self, translate("history", "Cannot compare these sessions"), error_text(exc))
            return None
        titles = [format_when(local_time(s.created_at)) for s in (older, newer)]
        if older.person.casefold() != newer.person.casefold():
            titles = [f"{t} ({person_text(s.person)})" for t, s in zip(titles, (older, newer))]
        dialog = BeforeAfterDialog(self.atlas, maps[0], maps[1], self.renderers, titles=tuple(titles),
                                   heading=translate("history", "Two sessions compared"), parent=self)  # fmt: skip
        dialog.show()
        keep_window(self, "compare_dialog", dialog)
        return dialog

    def delete_selected(self) -> bool:
        rows = self.selected_rows()
        if not rows:
            return False
        summaries = [self.model.summary(r) for r in rows]
        if len(summaries) == 1:
            s = summaries[0]
            who = f" ({s.person})" if s.person else ""
            question = translate("history", "Delete the session of {format_when}{who}?").format(format_when=when_text(s.created_at), who=who)
        else:
            question = translate("history", "Delete these {count} sessions?").format(count=len(summaries))
        answer = QMessageBox.question(self, translate("history", "Delete session"), translate("history", "{question}\n\nThis cannot be undone.").format(question=question),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)  # fmt: skip
        if answer != QMessageBox.Yes:
            return False
        next_row = min(rows[0], self.model.rowCount() - len(rows) - 1)
        deleted = []
        try:
            for s in summaries:
                try:
                    self.store.delete(s.id)
                except KeyError:
                    pass  # already gone
                deleted.append(s.id)
        except StoreError as exc:
            QMessageBox.warning(self, translate("history", "Cannot delete"), error_text(exc))
        for session_id in deleted:
            self.sessionDeleted.emit(session_id)
        self._fill_people(self.current_person())
        self._load(())
        if next_row >= 0 and self.model.rowCount():
            self.select_rows([min(next_row, self.model.rowCount() - 1)])
        return bool(deleted)

