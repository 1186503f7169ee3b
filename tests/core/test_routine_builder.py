"""Building routines from several muscles, keeping the user's edits, and saving named routines."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipmap.core.routine.model import Routine, RoutineError, routine_from_dict
from hipmap.core.routine.builder import build_routine, merged, step_key
from hipmap.core.routine.library import RoutineLibrary, file_stem

GMIN = "gluteus_minimus_anterior"
TFL = "tensor_fasciae_latae"


def choose(atlas, *pairs):
    return [(atlas.muscles[m], side) for m, side in pairs]


def test_compression_then_its_stretches_per_muscle_one_side_at_a_time(atlas):
    routine = build_routine(choose(atlas, (GMIN, "right"), ("piriformis", "left"), (TFL, "right")), atlas.exercises)
    sides = [s.side for s in routine.steps]
    assert sides == sorted(sides, key=lambda s: s != "right")  # every right step before every left one
    assert sum(p.kind == "switch" for p in routine.phases()) == 1
    muscles = [(s.muscle_id, s.kind) for s in routine.steps if s.side == "right"]
    assert muscles[0] == (GMIN, "compression")
    tfl_press = muscles.index((TFL, "compression"))
    assert all(kind == "stretch" for _m, kind in muscles[1:tfl_press])
    assert routine.steps[-1].side == "left" and routine.steps[-1].muscle_id == "piriformis"


def test_a_stretch_shared_by_two_muscles_on_one_side_is_done_once(atlas):
    gmin = set(atlas.muscles[GMIN].self_care.stretches)
    tfl = set(atlas.muscles[TFL].self_care.stretches)
    shared = gmin & tfl
    assert shared, "the data should share at least one stretch between these two muscles"
    routine = build_routine(choose(atlas, (GMIN, "right"), (TFL, "right")), atlas.exercises)
    stretch_ids = [s.exercise_id for s in routine.steps if s.kind == "stretch"]
    assert len(stretch_ids) == len(set(stretch_ids)) == len(gmin | tfl)
    both = build_routine(choose(atlas, (GMIN, "right"), (GMIN, "left")), atlas.exercises)
    assert len(both.steps) == 2 * (1 + len(gmin))  # the same stretch on the other side is a step of its own


def test_steps_carry_the_data_holds_and_reps(atlas):
    routine = build_routine(choose(atlas, (TFL, "left")), atlas.exercises)
    care = atlas.muscles[TFL].self_care
    press = routine.steps[0]
    assert (press.kind, press.hold_s, press.reps, press.side) == ("compression", care.compression.hold_s, care.compression.reps, "left")
    for step in routine.steps[1:]:
        ex = atlas.exercises[step.exercise_id]
        assert (step.hold_s, step.rest_s, step.reps) == (ex.hold_s, ex.rest_s, ex.reps)


def test_default_names(atlas):
    assert build_routine(choose(atlas, (TFL, "right")), atlas.exercises).name == f"{atlas.muscles[TFL].name}, right side"
    three = build_routine(choose(atlas, (TFL, "right"), (GMIN, "left"), ("piriformis", "left")), atlas.exercises)
    assert three.name == f"{atlas.muscles[TFL].name} and 2 more, both sides"
    assert build_routine([], atlas.exercises).steps == ()


SPANISH_NAME_PHRASES = {"two": "{first} y {second}", "more": "{first} y {count} más", "name": "{who}, {where}",
                        "both_sides": "ambos lados", "one_side": "lado {side}", "right": "derecho", "left": "izquierdo"}  # fmt: skip


def test_every_pair_of_muscles_makes_a_routine_with_a_name_that_fits_in_both_languages(atlas):
    """Two long Spanish names ("Isquiotibiales internos (semitendinoso y semimembranoso) y Aductor largo y aductor
    corto (cara interna del muslo), ambos lados") made a name over the routine's 120 characters and the builder
    refused its own routine."""
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.routine.model import MAX_NAME

    for muscles, phrases in ((atlas.muscles, None), (load_atlas(language="es").muscles, SPANISH_NAME_PHRASES)):
        for a in muscles.values():
            for b in muscles.values():
                routine = build_routine([(a, "right"), (b, "left")], atlas.exercises, phrases=phrases)
                assert 0 < len(routine.name) <= MAX_NAME
    es = load_atlas(language="es").muscles
    name = build_routine([(es["medial_hamstrings"], "right"), (es["adductor_longus_brevis"], "left")], atlas.exercises, phrases=SPANISH_NAME_PHRASES).name
    assert name == "Isquiotibiales internos y Aductor largo y aductor corto, ambos lados"  # the brackets go first


def test_merging_keeps_edits_and_order_and_slots_new_steps_in_place(atlas):
    first = build_routine(choose(atlas, (GMIN, "right")), atlas.exercises)
    edited = first.with_step_changed(0, hold_s=45, reps=3).moved(len(first.steps) - 1, 0)
    plan = build_routine(choose(atlas, (GMIN, "right"), (TFL, "right")), atlas.exercises)
    result = merged(edited, plan)
    kept = [step_key(s) for s in result.steps if step_key(s) in set(map(step_key, edited.steps))]
    assert kept == [step_key(s) for s in edited.steps]  # the user's order
    press = next(s for s in result.steps if s.kind == "compression" and s.muscle_id == GMIN)
    assert (press.hold_s, press.reps) == (45, 3)  # the user's edits
    assert {step_key(s) for s in result.steps} == {step_key(s) for s in plan.steps}
    # Removing the muscle again removes exactly its steps, and the edits to the others stay.
    back = merged(result, build_routine(choose(atlas, (GMIN, "right")), atlas.exercises))
    assert back.steps == edited.steps


def test_a_new_muscles_compression_comes_before_a_stretch_it_shares(atlas):
    only_gmin = build_routine(choose(atlas, (GMIN, "right")), atlas.exercises)
    result = merged(only_gmin, build_routine(choose(atlas, (TFL, "right")), atlas.exercises))
    assert result.steps[0].kind == "compression" and result.steps[0].muscle_id == TFL
    assert all(s.muscle_id == TFL for s in result.steps)  # shared stretches now belong to the muscle still ticked
    left = merged(only_gmin, build_routine(choose(atlas, (GMIN, "right"), (TFL, "left")), atlas.exercises))
    assert left.steps[: len(only_gmin.steps)] == only_gmin.steps and {s.side for s in left.steps[len(only_gmin.steps):]} == {"left"}


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_merge_always_gives_exactly_the_planned_steps(atlas, data):
    ids = [m for m in atlas.muscles if atlas.muscles[m].self_care is not None]
    pairs = st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(["right", "left"])), max_size=5, unique=True)
    before, after = data.draw(pairs), data.draw(pairs)
    current = build_routine(choose(atlas, *before), atlas.exercises)
    if current.steps:
        current = current.moved(data.draw(st.integers(0, len(current.steps) - 1)), 0)
    plan = build_routine(choose(atlas, *after), atlas.exercises)
    result = merged(current, plan)
    assert sorted(map(step_key, result.steps)) == sorted(map(step_key, plan.steps))
    kept = [step_key(s) for s in current.steps if step_key(s) in set(map(step_key, plan.steps))]
    assert [k for k in map(step_key, result.steps) if k in set(kept)] == kept  # the user's order survives


def test_library_saves_lists_loads_and_replaces_by_name(tmp_path, atlas):
    library = RoutineLibrary(tmp_path / "routines")
    assert library.saved() == []
    routine = build_routine(choose(atlas, (TFL, "right")), atlas.exercises, name="Morning hips")
    path = library.save(routine)
    assert path.parent == tmp_path / "routines" and path.name == "morning-hips.hipmap-routine.json"
    assert routine_from_dict(json.loads(path.read_text())) == routine
    changed = Routine("MORNING hips", routine.with_step_changed(0, hold_s=60).steps)
    assert library.save(changed) == path  # same name, ignoring case: replaced, not duplicated
    assert [s.name for s in library.saved()] == ["MORNING hips"]
    assert library.load("morning hips").steps[0].hold_s == 60
    library.save(Routine("Morning: hips!", routine.steps))  # a different name with the same file stem
    assert len({s.path for s in library.saved()}) == 2
    library.delete(library.path_for("Morning hips"))
    assert [s.name for s in library.saved()] == ["Morning: hips!"]
    with pytest.raises(KeyError):
        library.load("nothing")


def test_library_lists_a_broken_file_with_its_problem_and_keeps_it(tmp_path, atlas):
    library = RoutineLibrary(tmp_path)
    library.save(build_routine(choose(atlas, (TFL, "right")), atlas.exercises, name="Good"))
    broken = tmp_path / "bad.hipmap-routine.json"
    broken.write_text('{"format": "hipmap.routine", "version": 1, "name": "x", "steps": [{"kind": "nap"}]}')
    (tmp_path / "worse.hipmap-routine.json").write_bytes(b"\xff\x00 not json")
    listed = {s.name: s for s in library.saved()}
    assert listed["Good"].routine is not None
    assert listed["bad"].routine is None and "steps[0]" in listed["bad"].problem
    assert "not valid JSON" in listed["worse"].problem
    with pytest.raises(RoutineError, match="steps"):
        library.load("bad")
    assert broken.exists()


def test_library_refuses_nameless_or_empty_routines(tmp_path, atlas):
    library = RoutineLibrary(tmp_path)
    with pytest.raises(RoutineError, match="name"):
        library.save(Routine("  ", build_routine(choose(atlas, (TFL, "right")), atlas.exercises).steps))
    with pytest.raises(RoutineError, match="step"):
        library.save(Routine("Empty"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, stem", [("Morning hips", "morning-hips"), ("  ", "routine"), ("Ünïcode / slash", "n-code-slash")])
def test_file_stems_are_safe(name, stem):
    assert file_stem(name) == stem
