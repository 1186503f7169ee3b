"""The timer that plays a routine: ``RoutinePlayer``, the events it reports and the ``RunLog`` it keeps.

``RoutinePlayer`` is a state machine driven by an injected clock (``time.monotonic`` in the app, a fake in tests).
It never adds up ticks: every phase's end is computed from a base time plus planned durations plus time spent
paused, so a slow or late timer cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import Callable, Union

from .model import SWITCH_S, Phase, Routine

COUNTDOWN = (3, 2, 1)
BACK_RESTART_S = 2.0  # back() within this many seconds of a phase's start goes to the previous phase
# A clock reading equal to a boundary can land a few ULPs short of it after subtraction; count it as reached.
EPSILON = 1e-9


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

    def skip_step(self) -> None:
        """Leave the whole step now (its holds not done are recorded as skipped) and start the next step."""
        now, rt = self._catch_up()
        if self._state not in ("running", "paused"):
            return
        step = self.phases[self._index].step_index
        after = (j for j in range(self._index + 1, len(self.phases)) if self.phases[j].step_index > step)
        self._jump(next(after, len(self.phases)), now, rt)

    def back(self) -> None:
        now, rt = self._catch_up()
        if self._state in ("running", "paused"):
            into = rt - self._off(self._index)
            self._jump(self._index if into > BACK_RESTART_S or self._index == 0 else self._index - 1, now, rt)

    def skip_because_it_hurts(self) -> None:
        now, rt = self._catch_up()
        if self._state not in ("running", "paused"):
            return
        self._hurt.add(self.phases[self._index].step_index)
        self.skip_step()

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
        if self._state in ("running", "paused"):
            # A boundary reached within EPSILON counts as passed: a command in that sliver happens at the
            # boundary, not a hair before it, so event times never go backwards (paused there too: a skip
            # right after such a pause must not start its phase before the one the pause froze).
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
