"""A user's hipmap data and home folders, made in a temporary folder, to check that a tool leaves them alone."""

import os
from pathlib import Path

from hipmap.core.pain.painmap import PainMap, click_mark, save
from hipmap.core.routine.library import RoutineLibrary
from hipmap.core.routine.model import Routine, Step
from hipmap.core.store.database import Store
from hipmap.core.store.synthetic import synthetic_sessions


def make_user(tmp_path: Path) -> dict:
    """A data folder with an autosave (one file per window, and the single file of before), saved routines and a
    history database; HOME and the XDG folders in tmp_path. Returns the environment for a subprocess."""
    data = tmp_path / "data"
    data.mkdir()
    save(PainMap((click_mark("anterior", 205, 262),)), data / "autosave.hipmap.json")
    save(PainMap((click_mark("posterior", 200, 300),)), data / "autosave-0123456789ab.hipmap.json")
    step = Step(kind="compression", muscle_id="piriformis", title="Tennis ball", side="right", ready_s=5, hold_s=30, rest_s=5, reps=2)
    RoutineLibrary(data / "routines").save(Routine("Evening", [step]))
    with Store.open(data / "sessions.sqlite3") as store:
        store.save_many(synthetic_sessions(5))
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), HIPMAP_DATA_DIR=str(data), XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local" / "state"))  # fmt: skip
    return env


def snapshot(tmp_path: Path) -> dict:
    """Every path under tmp_path (folders too), with the bytes of each file under data/."""
    found = {}
    for path in sorted(tmp_path.rglob("*")):
        rel = str(path.relative_to(tmp_path))
        found[rel] = path.read_bytes() if path.is_file() and rel.startswith("data") else path.is_dir()
    return found
