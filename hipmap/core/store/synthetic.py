"""Plausible made-up sessions (seeded, reproducible) for benchmarks and tests of a long history."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from ..routine.model import Routine, Step
from ..routine.timer import STEP_STATUSES
from .session import PAINMAP_FORMAT, Session

_SYNTHETIC_MUSCLES = (
    ("gluteus_minimus_anterior", "Gluteus minimus (front fibres)"),
    ("gluteus_minimus_posterior", "Gluteus minimus (back fibres)"),
    ("gluteus_medius", "Gluteus medius"),
    ("tensor_fasciae_latae", "Tensor fasciae latae (TFL)"),
    ("piriformis", "Piriformis"),
    ("quadratus_lumborum", "Quadratus lumborum (QL)"),
    ("vastus_lateralis", "Vastus lateralis (outer thigh muscle)"),
    ("gluteus_maximus", "Gluteus maximus"),
)
_SYNTHETIC_PEOPLE = ("Anna", "Ben", "Chloé")


def synthetic_sessions(n: int, seed: int = 0) -> list[Session]:
    """`n` plausible sessions, oldest first (ids None): 2-3 people, one every 2-4 days, pain easing over time."""
    rng = random.Random(seed)
    people = _SYNTHETIC_PEOPLE[: rng.choice((2, 3))]
    when = datetime(2023, 1, 2, 9, 0, tzinfo=timezone.utc)
    sessions = []
    for i in range(n):
        when += timedelta(days=rng.randint(2, 4), minutes=rng.randint(-120, 120))
        created_at = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        t = i / max(1, n - 1)
        before = min(10, max(0, round(7.5 - 4.5 * t + rng.gauss(0, 1.2))))
        after = max(0, before - rng.choice((0, 1, 1, 2, 2, 3)))
        extent = round(min(1.0, max(0.005, 0.12 - 0.07 * t + rng.gauss(0, 0.02))), 4)
        side = rng.choice(("right", "left"))
        picked = rng.sample(_SYNTHETIC_MUSCLES, rng.randint(3, 5))
        scores = sorted((round(rng.uniform(0.2, 0.95), 3) for _ in picked), reverse=True)
        candidates = [{"id": mid, "name": name, "side": side, "score": s} for (mid, name), s in zip(picked, scores)]
        routine = run_log = None
        if rng.random() < 0.7:
            steps = [
                Step(kind=kind, muscle_id=mid, title=f"{'Tennis ball' if kind == 'compression' else 'Stretch'}: {name}",
                     side=side, hold_s=30, reps=2)
                for mid, name in picked[:2] for kind in ("compression", "stretch")
            ]
            planned = Routine("Today's routine", steps)
            routine = planned.to_dict()
            statuses = [rng.choices(STEP_STATUSES[:3], (0.85, 0.1, 0.05))[0] for _ in steps]
            run_log = {
                "routine_name": routine["name"],
                "steps": [{"step_index": k, "title": s.title, "side": s.side, "status": status,
                           "holds_done": s.reps if status == "done" else rng.randint(0, s.reps - 1),
                           "reps": s.reps, "elapsed_s": 0.0} for k, (s, status) in enumerate(zip(steps, statuses))],
                "planned_total_s": planned.total_seconds(),
                "actual_total_s": float(rng.randint(200, 400)),
                "paused_s": 0.0,
                "stopped": False,
            }
        painmap = {"format": PAINMAP_FORMAT, "version": 1, "app": "hipmap synthetic", "created": created_at,
                   "saved": created_at, "note": "", "marks": []}
        sessions.append(Session(None, created_at, rng.choice(people), painmap, candidates, routine, run_log,
                                before, after, extent))
    return sessions
