"""Self-care routines (steps, sides, holds, rests), their phases and their file format (``to_dict`` /
``routine_from_dict``).

A Routine is immutable: the builder's edits return new routines. Playing one is ``timer.RoutinePlayer``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..messages import coded, within

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


class RoutineError(ValueError):
    """A routine that cannot be built or read; the message names the place and what is wrong."""


def _check_unicode(name: str, value: str) -> None:
    if any("\ud800" <= ch <= "\udfff" for ch in value):  # half of a surrogate pair: no file can hold it
        raise coded(RoutineError, "expected Unicode text, got {value}", name, value=repr(value))


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
            raise coded(RoutineError, "expected 'compression' or 'stretch', got {value}", "kind", value=repr(self.kind))
        if self.side not in SIDES:
            raise coded(RoutineError, "expected 'right', 'left' or 'none', got {value}", "side", value=repr(self.side))
        for name, allow_empty in (("muscle_id", False), ("exercise_id", True), ("title", False)):
            value = getattr(self, name)
            if not isinstance(value, str) or len(value) > MAX_TEXT or (not allow_empty and not value.strip()):
                least = 0 if allow_empty else 1
                raise coded(RoutineError, "expected text of {least} to {most} characters, got {value}", name, least=least,
                            most=MAX_TEXT, value=repr(value))  # fmt: skip
            _check_unicode(name, value)
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                template = ("expected a whole number from {low} to {high}, got {value}" if name == "reps"
                            else "expected a whole number of seconds from {low} to {high}, got {value}")  # fmt: skip
                raise coded(RoutineError, template, name, low=low, high=high, value=repr(value))


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
            raise coded(RoutineError, "expected text of at most {most} characters, got {value}", "name", most=MAX_NAME, value=repr(self.name))
        _check_unicode("name", self.name)
        if len(self.steps) > MAX_STEPS:
            raise coded(RoutineError, "too many steps ({count}; the limit is {limit})", "steps", count=len(self.steps), limit=MAX_STEPS)
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
            raise within(exc, f"steps[{index}].") from None
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
    def fail(template: str, at: str = "", **params):
        raise coded(RoutineError, template, f"{where}: {at}" if at else where, **params)

    if not isinstance(data, dict):
        fail("expected a JSON object")
    if data.get("format") != FORMAT:
        fail('not a hipmap routine (expected "format": "{format}")', format=FORMAT)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail('missing or invalid "version" (expected a whole number)')
    if version > VERSION:
        fail("made by a newer hipmap (format version {version}); this version reads up to {supported}. Please update hipmap.",
             version=version, supported=VERSION)  # fmt: skip
    steps_data = data.get("steps")
    if not isinstance(steps_data, list):
        fail("expected a list", "steps")
    if len(steps_data) > MAX_STEPS:
        fail("too many steps ({count}; the limit is {limit})", "steps", count=len(steps_data), limit=MAX_STEPS)
    steps = []
    for i, item in enumerate(steps_data):
        if not isinstance(item, dict):
            fail("expected an object", f"steps[{i}]")
        for name in _REQUIRED:
            if name not in item:
                fail("missing", f"steps[{i}].{name}")
        try:  # Step checks every field; unknown keys are ignored so that version 1 files may grow
            steps.append(Step(**{k: item[k] for k in _REQUIRED + _OPTIONAL if k in item}))
        except RoutineError as exc:
            raise within(exc, f"{where}: steps[{i}].") from None
    try:
        return Routine(data.get("name", ""), tuple(steps))
    except RoutineError as exc:
        raise within(exc, f"{where}: ") from None
