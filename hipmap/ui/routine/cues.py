"""The player's words: phase names, the cue said when a phase starts, the lines beside the countdown, clock times."""

from __future__ import annotations

import math

from ...core.routine.model import Phase, Routine
from ..kit.i18n import QT_TRANSLATE_NOOP, side_name, step_title, translate

PHASE_NAMES = {"ready": QT_TRANSLATE_NOOP("player", "Get ready"), "hold": QT_TRANSLATE_NOOP("player", "Hold"), "rest": QT_TRANSLATE_NOOP("player", "Rest"), "switch": QT_TRANSLATE_NOOP("player", "Switch sides")}


def phase_name(phase: Phase | None) -> str:
    return translate("player", PHASE_NAMES.get(phase.kind, phase.kind.capitalize())) if phase else ""


def step_line(routine: Routine, phase: Phase) -> str:
    step = routine.steps[phase.step_index]
    title = step_title(step.title)
    return title if step.side == "none" else translate("player", "{title} — {side} side").format(title=title, side=side_name(step.side))


def phase_cue(routine: Routine, phase: Phase) -> str:
    """What is said (and shown) when PHASE starts, in the interface's language (the core's Phase.cue is English)."""
    if phase.kind == "switch":
        return translate("player", "Switch to your {side} side").format(side=side_name(phase.side))
    if phase.kind == "ready":
        return translate("player", "Get ready: {title}").format(title=step_title(routine.steps[phase.step_index].title))
    if phase.kind == "hold":
        return translate("cue", "Hold")
    if phase.kind == "rest":
        return translate("cue", "Rest")
    return phase.cue


def whole_seconds(remaining: float) -> int:
    """The number shown: 20.0 left shows 20, 19.99 still shows 20, 0.2 shows 1."""
    return max(0, math.ceil(remaining - 1e-6))


def clock_text(seconds: float) -> str:
    s = max(0, round(seconds))
    return f"{s // 60}:{s % 60:02d}"


def cue_text(routine: Routine, phase: Phase) -> str:
    """The quieter line under the step: what to do during PHASE."""
    step = routine.steps[phase.step_index]
    if phase.kind == "hold":  # the cue is the phase name, already shown large
        return translate("player", "Repetition {rep} of {reps}").format(rep=phase.rep, reps=step.reps) if step.reps > 1 else translate("player", "Keep a steady, bearable pressure.")
    if phase.kind in ("rest", "ready"):
        how = "ball" if step.kind == "compression" and not step.title.startswith("Hand pressure: ") else "hands" if step.kind == "compression" else "stretch"
        return translate("player", _BETWEEN[phase.kind, how])
    return phase_cue(routine, phase)


# What to do before and between holds, by what the step presses with (a stretch presses with nothing).
_BETWEEN = {
    ("ready", "ball"): QT_TRANSLATE_NOOP("player", "Settle onto the ball and breathe slowly."),
    ("rest", "ball"): QT_TRANSLATE_NOOP("player", "Ease off the ball and breathe."),
    ("ready", "hands"): QT_TRANSLATE_NOOP("player", "Find the spot with your fingertips and breathe slowly."),
    ("rest", "hands"): QT_TRANSLATE_NOOP("player", "Lift your fingers off and breathe."),
    ("ready", "stretch"): QT_TRANSLATE_NOOP("player", "Get into position and breathe slowly."),
    ("rest", "stretch"): QT_TRANSLATE_NOOP("player", "Ease out of the stretch and breathe."),
}


def next_text(routine: Routine, following: Phase | None, current: Phase) -> str:
    """The "Next: ..." line: the step or phase that comes after CURRENT."""
    if following is None:
        return translate("player", "Next: finished")
    if following.kind == "switch":
        return translate("player", "Next: {cue}").format(cue=phase_cue(routine, following))
    if following.step_index != current.step_index:
        return translate("player", "Next: {step_line}").format(step_line=step_line(routine, following))
    return translate("player", "Next: {phase_name} {seconds} s").format(phase_name=phase_name(following), seconds=following.seconds)
