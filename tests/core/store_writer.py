"""A process that saves sessions until it is killed: the writer of test_store's kill test.

Usage: python store_writer.py DB_PATH. Prints "open" before opening the store, "ready" after, then each committed
session's id, flushed right after the commit returns. The content of session N is kill_test_session(N), so the
test can check every session it finds without having been told what was written.
"""

import random
import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: make hipmap importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hipmap.core.store.database import Store  # noqa: E402
from hipmap.core.store.session import Session  # noqa: E402

VIEWS = ("posterior", "anterior", "lateral_right", "lateral_left")
MUSCLES = ("gluteus_minimus_anterior", "gluteus_medius", "tensor_fasciae_latae", "piriformis", "vastus_lateralis")


def _polygon(rng: random.Random, points: int) -> dict:
    ring = [[round(rng.uniform(100, 500), 2), round(rng.uniform(100, 900), 2)] for _ in range(points)]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def kill_test_session(number: int) -> Session:
    """Session `number` (its id once saved), the same every time; its pain map is a realistic few KB."""
    rng = random.Random(number)
    marks = [
        {"view": rng.choice(VIEWS), "intensity": rng.randint(0, 10), "qualities": ["aching"],
         "geometry": _polygon(rng, 60)}
        for _ in range(rng.randint(2, 5))
    ]
    painmap = {"format": "hipmap.painmap", "version": 1, "app": "hipmap kill test", "note": f"map {number}",
               "created": "2026-01-01T00:00:00+00:00", "marks": marks}
    candidates = [{"id": m, "name": m.replace("_", " ").capitalize(), "side": "right", "score": round(rng.random(), 3)}
                  for m in rng.sample(MUSCLES, 3)]
    routine = {"format": "hipmap.routine", "version": 1, "name": f"Routine {number}",
               "steps": [{"kind": "stretch", "muscle_id": "piriformis", "title": "Stretch: piriformis",
                          "side": "left", "hold_s": 30, "reps": 2}]} if number % 2 else None
    run_log = {"steps": [{"title": "Stretch: piriformis", "side": "left", "status": "skipped" if number % 3 else "done",
                          "holds_done": 1, "reps": 2}],
               "planned_total_s": 75, "actual_total_s": 40.5, "stopped": False} if routine else None
    day = 1 + number % 28
    return Session(None, f"2026-02-{day:02d}T10:{number % 60:02d}:00Z", ("", "Anna", "Ben")[number % 3], painmap,
                   candidates, routine, run_log, number % 11, (number * 7) % 11, round(rng.random(), 4),
                   f"note {number}")


def main(path: str) -> int:
    print("open", flush=True)
    store = Store.open(Path(path))
    print("ready", flush=True)
    number = store.count() + 1  # ids count up from 1 with no gaps: the kill test never deletes
    while True:
        saved = store.save(kill_test_session(number))
        if saved.id != number:
            print(f"expected id {number}, got {saved.id}", file=sys.stderr, flush=True)
            return 3
        print(saved.id, flush=True)
        number += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
