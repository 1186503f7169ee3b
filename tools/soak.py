#!/usr/bin/env python3
"""Soak: the real hipmap window driven through thousands of random user actions, checked after every batch.

    python tools/soak.py [--actions N] [--seed S] [--batch B] [--check-every K] [--json] [--tracemalloc]

Runs headless (QT_QPA_PLATFORM=offscreen unless set), with a temporary QSettings file and a temporary data folder
($HIPMAP_DATA_DIR), message boxes and file dialogs answered without blocking, the real MainWindow and the real atlas.
Actions are performed the way a person would: mouse presses, moves and releases on the diagrams' viewports, key
presses (QTest.keyClick) for shortcuts, QAction.trigger for menu commands. The routine player runs on a fake clock.

After each action: no Python exception escaped a slot or an event handler, and the action did what it should.
After each batch: the event loop answers (a zero timer round trip), the current diagram and the list repaint, the
candidates equal a fresh match of the pain map, the undo stack and the widgets agree with the document. Every
K batches and at the end: undo everything, which must return to the map the undo stack started from (empty after
New, the file's map after Open), then redo back to the same map. RSS is measured after a warm-up batch and at the
end, each time after a garbage collection and malloc_trim (memory in use, not freed pages the C allocator keeps);
the growth must stay under 20 MB. The raw RSS at the same moments is reported too.

Exit status 0 when every check passed, 1 at the first failure (printed with the seed and the action index).
A short run is part of the test suite (tests/ui/test_soak.py).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RSS_LIMIT_MB = 20.0
ANSWER_TIMEOUT_S = 5.0  # the event loop must turn a zero timer round within this
IDLE_TURNS = 6  # event-loop turns between two actions: the candidate list lays out 8 rows per turn
FILES_KEPT = 4  # save/open rotates over this many temporary files


class SoakFailure(AssertionError):
    pass


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory of this process in MB (VmRSS, or the peak VmHWM), from /proc; elsewhere the peak."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def measure_rss() -> tuple[float, float]:
    """(raw RSS, RSS once free heap is given back) in MB, after a garbage collection.

    Raw RSS at one moment also counts memory the C allocator keeps after it was freed (glibc keeps the top of its
    heap, and the pages it holds vary by 10 MB or more between two runs of the same seed). malloc_trim(0) gives
    that back first, so the second figure is the memory in use. Where there is no glibc, both are the raw RSS."""
    gc.collect()
    raw = rss_mb()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return raw, raw
    return raw, rss_mb()


def _check(condition, message):
    if not condition:
        raise SoakFailure(message() if callable(message) else message)


# ------------------------------------------------------------------------------------------------ patches


@contextlib.contextmanager
def patched(attrs):
    """Set (object, name, value) triples for the duration, then put the old values back."""
    saved = [(obj, name, obj.__dict__.get(name, _MISSING) if isinstance(obj, type) else getattr(obj, name, _MISSING))
             for obj, name, _ in attrs]  # fmt: skip
    try:
        for obj, name, value in attrs:
            setattr(obj, name, value)
        yield
    finally:
        for obj, name, value in reversed(saved):
            if value is _MISSING:
                with contextlib.suppress(AttributeError):
                    delattr(obj, name)
            else:
                setattr(obj, name, value)


_MISSING = object()


@contextlib.contextmanager
def environment(name, value):
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


# ------------------------------------------------------------------------------------------------ the soak


class Soak:
    """One window, one random generator; ``step()`` performs one weighted random action and checks it."""

    def __init__(self, seed: int, workdir: Path, atlas=None, matcher=None, skip=()):
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from hipmap.core.content.atlas import load_atlas
        from hipmap.core.pain.matching import Matcher
        from hipmap.ui.mainwindow.window import MainWindow

        self.app = QApplication.instance() or QApplication(["hipmap-soak"])
        self.atlas = atlas or load_atlas()
        self.fresh = matcher or Matcher(self.atlas)  # an independent matcher: the window builds its own
        self.rng = random.Random(seed)
        self.seed = seed
        self.workdir = workdir
        self.counts: Counter = Counter()  # per action kind
        self.outcomes: Counter = Counter()  # what happened: routines started or held back, dialogs answered...
        self.messages: Counter = Counter()  # message boxes shown, by title
        self.qt_messages: Counter = Counter()
        self.errors: list[str] = []  # exceptions raised in slots and event handlers
        self.action_index = -1
        self.kind = ""
        self.max_depth = 0
        self.undo_all = {"checks": 0, "to_empty": 0, "to_opened_file": 0, "steps_undone": 0}
        self.slowest: list[tuple[float, str, int]] = []
        self.answer_ms: list[float] = []
        self.next_save: Path | None = None
        self.next_open: Path | None = None
        self.saved_maps: dict[str, object] = {}
        self.files = 0
        self.fresh_segment = False  # this batch began with New and opens no file: undoing all must empty the map
        self.warming = False  # in the warm-up: the check is answered "no" and a routine surely starts
        self.sound_loaded_in_warm_up = False
        self.pointer_stale = False  # other windows were open: Qt's idea of what is under the pointer may be old

        self.settings = QSettings(str(workdir / "settings.ini"), QSettings.IniFormat)
        self.window = MainWindow(self.atlas, settings=self.settings)
        self.window.resize(1360, 880)
        self.window.show()
        self.clock = [1000.0]
        self.window.selfcare.player_clock = lambda: self.clock[0]  # the player never waits for the wall clock
        self.fired: Counter = Counter()
        for action in self.window.actions():
            action.triggered.connect(lambda _checked=False, a=action: self.fired.update([id(a)]))
        self.flush()
        self.activate(self.window)
        self.window.current_view().setFocus()
        self.base_items = {v: len(view.scene().items()) for v, view in self.window.views.items()}
        self.reset_tracking("empty")
        self.actions = [a for a in self._action_table() if a[0] not in set(skip)]

    # -------------------------------------------------------------------------------------------- plumbing

    @property
    def doc(self):
        return self.window.document

    @property
    def stack(self):
        return self.window.document.undo_stack

    def flush(self):
        """What the running event loop does between two user actions, deferred deletes included."""
        from PySide6.QtCore import QEvent

        self.app.processEvents()
        self.app.sendPostedEvents(None, QEvent.DeferredDelete)
        self.app.processEvents()

    def idle(self, turns: int = IDLE_TURNS):
        """A few turns of the event loop: what happens between two actions of a person, who is never as quick as
        a script (zero timers, the list's batched layout, the details panel)."""
        for _ in range(turns):
            self.app.processEvents()

    def activate(self, widget):
        """Bring the widget's window to the front and give it the keyboard, as a click on it would."""
        from PySide6.QtWidgets import QApplication

        top = widget.window()
        if QApplication.activeWindow() is top:
            return
        top.raise_()
        top.activateWindow()
        deadline = time.monotonic() + 2.0
        while QApplication.activeWindow() is not top:
            self.app.processEvents()
            _check(time.monotonic() < deadline, lambda: f"the window {top.windowTitle()!r} could not be activated")
        self.idle()  # a person's next click comes well after the window is in front (and re-laid out)

    def key(self, widget, key, modifiers=None):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.activate(widget)
        QTest.keyClick(widget, key, modifiers if modifiers is not None else Qt.NoModifier)

    def press(self, action, which: int = 0, expect_fired: bool = True):
        """Press an action's shortcut on the main window; it must trigger the action when the action is enabled."""
        from PySide6.QtWidgets import QApplication

        combo = action.shortcuts()[which][0]
        enabled = action.isEnabled()
        before = self.fired[id(action)]
        self.activate(self.window)
        from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

        target = QApplication.focusWidget()
        if target is None or target.window() is not self.window:
            target = self.window
        typing = isinstance(target, (QAbstractSpinBox, QLineEdit)) or isinstance(target.parent(), QAbstractSpinBox)
        if typing:
            # In a text field a plain key is typing and Ctrl+Z undoes the typing, as Qt intends: a person would first
            # click the diagram.
            target = self.window.current_view()
            target.setFocus()
        self.key(target, combo.key(), combo.keyboardModifiers())
        if enabled and expect_fired:
            _check(self.fired[id(action)] == before + 1,
                   lambda: f"{action.shortcuts()[which].toString()} did not trigger {action.text()!r} "
                           f"(focus on {type(target).__name__})")  # fmt: skip

    def mouse(self, widget, kind, pos, button, buttons, modifiers=None):
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        pos = QPointF(pos)
        event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), button, buttons,
                            modifiers if modifiers is not None else Qt.NoModifier)  # fmt: skip
        QApplication.sendEvent(widget, event)

    def hover(self, widget, pos):
        """Move the pointer over a widget with no button down: through the window, as a real pointer moves, so the
        widget gets its enter, hover and move events."""
        from PySide6.QtTest import QTest

        self.activate(widget)
        point = pos.toPoint() if hasattr(pos, "toPoint") else pos
        # Qt ignores a move to where the pointer already is: come from a few pixels away, as a hand does.
        QTest.mouseMove(widget, point + (point.__class__(-3, 2) if point.x() > 3 else point.__class__(3, 2)))
        QTest.mouseMove(widget, point)

    def other_windows_open(self) -> bool:
        from PySide6.QtWidgets import QApplication

        return any(w.isVisible() and w is not self.window for w in QApplication.topLevelWidgets())

    def pointer_checkable(self) -> bool:
        """Whether what the pointer hovers can be checked now. With other windows open, Qt's offscreen platform
        loses track of enter and leave (every window sits at the same place, and it does not always send a leave
        to the window underneath), so a hover is only done, not checked. Back with the main window alone, the
        pointer first sweeps over the diagrams and the list, as a hand coming back to the window does."""
        from PySide6.QtCore import QPoint

        if self.other_windows_open():
            self.pointer_stale = True
            self.outcomes["hover not checked: other windows open"] += 1
            return False
        if self.pointer_stale:
            rows = self._visible_rows()
            if rows:
                self.hover(self.window.candidates.view.viewport(), rows[0][1].center())
            for view in self.visible_views():
                vp = view.viewport()
                for corner in (QPoint(3, 3), QPoint(vp.width() - 4, 3), QPoint(3, vp.height() - 4)):
                    scene = view.mapToScene(corner)
                    if view.view.region_at(scene.x(), scene.y()) is None:
                        self.hover(vp, corner)
                        break
            self.pointer_stale = False
        return True

    def drag(self, widget, points, button=None):
        from PySide6.QtCore import QEvent, Qt

        button = button or Qt.LeftButton
        self.hover(widget, points[0])  # the hand brings the pointer there first
        self.mouse(widget, QEvent.MouseButtonPress, points[0], button, button)
        for point in points[1:]:
            self.mouse(widget, QEvent.MouseMove, point, Qt.NoButton, button)
        self.mouse(widget, QEvent.MouseButtonRelease, points[-1], button, Qt.NoButton)

    def visible_views(self):
        if self.window._mode == "side":
            return list(self.window.views.values())
        return [self.window.current_view()]

    def body_point(self, view):
        """A viewport point over the body (or, zoomed in, wherever on screen the user can reach)."""
        from PySide6.QtCore import QPointF, QRectF

        from hipmap.core.synthetic import random_point_on_body

        x, y = random_point_on_body(self.atlas, self.rng, view.view_id)
        pos = QPointF(view.mapFromScene(QPointF(x, y)))
        rect = QRectF(view.viewport().rect()).adjusted(2, 2, -2, -2)
        if not rect.contains(pos):
            pos = QPointF(self.rng.uniform(rect.left(), rect.right()), self.rng.uniform(rect.top(), rect.bottom()))
        return pos

    def path_from(self, view, start, n):
        from PySide6.QtCore import QPointF

        rect = view.viewport().rect()
        points, angle = [start], self.rng.uniform(0, 2 * math.pi)
        x, y = start.x(), start.y()
        for _ in range(n - 1):
            angle += self.rng.uniform(-0.6, 0.6)
            step = self.rng.uniform(3, 14)
            x = min(max(x + step * math.cos(angle), 1), rect.width() - 2)
            y = min(max(y + step * math.sin(angle), 1), rect.height() - 2)
            points.append(QPointF(x, y))
        return points

    def live(self, widget) -> bool:
        import shiboken6

        return widget is not None and shiboken6.isValid(widget)

    # -------------------------------------------------------------------------------------------- tracking

    def reset_tracking(self, kind: str):
        """The undo stack was just cleared (New, Open, a session restored): remember what undoing all must give."""
        stack = self.stack
        if kind == "restore":
            _check(stack.count() == 1 and stack.index() == 1, "a restored map is one undoable step on a cleared stack")
            self.baseline = ("empty", None)
            self.shadow = {1: self.doc.painmap}
            self.shadow_index = 1
        else:
            _check(stack.count() == 0 and not stack.canUndo(), f"{kind}: the undo stack was not cleared")
            self.baseline = ("empty", None) if kind == "empty" else ("map", self.doc.painmap)
            if kind == "empty":
                _check(self.doc.painmap.is_empty(), "a new map is not empty")
            self.shadow = {0: self.doc.painmap}
            self.shadow_index = 0

    def track(self, index_before: int, moved_by_undo: bool):
        """After an action: the map at each undo index (checked when undo or redo comes back to it)."""
        stack = self.stack
        index = stack.index()
        if moved_by_undo:
            known = self.shadow.get(index)
            _check(known is None or known is self.doc.painmap or known == self.doc.painmap,
                   lambda: f"undo/redo to step {index} did not restore the map seen at that step")  # fmt: skip
        elif index != index_before:
            self.shadow = {k: v for k, v in self.shadow.items() if k <= index_before}  # a push drops the redo branch
        self.shadow = {k: v for k, v in self.shadow.items() if k <= stack.count()}
        self.shadow[index] = self.doc.painmap
        self.shadow_index = index
        self.max_depth = max(self.max_depth, stack.count())

    # -------------------------------------------------------------------------------------------- actions

    def _action_table(self):
        A = [
            # kind, weight, performer, available (None: always)
            ("mark", 14, self.a_mark, None),
            ("stroke", 10, lambda: self.a_stroke(erase=False), None),
            ("erase", 4, lambda: self.a_stroke(erase=True), lambda: not self.doc.painmap.is_empty()),
            ("hover_body", 4, self.a_hover_body, None),
            ("pan_drag", 1, self.a_pan, None),
            ("intensity", 4, self.a_intensity, None),
            ("quality", 3, self.a_quality, None),
            ("brush_size", 2, self.a_brush_size, None),
            ("undo", 10, self.a_undo, None),
            ("redo", 6, self.a_redo, None),
            ("clear_all", 2, self.a_clear, None),
            ("switch_view", 5, self.a_switch_view, None),
            ("layout", 2, self.a_layout, None),
            ("select_candidate", 6, self.a_select, None),
            ("click_candidate", 2, self.a_click_candidate, lambda: bool(self.doc.result.candidates)),
            ("hover_candidate", 3, self.a_hover_candidate, lambda: bool(self.doc.result.candidates)),
            ("zoom", 4, self.a_zoom, None),
            ("mark_region", 1.5, self.a_mark_region, None),
            ("save_open", 1.5, self.a_save_open, lambda: not self.fresh_segment),
            ("save", 0.5, self.a_save, None),
            ("open_recent", 0.5, self.a_open_recent, lambda: not self.fresh_segment and bool(self.window.files._recent())),
            ("new_map", 1, self.a_new, None),
            ("screening", 0.5, self.a_screening, None),
            ("routine_start", 2, self.a_routine_start, None),
            ("player_key", 4, self.a_player_key, lambda: self.live(self.window.selfcare.player)),
            ("player_start", 0, self.a_player_start, lambda: self.live(self.window.selfcare.player)),  # warm-up only
            ("player_clock", 4, self.a_player_clock, lambda: self.live(self.window.selfcare.player)),
            ("player_close", 1, self.a_player_close, lambda: self.live(self.window.selfcare.player)),
            ("builder_open", 1, self.a_builder_open, None),
            ("builder_start", 0.5, self.a_builder_start, lambda: self.live(self.window.selfcare.builder)),
            ("builder_close", 1, self.a_builder_close, lambda: self.live(self.window.selfcare.builder)),
            ("compare", 0.5, self.a_compare, lambda: self.window.selfcare.act_compare.isEnabled()),
            ("save_session", 0.7, self.a_save_session, None),
            ("history_open", 0.7, self.a_history_open, None),
            ("history_use", 0.7, self.a_history_use, lambda: self.live(self.window.practice.history)),
            ("history_close", 0.7, self.a_history_close, lambda: self.live(self.window.practice.history)),
            ("present_open", 0.7, self.a_present_open, None),
            ("present_key", 2, self.a_present_key, lambda: self.live(self.window.practice.presentation)),
            ("present_close", 0.7, self.a_present_close, lambda: self.live(self.window.practice.presentation)),
        ]
        return A

    def step(self, kind: str | None = None) -> bool:
        """One action (random, or the given kind when it is available), then its checks; False if not available."""
        choices = [(k, weight, fn) for k, weight, fn, available in self.actions
                   if (kind is None or k == kind) and (available is None or available())]  # fmt: skip
        if not choices:
            return False
        if kind is None:
            choices = [c for c in choices if c[1] > 0]
            kind, _w, fn = self.rng.choices(choices, weights=[c[1] for c in choices])[0]
        else:
            kind, _w, fn = choices[0]
        self.action_index += 1
        self.kind = kind
        index_before = self.stack.index()
        t0 = time.perf_counter()
        fn()
        self.idle()
        self.raise_errors()
        if kind not in ("new_map", "save_open", "open_recent", "history_use"):
            self.track(index_before, moved_by_undo=kind in ("undo", "redo"))
        elapsed = time.perf_counter() - t0
        self.counts[kind] += 1
        self.slowest = sorted([*self.slowest, (elapsed, kind, self.action_index)], reverse=True)[:8]
        return True

    # Every kind once; the tool windows are opened together (player, builder, history, presentation), as many
    # as a session can have at once, so the heap reaches its working size before memory is measured.
    WARM_UP = ("mark", "stroke", "hover_body", "select_candidate", "click_candidate", "hover_candidate", "zoom",
               "layout", "layout", "switch_view", "erase", "pan_drag", "intensity", "quality", "quality",
               "brush_size", "undo", "redo", "mark_region", "save_open", "save", "open_recent", "screening",
               "mark", "routine_start", "player_start", "player_clock", "player_key", "builder_open",
               "save_session", "history_open", "history_use", "present_open", "present_key", "player_clock",
               "compare", "builder_start", "player_close", "builder_close", "history_close", "present_close",
               "clear_all", "new_map")  # fmt: skip

    def warm_up(self) -> int:
        """Every kind of action once, in a fixed order: the first player loads the sound system, the first history
        opens the database, and so on. These one-time costs are paid before memory is measured."""
        first = self.action_index
        self.warming = True
        try:
            for kind in self.WARM_UP:
                if kind == "routine_start":
                    self.remark_without_nerve_signs()
                    for _ in range(5):
                        if self.doc.result.candidates:
                            break
                        self.step("mark")
                self.step(kind)
                if kind == "player_start":
                    # The start beep loads QtMultimedia (FFmpeg, PulseAudio: about 18 MB, once). Left to chance, that
                    # happened after the start figure was taken and read as growth.
                    sounds = self.window.selfcare.player.sounds
                    _check(sounds._effects is not None or sounds.failed, "the warm-up routine played no sound")
                    self.sound_loaded_in_warm_up = True
            self.look_at_every_muscle()
        finally:
            self.warming = False
        _check(self.sound_loaded_in_warm_up, "the warm-up started no routine")
        return self.action_index - first

    def look_at_every_muscle(self):
        """Every muscle selected once on each of its sides (as from the muscle browser), then none. The window keeps
        what a first look builds, each within its bound: the muscle's overlay on every diagram, its panel page, its
        picture. Left to chance, those filled up while memory was measured and read as growth."""
        w = self.window
        for muscle in w.atlas.muscles.values():
            for side in muscle.sides:
                w.select_any(muscle.id, side)
                self.idle()
        w.select_candidate("", "")
        self.idle()

    def begin_fresh_segment(self):
        """Start the batch with File > New and open no file in it, so that undoing everything at its end must
        give the empty map (Open would clear the undo stack and start it from the file's marks)."""
        self.fresh_segment = True
        self.action_index += 1
        self.kind = "new_map"
        self.a_new()
        self.counts["new_map"] += 1
        self.idle()
        self.raise_errors()

    def raise_errors(self):
        if self.errors:
            raise SoakFailure("an exception escaped into Qt:\n" + self.errors[0])

    # -- marking

    def ensure_tool(self, tool):
        view = self.window.current_view()
        if view.tool != tool:
            self.press({"brush": self.window.marking.act_brush, "eraser": self.window.marking.act_eraser, "pan": self.window.marking.act_pan}[tool])
            _check(all(v.tool == tool for v in self.window.views.values()), f"the {tool} tool did not reach every view")

    def a_mark(self):
        from PySide6.QtCore import QEvent, Qt
        from shapely.geometry import Point

        self.ensure_tool("brush")
        view = self.rng.choice(self.visible_views())
        pos = self.body_point(view)
        before, index = self.doc.painmap, self.stack.index()
        vp = view.viewport()
        self.hover(vp, pos)
        self.mouse(vp, QEvent.MouseButtonPress, pos, Qt.LeftButton, Qt.LeftButton)
        self.mouse(vp, QEvent.MouseButtonRelease, pos, Qt.LeftButton, Qt.NoButton)
        if self.stack.index() == index:
            self.outcomes["click off the body"] += 1
            _check(self.doc.painmap is before, "a click that made no mark changed the map")
            return
        marks = self.doc.painmap.marks
        _check(self.stack.index() == index + 1 and len(marks) == len(before.marks) + 1, "a click made more than one mark")
        _check(self.stack.undoText() == "Mark pain", lambda: f"a click is undone as {self.stack.undoText()!r}")
        mark = marks[-1]
        _check(mark.view == view.view_id and mark.intensity == self.window.marking.intensity_slider.value()
               and mark.qualities == self.window.marking.new_qualities(), "the mark has the wrong view, rating or qualities")  # fmt: skip
        scene = view.mapToScene(pos.toPoint())
        _check(mark.geometry.distance(Point(scene.x(), scene.y())) <= view.brush_radius + 1.5,
               "the mark is not where the click was")  # fmt: skip

    def a_stroke(self, erase: bool):
        self.ensure_tool("eraser" if erase else "brush")
        view = self.rng.choice(self.visible_views())
        points = self.path_from(view, self.body_point(view), self.rng.randint(3, 30))
        before, index = self.doc.painmap, self.stack.index()
        self.drag(view.viewport(), points)
        after = self.doc.painmap
        _check(self.stack.index() in (index, index + 1), "a stroke made more than one undo step")
        if self.stack.index() == index:
            _check(after is before, "a stroke without an undo step changed the map")
            self.outcomes["erase that removed nothing" if erase else "stroke off the body"] += 1
            return
        if erase:
            _check(self.stack.undoText() == "Erase" and len(after.marks) <= len(before.marks), "erasing added marks")
            _check(sum(m.geometry.area for m in after.marks) < sum(m.geometry.area for m in before.marks) + 1e-6,
                   "erasing made the marked area larger")  # fmt: skip
        else:
            _check(self.stack.undoText() in ("Paint pain", "Mark pain") and len(after.marks) == len(before.marks) + 1,
                   lambda: f"a stroke gave {self.stack.undoText()!r} and {len(after.marks) - len(before.marks)} marks")  # fmt: skip
        if erase and self.rng.random() < 0.7:
            self.ensure_tool("brush")  # back to painting, as people do

    def a_hover_body(self):

        checkable = self.pointer_checkable()
        view = self.rng.choice(self.visible_views())
        pos = self.body_point(view)
        self.hover(view.viewport(), pos)
        if not checkable:
            return
        scene = view.mapToScene(pos.toPoint())
        found = view.view.region_at(scene.x(), scene.y())
        _check(bool(self.window.hover_label.text()) == (found is not None),
               lambda: f"hovering {found} shows {self.window.hover_label.text()!r}")  # fmt: skip

    def a_pan(self):
        from PySide6.QtCore import Qt

        view = self.rng.choice(self.visible_views())
        start = self.body_point(view)
        points = self.path_from(view, start, self.rng.randint(3, 12))
        before = self.doc.painmap
        if self.rng.random() < 0.5:
            self.drag(view.viewport(), points, Qt.MiddleButton)
        else:
            self.ensure_tool("pan")
            self.drag(view.viewport(), points)
            self.ensure_tool("brush")
        _check(self.doc.painmap is before, "panning changed the map")

    def a_intensity(self):
        w = self.window
        choice = self.rng.randrange(13)
        old = w.marking.intensity_slider.value()
        if choice < 10:
            self.press(w.marking.intensity_actions[choice])
            expected = choice
        elif choice == 10:
            self.press(w.marking.act_ten)
            expected = 10
        elif choice == 11:
            self.press(w.marking.act_more)
            expected = min(10, old + 1)
        else:
            self.press(w.marking.act_less)
            expected = max(0, old - 1)
        _check(w.marking.intensity_slider.value() == expected and w.marking.intensity_label.text() == f"{expected}/10",
               lambda: f"the pain rating is {w.marking.intensity_slider.value()}, expected {expected}")  # fmt: skip

    def a_quality(self):
        action = self.rng.choice(list(self.window.marking.quality_actions.values()))
        was = action.isChecked()
        self.press(action)
        _check(action.isChecked() != was, lambda: f"{action.text()} did not toggle")

    def a_brush_size(self):
        w = self.window
        bigger = self.rng.random() < 0.5
        old = w.marking.brush_spin.value()
        self.press(w.marking.act_bigger if bigger else w.marking.act_smaller)
        new = w.marking.brush_spin.value()
        # ] and [ step the spin box (each press is stepBy(±2), i.e. two of its 2 px steps), within 4-40 px.
        moved = new > old if bigger else new < old
        at_end = old == (w.marking.brush_spin.maximum() if bigger else w.marking.brush_spin.minimum())
        _check((moved or (at_end and new == old)) and all(v.brush_radius == new for v in w.views.values()),
               lambda: f"the brush size went {old} -> {new} with {']' if bigger else '['}")  # fmt: skip
        self.outcomes[f"brush step {abs(new - old)} px"] += 1

    # -- edits

    def a_undo(self):
        index, could = self.stack.index(), self.stack.canUndo()
        self.press(self.window.act_undo)
        _check(self.stack.index() == (index - 1 if could else index), "Ctrl+Z did not go back exactly one step")

    def a_redo(self):
        index, could = self.stack.index(), self.stack.canRedo()
        self.press(self.window.act_redo, which=self.rng.randrange(len(self.window.act_redo.shortcuts())))
        _check(self.stack.index() == (index + 1 if could else index), "redo did not go forward exactly one step")

    def a_clear(self):
        index, empty = self.stack.index(), self.doc.painmap.is_empty()
        self.press(self.window.act_clear)
        _check(self.doc.painmap.is_empty(), "Clear All left marks")
        _check(self.stack.index() == (index if empty else index + 1), "Clear All is not one undo step")

    def a_mark_region(self):
        """Ctrl+M (or Edit > Mark a Region): choose a region with the keyboard, Enter marks it, Esc closes."""
        from PySide6.QtCore import Qt

        w = self.window
        before, index = len(self.doc.painmap.marks), self.stack.index()
        self.press(w.marking.act_mark_region) if self.rng.random() < 0.5 else w.marking.act_mark_region.trigger()
        dialog = getattr(w.marking, "region_dialog", None)
        if self.live(dialog) and dialog.isVisible():  # the searchable list of regions
            self.activate(dialog)
            target = dialog.search if hasattr(dialog, "search") else dialog
            for _ in range(self.rng.randrange(12)):
                self.key(target, Qt.Key_Down)
            marks = self.rng.randint(0, 2)
            for _ in range(marks):
                self.key(target, Qt.Key_Return)
                _check(self.live(dialog) and dialog.isVisible(),
                       "Enter in the region list closed it instead of marking the chosen region")  # fmt: skip
            _check(self.stack.index() == index + marks or (marks and self.stack.index() >= index),
                   lambda: f"Enter {marks} times in the region list made {self.stack.index() - index} undo steps")  # fmt: skip
            self.key(dialog, Qt.Key_Escape)
            self.flush()
            _check(not self.live(dialog) or not dialog.isVisible(), "Esc did not close the region list")
            self.outcomes["region list: " + ("deleted on close" if not self.live(dialog) else "hidden, not deleted")] += 1
        if self.stack.index() != index:
            _check(self.stack.undoText().startswith("Mark "), lambda: f"a region mark is undone as {self.stack.undoText()!r}")
        _check(len(self.doc.painmap.marks) >= before, "marking a region removed marks")

    # -- views and candidates

    def a_switch_view(self):
        i = self.rng.randrange(len(self.window.view_actions))
        self.press(self.window.view_actions[i])
        view_id = list(self.window.views)[i]
        _check(self.window.current_view_id() == view_id,
               lambda: f"Ctrl+{i + 1} shows {self.window.current_view_id()}, not {view_id}")  # fmt: skip

    def a_layout(self):
        w = self.window
        mode = self.rng.choice(("tabs", "side"))
        action = w.act_tabs if mode == "tabs" else w.act_side
        self.press(action) if self.rng.random() < 0.5 else action.trigger()
        _check(w._mode == mode and w.view_stack.currentWidget() is (w.tabs if mode == "tabs" else w.side_by_side),
               f"the layout did not change to {mode}")  # fmt: skip
        _check(all(v.isVisible() for v in w.views.values()) if mode == "side" else w.tabs.count() == len(w.views),
               "a diagram went missing when the layout changed")  # fmt: skip

    def a_select(self):
        w = self.window
        down = self.rng.random() < 0.6
        self.press(w.act_next if down else w.act_prev)
        keys = [c.key for c in self.doc.result.candidates]
        _check((w.selected in keys) if keys else w.selected is None, "Ctrl+Up/Down selected a muscle not in the list")

    def _visible_rows(self):
        from PySide6.QtCore import QRect

        view = self.window.candidates.view
        area = view.viewport().rect()
        rows = []
        for row in range(view.model().rowCount()):
            rect = view.visualRect(view.model().index(row, 0))
            if rect.isValid() and not rect.isEmpty() and area.intersects(rect):
                rows.append((row, rect.intersected(area) if isinstance(rect, QRect) else rect))
        return rows

    def a_click_candidate(self):
        from PySide6.QtCore import QEvent, Qt

        rows = self._visible_rows()
        if not rows:
            self.outcomes["no candidate row on screen"] += 1
            return
        row, rect = self.rng.choice(rows)
        vp = self.window.candidates.view.viewport()
        self.hover(vp, rect.center())
        self.mouse(vp, QEvent.MouseButtonPress, rect.center(), Qt.LeftButton, Qt.LeftButton)
        self.mouse(vp, QEvent.MouseButtonRelease, rect.center(), Qt.LeftButton, Qt.NoButton)
        key = self.window.candidates.model.candidate(row).key
        _check(self.window.selected == key, lambda: f"clicking row {row} selected {self.window.selected}, not {key}")

    def a_hover_candidate(self):
        checkable = self.pointer_checkable()
        vp = self.window.candidates.view.viewport()
        rows = self._visible_rows()
        if not rows:
            return
        row, rect = self.rng.choice(rows)
        self.hover(vp, rect.center())
        if not checkable:
            return
        key = self.window.candidates.model.candidate(row).key
        _check(self.window.previewed == key, lambda: f"hovering row {row} previews {self.window.previewed}, not {key}")
        if self.rng.random() < 0.3:
            # The pointer rests on the list while the keyboard changes the map, then leaves for a diagram.
            if self.rng.random() < 0.5:
                self.press(self.window.act_undo if self.rng.random() < 0.5 else self.window.act_redo)
                self.idle()
                self.track(self.shadow_index, moved_by_undo=True)
            view = self.rng.choice(self.visible_views())
            self.hover(view.viewport(), self.body_point(view))
            _check(self.window.previewed is None, "leaving the list kept a preview")
            self.outcomes["hover: left the list"] += 1

    def a_zoom(self):
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QWheelEvent

        w = self.window
        choice = self.rng.randrange(4)
        if choice < 3:
            self.press((w.act_zoom_in, w.act_zoom_out, w.act_fit)[choice])
            view = w.current_view()  # the keys act on the diagram with the focus (read after the press)
        else:
            view = self.rng.choice(self.visible_views())
            pos = self.body_point(view)
            delta = QPoint(0, 120 if self.rng.random() < 0.5 else -120)
            event = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos)), QPoint(), delta, Qt.NoButton,
                                Qt.ControlModifier, Qt.NoScrollPhase, False)  # fmt: skip
            self.app.sendEvent(view.viewport(), event)
        # The zoom just applied stays between the whole diagram and 8 x (a later layout change may move the
        # bounds: the zoom is kept, the viewport changes).
        fit = min(view.viewport().width() / view.sceneRect().width(), view.viewport().height() / view.sceneRect().height())
        scale = view.transform().m11()
        _check(fit * 0.9 <= scale <= fit * 8.01,  # fitInView keeps a 2 px margin
               lambda: f"{view.view_id} is zoomed to {scale / fit:.2f} x fit")  # fmt: skip
        if choice == 2:
            _check(scale <= fit * 1.001, "Ctrl+0 did not fit the whole diagram")

    # -- files

    def _file(self) -> Path:
        self.files += 1
        return self.workdir / f"soak-{self.files % FILES_KEPT}.hipmap.json"

    def _same_marks(self, a, b, what):
        _check(len(a.marks) == len(b.marks), lambda: f"{what}: {len(b.marks)} marks instead of {len(a.marks)}")
        for x, y in zip(a.marks, b.marks):
            _check((x.view, x.intensity, x.qualities, x.side) == (y.view, y.intensity, y.qualities, y.side),
                   lambda: f"{what}: a mark's view, rating, qualities or side changed")  # fmt: skip
            # Files keep coordinates to 0.01 (to_geojson_many): the outline may move by that much, no more.
            moved = x.geometry.symmetric_difference(y.geometry).area
            allowed = 0.01 * (x.geometry.length + y.geometry.length) + 0.01
            _check(moved <= allowed, lambda: f"{what}: a mark's shape changed by {moved:.2f} (allowed {allowed:.2f})")

    def a_save_open(self):
        w = self.window
        saved = self.doc.painmap
        path = self.next_save = self._file()
        self.press(w.files.act_save_as)
        _check(not self.doc.is_modified() and self.doc.path == path and path.exists(), "Save As did not save to the chosen file")
        _check(self.doc.painmap is saved, "saving changed the map")
        self.saved_maps[str(path)] = saved
        self.next_open = path
        if self.rng.random() < 0.5:
            self.press(w.files.act_open)
        else:
            w.files.act_open.trigger()
        _check(self.doc.path == path and not self.doc.is_modified(), "Open did not open the chosen file")
        self._same_marks(saved, self.doc.painmap, "save then open")
        self.reset_tracking("opened")

    def a_save(self):
        w = self.window
        if self.doc.path is None:
            self.next_save = self._file()
        self.press(w.files.act_save)
        _check(not self.doc.is_modified(), "Save left the map modified")
        self.saved_maps[str(self.doc.path)] = self.doc.painmap

    def a_open_recent(self):
        actions = [a for a in self.window.files.recent_menu.actions() if a.toolTip()]
        action = self.rng.choice(actions)
        path = action.toolTip()
        index = self.stack.index()
        action.trigger()  # File > Open Recent > file
        if path not in self.saved_maps or not Path(path).exists():
            self.outcomes["recent file not there"] += 1
            self.track(index, False)
            return
        _check(self.doc.path == Path(path) and not self.doc.is_modified(), "Open Recent did not open the file")
        self._same_marks(self.saved_maps[path], self.doc.painmap, "open recent")
        self.reset_tracking("opened")

    def a_new(self):
        self.press(self.window.files.act_new)
        _check(self.doc.painmap.is_empty() and self.doc.path is None and not self.doc.is_modified(),
               "New did not give an empty, unmodified map")  # fmt: skip
        self.reset_tracking("empty")

    # -- safety and the routine player

    def answer_screening(self, dialog, yes: bool):
        from PySide6.QtWidgets import QDialogButtonBox

        questions = [q.id for q in self.window.selfcare.red_flags.questions]
        said_yes = self.rng.choice(questions) if yes else None
        for qid in questions:
            dialog.set_answer(qid, qid == said_yes)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Close).click()
        self.flush()
        _check(not self.live(dialog), "the warning-signs dialog was not deleted when closed")
        nerve = self.doc.painmap.has_nerve_signs()
        expected = "no" if (yes or nerve) else "yes"
        _check(self.settings.value("safety/may_self_treat") == expected,
               lambda: f"after the check, may_self_treat is {self.settings.value('safety/may_self_treat')!r}")  # fmt: skip
        self.outcomes["screening answered " + ("with a yes" if yes else "all no")] += 1

    def open_screening_dialog(self):
        dialog = getattr(self.window.selfcare, "screening_dialog", None)
        return dialog if self.live(dialog) and dialog.isVisible() else None

    def a_screening(self, yes: bool | None = None):
        self.press(self.window.selfcare.act_screen)
        dialog = self.open_screening_dialog()
        _check(dialog is not None, "Ctrl+Shift+K did not open the warning-signs check")
        if yes is None:
            yes = not self.warming and self.rng.random() < 0.1
        self.answer_screening(dialog, yes=yes)

    def _expect_routine(self, old, what, muscle=None):
        """After asking for a routine (Ctrl+R: for the selected MUSCLE): a player opens exactly when self-care is
        allowed and there is a timed routine to play."""
        w = self.window
        dialog = self.open_screening_dialog()
        nerve = self.doc.painmap.has_nerve_signs()
        if dialog is not None:  # the app asked the questions first: answer them
            self.answer_screening(dialog, yes=False)
            if not nerve:
                return "screened"  # then ask again
        player = w.selfcare.player
        allowed = not nerve and self.settings.value("safety/may_self_treat") == "yes"
        if allowed and muscle is not None and not self.has_timed_routine(muscle):  # (pelvic floor: its details say what to do instead)
            _check(player is old or not self.live(player), f"{what}: a player opened for a muscle with no timed routine")
            self.outcomes["no timed routine: the details instead"] += 1
        elif allowed:
            _check(self.live(player) and player is not old and player.isVisible(), f"{what}: no player opened")
            self.outcomes["routine started"] += 1
            _check(w.selfcare.before_routine is self.doc.painmap, "the map before the routine was not kept")
        else:
            _check(player is old or not self.live(player), f"{what}: a player opened although self-care is on hold")
            self.outcomes["routine held back (nerve signs)" if nerve else "routine held back (a doctor first)"] += 1
        return "done"

    def has_timed_routine(self, selected) -> bool:
        from hipmap.core.routine.builder import routine_for_muscle

        muscle = self.window.atlas.muscles[selected[0]]
        return bool(routine_for_muscle(muscle, selected[1], self.window.atlas.exercises).steps)

    def a_routine_start(self):
        w = self.window
        if self.doc.painmap.has_nerve_signs() and (self.warming or self.rng.random() < 0.7):
            self.remark_without_nerve_signs()
        elif self.settings.value("safety/may_self_treat") != "yes" and (self.warming or self.rng.random() < 0.7):
            self.a_screening(yes=False)  # told "a doctor first" last time; the answers have changed since
        if w.selected is None:
            self.press(w.act_next)
            if w.selected is None:
                old = w.selfcare.player
                self.press(w.selfcare.act_routine)
                _check(w.selfcare.player is old, "a routine started with no muscle selected")
                self.outcomes["routine without a muscle"] += 1
                return
        old = w.selfcare.player
        self.press(w.selfcare.act_routine)
        if self._expect_routine(old, "Ctrl+R", w.selected) == "screened":
            old = w.selfcare.player
            self.press(w.selfcare.act_routine)
            _check(self._expect_routine(old, "Ctrl+R after the check", w.selected) == "done", "the check was asked again right after it was answered")

    def remark_without_nerve_signs(self):
        """What the nerve-sign banner asks for, done the quick way: no tingling or numbness, clear, mark again."""
        w = self.window
        for quality in ("tingling", "numbness"):
            if w.marking.quality_actions[quality].isChecked():
                self.press(w.marking.quality_actions[quality])
        if self.doc.painmap.has_nerve_signs():
            self.press(w.act_clear)
            for _ in range(self.rng.randint(1, 3)):
                self.a_mark()
            self.outcomes["cleared the nerve-sign marks to start a routine"] += 1

    def _player(self):
        player = self.window.selfcare.player
        self.activate(player)
        if not player.hasFocus():
            player.setFocus()
        return player

    def a_player_key(self):
        from PySide6.QtCore import Qt

        player = self._player()
        engine = player.player
        key = self.rng.choice([Qt.Key_Space, Qt.Key_Space, Qt.Key_Right, Qt.Key_Left, Qt.Key_H, Qt.Key_Escape,
                               Qt.Key_Up, Qt.Key_Down, Qt.Key_M, Qt.Key_F11])  # fmt: skip
        state = engine.state
        runs = self.window.selfcare.last_run
        self.key(player, key)
        after = engine.state
        if key == Qt.Key_Space:
            expected = {"idle": "running", "running": "paused", "paused": "running"}.get(state, state)
            _check(after == expected or (state in ("running", "paused") and after == "finished"),
                   lambda: f"Space in {state} gave {after}")  # fmt: skip
        elif key == Qt.Key_Escape and state in ("running", "paused"):
            _check(after == "stopped", lambda: f"Esc in {state} gave {after}")
        if after in ("finished", "stopped") and state not in ("finished", "stopped"):
            _check(self.window.selfcare.last_run is not runs and self.window.selfcare.last_run is not None, "the window missed the end of the routine")
            _check(not player.timer.isActive(), "the player's timer runs after the routine ended")
            self.outcomes[f"routine {after}"] += 1
        self.outcomes[f"player key {Qt.Key(key).name}"] += 1

    def a_player_start(self):
        """Space: start the routine (in the warm-up, so that its first beep loads the sound system)."""
        from PySide6.QtCore import Qt

        player = self._player()
        if player.player.state == "idle":
            self.key(player, Qt.Key_Space)
            _check(player.player.state == "running", "Space did not start the routine")
            self.outcomes["player key Key_Space"] += 1

    def a_player_clock(self):
        player = self.window.selfcare.player
        engine = player.player
        state = engine.state
        elapsed = engine.elapsed() if state in ("running", "paused") else None
        step = self.rng.choice((0.3, 1.0, 2.5, 5.0, 10.0, 30.0, 90.0, 600.0))  # 600 s: the routine ends
        self.clock[0] += step
        runs = self.window.selfcare.last_run
        player.tick()
        if state == "paused":
            _check(math.isclose(engine.elapsed(), elapsed, abs_tol=1e-6), "time passed while the routine was paused")
        elif state == "running" and engine.state == "running":
            _check(math.isclose(engine.elapsed(), elapsed + step, abs_tol=1e-6),
                   lambda: f"{step} s on the clock moved the routine by {engine.elapsed() - elapsed} s")  # fmt: skip
        if engine.state == "finished" and state == "running":
            _check(self.window.selfcare.last_run is not runs, "the window missed the end of the routine")
            self.outcomes["routine finished"] += 1

    def check_deleted(self, owner, attribute: str, window, what: str):
        """After closing a tool window: Qt deletes it and its owner lets go of it."""
        self.flush()
        _check(getattr(owner, attribute) is None and not self.live(window), f"the closed {what} was not deleted")

    def a_player_close(self):
        player = self.window.selfcare.player
        player.close()
        self.check_deleted(self.window.selfcare, "player", player, "player")

    def a_builder_open(self):
        w = self.window
        old = w.selfcare.builder
        self.press(w.selfcare.act_builder)
        _check(self.live(w.selfcare.builder) and w.selfcare.builder.isVisible() and w.selfcare.builder is not old, "Ctrl+Shift+R did not open the builder")
        self.flush()
        _check(old is None or not self.live(old), "the old builder was not deleted")

    def a_builder_start(self):
        from PySide6.QtCore import Qt

        w = self.window
        builder = w.selfcare.builder
        old = w.selfcare.player
        if not builder.routine.steps:
            self.outcomes["builder with no steps"] += 1
            return
        self.key(builder, Qt.Key_Return, Qt.ControlModifier)
        if self._expect_routine(old, "the builder's Start") == "screened":
            old = w.selfcare.player
            if self.live(w.selfcare.builder):
                self.key(w.selfcare.builder, Qt.Key_Return, Qt.ControlModifier)
                _check(self._expect_routine(old, "the builder's Start after the check") == "done",
                       "the check was asked again right after it was answered")  # fmt: skip

    def a_builder_close(self):
        from PySide6.QtCore import Qt

        builder = self.window.selfcare.builder
        if self.rng.random() < 0.5:
            self.key(builder, Qt.Key_Escape)
        else:
            builder.close()
        self.check_deleted(self.window.selfcare, "builder", builder, "builder")

    def a_compare(self):
        w = self.window
        self.press(w.selfcare.act_compare)
        dialog = w.selfcare.compare_dialog
        _check(self.live(dialog) and dialog.isVisible(), "Ctrl+Shift+B did not show the comparison")
        self.app.processEvents()
        dialog.close()
        self.check_deleted(w.selfcare, "compare_dialog", dialog, "comparison")

    # -- sessions and history

    def a_save_session(self):
        w = self.window
        self.press(w.practice.act_save_session)
        dialog = getattr(w.practice, "session_dialog", None)
        _check(self.live(dialog) and dialog.saved is not None, "the session was not saved")
        self.outcomes["sessions saved"] += 1

    def a_history_open(self):
        w = self.window
        self.press(w.practice.act_history)
        _check(self.live(w.practice.history) and w.practice.history.isVisible(), "Ctrl+H did not open the history")

    def a_history_use(self):
        from PySide6.QtCore import QEvent, Qt

        history = self.window.practice.history
        table = history.table
        rows = table.model().rowCount()
        if not rows:
            self.outcomes["history empty"] += 1
            return
        self.activate(history)
        row = self.rng.randrange(min(rows, 6))
        rect = table.visualRect(table.model().index(row, 0))
        if rect.isValid() and table.viewport().rect().contains(rect.center()):
            self.hover(table.viewport(), rect.center())
            self.mouse(table.viewport(), QEvent.MouseButtonPress, rect.center(), Qt.LeftButton, Qt.LeftButton)
            self.mouse(table.viewport(), QEvent.MouseButtonRelease, rect.center(), Qt.LeftButton, Qt.NoButton)
        else:
            history.select_rows([row])
        _check(history.selected_rows() == [row], lambda: f"clicking history row {row} selected {history.selected_rows()}")
        if self.rng.random() < 0.5:
            self.key(table, Qt.Key_Return)  # open read-only, look, close
            viewer = history.viewer
            _check(self.live(viewer) and viewer.isVisible(), "Return did not open the session read-only")
            self.app.processEvents()
            viewer.close()
            self.check_deleted(history, "viewer", viewer, "session viewer")
            self.outcomes["history: viewed a session"] += 1
            self.track(self.stack.index(), False)
        else:
            self.key(history, Qt.Key_N, Qt.ControlModifier)  # start a new map from this session
            _check(self.doc.path is None, "starting from a session kept the old file name")
            if self.doc.painmap.is_empty():  # a session saved with no marks: a new, empty map (one undo step or none)
                self.reset_tracking("restore" if self.stack.count() else "empty")
                self.outcomes["history: started from an empty session"] += 1
            else:
                _check(self.doc.is_modified(), "starting from a session gave no unsaved map")
                self.reset_tracking("restore")
            self.outcomes["history: started from a session"] += 1

    def a_history_close(self):
        from PySide6.QtCore import Qt

        history = self.window.practice.history
        self.key(history, Qt.Key_Escape)
        self.check_deleted(self.window.practice, "history", history, "history")

    # -- presentation

    def a_present_open(self):
        w = self.window
        if self.live(w.practice.presentation):
            w.practice.presentation.close()
            self.flush()
        self.press(w.practice.act_present)
        _check(self.live(w.practice.presentation) and w.practice.presentation.isVisible(), "F5 did not start the presentation")

    def a_present_key(self):
        from PySide6.QtCore import Qt

        shown = self.window.practice.presentation
        key = self.rng.choice([Qt.Key_PageDown, Qt.Key_PageDown, Qt.Key_PageUp, Qt.Key_Home, Qt.Key_End, Qt.Key_1,
                               Qt.Key_2, Qt.Key_3, Qt.Key_4, Qt.Key_5, Qt.Key_S, Qt.Key_B, Qt.Key_F1])  # fmt: skip
        self.key(shown, key)
        _check(shown.current() is None or 0 <= shown.deck.index < len(shown.slides), "the presentation left its slides")

    def a_present_close(self):
        from PySide6.QtCore import Qt

        shown = self.window.practice.presentation
        if shown.act_blank.isChecked():
            self.key(shown, Qt.Key_B)  # a blanked screen first comes back
        self.key(shown, Qt.Key_Escape)
        self.flush()
        _check(self.window.practice.presentation is None and not self.live(shown), "Esc did not close and delete the presentation")

    # -------------------------------------------------------------------------------------------- batch checks

    def answers(self) -> float:
        """The event loop turns: a zero timer fires, the current diagram and the list repaint."""
        from PySide6.QtCore import QTimer

        done = []
        t0 = time.perf_counter()
        QTimer.singleShot(0, lambda: done.append(time.perf_counter()))
        while not done:
            self.app.processEvents()
            _check(time.perf_counter() - t0 < ANSWER_TIMEOUT_S, "the window does not answer: a zero timer never fired")
        self.window.current_view().viewport().repaint()
        self.window.candidates.repaint()
        ms = (time.perf_counter() - t0) * 1000
        self.answer_ms.append(ms)
        return ms

    def invariants(self):
        w, doc, stack = self.window, self.doc, self.stack
        _check(w.isVisible(), "the main window is gone")
        _check(0 <= stack.index() <= stack.count(), "the undo index is outside the stack")
        _check(stack.canUndo() == (stack.index() > 0) and stack.canRedo() == (stack.index() < stack.count()),
               "the undo stack's canUndo/canRedo disagree with its index")  # fmt: skip
        _check(w.act_undo.isEnabled() == stack.canUndo() and w.act_redo.isEnabled() == stack.canRedo(),
               "Undo/Redo are enabled when they cannot act (or the reverse)")  # fmt: skip
        _check(w.isWindowModified() == doc.is_modified(), "the title's modified mark disagrees with the document")
        self.fresh._mark_cells.clear()  # truly fresh: nothing from earlier maps (and nothing kept for later)
        fresh = self.fresh.match(doc.painmap)
        self.fresh._mark_cells.clear()
        shown = doc.result
        _check([c.key for c in shown.candidates] == [c.key for c in fresh.candidates],
               lambda: "the ranked candidates differ from a fresh match: "
                       f"{[c.key for c in shown.candidates[:3]]} vs {[c.key for c in fresh.candidates[:3]]}")  # fmt: skip
        _check(all(math.isclose(a.score, b.score, abs_tol=1e-9) for a, b in zip(shown.candidates, fresh.candidates)),
               "a candidate's score differs from a fresh match")  # fmt: skip
        _check([c.key for c in w.candidates.result().candidates] == [c.key for c in shown.candidates]
               and w.candidates.model.rowCount() == len(shown.candidates), "the list does not show the current result")  # fmt: skip
        keys = {c.key for c in shown.candidates}
        _check(w.selected is None or w.selected in keys, "the selected muscle is not in the list")
        _check(w.selected == w.candidates.current(), lambda: f"the window selected {w.selected}, the list {w.candidates.current()}")
        for view_id, view in w.views.items():
            mine = tuple(m for m in doc.painmap.marks if m.view == view_id)
            _check(view._marks == mine and len(view.mark_items) == 2 * len(mine),
                   lambda: f"the {view_id} diagram does not show the map's marks")  # fmt: skip
            if view._overlay_pending is not None:  # not showing: the muscle selected is drawn when it is shown
                waiting = len(view.scene().items())
                _check(waiting == self.base_items[view_id] + len(view.mark_items) and not view.isVisible(),
                       lambda: f"the {view_id} scene, waiting to be shown, has {waiting} items")  # fmt: skip
                view.ensure_overlay()  # (drawn now, to be checked as the others)
            items = len(view.scene().items())
            expected = self.base_items[view_id] + len(view.mark_items) + len(view.overlay_items) + len(view.muscle_layer.items)
            _check(items == expected, lambda: f"the {view_id} scene has {items} items, expected {expected}")
        _check(w.selfcare.nerve_banner.isVisible() == doc.painmap.has_nerve_signs(), "the nerve-sign banner disagrees with the map")
        _check(w.selfcare.act_compare.isEnabled() == (w.selfcare.comparing_from is not None), "Compare is enabled without a before map")
        for name, tool in self.tool_windows().items():
            _check(tool is None or (self.live(tool) and tool.isVisible()), f"window.{name} is kept but closed or deleted")

    def undo_everything(self):
        """Undo all the way back: the map the stack started from; then redo to exactly where we were."""
        from PySide6.QtWidgets import QApplication

        w, doc, stack = self.window, self.doc, self.stack
        index, before = stack.index(), doc.painmap
        while stack.canUndo():
            stack.undo()
            known = self.shadow.get(stack.index())
            _check(known is None or known == doc.painmap, lambda: f"undo to step {stack.index()} gave a different map")
            self.undo_all["steps_undone"] += 1
        QApplication.processEvents()
        kind, baseline = self.baseline
        if kind == "empty":
            _check(doc.painmap.is_empty(), lambda: f"undoing everything left {len(doc.painmap.marks)} marks")
            _check(all(not v.mark_items for v in w.views.values()), "undoing everything left marks on a diagram")
            _check(not doc.result.candidates and w.candidates.model.rowCount() == 0, "undoing everything left candidates")
            self.undo_all["to_empty"] += 1
        else:
            _check(doc.painmap == baseline, "undoing everything did not return to the opened file's map")
            self.undo_all["to_opened_file"] += 1
        _check(not w.act_undo.isEnabled(), "Undo is still enabled with nothing to undo")
        while stack.index() < index:
            _check(stack.canRedo(), "redo ran out before the step we started from")
            stack.redo()
            known = self.shadow.get(stack.index())
            _check(known is None or known == doc.painmap, lambda: f"redo to step {stack.index()} gave a different map")
        _check(doc.painmap == before, "undo all then redo all did not give the same map")
        self.undo_all["checks"] += 1

    def check_batch(self, undo_all: bool) -> float:
        self.flush()
        self.raise_errors()
        ms = self.answers()
        self.invariants()
        if undo_all:
            self.undo_everything()
            self.invariants()
        self.idle()  # the list re-laid out after undo and redo, before the next action
        self.raise_errors()
        return ms

    def tool_windows(self) -> dict:
        """The main window's tool windows by name, where its flows keep them (None when closed)."""
        w = self.window
        return {"player": w.selfcare.player, "builder": w.selfcare.builder, "history": w.practice.history,
                "presentation": w.practice.presentation, "compare_dialog": w.selfcare.compare_dialog}  # fmt: skip

    def close_tools(self):
        for tool in self.tool_windows().values():
            if self.live(tool):
                tool.close()
        self.flush()

    def close(self):
        self.close_tools()
        self.doc.undo_stack.setClean()
        self.window.files.clear_autosave()
        self.window.close()
        self.window.deleteLater()
        self.flush()


# ------------------------------------------------------------------------------------------------ run


def run(actions: int = 10000, seed: int = 1, batch: int = 200, check_every: int = 1, atlas=None, matcher=None,
        workdir: Path | None = None, progress=None, trace: bool = False, skip=()) -> dict:  # fmt: skip
    """Run the soak; returns the report (``report["ok"]``, figures, and the failure if any)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import datetime, timezone

    from PySide6.QtCore import QObject, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

    from hipmap.core.store.opening import ENV_DATA_DIR
    from hipmap.ui.history.sessions import SaveSessionDialog

    QApplication.instance() or QApplication(["hipmap-soak"])
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hipmap-soak-")))
        workdir = Path(workdir)
        (workdir / "data").mkdir(parents=True, exist_ok=True)
        stack.enter_context(environment(ENV_DATA_DIR, str(workdir / "data")))
        soak_ref: list[Soak] = []

        def question(*args, **_kwargs):
            title = args[1] if len(args) > 1 else ""
            soak_ref[0].messages[f"question: {title}"] += 1
            if title == "Unsaved marks":
                return QMessageBox.Discard
            if title == "How does it feel now?":
                return QMessageBox.Yes if soak_ref[0].rng.random() < 0.7 else QMessageBox.No
            if title == "Session history cannot be opened":
                return QMessageBox.Yes
            return QMessageBox.No

        def note(kind):
            def answer(*args, **_kwargs):
                title = args[1] if len(args) > 1 else ""
                soak_ref[0].messages[f"{kind}: {title}"] += 1
                if kind == "critical":
                    soak_ref[0].errors.append(f"an error message box: {title}: {args[2] if len(args) > 2 else ''}")
                return QMessageBox.Ok

            return answer

        def save_name(*_args, **_kwargs):
            soak = soak_ref[0]
            path, soak.next_save = soak.next_save, None
            return (str(path), "") if path else ("", "")

        def open_name(*_args, **_kwargs):
            soak = soak_ref[0]
            path, soak.next_open = soak.next_open, None
            return (str(path), "") if path else ("", "")

        def pick_item(*args, **_kwargs):
            return soak_ref[0].rng.choice(args[3]), True

        def accept_session(dialog):
            soak = soak_ref[0]
            dialog.person_combo.setCurrentText(soak.rng.choice(("", "AB", "J.K.", "me")))
            if soak.rng.random() < 0.5:
                dialog.after_spin.setValue(soak.rng.randint(0, 10))
            dialog.accept()
            return QDialog.Accepted if dialog.saved is not None else QDialog.Rejected

        stack.enter_context(patched([
            (QMessageBox, "question", staticmethod(question)),
            (QMessageBox, "warning", staticmethod(note("warning"))),
            (QMessageBox, "information", staticmethod(note("information"))),
            (QMessageBox, "critical", staticmethod(note("critical"))),
            (QFileDialog, "getSaveFileName", staticmethod(save_name)),
            (QFileDialog, "getOpenFileName", staticmethod(open_name)),
            (QInputDialog, "getItem", staticmethod(pick_item)),
            (SaveSessionDialog, "exec", accept_session),
        ]))  # fmt: skip

        errors: list[str] = []
        qt_messages: Counter = Counter()
        old_hook = sys.excepthook

        def hook(kind, value, tb):
            errors.append("".join(traceback.format_exception(kind, value, tb)))

        def qt_handler(mode, _context, message):
            qt_messages[f"{mode.name}: {message[:160]}"] += 1
            if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                errors.append(f"Qt {mode.name}: {message}")

        sys.excepthook = hook
        old_handler = qInstallMessageHandler(qt_handler)
        stack.callback(lambda: setattr(sys, "excepthook", old_hook))
        stack.callback(lambda: qInstallMessageHandler(old_handler))

        if trace:
            import tracemalloc

            tracemalloc.start(25)
        t_start = time.perf_counter()
        soak = Soak(seed, workdir, atlas=atlas, matcher=matcher, skip=skip)
        soak_ref.append(soak)
        soak.errors = errors
        soak.qt_messages = qt_messages
        # The warning-signs check was done today with no yes (the soak answers it again when the app asks).
        soak.settings.setValue("safety/screened_at", datetime.now(timezone.utc).isoformat())
        soak.settings.setValue("safety/may_self_treat", "yes")
        soak.settings.setValue("player/sound", "true")

        report = {"seed": seed, "actions_requested": actions, "batch": batch, "check_every": check_every,
                  "skipped_kinds": sorted(skip)}  # fmt: skip
        failure = None
        batch_times, rss_series, in_use_series = [], [], []
        rss_start = raw_start = children_start = toplevel_start = None
        snapshot = None
        batches = max(1, math.ceil(actions / batch))
        t_run = None
        try:
            checkpoints = 0
            for b in range(batches):
                t_batch = time.perf_counter()
                last = b == batches - 1
                undo_all = last or (b + 1) % check_every == 0
                n = min(batch, actions - b * batch)
                if b == 0:
                    n -= soak.warm_up()
                # Every other checkpoint batch starts from File > New and opens no file: undoing all must empty it.
                if undo_all and checkpoints % 2 == 1 and n > 1:
                    soak.begin_fresh_segment()
                    n -= 1
                for _ in range(n):
                    soak.step()
                soak.check_batch(undo_all=undo_all)
                soak.fresh_segment = False
                checkpoints += undo_all
                batch_times.append(time.perf_counter() - t_batch)
                raw, in_use = measure_rss()  # raw first: the trim is what the in-use figure adds
                rss_series.append(round(raw, 2))
                in_use_series.append(round(in_use, 2))
                if b == 0:  # after the warm-up batch: every kind of window has been built once or so
                    soak.close_tools()
                    raw_start, rss_start = measure_rss()
                    children_start = len(soak.window.findChildren(QObject))
                    toplevel_start = len(QApplication.topLevelWidgets())
                    t_run = time.perf_counter()
                    if trace:
                        snapshot = tracemalloc.take_snapshot()
                if progress:
                    progress(b + 1, batches, soak, rss_series[-1], in_use_series[-1])
        except SoakFailure as exc:
            failure = {"action_index": soak.action_index, "action": soak.kind, "message": str(exc),
                       "traceback": traceback.format_exc()}  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - a crash of the soak itself is a failure too, with its place
            failure = {"action_index": soak.action_index, "action": soak.kind, "message": f"{type(exc).__name__}: {exc}",
                       "traceback": traceback.format_exc()}  # fmt: skip
        total = time.perf_counter() - t_start
        if failure is None:
            soak.close_tools()
        raw_end, rss_end = measure_rss()
        children_end = len(soak.window.findChildren(QObject))
        toplevel_end = len(QApplication.topLevelWidgets())
        top_growth = []
        if trace and snapshot is not None:
            stats = tracemalloc.take_snapshot().compare_to(snapshot, "lineno")
            top_growth = [str(s) for s in stats[:15]]
            tracemalloc.stop()
        done = soak.action_index + 1
        growth = None if rss_start is None else rss_end - rss_start
        raw_growth = None if raw_start is None else raw_end - raw_start
        timed = (time.perf_counter() if t_run else 0) - (t_run or 0)
        report.update({
            "ok": failure is None and growth is not None and growth < RSS_LIMIT_MB,
            "actions": done,
            "time_s": round(total, 2),
            "actions_per_s": round(done / total, 1) if total else None,
            "batches": len(batch_times),
            "max_batch_s": round(max(batch_times), 3) if batch_times else None,
            "median_batch_s": round(sorted(batch_times)[len(batch_times) // 2], 3) if batch_times else None,
            "slowest_actions": [{"ms": round(s * 1000, 1), "action": k, "index": i} for s, k, i in soak.slowest],
            "answer_ms_max": round(max(soak.answer_ms), 2) if soak.answer_ms else None,
            # Memory in use (RSS after a garbage collection and malloc_trim): the limit applies to this growth.
            "rss_start_mb": None if rss_start is None else round(rss_start, 2),
            "rss_end_mb": round(rss_end, 2),
            "rss_growth_mb": None if growth is None else round(growth, 2),
            "rss_limit_mb": RSS_LIMIT_MB,
            # The same moments before malloc_trim: includes freed memory the allocator kept (for information).
            "rss_raw_start_mb": None if raw_start is None else round(raw_start, 2),
            "rss_raw_end_mb": round(raw_end, 2),
            "rss_raw_growth_mb": None if raw_growth is None else round(raw_growth, 2),
            "rss_peak_mb": round(rss_mb("VmHWM"), 2),
            "rss_after_each_batch_mb": rss_series,
            "rss_in_use_after_each_batch_mb": in_use_series,
            "measured_over_s": round(timed, 2) if t_run else None,
            "window_qobjects_start_end": [children_start, children_end],
            "top_level_widgets_start_end": [toplevel_start, toplevel_end],
            "counts": dict(sorted(soak.counts.items(), key=lambda kv: -kv[1])),
            "outcomes": dict(sorted(soak.outcomes.items())),
            "message_boxes": dict(sorted(soak.messages.items())),
            "qt_messages": dict(qt_messages.most_common(20)),
            "undo_all": dict(soak.undo_all),
            "deepest_undo_stack": soak.max_depth,
            "failure": failure,
        })  # fmt: skip
        if top_growth:
            report["tracemalloc_top_growth"] = top_growth
        if failure is None and growth is not None and growth >= RSS_LIMIT_MB:
            report["failure"] = {"action_index": done - 1, "action": "(memory)",
                                 "message": f"RSS grew {growth:.1f} MB (limit {RSS_LIMIT_MB:.0f} MB)"}  # fmt: skip
        try:
            soak.close()
        except Exception:  # noqa: BLE001 - the report matters more than a tidy exit
            pass
        return report


def format_report(r: dict) -> str:
    lines = [
        f"hipmap soak: seed {r['seed']}, {r['actions']} actions in {r['batches']} batches of {r['batch']} "
        f"(undo-everything check every {r['check_every']} batches and at the end)",
        f"  time {r['time_s']} s, {r['actions_per_s']} actions/s; batch median {r['median_batch_s']} s, max {r['max_batch_s']} s; "
        f"event loop answered within {r['answer_ms_max']} ms at worst",
        f"  RSS in use (after gc and malloc_trim): start {r['rss_start_mb']} MB (after the warm-up batch), end {r['rss_end_mb']} MB, "
        f"growth {r['rss_growth_mb']} MB (limit {r['rss_limit_mb']:.0f} MB)",
        f"  RSS raw at the same moments: start {r['rss_raw_start_mb']} MB, end {r['rss_raw_end_mb']} MB, growth "
        f"{r['rss_raw_growth_mb']} MB; peak {r['rss_peak_mb']} MB",
        f"  window QObjects start/end {r['window_qobjects_start_end']}, top-level widgets start/end {r['top_level_widgets_start_end']}",
        f"  undo everything: {r['undo_all']['checks']} checks ({r['undo_all']['to_empty']} back to an empty map, "
        f"{r['undo_all']['to_opened_file']} back to an opened file), {r['undo_all']['steps_undone']} steps undone; "
        f"deepest undo stack {r['deepest_undo_stack']}",
        "  actions: " + ", ".join(f"{k} {v}" for k, v in r["counts"].items()),
        "  outcomes: " + ", ".join(f"{k} {v}" for k, v in r["outcomes"].items()),
        "  message boxes: " + (", ".join(f"{k} {v}" for k, v in r["message_boxes"].items()) or "none"),
        "  slowest actions: " + ", ".join(f"{s['action']} #{s['index']} {s['ms']} ms" for s in r["slowest_actions"][:5]),
    ]
    if r["qt_messages"]:
        lines.append("  Qt messages: " + "; ".join(f"{k} (x{v})" for k, v in r["qt_messages"].items()))
    for line in r.get("tracemalloc_top_growth", []):
        lines.append("  tracemalloc: " + line)
    failure = r.get("failure")
    if failure:
        lines.append(f"FAILED at action #{failure['action_index']} ({failure['action']}), seed {r['seed']}: {failure['message']}")
        if failure.get("traceback"):
            lines.append(failure["traceback"].rstrip())
        skips = "".join(f" --skip {k}" for k in r.get("skipped_kinds", []))
        lines.append(f"  reproduce: python tools/soak.py --seed {r['seed']} --actions {r['actions_requested']} --batch {r['batch']}"
                     f" --check-every {r['check_every']}{skips}")
    else:
        lines.append("OK: every check passed" if r["ok"] else "FAILED")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=10000, help="how many random actions (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--batch", type=int, default=200, help="actions between checks (default 200)")
    parser.add_argument("--check-every", type=int, default=1, help="undo everything every K batches (default 1)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--tracemalloc", action="store_true", help="report where Python memory grew (slower)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--skip", action="append", default=[], metavar="KIND", help="leave out an action kind (repeatable)")
    args = parser.parse_args(argv)
    if args.actions < 1 or args.batch < 1 or args.check_every < 1:
        parser.error("--actions, --batch and --check-every must be at least 1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def progress(done, total, soak, rss, in_use):
        if not args.quiet:
            print(f"batch {done}/{total}: {soak.action_index + 1} actions, RSS {rss:.1f} MB ({in_use:.1f} in use), "
                  f"undo stack {soak.stack.count()}", file=sys.stderr, flush=True)  # fmt: skip

    report = run(args.actions, args.seed, args.batch, args.check_every, progress=progress, trace=args.tracemalloc,
                 skip=tuple(args.skip))  # fmt: skip
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
