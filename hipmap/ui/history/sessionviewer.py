"""One saved session, read-only, in its own window: the diagrams with its marks, the muscles that were shown and the
routine, with a way to start a new map from it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
)

from ...core.store.session import RunOutcome, Session
from ..diagram.bodyview import BodyView
from ..kit import style
from ..kit.errors import error_text
from ..kit.i18n import QT_TRANSLATE_NOOP, side_name, step_title, translate
from ..kit.windows import fit_to_screen
from .actions import action_button, shortcut_text
from .compare import VIEW_TITLES, read_only_body
from ..kit.runwords import run_text
from .formats import format_area, format_rating, format_when, local_time

READ_ONLY_NOTE = (
    QT_TRANSLATE_NOOP("history", "Read-only: this is a saved session, shown as it was. Nothing here can be changed; “Start a New Map From This” copies its marks into a new, unsaved map.")
)
STATUS_WORDS = {  # symbol and words: never colour alone
    "done": ("\u2713", QT_TRANSLATE_NOOP("history", "Done")),
    "skipped": ("\u21b7", QT_TRANSLATE_NOOP("history", "Skipped")),
    "hurt": ("\u2715", QT_TRANSLATE_NOOP("history", "Stopped: it hurt")),
    "unfinished": ("\u2026", QT_TRANSLATE_NOOP("history", "Not reached")),
}


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    minutes, secs = divmod(seconds, 60)
    if not minutes:
        return f"{secs} s"
    return translate("history", "{minutes} min {secs} s").format(minutes=minutes, secs=secs) if secs else translate("history", "{minutes} min").format(minutes=minutes)


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
            self.painmap, self.problem = from_json_dict({"format": "hipmap.painmap", "version": 1, "marks": []}), error_text(exc)
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
            button.setToolTip(translate("history", "{name} view: {marks_word} ({shortcut_text})").format(name=name, marks_word=marks_word, shortcut_text=shortcut_text(action)))
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
        self.act_start.setToolTip(translate("history", "Copy these marks into a new, unsaved pain map ({shortcut_text})").format(shortcut_text=shortcut_text(self.act_start)))
        self.act_start.triggered.connect(self.start_from)
        self.act_start.setEnabled(not self.problem)
        self.addAction(self.act_start)
        self.start_button = action_button(self.act_start)
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
        from ...core.pain.painmap import made_count

        rows = [
            (translate("history", "Pain before"), format_rating(s.pain_before) if s.pain_before is not None else translate("history", "not rated")),
            (translate("history", "Pain after"), format_rating(s.pain_after) if s.pain_after is not None else translate("history", "not rated")),
            (translate("history", "Area marked"), translate("history", "{format_area} of the body drawing").format(format_area=format_area(extent)) if extent is not None else translate("history", "not measured")),
            (translate("history", "Marks"), str(made_count(self.painmap, self.atlas))),
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
            summary = translate("history", "Took {duration} (planned {duration2}).").format(duration=_duration(log.get('actual_total_s', 0)), duration2=_duration(log.get('planned_total_s', 0)))
            run = RunOutcome.of(log)
            if run is not None:
                summary += " " + run_text(run)[1] + "."
            return (
                translate("history", "<h3>Routine: {e}</h3><table cellpadding='3' cellspacing='0' width='100%'><tr><th align='left'>Status</th><th align='left'>Step</th><th align='left'>Side</th><th align='right'>Holds</th></tr>").format(e=e(log.get('routine_name') or translate('history', 'routine')))
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
