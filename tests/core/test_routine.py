"""Routines and the player, driven by a fake clock: every test is instant and exact."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipmap.core.routine.model import SWITCH_S, Routine, RoutineError, Step, routine_from_dict
from hipmap.core.routine.timer import Countdown, Finished, PhaseStarted, RoutinePlayer


class FakeClock:
    def __init__(self, t=1000.0):
        self.t = t

    def __call__(self):
        return self.t

    def advance(self, seconds):
        self.t += seconds


def two_by_two(ready=5, hold=20, rest=10, reps=2):
    """2 muscles x 2 sides x 2 reps."""
    steps = []
    for muscle, title in (("tensor_fasciae_latae", "Tennis ball: TFL"), ("gluteus_medius", "Tennis ball: gluteus medius")):
        for side in ("right", "left"):
            steps.append(Step(kind="compression", muscle_id=muscle, title=title, side=side,
                              ready_s=ready, hold_s=hold, rest_s=rest, reps=reps))
    return Routine("Hip basics", steps)


def player_for(routine, start=1000.0):
    clock = FakeClock(start)
    return RoutinePlayer(routine, clock), clock


def kinds(events):
    return [type(e).__name__ for e in events]


def started(events):
    return [e.phase_index for e in events if isinstance(e, PhaseStarted)]


def run_to_end(player, clock, step=1.0, limit=100_000):
    events = []
    for _ in range(limit):
        events += player.update()
        if player.state in ("finished", "stopped"):
            return events
        clock.advance(step)
    raise AssertionError("the routine never finished")


# --------------------------------------------------------------------------------------------- phases


def test_phases_of_two_muscles_two_sides_two_reps():
    phases = two_by_two().phases()
    got = [(p.kind, p.step_index, p.rep, p.side, p.seconds) for p in phases]
    one_side = lambda i, side: [  # noqa: E731
        ("ready", i, 1, side, 5), ("hold", i, 1, side, 20), ("rest", i, 1, side, 10),
        ("hold", i, 2, side, 20), ("rest", i, 2, side, 10)]
    expected = (
        one_side(0, "right")
        + [("switch", 1, 1, "left", SWITCH_S)] + one_side(1, "left")
        + [("switch", 2, 1, "right", SWITCH_S)] + one_side(2, "right")
        + [("switch", 3, 1, "left", SWITCH_S)] + one_side(3, "left")[:-1]  # no rest after the very last hold
    )
    assert got == expected
    assert two_by_two().total_seconds() == sum(p.seconds for p in phases) == 265


def test_cues():
    phases = two_by_two().phases()
    assert phases[0].cue == "Get ready: Tennis ball: TFL"
    assert [p.cue for p in phases if p.kind == "switch"] == [
        "Switch to your left side", "Switch to your right side", "Switch to your left side"]
    assert {p.cue for p in phases if p.kind == "hold"} == {"Hold"}
    assert {p.cue for p in phases if p.kind == "rest"} == {"Rest"}


def test_no_switch_for_unsided_steps_and_no_zero_length_phases():
    steps = [
        Step(kind="compression", muscle_id="piriformis", title="A", side="right", ready_s=0, rest_s=0, reps=2),
        Step(kind="stretch", muscle_id="piriformis", title="B", side="none", ready_s=3),
        Step(kind="stretch", muscle_id="piriformis", title="C", side="left", ready_s=3),
    ]
    # No switch into or out of the both-sides step, but right ... left is still a turn to the other side.
    kinds = [p.kind for p in Routine("r", steps).phases()]
    assert kinds == ["hold", "hold", "ready", "hold", "rest", "switch", "ready", "hold"]
    assert [p.kind for p in two_by_two().phases(switch_s=0)].count("switch") == 0


# --------------------------------------------------------------------------------------------- a full run


def test_full_run_finishes_with_the_exact_sequence_and_total():
    routine = two_by_two()
    player, clock = player_for(routine)
    assert player.state == "idle" and player.next_phase() == routine.phases()[0]
    player.start()
    events = run_to_end(player, clock, step=0.5)
    phases = routine.phases()
    assert started(events) == list(range(len(phases)))
    assert [e.phase for e in events if isinstance(e, PhaseStarted)] == phases
    # Each phase starts at exactly the start plus the planned seconds before it.
    t, expected_at = 1000.0, []
    for p in phases:
        expected_at.append(t)
        t += p.seconds
    assert [e.at for e in events if isinstance(e, PhaseStarted)] == expected_at
    finished = [e for e in events if isinstance(e, Finished)]
    assert len(finished) == 1 and events[-1] is finished[0] and finished[0].at == 1265.0
    log = finished[0].log
    assert player.state == "finished" and player.progress() == 1.0 and player.current_phase is None
    assert player.elapsed() == log.actual_total_s == log.planned_total_s == 265  # exact, not approximately
    assert [s.status for s in log.steps] == ["done"] * 4
    assert [s.elapsed_s for s in log.steps] == [65, 70, 70, 60]
    assert sum(s.elapsed_s for s in log.steps) == 265 and log.paused_s == 0 and not log.stopped
    assert player.update() == []


def test_empty_routine_finishes_at_start():
    player, _ = player_for(Routine("empty"))
    player.start()
    assert kinds(player.update()) == ["Finished"] and player.state == "finished" and player.progress() == 1.0


def test_commands_that_do_not_fit_the_state_do_nothing():
    player, clock = player_for(two_by_two())
    for command in (player.pause, player.resume, player.skip, player.back, player.stop, player.skip_because_it_hurts):
        command()
    assert player.state == "idle" and player.update() == [] and player.remaining() == 0 and player.elapsed() == 0
    player.start()
    player.start()
    assert started(player.update()) == [0]


# --------------------------------------------------------------------------------------------- pause


def test_pause_in_a_hold_shifts_every_later_end_by_the_pause():
    routine = two_by_two()
    plain, plain_clock = player_for(routine)
    plain.start()
    plain_at = [e.at for e in run_to_end(plain, plain_clock)]

    player, clock = player_for(routine)
    player.start()
    clock.advance(12)  # 7 s into the first hold
    before = [e.at for e in player.update()]
    assert player.current_phase.kind == "hold" and player.remaining() == 13
    player.pause()
    assert player.state == "paused"
    for _ in range(7):
        clock.advance(1)
        assert player.update() == []
        assert player.remaining() == 13 and player.elapsed() == 12  # frozen
    player.resume()
    assert player.remaining() == 13
    events = run_to_end(player, clock, step=0.25)
    after = [e.at for e in events]
    assert before == plain_at[: len(before)]
    assert after == [t + 7 for t in plain_at[len(before) :]]  # countdowns, later phases, the finish: all exactly 7 s on
    assert player.log.paused_s == 7 and player.log.actual_total_s == 265


def test_toggle_pause():
    player, clock = player_for(two_by_two())
    player.start()
    player.toggle_pause()
    assert player.state == "paused"
    player.toggle_pause()
    assert player.state == "running"


def test_a_boundary_passed_before_pause_is_reported():
    player, clock = player_for(two_by_two())
    player.start()
    player.update()
    clock.advance(6)
    player.pause()  # the ready ended 1 s ago: the pause lands in the hold
    assert player.current_phase.kind == "hold" and player.remaining() == 19
    assert kinds(player.update()) == ["Countdown", "Countdown", "Countdown", "PhaseStarted"]


# --------------------------------------------------------------------------------------------- skip, back, stop, hurt


def test_skip_in_a_hold_skips_just_that_hold_and_rebases_the_schedule():
    player, clock = player_for(two_by_two())
    player.start()
    clock.advance(8)  # 3 s into the first hold
    player.update()
    player.skip()
    events = player.update()
    assert started(events) == [2] and player.current_phase.kind == "rest" and events[-1].at == 1008.0
    assert player.remaining() == 10
    clock.advance(10)
    events = player.update()
    assert events[-1] == PhaseStarted(3, player.phases[3], 1018.0)  # the rest runs its full length from the skip
    clock.advance(1000)
    events = player.update()
    assert events[-1].at == 1008 + sum(p.seconds for p in player.phases[2:])
    log = events[-1].log
    assert log.steps[0].status == "skipped" and log.steps[0].holds_done == 1
    assert [s.status for s in log.steps[1:]] == ["done"] * 3
    assert log.actual_total_s == 265 - 17


def test_skip_while_paused_stays_paused_with_the_full_next_phase():
    player, clock = player_for(two_by_two())
    player.start()
    clock.advance(2)
    player.pause()
    clock.advance(30)
    player.skip()
    assert player.state == "paused" and player.current_phase.kind == "hold" and player.remaining() == 20
    clock.advance(30)
    player.resume()
    clock.advance(19.5)
    assert player.update()[-1] == Countdown(1, 1, 1081.0) and player.remaining() == 0.5


def test_back_more_than_two_seconds_in_restarts_the_phase():
    player, clock = player_for(two_by_two())
    player.start()
    clock.advance(5 + 2.5)
    player.update()
    player.back()
    assert player.phase_index == 1 and player.remaining() == 20
    assert player.update() == [PhaseStarted(1, player.phases[1], 1007.5)]


def test_back_within_two_seconds_goes_to_the_previous_phase():
    player, clock = player_for(two_by_two())
    player.start()
    clock.advance(5 + 2)
    player.update()
    player.back()
    assert player.phase_index == 0 and player.current_phase.kind == "ready" and player.remaining() == 5
    player.back()  # at the first phase: restart it
    assert player.phase_index == 0 and player.remaining() == 5
    clock.advance(5)
    assert started(player.update()) == [0, 0, 1]


def test_stop_ends_the_run_with_a_log():
    player, clock = player_for(two_by_two())
    player.start()
    clock.advance(65 + 5 + 5 + 3)  # 3 s into step 1's first hold
    player.update()
    player.stop()
    events = player.update()
    assert kinds(events) == ["Finished"] and player.state == "stopped"
    log = events[0].log
    assert log.stopped and log.actual_total_s == 78 and player.elapsed() == 78
    assert [s.status for s in log.steps] == ["done", "unfinished", "unfinished", "unfinished"]
    assert [s.elapsed_s for s in log.steps] == [65, 13, 0, 0]
    clock.advance(100)
    assert player.update() == [] and player.remaining() == 0 and player.current_phase is None


def test_skip_because_it_hurts_records_it_and_moves_to_the_next_step():
    player, clock = player_for(two_by_two())
    player.start()
    clock.advance(5 + 20 + 4)  # in the first rest
    player.update()
    player.skip_because_it_hurts()
    events = player.update()
    assert events == [PhaseStarted(5, player.phases[5], 1029.0)]
    assert player.current_phase.kind == "switch" and player.current_phase.step_index == 1
    clock.advance(5 + 5 + 1)  # into step 1's first hold
    player.update()
    player.skip_because_it_hurts()
    assert player.current_phase.step_index == 2
    log = player.log
    assert [s.status for s in log.steps] == ["hurt", "hurt", "unfinished", "unfinished"]
    assert log.steps[0].holds_done == 1 and log.steps[0].elapsed_s == 29 and log.steps[1].elapsed_s == 11
    # In the last step it ends the run.
    clock.advance(70)
    player.update()
    player.skip_because_it_hurts()
    assert player.state == "finished"
    assert [s.status for s in player.log.steps] == ["hurt", "hurt", "done", "hurt"]


# --------------------------------------------------------------------------------------------- countdowns and late updates


def countdown_record(events):
    return [(e.seconds_left, e.phase_index, round(e.at, 6)) for e in events if isinstance(e, Countdown)]


@pytest.mark.parametrize("step", [0.001, 7.3, 41])
def test_countdowns_3_2_1_once_per_phase_however_often_update_is_called(step):
    routine = two_by_two(ready=5, hold=4, rest=3, reps=2)
    # The exact reference: each phase of more than n seconds beeps at n = 3, 2, 1 seconds before its end.
    expected, t = [], 1000.0
    for i, p in enumerate(routine.phases()):
        t += p.seconds
        expected += [(n, i, round(t - n, 6)) for n in (3, 2, 1) if n < p.seconds]
    player = RoutinePlayer(routine, clock := FakeClock())
    player.start()
    if step == 0.001:  # every millisecond; integer milliseconds so the fake clock itself does not drift
        events, ms = [], 0
        while player.state != "finished":
            ms += 1
            clock.t = 1000.0 + ms / 1000
            events += player.update()
    else:
        events = run_to_end(player, clock, step=step)
    assert countdown_record(events) == expected
    assert started(events) == list(range(len(routine.phases())))


def test_a_late_update_reports_every_boundary_in_order():
    routine = two_by_two()
    player, clock = player_for(routine)
    player.start()
    clock.advance(100)
    events = player.update()
    # 0 ready 0-5, 1 hold 5-25, 2 rest 25-35, 3 hold 35-55, 4 rest 55-65, 5 switch 65-70, 6 ready 70-75, 7 hold 75-95,
    # 8 rest 95-105
    assert started(events) == list(range(9))
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert [(type(e).__name__, e.at - 1000) for e in events][:6] == [
        ("PhaseStarted", 0), ("Countdown", 2), ("Countdown", 3), ("Countdown", 4), ("PhaseStarted", 5), ("Countdown", 22)]
    assert len(countdown_record(events)) == 3 * 8  # phases 0-7 ended; phase 8 has 5 s left
    assert player.phase_index == 8 and player.remaining() == 5 and player.update() == []


def test_queries_never_run_ahead_of_the_current_phase():
    player, clock = player_for(two_by_two())
    player.start()
    player.update()
    clock.advance(8)  # past the ready, but no update yet
    assert player.phase_index == 0 and player.remaining() == 0 and player.elapsed() == 5
    assert player.next_phase().kind == "hold" and 0 < player.progress() < 1


# --------------------------------------------------------------------------------------------- random runs


step_strategy = st.builds(
    Step,
    kind=st.sampled_from(["compression", "stretch"]),
    muscle_id=st.just("piriformis"),
    title=st.just("Piriformis"),
    side=st.sampled_from(["right", "left", "none"]),
    ready_s=st.integers(0, 6),
    hold_s=st.integers(1, 8),
    rest_s=st.integers(0, 4),
    reps=st.integers(1, 3),
)
routines = st.builds(Routine, name=st.just("random"), steps=st.lists(step_strategy, max_size=5))
advance = st.tuples(st.just("advance"), st.floats(0, 12, allow_nan=False))
all_actions = st.lists(
    st.one_of(advance, st.sampled_from([(a, 0) for a in ("pause", "resume", "toggle_pause", "skip", "update", "back",
                                                         "skip_because_it_hurts")])),
    max_size=60,
)
timing_actions = st.lists(
    st.one_of(advance, st.sampled_from([(a, 0) for a in ("pause", "resume", "toggle_pause", "update")])), max_size=60
)


def finish(player, clock, events):
    player.resume()
    for _ in range(10_000):
        events += player.update()
        if player.state == "finished":
            return
        clock.advance(3.7)
    raise AssertionError("never finished")


@settings(max_examples=300, deadline=None)
@given(routines, all_actions, st.floats(0, 1e5, allow_nan=False))
def test_random_commands_keep_the_player_sane(routine, actions, start):
    clock = FakeClock(start)
    player = RoutinePlayer(routine, clock)
    player.start()
    events = []
    for name, value in actions:
        before = player.phase_index
        if name == "advance":
            clock.advance(value)
        elif name == "update":
            events += player.update()
        else:
            getattr(player, name)()
        if name != "back":
            assert player.phase_index >= before
        assert player.remaining() >= 0 and player.elapsed() >= 0 and 0 <= player.progress() <= 1
        assert player.state in ("running", "paused", "finished")
        if player.current_phase is not None:
            assert player.remaining() <= player.current_phase.seconds + 1e-9
    finish(player, clock, events)
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert sum(isinstance(e, Finished) for e in events) == 1 and isinstance(events[-1], Finished)
    log = events[-1].log
    assert sum(s.elapsed_s for s in log.steps) == pytest.approx(log.actual_total_s, abs=1e-6)
    assert all(s.status in ("done", "skipped", "hurt") for s in log.steps)


@settings(max_examples=300, deadline=None)
@given(routines, timing_actions, st.floats(0, 1e5, allow_nan=False))
def test_without_skips_the_finish_is_start_plus_plan_plus_pauses(routine, actions, start):
    clock = FakeClock(start)
    player = RoutinePlayer(routine, clock)
    player.start()
    events, paused, pause_began = [], 0.0, None
    for name, value in actions:
        was = player.state
        if name == "advance":
            clock.advance(value)
        elif name == "update":
            events += player.update()
        else:
            getattr(player, name)()
        if was == "running" and player.state == "paused":
            pause_began = clock.t
        elif was == "paused" and player.state == "running":
            paused += clock.t - pause_began
    if player.state == "paused":  # finish() resumes first, at this clock reading
        paused += clock.t - pause_began
    finish(player, clock, events)
    total = routine.total_seconds()
    finished = events[-1]
    assert isinstance(finished, Finished)
    assert finished.log.paused_s == pytest.approx(paused, abs=1e-9)
    assert finished.at == pytest.approx(start + total + paused, abs=1e-9)
    assert finished.log.actual_total_s == total  # exact
    assert started(events) == list(range(len(routine.phases())))
    assert all(s.status == "done" for s in finished.log.steps)


# --------------------------------------------------------------------------------------------- builder edits


def test_builder_edits_return_new_routines():
    routine = two_by_two()
    changed = routine.with_step_changed(1, hold_s=45, reps=3)
    assert changed.steps[1].hold_s == 45 and changed.steps[1].reps == 3 and routine.steps[1].hold_s == 20
    moved = routine.moved(0, 3)
    assert moved.steps == routine.steps[1:] + routine.steps[:1]
    assert routine.moved(3, 0).steps == routine.steps[3:] + routine.steps[:3]
    assert routine.without(2).steps == routine.steps[:2] + routine.steps[3:]
    extra = Step(kind="stretch", muscle_id="piriformis", title="Figure four")
    assert routine.added(extra).steps[-1] == extra and routine.added(extra, 0).steps[0] == extra
    with pytest.raises(RoutineError, match=r"^steps\[1\]\.hold_s: expected a whole number of seconds from 1 to 600"):
        routine.with_step_changed(1, hold_s=0)
    with pytest.raises(IndexError):
        routine.without(4)


# --------------------------------------------------------------------------------------------- JSON


def test_json_round_trip():
    routine = two_by_two().with_step_changed(0, exercise_id="tfl_ball", kind="stretch")
    data = json.loads(json.dumps(routine.to_dict()))
    assert data["format"] == "hipmap.routine" and data["version"] == 1 and data["name"] == "Hip basics"
    assert routine_from_dict(data) == routine


def test_json_defaults_and_unknown_keys():
    data = {"format": "hipmap.routine", "version": 1, "name": "x", "later": True,
            "steps": [{"kind": "stretch", "muscle_id": "piriformis", "title": "P", "hold_s": 30, "colour": "red"}]}
    step = routine_from_dict(data).steps[0]
    assert (step.side, step.exercise_id, step.reps) == ("none", "", 1)


def good(at=0, **step_changes):
    """A valid file of three steps; step_changes go into steps[at] only."""
    step = {"kind": "compression", "muscle_id": "piriformis", "exercise_id": "", "title": "Ball", "side": "right",
            "ready_s": 5, "hold_s": 30, "rest_s": 10, "reps": 2}
    steps = [dict(step) for _ in range(3)]
    steps[at].update(step_changes)
    return {"format": "hipmap.routine", "version": 1, "name": "R", "steps": steps}


def with_(data, **changes):
    return {**data, **changes}


BAD = [  # (data, how the message begins)
    ([1, 2], "routine: expected a JSON object"),
    (with_(good(), format="hipmap.painmap"), 'routine: not a hipmap routine (expected "format": "hipmap.routine")'),
    (with_(good(), version=2), "routine: made by a newer hipmap (format version 2); this version reads up to 1."),
    (with_(good(), version="1"), 'routine: missing or invalid "version"'),
    (with_(good(), name="x" * 121), "routine: name: expected text of at most 120 characters"),
    (with_(good(), steps={}), "routine: steps: expected a list"),
    (with_(good(), steps=good()["steps"] * 34), "routine: steps: too many steps (102; the limit is 100)"),
    (with_(good(), steps=[good()["steps"][0], "x"]), "routine: steps[1]: expected an object"),
    (good(2, hold_s="x"), "routine: steps[2].hold_s: expected a whole number of seconds from 1 to 600, got 'x'"),
    (good(1, hold_s=601), "routine: steps[1].hold_s: expected a whole number of seconds from 1 to 600, got 601"),
    (good(hold_s=20.5), "routine: steps[0].hold_s: expected a whole number of seconds from 1 to 600, got 20.5"),
    (good(rest_s=-1), "routine: steps[0].rest_s: expected a whole number of seconds from 0 to 600, got -1"),
    (good(ready_s=121), "routine: steps[0].ready_s: expected a whole number of seconds from 0 to 120, got 121"),
    (good(reps=0), "routine: steps[0].reps: expected a whole number from 1 to 20, got 0"),
    (good(reps=True), "routine: steps[0].reps: expected a whole number from 1 to 20, got True"),
    (good(kind="massage"), "routine: steps[0].kind: expected 'compression' or 'stretch', got 'massage'"),
    (good(side="both"), "routine: steps[0].side: expected 'right', 'left' or 'none', got 'both'"),
    (good(title=" "), "routine: steps[0].title: expected text of 1 to 120 characters, got ' '"),
    (good(muscle_id=None), "routine: steps[0].muscle_id: expected text of 1 to 120 characters, got None"),
]


@pytest.mark.parametrize("data, message", BAD, ids=[m[9:50] for _, m in BAD])
def test_invalid_input_names_the_place(data, message):
    with pytest.raises(RoutineError) as caught:
        routine_from_dict(data)
    assert str(caught.value).startswith(message), str(caught.value)


def test_missing_field_is_named():
    data = good()
    del data["steps"][1]["title"]
    with pytest.raises(RoutineError, match=r"^routine: steps\[1\]\.title: missing"):
        routine_from_dict(data, where="routine")
    with pytest.raises(RoutineError, match=r"^my.json: "):
        routine_from_dict({}, where="my.json")


def test_a_command_a_hair_before_a_boundary_happens_at_the_boundary():
    # Found by hypothesis: 1.9999999999999982 s counts as the 2 s boundary, so a skip then must not be
    # stamped before the phase it ends.
    step = Step(kind="compression", muscle_id="piriformis", title="Piriformis", side="right", ready_s=0, hold_s=1, rest_s=0, reps=1)
    clock = FakeClock(0.0)
    player = RoutinePlayer(Routine("edge", (step, step, step)), clock)
    player.start()
    clock.advance(1.9999999999999982)
    player.skip()
    events = player.update()
    times = [e.at for e in events]
    assert times == sorted(times)


def test_a_routine_from_a_muscles_self_care_data(atlas):
    from hipmap.core.routine.builder import routine_for_muscle

    muscle = atlas.muscles["tensor_fasciae_latae"]
    routine = routine_for_muscle(muscle, "left", atlas.exercises)
    care = muscle.self_care
    assert routine.steps[0].kind == "compression" and routine.steps[0].hold_s == care.compression.hold_s
    assert routine.steps[0].reps == care.compression.reps and all(s.side == "left" for s in routine.steps)
    assert [s.exercise_id for s in routine.steps[1:]] == list(care.stretches)
    assert routine.total_seconds() > 0
    # A muscle whose sources give no stretch (every shipped muscle has one now): the compression alone.
    from dataclasses import replace

    sartorius = atlas.muscles["sartorius"]
    bare = replace(sartorius, self_care=replace(sartorius.self_care, stretches=()))
    only_pressure = routine_for_muscle(bare, "right", atlas.exercises)
    assert [s.kind for s in only_pressure.steps] == ["compression"]


def test_next_event_in_points_at_the_next_count_or_phase_end():
    routine = Routine("r", [Step(kind="compression", muscle_id="piriformis", title="t", side="right", ready_s=5, hold_s=20, rest_s=0, reps=1)])
    player, clock = player_for(routine)
    assert player.next_event_in() is None  # idle
    player.start()
    assert player.next_event_in() == pytest.approx(2.0)  # ready 5 s: the "3" comes at 2 s
    clock.advance(2.0)
    player.update()
    assert player.next_event_in() == pytest.approx(1.0)  # then "2"
    clock.advance(2.5)
    player.update()
    assert player.next_event_in() == pytest.approx(0.5)  # the end of the ready phase
    clock.advance(0.5)
    player.update()
    assert player.current_phase.kind == "hold" and player.next_event_in() == pytest.approx(17.0)
    player.pause()
    assert player.next_event_in() is None


@pytest.mark.parametrize("start", [0.0, 0.1, 1000.0, 12345.678])
def test_a_command_a_hair_before_a_countdown_happens_after_it(start):
    # The "2" of a 5 s phase is counted as reached a hair early (within EPSILON); a skip in that sliver must not be
    # reported before it.
    routine = Routine("r", [Step(kind="compression", muscle_id="piriformis", title="t", side="right", ready_s=5, hold_s=5, rest_s=0)])
    player, clock = player_for(routine, start)
    player.start()
    clock.t = start + 2.0 - 1e-12
    player.skip()
    events = player.update()
    assert [type(e).__name__ for e in events] == ["PhaseStarted", "Countdown", "PhaseStarted"]
    assert [e.at for e in events] == sorted(e.at for e in events)


def test_skip_step_leaves_the_whole_step_and_records_it_skipped():
    player, clock = player_for(two_by_two())
    player.start()
    clock.advance(5 + 3)  # three seconds into step 0's first hold
    player.update()
    player.skip_step()
    assert player.current_phase.step_index == 1 and player.current_phase.kind == "switch"
    assert [s.status for s in player.log.steps][:2] == ["skipped", "unfinished"]
    player.skip()  # one phase: the switch, then step 1's ready
    assert player.current_phase.step_index == 1 and player.current_phase.kind == "ready"


def test_a_skip_while_paused_a_hair_before_a_boundary_keeps_event_times_in_order():
    """Hypothesis found it: paused within EPSILON of a phase's end, the boundary counts as passed (its phase starts
    at 2.0); a skip then started the next phase at the clock's 1.99..., before it."""
    routine = Routine("random", [Step(kind="compression", muscle_id="piriformis", title="Piriformis", side="right",
                                      ready_s=0, hold_s=1, rest_s=0, reps=3)])  # fmt: skip
    player, clock = player_for(routine, start=0.0)
    player.start()
    clock.advance(1.9999999999999982)
    player.pause()
    player.skip()
    times = [event.at for event in player.update()]
    assert times == sorted(times)
