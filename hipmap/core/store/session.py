"""A saved session as the app sees it (Session, SessionSummary), and checking one field by field before it is stored."""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone

from ..messages import coded, phrase, said
from ..routine.model import routine_from_dict
from ..routine.timer import STEP_STATUSES, RunLog

MAX_LABEL = 80
MAX_NOTE = 10_000
MAX_CANDIDATES = 200
MIN_YEAR, MAX_YEAR = 1900, 9000  # a stored time outside them is damage (hipmap writes the time of saving)
MAX_STEPS = 10_000  # far above any routine (Qt counts a plural's number in 32 bits: a huge one crashed the window)
MAX_JSON_CHARS = 20_000_000  # the same ceiling as a pain map file
SKIPPED_STATUSES = ("skipped", "hurt")
PAINMAP_FORMAT = "hipmap.painmap"  # not imported from painmap.py: that module needs shapely, the store does not
_CREATED_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def utc_now() -> str:
    """Now, in the form Session.created_at takes: ISO 8601 UTC to the second, with a 'Z'."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Session:
    id: int | None
    created_at: str  # ISO 8601 UTC to the second, e.g. 2026-11-25T03:34:12Z
    person: str  # "" = no label
    painmap: dict  # painmap.to_json_dict()
    candidates: list[dict]  # best first; each {"id", "name", "side", "score", ...}
    routine: dict | None  # Routine.to_dict()
    run_log: dict | None  # run_log_to_dict(RunLog)
    pain_before: int | None  # 0-10
    pain_after: int | None  # 0-10
    pain_extent: float | None  # share of the body drawing marked, 0..1
    note: str = ""


@dataclass(frozen=True)
class SessionSummary:
    id: int
    created_at: str
    person: str
    pain_before: int | None
    pain_after: int | None
    pain_extent: float | None
    top_muscles: tuple[str, ...]  # up to 3 candidate names, best first
    has_routine: bool
    skipped_steps: int  # steps skipped or stopped because they hurt
    run: "RunOutcome | None" = None  # how the routine's run went; None: not played, or its record cannot be read
    damaged: str = ""  # why the stored row cannot be shown (then the other fields are placeholders)


@dataclass(frozen=True)
class RunOutcome:
    """What a routine run came to, in the counts the history shows: steps done, passed over, in all, and whether it was stopped."""

    total: int  # steps in the routine
    done: int  # steps with every hold completed
    skipped: int  # steps skipped, or stopped because they hurt
    stopped: bool  # the user stopped the routine before its end

    @classmethod
    def of(cls, run_log: dict | None) -> "RunOutcome | None":
        """From a Session's run_log dict (run_log_to_dict); None when there is none or it is not one."""
        if not isinstance(run_log, dict) or not isinstance(run_log.get("steps"), list) or not isinstance(run_log.get("stopped"), bool):
            return None
        statuses = [step.get("status") if isinstance(step, dict) else None for step in run_log["steps"]]
        return cls(len(statuses), statuses.count("done"), sum(status in SKIPPED_STATUSES for status in statuses), run_log["stopped"])


def run_log_to_dict(log: RunLog) -> dict:
    """The plain dict a Session keeps of a routine run (lists, not tuples: it reads back from JSON the same)."""
    return {**asdict(log), "steps": [asdict(step) for step in log.steps]}


# --------------------------------------------------------------------------------------------- checking a session


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    # (math.isfinite of a whole number too big for a float raises OverflowError; every int is finite)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and (isinstance(value, int) or math.isfinite(value))


def _check_rating(name: str, value) -> None:
    if value is not None and not (_is_int(value) and 0 <= value <= 10):
        raise coded(ValueError, "expected a whole number from 0 to 10 or None, got {value}", name, value=_short(value))


def clean_label(label) -> str:
    """A person label as stored: trimmed; "" means no label. Raises ValueError for one that cannot be a label."""
    if not isinstance(label, str):
        raise coded(ValueError, "expected text, got {value}", "person", value=_short(label))
    label = label.strip()
    if len(label) > MAX_LABEL or any(ch < " " or ch == "\x7f" for ch in label):
        raise coded(ValueError, "expected a label of at most {most} characters on one line, got {value}", "person", most=MAX_LABEL, value=_short(label))
    return label


def _check_created_at(value) -> None:
    ok = isinstance(value, str) and _CREATED_AT.fullmatch(value)
    try:
        # The fields at their fixed places (the pattern matched), checked by datetime as strptime(value,
        # "%Y-%m-%dT%H:%M:%SZ") checks them, for a tenth of its cost: the History checks every session it lists.
        ok = ok and datetime(int(value[0:4]), int(value[5:7]), int(value[8:10]), int(value[11:13]), int(value[14:16]), int(value[17:19]))
    except ValueError:
        ok = False
    if not ok:
        raise coded(ValueError, "expected ISO 8601 UTC like 2026-11-25T03:34:12Z, got {value}", "created_at", value=_short(value))


def _check_candidates(candidates) -> None:
    if not isinstance(candidates, list) or len(candidates) > MAX_CANDIDATES:
        raise coded(ValueError, "expected a list of at most {most} objects, got {value}", "candidates", most=MAX_CANDIDATES, value=_short(candidates))
    for i, item in enumerate(candidates):
        where = f"candidates[{i}]"
        if not isinstance(item, dict):
            raise coded(ValueError, "expected an object, got {value}", where, value=_short(item))
        for key in ("id", "name"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise coded(ValueError, "expected non-empty text, got {value}", f"{where}.{key}", value=_short(item.get(key)))
        if item.get("side") not in ("left", "right", "both"):  # both: a pattern spanning both sides (rectus abdominis)
            raise coded(ValueError, "expected 'left', 'right' or 'both', got {value}", f"{where}.side", value=_short(item.get('side')))
        if not (_is_number(item.get("score")) and 0 <= item["score"] <= 1):
            raise coded(ValueError, "expected a number from 0 to 1, got {value}", f"{where}.score", value=_short(item.get('score')))


def _check_run_log(log) -> None:
    if not isinstance(log, dict):
        raise coded(ValueError, "expected an object or None, got {value}", "run_log", value=_short(log))
    steps = log.get("steps")
    if not isinstance(steps, list):
        raise coded(ValueError, "expected a list, got {value}", "run_log.steps", value=_short(steps))
    for i, step in enumerate(steps):
        where = f"run_log.steps[{i}]"
        if not isinstance(step, dict):
            raise coded(ValueError, "expected an object, got {value}", where, value=_short(step))
        if step.get("status") not in STEP_STATUSES:
            expected = ", ".join(STEP_STATUSES)
            raise coded(ValueError, "expected one of {expected}, got {value}", f"{where}.status", expected=expected, value=_short(step.get('status')))
        for key in ("title", "side"):
            if not isinstance(step.get(key), str):
                raise coded(ValueError, "expected text, got {value}", f"{where}.{key}", value=_short(step.get(key)))
        for key in ("holds_done", "reps"):
            if not (_is_int(step.get(key)) and step[key] >= 0):
                raise coded(ValueError, "expected a whole number from 0, got {value}", f"{where}.{key}", value=_short(step.get(key)))
    for key in ("planned_total_s", "actual_total_s"):
        if not (_is_number(log.get(key)) and log[key] >= 0):
            raise coded(ValueError, "expected a number of seconds from 0, got {value}", f"run_log.{key}", value=_short(log.get(key)))
    if not isinstance(log.get("stopped"), bool):
        raise coded(ValueError, "expected true or false, got {value}", "run_log.stopped", value=_short(log.get('stopped')))


def _to_json(name: str, value) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise coded(ValueError, "cannot be stored as JSON ({reason})", name, reason=str(exc)) from None
    if len(text) > MAX_JSON_CHARS:
        raise coded(ValueError, "too large to store ({count} characters; the limit is {limit})", name, count=len(text), limit=MAX_JSON_CHARS)
    return text


def summary_problem(created_at, person, before, after, extent, tops, has_routine, skipped) -> str:
    """What is wrong with a stored summary row ("" when nothing): values SQLite's column types let through."""
    try:
        _check_created_at(created_at)
        if not MIN_YEAR <= int(created_at[:4]) <= MAX_YEAR:  # the chart's calendar and local time need room
            raise coded(ValueError, "expected a year from {low} to {high}, got {value}", "created_at", low=MIN_YEAR, high=MAX_YEAR, value=_short(created_at))
        if not isinstance(person, str):
            raise coded(ValueError, "expected text, got {value}", "person", value=_short(person))
        _check_rating("pain_before", before)
        _check_rating("pain_after", after)
        if extent is not None and not (_is_number(extent) and 0 <= extent <= 1):
            raise coded(ValueError, "expected a number from 0 to 1 or None, got {value}", "pain_extent", value=_short(extent))
        for i, name in enumerate(tops, 1):
            if name is not None and not (isinstance(name, str) and name.strip()):
                raise coded(ValueError, "expected text, got {value}", f"top{i}", value=_short(name))
        if has_routine not in (0, 1) or isinstance(has_routine, float):
            raise coded(ValueError, "expected 0 or 1, got {value}", "has_routine", value=_short(has_routine))
        if not (_is_int(skipped) and 0 <= skipped <= MAX_STEPS):
            raise coded(ValueError, "expected a whole number from 0 to {most}, got {value}", "skipped_steps", most=MAX_STEPS, value=_short(skipped))
    except ValueError as exc:
        return said(exc)
    return ""


def check_stored(session: Session) -> None:
    """Check a session read back from the database (ValueError names the first bad field); a label that save()
    would refuse is kept, as long as it is text."""
    if not isinstance(session.person, str):
        raise coded(ValueError, "expected text, got {value}", "person", value=_short(session.person))
    session_columns(replace(session, person=""))


def session_columns(session: Session) -> dict:
    """Check every field (ValueError names the first bad one) and return the sessions row to write."""
    if session.id is not None and not (_is_int(session.id) and session.id > 0):
        raise coded(ValueError, "expected a positive whole number or None, got {value}", "id", value=_short(session.id))
    _check_created_at(session.created_at)
    clean_label(session.person)
    if not isinstance(session.painmap, dict) or session.painmap.get("format") != PAINMAP_FORMAT:
        expected = phrase('a pain map object ("format": "{format}")', format=PAINMAP_FORMAT)
        raise coded(ValueError, "expected {expected}, got {value}", "painmap", expected=expected, value=_short(session.painmap))
    _check_candidates(session.candidates)
    if session.routine is not None:
        routine_from_dict(session.routine, "routine")  # RoutineError is a ValueError with a clear message
    if session.run_log is not None:
        _check_run_log(session.run_log)
    _check_rating("pain_before", session.pain_before)
    _check_rating("pain_after", session.pain_after)
    extent = session.pain_extent
    if extent is not None and not (_is_number(extent) and 0 <= extent <= 1):
        raise coded(ValueError, "expected a number from 0 to 1 or None, got {value}", "pain_extent", value=_short(extent))
    if not isinstance(session.note, str) or len(session.note) > MAX_NOTE:
        raise coded(ValueError, "expected text of at most {most} characters, got {value}", "note", most=MAX_NOTE, value=_short(session.note))
    names = [c["name"] for c in session.candidates[:3]]
    steps = session.run_log["steps"] if session.run_log else []
    return {
        "created_at": session.created_at,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "pain_extent": None if extent is None else float(extent),
        "top1": names[0] if len(names) > 0 else None,
        "top2": names[1] if len(names) > 1 else None,
        "top3": names[2] if len(names) > 2 else None,
        "has_routine": int(session.routine is not None),
        "skipped_steps": sum(1 for s in steps if s["status"] in SKIPPED_STATUSES),
        "note": session.note,
        "painmap": _to_json("painmap", session.painmap),
        "candidates": _to_json("candidates", session.candidates),
        "routine": None if session.routine is None else _to_json("routine", session.routine),
        "run_log": None if session.run_log is None else _to_json("run_log", session.run_log),
    }
