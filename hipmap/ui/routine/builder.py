"""The routine builder: tick muscles, then reorder, remove and adjust their steps, and save the result by name.

The dialog only adapts core objects: the routine is an immutable ``Routine`` and every edit replaces it through a
QUndoStack command, so Ctrl+Z takes back a tick, a move or a changed hold exactly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.routine.model import LIMITS, Routine, RoutineError
from ...core.routine.builder import build_routine, default_name, has_steps, merged, muscle_steps, retitled, step_key
from ...core.routine.library import RoutineLibrary, read_routine
from .cues import clock_text
from ..kit.flow import FlowLayout
from ..kit.windows import fit_to_screen
from ..kit.errors import error_text, phrase_text
from ..kit.i18n import QT_TRANSLATE_NOOP, routine_name_phrases, set_command_tip, side_name, step_title, translate

COLUMNS = (QT_TRANSLATE_NOOP("builder", "Step"), QT_TRANSLATE_NOOP("builder", "Side"), QT_TRANSLATE_NOOP("builder", "Hold"), QT_TRANSLATE_NOOP("builder", "Reps"), QT_TRANSLATE_NOOP("builder", "Rest"))
EDIT_ID = 7  # QUndoCommand id: changes to one field of one step merge into a single undo entry


class RoutineChange(QUndoCommand):
    def __init__(self, builder: "RoutineBuilder", before, after, text: str, merge_key=None):
        super().__init__(text)
        self.builder, self.before, self.after, self.merge_key = builder, before, after, merge_key

    def id(self) -> int:
        return EDIT_ID if self.merge_key is not None else -1

    def mergeWith(self, other) -> bool:
        if other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self):
        self.builder._set_state(*self.after)

    def undo(self):
        self.builder._set_state(*self.before)


class RoutineBuilder(QDialog):
    """Builds a routine from ticked muscles. ``startRequested`` carries the routine when the user presses Start."""

    startRequested = Signal(object)

    def __init__(self, atlas, choices, library: RoutineLibrary, parent=None):
        """``choices``: (muscle_id, side, ticked) for each muscle offered, best candidate first."""
        super().__init__(parent)
        self.atlas = atlas
        self.library = library
        self.offered: list[tuple[str, str]] = []
        self.ticked: frozenset[tuple[str, str]] = frozenset()
        self.dropped: frozenset = frozenset()  # step keys the user removed from ticked muscles: not added back
        self.routine = Routine("")
        self.name_touched = False
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(translate("builder", "Build a routine — hipmap"))
        self.setAccessibleName(translate("builder", "Routine builder"))
        self._build()
        for muscle_id, side, _ticked in choices:
            self._offer(muscle_id, side)
        # A muscle with neither a ball hold nor a stretch (the pelvic floor) is offered, but cannot be ticked.
        choices = [(m, s, t and (m, s) in self.offered and self._has_steps(m)) for m, s, t in choices]
        self._set_state(build_routine(self._pairs(t for t in choices if t[2]), atlas.exercises, phrases=routine_name_phrases()),
                        frozenset((m, s) for m, s, t in choices if t))  # fmt: skip
        self.undo_stack.clear()
        self._refresh_saved()
        # Whole muscle names, not a sideways scroll bar.
        self.muscle_list.setMinimumWidth(min(420, self.muscle_list.sizeHintForColumn(0) + 36))
        fit_to_screen(self, 1160, 640)

    # ---- construction

    def _action(self, text, slot, keys, tip) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        set_command_tip(action, tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build(self) -> None:
        self.act_up = self._action(translate("builder", "Move &Up"), lambda: self.move_step(-1), ["Alt+Up"], translate("builder", "Move the chosen step earlier"))
        self.act_down = self._action(translate("builder", "Move &Down"), lambda: self.move_step(1), ["Alt+Down"], translate("builder", "Move the chosen step later"))
        self.act_remove = self._action(translate("builder", "&Remove Step"), self.remove_step, ["Delete"], translate("builder", "Take the chosen step out of the routine"))
        # Undo and Redo keep their short names on the buttons (a muscle's name does not fit there); the tooltip and the
        # status tip name the change: "Undo: Add Tensor fasciae latae (TFL) (Ctrl+Z)".
        self.act_undo = self._action(translate("builder", "&Undo"), self.undo_stack.undo, [QKeySequence.Undo], translate("builder", "Undo the last change"))
        self.act_redo = self._action(translate("builder", "&Redo"), self.undo_stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], translate("builder", "Redo the change you undid"))
        self.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._name_undo_steps)
        self.undo_stack.redoTextChanged.connect(self._name_undo_steps)
        self._name_undo_steps()
        self.act_save = self._action(translate("builder", "&Save"), self.save, ["Ctrl+S"], translate("builder", "Save this routine under its name"))
        self.act_start = self._action(translate("builder", "S&tart"), self.start, ["Ctrl+Return", "Ctrl+Enter"], translate("builder", "Play this routine with the timer"))

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(translate("builder", "Routine name"))
        self.name_edit.setMaxLength(120)
        self.name_edit.textEdited.connect(self._on_name_edited)
        self.saved_combo = QComboBox()
        self.saved_combo.setAccessibleName(translate("builder", "Saved routines"))
        self.saved_combo.setMinimumContentsLength(18)
        self.open_button = QPushButton(translate("builder", "&Open Saved"))
        self.open_button.setToolTip(translate("builder", "Load the chosen saved routine"))
        self.open_button.clicked.connect(self.open_saved)
        self.delete_button = QPushButton(translate("builder", "Delete Saved"))
        self.delete_button.setToolTip(translate("builder", "Delete the chosen saved routine from this computer"))
        self.delete_button.clicked.connect(self.delete_saved)
        # The name on a row of its own: beside the saved routines it had no room with large text or long words.
        top = QGridLayout()
        name_label = QLabel(translate("builder", "&Name:"))
        name_label.setBuddy(self.name_edit)
        saved_label = QLabel(translate("builder", "Sa&ved:"))
        saved_label.setBuddy(self.saved_combo)
        top.addWidget(name_label, 0, 0)
        top.addWidget(self.name_edit, 0, 1, 1, 3)
        top.addWidget(saved_label, 1, 0)
        top.addWidget(self.saved_combo, 1, 1)
        top.addWidget(self.open_button, 1, 2)
        top.addWidget(self.delete_button, 1, 3)
        top.setColumnStretch(1, 1)

        self.muscle_list = QListWidget()
        self.muscle_list.setAccessibleName(translate("builder", "Muscles in the routine"))
        self.muscle_list.setAccessibleDescription(translate("builder", "Tick a muscle to add its tennis-ball hold and stretches; Space ticks."))
        self.muscle_list.itemChanged.connect(self._on_muscle_ticked)
        muscles_box = QGroupBox(translate("builder", "&Muscles"))
        box = QVBoxLayout(muscles_box)
        hint = QLabel(translate("builder", "Ticked muscles add their tennis-ball hold, then their stretches."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addWidget(self.muscle_list)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("builder", c) for c in COLUMNS])
        self.table.setAccessibleName(translate("builder", "Steps of the routine"))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the step's settings
        # Every column and row as large as its text (at 2x text a stretched first column cut the titles and fixed
        # rows cut the line): what does not fit scrolls, nothing is elided.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideNone)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_step)

        self.hold_spin = self._spin("hold_s", " s", translate("builder", "Hold for"))
        self.reps_spin = self._spin("reps", "", translate("builder", "Repetitions"))
        self.rest_spin = self._spin("rest_s", " s", translate("builder", "Rest after each hold"))
        self.reps_spin.setPrefix("\u00d7 ")
        # The chosen step's settings and the step commands below the table, in rows that wrap: beside it they
        # left the table a sliver of the box at 2x text.
        edit = FlowLayout(spacing=12, row_spacing=6)
        for text, spin in ((translate("builder", "&Hold:"), self.hold_spin), (translate("builder", "Re&petitions:"), self.reps_spin),
                           (translate("builder", "R&est:"), self.rest_spin)):  # fmt: skip
            field = QWidget()
            pair = QHBoxLayout(field)
            pair.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setBuddy(spin)
            pair.addWidget(label)
            pair.addWidget(spin)
            edit.addWidget(field)
        buttons = FlowLayout(spacing=6, row_spacing=6)
        for action in (self.act_up, self.act_down, self.act_remove, self.act_undo, self.act_redo):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonTextOnly)
            button.setAccessibleName(action.text().replace("&", ""))
            action.changed.connect(lambda b=button, a=action: b.setAccessibleName(a.text().replace("&", "")))  # a new language
            buttons.addWidget(button)
        steps_box = QGroupBox(translate("builder", "S&teps"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.table, 1)
        steps_layout.addLayout(edit)
        steps_layout.addLayout(buttons)

        middle = QHBoxLayout()
        middle.addWidget(muscles_box, 1)
        middle.addWidget(steps_box, 3)

        self.total_label = QLabel()
        self.total_label.setAccessibleName(translate("builder", "Routine length"))
        self.status_label = QLabel()  # "Saved as “Evening”": what the last Save did
        self.status_label.setAccessibleName(translate("builder", "Status"))
        self.save_button = QPushButton(translate("builder", "Save"))
        self.save_button.clicked.connect(self.act_save.trigger)
        self.save_button.setToolTip(self.act_save.toolTip())
        self.start_button = QPushButton(translate("builder", "Start Routine"))
        self.start_button.clicked.connect(self.act_start.trigger)
        self.start_button.setToolTip(self.act_start.toolTip())
        self.start_button.setDefault(True)
        close_button = QPushButton(translate("builder", "Close"))
        close_button.setToolTip(translate("builder", "Close the builder (Esc)"))
        close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label)
        bottom.addSpacing(16)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.start_button)
        bottom.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.name_edit, self.saved_combo)
        self.setTabOrder(self.saved_combo, self.open_button)
        self.setTabOrder(self.open_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.muscle_list)
        self.setTabOrder(self.muscle_list, self.table)
        self.setTabOrder(self.table, self.hold_spin)
        self.setTabOrder(self.hold_spin, self.reps_spin)
        self.setTabOrder(self.reps_spin, self.rest_spin)

    def _spin(self, field: str, suffix: str, name: str) -> QSpinBox:
        spin = QSpinBox()
        low, high = LIMITS[field]
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.setKeyboardTracking(False)  # typing "45" is one change, not "4" then "45"
        spin.valueChanged.connect(lambda value, f=field: self.change_step(f, value))
        return spin

    # ---- state: (routine, ticked muscles); every change goes through the undo stack

    def _name_undo_steps(self, _text: str = "") -> None:
        """Undo and Redo say which change they take back or bring again, in the tooltip (the buttons stay short)."""
        stack = self.undo_stack
        for action, can, text, plain, named in (
            (self.act_undo, stack.canUndo(), stack.undoText(), translate("builder", "Undo the last change"), translate("builder", "Undo: {change}")),
            (self.act_redo, stack.canRedo(), stack.redoText(), translate("builder", "Redo the change you undid"), translate("builder", "Redo: {change}")),
        ):  # fmt: skip
            tip = named.format(change=text) if can and text else plain
            action.setEnabled(can)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.NativeText)})")
            action.setStatusTip(tip)

    def _pairs(self, chosen):
        return [(self.atlas.muscles[m], s) for m, s, *_rest in chosen if m in self.atlas.muscles]

    def _offer(self, muscle_id: str, side: str) -> None:
        if (muscle_id, side) in self.offered or muscle_id not in self.atlas.muscles:
            return
        self.offered.append((muscle_id, side))
        item = QListWidgetItem()
        item.setData(Qt.UserRole, (muscle_id, side))
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Unchecked)
        if not self._has_steps(muscle_id):
            item.setFlags(item.flags() & ~Qt.ItemIsUserCheckable & ~Qt.ItemIsEnabled)
        with QSignalBlocker(self.muscle_list):
            self._label_item(item)
            self.muscle_list.addItem(item)

    def _label_item(self, item: QListWidgetItem) -> None:
        """A muscle's line in the list, in the atlas's words: its name and side (and why it cannot be ticked)."""
        muscle_id, side = item.data(Qt.UserRole)
        name = self.atlas.muscles[muscle_id].name
        label = translate("builder", "{name}, both sides").format(name=name) if side == "both" else f"{name}, {side_name(side)}"
        item.setText(label)
        if not self._has_steps(muscle_id):
            item.setText(translate("builder", "{label} (nothing to time)").format(label=label))
            tip = translate("builder", "hipmap has neither a ball hold nor a stretch for this muscle; its self-care is in the muscle details.")
            item.setToolTip(tip)
            item.setData(Qt.AccessibleDescriptionRole, tip)

    def retranslate(self) -> None:
        """The texts made of data or of several translated strings, in the language now installed (the fixed
        labels and the commands were translated again by kit.i18n.switch_language)."""
        self.table.setHorizontalHeaderLabels([translate("builder", c) for c in COLUMNS])
        self._name_undo_steps()
        self.save_button.setToolTip(self.act_save.toolTip())
        self.start_button.setToolTip(self.act_start.toolTip())
        with QSignalBlocker(self.muscle_list):
            for i in range(self.muscle_list.count()):
                self._label_item(self.muscle_list.item(i))
        if not self.name_touched:
            self.name_edit.setText(self._named(self.routine, self.ticked).name)
        self._fill_table(self.current_row())

    def use_atlas(self, atlas) -> None:
        """The muscles' names and the steps' titles from ATLAS (another language); the routine is unchanged."""
        self.atlas = atlas
        self.retranslate()

    def _has_steps(self, muscle_id: str) -> bool:
        return has_steps(self.atlas.muscles[muscle_id], self.atlas.exercises)

    def _push(self, routine: Routine, ticked, text: str, merge_key=None, dropped=None) -> None:
        after = (routine, frozenset(ticked), self.dropped if dropped is None else frozenset(dropped))
        before = (self.routine, self.ticked, self.dropped)
        if after != before:
            self.undo_stack.push(RoutineChange(self, before, after, text, merge_key))

    def _set_state(self, routine: Routine, ticked, dropped=frozenset()) -> None:
        row = self.current_row()
        self.routine, self.ticked, self.dropped = routine, frozenset(ticked), frozenset(dropped)
        self.status_label.clear()  # "Saved as ..." no longer describes what is shown
        with QSignalBlocker(self.muscle_list):
            for i in range(self.muscle_list.count()):
                item = self.muscle_list.item(i)
                item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in self.ticked else Qt.Unchecked)
        if not self.name_touched and routine.name != self.name_edit.text():
            self.name_edit.setText(routine.name)  # the automatic name follows the ticks until the user types one
        self._fill_table(row)

    def _fill_table(self, row: int) -> None:
        shown = retitled(self.routine, self.atlas.muscles, self.atlas.exercises)  # the titles in the atlas's language
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(shown.steps))
            for i, step in enumerate(shown.steps):
                cells = (step_title(step.title), side_name(step.side).capitalize() if step.side != "none" else translate("builder", "Both"),
                         f"{step.hold_s} s", f"\u00d7 {step.reps}", f"{step.rest_s} s")  # fmt: skip
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if column:
                        item.setTextAlignment(Qt.AlignCenter)
                    self.table.setItem(i, column, item)
            if self.routine.steps:
                self.table.selectRow(max(0, min(row, len(self.routine.steps) - 1)))
        switches = sum(p.kind == "switch" for p in self.routine.phases())
        n = len(self.routine.steps)
        self.total_label.setText(
            (translate("builder", "<b>Total {time}</b> · %n step", "", n) if n == 1 else translate("builder", "<b>Total {time}</b> · %n steps", "", n)).format(time=clock_text(self.routine.total_seconds()))
            + ((translate("builder", " · %n side switch", "", switches) if switches == 1 else translate("builder", " · %n side switches", "", switches)) if switches else "")
            if n else translate("builder", "No steps yet: tick a muscle on the left.")
        )  # fmt: skip
        for widget in (self.act_start, self.act_save, self.start_button, self.save_button):
            widget.setEnabled(bool(n))
        self._show_step()

    def _show_step(self) -> None:
        row = self.current_row()
        has = 0 <= row < len(self.routine.steps)
        for spin, field in ((self.hold_spin, "hold_s"), (self.reps_spin, "reps"), (self.rest_spin, "rest_s")):
            spin.setEnabled(has)
            with QSignalBlocker(spin):
                spin.setValue(getattr(self.routine.steps[row], field) if has else spin.minimum())
        self.act_up.setEnabled(has and row > 0)
        self.act_down.setEnabled(has and row < len(self.routine.steps) - 1)
        self.act_remove.setEnabled(has)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    def _named(self, routine: Routine, ticked) -> Routine:
        return Routine(default_name(self._pairs(sorted(ticked, key=self.offered.index)), routine_name_phrases()), routine.steps)

    # ---- edits

    def _on_muscle_ticked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.UserRole)
        ticked = self.ticked | {key} if item.checkState() == Qt.Checked else self.ticked - {key}
        self.set_ticked(ticked)

    def _own_keys(self, pairs) -> set:
        return {step_key(s) for m, side in pairs for s in muscle_steps(self.atlas.muscles[m], side, self.atlas.exercises)}

    def _plan(self, ticked, dropped) -> Routine:
        plan = build_routine(self._pairs(sorted(ticked, key=self.offered.index)), self.atlas.exercises, phrases=routine_name_phrases())
        return Routine(plan.name, tuple(s for s in plan.steps if step_key(s) not in dropped))

    def set_ticked(self, ticked) -> None:
        ticked = frozenset(ticked)
        for muscle_id, side in ticked:
            self._offer(muscle_id, side)
        added, removed = ticked - self.ticked, self.ticked - ticked
        # A muscle ticked afresh comes back whole: forget the steps removed from it before.
        dropped = self.dropped - self._own_keys(added | removed)
        (muscle_id, _side), = list(added or removed)[:1] or [("", "")]
        what = self.atlas.muscles[muscle_id].name if muscle_id else translate("builder", "muscles")
        text = (translate("builder", "Add {what}") if added else translate("builder", "Remove {what}")).format(what=what)
        self._push(self._named(merged(self.routine, self._plan(ticked, dropped)), ticked), ticked, text, dropped=dropped)

    def move_step(self, delta: int) -> None:
        row = self.current_row()
        to = row + delta
        if row < 0 or not 0 <= to < len(self.routine.steps):
            return
        self._push(self.routine.moved(row, to), self.ticked, translate("builder", "Move step"))
        self.table.selectRow(to)

    def remove_step(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        step = self.routine.steps[row]
        rest = self.routine.without(row)
        dropped = self.dropped | {step_key(step)}
        # A muscle with none of its steps left is unticked, so ticking it again brings all of them back.
        left = {step_key(s) for s in rest.steps}
        emptied = {pair for pair in self.ticked if not self._own_keys([pair]) & left}
        ticked = self.ticked - emptied
        dropped -= self._own_keys(emptied)
        self._push(self._named(rest, ticked) if emptied else rest, ticked, translate("builder", "Remove {title}").format(title=step_title(step.title)), dropped=dropped)

    def change_step(self, field: str, value: int) -> None:
        row = self.current_row()
        if row < 0 or getattr(self.routine.steps[row], field) == value:
            return
        try:
            routine = self.routine.with_step_changed(row, **{field: value})
        except RoutineError:
            return  # the spin box's range already keeps values valid
        self._push(routine, self.ticked, translate("builder", "Change step"), merge_key=(row, field))

    def _on_name_edited(self, text: str) -> None:
        self.name_touched = bool(text.strip())

    # ---- saved routines

    def _refresh_saved(self) -> None:
        self.saved_combo.clear()
        for saved in self.library.saved():
            label = saved.name if saved.routine is not None else translate("builder", "{name} (cannot be read)").format(name=saved.name)
            self.saved_combo.addItem(label, str(saved.path))  # the file: an unreadable one may share a good one's name
            if saved.routine is None:
                self.saved_combo.setItemData(self.saved_combo.count() - 1, phrase_text(saved.problem), Qt.ToolTipRole)
        has = self.saved_combo.count() > 0
        if not has:
            self.saved_combo.addItem(translate("builder", "No saved routines yet"))
        for widget in (self.saved_combo, self.open_button, self.delete_button):
            widget.setEnabled(has)

    def name_pairs(self) -> list[tuple[str, str]]:
        """The (muscle id, side) pairs the routine's automatic name is made from; none once the person named it."""
        return [] if self.name_touched else sorted(self.ticked, key=self.offered.index)

    def current_routine(self) -> Routine:
        return retitled(self.routine, self.atlas.muscles, self.atlas.exercises, self.name_edit.text().strip() or self.routine.name)

    def save(self) -> bool:
        routine = self.current_routine()
        if not routine.name.strip():
            self.name_edit.setFocus()
            QMessageBox.information(self, translate("builder", "Name the routine"), translate("builder", "Give the routine a name before saving it."))
            return False
        try:
            path = self.library.save(routine)
        except (RoutineError, OSError) as exc:
            QMessageBox.warning(self, translate("builder", "Routine not saved"), translate("builder", "The routine could not be saved:\n{exc}").format(exc=error_text(exc)))
            return False
        self._refresh_saved()
        self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(str(path))))
        self.name_edit.setText(routine.name)
        self.name_touched = True
        self.setWindowTitle(translate("builder", "{name} — routine builder").format(name=routine.name))
        self.show_status(translate("builder", "Saved as “{name}”").format(name=routine.name))
        return True

    def show_status(self, text: str) -> None:
        """A line at the bottom saying what just happened (read out by screen readers); the next change clears it."""
        self.status_label.setText(text)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status_label, text))

    def open_saved(self) -> None:
        path = self.saved_combo.currentData()
        if not path:
            return
        try:
            routine = read_routine(Path(path))
        except RoutineError as exc:
            QMessageBox.warning(self, translate("builder", "Routine cannot be opened"), translate("builder", "That saved routine cannot be read:\n{exc}").format(exc=error_text(exc)))
            return
        pairs = []  # the (muscle, side) of each compression step; "both" for a muscle whose pattern spans both sides
        for step in routine.steps:
            muscle = self.atlas.muscles.get(step.muscle_id)
            if step.kind == "compression" and step.side in ("right", "left") and muscle is not None:
                pairs.append((step.muscle_id, "both" if muscle.bilateral else step.side))
        for pair in pairs:
            self._offer(*pair)
        ticked = frozenset(pair for pair in pairs if pair in self.offered)
        dropped = {step_key(s) for s in self._plan(ticked, ()).steps} - {step_key(s) for s in routine.steps}
        self.name_touched = True
        self.name_edit.setText(routine.name)
        self.setWindowTitle(translate("builder", "{name} — routine builder").format(name=routine.name))
        self._push(routine, ticked, translate("builder", "Open {name}").format(name=routine.name), dropped=dropped)

    def delete_saved(self) -> None:
        path = self.saved_combo.currentData()
        if not path:
            return
        name = self.saved_combo.currentText()
        answer = QMessageBox.question(self, translate("builder", "Delete saved routine?"), translate("builder", "Delete the saved routine “{name}” from this computer?").format(name=name),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)  # fmt: skip
        if answer == QMessageBox.Yes:
            try:
                self.library.delete(Path(path))
            except (KeyError, OSError) as exc:
                QMessageBox.warning(self, translate("builder", "Not deleted"), str(exc))
            self._refresh_saved()

    def start(self) -> None:
        if self.routine.steps:
            self.startRequested.emit(self.current_routine())


def builder_choices(result, selected, atlas) -> list[tuple[str, str, bool]]:
    """What the builder offers: every candidate, with the explaining set (and the selected muscle) ticked;
    with no pain marked, every muscle on both sides, only the selected one ticked. A selected muscle that is not a
    candidate (chosen in the muscle browser) is offered first, ticked."""
    chosen = tuple(selected) if selected and selected[0] in atlas.muscles else None
    if not result.candidates:
        return [(m, s, (m, s) == chosen) for s in ("right", "left", "both") for m, muscle in atlas.muscles.items() if s in muscle.sides]
    explaining = {(c.muscle_id, c.side) for c in result.explaining} or {(result.candidates[0].muscle_id, result.candidates[0].side)}
    if chosen:
        explaining.add(chosen)
    offered = [(c.muscle_id, c.side, (c.muscle_id, c.side) in explaining) for c in result.candidates]
    if chosen and all((m, s) != chosen for m, s, _ticked in offered):
        offered.insert(0, (*chosen, True))
    return offered


