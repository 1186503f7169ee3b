"""Issue 16: inputs that passed the readers' checks and then broke something later (an empty mark, special files,
a red-flags file check-data did not look at)."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hipmap.core.content.check import check_data
from hipmap.core.content.problems import DataError
from hipmap.core.content.yamlfile import load_yaml_file
from hipmap.core.pain.painmap import PainMapError, load, loads
from hipmap.core.reading import FileTooLarge, UnreadableFile, read_bytes
from hipmap.core.routine.library import RoutineLibrary

ROOT = Path(__file__).resolve().parents[2]
EMPTY_MARK = b'{"format":"hipmap.painmap","version":1,"marks":[{"view":"posterior","geometry":{"type":"Polygon","coordinates":[]}}]}'


def run(*args, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "hipmap", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=env)


def one_line_exit_2(out):
    assert out.returncode == 2, out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr, out.stderr


# ------------------------------------------------------------------------------------- 6: empty or zero-area marks


@pytest.mark.parametrize(
    "geometry",
    [
        '{"type":"Polygon","coordinates":[]}',
        '{"type":"Polygon","coordinates":[[]]}',
        '{"type":"MultiPolygon","coordinates":[]}',
        '{"type":"Polygon","coordinates":[[[100,100],[200,200],[300,300],[100,100]]]}',  # a line: no area
        '{"type":"Polygon","coordinates":[[[100,100],[100,100],[100,100],[100,100]]]}',  # a point
    ],
)
def test_an_empty_or_zero_area_mark_is_refused_with_one_line(geometry):
    data = b'{"format":"hipmap.painmap","version":1,"marks":[{"view":"posterior","geometry":' + geometry.encode() + b"}]}"
    with pytest.raises(PainMapError, match=r"marks\[0\].geometry: the shape is empty") as info:
        loads(data, "p.json")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("command", [["handout", "OUT.pdf"], ["screenshot", "OUT.png"], ["match"]])
def test_an_empty_mark_exits_2_with_one_line_from_every_command(tmp_path, command):
    path = tmp_path / "empty.hipmap.json"
    path.write_bytes(EMPTY_MARK)
    args = [str(tmp_path / a) if a.startswith("OUT") else a for a in command]
    out = run(*args, "--painmap", str(path))
    one_line_exit_2(out)
    assert "the shape is empty" in out.stderr
    assert not list(tmp_path.glob("OUT*"))


# ------------------------------------------------------------------------------------- 7: special files


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "fifo.hipmap.json"
    os.mkfifo(path)
    return path


def test_the_reader_refuses_special_files_and_caps_the_size(tmp_path, fifo):
    started = time.monotonic()
    for path, kind in ((fifo, "FIFO"), (Path("/dev/zero"), "device"), (tmp_path, "folder")):
        with pytest.raises(UnreadableFile, match=kind):
            read_bytes(path, 1000)
    assert time.monotonic() - started < 5
    big = tmp_path / "big"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(FileTooLarge):
        read_bytes(big, 1000)
    assert read_bytes(big, 1001) == b"x" * 1001
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "missing", 10)


@pytest.mark.parametrize("which", ["fifo", "/dev/zero", "folder"])
def test_match_refuses_a_special_file_as_the_pain_map(tmp_path, fifo, which):
    path = {"fifo": fifo, "folder": tmp_path}.get(which, Path(which))
    out = run("match", "--painmap", str(path), timeout=30)
    one_line_exit_2(out)
    assert "not a regular file" in out.stderr
    with pytest.raises(PainMapError, match="not a regular file"):
        load(path)


@pytest.mark.parametrize("name", ["views.yaml", "red_flags.yaml", "muscles/piriformis.yaml", "i18n/es.yaml"])
def test_check_data_refuses_a_fifo_in_the_data_folder(tmp_path, name):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / name).unlink()
    os.mkfifo(data / name)
    out = run("check-data", "--data", str(data), timeout=60)
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"{data / name}:1: cannot read the file: not a regular file" in out.stdout + out.stderr


def test_yaml_and_svg_readers_refuse_dev_zero():
    with pytest.raises(OSError, match="not a regular file"):
        load_yaml_file(Path("/dev/zero"))
    from hipmap.core.content.svgdoc import parse_svg_file

    with pytest.raises(OSError, match="not a regular file"):
        parse_svg_file(Path("/dev/zero"))


def test_a_fifo_in_the_routine_folder_is_listed_with_its_problem(tmp_path):
    os.mkfifo(tmp_path / "stuck.hipmap-routine.json")
    (tmp_path / "dir.hipmap-routine.json").mkdir()
    saved = RoutineLibrary(tmp_path).saved()  # must not block
    assert [s.routine for s in saved] == [None, None]
    assert all("not a regular file" in s.problem for s in saved)


# ------------------------------------------------------------------------------------- 10: check-data and red flags


@pytest.mark.parametrize("content", ["questions: [[[[\n", None])
def test_check_data_validates_red_flags(tmp_path, content):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    if content is None:
        (data / "red_flags.yaml").unlink()
    else:
        (data / "red_flags.yaml").write_text(content)
    # Less the shipped data's uncovered regions (the coverage integration point, tests/core/test_cli.py).
    problems = [p for p in check_data(data) if "is in no muscle's referral zone" not in p]
    assert problems and all(p.startswith(f"{data / 'red_flags.yaml'}:") for p in problems), problems
    out = run("check-data", "--data", str(data))
    assert out.returncode == 1 and "data OK" not in out.stdout
    assert f"{data / 'red_flags.yaml'}:" in out.stdout + out.stderr


def test_check_data_reports_a_red_flags_problem_beside_the_atlas_ones(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "red_flags.yaml").write_text("questions: [[[[\n")
    (data / "views.yaml").write_text("views: [[[[\n")
    problems = check_data(data)
    assert any(p.startswith(f"{data / 'red_flags.yaml'}:") for p in problems)
    assert any(p.startswith(f"{data / 'views.yaml'}:") for p in problems)
    assert len(problems) == len(set(problems))


# ------------------------------------------------------------------------------------- siblings: the sessions database


@pytest.mark.parametrize("suffix", ["-wal", "-journal", "-shm"])
def test_a_database_side_file_that_is_not_a_file_is_refused_quickly(tmp_path, suffix):
    from hipmap.core.store.database import Store
    from hipmap.core.store.errors import StoreError

    path = tmp_path / "sessions.sqlite3"
    Store.open(path).close()
    side = tmp_path / f"sessions.sqlite3{suffix}"
    side.unlink(missing_ok=True)
    side.symlink_to("/dev/zero")
    started = time.monotonic()
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(path)
    assert time.monotonic() - started < 10


def test_a_database_with_a_giant_wal_is_refused_without_copying_it(tmp_path):
    from hipmap.core.store.database import Store
    from hipmap.core.store.errors import StoreError
    from hipmap.core.store.opening import MAX_SIDE_FILE_BYTES

    path = tmp_path / "sessions.sqlite3"
    Store.open(path).close()
    with open(tmp_path / "sessions.sqlite3-wal", "wb") as handle:
        handle.truncate(MAX_SIDE_FILE_BYTES + 1)  # sparse
    started = time.monotonic()
    with pytest.raises(StoreError, match="too large"):
        Store.open(path)
    assert time.monotonic() - started < 10
