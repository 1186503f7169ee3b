"""The list of saved sessions in the history window: a table model of SessionSummary rows, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyledItemDelegate

from ...core.store.session import SessionSummary
from ..kit.errors import phrase_text
from ..kit.i18n import QT_TRANSLATE_NOOP, translate
from .formats import format_area, format_rating, person_text, routine_text, when_text

SessionIdRole = Qt.UserRole + 1
_DISPLAY, _ALIGNMENT, _SESSION_ID = int(Qt.DisplayRole), int(Qt.TextAlignmentRole), int(SessionIdRole)
_TOOLTIP, _ACCESSIBLE_TEXT = int(Qt.ToolTipRole), int(Qt.AccessibleTextRole)
_ROLES_ANSWERED = frozenset({_DISPLAY, _ALIGNMENT, _SESSION_ID, _TOOLTIP, _ACCESSIBLE_TEXT})
_CENTRED_ALIGN = int(Qt.AlignHCenter | Qt.AlignVCenter)
_LEFT_ALIGN = int(Qt.AlignLeft | Qt.AlignVCenter)


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
        QT_TRANSLATE_NOOP("history", "Whether a routine was done to the end or stopped, and how many steps were done or skipped"),
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
            text = self._dates[row] = when_text(self._rows[row].created_at)
        return text

    def text(self, row: int, column: int) -> str:
        s = self._rows[row]
        if column == 0:
            return self._date(row)
        if column == 1:
            return person_text(s.person)
        if s.damaged:
            return translate("history", "Damaged session: it cannot be shown") if column == 5 else "\u2014"
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
        # Called for every role of every cell measured or painted: plain ints are compared first (a PySide enum
        # comparison costs a microsecond), and the roles the list does not use return at once.
        role = int(role)
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return self.text(row, column)
        if role == _SESSION_ID:
            return self._rows[row].id
        if role == _ALIGNMENT:
            return _CENTRED_ALIGN if column in self.CENTRED else _LEFT_ALIGN
        if role in (_TOOLTIP, _ACCESSIBLE_TEXT):
            s = self._rows[row]
            if s.damaged:
                return translate("history", "This session is damaged in the database ({problem}); it is left out of the chart.").format(problem=phrase_text(s.damaged))
            if column == 5 and s.top_muscles:
                return ", ".join(s.top_muscles)
            if column == 6:
                return routine_text(s)[1]
            if column in (2, 3):
                value = s.pain_before if column == 2 else s.pain_after
                rating = translate("history", "not rated") if value is None else translate("history", "{value} out of 10").format(value=value)
                return translate("history", "{header}: {rating}").format(header=translate("history", self.HEADERS[column]), rating=rating)
            return self.text(row, column) if role == _ACCESSIBLE_TEXT else None
        return None



class MeasuringDelegate(QStyledItemDelegate):
    """The list's delegate, cheap while the columns are sized (``measuring``): a cell's size depends only on its column
    (its alignment) and its text, so each text is measured by the style once per column, and only when it could be
    the widest so far: a text whose advance is more than MEASURE_SLACK pixels short of one measured already is
    narrower than that one (the style adds the same margins to every cell of a column), so it cannot change the
    column's width and gets an empty size. The widths come out the same; most of the ~1,400 cells cost a lookup."""

    MEASURE_SLACK = 4.0  # pixels: far more than a text layout's width ever differs from the font's advance

    def __init__(self, model: SessionTableModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._sizes: dict | None = None  # (column, text) -> size, while measuring
        self._widest: dict[int, float] = {}  # column -> the largest advance measured
        self._advance = None

    def measuring(self, on: bool) -> None:
        self._sizes = {} if on else None
        self._widest = {}
        self._advance = None

    def sizeHint(self, option, index):
        if self._sizes is None:
            return super().sizeHint(option, index)
        column = index.column()
        key = (column, self.model.text(index.row(), column))
        size = self._sizes.get(key)
        if size is None:
            if self._advance is None:
                self._advance = QFontMetricsF(option.font).horizontalAdvance
            advance = self._advance(key[1])
            if advance < self._widest.get(column, -1.0) - self.MEASURE_SLACK:
                size = QSize(0, 0)  # narrower than a text measured: cannot be the column's widest
            else:
                size = super().sizeHint(option, index)
                self._widest[column] = max(self._widest.get(column, -1.0), advance)
            self._sizes[key] = size
        return size
