"""Routines built from muscles: each muscle's tennis-ball compression (when a ball can reach it), then its
stretches, one side at a time.

The builder keeps the user's edits: when muscles are added or removed, ``merged`` keeps every step the user already
has (with its changed holds, repetitions and place in the order) and slots new steps in where the plan puts them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from ..content.vocabulary import BOTH, SIDES
from .model import MAX_NAME, Routine, RoutineError, Step

READY_S = 10  # reading time before each step: enough to get down onto the ball
DEFAULT_REST_S = 10


def step_key(step: Step) -> tuple[str, str, str]:
    """What makes two steps "the same": a compression belongs to its muscle; a stretch on one side is done once,
    however many of the chosen muscles it helps."""
    return (step.kind, step.muscle_id if step.kind == "compression" else step.exercise_id, step.side)


def sides_of(side: str) -> tuple[str, ...]:
    """The sides a routine works through for a chosen side: "both" (a bilateral muscle) is right, then left."""
    return SIDES if side == BOTH else (side,)


TITLE_PREFIXES = {"tennis_ball": "Tennis ball: ", "hands": "Hand pressure: "}  # by the exercise's tool


def compression_title(muscle, exercise=None) -> str:
    """A compression step's title, naming what presses: "Tennis ball: Piriformis", "Hand pressure: Tibialis
    anterior" (the interface shows the prefix in its language: ui.kit.i18n.step_title)."""
    tool = getattr(exercise, "tool", "") or "tennis_ball"
    return f"{TITLE_PREFIXES.get(tool, TITLE_PREFIXES['tennis_ball'])}{muscle.name}"


def retitled(routine: Routine, muscles: Mapping, exercises: Mapping, name: str | None = None) -> Routine:
    """ROUTINE with each step's title made again from MUSCLES and EXERCISES (an atlas in another language), and
    NAME when one is given; a step whose muscle or exercise is not there keeps its title. Nothing else changes."""
    steps = []
    for step in routine.steps:
        title = step.title
        if step.kind == "compression" and step.muscle_id in muscles:
            title = compression_title(muscles[step.muscle_id], exercises.get(step.exercise_id))
        elif step.kind == "stretch" and step.exercise_id in exercises:
            title = exercises[step.exercise_id].name
        steps.append(step if title == step.title else replace(step, title=title))
    return replace(routine, name=routine.name if name is None else name, steps=tuple(steps))


def muscle_steps(muscle, side: str, exercises: Mapping) -> list[Step]:
    """The compression then the stretches for one muscle on one side, from its self-care data.

    A muscle no ball can reach (self-care ``instead``) has no compression step: its stretches only, and no steps
    at all when it has none (the UI must then say so rather than offer a routine). Side "both" (a pattern that
    spans both sides) is the right side's steps, then the left side's: a ball presses one spot at a time, the
    player's side switch stays meaningful, and routine files keep their sides (right, left, none)."""
    care = getattr(muscle, "self_care", None)
    if care is None:
        raise RoutineError(f"{muscle.id}: no self-care data")
    steps: list[Step] = []
    for one in sides_of(side):
        if care.compression is not None:
            press = exercises.get(care.compression.exercise)
            steps.append(Step(
                kind="compression", muscle_id=muscle.id, exercise_id=care.compression.exercise,
                title=compression_title(muscle, press), side=one, ready_s=READY_S, hold_s=care.compression.hold_s,
                rest_s=press.rest_s if press is not None else DEFAULT_REST_S, reps=care.compression.reps,
            ))  # fmt: skip
        for stretch_id in care.stretches:
            stretch = exercises.get(stretch_id)
            if stretch is None or (not stretch.per_side and one != sides_of(side)[0]):
                continue  # a stretch of both sides at once is done once, with the first side
            steps.append(Step(  # a stretch of both sides at once (per_side false) belongs to no one side
                kind="stretch", muscle_id=muscle.id, exercise_id=stretch_id, title=stretch.name,
                side=one if stretch.per_side else "none",
                ready_s=READY_S, hold_s=stretch.hold_s, rest_s=stretch.rest_s, reps=stretch.reps,
            ))  # fmt: skip
    return steps


def has_steps(muscle, exercises: Mapping) -> bool:
    """Whether hipmap can time a routine for this muscle (false for one with neither a ball nor a stretch)."""
    return getattr(muscle, "self_care", None) is not None and bool(muscle_steps(muscle, "right", exercises))


def routine_for_muscle(muscle, side: str, exercises) -> Routine:
    """A routine from a muscle's self-care data: the tennis-ball compression, then its stretches, on one side
    (or both sides, right then left, for side "both"); no steps for a muscle with neither.

    ``muscle`` is an atlas Muscle with ``self_care``; ``exercises`` maps exercise ids to Exercise objects."""
    where = "both sides" if side == BOTH else f"{side} side"
    return Routine(f"{muscle.name}, {where}", tuple(muscle_steps(muscle, side, exercises)))


# The words of default routine names; the UI passes phrases=... in its language, same keys.
NAME_PHRASES = {
    "new": "New routine", "two": "{first} and {second}", "more": "{first} and {count} more",
    "one_side": "{side} side", "both_sides": "both sides", "name": "{who}, {where}", "left": "left", "right": "right",
}  # fmt: skip


def _short(name: str) -> str:
    """A muscle's name without its explanation in brackets: "Piriformis (deep buttock muscle)" -> "Piriformis"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name) or name


def default_name(choices: Sequence[tuple[object, str]], phrases: Mapping[str, str] | None = None) -> str:
    """The automatic name of a routine ("Piriformis, right side"); at most MAX_NAME characters in any language
    (long names lose their bracketed explanation first, then are cut with an ellipsis)."""
    p = {**NAME_PHRASES, **(phrases or {})}
    full = list(dict.fromkeys(muscle.name for muscle, _side in choices))
    sides = list(dict.fromkeys(side for _muscle, side in choices))
    if not full:
        return p["new"][:MAX_NAME]
    one = len(sides) == 1 and sides[0] != BOTH
    where = p["one_side"].format(side=p.get(sides[0], sides[0])) if one else p["both_sides"]
    for names in (full, [_short(n) for n in full]):
        if len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = p["two"].format(first=names[0], second=names[1])
        else:
            who = p["more"].format(first=names[0], count=len(names) - 1)
        name = p["name"].format(who=who, where=where)
        if len(name) <= MAX_NAME:
            return name
    return name[: MAX_NAME - 1].rstrip() + "…"


def build_routine(choices: Iterable[tuple[object, str]], exercises: Mapping, name: str | None = None,
                  phrases: Mapping[str, str] | None = None) -> Routine:
    """A routine for (muscle, side) pairs, in the order given, grouped by side so that you turn over only once.

    Sides come in the order they first appear ("both" counts as right, then left); a stretch shared by two muscles
    on the same side is done once."""
    choices = list(choices)
    sides = list(dict.fromkeys(one for _muscle, side in choices for one in sides_of(side)))
    steps: list[Step] = []
    seen: set[tuple[str, str, str]] = set()
    for side in sides:
        for muscle, muscle_side in choices:
            if side not in sides_of(muscle_side):
                continue
            for step in muscle_steps(muscle, side, exercises):
                if step_key(step) not in seen:
                    seen.add(step_key(step))
                    steps.append(step)
    return Routine(default_name(choices, phrases) if name is None else name, tuple(steps))


def merged(current: Routine, planned: Routine) -> Routine:
    """The planned steps, but with the user's order and edits for every step they already have.

    Steps of ``current`` that the plan no longer has are dropped. A new step goes just before the next step of the
    plan that is already there (so a muscle's compression comes before a stretch it shares with another muscle);
    failing that, after the last step on its side, so each side stays one block and you turn over only once."""
    wanted = {step_key(s): s for s in planned.steps}
    # A kept step takes the plan's muscle: a shared stretch may now be there for a different ticked muscle.
    steps = [replace(s, muscle_id=wanted[step_key(s)].muscle_id) for s in current.steps if step_key(s) in wanted]
    have = {step_key(s) for s in steps}
    plan_keys = [step_key(s) for s in planned.steps]
    for i, step in enumerate(planned.steps):
        if plan_keys[i] in have:
            continue
        later = next((k for k in plan_keys[i + 1 :] if k in have), None)
        if later is not None:
            at = next(j for j, s in enumerate(steps) if step_key(s) == later)
        else:
            same_side = [j for j, s in enumerate(steps) if s.side == step.side]
            at = same_side[-1] + 1 if same_side else len(steps)
        steps.insert(at, step)
        have.add(plan_keys[i])
    return replace(current, steps=tuple(steps))
