"""The self-care exercise library and each muscle's self-care: the shipped data, and broken copies of it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hipmap import default_data_dir
from hipmap.core.content.exercises import KINDS, Exercise, load_exercises
from hipmap.core.content.problems import DataError
from hipmap.core.content.svgdoc import parse_svg_file

from .test_atlas import assert_reported, first_line_with, mutate, problems, rewrite_line

ROOT = Path(__file__).resolve().parents[2]
NEW_STRETCHES = (
    "knee_to_chest", "standing_side_bend", "standing_quad_stretch", "lying_hamstring_stretch", "seated_butterfly",
    "side_lunge_adductor",
)  # fmt: skip
BOTH_SIDES_AT_ONCE = {"seated_butterfly", "kneeling_shin_stretch", "lying_back_over_cushion"}  # per_side: false
# The house style of the pictograms: stroke figures in these colours only (docs/data-format.md).
PICTOGRAM_COLOURS = {"#3f6e9e", "#8fb0cf", "#9aa3ab", "#c9ced3", "#d08a3c", "#d6e04a", "#8c9424", "none"}
PICTOGRAM_TAGS = {"svg", "path", "circle", "line", "rect", "ellipse", "polyline", "polygon", "g"}


# ------------------------------------------------------------------------------------------ shipped data


def test_shipped_exercises_load():
    exercises = load_exercises()
    assert {"ball_against_wall", "ball_on_floor", "ball_bench_edge"} <= set(exercises)
    assert {"standing_crossover_adduction", "passive_adduction_bench", "seated_glute_stretch", "pigeon_pose", "low_lunge"} <= set(exercises)
    assert set(NEW_STRETCHES) <= set(exercises)
    for ex in exercises.values():
        assert isinstance(ex, Exercise) and ex.kind in KINDS
        assert 3 <= len(ex.steps) <= 6
        assert 1 <= ex.hold_s <= 600 and 0 <= ex.rest_s <= 600 and 1 <= ex.reps <= 20
        assert ex.sources and ex.feel and ex.avoid
        if ex.kind == "compression":
            assert ex.pressure and "referred pain" in ex.avoid and "sharp pain" in ex.avoid
            assert 15 <= ex.hold_s <= 90 and 2 <= ex.reps <= 3
        else:
            assert ex.pressure == "" and "bouncing" in ex.avoid and "pain" in ex.avoid
            assert ex.hold_s == 30 and 2 <= ex.reps <= 4  # ACSM: about 30 s, 2-4 times
            assert ex.per_side == (ex.id not in BOTH_SIDES_AT_ONCE), ex.id


def test_exercises_are_frozen():
    ex = load_exercises()["ball_on_floor"]
    with pytest.raises(AttributeError):
        ex.hold_s = 99


def test_pictograms_exist_and_parse_as_svg():
    for ex in load_exercises().values():
        assert ex.pictogram.is_file()
        root = parse_svg_file(ex.pictogram)
        assert root.tag == "svg" and root.attrs.get("viewBox") == "0 0 200 200"
        assert not any(e.tag == "text" for e in root.iter())


def test_every_exercise_has_its_own_pictogram_in_the_house_style():
    """assets/exercises/<id>.svg for every exercise, SVG Tiny 200 x 200, shapes only, the shared palette (no Qt here:
    the core's own SVG reader)."""
    exercises = load_exercises()
    assert {ex.pictogram.name for ex in exercises.values()} == {f"{i}.svg" for i in exercises}
    on_disk = {p.name for p in (ROOT / "assets" / "exercises").glob("*.svg")}
    assert on_disk == {f"{i}.svg" for i in exercises}  # no orphans
    for ex in exercises.values():
        root = parse_svg_file(ex.pictogram)
        attrs = root.attrs
        assert (attrs.get("version"), attrs.get("baseProfile")) == ("1.2", "tiny"), ex.id
        assert (attrs.get("width"), attrs.get("height")) == ("200", "200"), ex.id
        elements = list(root.iter())
        assert {e.tag for e in elements} <= PICTOGRAM_TAGS, (ex.id, {e.tag for e in elements})
        colours = {e.attrs[k].lower() for e in elements for k in ("fill", "stroke") if k in e.attrs}
        assert colours <= PICTOGRAM_COLOURS, (ex.id, colours - PICTOGRAM_COLOURS)
        assert sum(e.tag == "circle" and e.attrs.get("r") == "13" for e in elements) == 1, ex.id  # one head
        assert any(e.attrs.get("stroke") == "#3f6e9e" and e.attrs.get("stroke-width") == "11" for e in elements), ex.id


def test_pictograms_render_with_qt_svg():
    from PySide6.QtSvg import QSvgRenderer

    for ex in load_exercises().values():
        assert QSvgRenderer(str(ex.pictogram)).isValid(), ex.pictogram


def test_every_muscle_has_a_compression_step_and_known_stretches(atlas):
    assert set(atlas.exercises) == set(load_exercises())
    for muscle in atlas.muscles.values():
        care = muscle.self_care
        assert care is not None, muscle.id
        for fact in care.habits + care.cautions:
            assert fact.sources and set(fact.sources) <= set(atlas.sources)
        for stretch in care.stretches:
            assert atlas.exercises[stretch].kind == "stretch", (muscle.id, stretch)
        if care.instead is not None:  # no ball (the pelvic floor): what is safe at home, and who treats it
            assert care.compression is None and muscle.see_a_clinician, muscle.id
            continue
        assert atlas.exercises[care.compression.exercise].kind == "compression", muscle.id
        assert care.compression.where and care.compression.pressure and care.compression.sources
        assert any("referred pain" in c.text for c in care.cautions), muscle.id


def test_every_muscle_has_one_to_three_stretches_from_the_library(atlas):
    for muscle in atlas.muscles.values():
        stretches = muscle.self_care.stretches
        # A muscle with no ball may also have no stretch the sources support (the pelvic floor: breathing instead).
        least = 0 if muscle.self_care.instead is not None else 1
        assert least <= len(stretches) <= 3, (muscle.id, stretches)
        assert len(set(stretches)) == len(stretches), muscle.id
        for stretch in stretches:
            assert stretch in atlas.exercises and atlas.exercises[stretch].kind == "stretch", (muscle.id, stretch)


def test_every_stretch_in_the_library_is_used_and_sourced(atlas):
    used = {s for m in atlas.muscles.values() for s in m.self_care.stretches}
    stretches = {i for i, ex in atlas.exercises.items() if ex.kind == "stretch"}
    assert used == stretches
    for i in stretches:
        sources = set(atlas.exercises[i].sources)
        assert "acsm" in sources, i  # the hold and repetitions
        # The stretch itself: a source that names it (the seed article or the fact sheet), or plainly hipmap's own.
        assert sources & {"ts1", "ts2", "davies", "seed", "factsheet", "hipmap"}, i


def test_the_stretches_follow_what_each_muscle_does(atlas):
    """Each stretch puts the muscle in its long position (the opposite of what it does); TFL keeps the three the seed
    article ties to it."""

    def stretches(mid):
        return atlas.muscle(mid).self_care.stretches

    tfl = ["low_lunge", "standing_crossover_adduction", "passive_adduction_bench"]
    assert list(stretches("tensor_fasciae_latae")) == tfl
    assert set(stretches("gluteus_minimus_anterior")) == {"standing_crossover_adduction", "passive_adduction_bench"}
    assert set(stretches("gluteus_minimus_posterior")) == {"seated_glute_stretch", "pigeon_pose"}
    assert "standing_side_bend" in stretches("quadratus_lumborum")
    assert "knee_to_chest" in stretches("lumbar_paraspinals") and "knee_to_chest" in stretches("gluteus_maximus")
    for mid in ("biceps_femoris", "medial_hamstrings"):
        assert "lying_hamstring_stretch" in stretches(mid)
    for mid in ("rectus_femoris", "vastus_lateralis"):
        assert "standing_quad_stretch" in stretches(mid)
    for mid in ("iliopsoas", "rectus_femoris", "sartorius"):
        assert "low_lunge" in stretches(mid)  # hip extension
    for mid in ("adductor_longus_brevis", "adductor_magnus", "pectineus"):
        assert "seated_butterfly" in stretches(mid)
    assert {"seated_glute_stretch", "pigeon_pose"} <= set(stretches("piriformis"))
    assert {"passive_adduction_bench", "standing_crossover_adduction"} <= set(stretches("gluteus_medius"))


def test_stretch_text_is_safe_and_says_which_side(atlas):
    for ex in atlas.exercises.values():
        if ex.kind != "stretch":
            continue
        steps = " ".join(ex.steps)
        if ex.per_side:
            assert "you are stretching" in steps, ex.id  # which leg or side goes where
        else:
            assert "you are stretching" not in steps and "both" in steps, ex.id
        if ex.steps[0].startswith("Stand"):
            assert any("balance" in c for c in ex.cautions), ex.id  # something steady to hold
    ex = atlas.exercises
    assert any("kneecap" in c for c in ex["knee_to_chest"].cautions)
    quad, hamstring = ex["standing_quad_stretch"], ex["lying_hamstring_stretch"]
    assert "chair" in quad.steps[0] and any("strap" in c for c in quad.cautions)
    assert "twist" in ex["standing_side_bend"].avoid and "forward" in ex["standing_side_bend"].avoid
    assert "bent" in hamstring.steps[0] and "tingling" in hamstring.avoid
    assert any("nerve" in c for c in hamstring.cautions)
    assert "push the knees down" in ex["seated_butterfly"].avoid


def test_a_both_sides_stretch_is_done_once_in_a_two_sided_routine(atlas):
    from hipmap.core.routine.builder import build_routine

    pectineus = atlas.muscles["pectineus"]
    routine = build_routine([(pectineus, "right"), (pectineus, "left")], atlas.exercises)
    butterflies = [s for s in routine.steps if s.exercise_id == "seated_butterfly"]
    assert [s.side for s in butterflies] == ["none"]
    switches = [p for p in routine.phases() if p.kind == "switch"]
    assert len(switches) == 1 and switches[0].side == "left"  # right, both at once, then turn to the left


def test_habits_come_from_the_seed_article(atlas):
    for muscle in atlas.muscles.values():
        for habit in muscle.self_care.habits:
            assert "seed" in habit.sources


def test_deep_gluteus_minimus_gets_more_pressure_than_the_superficial_tfl(atlas):
    def low(mid):
        return int(atlas.muscle(mid).self_care.compression.pressure.split("-")[0])

    assert low("gluteus_minimus_anterior") > low("tensor_fasciae_latae")
    assert low("gluteus_minimus_posterior") > low("tensor_fasciae_latae")


def test_atlas_extras_list_the_exercises(atlas):
    rows = atlas.extras["exercises"]
    assert [r["id"] for r in rows] == list(atlas.exercises)
    assert all(r["name"] for r in rows)


def test_cli_lists_exercises_as_json():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "hipmap", "list", "exercises", "--json"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [r["id"] for r in rows] == list(load_exercises())
    assert all(r["name"] and r["kind"] in KINDS for r in rows)


# ------------------------------------------------------------------------------------------ broken copies


def test_unknown_key_and_bad_kind_in_exercises(copy):
    f = copy[0] / "exercises.yaml"
    line = mutate(f, "    kind: compression\n", "    kind: squeeze\n")
    line2 = rewrite_line(f, "feel: A mild stretch deep in the buttock of", lambda old: old.replace("feel:", "feeling:"))
    found = problems(copy)
    assert_reported(found, "exercises.yaml", line, "unknown value", "squeeze")
    assert_reported(found, "exercises.yaml", line2, "unknown key", "feeling")


def test_numbers_out_of_range(copy):
    f = copy[0] / "exercises.yaml"
    hold = rewrite_line(f, "hold_s: 30", lambda old: old.replace("30", "601"))
    rest = rewrite_line(f, "rest_s: 10", lambda old: old.replace("10", "-1"))
    reps = rewrite_line(f, "reps: 3", lambda old: old.replace("3", "21"))
    found = problems(copy)
    assert_reported(found, "exercises.yaml", hold, "hold_s", "1 to 600", "601")
    assert_reported(found, "exercises.yaml", rest, "rest_s", "0 to 600")
    assert_reported(found, "exercises.yaml", reps, "reps", "1 to 20", "21")


def test_missing_field_and_missing_pictogram(copy):
    f = copy[0] / "exercises.yaml"
    start = first_line_with(f, "- id: low_lunge")
    mutate(f, "    feel: A mild stretch at the front and outside", "    fel: A mild stretch at the front and outside")
    (copy[1] / "exercises" / "pigeon_pose.svg").unlink()
    found = problems(copy)
    assert_reported(found, "exercises.yaml", start, "missing required key 'feel'")
    assert_reported(found, "exercises.yaml", first_line_with(f, "pictogram: exercises/pigeon_pose.svg"), "file not found")


def test_broken_pictogram_svg(copy):
    (copy[1] / "exercises" / "low_lunge.svg").write_text('<svg viewBox="0 0 200 200">\n<path d="M0 0"\n')
    found = problems(copy)
    assert any("low_lunge.svg:" in p for p in found), found


def test_duplicate_id_and_unknown_source(copy):
    f = copy[0] / "exercises.yaml"
    dup = mutate(f, "  - id: ball_bench_edge", "  - id: ball_on_floor")
    src = rewrite_line(f, "sources: [hipmap, acsm]", lambda old: old.replace("acsm", "blog"))
    found = problems(copy)
    assert_reported(found, "exercises.yaml", dup, "duplicate exercise id", "ball_on_floor")
    assert_reported(found, "exercises.yaml", src, "unknown source", "blog")


def test_pressure_on_a_stretch_and_bad_pressure(copy):
    f = copy[0] / "exercises.yaml"
    bad = rewrite_line(f, 'pressure: "4-7"', lambda old: old.replace("4-7", "7-12"))
    stretch = mutate(f, "    feel: A mild, even stretch", '    pressure: "3"\n    feel: A mild, even stretch')
    found = problems(copy)
    assert_reported(found, "exercises.yaml", bad, "0-10", "7-12")
    assert_reported(found, "exercises.yaml", stretch, "only compression exercises")


def test_unknown_exercise_in_a_muscles_self_care(copy):
    f = copy[0] / "muscles" / "piriformis.yaml"
    line = mutate(f, "    exercise: ball_on_floor", "    exercise: foam_roller")
    found = problems(copy)
    assert_reported(found, "piriformis.yaml", line, "foam_roller", "not in data/exercises.yaml")


def test_unknown_or_wrong_kind_stretch_in_a_muscles_self_care(copy):
    f = copy[0] / "muscles" / "tensor_fasciae_latae.yaml"
    line = rewrite_line(f, "  stretches: [low_lunge", lambda old: old.replace("low_lunge", "splits, ball_on_floor"))
    found = problems(copy)
    assert_reported(found, "tensor_fasciae_latae.yaml", line, "unknown exercise", "splits")
    assert_reported(found, "tensor_fasciae_latae.yaml", line, "ball_on_floor", "not a stretch")


def test_compression_step_used_as_stretch_and_stretch_as_compression(copy):
    f = copy[0] / "muscles" / "gluteus_medius.yaml"
    line = mutate(f, "    exercise: ball_against_wall", "    exercise: low_lunge")
    assert_reported(problems(copy), "gluteus_medius.yaml", line, "low_lunge", "is a stretch")


def test_self_care_problems_in_one_pass(copy):
    f = copy[0] / "muscles" / "sartorius.yaml"
    hold = rewrite_line(f, "    hold_s: 20", lambda old: old.replace("20", "0"))
    unknown = mutate(f, "  habits: []", "  habbits: []")
    pressure = rewrite_line(f, '    pressure: "4-7"', lambda old: old.replace("4-7", "hard"))
    src = rewrite_line(f, "      source: factsheet", lambda old: old.replace("factsheet", "wiki"))
    found = problems(copy)
    assert_reported(found, "sartorius.yaml", hold, "hold_s", "1 to 600")
    assert_reported(found, "sartorius.yaml", unknown, "unknown key", "habbits")
    assert_reported(found, "sartorius.yaml", pressure, "pressure", "hard")
    assert_reported(found, "sartorius.yaml", src, "unknown source", "wiki")


def test_missing_self_care(copy):
    f = copy[0] / "muscles" / "pectineus.yaml"
    text = f.read_text()
    f.write_text(text[: text.index("self_care:")])
    assert_reported(problems(copy), "pectineus.yaml", 1, "missing required key 'self_care'")


def test_a_broken_exercise_is_reported_once_not_in_every_muscle(copy):
    f = copy[0] / "exercises.yaml"
    line = mutate(f, "    kind: compression\n", "    kind: squeeze\n")
    found = problems(copy)
    assert_reported(found, "exercises.yaml", line, "squeeze")
    assert not any("ball_against_wall" in p and "muscles" in p for p in found), found


def test_load_exercises_raises_with_every_problem(copy):
    f = copy[0] / "exercises.yaml"
    mutate(f, "    reps: 3\n", "    reps: 0\n", count=2)
    with pytest.raises(DataError) as info:
        load_exercises(*copy)
    assert sum("reps" in str(p) for p in info.value.problems) == 2
    assert load_exercises(default_data_dir())


def test_a_compression_names_what_presses_and_a_stretch_has_no_tool(atlas, copy):
    """The shin and the belly are pressed with the hands (a ball slips off the shinbone and presses too deep into the
    belly): their routine steps say "Hand pressure", every other compression "Tennis ball"."""
    from hipmap.core.routine.builder import routine_for_muscle

    hands = {i for i, ex in atlas.exercises.items() if ex.tool == "hands"}
    assert hands == {"thumb_pressure_shin", "fingertip_pressure_belly"}
    assert all(ex.tool == "tennis_ball" for i, ex in atlas.exercises.items() if ex.kind == "compression" and i not in hands)
    assert all(ex.tool == "" for ex in atlas.exercises.values() if ex.kind == "stretch")
    for muscle in atlas.muscles.values():
        steps = [s for s in routine_for_muscle(muscle, muscle.sides[0], atlas.exercises).steps if s.kind == "compression"]
        by_hand = muscle.self_care.compression is not None and muscle.self_care.compression.exercise in hands
        for step in steps:
            assert step.title == ("Hand pressure: " if by_hand else "Tennis ball: ") + muscle.name, step.title
    f = copy[0] / "exercises.yaml"
    stretch = mutate(f, "    kind: stretch\n", "    kind: stretch\n    tool: hands\n") + 1
    bad = rewrite_line(f, "tool: hands  #", lambda old: old.replace("hands", "elbow"))
    found = problems(copy)
    assert_reported(found, "exercises.yaml", bad, "tool", "unknown value", "elbow")
    assert_reported(found, "exercises.yaml", stretch, "tool", "only compression")


def test_a_stretch_step_that_names_a_pressure_is_reported_at_its_line(copy):
    f = copy[0] / "exercises.yaml"
    line = mutate(f, "until you feel a mild stretch in the buttock.", "until the pressure is about {pressure} out of 10.")
    found = problems(copy)
    assert_reported(found, "exercises.yaml", line - 3, "only a compression step can name the pressure")


def test_a_compression_step_reads_the_pressure_of_the_muscle_it_is_done_for(atlas):
    press = atlas.exercises["ball_bench_edge"]
    assert any("{pressure}" in step for step in press.steps)
    assert any("about 5-7 out of 10" in step for step in press.steps_at("5-7"))
    assert any(f"about {press.pressure} out of 10" in step for step in press.steps_at())
    assert all("{pressure}" not in step for step in press.as_row()["steps"])
