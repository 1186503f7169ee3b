"""Bad input at scale. A short, fixed run of tools/fuzz.py (the long one runs on demand), hypothesis properties of
every reader, and one test for each bug the fuzzing found, so that each stays fixed."""

import importlib.util
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipmap.core.pain import painmap as pm
from hipmap.core.content.problems import DataError
from hipmap.core.routine.model import RoutineError, routine_from_dict
from hipmap.core.store.database import Store
from hipmap.core.store.errors import CorruptDatabase
from hipmap.core.store.session import Session
from hipmap.core.content.svgdoc import SvgError, parse_svg_bytes
from hipmap.core.geometry.svgpath import PathSyntaxError, parse_path
from hipmap.core.content.yamlfile import YamlSyntaxError, parse_yaml

ROOT = Path(__file__).resolve().parents[2]
# Cases per target for the suite: about 15 s on two cores. The long run: python tools/fuzz.py --seconds 600.
SHORT_RUN = {"yaml": 24, "svg": 24, "painmap": 60, "routine": 80, "db": 80, "cli": 40, "settings": 6, "history": 6}
# The settings and history targets open real windows (offscreen): accepted is their usual outcome.
ALWAYS_ACCEPTED = ("settings", "history")


def _fuzz_tool():
    spec = importlib.util.spec_from_file_location("hipmap_fuzz_tool", ROOT / "tools" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_short_fuzz_run_of_every_reader_finds_no_failure_and_writes_nothing(tmp_path):
    fuzz = _fuzz_tool()
    # A fixed number of cases and no wall-time budget: a busy machine runs them slower, never fewer. The per-case
    # limit is well above the slowest case (about 3 s under load), so only a real hang fails it.
    report = fuzz.run(seconds=None, cases=SHORT_RUN, seed=20261125, case_timeout=30, failures=tmp_path / "failures",
                      subprocess_every=20, jobs=2)  # fmt: skip
    failed = {t: r["failed_cases"] for t, r in report["targets"].items() if r["failures"]}
    assert report["failures"] == 0, json.dumps({"failed": failed, "shipped": report["shipped_data_changed"]}, indent=1)[:6000]
    for target, cases in SHORT_RUN.items():
        result = report["targets"][target]
        assert result["cases"] == cases
        refused = sum(n for kind, n in result["outcomes"].items() if kind.startswith("refused"))
        assert (refused > 0 or target in ALWAYS_ACCEPTED) and result["outcomes"].get("accepted", 0) + refused == cases
    assert report["targets"]["cli"]["subprocess_runs"] >= 1  # a real `python -m hipmap` too
    assert not report["shipped_data_changed"]


def test_the_same_seed_makes_the_same_cases(tmp_path):
    fuzz = _fuzz_tool()
    ctx = fuzz.Context(tmp_path / "run", 7)
    made = []
    for attempt in range(2):
        case = tmp_path / f"case{attempt}"
        case.mkdir()
        names: list = []
        fuzz.gen_painmap(random.Random("7/painmap/3"), case, ctx, names)
        made.append((names, (case / "pain.hipmap.json").read_bytes() if (case / "pain.hipmap.json").is_file() else None))
    assert made[0] == made[1]


# --------------------------------------------------------------------------------------------- properties

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=30,
)
mark_like = st.fixed_dictionaries(
    {"view": st.sampled_from(["posterior", "anterior", "lateral_right", "lateral_left", "top"])},
    optional={
        "intensity": st.integers(-2, 12) | json_values, "qualities": st.lists(st.sampled_from(pm.QUALITIES)) | json_values,
        "side": st.sampled_from(["right", "left", "both", "x"]),
        "geometry": st.fixed_dictionaries({
            "type": st.sampled_from(["Polygon", "MultiPolygon", "Point"]),
            "coordinates": st.lists(st.lists(st.lists(st.floats(-6000, 6000) | st.integers(-10, 700), min_size=0, max_size=3),
                                             max_size=12), max_size=2) | json_values,
        }),
    },
)  # fmt: skip
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(st.one_of(json_values, st.fixed_dictionaries({"format": st.just("hipmap.painmap"), "version": st.integers(-1, 3) | json_values,
                                                     "marks": st.lists(mark_like, max_size=3) | json_values})))  # fmt: skip
def test_any_json_is_a_pain_map_or_a_clear_error(value):
    try:
        loaded = pm.loads(json.dumps(value).encode())
    except pm.PainMapError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
    else:
        assert len(pm.loads(pm.dumps(loaded)).marks) == len(loaded.marks)  # it saves and reads back


@fast
@given(st.binary(max_size=300))
def test_any_bytes_are_a_pain_map_or_a_clear_error(data):
    try:
        pm.loads(data)
    except pm.PainMapError:
        pass


@fast
@given(st.one_of(json_values, st.fixed_dictionaries({
    "format": st.just("hipmap.routine"), "version": st.just(1), "name": st.text(max_size=130),
    "steps": st.lists(st.dictionaries(st.sampled_from(["kind", "muscle_id", "title", "exercise_id", "side", "ready_s", "hold_s",
                                                       "rest_s", "reps"]), json_values | st.sampled_from(["stretch", "right", "x"])), max_size=3),
})))  # fmt: skip
def test_any_json_is_a_routine_or_a_clear_error(value):
    try:
        routine = routine_from_dict(json.loads(json.dumps(value)))
    except RoutineError as exc:
        assert str(exc).strip()
    else:
        json.dumps(routine.to_dict(), ensure_ascii=False).encode("utf-8")  # it can be saved
        assert routine_from_dict(routine.to_dict()) == routine


@fast
@given(st.lists(st.sampled_from(list("ab:-[]{}&*!|>'\"#\n \t,?%@`\x00\x7f\u2028é") + ["<<", "!!set", "1" * 5000]), max_size=60).map("".join))
def test_any_text_is_yaml_or_a_yaml_error_with_its_line(text):
    try:
        parse_yaml(text)
    except YamlSyntaxError as exc:
        breaks = sum(text.count(b) for b in ("\n", "\x85", "\u2028", "\u2029"))  # YAML's line breaks
        assert 1 <= exc.line <= breaks + 2 and "\n" not in str(exc)


@fast
@given(st.lists(st.sampled_from(list("<>/=\"' svgpathid&;#x!-[]") + ["<svg>", "</svg>", "<g>", "<!DOCTYPE a>", "<!ENTITY e 'x'>", "&e;"]),
                max_size=80).map("".join))  # fmt: skip
def test_any_text_is_svg_or_an_svg_error(text):
    try:
        parse_svg_bytes(text.encode())
    except SvgError as exc:
        assert exc.line >= 1


@fast
@given(st.text(alphabet=st.sampled_from(list("MmLlHhVvCcSsQqTtZzAaX0123456789.-+eE, ")), max_size=60))
def test_any_path_data_is_points_or_a_path_error(d):
    try:
        parse_path(d)
    except PathSyntaxError:
        pass


# --------------------------------------------------------------------------------------------- what fuzzing found


def _problems(copy) -> list[str]:
    from hipmap.core.content.atlas import load_atlas

    with pytest.raises(DataError) as caught:
        load_atlas(*copy)
    return [str(p) for p in caught.value.problems]


def test_yaml_with_a_control_character_names_its_line_in_one_line(copy):
    data, _assets = copy
    path = data / "regions.yaml"
    lines = path.read_text().splitlines(keepends=True)
    lines[4] = lines[4].rstrip("\n") + "\x7f\n"
    path.write_text("".join(lines))
    found = [p for p in _problems(copy) if "regions.yaml" in p]
    assert found == [found[0]] and ":5: invalid YAML: control characters are not allowed (character U+007F)" in found[0]


@pytest.mark.parametrize("value", ["1" * 5000, "2001-13-45"])
def test_a_yaml_value_python_cannot_build_is_a_problem_on_its_line(value):
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(f"a: 1\nb: {value}\n")
    assert caught.value.line == 2 and str(caught.value).startswith("invalid YAML value")


def test_a_huge_trigger_point_coordinate_or_pressure_is_a_problem(copy):
    data, _assets = copy
    path = data / "muscles" / "piriformis.yaml"
    text = path.read_text()
    path.write_text(text.replace("at: [356, 268]", "at: [" + "9" * 400 + ", 268]").replace("pressure:", "pressure: '" + "1" * 5000 + "' #", 1))
    problems = _problems(copy)
    assert any("trigger_points[0].at: expected [x, y] numbers" in p for p in problems)
    assert any("pressure: expected a target on the 0-10 scale" in p for p in problems)


def test_deep_svg_nesting_and_unknown_encodings_are_svg_errors():
    deep = b'<svg viewBox="0 0 10 10">' + b"<g>" * 100_000 + b"</g>" * 100_000 + b"</svg>"
    assert parse_svg_bytes(deep).find_id("nothing") is None  # walked without recursion
    for encoding in (b"bogus", b"EBCDIC-US"):
        with pytest.raises(SvgError, match="unsupported encoding"):
            parse_svg_bytes(b'<?xml version="1.0" encoding="' + encoding + b'"?><svg/>')


def test_numbers_whose_sums_overflow_are_problems(copy):
    with pytest.raises(PathSyntaxError, match="number out of range"):
        parse_path("M 1e308 0 c 1e308 0 1e308 0 1e308 0 Z")  # the curve's length would be infinite
    _data, assets = copy
    path = assets / "views" / "posterior.svg"
    path.write_text(path.read_text().replace('transform="matrix(-1 0 0 1 600 0)"', 'transform="matrix(-1 0 0 1 1e308 0) translate(-1e308)"'))
    assert any("its axis x=inf is outside the viewBox" in p for p in _problems(copy))


def test_a_view_without_a_body_outline_is_a_problem_not_a_crash(copy):
    _data, assets = copy
    path = assets / "views" / "anterior.svg"
    path.write_text(path.read_text().replace('id="body"', 'id="bod"', 1))
    assert any("missing <path id=\"body\">" in p for p in _problems(copy))


def test_a_band_of_nothing_is_nothing():
    from hipmap.core.geometry.shapes import EMPTY, band

    assert band(EMPTY, "x", 0.0, 0.5).is_empty


def test_a_huge_number_or_a_tangle_in_a_pain_map_is_refused_quickly():
    with pytest.raises(pm.PainMapError, match="a number is too long"):
        pm.loads(b'{"format": "hipmap.painmap", "version": ' + b"1" * 5000 + b', "marks": []}')
    rng = random.Random(3)
    ring = [[round(rng.uniform(0, 600), 2), round(rng.uniform(0, 1000), 2)] for _ in range(300)]
    tangle = {"format": "hipmap.painmap", "version": 1,
              "marks": [{"view": "posterior", "geometry": {"type": "Polygon", "coordinates": [ring + [ring[0]]]}}]}  # fmt: skip
    started = time.perf_counter()
    with pytest.raises(pm.PainMapError, match="crosses itself and is too complex to repair"):
        pm.loads(json.dumps(tangle).encode())  # make_valid would take about half a minute
    assert time.perf_counter() - started < 2
    bowtie = [[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]
    tangle["marks"][0]["geometry"]["coordinates"] = [bowtie]
    assert pm.loads(json.dumps(tangle).encode()).marks[0].geometry.area == pytest.approx(50)  # a few crossings: repaired


def test_unpaired_surrogates_never_reach_a_file():
    loaded = pm.loads(b'{"format": "hipmap.painmap", "version": 1, "marks": [], "note": "a\\ud800b"}')
    assert loaded.note == "a\ufffdb"
    pm.dumps(loaded)
    with pytest.raises(RoutineError, match="name: expected Unicode text"):
        routine_from_dict({"format": "hipmap.routine", "version": 1, "name": "x\ud800", "steps": []})


def _hipmap_db(path: Path) -> None:
    with Store.open(path) as store:
        store.save(Session(None, "2026-03-01T09:30:00Z", "Anna", {"format": "hipmap.painmap", "version": 1, "marks": []},
                           [], None, None, 5, 3, 0.1))  # fmt: skip


@pytest.mark.parametrize("version, words", [(-1, r"schema version \(-1\) is damaged"), (0, "hipmap's tables but no schema version")])
def test_a_damaged_schema_version_is_refused_untouched(tmp_path, version, words):
    path = tmp_path / "sessions.sqlite3"
    _hipmap_db(path)
    data = bytearray(path.read_bytes())
    data[60:64] = (version % 2**32).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    with pytest.raises(CorruptDatabase, match=words):
        Store.open(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path))) == before


def test_an_integrity_report_is_one_line(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    _hipmap_db(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for i in range(2 * page + 8, 2 * page + 40):  # the header of the sessions table's page
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(path)
    assert "\n" not in str(caught.value)


def test_damaged_schema_sql_is_quoted_on_one_line(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    _hipmap_db(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE people (id INTEGER,' || char(10) || ' label `TEXT' WHERE name = 'people'")
    conn.commit()
    conn.close()
    with pytest.raises(CorruptDatabase, match="malformed database schema") as caught:
        Store.open(path)
    assert "\n" not in str(caught.value)


def test_a_stored_label_that_save_would_refuse_still_finds_its_sessions(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    _hipmap_db(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE people SET label = 'An' || char(10) || 'na', folded = 'an' || char(10) || 'na'")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        (label,) = store.people()
        assert len(store.summaries(label)) == 1 and len(store.history(label)) == 1


def test_a_label_that_is_not_text_is_damage(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    _hipmap_db(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE people SET label = x'414243'")  # a BLOB, as a flipped type byte can make it
    conn.commit()
    conn.close()
    with Store.open(path) as store, pytest.raises(CorruptDatabase, match="label is not text"):
        store.people()


def _cli(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8:strict"}  # as outside the C locale
    return subprocess.run([sys.executable, "-m", "hipmap", *args], capture_output=True, cwd=cwd, env=env, timeout=120, check=False)


def test_cli_errors_stay_one_line_for_any_argument(tmp_path):
    for args in (["check-data", "a\nb", "--x"], ["handout", "x" * 300, "--select", "piriformis"],
                 ["check-data", "--data", "9" * 400], ["match", "--top=--", "--region", "heel"],
                 ["check-data", "--data", "a\nb"]):  # fmt: skip
        out = _cli(*args, cwd=tmp_path)
        lines = out.stderr.decode().strip().splitlines()
        assert out.returncode in (1, 2) and len(lines) == 1 and b"Traceback" not in out.stderr, out.stderr
        assert all(line.startswith("a\\nb/") for line in out.stdout.decode().splitlines()) if "a\nb" in args[-1] else True
    out = _cli("check-data", "--data", os.fsdecode(b"no-such-\xff"), cwd=tmp_path)
    assert out.returncode == 1 and b"Traceback" not in out.stderr and b"no-such-" in out.stdout
    assert os.listdir(tmp_path) == []


def test_growing_a_list_of_lists_stays_small_enough_to_write():
    """Seed 101 hung in the generator: a list of lists grown 200x, twice, made a tree whose JSON took minutes to
    write. However often a tree is grown, it stays under the tool's bound."""
    fuzz = _fuzz_tool()

    class Ctx:
        words = [b"a", b"b"]

    rng = random.Random(3)
    tree = {"marks": [[[float(i), float(j)] for j in range(50)] for i in range(40)]}
    for _ in range(40):
        names: list = []
        rng_for_grow = random.Random(rng.random())
        rng_for_grow.choice = lambda seq, _c=rng_for_grow.choice: "grow" if "grow" in seq else (200 if 200 in seq else _c(seq))
        tree = fuzz.mutate_tree(rng_for_grow, tree, Ctx, names)
        assert fuzz._nodes(tree, 10 * fuzz.GROWN_NODES) <= 2 * fuzz.GROWN_NODES + 10
