"""Writing the user's files: temporary files with one name pattern, cleared after a kill; health data private."""

import os
import stat
import time
from pathlib import Path

import pytest

from hipmap.core import fileio
from hipmap.core.fileio import atomic_write_bytes
from hipmap.core.routine.library import RoutineLibrary
from hipmap.core.routine.model import Routine, Step


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def routine(name):
    return Routine(name, [Step(kind="compression", muscle_id="piriformis", title="Tennis ball", side="right", ready_s=5, hold_s=30, rest_s=5, reps=2)])


def test_deleting_an_unreadable_routine_deletes_that_file_not_a_good_one_of_the_same_name(tmp_path):
    library = RoutineLibrary(tmp_path / "routines")
    damaged = library.save(routine("Evening"))
    damaged.write_bytes(damaged.read_bytes()[:20])  # cut short
    good = library.save(routine("Evening"))  # the damaged one cannot be read, so this goes beside it
    assert good != damaged and good.name == "evening-2.hipmap-routine.json"
    entry = next(s for s in library.saved() if s.routine is None)
    assert entry.name == "evening"  # listed as "evening (cannot be read)"
    library.delete(entry.path)
    assert not damaged.exists() and good.exists()
    assert [s.name for s in library.saved()] == ["Evening"]
    with pytest.raises(KeyError):
        library.delete(tmp_path / "elsewhere.hipmap-routine.json")  # only the library's own files


def test_every_writer_names_its_temporary_file_one_way(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: seen.append(os.path.basename(src)) or real_replace(src, dst))
    atomic_write_bytes(tmp_path / "map.hipmap.json", b"{}")
    RoutineLibrary(tmp_path / "routines").save(routine("Evening"))
    assert len(seen) == 2 and all(fileio.is_temp_name(name) for name in seen), seen
    assert seen[0].startswith(".map.hipmap.json.") and seen[0].endswith(".tmp")


def test_leftover_temporary_files_are_removed_when_old_and_ours(tmp_path):
    old = time.time() - 3600
    ours = [".map.hipmap.json.k3x_9a2b.tmp", "map.hipmap.json.AbC123", ".evening.hipmap-routine.json.abcdefgh.tmp"]
    kept = ["map.hipmap.json", ".notes.tmp", "notes.txt.AbC123", ".map.hipmap.json.tmp", "evening.hipmap-routine.json"]
    for name in ours + kept:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (old, old))
    fresh = tmp_path / ".other.hipmap.json.zzzzzzzz.tmp"  # another window's save, under way
    fresh.write_text("x")
    folder = tmp_path / ".dir.hipmap.json.aaaaaaaa.tmp"
    folder.mkdir()
    os.utime(folder, (old, old))
    removed = fileio.remove_stale_temp_files(tmp_path)
    assert sorted(p.name for p in removed) == sorted(ours)
    assert all((tmp_path / name).exists() for name in kept) and fresh.exists() and folder.is_dir()


def test_health_data_is_written_private(tmp_path, umask_022):
    from hipmap.core.pain.painmap import PainMap, click_mark, save

    save(PainMap((click_mark("anterior", 205, 262),)), tmp_path / "a.hipmap.json")
    assert mode(tmp_path / "a.hipmap.json") == 0o600
    library = RoutineLibrary(tmp_path / "data" / "routines")
    path = library.save(routine("Evening"))
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_the_history_database_and_its_journal_are_private(tmp_path, umask_022):
    from hipmap.core.store.database import Store
    from hipmap.core.store.synthetic import synthetic_sessions

    path = tmp_path / "data" / "sessions.sqlite3"
    with Store.open(path) as store:
        store.save_many(synthetic_sessions(3))
        side = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
        assert all(p.exists() for p in side)  # WAL mode: both are there while it is open
        assert [mode(p) for p in (path, *side)] == [0o600, 0o600, 0o600]
    assert mode(path.parent) == 0o700
    # A history written before, readable by anyone, is made private when opened.
    os.chmod(path, 0o644)
    Store.open(path).close()
    assert mode(path) == 0o600


def test_a_damaged_history_keeps_its_permissions(tmp_path, umask_022):
    from hipmap.core.store.database import Store
    from hipmap.core.store.errors import StoreError

    path = tmp_path / "sessions.sqlite3"
    path.write_bytes(b"not a database at all, but someone's file" * 10)
    os.chmod(path, 0o644)
    with pytest.raises(StoreError):
        Store.open(path)
    assert mode(path) == 0o644


def test_private_dir_tightens_only_when_asked(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    fileio.private_dir(shared, tighten=False)
    assert mode(shared) == 0o755
    fileio.private_dir(shared)
    assert mode(shared) == 0o700


def test_what_a_killed_save_leaves_is_recognised_and_cleared(tmp_path):
    import signal
    import subprocess
    import sys

    folder = tmp_path / "routines"
    folder.mkdir()
    writer = ("import sys; from pathlib import Path; from hipmap.core.fileio import atomic_write_bytes\n"
              "data = b'x' * 2_000_000\n"
              "while True: atomic_write_bytes(Path(sys.argv[1]) / 'evening.hipmap-routine.json', data)\n")  # fmt: skip
    root = Path(__file__).resolve().parents[2]
    for attempt in range(40):  # kill it mid-save until a save is cut short (most kills land inside one)
        proc = subprocess.Popen([sys.executable, "-c", writer, str(folder)], cwd=root)
        time.sleep(0.3 + 0.05 * (attempt % 5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        names = {p.name for p in folder.iterdir()} - {"evening.hipmap-routine.json"}
        if names:
            break
    assert names, "no save was cut short in 40 kills"
    assert all(fileio.is_temp_name(name) for name in names), names  # every leftover is ours by name...
    assert {p.name for p in fileio.remove_stale_temp_files(folder, older_than_s=0)} == names  # ...and goes
    assert {p.name for p in folder.iterdir()} <= {"evening.hipmap-routine.json"}
