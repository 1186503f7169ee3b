"""The guided routine player: a large countdown to follow from the floor, 2-3 m from the screen.

``PlayerWidget`` only shows and voices a core ``RoutinePlayer``: every time and phase comes from the engine, which
a 50 ms timer asks what happened (``tick``). Spoken cues (off by default) and tones (on by default) are optional
extras: when they cannot work on this computer the routine carries on and a one-time note says so. Here: the
widget's layout, its controls (each a QAction with a shortcut) and the tick; its words are in ``cues``, the ring
and bars it paints in ``countdown``, the tones and speech in ``announcer``.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QToolButton, QVBoxLayout, QWidget

from ...core.routine.model import Routine
from ...core.routine.timer import Countdown, Finished, PhaseStarted, RoutinePlayer
from ..kit import style
from ..kit.i18n import set_command_tip, step_title, translate
from ..kit.runwords import log_outcome, run_text
from .announcer import Announcer
from .countdown import CountdownRing, Pictogram, ProgressBar
from .cues import clock_text, cue_text, next_text, phase_cue, phase_name, step_line, whole_seconds

TICK_MS = 50
STALE_S = 0.5  # a countdown reported later than this happened while the app was blocked: no tick for it


class PlayerWidget(Announcer, QWidget):
    """Plays a routine hands-free: big countdown, phase in words, optional tones and spoken cues."""

    finished = Signal(object)  # the RunLog, when the routine finishes or is stopped
    phaseStarted = Signal(int, float)  # phase index, and the exact clock time the engine says it began
    optionsChanged = Signal()  # sounds, spoken cues or volume changed: the app keeps them in its settings
    stateChanged = Signal(str)  # the engine's state: idle, running, paused, finished, stopped
    remarkRequested = Signal()  # "Mark your pain again", from the end screen
    compareRequested = Signal()  # "Compare before and after", from the end screen

    def __init__(self, routine: Routine, clock=time.monotonic, speech=None, sound=None, parent=None, pictograms=None):
        """``pictograms`` maps exercise ids to SVG files, drawn beside the countdown."""
        super().__init__(parent)
        self.routine = routine
        self.pictograms = dict(pictograms or {})
        self._clock = clock
        self.player = RoutinePlayer(routine, clock)
        self._init_announcer(speech, sound)
        self._last_state = self.player.state
        self._finished_sent = False
        self.can_remark = True  # the app turns "Mark your pain again" off when no pain was marked before the routine
        self.setWindowTitle(translate("player", "{name} — hipmap").format(name=routine.name or translate("player", "Routine")))
        self.setAccessibleName(translate("player", "Routine player"))
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self._build()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        # The 50 ms poll keeps the ring moving; this one-shot is aimed at the next count or phase end, so a beep
        # or a phase change is heard within a millisecond or two of its time, not up to a poll later.
        self.event_timer = QTimer(self)
        self.event_timer.setSingleShot(True)
        self.event_timer.setTimerType(Qt.PreciseTimer)
        self.event_timer.timeout.connect(self.tick)
        self.refresh()

    # ---- construction

    def _build(self) -> None:
        self.title_label = QLabel(self.routine.name or translate("player", "Routine"))
        self.title_label.setAccessibleName(translate("player", "Routine name"))
        self.step_count_label = QLabel()
        self.step_count_label.setAccessibleName(translate("player", "Step"))
        self.step_count_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.progress_bar = ProgressBar()
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.step_count_label)

        self.ring = CountdownRing()
        self.phase_label = QLabel()
        self.phase_label.setAccessibleName(translate("player", "Phase"))
        self.step_label = QLabel()
        self.step_label.setAccessibleName(translate("player", "Exercise"))
        self.cue_label = QLabel()
        self.cue_label.setAccessibleName(translate("player", "Cue"))
        self.next_label = QLabel()
        self.next_label.setAccessibleName(translate("player", "Next"))
        for label in (self.phase_label, self.step_label, self.cue_label, self.next_label):
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # the ring keeps its half
        words_box = QWidget()
        words_box.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        words = QVBoxLayout(words_box)
        words.setContentsMargins(0, 0, 0, 0)
        self.pictogram = Pictogram()
        words.addStretch(1)
        words.addWidget(self.pictogram, 4)
        words.addSpacing(12)
        words.addWidget(self.phase_label)
        words.addSpacing(6)
        words.addWidget(self.step_label)
        words.addSpacing(4)
        words.addWidget(self.cue_label)
        words.addSpacing(24)
        words.addWidget(self.next_label)
        words.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.ring, 1)
        middle.addSpacing(32)
        middle.addWidget(words_box, 1)

        self.pause_action = self._action(translate("player", "Pause"), self.toggle_pause, Qt.Key_Space, translate("player", "Start, pause or resume"))
        self.back_action = self._action(translate("player", "Back"), self.back, Qt.Key_Left, translate("player", "Restart this phase, or go to the previous one"))
        self.next_action = self._action(translate("player", "Next phase"), self.skip, Qt.Key_Right,
                                        translate("player", "End this phase now and go on to the next one (the next hold, rest or step)"))
        self.skip_action = self._action(translate("player", "Skip step"), self.skip_step, Qt.Key_S,
                                        translate("player", "Skip the rest of this step, all its holds, and go on to the next step"))
        self.hurt_action = self._action(translate("player", "Skip — it hurts"), self.skip_because_it_hurts, Qt.Key_H,
                                        translate("player", "Stop this exercise now and note that it hurt"))
        self.stop_action = self._action(translate("player", "Stop"), self.stop, Qt.Key_Escape, translate("player", "End the routine"))
        # Once the routine is over (or before it starts): close, or go on with the pain map. Esc closes only then,
        # when Stop (also Esc) is off; Ctrl+W closes then too.
        self.close_action = self._action(translate("player", "Close"), self.close, QKeySequence("Ctrl+W"),
                                         translate("player", "Close the routine player"), more_keys=[QKeySequence(Qt.Key_Escape)])
        self.remark_action = self._action(translate("player", "Mark your pain again"), self.remarkRequested.emit, Qt.Key_R,
                                          translate("player", "Go back to the pain map and mark your pain as it feels now; the marks from before are kept to compare"))
        self.compare_action = self._action(translate("player", "Compare before and after"), self.compareRequested.emit, Qt.Key_C,
                                           translate("player", "Your pain before the routine beside your pain as you marked it again"))
        self.compare_action.setEnabled(False)  # until the pain has been marked again (the app says when)
        self.fullscreen_action = self._action(translate("player", "Full screen"), self.toggle_full_screen, Qt.Key_F11,
                                              translate("player", "Fill the screen, or go back to a window"), checkable=True)
        self.sound_action = self._action(translate("player", "Sounds"), lambda: self.set_sound_enabled(self.sound_action.isChecked()),
                                         Qt.Key_M, translate("player", "Beep at each change and for the last 3 seconds"), checkable=True)
        self.speech_action = self._action(translate("player", "Spoken cues"), lambda: self.set_speech_enabled(self.speech_action.isChecked()),
                                          Qt.Key_V, translate("player", "Say each change out loud (“Hold”, “Rest”, “Switch to your left side”)"),
                                          checkable=True)  # fmt: skip
        self.louder_action = self._action(translate("player", "Louder"), lambda: self.set_volume(self._volume + 0.1), Qt.Key_Up, translate("player", "Turn the sounds and voice up"))
        self.quieter_action = self._action(translate("player", "Quieter"), lambda: self.set_volume(self._volume - 0.1), Qt.Key_Down, translate("player", "Turn the sounds and voice down"))
        self.sound_action.setChecked(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.buttons: list[QToolButton] = []  # the big ones, to use from the floor
        for action in (self.back_action, self.pause_action, self.next_action, self.skip_action, self.hurt_action,
                       self.stop_action):
            buttons.addWidget(self._button(action))
            self.buttons.append(buttons.itemAt(buttons.count() - 1).widget())
        buttons.addStretch(1)
        self.controls = QWidget()
        self.controls.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        # The end screen's way on, in place of the controls once the routine is over.
        end = QHBoxLayout()
        end.setSpacing(10)
        end.setContentsMargins(0, 0, 0, 0)
        self.end_buttons: list[QToolButton] = []
        for action in (self.remark_action, self.compare_action, None, self.close_action):
            if action is None:
                end.addStretch(1)
                continue
            button = self._button(action)
            end.addWidget(button)
            self.end_buttons.append(button)
        self.end_row = QWidget()
        self.end_row.setLayout(end)
        self.end_row.hide()
        # Sound options (and full screen) in a quieter row under the controls, with the status line.
        self.option_buttons = [self._button(self.sound_action), self._button(self.speech_action), self._button(self.fullscreen_action)]
        self.volume_slider = QSlider(Qt.Horizontal)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(100)
        self.volume_slider.setFocusPolicy(Qt.NoFocus)  # the keys belong to the player: Up and Down change it
        self.volume_slider.setAccessibleName(translate("player", "Volume"))
        self.volume_slider.setToolTip(translate("player", "Volume of the sounds and the voice (Up / Down)"))
        self.volume_slider.setFixedWidth(140)
        self.volume_slider.valueChanged.connect(lambda value: self.set_volume(value / 100))
        self.status_label = QLabel()
        self.status_label.setAccessibleName(translate("player", "Status"))
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        volume_label = QLabel(translate("player", "Volume"))
        volume_label.setBuddy(self.volume_slider)
        options = QHBoxLayout()
        options.setSpacing(10)
        options.addWidget(self.status_label, 1)
        options.addStretch(0)
        for button in self.option_buttons:
            options.addWidget(button)
        options.addSpacing(8)
        options.addWidget(volume_label)
        options.addWidget(self.volume_slider)
        self.volume_label = volume_label

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 20)
        outer.addLayout(top)
        outer.addSpacing(6)
        outer.addWidget(self.progress_bar)
        outer.addSpacing(16)
        outer.addLayout(middle, 1)
        outer.addSpacing(16)
        outer.addWidget(self.controls)
        outer.addWidget(self.end_row)
        outer.addSpacing(10)
        outer.addLayout(options)
        self._apply_fonts()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.NoFocus)  # Space must reach the pause shortcut, never "click" a button
        button.setAccessibleName(action.text())
        button.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        return button

    def _action(self, text, slot, key, tip, checkable=False, more_keys=()) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key), *more_keys])
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        set_command_tip(action, tip, most=len(action.shortcuts()), joiner="or")  # made again on a change of language
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _apply_fonts(self) -> None:
        """Sizes follow the widget's height so that the words stay readable from the floor."""
        h = max(400, self.height())
        base = self.font()

        def px(factor, bold=False):
            f = QFont(base)
            f.setPixelSize(max(12, round(h * factor)))
            f.setBold(bold)
            return f

        self.phase_label.setFont(px(0.085, bold=True))
        self.step_label.setFont(px(0.042, bold=True))
        self.cue_label.setFont(px(0.036))
        self.next_label.setFont(px(0.032))
        self.title_label.setFont(px(0.03, bold=True))
        self.step_count_label.setFont(px(0.03))
        self.status_label.setFont(px(0.024))
        for widget in (*self.option_buttons, self.volume_label):
            widget.setFont(px(0.022))
        button_font = px(0.026, bold=True)
        fm = QFontMetrics(button_font)
        pad = max(6, round(h * 0.014))
        for button in (*self.buttons, *self.end_buttons):
            button.setFont(button_font)
            texts = (translate("player", "Start"), translate("player", "Pause"), translate("player", "Resume")) if button.defaultAction() is self.pause_action else (button.text(),)
            widest = max(fm.horizontalAdvance(t) for t in texts)
            button.setMinimumSize(widest + 4 * pad, fm.height() + 2 * pad)
        self._colour_labels()

    def _colour_labels(self) -> None:
        pal = self.palette()
        quiet = style.secondary_text(pal, on_window=True).name()
        for label in (self.cue_label, self.next_label, self.step_count_label, self.status_label):
            label.setStyleSheet(f"color: {quiet};")

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._apply_fonts()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._colour_labels()

    def retranslate(self) -> None:
        """What the player says now, in the language now installed (the commands were translated again, with their
        tooltips, by kit.i18n.switch_language)."""
        self.title_label.setText(self.routine.name or translate("player", "Routine"))
        self.refresh()

    def use_atlas(self, atlas, name: str | None = None) -> None:
        """The steps' titles (and NAME, when given) from ATLAS, in another language; the timing is unchanged."""
        from ...core.routine.builder import retitled

        self.routine = retitled(self.routine, atlas.muscles, atlas.exercises, name)
        self.retranslate()

    # ---- options

    def set_speech_enabled(self, enabled: bool) -> None:
        self._speech_enabled = bool(enabled)
        self.speech_action.setChecked(self._speech_enabled)
        if enabled:
            self._engine()  # says now, not at the next cue, if there is no voice on this computer
        self.optionsChanged.emit()

    def speech_enabled(self) -> bool:
        return self._speech_enabled

    def set_sound_enabled(self, enabled: bool) -> None:
        self._sound_enabled = bool(enabled)
        self.sound_action.setChecked(self._sound_enabled)
        self.optionsChanged.emit()

    def sound_enabled(self) -> bool:
        return self._sound_enabled

    def set_volume(self, volume: float) -> None:
        self._volume = round(max(0.0, min(1.0, float(volume))), 2)
        with QSignalBlocker(self.volume_slider):
            self.volume_slider.setValue(round(self._volume * 100))
        self.optionsChanged.emit()
        self._apply_volume()

    def volume(self) -> float:
        return self._volume

    # ---- commands (each is also a QAction with a shortcut)

    def start(self) -> None:
        self.player.start()
        self.timer.start()
        self.tick()

    def toggle_pause(self) -> None:
        if self.player.state == "idle":
            self.start()
            return
        self.player.toggle_pause()
        self.tick()

    def pause(self) -> None:
        self.player.pause()
        self.tick()

    def resume(self) -> None:
        self.player.resume()
        self.tick()

    def skip(self) -> None:
        """Next phase: the rest of this hold, rest or switch is left out."""
        self.player.skip()
        self.tick()

    def skip_step(self) -> None:
        """The whole step: every hold of it not done yet is left out."""
        self.player.skip_step()
        self.tick()

    def back(self) -> None:
        self.player.back()
        self.tick()

    def skip_because_it_hurts(self) -> None:
        self.player.skip_because_it_hurts()
        self.tick()

    def stop(self) -> None:
        if self.isFullScreen():
            self.toggle_full_screen()
        self.player.stop()
        self.tick()

    def toggle_full_screen(self) -> None:
        window = self.window()
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
        self.fullscreen_action.setChecked(window.isFullScreen())

    # ---- the tick

    def tick(self) -> None:
        """Ask the engine what happened since the last tick, announce it, and redraw."""
        events = self.player.update()
        now = self._clock()
        starts = [e for e in events if isinstance(e, PhaseStarted)]
        for event in events:
            if isinstance(event, PhaseStarted) and event is starts[-1]:
                # After a stall several phases may have passed: announce only the one we are in.
                self._beep("phase", event.at)
                self._say(phase_cue(self.routine, event.phase))
                self.phaseStarted.emit(event.phase_index, event.at)
            elif isinstance(event, Countdown) and now - event.at <= STALE_S:
                if event.phase_index == self.player.phase_index:
                    self._beep("tick", event.at)
            elif isinstance(event, Finished):
                self._finish(event)
        if self.player.state != self._last_state:
            self._last_state = self.player.state
            self.stateChanged.emit(self._last_state)
        self._aim()
        self.refresh()

    def _aim(self) -> None:
        due = self.player.next_event_in()
        if due is None:
            self.event_timer.stop()
        else:
            self.event_timer.start(math.ceil(due * 1000))  # never early: a tick before the boundary finds nothing

    def _finish(self, event: Finished) -> None:
        self.timer.stop()
        self.event_timer.stop()
        if not self._finished_sent:
            self._finished_sent = True
            if not event.log.stopped:
                self._say(translate("player", "Well done. Routine complete."))
            self.finished.emit(event.log)

    # ---- showing

    def seconds_left(self) -> int:
        return whole_seconds(self.player.remaining()) if self.player.current_phase else 0

    def countdown_text(self) -> str:
        return self.ring.seconds_text

    def refresh(self) -> None:
        pl = self.player
        phase = pl.current_phase
        state = pl.state
        steps = len(self.routine.steps)
        self.pause_action.setText({"idle": translate("player", "Start"), "paused": translate("player", "Resume")}.get(state, translate("player", "Pause")))
        playing = state in ("running", "paused")
        for action in (self.back_action, self.next_action, self.skip_action, self.hurt_action, self.stop_action):
            action.setEnabled(playing)
        self.pause_action.setEnabled(state in ("idle", "running", "paused"))
        self.close_action.setEnabled(not playing)
        over = state in ("finished", "stopped")
        self.remark_action.setEnabled(over and self.can_remark)
        if self.end_row.isVisibleTo(self) != over:
            self.controls.setVisible(not over)
            self.end_row.setVisible(over)
        for button in (*self.buttons, *self.end_buttons):
            button.setAccessibleName(button.defaultAction().text())
        shown = phase or (pl.next_phase() if state == "idle" else None)
        step = self.routine.steps[shown.step_index] if shown else None
        self.pictogram.set_picture(self.pictograms.get(step.exercise_id) if step else None, step_title(step.title) if step else "")
        if phase is not None:
            left = pl.remaining()
            caption = translate("player", "PAUSED") if state == "paused" else translate("player", "seconds")
            self.ring.set_state(left / phase.seconds if phase.seconds else 0.0, str(whole_seconds(left)),
                                caption, phase.kind)
            self._set(self.phase_label, translate("player", "{phase} (paused)").format(phase=phase_name(phase)) if state == "paused" else phase_name(phase))
            self._set(self.step_label, step_line(self.routine, phase))
            self._set(self.cue_label, cue_text(self.routine, phase))
            self._set(self.next_label, next_text(self.routine, pl.next_phase(), phase))
            self._set(self.step_count_label,
                      translate("player", "Step {value} of {steps} · {clock_text} left").format(value=phase.step_index + 1, steps=steps, clock_text=clock_text((1 - pl.progress()) * self.routine.total_seconds())))
        elif state == "idle":
            first = pl.next_phase()
            self.ring.set_state(1.0, str(first.seconds) if first else "", translate("player", "Space to start"), first.kind if first else "")
            self._set(self.phase_label, translate("player", "Ready when you are"))
            self._set(self.step_label, step_line(self.routine, first) if first else translate("player", "This routine has no steps."))
            self._set(self.cue_label, (translate("player", "%n step, about {clock_text} in all", "", steps) if steps == 1 else translate("player", "%n steps, about {clock_text} in all", "", steps)).format(clock_text=clock_text(self.routine.total_seconds())))
            self._set(self.next_label, translate("player", "Press Space or Start to begin."))
            self._set(self.step_count_label, translate("player", "%n step", "", steps) if steps == 1 else translate("player", "%n steps", "", steps))
        else:
            done = state == "finished"
            self.ring.set_state(0.0, "\u2713" if done else "", "", "")
            self._set(self.phase_label, translate("player", "Finished") if done else translate("player", "Stopped"))
            self._set(self.step_label, translate("player", "Well done: {name}").format(name=self.routine.name) if done else self.routine.name)
            log = pl.log
            held = sum(r.holds_done for r in log.steps)
            self._set(self.cue_label, (translate("player", "%n hold in {clock_text}", "", held) if held == 1 else translate("player", "%n holds in {clock_text}", "", held)).format(clock_text=clock_text(log.actual_total_s)))
            self._set(self.next_label, run_text(log_outcome(log))[1])
            self._set(self.step_count_label, "")
        self.progress_bar.set_value(pl.progress())
        if self.ring.seconds_text:
            self.ring.setAccessibleDescription(translate("player", "{seconds_text} seconds left").format(seconds_text=self.ring.seconds_text))

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def closeEvent(self, event):
        self.timer.stop()
        self._stop_speech()
        super().closeEvent(event)
