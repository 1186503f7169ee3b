"""The sessions database: round trips, people, history, refusing files it cannot trust, surviving a killed writer."""

import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipmap.core.store import opening as opening_module
from hipmap.core.routine.timer import RunLog, StepRecord
from hipmap.core.store.database import Store
from hipmap.core.store.errors import CorruptDatabase, DatabaseLocked, NewerDatabase, StoreError
from hipmap.core.store.opening import DB_FILENAME, ENV_DATA_DIR, data_dir_override, default_path, fresh_path_beside
from hipmap.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from hipmap.core.store.session import Session, run_log_to_dict
from hipmap.core.store.synthetic import synthetic_sessions
from tests.core.store_writer import kill_test_session

WRITER = Path(__file__).with_name("store_writer.py")
ROOT = Path(__file__).resolve().parents[2]


def make_session(created_at="2026-03-01T09:30:00Z", person="", **changes) -> Session:
    base = Session(
        id=None,
        created_at=created_at,
        person=person,
        painmap={"format": "hipmap.painmap", "version": 1, "note": "", "marks": [
            {"view": "lateral_right", "side": "right", "intensity": 6, "qualities": ["aching", "tingling"],
             "geometry": {"type": "Polygon", "coordinates": [[[1.5, 2], [30, 2], [30, 40.25], [1.5, 2]]]}}]},
        candidates=[
            {"id": "gluteus_minimus_anterior", "name": "Gluteus minimus (front fibres)", "side": "right", "score": 0.91,
             "reasons": ["covers 90% of your marked area"]},
            {"id": "tensor_fasciae_latae", "name": "Tensor fasciae latae (TFL)", "side": "right", "score": 0.5},
            {"id": "piriformis", "name": "Piriformis", "side": "right", "score": 0.25},
            {"id": "gluteus_medius", "name": "Gluteus medius", "side": "right", "score": 0.1},
        ],
        routine={"format": "hipmap.routine", "version": 1, "name": "Hip basics", "steps": [
            {"kind": "compression", "muscle_id": "gluteus_minimus_anterior", "exercise_id": "ball_gmin",
             "title": "Tennis ball: gluteus minimus", "side": "right", "ready_s": 5, "hold_s": 30, "rest_s": 10,
             "reps": 2},
            {"kind": "stretch", "muscle_id": "piriformis", "exercise_id": "", "title": "Stretch: piriformis",
             "side": "right", "ready_s": 5, "hold_s": 30, "rest_s": 10, "reps": 1}]},
        run_log={"routine_name": "Hip basics", "steps": [
            {"step_index": 0, "title": "Tennis ball: gluteus minimus", "side": "right", "status": "done",
             "holds_done": 2, "reps": 2, "elapsed_s": 80.0},
            {"step_index": 1, "title": "Stretch: piriformis", "side": "right", "status": "hurt",
             "holds_done": 0, "reps": 1, "elapsed_s": 3.5}],
            "planned_total_s": 125, "actual_total_s": 83.5, "paused_s": 12.0, "stopped": False},
        pain_before=7,
        pain_after=4,
        pain_extent=0.125,
        note="Worse after long drives. Zoë's notes: ✓",
    )
    return replace(base, **changes)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / DB_FILENAME) as opened:
        yield opened


def snapshot(folder: Path) -> dict:
    """Every file in `folder` with its bytes, modification time and permissions: a refused open must change none
    of it."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in sorted(folder.iterdir())}


def quick_check(path: Path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()


# --------------------------------------------------------------------------------------------- round trips


def test_every_field_survives_a_round_trip(tmp_path):
    path = tmp_path / "nested" / "folder" / DB_FILENAME  # parents are created
    session = make_session(person="Zoë")
    with Store.open(path) as store:
        saved = store.save(session)
        assert saved.id is not None and saved == replace(session, id=saved.id)
    with Store.open(path) as store:  # and after closing and reopening
        assert store.get(saved.id) == saved
        assert store.count() == 1


def test_optional_fields_may_be_empty(store):
    bare = make_session(routine=None, run_log=None, pain_before=None, pain_after=None, pain_extent=None,
                        candidates=[], note="")
    saved = store.save(bare)
    assert store.get(saved.id) == saved
    summary = store.summaries()[0]
    assert (summary.top_muscles, summary.has_routine, summary.skipped_steps) == ((), False, 0)
    assert (summary.pain_before, summary.pain_after, summary.pain_extent) == (None, None, None)


def test_update_replaces_the_session_under_the_same_id(store):
    first = store.save(make_session(person="Anna"))
    other = store.save(make_session(created_at="2026-03-02T10:00:00Z"))
    changed = replace(first, person="Ben", pain_after=2, note="better", routine=None, run_log=None, candidates=[])
    assert store.save(changed) == changed
    assert store.get(first.id) == changed
    assert store.get(other.id) == other
    assert store.count() == 2
    with pytest.raises(KeyError):
        store.save(replace(changed, id=999))
    assert store.count() == 2


def test_delete_and_ids_are_never_reused(store):
    a = store.save(make_session())
    b = store.save(make_session())
    store.delete(b.id)
    with pytest.raises(KeyError):
        store.get(b.id)
    with pytest.raises(KeyError):
        store.delete(b.id)
    assert [s.id for s in store.summaries()] == [a.id]
    assert store.save(make_session()).id > b.id  # a link to the deleted session can never show a different one


def test_save_many_is_all_or_nothing(store):
    saved = store.save_many([make_session(person="Anna"), make_session(person="anna")])
    assert [s.person for s in saved] == ["Anna", "Anna"]
    with pytest.raises(ValueError, match="pain_after"):
        store.save_many([make_session(), make_session(pain_after=11)])
    assert store.count() == 2


def test_run_log_to_dict_gives_what_a_session_keeps(store):
    step = StepRecord(0, "Stretch: piriformis", "left", "skipped", 1, 2, 31.5)
    log = RunLog("Hip basics", (step,), 75, 31.5, 0.0, True)
    saved = store.save(make_session(run_log=run_log_to_dict(log)))
    assert store.get(saved.id).run_log["steps"][0]["status"] == "skipped"
    assert store.summaries()[0].skipped_steps == 1


# --------------------------------------------------------------------------------------------- people, lists, history


def test_people_are_one_label_whatever_the_case(store):
    assert store.save(make_session(person="Anna")).person == "Anna"
    assert store.save(make_session(person=" anna ")).person == "Anna"  # trimmed; the first spelling wins
    assert store.save(make_session(person="ZOË")).person == "ZOË"
    assert store.save(make_session(person="zoë")).person == "ZOË"  # beyond ASCII too
    assert store.add_person("ben") == "ben"
    assert store.add_person("BEN") == "ben"
    assert store.people() == ["Anna", "ben", "ZOË"]  # sorted without regard to case
    assert len(store.summaries("ANNA")) == 2


def test_renaming_a_person(store):
    store.save(make_session(person="Ann"))
    store.add_person("Ben")
    store.rename_person("ann", "Anna")
    assert store.people() == ["Anna", "Ben"]
    assert [s.person for s in store.summaries()] == ["Anna"]
    store.rename_person("Anna", "ANNA")  # a change of case is a rename, not a clash
    assert store.people() == ["ANNA", "Ben"]
    with pytest.raises(ValueError, match="already someone called 'ben'"):
        store.rename_person("Anna", "ben")
    with pytest.raises(ValueError, match="empty"):
        store.rename_person("Anna", "  ")
    with pytest.raises(KeyError):
        store.rename_person("Nobody", "Somebody")
    with pytest.raises(ValueError, match="empty"):
        store.add_person("")
    assert store.people() == ["ANNA", "Ben"]


def test_summaries_per_person_newest_first(store):
    dates = ["2026-03-05T08:00:00Z", "2026-03-01T08:00:00Z", "2026-03-09T08:00:00Z", "2026-03-03T08:00:00Z"]
    people = ["Anna", "", "Anna", "Ben"]
    ids = {d: store.save(make_session(created_at=d, person=p)).id for d, p in zip(dates, people)}
    everyone = store.summaries()
    assert [s.created_at for s in everyone] == sorted(dates, reverse=True)
    assert [s.id for s in store.summaries("anna")] == [ids["2026-03-09T08:00:00Z"], ids["2026-03-05T08:00:00Z"]]
    assert [s.id for s in store.summaries("")] == [ids["2026-03-01T08:00:00Z"]]
    assert [s.person for s in store.summaries("Ben")] == ["Ben"]
    assert store.summaries("Nobody") == []
    first = everyone[0]
    assert first.top_muscles == ("Gluteus minimus (front fibres)", "Tensor fasciae latae (TFL)", "Piriformis")
    assert (first.has_routine, first.skipped_steps) == (True, 1)  # 'hurt' counts as skipped
    assert (first.pain_before, first.pain_after, first.pain_extent) == (7, 4, 0.125)


def test_same_moment_sessions_list_in_saving_order(store):
    a, b = (store.save(make_session(created_at="2026-03-01T09:00:00Z")) for _ in range(2))
    assert [s.id for s in store.summaries()] == [b.id, a.id]
    assert len(store.history()) == 2


def test_history_oldest_first(store):
    store.save(make_session(created_at="2026-03-09T08:00:00Z", person="Anna", pain_before=3, pain_after=1,
                            pain_extent=0.05))
    store.save(make_session(created_at="2026-03-01T08:00:00Z", person="Anna", pain_before=8, pain_after=None,
                            pain_extent=None))
    store.save(make_session(created_at="2026-03-04T08:00:00Z", person="Ben", pain_before=5, pain_after=5,
                            pain_extent=0.2))
    assert store.history("anna") == [("2026-03-01T08:00:00Z", 8, None, None), ("2026-03-09T08:00:00Z", 3, 1, 0.05)]
    assert [h[0] for h in store.history(None)] == ["2026-03-01T08:00:00Z", "2026-03-04T08:00:00Z",
                                                     "2026-03-09T08:00:00Z"]
    assert store.history("") == []


# --------------------------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"created_at": "2026-03-01 09:30:00"}, "created_at"),
        ({"created_at": "2026-02-30T09:30:00Z"}, "created_at"),
        ({"created_at": "2026-03-01T09:30:00+00:00"}, "created_at"),
        ({"person": "Anna\nBen"}, "person"),
        ({"person": "x" * 81}, "person"),
        ({"person": None}, "person"),
        ({"painmap": {"marks": []}}, "painmap"),
        ({"painmap": {"format": "hipmap.painmap", "x": object()}}, "painmap: cannot be stored as JSON"),
        ({"painmap": {"format": "hipmap.painmap", "x": float("nan")}}, "painmap: cannot be stored as JSON"),
        ({"candidates": ({"id": "a", "name": "A", "side": "right", "score": 0.5},)}, "candidates"),
        ({"candidates": [{"id": "a", "name": "A", "side": "middle", "score": 0.5}]}, r"candidates\[0\]\.side"),
        ({"candidates": [{"id": "a", "name": "", "side": "left", "score": 0.5}]}, r"candidates\[0\]\.name"),
        ({"candidates": [{"id": "a", "name": "A", "side": "left", "score": 1.5}]}, r"candidates\[0\]\.score"),
        ({"candidates": [{"id": "a", "name": "A", "side": "left", "score": True}]}, r"candidates\[0\]\.score"),
        ({"routine": {"format": "hipmap.routine", "version": 1, "steps": [{"kind": "dance"}]}}, r"routine: steps\[0\]"),
        ({"run_log": {"steps": [{"status": "bored"}]}}, r"run_log\.steps\[0\]\.status"),
        ({"run_log": {"steps": [], "planned_total_s": -1, "actual_total_s": 0, "stopped": False}}, "planned_total_s"),
        ({"run_log": {"steps": [], "planned_total_s": 1, "actual_total_s": 0, "stopped": "no"}}, "stopped"),
        ({"pain_before": 11}, "pain_before"),
        ({"pain_before": -1}, "pain_before"),
        ({"pain_after": 4.0}, "pain_after"),
        ({"pain_after": True}, "pain_after"),
        ({"pain_extent": 1.01}, "pain_extent"),
        ({"pain_extent": float("nan")}, "pain_extent"),
        ({"note": None}, "note"),
        ({"id": 0}, "id"),
    ],
)
def test_a_bad_session_is_refused_with_a_clear_message(store, changes, message):
    with pytest.raises(ValueError, match=message):
        store.save(make_session(**changes))
    assert store.count() == 0 and store.people() == []


# --------------------------------------------------------------------------------------------- the kill test


def _raw_rows(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {row[0]: row for row in conn.execute("SELECT * FROM sessions")}
    finally:
        conn.close()


def test_a_writer_killed_at_random_moments_never_loses_a_committed_session(tmp_path):
    rng = random.Random(20261125)
    path = tmp_path / DB_FILENAME
    seen_rows: dict = {}  # id -> raw row, once checked against kill_test_session(id)
    kills_mid_open = kills_mid_writing = 0
    for _ in range(30):
        child = subprocess.Popen([sys.executable, str(WRITER), str(path)], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout.readline() == "open\n", child.stderr.read()
        roll, lines = rng.random(), []
        if roll < 0.15:  # while it opens: the migration (first time) or WAL recovery
            time.sleep(rng.uniform(0, 0.004))
            kills_mid_open += 1
        else:
            assert child.stdout.readline() == "ready\n", child.stderr.read()
            if roll < 0.55:
                lines = [child.stdout.readline() for _ in range(rng.randint(0, 40))]
            else:
                time.sleep(rng.uniform(0.005, 0.06))
            kills_mid_writing += 1
        child.kill()
        lines += child.stdout.read().splitlines(keepends=True)
        assert child.wait() != 0 and "Traceback" not in child.stderr.read()
        child.stdout.close()
        child.stderr.close()
        reported = [int(line) for line in lines if line.endswith("\n") and line.strip().isdigit()]  # whole lines only
        before = len(seen_rows)

        with Store.open(path) as store:
            assert quick_check(path) == [("ok",)]
            ids = sorted(s.id for s in store.summaries())
            assert ids == list(range(1, len(ids) + 1))  # nothing lost in between
            assert set(reported) <= set(ids)
            assert len(ids) <= max([before, *reported]) + 1  # at most one committed but not yet reported
            rows = _raw_rows(path)
            for session_id in ids:
                if session_id in seen_rows:
                    assert rows[session_id] == seen_rows[session_id], f"session {session_id} changed"
                else:
                    assert store.get(session_id) == replace(kill_test_session(session_id), id=session_id)
                    seen_rows[session_id] = rows[session_id]
    assert kills_mid_open >= 2 and kills_mid_writing >= 20
    assert len(seen_rows) > 100  # the kills did land among many writes
    with Store.open(path) as store:
        for session_id in rng.sample(sorted(seen_rows), 50):
            assert store.get(session_id) == replace(kill_test_session(session_id), id=session_id)


def _wal_frame_starts(wal: bytes) -> list:
    page_size = int.from_bytes(wal[8:12], "big")
    return list(range(32, len(wal), 24 + page_size))  # a 32-byte header, then frames of a 24-byte header + a page


def test_a_commit_cut_short_in_the_wal_loses_only_itself(tmp_path):
    """The torn write a kill can leave: the -wal ends part-way through the last transaction's pages."""
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        store.save_many([kill_test_session(n) for n in (1, 2, 3)])
    holder = sqlite3.connect(path)  # while another connection is open, closing the store leaves its -wal as it is
    holder.execute("SELECT count(*) FROM sessions").fetchall()
    with Store.open(path) as store:
        for n in (4, 5):
            store.save(kill_test_session(n))
    main, wal = path.read_bytes(), path.with_name(DB_FILENAME + "-wal").read_bytes()
    holder.close()
    frames = _wal_frame_starts(wal)
    assert len(frames) >= 4  # both saves wrote pages there
    cuts = {0, 32, len(wal), *(f + d for f in frames for d in (-1, 0, 1, 24, 500))} - {len(wal) + 1}
    rng = random.Random(7)
    cuts |= {rng.randrange(32, len(wal)) for _ in range(10)}
    copy = tmp_path / "cut" / DB_FILENAME
    copy.parent.mkdir()
    visible = {}
    for cut in sorted(cuts):
        for leftover in copy.parent.iterdir():
            leftover.unlink()
        copy.write_bytes(main)
        copy.with_name(DB_FILENAME + "-wal").write_bytes(wal[:cut])
        with Store.open(copy) as store:
            ids = [s.id for s in reversed(store.summaries())]
            assert ids == list(range(1, len(ids) + 1)) and len(ids) >= 3, (cut, ids)
            for n in ids:
                assert store.get(n) == replace(kill_test_session(n), id=n)
        visible[cut] = len(ids)
    assert (visible[0], visible[32], visible[len(wal)]) == (3, 3, 5)
    counts = [visible[cut] for cut in sorted(visible)]
    assert counts == sorted(counts) and 4 in counts  # a longer log never shows less, and each commit stands alone


# --------------------------------------------------------------------------------------------- refusing a file


def _real_db_bytes(folder: Path, sessions: int = 40) -> bytes:
    path = folder / "real.sqlite3"
    with Store.open(path) as store:
        store.save_many([kill_test_session(n) for n in range(1, sessions + 1)])
    data = path.read_bytes()
    path.unlink()
    return data


def _assert_refused(path: Path, error: type) -> StoreError:
    before = snapshot(path.parent)
    with pytest.raises(error) as caught:
        Store.open(path)
    assert snapshot(path.parent) == before  # same bytes, same times, no new -wal or -shm
    message = str(caught.value)
    assert str(path) in message and "fresh database beside it" in message and "left as it is" in message
    assert caught.value.path == path
    fresh = fresh_path_beside(path)
    assert fresh.parent == path.parent and not fresh.exists()
    with Store.open(fresh) as store:
        assert store.save(make_session()).id == 1
    assert {k: v for k, v in snapshot(path.parent).items() if k in before} == before
    return caught.value


def test_random_bytes_are_refused_untouched(tmp_path):
    path = tmp_path / DB_FILENAME
    path.write_bytes(random.Random(1).randbytes(20_000))
    _assert_refused(path, CorruptDatabase)


@pytest.mark.parametrize("length", [1, 15, 16, 99, 100, 4096, 4097, 8192, 50_000, -4096, -1])
def test_a_truncated_database_is_refused_untouched(tmp_path, length):
    data = _real_db_bytes(tmp_path)
    assert len(data) > 100_000  # several pages of sessions to cut off
    path = tmp_path / DB_FILENAME
    path.write_bytes(data[:length])
    error = _assert_refused(path, CorruptDatabase)
    # a cut file is named as one; a stub too short for the header is "not an SQLite database"
    assert ("cut off" in str(error)) == (len(data[:length]) >= 100)


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / DB_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE sessions (x)")
    conn.commit()
    conn.close()
    assert "another program" in str(_assert_refused(path, CorruptDatabase))


def test_a_database_from_a_newer_hipmap_is_refused_untouched(tmp_path):
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        store.save(make_session())
        store._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    error = _assert_refused(path, NewerDatabase)
    assert (error.found_version, error.supported_version) == (SCHEMA_VERSION + 5, SCHEMA_VERSION)
    assert "newer hipmap" in str(error)


def test_a_newer_version_still_in_the_wal_after_a_crash_is_refused_untouched(tmp_path):
    """The main file alone says 'current version'; only the -wal a crashed newer hipmap left says otherwise."""
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        store.save(make_session())
    code = ("import os, sqlite3, sys\n"
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "conn.execute('PRAGMA user_version = 99')\n"
            "os._exit(0)  # no close: the change stays in the -wal, as after a crash\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert path.with_name(DB_FILENAME + "-wal").stat().st_size > 0
    assert _assert_refused(path, NewerDatabase).found_version == 99


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("offset, value", [(18, 3), (18, 255), (19, 3), (19, 0)])
def test_a_header_asking_for_another_file_format_is_refused_untouched(tmp_path, journal, offset, value):
    """Issue 16, fuzz db case 9618 (seed 17): SQLite opens a file whose write version is over 2 read-only, which the
    read-only check cannot tell; the real open failed after the file had been made 0600."""
    path = tmp_path / DB_FILENAME
    path.write_bytes(_real_db_bytes(tmp_path, sessions=3))
    if journal == "delete":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
    data = bytearray(path.read_bytes())
    data[offset] = value
    path.write_bytes(bytes(data))
    os.chmod(path, 0o644)  # a history others can read: hipmap makes it 0600, but only once it is accepted
    assert "header is damaged" in str(_assert_refused(path, CorruptDatabase))
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_file_the_real_open_refuses_keeps_its_permissions(tmp_path, monkeypatch):
    """A damage only a writable connection sees is found after the checks: the permissions go back as they were."""
    path = tmp_path / DB_FILENAME
    path.write_bytes(_real_db_bytes(tmp_path, sessions=3))
    os.chmod(path, 0o644)

    def refuse(conn, db_path, migrations):
        raise CorruptDatabase(db_path, "a damage only a writable connection sees")

    monkeypatch.setattr(opening_module, "migrate", refuse)
    before = snapshot(tmp_path)
    with pytest.raises(CorruptDatabase):
        Store.open(path)
    assert snapshot(tmp_path) == before
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_crashed_database_opens_with_its_last_commit(tmp_path):
    path = tmp_path / DB_FILENAME
    with Store.open(path):
        pass
    code = ("import os, sys\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\n"
            "from tests.core.store_writer import kill_test_session\n"
            "from hipmap.core.store.database import Store\n"
            "Store.open(Path(sys.argv[1])).save(kill_test_session(1))\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert path.with_name(DB_FILENAME + "-wal").exists()
    with Store.open(path) as store:
        assert store.get(1) == replace(kill_test_session(1), id=1)


def test_a_garbage_wal_beside_a_good_database_is_ignored(tmp_path):
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        saved = store.save(make_session())
    path.with_name(DB_FILENAME + "-wal").write_bytes(random.Random(2).randbytes(10_000))
    with Store.open(path) as store:  # SQLite trusts a -wal only as far as its checksums go
        assert store.get(saved.id) == saved
    assert quick_check(path) == [("ok",)]


def test_an_empty_file_is_a_new_database(tmp_path):
    path = tmp_path / DB_FILENAME
    path.touch()
    with Store.open(path) as store:
        assert store.count() == 0
        store.save(make_session())
    with Store.open(path) as store:
        assert store.count() == 1


def test_a_stray_wal_without_its_database_is_neither_adopted_nor_deleted(tmp_path):
    path = tmp_path / DB_FILENAME
    path.with_name(DB_FILENAME + "-wal").write_bytes(b"left over")
    before = snapshot(tmp_path)
    with pytest.raises(CorruptDatabase, match="-wal"):
        Store.open(path)
    assert snapshot(tmp_path) == before


def test_a_folder_in_the_way_is_a_store_error(tmp_path):
    (tmp_path / DB_FILENAME).mkdir()
    with pytest.raises(StoreError, match="not a file"):
        Store.open(tmp_path / DB_FILENAME)


def test_a_good_database_is_checked_without_leaving_side_files(tmp_path):
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        store.save(make_session())
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_FILENAME]
    with Store.open(path) as store:
        assert store.count() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_FILENAME]


def _contents(raw: bytes, flips: list) -> bytes:
    data = bytearray(raw)
    for position, value in flips:
        data[position % len(data)] = value
    return bytes(data)


_REAL_DB = {}


def _real_db() -> bytes:
    if "bytes" not in _REAL_DB:
        with tempfile.TemporaryDirectory() as folder:
            _REAL_DB["bytes"] = _real_db_bytes(Path(folder), sessions=6)
    return _REAL_DB["bytes"]


file_contents = st.one_of(
    st.binary(max_size=3000),
    st.binary(min_size=0, max_size=3000).map(lambda tail: b"SQLite format 3\x00" + tail),
    st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=6).map(
        lambda flips: _contents(_real_db(), flips)),  # a real database with a few bytes damaged
    st.integers(1, 60_000).map(lambda n: _real_db()[:n]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file_contents)
def test_any_bytes_either_open_or_are_refused_untouched(contents):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / DB_FILENAME
        path.write_bytes(contents)
        before = snapshot(Path(folder))
        try:
            store = Store.open(path)
        except StoreError:
            assert snapshot(Path(folder)) == before
            return
        with store:  # it opened: damage it could not see may still surface, but only as a StoreError
            try:
                for summary in store.summaries():
                    store.get(summary.id)
                store.people()
                store.history()
            except StoreError:
                pass


# --------------------------------------------------------------------------------------------- migrations


def _add_mood(conn):
    conn.execute("ALTER TABLE sessions ADD COLUMN mood TEXT NOT NULL DEFAULT 'calm'")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_a_new_database_has_the_current_schema_version(tmp_path):
    path = tmp_path / DB_FILENAME
    Store.open(path).close()
    assert _user_version(path) == SCHEMA_VERSION == len(MIGRATIONS)


def test_a_migration_keeps_every_session(tmp_path):
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        saved = [store.save(make_session(person=p)) for p in ("Anna", "", "Ben")]
    with Store.open(path, migrations=(*MIGRATIONS, _add_mood)) as store:
        assert [store.get(s.id) for s in saved] == saved
        assert store.people() == ["Anna", "Ben"]
        assert store._conn.execute("SELECT DISTINCT mood FROM sessions").fetchall() == [("calm",)]
        store.save(make_session())
    assert _user_version(path) == SCHEMA_VERSION + 1
    # and this hipmap, which knows one migration fewer, now refuses it politely
    error = _assert_refused(path, NewerDatabase)
    assert (error.found_version, error.supported_version) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)


def test_a_failing_migration_changes_nothing(tmp_path):
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        saved = store.save(make_session())

    def half_done(conn):
        _add_mood(conn)
        raise RuntimeError("migration bug")

    with pytest.raises(RuntimeError, match="migration bug"):
        Store.open(path, migrations=(*MIGRATIONS, half_done))
    assert _user_version(path) == SCHEMA_VERSION
    with Store.open(path) as store:
        assert store.get(saved.id) == saved
        tables = {row[0] for row in store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "settings" not in tables


# --------------------------------------------------------------------------------------------- locking


def test_a_busy_database_says_so_and_recovers(tmp_path, monkeypatch):
    monkeypatch.setattr(opening_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / DB_FILENAME
    with Store.open(path) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another hipmap in the middle of saving
        with pytest.raises(DatabaseLocked, match="busy"):
            store.save(make_session())
        with pytest.raises(DatabaseLocked):
            Store.open(path)
        other.execute("ROLLBACK")
        other.close()
        assert store.save(make_session()).id == 1


# --------------------------------------------------------------------------------------------- paths


def test_data_dir_override(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    assert data_dir_override() is None
    monkeypatch.setenv(ENV_DATA_DIR, "  ")
    assert data_dir_override() is None
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path))
    assert data_dir_override() == tmp_path
    assert default_path(tmp_path) == tmp_path / "sessions.sqlite3"


def test_fresh_path_beside_never_names_an_existing_file(tmp_path):
    now = datetime(2026, 11, 25, 3, 34)
    path = tmp_path / DB_FILENAME
    first = fresh_path_beside(path, now)
    assert first == tmp_path / "sessions-2026-11-25T0334.sqlite3"
    first.write_bytes(b"")
    second = fresh_path_beside(path, now)
    assert second == tmp_path / "sessions-2026-11-25T0334 (2).sqlite3"
    second.with_name(second.name + "-wal").write_bytes(b"")  # a leftover journal also takes the name
    assert fresh_path_beside(path, now) == tmp_path / "sessions-2026-11-25T0334 (3).sqlite3"


# --------------------------------------------------------------------------------------------- synthetic sessions


def test_synthetic_sessions_are_plausible_and_reproducible(tmp_path):
    sessions = synthetic_sessions(1000, seed=4)
    assert sessions == synthetic_sessions(1000, seed=4)
    assert sessions != synthetic_sessions(1000, seed=5)
    assert 2 <= len({s.person for s in sessions}) <= 3
    times = [datetime.strptime(s.created_at, "%Y-%m-%dT%H:%M:%SZ") for s in sessions]
    gaps = [(b - a).total_seconds() / 86400 for a, b in zip(times, times[1:])]
    assert min(gaps) > 1.8 and max(gaps) < 4.2
    early = sum(s.pain_before for s in sessions[:100]) / 100
    late = sum(s.pain_before for s in sessions[-100:]) / 100
    assert early > late + 2  # pain eases over time
    assert all(s.pain_after <= s.pain_before for s in sessions)
    assert any(s.routine is None for s in sessions) and any(s.routine for s in sessions)
    with Store.open(tmp_path / DB_FILENAME) as store:
        store.save_many(sessions)
        summaries = store.summaries()
        assert len(summaries) == store.count() == 1000
        assert summaries[0].created_at == sessions[-1].created_at
        assert len(store.history(sessions[0].person)) == sum(s.person == sessions[0].person for s in sessions)
        assert any(s.skipped_steps for s in summaries)


def test_the_store_never_imports_shapely_or_qt():
    code = ("import sys\nimport hipmap.core.store.database\nimport hipmap.core.store.synthetic\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('shapely', 'PySide6')]\nassert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_session_time_is_accepted_exactly_when_strptime_accepts_it():
    """The created_at check reads the fields at their places instead of calling strptime (the History checks every
    session it lists); it accepts and refuses the same values, calendar edges and all."""
    import random
    from datetime import datetime

    from hipmap.core.store.session import _CREATED_AT, _check_created_at

    def strptime_ok(value):
        try:
            return bool(_CREATED_AT.fullmatch(value)) and bool(datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ"))
        except ValueError:
            return False

    rng = random.Random(11)
    values = ["2024-02-29T23:59:59Z", "2026-02-29T12:00:00Z", "2026-11-25T03:34:60Z", "0000-01-01T00:00:00Z", "2026-00-10T00:00:00Z",
              "2026-12-31T24:00:00Z", "2026-04-31T10:00:00Z", "9999-12-31T23:59:59Z", "2026-1-01T00:00:00Z", "2026-11-25 03:34:12Z",
              "٢٠٢٦-11-25T03:34:12Z", "2026-11-25T03:34:12", ""]  # fmt: skip
    values += [f"{rng.randint(0, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}T{rng.randint(0, 25):02d}:{rng.randint(0, 61):02d}:{rng.randint(0, 61):02d}Z" for _ in range(3000)]
    accepted = 0
    for value in values:
        try:
            _check_created_at(value)
            ok = True
        except ValueError:
            ok = False
        assert ok == strptime_ok(value), value
        accepted += ok
    assert 0 < accepted < len(values)
