"""The routine player widget, driven by a fake clock and direct calls to its tick slot: instant and exact."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from hipmap.core.routine.model import Routine, Step
from hipmap.ui.routine import sounds as sounds_module
from hipmap.ui.kit import style
from hipmap.ui.routine.announcer import SOUND_UNAVAILABLE, SPEECH_UNAVAILABLE
from hipmap.ui.routine.countdown import DIGITS
from hipmap.ui.routine.player import PlayerWidget

T0 = 500.0


class Clock:
    """A list-backed clock: clock.t[0] is now."""

    def __init__(self):
        self.t = [T0]

    def __call__(self):
        return self.t[0]

    def to(self, seconds_since_start):
        self.t[0] = T0 + seconds_since_start

    def advance(self, seconds):
        self.t[0] += seconds


def two_sides():
    # Phases: ready 0-5, hold 5-25, rest 25-35, hold 35-55, rest 55-65, switch 65-70, ready 70-75,
    # hold 75-95, rest 95-105, hold 105-125.
    return Routine("TFL both sides", [
        Step(kind="compression", muscle_id="tensor_fasciae_latae", title="Tennis ball: TFL", side=side,
             ready_s=5, hold_s=20, rest_s=10, reps=2)
        for side in ("right", "left")
    ])


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make(qtbot, clock):
    def make_widget(**kwargs):
        w = PlayerWidget(two_sides(), clock=clock, **kwargs)
        w.timer.setInterval(60_000)  # the tests tick by hand
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make_widget


def shown(w):
    return w.phase_label.text(), w.countdown_text()


def run(w, clock, until, step=0.1):
    """Advance the clock in small steps up to `until` seconds since start, ticking each time."""
    while clock() - T0 < until - 1e-9:
        clock.advance(min(step, until - (clock() - T0)))
        w.tick()


def test_plays_to_the_end_matching_the_engine(make, clock, qtbot):
    w = make()
    assert w.phase_label.text() == "Ready when you are" and w.pause_action.text() == "Start"
    states = []
    w.stateChanged.connect(states.append)
    w.start()
    assert shown(w) == ("Get ready", "5")
    assert w.step_label.text() == "Tennis ball: TFL \u2014 right side"
    assert w.cue_label.text() == "Settle onto the ball and breathe slowly."
    assert w.next_label.text() == "Next: Hold 20 s"
    assert w.step_count_label.text().startswith("Step 1 of 2")
    clock.to(5); w.tick()
    assert shown(w) == ("Hold", "20")
    assert w.cue_label.text() == "Repetition 1 of 2" and w.next_label.text() == "Next: Rest 10 s"
    clock.to(22.2); w.tick()  # 17.2 s into the hold
    assert shown(w) == ("Hold", "3")
    assert w.seconds_left() == 3 == round(w.player.remaining() + 0.5)
    clock.to(60); w.tick()
    assert shown(w) == ("Rest", "5")
    assert w.next_label.text() == "Next: Switch to your left side"
    clock.to(66); w.tick()
    assert shown(w) == ("Switch sides", "4")
    assert w.step_label.text() == "Tennis ball: TFL \u2014 left side"
    assert w.step_count_label.text().startswith("Step 2 of 2")
    clock.to(110); w.tick()
    assert shown(w) == ("Hold", "15") and w.next_label.text() == "Next: finished"
    with qtbot.waitSignal(w.finished, timeout=1000) as blocker:
        clock.to(125); w.tick()
    log = blocker.args[0]
    assert not log.stopped and [s.status for s in log.steps] == ["done", "done"]
    assert w.player.state == "finished" and w.phase_label.text().startswith("Finished")
    assert not w.timer.isActive()
    assert states == ["running", "finished"]


def test_keyboard_pause_skip_back_hurt_stop(make, clock, qtbot):
    w = make()
    with qtbot.waitActive(w):
        w.activateWindow()
    w.setFocus()  # the shortcuts work anywhere inside the player
    qtbot.keyClick(w, Qt.Key_Space)  # Space starts too
    assert w.player.state == "running"
    clock.to(10); w.tick()
    assert shown(w) == ("Hold", "15")
    qtbot.keyClick(w, Qt.Key_Space)
    assert w.player.state == "paused" and w.pause_action.text() == "Resume"
    clock.to(40); w.tick()
    assert w.countdown_text() == "15" and w.phase_label.text() == "Hold (paused)"
    qtbot.keyClick(w, Qt.Key_Space)
    assert w.player.state == "running"
    clock.to(41); w.tick()
    assert shown(w) == ("Hold", "14")
    qtbot.keyClick(w, Qt.Key_Right)
    assert shown(w) == ("Rest", "10")
    qtbot.keyClick(w, Qt.Key_Left)  # within 2 s of the rest's start: back to the hold, from its beginning
    assert shown(w) == ("Hold", "20")
    qtbot.keyClick(w, Qt.Key_H)
    assert w.player.log.steps[0].status == "hurt"
    assert w.phase_label.text() == "Switch sides"
    with qtbot.waitSignal(w.finished, timeout=1000) as blocker:
        qtbot.keyClick(w, Qt.Key_Escape)
    assert blocker.args[0].stopped and w.player.state == "stopped"
    assert w.phase_label.text() == "Stopped"
    assert not w.skip_action.isEnabled()


def test_beeps_at_each_phase_start_and_ticks_at_three_two_one(make, clock):
    w = make()
    w.start()
    run(w, clock, 125, step=0.05)
    phases = w.player.phases
    assert [b for b in w.beeps if b[0] == "phase"] == [("phase", T0 + t) for t in (0, 5, 25, 35, 55, 65, 70, 75, 95, 105)]
    ticks = [at - T0 for kind, at in w.beeps if kind == "tick"]
    expected = [end - n for end in (5, 25, 35, 55, 65, 70, 75, 95, 105, 125) for n in (3, 2, 1)]
    assert ticks == pytest.approx(expected)
    assert len(phases) == 10


def test_no_tick_for_a_stale_countdown(make, clock):
    w = make()
    w.start()
    clock.to(10); w.tick()
    count = len(w.beeps)
    clock.to(22.9); w.tick()  # the 3 (at 22) was 0.9 s ago: the app was blocked
    assert len(w.beeps) == count
    clock.to(23.1); w.tick()  # the 2 is at 23: on time
    assert w.beeps[-1] == ("tick", T0 + 23)
    clock.to(80); w.tick()  # a long stall: only the phase we are in is announced
    assert [kind for kind, _ in w.beeps[count + 1:]] == ["phase"]
    w.set_sound_enabled(False)
    run(w, clock, 100)
    assert w.beeps[-1] == ("phase", T0 + 75)


def test_spoken_cues_through_the_mock_engine(make, clock):
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("the mock speech engine is not installed")
    engine = QTextToSpeech("mock")
    w = make(speech=engine)
    w.set_speech_enabled(True)
    w.set_volume(0.5)
    assert engine.volume() == pytest.approx(0.5)
    w.start()
    run(w, clock, 125, step=0.25)
    assert w.spoken[0] == "Get ready: Tennis ball: TFL"
    assert "Hold" in w.spoken and "Rest" in w.spoken and "Switch to your left side" in w.spoken
    assert w.spoken[-1] == "Well done. Routine complete."
    assert SPEECH_UNAVAILABLE not in w.notices


def test_no_speech_by_default(make, clock):
    w = make()
    assert not w.speech_enabled()
    w.start()
    run(w, clock, 125, step=0.5)
    assert w.spoken == [] and w._speech is None  # no engine was even made


def test_unavailable_speech_is_reported_once(make, clock):
    class Broken:
        def say(self, _text):
            raise RuntimeError("no voice")

        def state(self):
            return None

        def setVolume(self, _v):
            pass

    w = make(speech=Broken())
    w.set_speech_enabled(True)
    w.start()
    run(w, clock, 40, step=0.5)
    assert w.notices.count(SPEECH_UNAVAILABLE) == 1
    assert w.status_label.text().count(SPEECH_UNAVAILABLE) == 1 and w.status_label.isVisible()


def test_unavailable_sound_keeps_playing_and_says_so_once(make, clock, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("no audio device")

    monkeypatch.setattr(sounds_module, "make_effect", broken)
    w = make()
    w.start()
    run(w, clock, 125, step=0.25)
    assert w.player.state == "finished"
    assert w.sounds.failed
    assert w.notices == [SOUND_UNAVAILABLE]
    assert w.status_label.text().count(SOUND_UNAVAILABLE) == 1 and w.status_label.isVisible()


def test_tones_are_small_wav_files(tmp_path):
    import wave

    path = sounds_module.write_tone(tmp_path / "t.wav", 880, 0.1, 0.5)
    with wave.open(str(path)) as f:
        assert (f.getnchannels(), f.getsampwidth(), f.getframerate()) == (1, 2, sounds_module.RATE)
        assert f.getnframes() == int(sounds_module.RATE * 0.1)


def test_actions_and_buttons_are_labelled(make):
    w = make()
    actions = w.actions()
    assert {a.shortcut().toString() for a in actions} == {"Space", "Left", "Right", "S", "H", "Esc", "F11", "M", "V", "Up", "Down", "Ctrl+W", "R", "C"}
    for action in actions:
        assert not action.shortcut().isEmpty() and action.toolTip() and action.shortcut().toString() in action.toolTip()
    buttons = w.findChildren(QToolButton)
    assert len(buttons) == 12
    assert all(b.accessibleName() for b in buttons)
    assert {b.accessibleName() for b in buttons} >= {"Start", "Back", "Next phase", "Skip step", "Skip \u2014 it hurts", "Stop", "Full screen",
                                                     "Sounds", "Spoken cues", "Close", "Mark your pain again", "Compare before and after"}
    assert w.volume_slider.accessibleName() == "Volume"
    for label in (w.phase_label, w.step_label, w.cue_label, w.next_label, w.status_label, w.ring, w.progress_bar):
        assert label.accessibleName()


def test_digits_are_big_enough_to_read_from_the_floor(make, clock):
    w = make()
    w.start()
    clock.to(15); w.tick()
    QApplication.processEvents()
    side = min(w.ring.width(), w.ring.height())
    assert round(side * DIGITS) >= w.height() / 4
    assert w.phase_label.font().pixelSize() >= 0.08 * w.height()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_renders_mid_hold_in_both_palettes(make, clock, mode, tmp_path):
    w = make()
    if mode == "dark":
        w.setPalette(style.dark_palette())
    w.start()
    clock.to(14.4); w.tick()
    QApplication.processEvents()
    image = w.grab().toImage()
    assert image.width() == 1280 and image.height() == 800
    image.save(str(tmp_path / f"player_{mode}.png"))
    # The countdown digits are drawn in the palette's text colour somewhere in the ring.
    text = w.palette().color(w.foregroundRole()).rgb() & 0xFFFFFF
    ring = w.ring.geometry()
    found = any((image.pixel(x, y) & 0xFFFFFF) == text
                for x in range(ring.left(), ring.right(), 3) for y in range(ring.top(), ring.bottom(), 3))
    assert found


def test_the_exercise_picture_is_shown_beside_the_countdown(qtbot, clock, atlas):
    from hipmap.core.routine.builder import build_routine

    routine = build_routine([(atlas.muscles["tensor_fasciae_latae"], "right")], atlas.exercises)
    pictures = {k: e.pictogram for k, e in atlas.exercises.items()}
    w = PlayerWidget(routine, clock=clock, pictograms=pictures)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    assert w.pictogram.isVisible() and w.pictogram.path == pictures[routine.steps[0].exercise_id]  # before start
    w.start()
    w.skip_because_it_hurts()  # on to the first stretch
    assert w.pictogram.path == pictures[routine.steps[1].exercise_id]
    assert w.pictogram.accessibleDescription() == routine.steps[1].title
    image = w.pictogram.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 3  # drawn
    bare = PlayerWidget(routine, clock=clock)  # no pictures known: the words take the room
    qtbot.addWidget(bare)
    bare.show()
    assert not bare.pictogram.isVisible()


def test_sound_voice_and_volume_from_the_keyboard(make, qtbot, clock):
    w = make()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    changes = []
    w.optionsChanged.connect(lambda: changes.append((w.sound_enabled(), w.speech_enabled(), w.volume())))
    assert w.sound_enabled() and not w.speech_enabled() and w.volume() == 1.0  # tones on, voice off
    w.start()
    qtbot.keyClick(w, Qt.Key_M)
    assert not w.sound_enabled() and not w.sound_action.isChecked()
    clock.to(5.0); w.tick()
    assert w.beeps == [("phase", T0)]  # the start was heard; the hold, with sounds off, is not
    qtbot.keyClick(w, Qt.Key_Down)
    qtbot.keyClick(w, Qt.Key_Down)
    assert w.volume() == 0.8 and w.volume_slider.value() == 80
    qtbot.keyClick(w, Qt.Key_V)
    assert w.speech_enabled() and w.speech_action.isChecked()
    assert changes[-1][:2] == (False, True) and len(changes) == 4


def test_the_window_remembers_the_sound_options(window, atlas, qtbot):
    from .test_builder import screened

    from .conftest import region_centre
    from .test_mainwindow import click

    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip"))
    screened(window)
    window.select_candidate("tensor_fasciae_latae", "right")
    first = window.selfcare.start_routine()
    first.set_sound_enabled(False)
    first.set_volume(0.3)
    first.close()
    second = window.selfcare.start_routine()
    assert not second.sound_enabled() and second.volume() == 0.3 and not second.speech_enabled()
    second.close()


def test_skip_skips_the_step_and_the_end_screen_leads_on(make, clock, qtbot):
    """Issue 15.6: Skip leaves the whole step (Right is the next phase); after Stop, Esc or Ctrl+W closes; the end
    screen offers Close, marking the pain again and the comparison; counts are in words that fit the number."""
    w = make()
    with qtbot.waitActive(w):
        w.activateWindow()
    w.setFocus()
    assert "step" in w.skip_action.toolTip() and "(S)" in w.skip_action.toolTip()
    assert w.next_action.shortcut().toString() == "Right" and w.next_action.toolTip()
    w.start()
    clock.to(8); w.tick()  # in step 1's first hold
    qtbot.keyClick(w, Qt.Key_S)
    assert w.player.log.steps[0].status == "skipped" and w.player.current_phase.step_index == 1
    clock.to(9); w.tick()
    qtbot.keyClick(w, Qt.Key_Right)  # the switch is over: step 2's ready
    assert w.player.current_phase.kind == "ready" and w.player.current_phase.step_index == 1
    with qtbot.waitSignal(w.finished, timeout=1000):
        qtbot.keyClick(w, Qt.Key_Escape)  # Stop
    assert w.isVisible() and w.phase_label.text() == "Stopped"
    assert w.cue_label.text().startswith("0 holds in ")
    assert w.next_label.text() == "Routine stopped before the end: 0 of 2 steps done; 1 skipped or stopped because it hurt"
    ends = {b.defaultAction().text(): b for b in w.end_buttons}
    assert list(ends) == ["Mark your pain again", "Compare before and after", "Close"]
    assert all(b.isVisible() for b in ends.values()) and not w.buttons[0].isVisible()
    with qtbot.waitSignal(w.remarkRequested, timeout=1000):
        ends["Mark your pain again"].click()
    qtbot.keyClick(w, Qt.Key_Escape)  # Esc closes once the routine is over
    assert not w.isVisible()
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    w.setFocus()
    qtbot.keyClick(w, Qt.Key_W, Qt.ControlModifier)
    assert not w.isVisible()


def test_counts_in_the_player_agree_with_their_number(qtbot, clock):
    one = Routine("One", [Step(kind="compression", muscle_id="tensor_fasciae_latae", title="Tennis ball: TFL", side="right",
                               ready_s=5, hold_s=20, rest_s=10, reps=1)])  # fmt: skip
    w = PlayerWidget(one, clock=clock)
    qtbot.addWidget(w)
    assert w.step_count_label.text() == "1 step" and w.cue_label.text().startswith("1 step, about")
    w.start()
    clock.to(26); w.tick()
    assert w.player.state == "finished" and w.cue_label.text().startswith("1 hold in ")


def test_the_words_between_holds_follow_what_the_step_presses_with(qtbot, clock):
    """"Settle onto the ball" was shown before a stretch and before fingertip pressure on the belly."""
    routine = Routine("three", [
        Step(kind="compression", muscle_id="piriformis", title="Tennis ball: Piriformis", side="right", ready_s=5, hold_s=20, rest_s=10, reps=2),
        Step(kind="compression", muscle_id="rectus_abdominis", title="Hand pressure: Rectus abdominis", side="right", ready_s=5, hold_s=20, rest_s=10, reps=2),
        Step(kind="stretch", muscle_id="piriformis", exercise_id="seated_glute_stretch", title="Seated glute stretch", side="right", ready_s=5, hold_s=30, rest_s=10, reps=2),
    ])  # fmt: skip
    w = PlayerWidget(routine, clock=clock)
    w.timer.setInterval(60_000)
    qtbot.addWidget(w)
    w.show()
    seen = []
    w.start()
    # Each step: ready 5, then hold 20 (30) and rest 10, twice; the words are checked one second into a phase.
    steps = []
    for at in (1, 26, 66, 91, 131, 166):
        clock.to(at)
        w.tick()
        seen.append(w.cue_label.text())
        steps.append(w.step_label.text())
    assert seen[:2] == ["Settle onto the ball and breathe slowly.", "Ease off the ball and breathe."]
    assert seen[2:4] == ["Find the spot with your fingertips and breathe slowly.", "Lift your fingers off and breathe."]
    assert seen[4:] == ["Get into position and breathe slowly.", "Ease out of the stretch and breathe."]
    assert steps[2] == "Hand pressure: Rectus abdominis \u2014 right side"
