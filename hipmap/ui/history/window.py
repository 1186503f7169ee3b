"""The history of saved sessions: a chart of pain over time, the list of sessions, and what can be done with them
(look at one read-only, start a new map from it, compare two side by side, delete one).

``HistoryWindow`` reads the store and opens ``SessionViewer`` (read-only) and ``BeforeAfterDialog`` (two sessions)
itself; the app only hears about a session to start a new map from (``startFrom``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.store.database import SKIPPED_STATUSES, Session, SessionSummary, StoreError
from ..kit import style
from ..diagram.bodyview import BodyView
from .chart import PainChart
from .chartdata import chart_points
from .compare import VIEW_TITLES, read_only_body
from ..kit.windows import fit_to_screen, keep_window
from ..kit.i18n import QT_TRANSLATE_NOOP, side_name, step_title, translate
from .formats import format_area, format_range, format_rating, format_when, local_time

EVERYONE = QT_TRANSLATE_NOOP("history", "Everyone")
NO_LABEL = QT_TRANSLATE_NOOP("history", "No label")
READ_ONLY_NOTE = (
    QT_TRANSLATE_NOOP("history", "Read-only: this is a saved session, shown as it was. Nothing here can be changed; “Start a New Map From This” copies its marks into a new, unsaved map.")
)
STATUS_WORDS = {  # symbol and words: never colour alone
    "done": ("\u2713", QT_TRANSLATE_NOOP("history", "Done")),
    "skipped": ("\u21b7", QT_TRANSLATE_NOOP("history", "Skipped")),
    "hurt": ("\u2715", QT_TRANSLATE_NOOP("history", "Stopped: it hurt")),
    "unfinished": ("\u2026", QT_TRANSLATE_NOOP("history", "Not reached")),
}
SessionIdRole = Qt.UserRole + 1


def _shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.NativeText)


def person_text(person: str) -> str:
    return person or translate("history", NO_LABEL)


def routine_text(summary: SessionSummary) -> tuple[str, str]:
    """What the Routine column shows, and the same in words for a screen reader or tooltip."""
    if not summary.has_routine:
        return "\u2014", translate("history", "No routine")
    n = summary.skipped_steps
    if not n:
        return translate("history", "done"), translate("history", "Routine done")
    return translate("history", "done, {n} skipped").format(n=n), (translate("history", "Routine done; %n step skipped or stopped because it hurt", "", n) if n == 1 else translate("history", "Routine done; %n steps skipped or stopped because it hurt", "", n))


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    minutes, secs = divmod(seconds, 60)
    if not minutes:
        return f"{secs} s"
    return translate("history", "{minutes} min {secs} s").format(minutes=minutes, secs=secs) if secs else translate("history", "{minutes} min").format(minutes=minutes)


# ------------------------------------------------------------------------------------------------ the list


class SessionTableModel(QAbstractTableModel):
    """SessionSummary rows, newest first; text is made only for the rows on screen."""

    HEADERS = (QT_TRANSLATE_NOOP("history", "Date"), QT_TRANSLATE_NOOP("history", "Person"), QT_TRANSLATE_NOOP("history", "Pain before"), QT_TRANSLATE_NOOP("history", "Pain after"), QT_TRANSLATE_NOOP("history", "Area"), QT_TRANSLATE_NOOP("history", "Top muscles"), QT_TRANSLATE_NOOP("history", "Routine"))
    TIPS = (
        QT_TRANSLATE_NOOP("history", "When the session was saved (local time)"),
        QT_TRANSLATE_NOOP("history", "Whose session it is"),
        QT_TRANSLATE_NOOP("history", "Pain before, 0 to 10"),
        QT_TRANSLATE_NOOP("history", "Pain after, 0 to 10"),
        QT_TRANSLATE_NOOP("history", "Share of the body drawing that was marked"),
        QT_TRANSLATE_NOOP("history", "The best-matching muscles that were shown, best first"),
        QT_TRANSLATE_NOOP("history", "Whether a routine was done, and how many steps were skipped"),
    )
    CENTRED = (2, 3, 4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SessionSummary] = []
        self._rows_by_id: dict[int, int] = {}
        self._dates: dict[int, str] = {}

    def set_summaries(self, summaries) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._rows_by_id = {s.id: i for i, s in enumerate(self._rows)}
        self._dates = {}
        self.endResetModel()

    def summary(self, row: int) -> SessionSummary:
        return self._rows[row]

    def summaries(self) -> list[SessionSummary]:
        return list(self._rows)

    def row_of(self, session_id: int) -> int | None:
        return self._rows_by_id.get(session_id)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.DisplayRole:
            return translate("history", self.HEADERS[section])
        if role == Qt.ToolTipRole:
            return translate("history", self.TIPS[section])
        if role == Qt.TextAlignmentRole:
            return int((Qt.AlignHCenter if section in self.CENTRED else Qt.AlignLeft) | Qt.AlignVCenter)
        return None

    def _date(self, row: int) -> str:
        text = self._dates.get(row)
        if text is None:
            text = self._dates[row] = format_when(local_time(self._rows[row].created_at))
        return text

    def text(self, row: int, column: int) -> str:
        s = self._rows[row]
        if column == 0:
            return self._date(row)
        if column == 1:
            return person_text(s.person)
        if column == 2:
            return format_rating(s.pain_before)
        if column == 3:
            return format_rating(s.pain_after)
        if column == 4:
            return format_area(s.pain_extent)
        if column == 5:
            return ", ".join(s.top_muscles) or "\u2014"
        return routine_text(s)[0]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.DisplayRole:
            return self.text(row, column)
        if role == SessionIdRole:
            return self._rows[row].id
        if role == Qt.TextAlignmentRole:
            return int((Qt.AlignHCenter if column in self.CENTRED else Qt.AlignLeft) | Qt.AlignVCenter)
        if role in (Qt.ToolTipRole, Qt.AccessibleTextRole):
            s = self._rows[row]
            if column == 5 and s.top_muscles:
                return ", ".join(s.top_muscles)
            if column == 6:
                return routine_text(s)[1]
            if column in (2, 3):
                value = s.pain_before if column == 2 else s.pain_after
                rating = translate("history", "not rated") if value is None else translate("history", "{value} out of 10").format(value=value)
                return translate("history", "{header}: {rating}").format(header=translate("history", self.HEADERS[column]), rating=rating)
            return self.text(row, column) if role == Qt.AccessibleTextRole else None
        return None


# ------------------------------------------------------------------------------------------------ one session


class SessionViewer(QDialog):
    """One saved session, read-only: the diagrams with its marks, the muscles that were shown and the routine."""

    startFrom = Signal(object)  # the store Session

    def __init__(self, atlas, session: Session, renderers, parent=None):
        super().__init__(parent)
        from ...core.pain.painmap import PainMapError, from_json_dict

        self.atlas, self.session = atlas, session
        self.when = format_when(local_time(session.created_at))
        self.setWindowTitle(translate("history", "Session of {when} (read-only) — hipmap").format(when=self.when))
        self.setAccessibleName(translate("history", "Session of {when}, read-only").format(when=self.when))
        self.problem = ""
        try:
            self.painmap = from_json_dict(session.painmap, translate("history", "this session's pain map"))
        except PainMapError as exc:
            self.painmap, self.problem = from_json_dict({"format": "hipmap.painmap", "version": 1, "marks": []}), str(exc)
        self.marks = self.painmap.marks

        badge = QLabel(translate("history", "Read-only"))
        badge.setObjectName("readOnlyBadge")
        badge.setFont(style.scaled_font(self.font(), 0.95, bold=True))
        badge.setAccessibleName(translate("history", "Read-only"))
        self.badge = badge
        title = QLabel(translate("history", "Session of {when}").format(when=self.when))
        title.setFont(style.scaled_font(self.font(), 1.35, bold=True))
        self.title_label = title
        who = QLabel(translate("history", "Person: <b>{escape}</b>").format(escape=html.escape(session.person)) if session.person else translate("history", "No person label"))
        who.setFont(style.scaled_font(self.font(), 1.2))
        who.setAccessibleName(translate("history", "Person: {person}").format(person=session.person or translate("history", "no label")))
        self.person_label = who
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(badge, 0, Qt.AlignVCenter)
        heading.addSpacing(24)
        heading.addWidget(who)
        heading.addStretch(1)
        note = QLabel(translate("history", READ_ONLY_NOTE) if not self.problem else f"{translate('history', READ_ONLY_NOTE)}\n{self.problem}")
        note.setWordWrap(True)
        self.note_label = note

        # The diagrams: one at a time, chosen with buttons (Ctrl+1 ... Ctrl+4), like the comparison.
        self.view_buttons = QButtonGroup(self)
        choose = QHBoxLayout()
        self.stack = QStackedWidget()
        self.bodies: dict[str, BodyView] = {}
        self.buttons_by_view: dict[str, QPushButton] = {}
        counts = {v: sum(m.view == v for m in self.marks) for v in VIEW_TITLES if v in atlas.views}
        for n, view_id in enumerate(counts):
            name = VIEW_TITLES[view_id]
            button = QPushButton(f"{name} ({counts[view_id]})" if counts[view_id] else name)
            button.setCheckable(True)
            button.setAccessibleName(translate("history", "Show the {lower} view").format(lower=name.lower()))
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _c=False, v=view_id: self.show_view(v))
            self.addAction(action)
            count = counts[view_id]
            marks_word = (translate("history", "%n mark", "", count) if count == 1 else translate("history", "%n marks", "", count)) if count else translate("history", "no marks")
            button.setToolTip(translate("history", "{name} view: {marks_word} ({shortcut_text})").format(name=name, marks_word=marks_word, shortcut_text=_shortcut_text(action)))
            action.setToolTip(button.toolTip())
            button.clicked.connect(lambda _c=False, v=view_id: self.show_view(v))
            self.view_buttons.addButton(button)
            choose.addWidget(button)
            body = read_only_body(atlas, view_id, renderers, self.marks, translate("history", "{name} view with the pain marked in this session").format(name=name))
            self.stack.addWidget(body)
            self.bodies[view_id] = body
            self.buttons_by_view[view_id] = button
        choose.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(choose)
        left.addWidget(self.stack, 1)

        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.details.setMinimumWidth(380)
        self.details.setAccessibleName(translate("history", "What was found and done in this session"))
        self.details.setHtml(self.details_html())

        body_row = QHBoxLayout()
        body_row.addLayout(left, 3)
        body_row.addWidget(self.details, 2)

        self.act_start = QAction(translate("history", "Start a New Map From This"), self)
        self.act_start.setShortcut(QKeySequence("Ctrl+N"))
        self.act_start.setToolTip(translate("history", "Copy these marks into a new, unsaved pain map ({shortcut_text})").format(shortcut_text=_shortcut_text(self.act_start)))
        self.act_start.triggered.connect(self.start_from)
        self.act_start.setEnabled(not self.problem)
        self.addAction(self.act_start)
        self.start_button = _action_button(self.act_start)
        close = QPushButton(translate("history", "Close"))
        close.setToolTip(translate("history", "Close this session (Esc)"))
        close.clicked.connect(self.reject)
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addWidget(note)
        layout.addLayout(body_row, 1)
        layout.addLayout(buttons)
        self._apply_palette()
        self.show_view(max(counts, key=counts.get) if any(counts.values()) else next(iter(counts)))
        fit_to_screen(self, 1120, 780)

    def start_from(self) -> None:
        self.startFrom.emit(self.session)
        self.accept()

    def show_view(self, view_id: str) -> None:
        self.current = view_id
        self.stack.setCurrentWidget(self.bodies[view_id])
        self.buttons_by_view[view_id].setChecked(True)
        self.bodies[view_id].fit()

    def details_text(self) -> str:
        return self.details.toPlainText()

    def details_html(self) -> str:
        s = self.session
        quiet = style.secondary_text(self.palette()).name()
        e = html.escape
        parts = []
        extent = s.pain_extent
        if extent is None and self.marks:
            from ...core.pain.painmap import extent as painmap_extent

            extent = painmap_extent(self.painmap, self.atlas)
        rows = [
            (translate("history", "Pain before"), format_rating(s.pain_before) if s.pain_before is not None else translate("history", "not rated")),
            (translate("history", "Pain after"), format_rating(s.pain_after) if s.pain_after is not None else translate("history", "not rated")),
            (translate("history", "Area marked"), translate("history", "{format_area} of the body drawing").format(format_area=format_area(extent)) if extent is not None else translate("history", "not measured")),
            (translate("history", "Marks"), str(len(self.marks))),
        ]
        parts.append(translate("history", "<h3>Pain</h3><table cellpadding='3' cellspacing='0'>") + "".join(
            f"<tr><td>{e(k)}</td><td><b>{e(v)}</b></td></tr>" for k, v in rows) + "</table>")  # fmt: skip
        if s.candidates:
            cells = "".join(
                f"<tr><td align='right' width='24'>{i}.</td><td>{e(c.get('name', c.get('id', '?')))}</td>"
                f"<td>{e(side_name(str(c.get('side', ''))).capitalize())}</td><td align='right'>{round(100 * float(c.get('score', 0)))}%</td></tr>"
                for i, c in enumerate(s.candidates, 1)
            )
            parts.append(
                translate("history", "<h3>Muscles that were shown</h3><table cellpadding='3' cellspacing='0' width='100%'><tr><th></th><th align='left'>Muscle</th><th align='left'>Side</th><th align='right'>Match</th></tr>")
                + cells + "</table>"
            )  # fmt: skip
        else:
            parts.append(translate("history", "<h3>Muscles that were shown</h3><p style='color:{quiet}'>None were saved with this session.</p>").format(quiet=quiet))
        parts.append(self._routine_html(quiet))
        if s.note.strip():
            parts.append(f"<h3>Note</h3><p>{e(s.note).replace(chr(10), '<br>')}</p>")
        if self.painmap.note.strip() and self.painmap.note.strip() != s.note.strip():
            parts.append(translate("history", "<h3>Note on the pain map</h3><p>{replace}</p>").format(replace=e(self.painmap.note).replace(chr(10), '<br>')))
        return "".join(parts)

    def _routine_html(self, quiet: str) -> str:
        e = html.escape
        s = self.session
        if s.run_log:
            log = s.run_log
            rows = []
            for step in log.get("steps", []):
                symbol, word = STATUS_WORDS.get(step.get("status"), ("", str(step.get("status"))))
                word = translate("history", word)
                side = side_name(str(step.get("side", ""))).capitalize()
                holds = translate("history", "{get} of {get2}").format(get=step.get('holds_done', 0), get2=step.get('reps', 0))
                rows.append(f"<tr><td>{e(symbol)} {e(word)}</td><td>{e(step_title(str(step.get('title', ''))))}</td><td>{e(side)}</td>"
                            f"<td align='right'>{e(holds)}</td></tr>")  # fmt: skip
            skipped = sum(1 for step in log.get("steps", []) if step.get("status") in SKIPPED_STATUSES)
            summary = translate("history", "Took {duration} (planned {duration2}).").format(duration=_duration(log.get('actual_total_s', 0)), duration2=_duration(log.get('planned_total_s', 0)))
            if log.get("stopped"):
                summary += translate("history", " Stopped before the end.")
            if skipped:
                summary += (translate("history", " %n step skipped or stopped because it hurt.", "", skipped) if skipped == 1 else translate("history", " %n steps skipped or stopped because it hurt.", "", skipped))
            return (
                translate("history", "<h3>Routine: {e}</h3><table cellpadding='3' cellspacing='0' width='100%'><tr><th align='left'>Status</th><th align='left'>Step</th><th align='left'>Side</th><th align='right'>Holds</th></tr>").format(e=e(log.get('routine_name') or 'routine'))
                + "".join(rows) + f"</table><p style='color:{quiet}'>{e(summary)}</p>"
            )  # fmt: skip
        if s.routine:
            steps = "".join(f"<li>{e(step_title(str(step.get('title', ''))))} ({e(side_name(str(step.get('side', ''))))})</li>" for step in s.routine.get("steps", []))
            return translate("history", "<h3>Routine: {e}</h3><p style='color:{quiet}'>Planned, not played.</p><ul>{steps}</ul>").format(e=e(s.routine.get('name', '')), quiet=quiet, steps=steps)
        return translate("history", "<h3>Routine</h3><p style='color:{quiet}'>No routine was done in this session.</p>").format(quiet=quiet)

    def _apply_palette(self) -> None:
        palette = self.palette()
        background, edge = style.warning_background(palette), style.warning_edge(palette)
        text = palette.color(QPalette.WindowText)
        self.badge.setStyleSheet(
            f"QLabel {{ background: {background.name()}; border: 1px solid {edge.name()}; border-radius: 4px;"
            f" padding: 2px 10px; color: {text.name()}; }}"
        )
        self.note_label.setStyleSheet(f"QLabel {{ color: {style.secondary_text(palette, on_window=True).name()}; }}")

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and hasattr(self, "details"):
            self._apply_palette()
            self.details.setHtml(self.details_html())

    def showEvent(self, event):
        super().showEvent(event)
        self.bodies[self.current].fit()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if hasattr(self, "current"):
            self.bodies[self.current].fit()


def _action_button(action: QAction) -> QPushButton:
    """A push button that is the action: same text, tooltip and enabled state."""
    button = QPushButton(action.text())
    button.setAutoDefault(False)
    button.setAccessibleName(action.text().replace("&", ""))

    def sync():
        button.setText(action.text())
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())

    action.changed.connect(sync)
    button.clicked.connect(action.trigger)
    sync()
    return button


# ------------------------------------------------------------------------------------------------ the window


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
        pad = 28
        widths = {
            0: fm.horizontalAdvance(translate("history", "28 Sep 2026, 14:05")) + pad,
            1: fm.horizontalAdvance(translate("history", "Person name here")) + pad,
            2: fm.horizontalAdvance(translate("history", "Pain before")) + pad,
            3: fm.horizontalAdvance(translate("history", "Pain before")) + pad,
            4: fm.horizontalAdvance(translate("history", "Area 100%")) + pad,
            6: fm.horizontalAdvance(translate("history", "done, 2 skipped")) + pad,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.Stretch)
        header.setStretchLastSection(False)
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
        buttons = QHBoxLayout()
        self.buttons = {}
        for action in (self.act_open, self.act_start, self.act_compare, self.act_delete):
            self.buttons[action] = _action_button(action)
            buttons.addWidget(self.buttons[action])
        buttons.addStretch(1)
        self.buttons[self.act_close] = _action_button(self.act_close)
        buttons.addWidget(self.buttons[self.act_close])

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
        action.setToolTip(f"{tip} ({_shortcut_text(action)})")
        action.setStatusTip(tip)
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
            summaries, problem = [], str(exc)
        self.model.set_summaries(summaries)
        self.chart.set_points(chart_points(summaries))
        self.table.setColumnHidden(1, person is not None)  # one person: the column would repeat the name
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
        if not summaries:
            return translate("history", "No sessions")
        n = len(summaries)
        first, last = local_time(summaries[-1].created_at), local_time(summaries[0].created_at)
        text = (translate("history", "{count} session {range}", "", n) if n == 1 else translate("history", "{count} sessions {range}", "", n)).format(count=f'{n:,}', range=format_range(first, last))
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
            QMessageBox.warning(self, translate("history", "Cannot read the session"), str(exc))
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
            QMessageBox.warning(self, translate("history", "Cannot compare these sessions"), str(exc))
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
            question = translate("history", "Delete the session of {format_when}{who}?").format(format_when=format_when(local_time(s.created_at)), who=who)
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
            QMessageBox.warning(self, translate("history", "Cannot delete"), str(exc))
        for session_id in deleted:
            self.sessionDeleted.emit(session_id)
        self._fill_people(self.current_person())
        self._load(())
        if next_row >= 0 and self.model.rowCount():
            self.select_rows([min(next_row, self.model.rowCount() - 1)])
        return bool(deleted)

