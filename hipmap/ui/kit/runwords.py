"""A routine run in words, the same wherever it is shown (the player's end screen, the status bar, the Save Session
dialog, the history's list, chart and session view): exact, so a stopped run never reads as done."""

from __future__ import annotations

from ...core.routine.timer import RunLog
from ...core.store.session import RunOutcome, run_log_to_dict
from .i18n import translate


def log_outcome(log: RunLog) -> RunOutcome:
    """The counts the words are made of, from the player's RunLog."""
    return RunOutcome.of(run_log_to_dict(log))


def run_text(run) -> tuple[str, str]:
    """A routine run (store RunOutcome) in words: short for the list ("stopped after 0 of 2 steps", "done, 1 of 3
    skipped", "done") and whole for a tooltip or a screen reader. Exact: a stopped run never reads as done."""
    n, done, skipped = run.total, run.done, run.skipped
    if run.stopped:
        short = translate("history", "stopped after {done} of %n step", "", n) if n == 1 else translate("history", "stopped after {done} of %n steps", "", n)
        whole = (translate("history", "Routine stopped before the end: {done} of %n step done", "", n) if n == 1
                 else translate("history", "Routine stopped before the end: {done} of %n steps done", "", n))  # fmt: skip
        if skipped:  # (the number skipped decides the plural: "1 omitido", "2 omitidos")
            short += translate("history", ", %n skipped", "", skipped)
            whole += translate("history", "; %n skipped or stopped because it hurt", "", skipped)
        return short.format(done=done), whole.format(done=done)
    if skipped:
        return (translate("history", "done, %n of {total} skipped", "", skipped).format(total=n),
                (translate("history", "Routine done; %n of {total} step skipped or stopped because it hurt", "", skipped) if n == 1
                 else translate("history", "Routine done; %n of {total} steps skipped or stopped because it hurt", "", skipped)).format(total=n))  # fmt: skip
    return translate("history", "done"), (translate("history", "Routine done: its %n step", "", n) if n == 1 else translate("history", "Routine done: all %n steps", "", n))
