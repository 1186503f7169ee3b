"""Self-care routines (steps, sides, holds, rests) and the timer that plays them.

A Routine is immutable: the builder's edits return new routines. ``RoutinePlayer`` is a state machine driven by an
injected clock (``time.monotonic`` in the app, a fake in tests). It never adds up ticks: every phase's end is
computed from a base time plus planned durations plus time spent paused, so a slow or late timer cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Callable, Union

FORMAT = "hipmap.routine"
VERSION = 1
KINDS = ("compression", "stretch")
SIDES = ("right", "left", "none")
SWITCH_S = 5
MAX_STEPS = 100
MAX_NAME = 120
MAX_TEXT = 120
# (low, high) for each count of seconds or reps; the value must be an int, never a bool or a float.
LIMITS = {"ready_s": (0, 120), "hold_s": (1, 600), "rest_s": (0, 600), "reps": (1, 20)}
COUNTDOWN = (3, 2, 1)
BACK_RESTART_S = 2.0  # back() within this many seconds of a phase's start goes to the previous phase
# A clock reading equal to a boundary can land a few ULPs short of it after subtraction; count it as reached.
EPSILON = 1e-9


class RoutineError(ValueError):
    """A routine that cannot be built or read; the message names the place and what is wrong."""


def _check_unicode(name: str, value: str) -> None:
    if any("\ud800" <= ch <= "\udfff" for ch in value):  # half of a surrogate pair: no file can hold it
        raise RoutineError(f"{name}: expected Unicode text, got {value!r}")


# --------------------------------------------------------------------------------------------- model


@dataclass(frozen=True, kw_only=True)
class Step:
    kind: str
    muscle_id: str
    title: str
    exercise_id: str = ""
    side: str = "none"
    ready_s: int = 5
    hold_s: int = 30
    rest_s: int = 10
    reps: int = 1

    def __post_init__(self):
        if self.kind not in KINDS:
            raise RoutineError(f"kind: expected 'compression' or 'stretch', got {self.kind!r}")
        if self.side not in SIDES:
            raise RoutineError(f"side: expected 'right', 'left' or 'none', got {self.side!r}")
        for name, allow_empty in (("muscle_id", False), ("exercise_id", True), ("title", False)):
            value = getattr(self, name)
            if not isinstance(value, str) or len(value) > MAX_TEXT or (not allow_empty and not value.strip()):
                least = 0 if allow_empty else 1
                raise RoutineError(f"{name}: expected text of {least} to {MAX_TEXT} characters, got {value!r}")
            _check_unicode(name, value)
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                what = "a whole number" if name == "reps" else "a whole number of seconds"
                raise RoutineError(f"{name}: expected {what} from {low} to {high}, got {value!r}")


@dataclass(frozen=True)
class Phase:
    kind: str  # 'ready', 'hold', 'rest' or 'switch'
    step_index: int  # a switch belongs to the step it leads into
    rep: int  # 1-based; ready and switch carry 1, the rep they lead into
    side: str
    seconds: int
    cue: str  # spoken and shown


@dataclass(frozen=True)
class Routine:
    name: str
    steps: tuple[Step, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "steps", tuple(self.steps))  # accept any sequence, keep a tuple
        if not isinstance(self.name, str) or len(self.name) > MAX_NAME:
            raise RoutineError(f"name: expected text of at most {MAX_NAME} characters, got {self.name!r}")
        _check_unicode("name", self.name)
        if len(self.steps) > MAX_STEPS:
            raise RoutineError(f"steps: too many steps ({len(self.steps)}; the limit is {MAX_STEPS})")
        for i, step in enumerate(self.steps):
            if not isinstance(step, Step):
                raise RoutineError(f"steps[{i}]: expected a Step, got {type(step).__name__}")

    def phases(self, switch_s: int = SWITCH_S) -> list[Phase]:
        out: list[Phase] = []
        previous_side = None
        for i, step in enumerate(self.steps):
            # Only a real change of side needs a switch; 'none' (both sides / lying on the back) never does.
            if switch_s > 0 and {previous_side, step.side} == {"right", "left"}:
                out.append(Phase("switch", i, 1, step.side, switch_s, f"Switch to your {step.side} side"))
            if step.ready_s:
                out.append(Phase("ready", i, 1, step.side, step.ready_s, f"Get ready: {step.title}"))
            for rep in range(1, step.reps + 1):
                out.append(Phase("hold", i, rep, step.side, step.hold_s, "Hold"))
                very_last = i == len(self.steps) - 1 and rep == step.reps
                if step.rest_s and not very_last:
                    out.append(Phase("rest", i, rep, step.side, step.rest_s, "Rest"))
            if step.side != "none":  # right, both-sides, left: still a turn to the left side
                previous_side = step.side
        return out

    def total_seconds(self, switch_s: int = SWITCH_S) -> int:
        return sum(p.seconds for p in self.phases(switch_s))

    # Edits for the routine builder; indices out of range raise IndexError (a caller's bug, not bad data).
    def with_step_changed(self, index: int, **changes) -> "Routine":
        old = self.steps[_index(index, len(self.steps))]
        try:
            new = replace(old, **changes)
        except RoutineError as exc:
            raise RoutineError(f"steps[{index}].{exc}") from None
        return replace(self, steps=self.steps[:index] + (new,) + self.steps[index + 1 :])

    def moved(self, index: int, to: int) -> "Routine":
        steps = list(self.steps)
        step = steps.pop(_index(index, len(steps)))
        steps.insert(_index(to, len(self.steps)), step)
        return replace(self, steps=tuple(steps))

    def without(self, index: int) -> "Routine":
        index = _index(index, len(self.steps))
        return replace(self, steps=self.steps[:index] + self.steps[index + 1 :])

    def added(self, step: Step, index: int | None = None) -> "Routine":
        index = len(self.steps) if index is None else _index(index, len(self.steps) + 1)
        return replace(self, steps=self.steps[:index] + (step,) + self.steps[index:])

    def to_dict(self) -> dict:
        fields = ("kind", "muscle_id", "exercise_id", "title", "side", "ready_s", "hold_s", "rest_s", "reps")
        return {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "steps": [{f: getattr(s, f) for f in fields} for s in self.steps],
        }


def _index(index: int, length: int) -> int:
    if not 0 <= index < length:
        raise IndexError(f"step index {index} out of range (0 to {length - 1})")
    return index


_REQUIRED = ("kind", "muscle_id", "title", "hold_s")
_OPTIONAL = ("exercise_id", "side", "ready_s", "rest_s", "reps")


def routine_from_dict(data, where: str = "routine") -> Routine:
    def fail(message: str):
        raise RoutineError(f"{where}: {message}")

    if not isinstance(data, dict):
        fail("expected a JSON object")
    if data.get("format") != FORMAT:
        fail(f'not a hipmap routine (expected "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail('missing or invalid "version" (expected a whole number)')
    if version > VERSION:
        fail(f"made by a newer hipmap (format version {version}); this version reads up to {VERSION}. Please update hipmap.")
    steps_data = data.get("steps")
    if not isinstance(steps_data, list):
        fail('steps: expected a list')
    if len(steps_data) > MAX_STEPS:
        fail(f"steps: too many steps ({len(steps_data)}; the limit is {MAX_STEPS})")
    steps = []
    for i, item in enumerate(steps_data):
        if not isinstance(item, dict):
            fail(f"steps[{i}]: expected an object")
        for name in _REQUIRED:
            if name not in item:
                fail(f"steps[{i}].{name}: missing")
        try:  # Step checks every field; unknown keys are ignored so that version 1 files may grow
            steps.append(Step(**{k: item[k] for k in _REQUIRED + _OPTIONAL if k in item}))
        except RoutineError as exc:
            fail(f"steps[{i}].{exc}")
    try:
        return Routine(data.get("name", ""), tuple(steps))
    except RoutineError as exc:
        fail(str(exc))


# --------------------------------------------------------------------------------------------- run log and events


STEP_STATUSES = ("done", "skipped", "hurt", "unfinished")


@dataclass(frozen=True)
class StepRecord:
    step_index: int
    title: str
    side: str
    status: str  # done: every hold completed; skipped: passed with holds missing; hurt; unfinished: not passed yet
    holds_done: int
    reps: int
    elapsed_s: float  # time spent in this step's phases, pauses excluded


@dataclass(frozen=True)
class RunLog:
    routine_name: str
    steps: tuple[StepRecord, ...]
    planned_total_s: int
    actual_total_s: float  # routine time, pauses excluded
    paused_s: float
    stopped: bool


@dataclass(frozen=True)
class PhaseStarted:
    phase_index: int
    phase: Phase
    at: float  # clock time it happened; a late update() reports past events with their true times


@dataclass(frozen=True)
class Countdown:
    seconds_left: int
    phase_index: int
    at: float


@dataclass(frozen=True)
class Finished:
    log: RunLog  # log.stopped tells a completed run from one the user stopped
    at: float


Event = Union[PhaseStarted, Countdown, Finished]


# --------------------------------------------------------------------------------------------- player


class RoutinePlayer:
    """Plays a routine against ``clock``. Commands never raise; one that does not fit the state does nothing.

    Time is kept as "routine time" (seconds since start, pauses excluded). Phase k starts at
    ``base_offset + planned seconds of phases base_index..k-1``; start, skip and back set the base, nothing else.
    """

    def __init__(self, routine: Routine, clock: Callable[[], float], *, switch_s: int = SWITCH_S):
        self.routine = routine
        self.phases: tuple[Phase, ...] = tuple(routine.phases(switch_s))
        self._clock = clock
        self._cum = [0, *accumulate(p.seconds for p in self.phases)]
        self._state = "idle"
        self._index = 0
        self._start = 0.0  # clock at start()
        self._paused_total = 0.0  # finished pauses
        self._pause_began = 0.0
        self._frozen = 0.0  # routine time while not running
        self._base_index = 0
        self._base_offset = 0.0
        self._counted: set[int] = set()  # countdowns already emitted in the current phase
        self._floor = 0.0  # routine time of the last event reported: time never runs back behind it
        self._pending: list[Event] = []
        self._holds_done = [set() for _ in routine.steps]
        self._hurt: set[int] = set()
        self._step_elapsed = [0.0] * len(routine.steps)
        self._final_log: RunLog | None = None

    # ---- commands

    def start(self) -> None:
        if self._state != "idle":
            return
        self._start = self._clock()
        self._state = "running"
        self._enter(0, 0.0, self._start, rebase=True)

    def pause(self) -> None:
        now, rt = self._catch_up()
        if self._state == "running":
            self._state, self._frozen, self._pause_began = "paused", rt, now

    def resume(self) -> None:
        if self._state == "paused":
            self._paused_total += self._clock() - self._pause_began
            self._state = "running"

    def toggle_pause(self) -> None:
        self.resume() if self._state == "paused" else self.pause()

    def skip(self) -> None:
        now, rt = self._catch_up()
        if self._state in ("running", "paused"):
            self._jump(self._index + 1, now, rt)

    def back(self) -> None:
        now, rt = self._catch_up()
        if self._state in ("running", "paused"):
            into = rt - self._off(self._index)
            self._jump(self._index if into > BACK_RESTART_S or self._index == 0 else self._index - 1, now, rt)

    def skip_because_it_hurts(self) -> None:
        now, rt = self._catch_up()
        if self._state not in ("running", "paused"):
            return
        step = self.phases[self._index].step_index
        self._hurt.add(step)
        after = (j for j in range(self._index + 1, len(self.phases)) if self.phases[j].step_index > step)
        self._jump(next(after, len(self.phases)), now, rt)

    def stop(self) -> None:
        now, rt = self._catch_up()
        if self._state not in ("running", "paused"):
            return
        self._leave(rt, completed=False)
        self._end("stopped", now, rt)

    def update(self) -> list[Event]:
        """Everything that happened since the last call, in order, each with its exact time."""
        self._catch_up()
        events, self._pending = self._pending, []
        return events

    # ---- queries (as of the last update() or command, with remaining/elapsed read live from the clock)

    @property
    def state(self) -> str:
        return self._state

    @property
    def phase_index(self) -> int:
        return self._index

    @property
    def current_phase(self) -> Phase | None:
        return self.phases[self._index] if self._state in ("running", "paused") else None

    def next_phase(self) -> Phase | None:
        following = 0 if self._state == "idle" else self._index + 1
        if self._state in ("idle", "running", "paused") and following < len(self.phases):
            return self.phases[following]
        return None

    def remaining(self) -> float:
        if self._state not in ("running", "paused"):
            return 0.0
        return max(0.0, self._off(self._index + 1) - self._rt(self._clock()))

    def elapsed(self) -> float:
        if self._state == "running":
            return min(self._rt(self._clock()), self._off(self._index + 1))
        return self._frozen

    def next_event_in(self) -> float | None:
        """Seconds until the next thing to announce (a 3-2-1 count or the end of the phase), while running:
        the player aims a timer at it, so beeps and phase changes come on time rather than at the next poll."""
        if self._state != "running":
            return None
        rt = self._rt(self._clock())
        phase, end = self.phases[self._index], self._off(self._index + 1)
        due = [end] + [end - n for n in COUNTDOWN if n < phase.seconds and n not in self._counted]
        return max(0.0, min(t - rt for t in due))

    def progress(self) -> float:
        if self._state == "finished":
            return 1.0
        if self._state == "idle" or not self._cum[-1]:
            return 0.0
        left = self._off(self._index + 1) - min(self.elapsed(), self._off(self._index + 1))
        done = self._cum[self._index + 1] - left
        return min(1.0, max(0.0, done / self._cum[-1]))

    @property
    def log(self) -> RunLog:
        return self._final_log or self._snapshot()

    # ---- internals

    def _off(self, k: int) -> float:
        """Routine time at which phase k starts (and k-1 ends) under the current base."""
        return self._base_offset + (self._cum[k] - self._cum[self._base_index])

    def _rt(self, now: float) -> float:
        if self._state != "running":
            return self._frozen
        # Never before the current phase's start or the last event: a boundary counted as reached stays reached.
        return max(now - self._start - self._paused_total, self._off(self._index), self._floor)

    def _clock_at(self, rt: float) -> float:
        return self._start + self._paused_total + rt

    def _catch_up(self) -> tuple[float, float]:
        """Process every boundary passed by now; return (clock now, routine time now)."""
        now = self._clock()
        while self._state == "running":
            rt = self._rt(now)
            k, phase = self._index, self.phases[self._index]
            end = self._off(k + 1)
            for n in COUNTDOWN:
                if n < phase.seconds and n not in self._counted and rt + EPSILON >= end - n:
                    self._counted.add(n)
                    self._floor = max(self._floor, end - n)
                    self._pending.append(Countdown(n, k, self._clock_at(end - n)))
            if rt + EPSILON < end:
                break
            self._leave(end, completed=True)
            self._enter(k + 1, end, self._clock_at(end), rebase=False)
        rt = self._rt(now)
        if self._state == "running":
            # A boundary reached within EPSILON counts as passed: a command in that sliver happens at the
            # boundary, not a hair before it, so event times never go backwards.
            now = max(now, self._clock_at(rt))
        return now, rt

    def _leave(self, rt: float, completed: bool) -> None:
        phase = self.phases[self._index]
        self._step_elapsed[phase.step_index] += max(0.0, rt - self._off(self._index))
        if completed and phase.kind == "hold":
            self._holds_done[phase.step_index].add(phase.rep)

    def _jump(self, k: int, now: float, rt: float) -> None:
        """Leave the current phase early and start phase k now; later phases follow from this new base."""
        self._leave(rt, completed=False)
        self._enter(k, rt, now, rebase=True)

    def _enter(self, k: int, rt: float, at: float, rebase: bool) -> None:
        if rebase:
            self._base_index, self._base_offset = k, rt
        self._index, self._counted = k, set()
        if k >= len(self.phases):
            self._end("finished", at, rt)
        else:
            self._pending.append(PhaseStarted(k, self.phases[k], at))

    def _end(self, state: str, at: float, rt: float) -> None:
        if self._state == "paused":
            self._paused_total += at - self._pause_began
        self._state, self._frozen = state, rt
        self._final_log = self._snapshot()
        self._pending.append(Finished(self._final_log, at))

    def _snapshot(self) -> RunLog:
        elapsed = list(self._step_elapsed)
        paused = self._paused_total
        if self._state in ("running", "paused"):
            elapsed[self.phases[self._index].step_index] += max(0.0, self.elapsed() - self._off(self._index))
        if self._state == "paused":
            paused += self._clock() - self._pause_began
        reached = len(self.routine.steps) if self._state == "finished" else (
            self.phases[self._index].step_index if self._index < len(self.phases) else 0)
        records = []
        for i, step in enumerate(self.routine.steps):
            done = len(self._holds_done[i])
            if i in self._hurt:
                status = "hurt"
            elif done == step.reps:
                status = "done"
            else:
                status = "skipped" if i < reached and self._state != "idle" else "unfinished"
            records.append(StepRecord(i, step.title, step.side, status, done, step.reps, elapsed[i]))
        return RunLog(self.routine.name, tuple(records), self._cum[-1], self.elapsed(), paused, self._state == "stopped")


def routine_for_muscle(muscle, side: str, exercises) -> Routine:
    """A routine from a muscle's self-care data: the tennis-ball compression, then its stretches, on one side.

    ``muscle`` is an atlas Muscle with ``self_care``; ``exercises`` maps exercise ids to Exercise objects."""
    from .builder import muscle_steps

    return Routine(f"{muscle.name}, {side} side", tuple(muscle_steps(muscle, side, exercises)))
